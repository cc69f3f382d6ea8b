import { cellAt, rowCells } from "../../src/core/model/snapshot";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { hoctap } from "../helpers/cli";
import { rawNames } from "../helpers/exceljs/names";
import { loadWorkbook, workbookSnapshot } from "../helpers/exceljs/read";
import { template } from "../helpers/grid";
import { assessmentSheet } from "../fixtures/workbooks";

const dir = mkdtempSync(join(tmpdir(), "hoctap-names-"));

/** `check --out` through the writer, read back by ExcelJS as an independent reader. */
async function writeResults(from: string, to: string): Promise<void> {
  expect((await hoctap("check", from, "--out", to)).code).toBeLessThan(2);
}

test("each sheet's results carry sheet-scoped names of the same name, kept apart through a round trip", async () => {
  const wb = new ExcelJS.Workbook();
  assessmentSheet(wb, "An Lão", template().rows);
  assessmentSheet(
    wb,
    "Kiến Thụy",
    template({ unit: "UBND HUYỆN KIẾN THỤY", indicator: (n) => (n === 2 ? { level: "Mức 1" } : {}) }).rows
  );
  const input = join(dir, "two.xlsx");
  await wb.xlsx.writeFile(input);
  const once = join(dir, "once.xlsx");
  const twice = join(dir, "twice.xlsx");
  await writeResults(input, once);
  await writeResults(once, twice);

  const read = await loadWorkbook(twice);
  const names = rawNames(read)
    .filter((n) => /^HocTap_KQ_(Cot|Khoi)$/.test(n.name))
    .map((n) => `${n.name}@${n.localSheetId}=${n.ranges.join(",")}`)
    .sort();
  // The table (A:F, its title column 50 characters) is wider than an A4 portrait page at 100 %:
  // the block spans A:E, the columns on its first page across.
  expect(names).toEqual([
    "HocTap_KQ_Cot@0='An Lão'!$G$4:$H$29",
    "HocTap_KQ_Cot@1='Kiến Thụy'!$G$4:$H$29",
    "HocTap_KQ_Khoi@0='An Lão'!$A$31:$E$35",
    "HocTap_KQ_Khoi@1='Kiến Thụy'!$A$31:$E$35",
  ]);
  const snap = workbookSnapshot(read);
  expect(snap.definedNames.filter((n) => n.sheet === "Kiến Thụy").map((n) => n.refSheet)).toEqual([
    "Kiến Thụy",
    "Kiến Thụy",
  ]);
  expect(read.getWorksheet("Kiến Thụy")?.getCell("A32").value).toBe(
    "Đề nghị công nhận: Huyện Kiến Thụy — Huyện học tập — Mức 1"
  );
  expect(read.getWorksheet("An Lão")?.getCell("G4").font?.bold).toBe(true);
});

test("snapshots: merged cells keep only their top-left value; formulas give their cached result, or none marked uncomputed", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("S");
  ws.getCell("A1").value = "Tiêu đề";
  ws.mergeCells("A1:C1");
  ws.getCell("A2").value = { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellFormulaValue;
  ws.getCell("B2").value = { formula: "A3", result: undefined } as unknown as ExcelJS.CellFormulaValue;
  ws.getCell("C2").value = { richText: [{ text: "Mức " }, { text: "2", font: { bold: true } }] };
  ws.getCell("D2").value = { text: "trang", hyperlink: "https://example.org" };
  ws.getCell("E2").value = { formula: "A3-A3", result: 0 };
  ws.getCell("A3").value = 0.5;
  ws.getCell("A3").numFmt = "0%";
  ws.getCell("B3").value = true;
  ws.getCell("C3").value = new Date(Date.UTC(2022, 0, 4));
  const path = join(dir, "kinds.xlsx");
  await wb.xlsx.writeFile(path);
  const snap = workbookSnapshot(await loadWorkbook(path));
  const s = snap.sheets[0]!;
  const row = (r: number) => [...rowCells(s, r)].map(([c, cell]) => [c, cell.value]);
  expect(row(1)).toEqual([[1, "Tiêu đề"]]);
  expect(s.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 3 }]);
  expect(row(2)).toEqual([
    [1, { error: "#DIV/0!" }],
    [2, null],
    [3, "Mức 2"],
    [4, "trang"],
    [5, 0],
  ]);
  // A formula never computed is kept and marked; a result of 0 is a result (ExcelJS's cell.value drops it).
  expect(cellAt(s, 2, 2)).toEqual({ value: null, uncomputed: true });
  expect(cellAt(s, 3, 1)).toEqual({ value: 0.5, format: "0%" });
  expect(cellAt(s, 3, 2).value).toBe(true);
  expect(cellAt(s, 3, 3).value).toEqual(new Date(Date.UTC(2022, 0, 4)));
});
