// The Office connector applies the looks the core plans: on the results in the officer's sheet (copied
// from the officer's header and rows where Excel can copy, ExcelApi 1.9), on the product's own sheets,
// and on the print area — grown, kept under a hidden name and given back by clean.
import { checkSheet } from "../../src/core/checks/check";
import { widthPoints } from "../../src/core/plans/measure";
import { planClean, planResults } from "../../src/core/plans/write-plan";
import { assessmentSummary } from "../../src/core/plans/summary";
import { unitsSheet, type SummaryRow } from "../../src/core/plans/units-sheet";
import { addSheetFromPlan, applyPlan, readSheet } from "../../src/excel/connector";
import { template } from "../helpers/grid";
import type { FakeCell, FakeWorkbook } from "./fake-excel";
import { fakeRows, installFake, uninstallFake } from "./install-fake";

afterEach(uninstallFake);
const SHEET = "Tự đánh giá";
const ALL_EDGES = { top: "Continuous", bottom: "Continuous", left: "Continuous", right: "Continuous" };

/** An officer's sheet with a styled header, a body font, widths and a print area. */
function officer(version: string): FakeWorkbook {
  const fake = installFake();
  fake.supported.ExcelApi = version;
  const ws = fake.addSheet(
    SHEET,
    fakeRows(template({ indicator: (n) => (n === 4 ? { evidence: null } : {}) }).rows)
  );
  const look: Partial<FakeCell> = {
    bold: true,
    fill: "#D9E2F3",
    font: { name: "Times New Roman", size: 13 },
    wrap: true,
    horizontal: "Center",
    borders: ALL_EDGES,
  };
  for (let c = 1; c <= 6; c++) ws.cells.set(`4:${c}`, { ...ws.cells.get(`4:${c}`)!, ...look });
  for (let r = 5; r <= 29; r++)
    ws.cells.set(`${r}:6`, { value: "", font: { name: "Times New Roman", size: 13 }, borders: ALL_EDGES });
  [40, 300, 120, 90, 70, 70].forEach((w, i) => ws.columnWidths.set(i + 1, w));
  ws.pageLayout.printArea = `'${SHEET}'!A1:F29`;
  return fake;
}

async function write(fake: FakeWorkbook): Promise<number> {
  const read = await readSheet(SHEET);
  const sheet = read.snapshot.sheets[0]!;
  const before = fake.syncCount;
  await applyPlan(planResults(read.snapshot, sheet, checkSheet(read.snapshot, sheet)!, { today: "x" }), read);
  return fake.syncCount - before;
}

const looks = (fake: FakeWorkbook) =>
  JSON.stringify([...fake.sheet(SHEET).cells.entries()].sort(), null, 0) +
  JSON.stringify(fake.sheet(SHEET).merges) +
  JSON.stringify([...fake.sheet(SHEET).rowHeights].sort());

test("ExcelApi 1.9: the results look like the officer's table, the block fits, the print area grows", async () => {
  const fake = officer("1.9");
  const ws = fake.sheet(SHEET);
  // Fitted to a page wide, the table's 690 points print on one page: the block spans it whole (at
  // 100 % it would span A:C, the columns of its first page across: test/excel/block-page.test.ts).
  ws.pageLayout.zoom = { horizontalFitToPages: 1 };
  const original = new Map(ws.cells);
  expect(await write(fake)).toBe(2);
  // The header cells copy the officer's header look, then are bordered and wrapped.
  expect(ws.cells.get("4:7")).toMatchObject({
    value: "Mức tính toán",
    bold: true,
    fill: "#D9E2F3",
    font: { name: "Times New Roman", size: 13 },
    wrap: true,
    horizontal: "Center",
    borders: ALL_EDGES,
  });
  // Each body cell copies the table's last cell of its row.
  expect(ws.cells.get("11:8")).toMatchObject({
    value: "Thiếu minh chứng",
    font: { name: "Times New Roman", size: 13 },
    horizontal: "Left",
    borders: ALL_EDGES,
  });
  expect(ws.columnWidths.get(8)).toBeGreaterThan(ws.columnWidths.get(7)!);
  expect(ws.columnWidths.get(7)).toBeGreaterThan(widthPoints(12));
  // The block: merged across A:F, its rows as tall as their lines need at the officer's widths.
  expect(ws.merges).toEqual(["A31:F31", "A32:F32", "A33:F33", "A34:F34", "A35:F35"]);
  expect(ws.rowHeights.get(31)).toBeGreaterThan(15);
  expect(ws.cells.get("32:1")).toMatchObject({ bold: true, vertical: "Top", borders: ALL_EDGES });
  // The officer's cells keep their values and looks.
  for (const [k, cell] of original) expect(ws.cells.get(k)).toEqual(cell);
  expect(ws.pageLayout.printArea).toBe(`'${SHEET}'!A1:H35`);
  expect(fake.names.find((n) => n.name === "HocTap_VungIn")).toEqual({
    name: "HocTap_VungIn",
    scope: SHEET,
    ref: `'${SHEET}'!A1:F29`,
    visible: false,
  });

  // A second run leaves the sheet as the first left it; clean gives back the officer's.
  const once = looks(fake);
  expect(await write(fake)).toBe(2);
  expect(looks(fake)).toBe(once);
  expect(ws.pageLayout.printArea).toBe(`'${SHEET}'!A1:H35`);
  expect(fake.names.filter((n) => n.name === "HocTap_VungIn")).toHaveLength(1);
  const read = await readSheet(SHEET);
  await applyPlan(planClean(read.snapshot, SHEET), read);
  expect(ws.pageLayout.printArea).toBe(`'${SHEET}'!A1:F29`);
  expect(fake.names).toEqual([]);
  expect(ws.merges).toEqual([]);
  expect([...ws.rowHeights.keys()]).toEqual([]);
  for (const [k, cell] of ws.cells) expect(cell).toEqual(original.get(k) ?? { value: "" });
});

test("ExcelApi 1.4: the plan's own look without the copied one, and the print area left alone", async () => {
  const fake = officer("1.4");
  const ws = fake.sheet(SHEET);
  expect(await write(fake)).toBe(2);
  expect(ws.cells.get("4:7")).toMatchObject({
    value: "Mức tính toán",
    bold: true,
    wrap: true,
    borders: ALL_EDGES,
  });
  expect(ws.cells.get("4:7")?.fill).toBeUndefined();
  expect(ws.merges).toHaveLength(5);
  expect(ws.pageLayout.printArea).toBe(`'${SHEET}'!A1:F29`);
  expect(fake.names.map((n) => n.name).sort()).toEqual(["HocTap_KQ_Cot", "HocTap_KQ_Khoi", "HocTap_VanTay"]);
});

test("a sheet without a print area gets none: the used range prints, results included", async () => {
  const fake = officer("1.9");
  delete fake.sheet(SHEET).pageLayout.printArea;
  await write(fake);
  expect(fake.sheet(SHEET).pageLayout.printArea).toBeUndefined();
  expect(fake.names.some((n) => n.name === "HocTap_VungIn")).toBe(false);
});

test("product sheets: their font, borders, heights and page setup; across pages with breaks", async () => {
  const fake = installFake();
  fake.supported.ExcelApi = "1.9";
  fake.addSheet("An Lão", fakeRows(template().rows));
  const read = await readSheet("An Lão");
  const kq = assessmentSummary(checkSheet(read.snapshot, read.snapshot.sheets[0]!)!, {
    today: "x",
    sheet: read.snapshot.sheets[0]!,
  });
  const name = await addSheetFromPlan(kq);
  const ws = fake.sheet(name);
  expect(ws.cells.get("9:1")).toMatchObject({
    value: "TT",
    bold: true,
    font: { name: "Times New Roman", size: 12 },
    borders: ALL_EDGES,
  });
  // The office beside the motto, each across its half.
  expect(ws.merges).toEqual(expect.arrayContaining(["A1:B1", "C1:H1"]));
  expect(ws.rowHeights.get(11)).toBeGreaterThan(ws.rowHeights.get(1)!);
  expect(ws.columnWidths.get(2)).toBe(widthPoints(30));
  expect(ws.pageLayout).toMatchObject({
    orientation: "Portrait",
    printTitleRows: "$9:$10",
    zoom: { horizontalFitToPages: 1 },
  });
  expect(ws.pageLayout.centerHorizontally).toBe(true);

  const units: SummaryRow[] = Array.from({ length: 65 }, (_, i) => ({
    file: `x${i}.xlsx`,
    sheet: "S",
    unitName: `Xã ${i + 1}`,
    framework: "f",
    level: 1,
    label: "Mức 1",
    errors: 0,
    warnings: 0,
    indicators: Object.fromEntries(Array.from({ length: 60 }, (_, k) => [`CB${k + 1}`, 1])),
  }));
  const wide = fake.sheet(await addSheetFromPlan(unitsSheet(units, { name: "Tổng hợp", lang: "vi" })));
  // Too wide for a legible page: page-wide parts one below the other, each from a page of its own.
  expect(wide.pageLayout.printTitleColumns).toBeUndefined();
  expect(wide.pageLayout.zoom?.scale).toBeGreaterThanOrEqual(70);
  expect(wide.pageBreaks.length).toBeGreaterThan(2);

  // On the baseline: the same looks, the workbook's page setup.
  fake.supported.ExcelApi = "1.4";
  const plain = fake.sheet(await addSheetFromPlan(kq));
  expect(plain.cells.get("9:1")).toMatchObject({ bold: true, borders: ALL_EDGES });
  expect(plain.pageLayout).toEqual({});
  expect(plain.pageBreaks).toEqual([]);
});
