// How the product's sheets fit paper: text measured, rows and columns sized, the officer's print
// area grown and given back, the results styled like the officer's table.
import { checkSheet } from "../../src/core/checks/check";
import { NAME_PRINT_AREA, NAME_RESULT_BLOCK, NAME_RESULT_COLUMNS } from "../../src/core/model/owned";
import type { RangeRef, WorkbookSnapshot } from "../../src/core/model/snapshot";
import { boundingBox, compactStyles, sameRange, type PrintAreaChange } from "../../src/core/plans/format";
import { SheetLayout } from "../../src/core/plans/layout";
import { lineCount, rowPoints, textPoints, widthFor, widthPoints } from "../../src/core/plans/measure";
import { printable, printAreaStep } from "../../src/core/plans/print";
import { planClean, planResults } from "../../src/core/plans/write-plan";
import { sheet, template, workbook } from "../helpers/grid";

const box = (top: number, left: number, bottom: number, right: number): RangeRef => ({
  top,
  left,
  bottom,
  right,
});

test("text measured as printed: widths, wrapped lines, row heights", () => {
  // Capitals are wider than small letters; diacritics do not widen a letter; bold is wider.
  expect(textPoints("MỨC", 11)).toBeGreaterThan(textPoints("mức", 11));
  expect(textPoints("Mức tính toán", 11)).toBe(textPoints("Muc tinh toan", 11));
  expect(textPoints("Lỗi", 11, true)).toBeGreaterThan(textPoints("Lỗi", 11));
  expect(textPoints("—…%", 10)).toBeGreaterThan(textPoints("-.,", 10));
  const w = widthFor("Chưa xác định", 11);
  expect(lineCount("Chưa xác định", w, 11)).toBe(1);
  expect(lineCount("Chưa xác định", w - 3, 11)).toBe(2);
  expect(lineCount("một\nhai", 40, 11)).toBe(2);
  // A word longer than the cell is broken across lines.
  expect(lineCount("x".repeat(60), 10, 11)).toBeGreaterThanOrEqual(3);
  expect(lineCount("", 10, 11)).toBe(1);
  expect(rowPoints(2, 12)).toBeGreaterThan(rowPoints(1, 12));
  expect(rowPoints(0, 11)).toBe(rowPoints(1, 11));
  expect(widthPoints(8.43)).toBeCloseTo(48, 0); // Excel's default column: 64 px
  expect(printable("portrait").width).toBeLessThan(printable("landscape").width);
});

test("ranges: bounding box and equality", () => {
  expect(boundingBox([])).toBeNull();
  expect(boundingBox([box(3, 2, 4, 2), box(1, 5, 2, 6)])).toEqual(box(1, 2, 4, 6));
  expect(sameRange(null, null)).toBe(true);
  expect(sameRange(box(1, 1, 1, 1), null)).toBe(false);
  expect(sameRange(box(1, 1, 2, 2), box(1, 1, 2, 2))).toBe(true);
});

test("looks in fewer ranges, never changing what a cell ends up looking like", () => {
  const body = { border: "thin" } as const;
  const red = { fill: "F4B6B6" } as const;
  const styles = [
    { range: box(1, 1, 1, 3), style: body },
    { range: box(1, 2, 1, 2), style: red },
    { range: box(2, 1, 2, 3), style: body },
    { range: box(2, 2, 2, 2), style: red },
    // A look in between that touches the next row keeps it apart.
    { range: box(3, 2, 3, 2), style: { fill: "C7DDF2" } },
    { range: box(3, 1, 3, 3), style: body },
    { range: box(5, 1, 5, 3), style: body },
  ];
  expect(compactStyles(styles)).toEqual([
    { range: box(1, 1, 2, 3), style: body },
    { range: box(1, 2, 2, 2), style: red },
    { range: box(3, 2, 3, 2), style: { fill: "C7DDF2" } },
    { range: box(3, 1, 3, 3), style: body },
    { range: box(5, 1, 5, 3), style: body },
  ]);
});

test("the officer's print area: grown to hold the results, kept, given back by clean", () => {
  const table = box(1, 1, 29, 6);
  const cover = [box(4, 7, 29, 8), box(31, 1, 35, 6)];
  const first: PrintAreaChange = { kind: "extend", cover, recorded: null, previous: null };
  // No print area: the whole used range prints, results included; nothing to do.
  expect(printAreaStep(first, null)).toEqual({});
  expect(printAreaStep(first, "other")).toEqual({});
  expect(printAreaStep(first, table)).toEqual({ set: box(1, 1, 35, 8), record: table });
  // A second run, the area still the one the first set: start again from the officer's own.
  const again: PrintAreaChange = { kind: "extend", cover, recorded: table, previous: box(1, 1, 35, 8) };
  expect(printAreaStep(again, box(1, 1, 35, 8))).toEqual({ set: box(1, 1, 35, 8) });
  // The officer set another area since: that one is theirs now, grown and kept instead.
  expect(printAreaStep(again, box(1, 1, 40, 6))).toEqual({ set: box(1, 1, 40, 8), record: box(1, 1, 40, 6) });
  // … or removed it, or made it several areas: the kept one no longer describes the sheet.
  expect(printAreaStep(again, null)).toEqual({ dropRecord: true });
  expect(printAreaStep(again, "other")).toEqual({ dropRecord: true });
  const restore: PrintAreaChange = { kind: "restore", recorded: table, previous: box(1, 1, 35, 8) };
  expect(printAreaStep(restore, box(1, 1, 35, 8))).toEqual({ set: table });
  expect(printAreaStep(restore, box(1, 1, 40, 6))).toEqual({});
});

test("a layout: spans merge, styles stack, rows grow with their wrapped text", () => {
  const out = new SheetLayout([10, 10, 10], { name: "Times New Roman", size: 12 });
  const a = out.line([{ value: "tiêu đề", span: 3 }], { bold: true });
  out.blank();
  const b = out.line(["một hai ba bốn năm sáu bảy tám chín mười", "x"], { wrap: true }, { from: 2 });
  const c = out.line(["", null], {}, { minHeight: 30 });
  expect(out.rows).toEqual([
    ["tiêu đề", null, null],
    [],
    [null, "một hai ba bốn năm sáu bảy tám chín mười", "x"],
    ["", null],
  ]);
  expect(out.merges).toEqual([box(a, 1, a, 3)]);
  expect(out.styles[1]).toEqual({ range: box(b, 2, b, 2), style: { wrap: true } });
  const h = new Map(out.rowHeights.map((x) => [x.row, "height" in x ? x.height : 0]));
  expect(h.get(b)).toBeGreaterThan(h.get(a) as number);
  expect(h.get(c)).toBe(30);
  out.resize(c, 40);
  out.resize(99, 40);
  expect(out.rowHeights.find((x) => x.row === c)).toEqual({ row: c, height: 40 });
  expect(out.width).toBe(3);
});

function written(wb: WorkbookSnapshot) {
  const s = wb.sheets[0]!;
  return planResults(wb, s, checkSheet(wb, s)!, { today: "27/11/2026" });
}

test("the results look like the officer's table: sized columns, copied looks, a merged block, the print area", () => {
  const { rows } = template({ indicator: (n) => (n === 4 ? { evidence: null } : {}) });
  const wb = workbook([sheet("S", rows)]);
  const plan = written(wb);
  const f = plan.format!;
  // Columns G and H, sized to their header on one line and their longest value.
  expect(f.widths.map((w) => w.col)).toEqual([7, 8]);
  expect(f.widths[0]!.width).toBeGreaterThanOrEqual(widthFor("Mức tính toán", 13, true));
  expect(f.widths[1]!.width).toBeGreaterThanOrEqual(widthFor("Ghi chú kiểm tra", 13, true));
  // The header cells copy the officer's header (F4); each body cell the table's last cell in its row.
  expect(f.styles[0]).toEqual({
    range: box(4, 7, 4, 8),
    like: { row: 4, col: 6 },
    style: { border: "thin", wrap: true, bold: true, horizontal: "center", vertical: "middle" },
  });
  expect(f.styles[1]).toMatchObject({
    range: box(5, 7, 29, 7),
    like: { col: 6 },
    style: { horizontal: "center" },
  });
  expect(f.styles[2]).toMatchObject({ range: box(5, 8, 29, 8), like: { col: 6 } });
  expect(f.styles[2]!.style.border).toBe("thin");
  // No note at all: the notes column is not printed as a column of empty boxes.
  const clean = written(workbook([sheet("S", template().rows)])).format!;
  expect(clean.styles[2]).toMatchObject({ range: box(5, 8, 29, 8), style: { border: "none" } });
  expect(clean.styles[1]).toMatchObject({ range: box(5, 7, 29, 7), style: { border: "thin" } });
  // The block: each line merged across the table (A:F), wrapped, as tall as its text needs.
  expect(f.merges).toEqual([31, 32, 33, 34, 35].map((r) => box(r, 1, r, 6)));
  expect(f.styles[3]).toMatchObject({ like: { row: 7, col: 2 }, style: { bold: true, vertical: "top" } });
  expect(f.rowHeights[0]).toEqual({
    row: 31,
    fit: { range: box(31, 1, 31, 6), text: "KẾT QUẢ KIỂM TRA TỰ ĐÁNH GIÁ", bold: true },
  });
  expect(plan.names.find((n) => n.name === NAME_RESULT_BLOCK)?.range).toEqual(box(31, 1, 35, 6));
  expect(f.printArea).toEqual({
    kind: "extend",
    cover: [box(4, 7, 29, 8), box(31, 1, 35, 6)],
    recorded: null,
    previous: null,
  });
});

test("a second run knows the officer's kept print area and gives the old block rows their height back", () => {
  const { rows } = template();
  const wb = workbook(
    [sheet("S", rows)],
    [
      { name: NAME_RESULT_COLUMNS, sheet: "S", refSheet: "S", range: box(4, 7, 29, 8) },
      { name: NAME_RESULT_BLOCK, sheet: "S", refSheet: "S", range: box(31, 1, 40, 6) },
      { name: NAME_PRINT_AREA, sheet: "S", refSheet: "S", range: box(1, 1, 29, 6) },
    ]
  );
  const f = written(wb).format!;
  expect(f.printArea).toEqual({
    kind: "extend",
    cover: [box(4, 7, 29, 8), box(31, 1, 35, 6)],
    recorded: box(1, 1, 29, 6),
    previous: box(1, 1, 40, 8),
  });
  expect(f.rowHeights.filter((h) => "height" in h)).toEqual(
    [36, 37, 38, 39, 40].map((row) => ({ row, height: null }))
  );
  const clean = planClean(wb, "S");
  expect(written(wb).format?.unmerge).toEqual([box(31, 1, 40, 6)]);
  expect(clean.format).toEqual({
    widths: [],
    styles: [],
    merges: [],
    unmerge: [box(31, 1, 40, 6)],
    rowHeights: [31, 32, 33, 34, 35, 36, 37, 38, 39, 40].map((row) => ({ row, height: null })),
    printArea: { kind: "restore", recorded: box(1, 1, 29, 6), previous: box(1, 1, 40, 8) },
  });
  expect(clean.removeNames).toContain(NAME_PRINT_AREA);
  expect(planClean(workbook([sheet("S", rows)]), "S").format).toEqual({
    widths: [],
    styles: [],
    merges: [],
    unmerge: [],
    rowHeights: [],
  });
});
