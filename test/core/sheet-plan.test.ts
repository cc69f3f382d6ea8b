import { builtinForKind } from "../../src/core/sets/builtin";
import { checkSheet } from "../../src/core/checks/check";
import { cleanSheetName, fitWidths, levelFill, productSheetName } from "../../src/core/plans/sheet-plan";
import { assessmentSummary, summaryRows, summarySheet } from "../../src/core/plans/summary";
import { templateSheet } from "../../src/core/plans/template";
import { sheet, template, workbook, type In } from "../helpers/grid";

test("sheet names: cut to 31 characters, cleaned, never over the officer's sheets", () => {
  expect(cleanSheetName("KQ Tự đánh giá của huyện An Lão năm 2022")).toHaveLength(31);
  expect(cleanSheetName("KQ a/b:c*d?[e]")).toBe("KQ a b c d  e");
  expect(cleanSheetName("'''")).toBe("Sheet");
  expect(productSheetName("Tổng hợp", [])).toEqual({ name: "Tổng hợp", replace: false });
  expect(productSheetName("Tổng hợp", [{ name: "tổng hợp", ours: true }])).toEqual({
    name: "tổng hợp",
    replace: true,
  });
  expect(productSheetName("Tổng hợp", [{ name: "Tổng hợp", ours: false }])).toEqual({
    name: "Tổng hợp (2)",
    replace: false,
  });
  expect(
    productSheetName("KQ Tự đánh giá của huyện An Lão 2022", [
      { name: "KQ Tự đánh giá của huyện An Lão", ours: false },
      { name: "KQ Tự đánh giá của huyện An (2)", ours: true },
    ])
  ).toEqual({ name: "KQ Tự đánh giá của huyện An (2)", replace: true });
});

test("level fills and widths", () => {
  expect(new Set([0, 1, 2, 3, null].map(levelFill)).size).toBe(5);
  expect(levelFill(7)).toBe(levelFill(3));
  expect(fitWidths([["ab", null], ["x".repeat(100)]])).toEqual([60, 6]);
});

function checked(rows: In[][], name = "An Lão") {
  const s = sheet(name, rows);
  return checkSheet(workbook([s]), s)!;
}

test("the summary of one assessment", () => {
  const c = checked(
    template({ indicator: (n) => (n === 2 ? { level: null } : n === 5 ? { level: "Mức 1" } : {}) }).rows
  );
  const plan = assessmentSummary(c, { today: "27/11/2026" });
  expect(plan.name).toBe("KQ An Lão");
  expect(plan.rows.slice(0, 7)).toEqual([
    ["KẾT QUẢ KIỂM TRA TỰ ĐÁNH GIÁ — An Lão"],
    ["Đơn vị", "Huyện An Lão"],
    ["Bộ tiêu chí", "Bộ tiêu chí thí điểm công nhận quận/huyện học tập (Hải Phòng, 2022) (hp-2022-district)"],
    ["Ngày kiểm tra", "27/11/2026"],
    ["Mức công nhận", null, "Chưa xác định"],
    ["Số lỗi", 1],
    ["Số cảnh báo", 0],
  ]);
  expect(plan.rows).toContainEqual(["Tiêu chuẩn 1", "Chưa xác định"]);
  expect(plan.rows).toContainEqual(["   Tiêu chí 2", "Mức 1"]);
  const counts = plan.rows.slice(-5);
  expect(counts).toEqual([
    ["Không đạt", 0],
    ["Mức 1", 1],
    ["Mức 2", 14],
    ["Mức 3", 0],
    ["Chưa xác định", 1],
  ]);
  expect(plan.chart?.categories).toEqual({
    top: plan.rows.length - 4,
    left: 1,
    bottom: plan.rows.length,
    right: 1,
  });
  const en = assessmentSummary(checked(template().rows), { today: "x", lang: "en" });
  expect(en.rows[0]).toEqual(["SELF-ASSESSMENT CHECK — An Lão"]);
  expect(en.rows.at(-1)).toEqual(["Level 3", 0]);
});

test("the summary across units: one row per sheet, a row for what could not be read, totals", () => {
  const a = checked(template().rows, "An Lão").report;
  const b = checked(
    template({
      kind: "city",
      unit: "UBND THÀNH PHỐ HẢI PHÒNG",
      indicator: (n) => (n === 1 ? { level: "Không đạt" } : {}),
    }).rows,
    "HP"
  ).report;
  const entries = [
    { file: "an-lao.xlsx", sheet: "An Lão", report: a },
    { file: "hp.xlsx", sheet: "HP", report: b },
    { file: "hong.xlsx", sheet: "", error: "bị hỏng" },
  ];
  const rows = summaryRows(entries);
  expect(rows[0]).toMatchObject({
    unitName: "Huyện An Lão",
    framework: "hp-2022-district",
    level: 2,
    label: "Mức 2",
    errors: 0,
  });
  expect(Object.keys(rows[1]!.indicators)).toHaveLength(20);
  expect(rows[2]).toMatchObject({ label: "Không đọc được: bị hỏng", level: null, error: "bị hỏng" });
  const plan = summarySheet(entries);
  expect(plan.name).toBe("Tổng hợp");
  expect(plan.rows[0]).toEqual([
    "Tệp",
    "Sheet",
    "Đơn vị",
    "Bộ tiêu chí",
    "Mức công nhận",
    "Kết quả",
    "Lỗi",
    "Cảnh báo",
    ...Array.from({ length: 20 }, (_, i) => `CB${i + 1}`),
  ]);
  expect(plan.rows[1]?.slice(0, 8)).toEqual([
    "an-lao.xlsx",
    "An Lão",
    "Huyện An Lão",
    "hp-2022-district",
    2,
    "Mức 2",
    0,
    0,
  ]);
  expect(plan.rows[1]?.slice(24)).toEqual([null, null, null, null]);
  expect(plan.rows[4]).toEqual([
    "Tổng cộng",
    "2 đơn vị",
    null,
    null,
    null,
    "Mức 3: 0; Mức 2: 1; Mức 1: 0; Không đạt: 1",
    0,
    0,
  ]);
  expect(plan.freezeRows).toBe(1);
  expect(plan.autoFilter).toEqual({ top: 1, left: 1, bottom: 4, right: 28 });
  expect(plan.fills?.length).toBe(2 + 16 + 20);
  expect(summarySheet([], "en").rows[0]?.[0]).toBe("File");
});

test("the blank template follows the set's tree", () => {
  const fw = builtinForKind("city");
  const plan = templateSheet(fw);
  expect(plan.owned).toBe(false);
  expect(plan.rows.filter((r) => String(r[0]).startsWith("Chỉ báo"))).toHaveLength(20);
  expect(plan.rows.filter((r) => String(r[0]).startsWith("Tiêu chí"))).toHaveLength(6);
  expect(plan.rows).toContainEqual(["Chỉ báo 17", "Tổng sản phẩm trên địa bàn (GRDP)"]);
  expect(plan.validations?.[0]?.list).toEqual(["Không đạt", "Mức 1", "Mức 2", "Mức 3"]);
  expect(plan.print).toEqual({ orientation: "landscape", titleRows: [4, 4] });
  const s = sheet("Mẫu", plan.rows as In[][]);
  const c = checkSheet(workbook([s]), s)!;
  expect(c.report.unitName).toBeNull();
  expect(c.report.framework.id).toBe("hp-2022-city");
  const rules = c.report.issues.map((i) => i.rule);
  expect(rules.filter((r) => r === "missing-level")).toHaveLength(20);
  expect(rules.filter((r) => r === "missing-value")).toHaveLength(20);
  expect(rules).toHaveLength(40);
  expect(templateSheet(builtinForKind("district"), { lang: "en", name: "Blank" }).name).toBe("Blank");
});
