import { builtinForKind } from "../../src/core/sets/builtin";
import { checkSheet } from "../../src/core/checks/check";
import { cleanSheetName, levelFill, productSheetName, type SheetPlan } from "../../src/core/plans/sheet-plan";
import { assessmentSummary, summaryRows, summarySheet, type SummaryRow } from "../../src/core/plans/summary";
import { unitsSheet } from "../../src/core/plans/units-sheet";
import { MIN_SCALE } from "../../src/core/plans/print";
import type { CellStyle } from "../../src/core/plans/format";
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

/** A plan's rows with their blanks left out, to read a laid-out sheet line by line. */
const lines = (plan: SheetPlan) => plan.rows.map((r) => r.filter((v) => v !== null));

test("KQ: the dossier's bản tổng hợp — office and motto, title and period, the table, conclusion, signature", () => {
  const { rows } = template({
    indicator: (n) => (n === 2 ? { level: null } : n === 5 ? { level: "Mức 1" } : {}),
  });
  rows[1] = ["BẢNG TỰ ĐÁNH GIÁ HUYỆN HỌC TẬP NĂM 2022"];
  const s = sheet("An Lão", rows);
  const c = checkSheet(workbook([s]), s)!;
  const plan = assessmentSummary(c, { today: "27/11/2026", sheet: s });
  expect(plan.name).toBe("KQ An Lão");
  expect(lines(plan).slice(0, 7)).toEqual([
    ["ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
    ["HUYỆN AN LÃO", "Độc lập - Tự do - Hạnh phúc"],
    [],
    // The pilot set's own words for its layers, the year from the officer's title.
    ["BẢN TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ CÁC TIÊU CHUẨN, TIÊU CHÍ, CHỈ BÁO"],
    ["CÔNG NHẬN HUYỆN HỌC TẬP NĂM 2022"],
    ["(Từ ngày 01/01/2022 đến ngày 31/12/2022)"],
    ["Bộ tiêu chí: Bộ tiêu chí thí điểm công nhận quận/huyện học tập (Hải Phòng, 2022)"],
  ]);
  // Two header rows, the officer's answer under one heading per level, repeated on every page.
  const header = plan.rows.findIndex((r) => r[0] === "TT") + 1;
  expect(plan.rows[header - 1]).toEqual([
    "TT",
    "Tiêu chuẩn, tiêu chí, chỉ báo",
    "Kết quả thực hiện (số liệu)",
    "Minh chứng",
    "Tự đánh giá",
    null,
    null,
    "Kết quả kiểm tra",
  ]);
  expect(plan.rows[header]?.slice(4, 7)).toEqual(["Mức 1", "Mức 2", "Mức 3"]);
  expect(plan.print).toMatchObject({
    orientation: "portrait",
    titleRows: [header, header + 1],
    fitTo: { wide: 1, tall: 0 },
  });
  // Standards, criteria and indicators: the officer's figures and evidence, Đạt per level, the result.
  expect(plan.rows).toContainEqual(["I", "Tiêu chuẩn 1", null, null, null, null, null, "Chưa xác định"]);
  expect(plan.rows).toContainEqual([
    "1",
    "Nội dung chỉ báo 1",
    "Có báo cáo",
    "H1-1",
    "Đạt",
    "Đạt",
    "Không đạt",
    "Mức 2",
  ]);
  expect(plan.rows).toContainEqual([
    "2",
    "Nội dung chỉ báo 2",
    "Có báo cáo",
    "H1-2",
    null,
    null,
    null,
    "Chưa xác định",
  ]);
  expect(plan.rows).toContainEqual([
    "5",
    "Nội dung chỉ báo 5",
    "Có báo cáo",
    "H1-5",
    "Đạt",
    "Không đạt",
    "Không đạt",
    "Mức 1",
  ]);
  expect(plan.rows).toContainEqual(["2", "Tiêu chí 2", null, null, "Đạt", "Không đạt", "Không đạt", "Mức 1"]);
  // The conclusion, then the place and date and who signs; nothing below them is printed.
  const text = lines(plan).map((r) => r.join(" | "));
  const concluded = text.indexOf("Kết luận: chưa kết luận được, còn 1 lỗi phải sửa trước khi gửi.");
  expect(concluded).toBeGreaterThan(header);
  expect(text.slice(concluded + 1, concluded + 7)).toEqual([
    "– Chưa xác định được mức của chỉ báo 2: sửa các lỗi ở những chỉ báo này rồi kiểm tra lại.",
    "",
    "…………, ngày …… tháng …… năm ……",
    "TM. ỦY BAN NHÂN DÂN",
    "CHỦ TỊCH",
    "(Ký tên, đóng dấu)",
  ]);
  const signed = text.indexOf("(Ký tên, đóng dấu)") + 2;
  expect(plan.print?.area).toEqual({ top: 1, left: 1, bottom: signed, right: 8 });
  // Below the paper, for the officer: the day checked, the counts, the errors at their cells.
  expect(text.slice(signed)).toEqual(
    expect.arrayContaining([
      "GHI CHÚ KIỂM TRA (không in ra)",
      "Ngày kiểm tra: 27/11/2026",
      "Số lỗi: 1; số cảnh báo: 0",
      "Lỗi · E8 | Chỉ báo 2 chưa có mức tự đánh giá: ghi “Mức 1”, “Mức 2”, “Mức 3” hoặc “Không đạt” vào ô E8.",
    ])
  );
  // Times New Roman, bordered, the motto bold, no chart drawn over the paper.
  expect(plan.font).toEqual({ name: "Times New Roman", size: 12 });
  expect(lookAt(plan, header, 1)).toMatchObject({ border: "thin", bold: true });
  expect(lookAt(plan, 1, 3)).toMatchObject({ bold: true, horizontal: "center" });
  expect(plan.chart).toBeUndefined();
  // No set id anywhere.
  expect(JSON.stringify(plan.rows)).not.toContain("hp-2022");
});

test("KQ: a unit the sheet does not name, a year it does not give, criteria under no standard", () => {
  const { rows } = template({ unit: "BẢNG ĐIỂM" });
  const s = sheet("An Lão", rows);
  const c = checkSheet(workbook([s]), s)!;
  const plan = assessmentSummary(c, { today: "x", sheet: s, lang: "en" });
  const text = lines(plan).map((r) => r.join(" | "));
  // A line to fill by hand on the paper; the CLI's words below it.
  expect(text[1]).toBe("……………………… | Độc lập - Tự do - Hạnh phúc");
  expect(text).toContain("(Từ ngày 01/01/…… đến ngày 31/12/……)");
  expect(text).toContain("Unit: (unknown: add an “ỦY BAN NHÂN DÂN …” row at the top of the sheet)");
  expect(text).toContain("Kết luận: Đơn vị đạt Quận/huyện học tập Mức 2.");
  const flat = { ...c, report: { ...c.report, standards: [] } };
  expect(
    assessmentSummary(flat, { today: "x", sheet: s }).rows.filter((r) => String(r[1]).startsWith("Tiêu chí"))
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
  expect(at(plan, "A4")).toBe("Bộ tiêu chí thí điểm công nhận quận/huyện học tập (Hải Phòng, 2022)");
  expect(plan.rows[4]).toEqual([
    "Tệp",
    "Trang tính",
    "Đơn vị",
    "Mức công nhận",
    "Kết quả",
    "Lỗi",
    "Cảnh báo",
    "Mức của chỉ báo",
    ...Array.from({ length: 15 }, () => null),
  ]);
  expect(plan.rows[5]?.slice(7)).toEqual(Array.from({ length: 16 }, (_, i) => String(i + 1)));
  expect(plan.rows[6]?.slice(0, 7)).toEqual(["an-lao.xlsx", "An Lão", "Huyện An Lão", 2, "Mức 2", 0, 0]);
  expect(plan.rows[6]).toHaveLength(23);
  expect(plan.rows[9]?.filter((v) => v !== null)).toEqual([
    "Tổng cộng",
    "2 đơn vị",
    "Mức 3: 0; Mức 2: 1; Mức 1: 0; Không đạt: 1",
    0,
    0,
  ]);
  expect(plan.freezeRows).toBe(6);
  expect(plan.autoFilter).toEqual({ top: 6, left: 1, bottom: 9, right: 23 });
  // Levels coloured, every cell of the table bordered, the fixed headings spanning both header rows.
  expect(lookAt(plan, 7, 4)).toMatchObject({ fill: levelFill(2), border: "thin", horizontal: "center" });
  expect(lookAt(plan, 8, 23)).toMatchObject({ fill: levelFill(2) });
  expect(lookAt(plan, 9, 8)).toMatchObject({ border: "thin" });
  expect(lookAt(plan, 9, 8).fill).toBeUndefined(); // the unreadable file has no levels
  expect(plan.merges).toContainEqual({ top: 5, left: 4, bottom: 6, right: 4 });
  expect(plan.merges).toContainEqual({ top: 5, left: 8, bottom: 5, right: 23 });
  // One page wide at a legible scale, the two header rows repeated, the chart's figures outside the print area.
  expect(plan.print).toMatchObject({
    orientation: "landscape",
    titleRows: [5, 6],
    area: { top: 1, left: 1, bottom: 10, right: 23 },
  });
  expect(plan.print?.fitTo).toBeUndefined();
  expect(plan.print?.scale).toBeGreaterThanOrEqual(MIN_SCALE);
  expect(plan.print?.scale).toBeLessThanOrEqual(100);
  expect(plan.print?.titleColumns).toBeUndefined();
  expect(plan.chart?.categories.top).toBeGreaterThan(10);
  // The chart is drawn beside its figures, below the print area: over no printed cell.
  expect(plan.chart?.at.top).toBeGreaterThan(plan.print!.area!.bottom);
  expect(plan.chart?.at.left).toBeGreaterThan(plan.chart!.values.right);
  expect(summarySheet([], "en").rows[3]?.[0]).toBe("File");
  expect(summarySheet([], "en").rows[1]?.[0]).toBe("0 units");
});

test("Tổng hợp: a unit its sheet does not name is “(chưa rõ)”, as in the CLI; an unread file has its error", () => {
  const report = checked(template({ unit: "BẢNG ĐIỂM" }).rows, "Sheet1").report;
  expect(report.unitName).toBeNull();
  const entries = [
    { file: "khong-ten.xlsx", sheet: "Sheet1", report },
    { file: "hong.xlsx", sheet: "", error: "bị hỏng" },
  ];
  const plan = summarySheet(entries, "vi", "x");
  const row = (file: string) => plan.rows.find((r) => r[0] === file);
  expect(row("khong-ten.xlsx")?.[2]).toBe("(chưa rõ)");
  expect(row("hong.xlsx")?.[2]).toBeNull();
  expect(summarySheet(entries, "en", "x").rows.find((r) => r[0] === "khong-ten.xlsx")?.[2]).toBe("(unknown)");
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
    title: "Tiêu chí đánh giá, công nhận “Cộng đồng học tập” cấp xã (Thông tư 25/2023/TT-BGDĐT)",
    leaf: "Chỉ tiêu",
    levels: ["Không đạt", "Mức độ 1", "Mức độ 2"],
    // The circular's names of its targets (chỉ tiêu 2 của tiêu chí 4: 4.2), never running numbers.
    codes: [
      "1.1",
      "1.2",
      "1.3",
      "2.1",
      "2.2",
      "2.3",
      "3.1",
      "3.2",
      "3.3",
      "4.1",
      "4.2",
      "4.3",
      "4.4",
      "5.1",
      "5.2",
    ],
  });
  // The pilot's indicators are numbered 1…16 by the pilot itself: no names of their own.
  expect(rows[1]?.set?.codes).toBeUndefined();
  const plan = summarySheet(entries, "vi", "1/3/2026");
  const texts = plan.rows.map((r) => r.filter((v) => v !== null));
  // Each block titled with its set's title, never its id.
  const titles = texts.filter(
    (r) => r.length === 1 && /^(Tiêu chí đánh giá, công nhận|Bộ tiêu chí)/.test(String(r[0]))
  );
  expect(titles.map((t) => t[0])).toEqual([
    "Tiêu chí đánh giá, công nhận “Cộng đồng học tập” cấp xã (Thông tư 25/2023/TT-BGDĐT)",
    "Bộ tiêu chí thí điểm công nhận quận/huyện học tập (Hải Phòng, 2022)",
    "Bộ tiêu chí thí điểm công nhận thành phố học tập (Hải Phòng, 2022)",
  ]);
  // Each block: its own heading over its own leaf columns, its own totals in its own labels.
  const headings = texts.filter((r) => r[0] === "Tệp").map((r) => r.at(-1));
  expect(headings).toEqual(["Mức của chỉ tiêu", "Mức của chỉ báo", "Mức của chỉ báo", "Cảnh báo"]);
  const numbers = plan.rows
    .filter((r) => r[0] === null && (r[7] === "1" || r[7] === "1.1"))
    .map((r) => r.filter((v) => v !== null));
  expect(numbers.map((r) => r.length)).toEqual([15, 16, 20]);
  expect(numbers[0]).toEqual(rows[0]?.set?.codes);
  expect(numbers[1]?.slice(-2)).toEqual(["15", "16"]);
  const totals = texts.filter((r) => r[0] === "Tổng cộng").map((r) => r.slice(1, 3));
  expect(totals).toEqual([
    ["2 đơn vị", "Mức độ 2: 0; Mức độ 1: 2; Không đạt: 0"],
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

test("Tổng hợp too wide for a legible page: the block in page-wide parts, the unit's columns in each, in order", () => {
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
  // Printed at one legible scale, never fitted smaller, never across pages.
  expect(plan.print?.fitTo).toBeUndefined();
  expect(plan.print?.titleColumns).toBeUndefined();
  expect(plan.print?.scale).toBeGreaterThanOrEqual(MIN_SCALE);
  const texts = plan.rows.map((r) => r.filter((v) => v !== null).map(String));
  // The parts, one below the other: each leaf once, in order, the unit's columns in every part.
  const numbers = plan.rows.filter((r) => r[0] === null && r[7] !== null && r[7] !== undefined);
  const shown = [...new Set(numbers.flatMap((r) => r.slice(7).filter((v) => v !== null)))];
  expect(shown).toEqual(Array.from({ length: 60 }, (_, i) => String(i + 1)));
  const titles = texts.filter((r) => r.length === 1 && /— phần \d\/\d/.test(r[0] ?? "")).map((r) => r[0]);
  const parts = titles.filter((t) => !t?.endsWith("(tiếp theo)"));
  expect(parts.length).toBeGreaterThan(1);
  expect(parts[0]).toMatch(/phần 1\/\d+: chỉ báo 1–\d+$/);
  const headers = texts.filter((r) => r[0] === "Tệp");
  for (const h of headers) expect(h.slice(0, 3)).toEqual(["Tệp", "Trang tính", "Đơn vị"]);
  // Every unit in every part; each part goes on over pages with its header again, from a page of its own.
  for (let n = 1; n <= 65; n++)
    expect(texts.filter((r) => r[0] === `don-vi-${n}.xlsx`)).toHaveLength(parts.length);
  expect(plan.pageBreaks?.length).toBe(headers.length - 1);
  for (const b of plan.pageBreaks ?? []) expect(texts[b]?.[0]).toMatch(/^tu-dinh-nghia|Bộ tiêu chí|— phần/);
  // Under a page of units and narrow enough: one table, one page, no break at all.
  const small = unitsSheet(
    units.slice(0, 20).map((u) => ({ ...u, indicators: { CB1: 1, CB2: 1 } })),
    { name: "T", lang: "vi" }
  );
  expect(small.pageBreaks).toEqual([]);
  expect(small.print?.titleRows).toBeDefined();
  // A set that names its leaves (`12.5`): the parts' titles and headings say those names.
  const codes = Array.from({ length: 60 }, (_, k) => `${Math.floor(k / 5) + 1}.${(k % 5) + 1}`);
  const named = unitsSheet(
    units.map((u) => ({
      ...u,
      set: { title: "Bộ tiêu chí riêng", leaf: "Chỉ tiêu", levels: ["Không đạt", "Mức 1"], codes },
    })),
    { name: "T", lang: "vi", today: "x" }
  );
  const namedTexts = named.rows.map((r) => r.filter((v) => v !== null).map(String));
  const namedParts = namedTexts
    .filter((r) => r.length === 1 && /— phần \d\/\d/.test(r[0] ?? "") && !r[0]?.endsWith("(tiếp theo)"))
    .map((r) => r[0]);
  expect(namedParts[0]).toMatch(/phần 1\/\d+: chỉ tiêu 1\.1–\d+\.\d$/);
  expect(namedParts.at(-1)).toMatch(/–12\.5$/);
  const namedShown = [
    ...new Set(
      named.rows
        .filter((r) => r[0] === null && r[7] !== null && r[7] !== undefined)
        .flatMap((r) => r.slice(7).filter((v) => v !== null))
    ),
  ];
  expect(namedShown).toEqual(codes);
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
    titleRows: [9, 9],
    fitTo: { wide: 1, tall: 0 },
  });
  const indicator = plan.rows.findIndex((r) => r[0] === "Chỉ báo 1") + 1;
  expect(lookAt(plan, indicator, 6)).toMatchObject({ border: "thin" });
  expect(lookAt(plan, 9, 2)).toMatchObject({ bold: true, wrap: true, border: "thin" });
  const height = plan.rowHeights?.find((h) => h.row === indicator);
  expect(height && "height" in height && height.height).toBeGreaterThanOrEqual(30);
  // The dossier's form, empty: the office (a line for the unit's name) beside the motto, the title
  // with a place for the year, the period, the set; place and date, who signs, room to sign.
  expect(plan.rows.slice(0, 7).map((r) => r.filter((v) => v !== null))).toEqual([
    ["ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
    ["………………………", "Độc lập - Tự do - Hạnh phúc"],
    [],
    ["BẢN TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ CÁC TIÊU CHUẨN, TIÊU CHÍ, CHỈ BÁO"],
    ["CÔNG NHẬN THÀNH PHỐ HỌC TẬP NĂM ……"],
    ["(Từ ngày 01/01/…… đến ngày 31/12/……)"],
    [`Bộ tiêu chí: ${fw.title.vi}`],
  ]);
  expect(plan.rows.slice(-5).map((r) => r.filter((v) => v !== null))).toEqual([
    ["…………, ngày …… tháng …… năm ……"],
    ["TM. ỦY BAN NHÂN DÂN"],
    ["CHỦ TỊCH"],
    ["(Ký tên, đóng dấu)"],
    [],
  ]);
  expect(plan.rows.at(-4)).toEqual([null, null, null, "TM. ỦY BAN NHÂN DÂN", null, null]);
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
