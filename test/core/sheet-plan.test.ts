import { builtinForKind } from "../../src/core/sets/builtin";
import { checkSheet } from "../../src/core/checks/check";
import { cleanSheetName, levelFill, productSheetName, type SheetPlan } from "../../src/core/plans/sheet-plan";
import { assessmentSummary, summaryRows, summarySheet, type SummaryRow } from "../../src/core/plans/summary";
import { unitsSheet } from "../../src/core/plans/units-sheet";
import { fitAcross, MIN_SCALE } from "../../src/core/plans/print";
import type { CellStyle } from "../../src/core/plans/format";
import type { Framework } from "../../src/core/sets/framework";
import { contains } from "../../src/core/model/a1";
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

test("level fills", () => {
  expect(new Set([0, 1, 2, 3, null].map(levelFill)).size).toBe(5);
  expect(levelFill(7)).toBe(levelFill(3));
});

function checked(rows: In[][], name = "An Lão") {
  const s = sheet(name, rows);
  return checkSheet(workbook([s]), s)!;
}

/** A plan's cell values by A1 address, to read a laid-out sheet. */
function at(plan: SheetPlan, a1: string): unknown {
  const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
  const col = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return plan.rows[Number(m[2]) - 1]?.[col - 1] ?? null;
}

/** The style of a cell: every styled range over it, in order. */
function lookAt(plan: SheetPlan, row: number, col: number): CellStyle {
  return Object.assign(
    {},
    ...(plan.styles ?? []).filter((s) => contains(s.range, row, col)).map((s) => s.style)
  ) as CellStyle;
}

test("KQ: a one-page A4 portrait report of one assessment, bordered and sized", () => {
  const c = checked(
    template({ indicator: (n) => (n === 2 ? { level: null } : n === 5 ? { level: "Mức 1" } : {}) }).rows
  );
  const plan = assessmentSummary(c, { today: "27/11/2026" });
  expect(plan.name).toBe("KQ An Lão");
  expect(plan.rows.slice(0, 10).map((r) => r.filter((v) => v !== null))).toEqual([
    ["KẾT QUẢ KIỂM TRA TỰ ĐÁNH GIÁ"],
    ["Bảng tự đánh giá: An Lão"],
    [],
    ["Đơn vị", "Huyện An Lão"],
    ["Bộ tiêu chí", "Bộ tiêu chí thí điểm công nhận quận/huyện học tập (Hải Phòng, 2022) (hp-2022-district)"],
    ["Ngày kiểm tra", "27/11/2026"],
    // The label alone, in the set's words: no raw number beside it.
    ["Mức công nhận", "Chưa xác định"],
    ["Lý do", "Chưa xác định được mức của chỉ báo 2: sửa các lỗi ở những chỉ báo này rồi kiểm tra lại."],
    ["Số lỗi", 1],
    ["Số cảnh báo", 0],
  ]);
  // The pilot set has no standard or criterion titles: the names span the title column.
  expect(plan.rows).toContainEqual(["Tiêu chuẩn 1", null, "Chưa xác định"]);
  expect(plan.rows).toContainEqual(["Tiêu chí 2", null, "Mức 1"]);
  expect(plan.merges).toContainEqual({ top: 13, left: 1, bottom: 13, right: 2 });
  const counts = plan.rows.filter((r) => typeof r[1] === "number" && String(r[2]).endsWith("%"));
  expect(counts).toEqual([
    ["Không đạt", 0, "0%"],
    ["Mức 1", 1, "6,3%"],
    ["Mức 2", 14, "87,5%"],
    ["Mức 3", 0, "0%"],
    ["Chưa xác định", 1, "6,3%"],
  ]);
  const first = plan.rows.findIndex((r) => r[0] === "Không đạt") + 1;
  expect(plan.chart?.categories).toEqual({ top: first, left: 1, bottom: first + 4, right: 1 });
  // The issue list, errors first, each at its cell.
  expect(plan.rows).toContainEqual([
    "Lỗi · E8",
    "Chỉ báo 2 chưa có mức tự đánh giá: ghi “Mức 1”, “Mức 2”, “Mức 3” hoặc “Không đạt” vào ô E8.",
    null,
  ]);
  // Bordered, in Times New Roman, every row as tall as its wrapped text, one page.
  expect(plan.font).toEqual({ name: "Times New Roman", size: 12 });
  expect(lookAt(plan, 4, 1)).toMatchObject({ border: "thin", bold: true });
  expect(lookAt(plan, 7, 2)).toMatchObject({ bold: true, fill: levelFill(null) });
  const reasons = plan.rowHeights?.find((h) => h.row === 8);
  const unit = plan.rowHeights?.find((h) => h.row === 4);
  expect(reasons && "height" in reasons && unit && "height" in unit && reasons.height! > unit.height!).toBe(
    true
  );
  expect(plan.print).toMatchObject({ orientation: "portrait", fitTo: { wide: 1, tall: 1 } });

  const en = assessmentSummary(checked(template().rows), { today: "x", lang: "en" });
  expect(en.rows[0]?.[0]).toBe("SELF-ASSESSMENT CHECK");
  expect(en.rows.at(-1)?.[0]).toBe("No errors or warnings.");
});

test("KQ: titles where the set has them, criteria under no standard, at most six issues listed", () => {
  const fw = builtinForKind("district");
  const titled: Framework = {
    ...fw,
    standards: fw.standards.map((s, i) => ({ ...s, title: i === 0 ? "Lãnh đạo, chỉ đạo" : undefined })),
    criteria: fw.criteria.map((c) => ({ ...c, title: c.number === 1 ? "Công tác tuyên truyền" : undefined })),
  };
  const rows = template({ indicator: (n) => (n <= 8 ? { evidence: null } : {}) }).rows;
  const s = sheet("An Lão", rows);
  const c = checkSheet(workbook([s]), s, { framework: titled })!;
  const plan = assessmentSummary(c, { today: "x" });
  expect(plan.rows).toContainEqual(["Tiêu chuẩn 1", "Lãnh đạo, chỉ đạo", "Mức 2"]);
  expect(plan.rows).toContainEqual(["Tiêu chí 1", "Công tác tuyên truyền", "Mức 2"]);
  expect(plan.rows).toContainEqual(["Tiêu chí 2", null, "Mức 2"]);
  expect(plan.rows.filter((r) => String(r[0]).startsWith("Lỗi · "))).toHaveLength(6);
  expect(plan.rows.at(-1)?.[0]).toBe(
    "… và 2 lỗi, cảnh báo khác: xem cột “Ghi chú kiểm tra” trong bảng tự đánh giá."
  );
  // Errors before warnings; an issue with no cell, or on the criteria sheet, says so.
  const odd = assessmentSummary(
    {
      ...c,
      report: {
        ...c.report,
        unitName: null,
        indicators: [],
        issues: [
          { ...c.report.issues[0]!, severity: "warning", cell: "E9" },
          { ...c.report.issues[0]!, cell: null, message: "Thiếu cột minh chứng." },
          { ...c.report.issues[0]!, sheet: "Bộ tiêu chí", cell: "D5", message: "Ngưỡng sai." },
        ],
      },
    },
    { today: "x" }
  );
  expect(odd.rows[3]?.[1]).toBe("");
  expect(odd.rows.filter((r) => r[1] === 0 && r[2] === "")).toHaveLength(4);
  expect(odd.rows.slice(-3).map((r) => r[0])).toEqual(["Lỗi · —", "Lỗi · Bộ tiêu chí!D5", "Cảnh báo · E9"]);
  // A two-layer set: criteria with no standard above them are still listed.
  const flat = { ...c, report: { ...c.report, standards: [] } };
  expect(
    assessmentSummary(flat, { today: "x" }).rows.filter((r) => String(r[0]).startsWith("Tiêu chí"))
  ).toHaveLength(6);
});

test("the summary across units: one row per sheet, a row for what could not be read, totals", () => {
  const a = checked(template().rows, "An Lão").report;
  const b = checked(
    template({
      unit: "UBND HUYỆN THỦY NGUYÊN",
      indicator: (n) => (n === 1 ? { level: "Không đạt" } : {}),
    }).rows,
    "TN"
  ).report;
  const entries = [
    { file: "an-lao.xlsx", sheet: "An Lão", report: a },
    { file: "tn.xlsx", sheet: "TN", report: b },
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
  expect(Object.keys(rows[1]!.indicators)).toHaveLength(16);
  expect(Object.keys(rows[1]!.indicators)[0]).toBe("CB1");
  expect(rows[2]).toMatchObject({ label: "Không đọc được: bị hỏng", level: null, error: "bị hỏng" });
  const plan = summarySheet(entries, "vi", "27/11/2026");
  expect(plan.name).toBe("Tổng hợp");
  expect([at(plan, "A1"), at(plan, "A2")]).toEqual([
    "TỔNG HỢP KẾT QUẢ TỰ ĐÁNH GIÁ",
    "Ngày lập: 27/11/2026 · 2 đơn vị",
  ]);
  // One titled block for the one set.
  expect(at(plan, "A4")).toBe(
    "Bộ tiêu chí thí điểm công nhận quận/huyện học tập (Hải Phòng, 2022) (hp-2022-district)"
  );
  expect(plan.rows[4]).toEqual([
    "Tệp",
    "Sheet",
    "Đơn vị",
    "Bộ tiêu chí",
    "Mức công nhận",
    "Kết quả",
    "Lỗi",
    "Cảnh báo",
    "Mức của chỉ báo",
    ...Array.from({ length: 15 }, () => null),
  ]);
  expect(plan.rows[5]?.slice(8)).toEqual(Array.from({ length: 16 }, (_, i) => String(i + 1)));
  expect(plan.rows[6]?.slice(0, 8)).toEqual([
    "an-lao.xlsx",
    "An Lão",
    "Huyện An Lão",
    "hp-2022-district",
    2,
    "Mức 2",
    0,
    0,
  ]);
  expect(plan.rows[6]).toHaveLength(24);
  expect(plan.rows[9]?.filter((v) => v !== null)).toEqual([
    "Tổng cộng",
    "2 đơn vị",
    "Mức 3: 0; Mức 2: 1; Mức 1: 0; Không đạt: 1",
    0,
    0,
  ]);
  expect(plan.freezeRows).toBe(6);
  expect(plan.autoFilter).toEqual({ top: 6, left: 1, bottom: 9, right: 24 });
  // Levels coloured, every cell of the table bordered, the fixed headings spanning both header rows.
  expect(lookAt(plan, 7, 5)).toMatchObject({ fill: levelFill(2), border: "thin", horizontal: "center" });
  expect(lookAt(plan, 8, 24)).toMatchObject({ fill: levelFill(2) });
  expect(lookAt(plan, 9, 9)).toMatchObject({ border: "thin" });
  expect(lookAt(plan, 9, 9).fill).toBeUndefined(); // the unreadable file has no levels
  expect(plan.merges).toContainEqual({ top: 5, left: 5, bottom: 6, right: 5 });
  expect(plan.merges).toContainEqual({ top: 5, left: 9, bottom: 5, right: 24 });
  // One page wide, the two header rows repeated, the chart's figures outside the print area.
  expect(plan.print).toMatchObject({
    orientation: "landscape",
    titleRows: [5, 6],
    fitTo: { wide: 1, tall: 1 },
    area: { top: 1, left: 1, bottom: 10, right: 24 },
  });
  expect(plan.print?.titleColumns).toBeUndefined();
  expect(plan.chart?.categories.top).toBeGreaterThan(10);
  expect(summarySheet([], "en").rows[3]?.[0]).toBe("File");
  expect(summarySheet([], "en").rows[1]?.[0]).toBe("0 units");
});

test("Tổng hợp across sets: one titled block per set, CT and CB columns never mixed", () => {
  const district = checked(template().rows, "An Lão").report;
  const commune = checked(
    template({ kind: "commune", indicator: (n) => (n === 4 ? { level: "Mức độ 1" } : {}) }).rows,
    "An Hòa"
  ).report;
  const city = checked(template({ kind: "city", unit: "UBND THÀNH PHỐ HẢI PHÒNG" }).rows, "HP").report;
  // Another commune (the same commune twice would be counted once).
  const commune2 = checked(
    template({
      kind: "commune",
      unit: "UBND XÃ AN LẠC",
      indicator: (n) => (n === 4 ? { level: "Mức độ 1" } : {}),
    }).rows,
    "An Lạc"
  ).report;
  expect(commune.framework.id).toBe("tt25-2023-xa");
  const entries = [
    { file: "xa.xlsx", sheet: "An Hòa", report: commune },
    { file: "huyen.xlsx", sheet: "An Lão", report: district },
    { file: "hong.xlsx", sheet: "", error: "bị hỏng" },
    { file: "tp.xlsx", sheet: "HP", report: city },
    { file: "xa2.xlsx", sheet: "An Lạc", report: commune2 },
  ];
  const rows = summaryRows(entries);
  expect(Object.keys(rows[0]!.indicators)).toEqual(Array.from({ length: 15 }, (_, i) => `CT${i + 1}`));
  expect(rows[0]?.set).toEqual({
    title: "Tiêu chí công nhận “Cộng đồng học tập” cấp xã (Thông tư 25/2023/TT-BGDĐT)",
    leaf: "Chỉ tiêu",
    levels: ["Không đạt", "Mức độ 1 (Khá)", "Mức độ 2 (Tốt)"],
  });
  const plan = summarySheet(entries, "vi", "1/3/2026");
  const texts = plan.rows.map((r) => r.filter((v) => v !== null));
  const titles = texts.filter((r) => r.length === 1 && /\((tt25|hp-2022)/.test(String(r[0])));
  expect(titles.map((t) => String(t[0]).replace(/^.*\(/, ""))).toEqual([
    "tt25-2023-xa)",
    "hp-2022-district)",
    "hp-2022-city)",
  ]);
  // Each block: its own heading over its own leaf columns, its own totals in its own labels.
  const headings = texts.filter((r) => r[0] === "Tệp").map((r) => r.at(-1));
  expect(headings).toEqual(["Mức của chỉ tiêu", "Mức của chỉ báo", "Mức của chỉ báo", "Cảnh báo"]);
  const numbers = plan.rows
    .filter((r) => r[0] === null && r[8] === "1")
    .map((r) => r.filter((v) => v !== null).length);
  expect(numbers).toEqual([15, 16, 20]);
  const totals = texts.filter((r) => r[0] === "Tổng cộng").map((r) => r.slice(1, 3));
  expect(totals).toEqual([
    ["2 đơn vị", "Mức độ 2 (Tốt): 0; Mức độ 1 (Khá): 2; Không đạt: 0"],
    ["1 đơn vị", "Mức 3: 0; Mức 2: 1; Mức 1: 0; Không đạt: 0"],
    ["1 đơn vị", "Mức 3: 0; Mức 2: 1; Mức 1: 0; Không đạt: 0"],
  ]);
  // The file that could not be read: a block of its own, last, with no levels to total.
  expect(texts.find((r) => r[0] === "hong.xlsx")).toBeDefined();
  expect(texts.findIndex((r) => r[0] === "hong.xlsx")).toBeGreaterThan(
    texts.findIndex((r) => r[0] === "tp.xlsx")
  );
  // Several blocks: each begins a page; no frozen header, no filter, no repeated title rows.
  expect(plan.pageBreaks).toHaveLength(3);
  expect(plan.freezeRows).toBeUndefined();
  expect(plan.autoFilter).toBeUndefined();
  expect(plan.print?.titleRows).toBeUndefined();
  // The chart counts units by level numbers when the sets' scales differ.
  expect(plan.rows.slice(-4).map((r) => r[0])).toEqual(["Không đạt", "Mức 1", "Mức 2", "Mức 3"]);
});

test("Tổng hợp: too wide to stay readable on one page, it prints across pages, 30 units a page", () => {
  const units: SummaryRow[] = Array.from({ length: 65 }, (_, i) => ({
    file: `don-vi-${i + 1}.xlsx`,
    sheet: "Tự đánh giá",
    unitName: `Xã số ${i + 1}`,
    framework: "tu-dinh-nghia",
    level: 1,
    label: "Mức 1",
    errors: 0,
    warnings: 0,
    indicators: Object.fromEntries(Array.from({ length: 60 }, (_, k) => [`CB${k + 1}`, 1])),
  }));
  const plan = unitsSheet(units, { name: "Tổng hợp", lang: "vi", today: "x" });
  expect(plan.print).toMatchObject({ titleRows: [5, 6], titleColumns: [1, 3] });
  expect(plan.print?.fitTo).toBeUndefined();
  expect(plan.print?.scale).toBeGreaterThanOrEqual(MIN_SCALE);
  expect(plan.pageBreaks).toEqual([36, 66]);
  // The title stays within the key columns, which every page repeats.
  expect(plan.merges).toContainEqual({ top: 1, left: 1, bottom: 1, right: 3 });
  // Under 30 units, no break at all; one page wide when it fits.
  expect(unitsSheet(units.slice(0, 30), { name: "T", lang: "vi" }).pageBreaks).toEqual([]);
  expect(fitAcross([10, 10], { orientation: "landscape", tall: 2, pageRowsPoints: 100 })).toEqual({
    fitTo: { wide: 1, tall: 2 },
    across: false,
  });
});

test("the blank template follows the set's tree, bordered, with room to write and a place to sign", () => {
  const fw = builtinForKind("city");
  const plan = templateSheet(fw);
  expect(plan.owned).toBe(false);
  expect(plan.rows.filter((r) => String(r[0]).startsWith("Chỉ báo"))).toHaveLength(20);
  expect(plan.rows.filter((r) => String(r[0]).startsWith("Tiêu chí"))).toHaveLength(6);
  expect(plan.rows).toContainEqual([
    "Chỉ báo 17",
    "Tổng sản phẩm trên địa bàn (GRDP)",
    null,
    null,
    null,
    null,
  ]);
  // Blank title cells where the set has no title.
  expect(plan.rows).toContainEqual(["Chỉ báo 1", null, null, null, null, null]);
  expect(plan.validations?.[0]?.list).toEqual(["Không đạt", "Mức 1", "Mức 2", "Mức 3"]);
  expect(plan.print).toMatchObject({
    orientation: "landscape",
    titleRows: [4, 4],
    fitTo: { wide: 1, tall: 0 },
  });
  const indicator = plan.rows.findIndex((r) => r[0] === "Chỉ báo 1") + 1;
  expect(lookAt(plan, indicator, 6)).toMatchObject({ border: "thin" });
  expect(lookAt(plan, 4, 2)).toMatchObject({ bold: true, wrap: true, border: "thin" });
  const height = plan.rowHeights?.find((h) => h.row === indicator);
  expect(height && "height" in height && height.height).toBeGreaterThanOrEqual(30);
  expect(plan.rows.at(-2)).toEqual([null, null, null, "TM. ỦY BAN NHÂN DÂN", null, null]);
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
