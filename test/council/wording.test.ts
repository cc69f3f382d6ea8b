// Who must fix what: a unit whose only errors are in the council's columns is not told "còn 1 lỗi phải
// sửa trước khi gửi" (the commune's words, before sending) but that the council has errors to fix in
// its columns; with both, each side's count; the decision list's line says the same.
import { join } from "node:path";
import { checkWorkbook } from "../../src/core/checks/check";
import { withCouncil } from "../../src/core/checks/council";
import { resultHeadline, resultLabel } from "../../src/core/checks/headline";
import { decisionUnits, leftOffLines } from "../../src/core/plans/decision-list";
import type { CellValue, WorkbookSnapshot } from "../../src/core/model/snapshot";
import { readSnapshot } from "../../src/reader/read";

const FILE = join(__dirname, "..", "fixtures", "council", "Xa An Hoa - tham dinh.xlsx");
const SHEET = "Tự đánh giá";

/** The fixture with some cells set (row, column → value), as typed in Excel. */
async function edited(cells: [number, number, CellValue][]): Promise<WorkbookSnapshot> {
  const wb = await readSnapshot(FILE);
  const sheet = wb.sheets.find((s) => s.name === SHEET);
  if (!sheet) throw new Error(SHEET);
  const rows = new Map([...sheet.rows].map(([r, row]) => [r, new Map(row)]));
  for (const [r, c, value] of cells) {
    const row = rows.get(r) ?? new Map();
    if (value === null) row.delete(c);
    else row.set(c, { value });
    rows.set(r, row);
  }
  return { ...wb, sheets: wb.sheets.map((s) => (s === sheet ? { ...sheet, rows } : s)) };
}

function report(wb: WorkbookSnapshot, lang: "vi" | "en" = "vi") {
  const c = checkWorkbook(wb, { lang }).checked[0];
  if (!c) throw new Error("no table");
  return withCouncil(wb, c, lang);
}

// Row 23 is chỉ tiêu 4.1: the commune's E/F, the council's H/I.
test("only the council's errors: the council is told to fix them in its columns", async () => {
  // The council marks Mức độ 2 without Mức độ 1: its own error, at its cell.
  const r = report(await edited([[23, 8, null]]));
  expect(r.counts.errors).toBe(1);
  expect(r.council?.issues.map((i) => i.cell)).toEqual(["I23"]);
  expect(resultLabel(r, "vi")).toBe(
    "Mức dự kiến: Mức độ 1 — Hội đồng thẩm định còn 1 lỗi phải sửa ở cột của Hội đồng"
  );
  expect(resultHeadline(r, "vi")).not.toContain("trước khi gửi");
  const en = report(await edited([[23, 8, null]]), "en");
  expect(resultHeadline(en, "en")).toBe(
    "Expected level: Level 1 — the council has 1 error to fix in its columns"
  );
  const [unit] = decisionUnits([{ file: "Xa An Hoa.xlsx", sheet: SHEET, report: r }], "vi");
  expect(leftOffLines(unit ? [unit] : [], "vi")).toEqual([
    "Xã An Hòa (Xa An Hoa.xlsx, Tự đánh giá): chưa đưa vào danh sách công nhận vì cột của Hội đồng thẩm định còn 1 lỗi; Hội đồng sửa các lỗi đó rồi tổng hợp lại.",
  ]);
});

test("errors on both sides: each counted for its own to fix; only the unit's: the words as before", () => {
  const source = (errors: number, council: ("error" | "warning")[]) => ({
    unitName: "Xã An Hòa",
    framework: { kind: "commune" },
    recognition: { level: 1, label: "Mức độ 1" },
    counts: { errors },
    council: { issues: council.map((severity) => ({ severity })) },
  });
  expect(resultLabel(source(3, ["error", "warning"]), "vi")).toBe(
    "Mức dự kiến: Mức độ 1 — còn 2 lỗi phải sửa trước khi gửi; Hội đồng thẩm định còn 1 lỗi phải sửa ở cột của Hội đồng"
  );
  expect(resultHeadline(source(3, ["error", "error"]), "en")).toBe(
    "Expected level: Mức độ 1 — 1 error to fix before sending; the council has 2 errors to fix in its columns"
  );
  expect(resultLabel(source(2, ["warning"]), "vi")).toBe(
    "Mức dự kiến: Mức độ 1 — còn 2 lỗi phải sửa trước khi gửi"
  );
  const unit = {
    name: "Xã An Hòa",
    set: { id: "tt25-2023-xa", title: "", levels: [] },
    level: 1,
    year: null,
    note: "",
    errors: 2,
    councilErrors: 1,
  };
  expect(leftOffLines([unit], "vi")).toEqual([
    "Xã An Hòa: chưa đưa vào danh sách công nhận vì bảng còn 2 lỗi, 1 ở cột của Hội đồng thẩm định; sửa các lỗi rồi tổng hợp lại.",
  ]);
});
