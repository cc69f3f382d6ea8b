// The officer's words are never cut by what the product writes: a row whose text runs on over the
// empty cells to its right keeps them empty in the result columns (its level is in KQ).
import { checkSheet } from "../../src/core/checks/check";
import { DEFAULT_WIDTH, runsInto } from "../../src/core/plans/placement";
import { planResults } from "../../src/core/plans/write-plan";
import { sheet, template, workbook } from "../helpers/grid";

const LONG =
  "Hiệu quả hoạt động của trung tâm học tập cộng đồng và thư viện công cộng cấp xã, trung tâm văn hóa, thể thao cấp xã";

function commune(title: string) {
  const { rows } = template({ kind: "commune" });
  const at = rows.findIndex((r) => r[0] === "Tiêu chí 3");
  rows[at] = ["Tiêu chí 3", title];
  const s = sheet("Tự đánh giá", rows);
  return { s, c: checkSheet(workbook([s]), s)!, row: at + 1 };
}

test("a criterion's title that runs on into the result column: that row's level is left out, the others written", () => {
  const { s, c, row } = commune(LONG);
  const plan = planResults(workbook([s]), s, c, { today: "x" });
  const columns = plan.blocks[0]!;
  const value = (r: number) => columns.values[r - columns.top]?.[0] ?? null;
  expect(value(row)).toBeNull();
  // Its targets (figures beside them: nothing runs on) and the other criteria keep their levels.
  expect(value(row + 1)).toMatch(/^Mức độ/);
  const other = c.report.criteria.find((x) => x.number === 1)!;
  expect(value(other.row!)).toMatch(/^Mức độ/);
  // Where the columns are known to be wide enough, the level is written.
  const wide = planResults(workbook([s]), s, c, { today: "x", columnWidth: () => 60 });
  expect(wide.blocks[0]!.values[row - wide.blocks[0]!.top]?.[0]).toMatch(/^Mức độ/);
});

test("runsInto: only a text over empty cells, never a number, a merged cell or a text that fits", () => {
  const s = sheet("S", [["x".repeat(40)], [12345678901234], ["ngắn"], ["y".repeat(40), "z"]]);
  const at = (row: number, merges = [] as { top: number; left: number; bottom: number; right: number }[]) =>
    runsInto(s, { row, col: 4, ours: [], merges });
  expect(at(1)).toBe(true);
  expect(at(2)).toBe(false);
  expect(at(3)).toBe(false);
  // Stopped by its neighbour's value: B's short text is what runs on, and it fits.
  expect(at(4)).toBe(false);
  expect(at(1, [{ top: 1, left: 1, bottom: 1, right: 2 }])).toBe(false);
  expect(runsInto(s, { row: 1, col: 4, ours: [], merges: [] }, () => DEFAULT_WIDTH * 4)).toBe(false);
});
