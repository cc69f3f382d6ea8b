// The commune set of circular 25/2023 at work: chosen by the table's shape, its words in every
// message and sheet, its two levels with their labels, and how long a recognition would hold.
import { checkSheet } from "../../src/core/checks/check";
import { resultHeadline, validity, validityLine } from "../../src/core/checks/headline";
import { assessmentSummary } from "../../src/core/plans/summary";
import { criteriaSheetPlan, describedSheetPlan } from "../../src/core/plans/criteria-plan";
import { templateSheet, contentHeader } from "../../src/core/plans/template";
import { planResults, resultLines } from "../../src/core/plans/write-plan";
import { builtinFramework } from "../../src/core/sets/builtin";
import { criteriaSheetRows, readCriteriaSheet } from "../../src/core/sets/criteria-sheet";
import type { Framework } from "../../src/core/sets/framework";
import { countOf, layerWord, leafName, levelLabel, plural, shortCode } from "../../src/core/sets/words";
import { parseLevel } from "../../src/core/table/levels";
import { assessmentYear, kindFromTitles } from "../../src/core/table/unit";
import { sheet, template, workbook, type In, type IndicatorRow } from "../helpers/grid";

const tt25 = builtinFramework("tt25-2023-xa") as Framework;

function commune(indicator?: (n: number) => IndicatorRow, extra = [] as ReturnType<typeof sheet>[]) {
  const { rows, rowOf } = template({ kind: "commune", indicator });
  const s = sheet("Tự đánh giá", rows);
  return { c: checkSheet(workbook([s, ...extra]), s)!, rowOf, s };
}

test("a commune's table (Tiêu chí rows, targets 1.1…5.3) is checked with tt25-2023-xa, to its levels", () => {
  const { c, rowOf } = commune((n) =>
    n === 5 ? { level: "Mức độ 1 (Khá)" } : n === 9 ? { level: "Khá" } : {}
  );
  expect(c.setFrom).toBe("shape");
  expect(c.report.framework).toMatchObject({ id: "tt25-2023-xa", kind: "commune", validityYears: 3 });
  expect(c.report.standards).toEqual([]);
  expect(c.report.criteria.map((x) => [x.code, x.row, x.level])).toEqual([
    ["Tiêu chí 1", 5, 2],
    ["Tiêu chí 2", 9, 1],
    ["Tiêu chí 3", 13, 1],
    ["Tiêu chí 4", 17, 2],
    ["Tiêu chí 5", 22, 2],
  ]);
  expect(c.report.indicators.map((i) => i.code).slice(0, 4)).toEqual(["1.1", "1.2", "1.3", "2.1"]);
  expect(c.report.indicators[4]?.row).toBe(rowOf.get(5));
  expect(c.report.issues).toEqual([]);
  expect(c.report.recognition).toMatchObject({ level: 1, label: "Mức độ 1" });
  expect(c.report.recognition.reasons).toEqual(["Chưa đạt Mức độ 2 vì chỉ tiêu 2.2, 3.3 chưa đạt Mức độ 2."]);
  expect(resultHeadline(c.report, "vi")).toBe(
    "Đề nghị công nhận: Xã An Hòa — Cộng đồng học tập cấp xã — Mức độ 1"
  );
  const s = sheet(
    "Tự đánh giá",
    template({ kind: "commune", indicator: (n) => (n === 5 ? { level: "Khá" } : {}) }).rows
  );
  const en = checkSheet(workbook([s]), s, { lang: "en" })!.report;
  expect(resultHeadline(en, "en")).toBe(
    "Proposed recognition: Xã An Hòa — Commune learning community — Level 1"
  );
});

test("messages name the target by the sheet's own code and the set's levels", () => {
  const { c } = commune((n) =>
    n === 4
      ? { level: null }
      : n === 8
        ? { level: "Mức độ 3" }
        : n === 11
          ? { level: "Đạt" }
          : n === 12
            ? { evidence: "-" }
            : {}
  );
  expect(c.report.issues.map((i) => i.message)).toEqual([
    "Chỉ tiêu 2.1 chưa có mức tự đánh giá: ghi “Mức độ 1”, “Mức độ 2” hoặc “Không đạt” vào ô E10.",
    "Mức “Mức độ 3” của chỉ tiêu 3.2 không có trong thang mức của bộ tiêu chí: ghi “Mức độ 1”, “Mức độ 2” hoặc “Không đạt”.",
    "Chỉ tiêu 4.2: “Đạt” chưa cho biết mức nào: ghi “Mức độ 1” hoặc “Mức độ 2” vào ô E19.",
    "Chỉ tiêu 4.3 tự đánh giá đạt mức nhưng ô minh chứng D20 chỉ ghi “-”: ghi mã minh chứng (ví dụ H1-01-02).",
  ]);
  expect(c.report.recognition.reasons).toEqual([
    "Chưa xác định được mức của chỉ tiêu 2.1, 3.2, 4.2: sửa các lỗi ở những chỉ tiêu này rồi kiểm tra lại.",
  ]);
  expect(resultHeadline(c.report, "vi")).toBe("Chưa đủ điều kiện công nhận");
  const notes = planResults(workbook([commune().s]), commune().s, c, { today: "x" }).blocks[0]!.values;
  expect(notes.flat()).toContain("Thiếu mức tự đánh giá");
});

test("a commune failing all 15 targets: every one named, in the reasons and on KQ", () => {
  const { c, s } = commune(() => ({ level: "Không đạt" }));
  const codes = "1.1, 1.2, 1.3, 2.1, 2.2, 2.3, 3.1, 3.2, 3.3, 4.1, 4.2, 4.3, 4.4, 5.1, 5.2";
  expect(c.report.recognition.level).toBe(0);
  expect(c.report.recognition.reasons).toEqual([
    `Chỉ tiêu ${codes} không đạt, nên đơn vị chưa đạt Mức độ 1.`,
  ]);
  const kq = assessmentSummary(c, { today: "x", sheet: s }).rows.flat();
  expect(kq).toContain(`– Chỉ tiêu ${codes} không đạt, nên đơn vị chưa đạt Mức độ 1.`);
  expect(kq.join(" ")).not.toMatch(/chỉ tiêu khác/);
});

test("a wrong count is said in the set's words", () => {
  const { rows } = template({ kind: "commune" });
  const s = sheet("T", rows.slice(0, -1));
  const c = checkSheet(workbook([s]), s)!;
  expect(c.report.framework.id).toBe("tt25-2023-xa");
  expect(c.report.issues[0]?.message).toBe(
    "Cấu trúc bảng chưa khớp với bộ tiêu chí: cần 15 chỉ tiêu, bảng có 14 chỉ tiêu. Kiểm tra lại các dòng tiêu chí, chỉ tiêu."
  );
  expect(c.report.recognition.reasons[0]).toBe(
    "Cấu trúc bảng (số tiêu chí, chỉ tiêu hoặc cột cần thiết) chưa đúng với bộ tiêu chí: xem các lỗi cấu trúc."
  );
  // A commune's table with standards rows too: the standards are counted as the set has none.
  const extra = sheet("T", [...rows.slice(0, 4), ["Tiêu chuẩn 1", "x"], ...rows.slice(4)]);
  const d = checkSheet(workbook([extra]), extra, { framework: tt25, lang: "en" })!;
  expect(d.report.issues.map((i) => i.message)).toEqual([
    "The table's structure does not match the criteria set: 5 criteria expected, the table has 1 standard, 5 criteria. Check the criterion and target rows.",
  ]);
});

test("where the result is shown: the level's label and, as an estimate, until when it holds", () => {
  const { c } = commune();
  expect(c.report.recognition.validity).toEqual({
    years: 3,
    assessedYear: 2025,
    recognisedIn: 2026,
    validThrough: 2029,
  });
  const line =
    "Thời hạn (ước tính từ năm đánh giá 2025 ở tiêu đề; bảng tính không có ngày quyết định): đến hết năm 2029 nếu được công nhận năm 2026.";
  expect(validityLine(c.report, "vi")).toBe(line);
  expect(validityLine(c.report, "en")).toMatch(/: through 2029 if recognised in 2026\.$/);
  expect(resultLines(c, { today: "01/03/2026" })).toContain(line);
  const { s } = commune();
  const kq = assessmentSummary(c, { today: "01/03/2026", sheet: s });
  const text = kq.rows.map((r) => r.filter((v) => v !== null).join(" | "));
  // The dossier's title in the circular's words, the year and the period from the officer's title.
  expect(text.slice(3, 6)).toEqual([
    "BẢN TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ CÁC TIÊU CHÍ, CHỈ TIÊU",
    "CÔNG NHẬN “CỘNG ĐỒNG HỌC TẬP” CẤP XÃ NĂM 2025",
    "(Từ ngày 01/01/2025 đến ngày 31/12/2025)",
  ]);
  expect(kq.rows).toContainEqual([
    "1",
    "Tiêu chí 1. Sự lãnh đạo, chỉ đạo của cấp ủy Đảng, chính quyền cấp xã",
    null,
    null,
    "Đạt",
    "Đạt",
    "Mức độ 2",
  ]);
  expect(text).toContain("Kết luận: Xã An Hòa đạt “Cộng đồng học tập” cấp xã Mức độ 2.");
  // The estimate of how long it holds is for the officer, under the paper, the date first.
  expect(text).toContain(
    "Thời hạn: Đến hết năm 2029 nếu được công nhận năm 2026 (ước tính từ năm đánh giá 2025 ở tiêu đề; bảng tính không có ngày quyết định)."
  );
  // No year in the title: the years alone; no level, or a set that does not say: nothing.
  const noYear = { ...c.report, recognition: { ...c.report.recognition, validity: validity(tt25, 2, null) } };
  // No year in the title: nothing to estimate from (the report still gives the years).
  expect(validityLine(noYear, "vi")).toBeNull();
  expect(noYear.recognition.validity).toEqual({ years: 3 });
  expect(validity(tt25, 0, 2025)).toBeUndefined();
  expect(validity(builtinFramework("hp-2022-district")!, 2, 2025)).toBeUndefined();
  expect(assessmentYear(["Xã An Hòa, ngày 10 tháng 01 năm 2026", "BẢNG TỰ ĐÁNH GIÁ NĂM 2025"])).toBe(2025);
  expect(assessmentYear(["BÁO CÁO"])).toBeNull();
});

test("title words name the kind of unit", () => {
  expect(kindFromTitles(["ĐÁNH GIÁ CỘNG ĐỒNG HỌC TẬP CẤP XÃ"])).toBe("commune");
  expect(kindFromTitles(["Cộng đồng học tập cấp tỉnh"])).toBe("province");
  expect(kindFromTitles(["Đơn vị học tập"])).toBe("unit");
  expect(kindFromTitles(["Xây dựng xã hội học tập"])).toBeNull();
});

test("the set's labels are levels too, and the press names officers write: `Mức độ 1 (Khá)`, `Khá`, `Mức độ II`", () => {
  expect(tt25.levels.map((l) => l.vi)).toEqual(["Không đạt", "Mức độ 1", "Mức độ 2"]);
  expect(
    ["Mức độ 1 (Khá)", "Khá", "tốt", "Mức độ II", "Level 2", "Không đạt"].map((v) =>
      parseLevel(v, tt25.levels)
    )
  ).toEqual([
    { ok: true, level: 1 },
    { ok: true, level: 1 },
    { ok: true, level: 2 },
    { ok: true, level: 2 },
    { ok: true, level: 2 },
    { ok: true, level: 0 },
  ]);
  expect(parseLevel("Mức độ 3 (Xuất sắc)", tt25.levels)).toEqual({
    ok: false,
    problem: "out-of-scale",
    level: 3,
  });
});

test("the set's words: layers, plurals, codes", () => {
  expect(layerWord(tt25, "standard", "vi")).toBe("Tiêu chuẩn");
  expect(plural(tt25, "criterion", "en")).toBe("Criteria");
  expect(plural(tt25, "indicator", "en")).toBe("Targets");
  expect(countOf(tt25, "indicator", 1, "en")).toBe("1 target");
  expect(shortCode("Chỉ tiêu 3.2", 8)).toBe("3.2");
  expect(shortCode("CB 07", 7)).toBe("07");
  expect(shortCode("", 4)).toBe("4");
  expect(leafName(tt25, "2.3", 6, "en")).toBe("Target 2.3");
  expect(levelLabel(tt25, 9, "vi")).toBe("9");
});

test("the blank template and the criteria sheet follow the set", () => {
  // The circular's set gives the per-level form (test/core/template-per-level.test.ts); a commune
  // set numbered through (an officer's own) gives one level column with the set's labels.
  const own = { ...tt25 };
  delete own.numbering;
  expect(templateSheet(tt25).rows[9]).toEqual([
    null,
    null,
    "Đạt",
    "Không đạt",
    "Đạt",
    "Không đạt",
    null,
    null,
  ]);
  const plan = templateSheet(own);
  expect(plan.rows[3]?.[0]).toBe("BẢN TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ CÁC TIÊU CHÍ, CHỈ TIÊU");
  expect(plan.rows[4]?.[0]).toBe("CÔNG NHẬN “CỘNG ĐỒNG HỌC TẬP” CẤP XÃ NĂM ……");
  expect(plan.rows[8]?.[1]).toBe("Tiêu chí, chỉ tiêu");
  expect(plan.rows.filter((r) => /^\d\.\d$/.test(String(r[0])))).toHaveLength(15);
  expect(plan.rows).toContainEqual(["1.1", null, null, null, null, null]);
  expect(plan.validations?.[0]?.list).toEqual(["Không đạt", "Mức độ 1", "Mức độ 2"]);
  // Filled with the dropdown's own labels, it checks to those levels.
  const filled = plan.rows.map((r) =>
    /^\d\.\d$/.test(String(r[0])) ? [r[0], r[1], "x", "MC", "Mức độ 2"] : r
  ) as In[][];
  const s = sheet("Mẫu", filled);
  const c = checkSheet(workbook([s]), s, { framework: own })!;
  expect(c.report.framework.id).toBe("tt25-2023-xa");
  expect(c.report.issues).toEqual([]);
  expect(c.report.recognition.level).toBe(2);
  // Words a table would not know as a content header go under `Nội dung`.
  const odd = {
    ...tt25,
    layers: {
      criterion: { vi: "Lĩnh vực", en: "Field", code: "LV" },
      indicator: { vi: "Yêu cầu", en: "R", code: "YC" },
    },
  };
  expect(contentHeader(odd)).toBe("Nội dung (lĩnh vực, yêu cầu)");
  expect(templateSheet({ ...own, kind: "other", recognisedAs: undefined }).rows[4]?.[0]).toBe("NĂM ……");
  // The criteria sheet: group rows in bold, frozen under its header; with the block when asked.
  const cs = criteriaSheetPlan(tt25);
  expect(cs.rows[0]).toEqual([
    "Mã",
    "Nội dung",
    "Loại",
    "Mức 1",
    "Mức 2",
    "Minh chứng bắt buộc",
    "Tiêu chí",
    "Điểm",
    // The circular's words: each target's letter, words at each level, figures, standards; a criterion's article.
    "Ký hiệu",
    "Lời mức 1",
    "Lời mức 2",
    "Số liệu cần đạt",
    "Chuẩn cần đạt",
    "Căn cứ",
  ]);
  expect(cs.boldRows?.slice(0, 3)).toEqual([0, 1, 5]);
  expect([cs.freezeRows, cs.owned]).toEqual([1, false]);
  // The block: name, id, kind, levels, the levels' other names (Khá, Tốt), layers, rule, years,
  // recognised as, numbering, a condition; a blank row.
  expect(describedSheetPlan(tt25).freezeRows).toBe(13);
});

test("a commune's criteria sheet without its block: targets `2.1` get their thresholds", () => {
  const rows = criteriaSheetRows(tt25) as In[][];
  const r = rows.find((x) => x[0] === "2.1") as In[];
  r[2] = "Tỷ lệ";
  r[3] = "≥ 50";
  r[4] = "≥ 80";
  rows.push(["7.1", "x"], ["Chỉ tiêu 4", "y"]);
  const got = readCriteriaSheet(sheet("Bộ tiêu chí", rows), tt25);
  expect(got.issues.map((i) => [i.cell, i.message])).toEqual([
    ["A22", "Mã “7.1” không phải chỉ tiêu nào của bộ tiêu chí (1–15): sửa mã hoặc xoá dòng này."],
    ["A23", "Chỉ tiêu 4 đã có ở dòng 7: mỗi chỉ tiêu chỉ ghi một dòng."],
  ]);
  expect(got.framework.indicators[3]).toMatchObject({
    measure: "percent",
    thresholds: [
      { op: ">=", value: 50 },
      { op: ">=", value: 80 },
    ],
  });
  expect(got.framework.criteria[0]?.title).toBe(tt25.criteria[0]?.title);
});

test("a bare commune line under the district's committee names the commune, not the district", () => {
  for (const lines of [
    ["UBND HUYỆN AN LÃO", "XÃ AN HÒA"],
    ["ỦY BAN NHÂN DÂN HUYỆN AN LÃO\nXÃ AN HÒA"],
    ["UBND HUYỆN AN LÃO", "UBND XÃ AN HÒA"],
  ]) {
    const { rows } = template({ kind: "commune" });
    const s = sheet("Tự đánh giá", [...lines.map((l) => [l]), ...rows.slice(1)]);
    const c = checkSheet(workbook([s]), s)!;
    expect(c.report.unitName).toBe("Xã An Hòa");
    expect(resultHeadline(c.report, "vi")).toBe(
      "Đề nghị công nhận: Xã An Hòa — Cộng đồng học tập cấp xã — Mức độ 2"
    );
  }
});
