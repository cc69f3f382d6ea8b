// The writer applies the looks the core plans, read back by ExcelJS as an independent reader: the
// result columns styled like the officer's table, the block merged and sized, the print area grown
// and kept; clean gives all of it back.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type ExcelJS from "exceljs";
import { loadWorkbook } from "../helpers/exceljs/read";
import { parseRange } from "../../src/core/model/a1";
import { rawNames } from "../helpers/exceljs/names";
import { hoctap } from "../helpers/cli";
import { FORM_HEADER_ROW, officerForm } from "../fixtures/officer-form";

const dir = mkdtempSync(join(tmpdir(), "hoctap-format-"));
const SHEET = "Tự đánh giá";

/** Every cell's value and look in A1:F`rows`, to prove the officer's cells are untouched. */
function officerCells(ws: ExcelJS.Worksheet, rows: number): string {
  const out: string[] = [];
  for (let r = 1; r <= rows; r++)
    for (let c = 1; c <= 6; c++) out.push(JSON.stringify([ws.getCell(r, c).value, ws.getCell(r, c).style]));
  return out.join("\n");
}

describe("the results in an officer's printed form", () => {
  const input = join(dir, "an-lao.xlsx");
  const once = join(dir, "an-lao-kq.xlsx");
  const twice = join(dir, "an-lao-kq2.xlsx");
  const clean = join(dir, "an-lao-sach.xlsx");
  let original: ExcelJS.Worksheet;
  let ws: ExcelJS.Worksheet;
  let wb: ExcelJS.Workbook;

  beforeAll(async () => {
    // (Unsigned: the block goes right under the table; under a signature it stays on KQ.)
    await officerForm({
      unit: "Huyện An Lão",
      indicator: (n) => (n === 4 ? { evidence: null } : {}),
      signed: false,
    }).xlsx.writeFile(input);
    expect((await hoctap("check", input, "--out", once)).code).toBe(1);
    original = (await loadWorkbook(input)).getWorksheet(SHEET)!;
    wb = await loadWorkbook(once);
    ws = wb.getWorksheet(SHEET)!;
  });

  test("the owned columns copy the officer's header and rows, bordered, wrapped and sized", () => {
    const header = ws.getCell(FORM_HEADER_ROW, 7);
    expect(header.value).toBe("Mức tính toán");
    expect(header.font).toMatchObject({ name: "Times New Roman", size: 13, bold: true });
    expect(header.fill).toEqual(original.getCell(FORM_HEADER_ROW, 6).fill);
    expect(header.alignment).toMatchObject({ wrapText: true, horizontal: "center" });
    expect(header.border).toMatchObject({ top: { style: "thin" }, right: { style: "thin" } });
    const note = ws.getCell(FORM_HEADER_ROW + 7, 8); // indicator 4
    expect(note.value).toBe("Thiếu minh chứng");
    expect(note.font).toMatchObject({ name: "Times New Roman", size: 13 });
    expect(note.alignment).toMatchObject({ wrapText: true, horizontal: "left" });
    expect(ws.getColumn(7).width).toBeGreaterThan(12);
    expect(ws.getColumn(8).width).toBeGreaterThan(ws.getColumn(7).width!);
  });

  test("the block spans the table's width, wrapped, as tall as its lines; the print area holds it", () => {
    const top = (ws.model.merges as string[])
      .filter((m) => /^A\d+:F\d+$/.test(m))
      .map((m) => Number(/^A(\d+)/.exec(m)![1]))
      .filter((r) => r > FORM_HEADER_ROW)
      .sort((a, b) => a - b);
    expect(top.length).toBe(5);
    expect(ws.getCell(top[0]!, 1).value).toBe("KẾT QUẢ KIỂM TRA TỰ ĐÁNH GIÁ");
    expect(ws.getCell(top[0]!, 1).font).toMatchObject({ name: "Times New Roman", bold: true });
    expect(ws.getRow(top[0]!).height).toBeGreaterThan(15);
    const bottom = top.at(-1)!;
    expect(ws.pageSetup.printArea).toBe(`A1:H${bottom}`);
    // The officer's print area is kept as they wrote it, to be given back exactly.
    const kept = rawNames(wb).find((n) => n.name === "HocTap_VungIn")!;
    expect(kept.hidden).toBe(true);
    expect(parseRange(kept.ranges[0]!)).toEqual({
      sheet: SHEET,
      range: parseRange(original.pageSetup.printArea!)!.range,
    });
  });

  test("nothing of the officer's changes: values, looks, print titles", () => {
    const last = original.rowCount;
    expect(officerCells(ws, last)).toBe(officerCells(original, last));
    expect(ws.pageSetup.printTitlesRow).toBe(`${FORM_HEADER_ROW}:${FORM_HEADER_ROW}`);
  });

  test("a second run gives the same sheet; clean gives back the officer's form", async () => {
    expect((await hoctap("check", once, "--out", twice)).code).toBe(1);
    const again = (await loadWorkbook(twice)).getWorksheet(SHEET)!;
    expect(officerCells(again, again.rowCount)).toBe(officerCells(ws, ws.rowCount));
    expect(again.model.merges).toEqual(ws.model.merges);
    expect(again.pageSetup.printArea).toBe(ws.pageSetup.printArea);

    expect((await hoctap("clean", twice, "--out", clean)).code).toBe(0);
    const back = await loadWorkbook(clean);
    const cleaned = back.getWorksheet(SHEET)!;
    expect(cleaned.pageSetup.printArea).toBe(original.pageSetup.printArea);
    expect(rawNames(back)).toEqual([]);
    expect(cleaned.model.merges).toEqual(original.model.merges);
    expect(cleaned.getCell(FORM_HEADER_ROW, 7).border ?? {}).toEqual({});
    expect(cleaned.getCell(FORM_HEADER_ROW, 7).fill?.type === "pattern" ? "pattern" : "none").toBe("none");
    const rows = original.rowCount;
    expect(officerCells(cleaned, rows)).toBe(officerCells(original, rows));
    for (let r = rows + 1; r <= ws.rowCount; r++) expect(cleaned.getRow(r).height).toBeUndefined();
  });
});
