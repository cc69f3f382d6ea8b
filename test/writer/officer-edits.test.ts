// What officers do to a checked workbook between runs, as Excel saves it, and what a second run
// then writes: a checked sheet copied (Move or Copy copies its sheet-scoped names too).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { unzipSync, zipSync } from "fflate";
import { snapshotFromBytes } from "../../src/reader/read";
import { cellAt } from "../../src/core/model/snapshot";
import { packageProblems } from "../helpers/validity";
import { written } from "../helpers/writer-run";

const EXAMPLE = join(__dirname, "..", "fixtures", "examples", "xa-an-hoa.xlsx");
const text = (b: Uint8Array | undefined) => Buffer.from(b ?? new Uint8Array()).toString("utf8");

/** Sheet 1 copied as Excel's Move or Copy does: a new part, a new sheet at the end, its names copied into its scope. */
function copySheet(pkg: Uint8Array, copyName: string): Buffer {
  const parts = unzipSync(pkg);
  const wb = text(parts["xl/workbook.xml"]);
  const sheets = [...wb.matchAll(/<sheet\b[^>]*\/>/g)].length;
  const index = sheets; // the copy is the last sheet
  parts["xl/worksheets/sheet99.xml"] = parts["xl/worksheets/sheet1.xml"]!;
  parts["xl/_rels/workbook.xml.rels"] = Buffer.from(
    text(parts["xl/_rels/workbook.xml.rels"]).replace(
      "</Relationships>",
      `<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet99.xml"/></Relationships>`
    )
  );
  parts["[Content_Types].xml"] = Buffer.from(
    text(parts["[Content_Types].xml"]).replace(
      "</Types>",
      `<Override PartName="/xl/worksheets/sheet99.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`
    )
  );
  const first = /<sheet\b[^>]*\bname="([^"]+)"/.exec(wb)?.[1] as string;
  const copies = [...wb.matchAll(/<definedName\b[^>]*localSheetId="0"[^>]*>[^<]*<\/definedName>/g)]
    .map((m) =>
      m[0].replace('localSheetId="0"', `localSheetId="${index}"`).split(`'${first}'!`).join(`'${copyName}'!`)
    )
    .join("");
  parts["xl/workbook.xml"] = Buffer.from(
    wb
      .replace("</sheets>", `<sheet name="${copyName}" sheetId="99" r:id="rId99"/></sheets>`)
      .replace("</definedNames>", `${copies}</definedNames>`)
  );
  return Buffer.from(zipSync(parts));
}

describe("a checked sheet copied by the officer, then checked again", () => {
  test("no name twice in a scope, the copy's results replaced where they are, the original untouched", async () => {
    const once = (await written(readFileSync(EXAMPLE))) as Buffer;
    const copy = "Tự đánh giá (2)";
    const edited = copySheet(once, copy);
    // As Excel saved it: the copy's scope holds every product name, the fingerprint too.
    expect(text(unzipSync(edited)["xl/workbook.xml"]).match(/name="HocTap_VanTay"/g)?.length).toBe(3);

    const again = (await written(edited)) as Buffer;
    expect(packageProblems(again)).toEqual([]);
    const before = await snapshotFromBytes(edited);
    const after = await snapshotFromBytes(again);
    const sheetOf = (wb: typeof after, name: string) => wb.sheets.find((s) => s.name === name)!;
    // The result columns of the copy are written where they were (H:I), not beside them (J:K).
    const header = sheetOf(before, copy);
    let headerRow = 0;
    for (const [r, row] of header.rows) if (row.get(8)?.value === "Mức tính toán") headerRow = r;
    expect(headerRow).toBeGreaterThan(0);
    expect(cellAt(sheetOf(after, copy), headerRow, 8).value).toBe("Mức tính toán");
    expect(cellAt(sheetOf(after, copy), headerRow, 10).value).toBeNull();
    // The original sheet is as the first run wrote it.
    expect(cellAt(sheetOf(after, "Tự đánh giá"), headerRow, 8).value).toBe("Mức tính toán");
    expect(cellAt(sheetOf(after, "Tự đánh giá"), headerRow, 10).value).toBeNull();
    // A third run changes nothing.
    expect((await written(again))?.equals(again)).toBe(true);
  }, 60000);
});
