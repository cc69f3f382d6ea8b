// The council's columns written beside the header shapes officers use for one level column: a
// two-row header with the level's heading merged down over both rows (the council's heading merged
// the same way, as tall as the unit's), or left in the top row with the row below blank (the council's
// heading in its top row only, nothing invented below); and nothing added where the table has no level.
import { checkWorkbook, type SheetCheck } from "../../src/core/checks/check";
import type { RangeRef, SheetSnapshot } from "../../src/core/model/snapshot";
import { planCouncilColumns } from "../../src/core/plans/council-columns";
import { sheet, template, workbook, type In } from "../helpers/grid";

const SHEET = "Tự đánh giá";

/** The district template with a two-row header (row 4: groups; row 5: `Số liệu | Mã minh chứng`). */
function twoRowHeader(levelMergedDown: boolean): { s: SheetSnapshot; check: SheetCheck } {
  const t = template({ unit: "UBND HUYỆN AN LÃO" });
  const rows: In[][] = [
    ...t.rows.slice(0, 3),
    ["TT", "Tiêu chuẩn, tiêu chí, chỉ báo", "Kết quả thực hiện", null, "Tự đánh giá", "Ghi chú"],
    [null, null, "Số liệu", "Mã minh chứng", null, null],
    ...t.rows.slice(4),
  ];
  const merges: RangeRef[] = [
    { top: 4, left: 1, bottom: 5, right: 1 },
    { top: 4, left: 2, bottom: 5, right: 2 },
    { top: 4, left: 3, bottom: 4, right: 4 },
    { top: 4, left: 6, bottom: 5, right: 6 },
    ...(levelMergedDown ? [{ top: 4, left: 5, bottom: 5, right: 5 }] : []),
  ];
  const s = sheet(SHEET, rows, { merges });
  const c = checkWorkbook(workbook([s]), { lang: "vi" }).checked[0];
  if (!c) throw new Error("no table");
  return { s, check: c.check };
}

describe("one level column under a two-row header", () => {
  test("its heading merged down over both rows: the council's heading and note merged the same way, the answers copied", () => {
    const { s, check } = twoRowHeader(true);
    expect(check.layout).toMatchObject({ headerRow: 4, headerRows: 2, columns: { level: 5 } });
    const plan = planCouncilColumns(s, check, "vi");
    // The council's column G (beside Ghi chú in F), its note in H.
    const block = plan?.blocks[0];
    expect(block?.left).toBe(7);
    expect(block?.values[0]).toEqual(["Hội đồng thẩm định", "Ý kiến của Hội đồng"]);
    expect(block?.values[1]).toEqual([null, null]);
    expect(plan?.format?.merges).toEqual([
      { top: 4, left: 7, bottom: 5, right: 7 },
      { top: 4, left: 8, bottom: 5, right: 8 },
    ]);
    // Both rows' headings span down: as tall as the unit's header already is, no row made taller.
    expect(plan?.format?.rowHeights).toEqual([]);
    // Chỉ báo 1 on row 8 (the template's row 7, one header row added): its level copied for the council.
    expect(check.report.indicators[0]?.row).toBe(8);
    expect(block?.values[8 - 4]).toEqual(["Mức 2", null]);
  });

  test("its heading in the top row only, the row below blank: the council's heading in its top row, nothing invented below", () => {
    const { s, check } = twoRowHeader(false);
    expect(check.layout).toMatchObject({ headerRow: 4, headerRows: 2, columns: { level: 5 } });
    const plan = planCouncilColumns(s, check, "vi");
    const block = plan?.blocks[0];
    expect(block?.values[0]).toEqual(["Hội đồng thẩm định", "Ý kiến của Hội đồng"]);
    expect(block?.values[1]).toEqual([null, null]);
    // Only the note spans both rows; the council's one heading cell needs no merge.
    expect(plan?.format?.merges).toEqual([{ top: 4, left: 8, bottom: 5, right: 8 }]);
    // The heading's row is made tall enough for it in its one column.
    expect(plan?.format?.rowHeights).toEqual([
      {
        row: 4,
        fit: { range: { top: 4, left: 7, bottom: 4, right: 7 }, text: "Hội đồng thẩm định", bold: true },
      },
    ]);
  });
});

test("a table with no level column and no council heading: nothing to add", () => {
  const t = template({
    header: ["TT", "Tiêu chuẩn, tiêu chí, chỉ báo", "Kết quả thực hiện (số liệu)", "Mã minh chứng"],
  });
  const s = sheet(
    SHEET,
    t.rows.map((r) => r.slice(0, 4))
  );
  const c = checkWorkbook(workbook([s]), { lang: "vi" }).checked[0];
  if (!c) throw new Error("no table");
  expect(c.check.layout.columns.level).toBeUndefined();
  expect(planCouncilColumns(s, c.check, "vi")).toBeNull();
});
