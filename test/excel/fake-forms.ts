// The officer's real forms (test/fixtures/forms) in the fake Excel: a form's snapshot, as read by the
// ExcelJS adapter, turned into the fake's seed (values with their number formats, merged areas,
// hidden sheets, names), so the pane's side is tried on the very layouts the core and the CLI are.
import ExcelJS, { Workbook } from "exceljs";
import { a1 } from "../../src/core/model/a1";
import { isCellError, type SheetSnapshot } from "../../src/core/model/snapshot";
import { installRawDefinedNames } from "../helpers/exceljs/names";
import { workbookSnapshot } from "../helpers/exceljs/read";
import { Form, indicators } from "../fixtures/forms/form";
import type { FakeValue, FakeWorkbook } from "./fake-excel";

export type FakeSeedCell = FakeValue | null | { value: FakeValue; format: string };

/** One sheet as the fake (and the browser stub) takes it. */
export interface FakeSeed {
  name: string;
  rows: FakeSeedCell[][];
  merges: string[];
  hidden: boolean;
}

function seedOf(sheet: SheetSnapshot): FakeSeed {
  const rows: FakeSeedCell[][] = [];
  for (const [r, cells] of sheet.rows) {
    const row: FakeSeedCell[] = (rows[r - 1] = []);
    for (const [c, cell] of cells) {
      const v = cell.value;
      if (v === null) continue;
      const value: FakeValue = isCellError(v) ? v.error : v instanceof Date ? v.getTime() : v;
      row[c - 1] = cell.format ? { value, format: cell.format } : value;
    }
  }
  for (let i = 0; i < rows.length; i++) rows[i] = Array.from(rows[i] ?? [], (v) => v ?? null);
  const merges = sheet.merges.map((m) => `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`);
  return { name: sheet.name, rows, merges, hidden: sheet.hidden === true };
}

/** Every sheet of a form workbook, ready to seed the fake. */
export function formSeeds(wb: ExcelJS.Workbook): FakeSeed[] {
  return workbookSnapshot(wb).sheets.map(seedOf);
}

/** Seeds the fake with `seeds` (merges and hidden sheets included). */
export function addSeeds(fake: FakeWorkbook, seeds: FakeSeed[]): void {
  for (const s of seeds) {
    const sheet = fake.addSheet(s.name, s.rows);
    sheet.merges.push(...s.merges);
    if (s.hidden) sheet.visibility = "Hidden";
  }
}

/**
 * A real form the detection cannot read alone: a narrative report pushes the header past row 30,
 * the content column is headed `Diễn giải` and the per-level columns `M1 | M2 | M3` (marked `x`,
 * under `Tự đánh giá`), words no officer's table is known by. Fixed by *Chọn cột*: the header row,
 * the content column and the level columns E:G.
 */
export function unusualForm(): { wb: ExcelJS.Workbook; headerRow: number; lastRow: number } {
  const wb = new Workbook();
  installRawDefinedNames(wb);
  const f = new Form(wb, "Tự đánh giá", {
    levels: "x",
    perLevel: [1, 2, 3],
    twoRowHeader: true,
    numbering: "paren",
    codes: "keyword",
    sections: true,
  });
  f.committee("HUYỆN KIẾN THỤY");
  f.narrative(30);
  f.title("BẢNG TỰ ĐÁNH GIÁ CÔNG NHẬN HUYỆN HỌC TẬP NĂM 2023");
  f.header();
  f.ws.getCell(f.headerRow, 2).value = "Diễn giải";
  ["M1", "M2", "M3"].forEach((m, i) => (f.ws.getCell(f.headerRow + 1, 5 + i).value = m));
  f.body(indicators(16, (n) => (n % 4 === 0 ? 3 : 2)));
  f.signature("report");
  return { wb, headerRow: f.headerRow, lastRow: f.lastTableRow };
}

/**
 * The fake's workbook as an `.xlsx` the CLI reads: every sheet's values and merges, and every name
 * with its scope, as Excel would save them.
 */
export async function fakeToXlsx(fake: FakeWorkbook, file: string): Promise<void> {
  const wb = new Workbook();
  const names = installRawDefinedNames(wb);
  for (const s of fake.sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const [k, c] of s.cells) {
      if (c.value === "") continue;
      const [r, col] = k.split(":").map(Number) as [number, number];
      const cell = ws.getCell(r, col);
      cell.value = c.value;
      if (c.format) cell.numFmt = c.format;
    }
    for (const m of s.merges) ws.mergeCells(m);
  }
  for (const n of fake.names) {
    const scope = n.scope === undefined ? -1 : fake.sheets.findIndex((s) => s.name === n.scope);
    names.push(
      scope < 0 ? { name: n.name, ranges: [n.ref] } : { name: n.name, ranges: [n.ref], localSheetId: scope }
    );
  }
  await wb.xlsx.writeFile(file);
}
