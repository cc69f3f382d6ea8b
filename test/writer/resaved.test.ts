// An output re-saved by another program before `clean`: LibreOffice moves the product's texts from
// the cells into sharedStrings.xml. The clean copy carries no trace of the results there either,
// every officer's cell keeps its text (the indexes renumbered), and the package stays valid.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { snapshotFromBytes } from "../../src/reader/read";
import { cellAt, rowCells, rowNumbers } from "../../src/core/model/snapshot";
import { usedStrings } from "../../src/writer/shared-strings";
import { packageProblems } from "../helpers/validity";
import { cleaned } from "../helpers/writer-run";

const FIXTURES = join(__dirname, "..", "fixtures");
const RESAVED = join(FIXTURES, "producers", "libreoffice-ket-qua-xa-an-hoa.xlsx");
const ORIGINAL = join(FIXTURES, "examples", "xa-an-hoa.xlsx");
const text = (b: Uint8Array | undefined) => Buffer.from(b ?? new Uint8Array()).toString("utf8");

/** Every cell's value of every sheet, by sheet and address. */
async function values(bytes: Uint8Array): Promise<Record<string, Record<string, unknown>>> {
  const snap = await snapshotFromBytes(bytes);
  const out: Record<string, Record<string, unknown>> = {};
  for (const s of snap.sheets) {
    const cells: Record<string, unknown> = {};
    for (const r of rowNumbers(s))
      for (const c of rowCells(s, r).keys()) {
        const v = cellAt(s, r, c).value;
        if (v !== null && v !== "") cells[`${r}:${c}`] = v;
      }
    out[s.name] = cells;
  }
  return out;
}

test("clean of an output LibreOffice re-saved leaves no product text in the shared strings", async () => {
  const input = readFileSync(RESAVED);
  const before = text(unzipSync(input)["xl/sharedStrings.xml"]);
  // The fixture is what the issue saw: the results' texts among the shared strings.
  expect(before).toContain("KẾT QUẢ KIỂM TRA");
  expect(before).toContain("Đề nghị công nhận");
  const out = await cleaned(input);
  expect(out).not.toBeNull();
  const parts = unzipSync(out as Buffer);
  const sst = text(parts["xl/sharedStrings.xml"]);
  for (const word of ["KẾT QUẢ KIỂM TRA", "Đề nghị công nhận", "Mức tính toán", "Nhận xét"])
    expect(sst).not.toContain(word);
  expect(packageProblems(out as Buffer)).toEqual([]);
  // Every officer's cell as in the workbook the officer sent first, nothing of the product's.
  expect(await values(out as Buffer)).toEqual(await values(readFileSync(ORIGINAL)));
  // Every string left is used, and the counts say so.
  const used = new Map<number, number>();
  for (const [name, data] of Object.entries(parts))
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(name)) usedStrings(text(data), used);
  const unique = [...sst.matchAll(/<si>/g)].length;
  expect([...used.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: unique }, (_, i) => i));
  let total = 0;
  for (const n of used.values()) total += n;
  expect(/<sst\b[^>]*>/.exec(sst)?.[0]).toMatch(new RegExp(`count="${total}" uniqueCount="${unique}"`));
});

test("a string no sheet used before the clean stays where it is: only what the clean removed goes", async () => {
  const parts = unzipSync(readFileSync(RESAVED));
  const sst = text(parts["xl/sharedStrings.xml"]);
  // A producer's leftover: a string no cell uses, at the end of the list.
  parts["xl/sharedStrings.xml"] = Buffer.from(
    sst.replace("</sst>", "<si><t>chuỗi thừa của cán bộ</t></si></sst>")
  );
  const { zipSync } = await import("fflate");
  const out = await cleaned(zipSync(parts));
  expect(text(unzipSync(out as Buffer)["xl/sharedStrings.xml"])).toContain("chuỗi thừa của cán bộ");
});

test("the references are found in one pass, whatever the cell's attributes hold", () => {
  const sheet = `<x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>3</x:v></x:c><x:c r="B1" s="2" t = 's' ><x:v> 7 </x:v></x:c><x:c r="C1"><x:v>5</x:v></x:c><x:c r="D1" t="s"/><x:c r="E1" t="str"><x:v>9</x:v></x:c></x:row></x:sheetData>`;
  expect([...usedStrings(sheet)]).toEqual([
    [3, 1],
    [7, 1],
  ]);
});
