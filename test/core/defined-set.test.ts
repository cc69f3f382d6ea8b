// A criteria sheet that defines a whole set with its description block: any count, any tree of one
// or two group layers, any number of levels with their labels; bad descriptions at their cells; and
// any set written to a sheet (or to JSON) reads back the same.
import fc from "fast-check";
import { checkSheet } from "../../src/core/checks/check";
import { builtinFramework } from "../../src/core/sets/builtin";
import {
  criteriaSheetRows,
  describedSheetRows,
  readCriteriaSheet,
  readDefinedSet,
} from "../../src/core/sets/criteria-sheet";
import {
  KINDS,
  type Framework,
  type IndicatorDef,
  type LayerWords,
  type RecognitionRule,
  type Threshold,
} from "../../src/core/sets/framework";
import { loadFramework } from "../../src/core/sets/schema";
import { codeOf, formatRule, parseRule } from "../../src/core/sets/sheet-block";
import { sheet, workbook, type In } from "../helpers/grid";

const BLOCK: In[][] = [
  ["Tên bộ tiêu chí", "Bộ tiêu chí xã học tập của tỉnh (thí điểm 2025)"],
  ["Mã bộ tiêu chí", "xa-thi-diem-2025"],
  ["Cấp", "xã"],
  ["Các mức", "Không đạt; Mức độ 1 (Khá); Mức độ 2 (Tốt)"],
  ["Quy tắc công nhận", "Đạt tất cả chỉ tiêu"],
  ["Thời hạn công nhận (năm)", 3],
  [],
];
const HEADER: In[] = ["Mã", "Nội dung", "Loại", "Mức 1", "Mức 2", "Minh chứng bắt buộc", "Tiêu chí"];

/** 4 criteria, 12 targets, percentages with thresholds for the first two of each criterion. */
function twelve(place: "column" | "rows" = "column"): In[][] {
  const rows: In[][] = [...BLOCK, HEADER];
  for (let c = 1; c <= 4; c++) {
    if (place === "rows") rows.push([`Tiêu chí ${c}`, `Lĩnh vực ${c}`]);
    for (let k = 1; k <= 3; k++) {
      const figure = k < 3;
      rows.push([
        `${c}.${k}`,
        `Chỉ tiêu ${c}.${k} của xã`,
        figure ? "Tỷ lệ" : "Mức",
        figure ? `≥ ${50 + 10 * k}` : null,
        figure ? `≥ ${70 + 10 * k}` : null,
        "Có",
        place === "column" ? c : null,
      ]);
    }
  }
  return rows;
}

describe("a set defined in the workbook", () => {
  test("4 criteria, 12 targets, two levels with their labels, percentage thresholds", () => {
    const got = readDefinedSet(sheet("Bộ tiêu chí", twelve()));
    expect(got?.issues).toEqual([]);
    const fw = got?.framework as Framework;
    expect(fw).toMatchObject({
      id: "xa-thi-diem-2025",
      title: { vi: "Bộ tiêu chí xã học tập của tỉnh (thí điểm 2025)" },
      kind: "commune",
      layers: {
        criterion: { vi: "Tiêu chí", en: "Criterion", code: "TC" },
        indicator: { vi: "Chỉ tiêu", en: "Target", code: "CT" },
      },
      recognition: { rule: "all-at-least" },
      validityYears: 3,
      standards: [],
    });
    expect(fw.levels.map((l) => [l.vi, l.en])).toEqual([
      ["Không đạt", "Not achieved"],
      ["Mức độ 1 (Khá)", "Level 1"],
      ["Mức độ 2 (Tốt)", "Level 2"],
    ]);
    expect(fw.criteria.map((c) => c.indicators)).toEqual([
      [1, 2, 3],
      [4, 5, 6],
      [7, 8, 9],
      [10, 11, 12],
    ]);
    expect(fw.indicators[0]).toEqual({
      number: 1,
      title: "Chỉ tiêu 1.1 của xã",
      measure: "percent",
      thresholds: [
        { op: ">=", value: 60 },
        { op: ">=", value: 80 },
      ],
      evidenceRequired: true,
    });
    expect(fw.indicators[2]).toEqual({
      number: 3,
      title: "Chỉ tiêu 1.3 của xã",
      measure: "level",
      evidenceRequired: true,
    });
    expect(fw.notes).toEqual([expect.objectContaining({ basis: "officer" })]);
    expect(loadFramework(JSON.parse(JSON.stringify(fw)))).toEqual({ ok: true, framework: fw });
  });

  test("the tree from the group rows (`Tiêu chí 2` with its title) when there is no Tiêu chí column", () => {
    const rows = twelve("rows").map((r) => r.slice(0, 6));
    const fw = readDefinedSet(sheet("Bộ tiêu chí", rows))?.framework as Framework;
    expect(fw.criteria.map((c) => [c.title, c.indicators.length])).toEqual([
      ["Lĩnh vực 1", 3],
      ["Lĩnh vực 2", 3],
      ["Lĩnh vực 3", 3],
      ["Lĩnh vực 4", 3],
    ]);
  });

  test("three layers, their own words and English, levels given without `Không đạt`, other rules", () => {
    const rows: In[][] = [
      ["Ghi chú: bộ tiêu chí của đơn vị"],
      [],
      ["Tên bộ tiêu chí", "Đơn vị học tập 2025", "Learning unit 2025"],
      ["Cấp", "cấp đơn vị"],
      ["Các mức", "Mức 1; Mức 2; Mức 3"],
      ["Các lớp", "Lĩnh vực; Nhóm; Yêu cầu", "Field; Group; Requirement"],
      ["Quy tắc công nhận", "Điểm: Mức 1 ≥ 50%; Mức 2 ≥ 70%; Mức 3 ≥ 85%"],
      [],
      [
        "Mã",
        "Nội dung",
        "Loại",
        "Mức 1",
        "Mức 2",
        "Mức 3",
        "Minh chứng bắt buộc",
        "Lĩnh vực",
        "Nhóm",
        "Điểm",
      ],
      ["Lĩnh vực 1", "Tổ chức"],
      [1, "", "Mức", null, null, null, "Không", 1, 1, 30],
      [2, "", "Mức", null, null, null, "Không", 1, 2, 30],
      ["Lĩnh vực 2", "Kết quả"],
      [3, "", "Số", "≥ 10", "≥ 20", "≥ 30", "Có", 2, 3, 40],
    ];
    const fw = readDefinedSet(sheet("Bộ tiêu chí", rows))?.framework as Framework;
    expect(fw.id).toBe("don-vi-hoc-tap-2025");
    expect(fw.kind).toBe("unit");
    expect(fw.title).toEqual({ vi: "Đơn vị học tập 2025", en: "Learning unit 2025" });
    expect(fw.layers).toEqual({
      standard: { vi: "Lĩnh vực", en: "Field", code: "LV" },
      criterion: { vi: "Nhóm", en: "Group", code: "N" },
      indicator: { vi: "Yêu cầu", en: "Requirement", code: "YC" },
    });
    expect(fw.levels.map((l) => l.vi)).toEqual(["Không đạt", "Mức 1", "Mức 2", "Mức 3"]);
    expect(fw.standards).toEqual([
      { number: 1, title: "Tổ chức", criteria: [1, 2] },
      { number: 2, title: "Kết quả", criteria: [3] },
    ]);
    expect(fw.indicators.map((i) => i.points)).toEqual([30, 30, 40]);
    expect(fw.recognition).toEqual({
      rule: "points",
      bands: [
        { level: 1, min: 50 },
        { level: 2, min: 70 },
        { level: 3, min: 85 },
      ],
    });
  });

  test("rules as officers write them, and back", () => {
    expect(parseRule("Tỷ lệ đạt ≥ 80%")).toEqual({ rule: "share-at-least", percent: 80 });
    expect(parseRule("ty le dat >= 87,5 %")).toEqual({ rule: "share-at-least", percent: 87.5 });
    expect(parseRule("Đạt tất cả chỉ tiêu")).toEqual({ rule: "all-at-least" });
    expect(parseRule("Điểm: Mức 1 ≥ 70%; Mức độ 2 ≥ 85%")).toMatchObject({ rule: "points" });
    for (const bad of ["đa số", "Tỷ lệ đạt ≥ 180%", "Điểm: cao", "Điểm: Mức 0 ≥ 10%"])
      expect(parseRule(bad)).toBeNull();
    const layers = builtinFramework("tt25-2023-xa")!.layers;
    expect(formatRule({ rule: "all-at-least" }, layers)).toBe("Đạt tất cả chỉ tiêu");
    expect(formatRule({ rule: "share-at-least", percent: 87.5 }, layers)).toBe("Tỷ lệ đạt ≥ 87,5%");
    expect(codeOf("Chỉ tiêu")).toBe("CT");
    expect(codeOf("---")).toBe("X");
  });

  test("bad descriptions and rows are criteria-sheet errors at their cells; the set is still made", () => {
    const rows: In[][] = [
      ["Tên bộ tiêu chí", ""],
      ["Mã bộ tiêu chí", "Bộ xã 2025"],
      ["Cấp", "quận"],
      ["Các mức", "Đạt"],
      ["Các lớp", "Một; Hai; Ba; Bốn"],
      ["Quy tắc công nhận", "đa số"],
      ["Thời hạn công nhận (năm)", "ba năm"],
      [],
      ["Mã", "Nội dung", "Loại", "Mức 1", "Minh chứng bắt buộc", "Tiêu chí"],
      ["1.1", "a", "Mức", null, "Có", 1],
      ["1.2", "b", "Mức", null, "Có", null],
    ];
    const got = readDefinedSet(sheet("Bộ tiêu chí", rows), "en")!;
    expect(got.issues.map((i) => [i.cell, i.indicator])).toEqual([
      ["B1", null],
      ["B2", null],
      ["B3", null],
      ["B4", null],
      ["B5", null],
      ["B6", null],
      ["B7", null],
      ["A11", null],
    ]);
    expect(got.issues.every((i) => i.rule === "criteria-sheet" && i.message.length > 30)).toBe(true);
    // What could be read stands: one level from the `Mức 1` column, the default layers and rule.
    expect(got.framework).toMatchObject({
      id: "bo-tieu-chi-cua-bang-tinh",
      kind: "other",
      levels: [{ vi: "Không đạt" }, { vi: "Mức 1" }],
      recognition: { rule: "all-at-least" },
      indicators: [{ number: 1 }],
    });
  });

  test("a block with no usable table builds no set, and says why", () => {
    const none = readDefinedSet(sheet("Bộ tiêu chí", [...BLOCK, ["Ghi chú"]]));
    expect(none?.framework).toBeNull();
    expect(none?.issues[0]?.message).toMatch(/^Trang tính “Bộ tiêu chí” không có dòng tiêu đề/);
    const empty = readDefinedSet(sheet("Bộ tiêu chí", [...BLOCK, HEADER]));
    expect(empty?.framework).toBeNull();
    expect(empty?.issues[0]?.message).toMatch(/^Trang tính “Bộ tiêu chí” chưa có chỉ tiêu nào/);
    // Criteria numbered 1 and 3: not a set.
    const gap = twelve().map((r) => (r[6] === 2 ? [...r.slice(0, 6), 3] : r));
    expect(readDefinedSet(sheet("Bộ tiêu chí", gap))?.framework).toBeNull();
    // Without the block, the sheet overrides a set instead.
    expect(readDefinedSet(sheet("Bộ tiêu chí", twelve().slice(BLOCK.length)))).toBeNull();
    const district = builtinFramework("hp-2022-district")!;
    expect(readCriteriaSheet(sheet("Bộ tiêu chí", twelve()), district).framework.id).toBe("xa-thi-diem-2025");
    expect(readCriteriaSheet(sheet("Bộ tiêu chí", [...BLOCK, ["x"]]), district).framework).toBe(district);
  });

  test("the workbook's set wins over the built-ins: levels computed from the figures, over-claims flagged", () => {
    const table: In[][] = [
      ["UBND XÃ TÂN LẬP"],
      ["BÁO CÁO TỰ ĐÁNH GIÁ NĂM 2025"],
      ["TT", "Nội dung", "Kết quả thực hiện", "Minh chứng", "Tự đánh giá"],
    ];
    for (let c = 1; c <= 4; c++) {
      table.push([`Tiêu chí ${c}`, `Lĩnh vực ${c}`]);
      for (let k = 1; k <= 3; k++) {
        // 1.1 claims level 2 with 75 %: its thresholds give level 1 (≥ 60, not ≥ 80).
        const figure = c === 1 && k === 1 ? "75%" : k < 3 ? "95%" : "Có";
        table.push([`${c}.${k}`, "…", figure, `MC-${c}.${k}`, "Mức độ 2 (Tốt)"]);
      }
    }
    const s = sheet("Tự đánh giá", table);
    const c = checkSheet(workbook([s, sheet("Bộ tiêu chí", twelve())]), s)!;
    expect(c.setFrom).toBe("workbook");
    expect(c.report.framework.id).toBe("xa-thi-diem-2025");
    expect(c.report.issues.map((i) => `${i.rule}:${i.severity}@${i.cell}`)).toEqual([
      "level-mismatch:error@E5",
    ]);
    expect(c.report.issues[0]?.message).toBe(
      "Chỉ tiêu 1.1 tự đánh giá Mức độ 2 (Tốt) nhưng số liệu chỉ đạt Mức độ 1 (Khá) theo ngưỡng của bộ tiêu chí: hạ mức tự đánh giá hoặc kiểm tra lại số liệu."
    );
    expect(c.report.indicators[0]).toMatchObject({ selfLevel: 2, computedLevel: 1, level: 1 });
    expect(c.report.recognition).toMatchObject({
      level: 1,
      label: "Mức độ 1 (Khá)",
      validity: { years: 3, assessedYear: 2025, recognisedIn: 2026, validThrough: 2029 },
    });
    // A set chosen by the officer wins over the workbook's own, which stays on offer.
    const chosen = checkSheet(workbook([s, sheet("Bộ tiêu chí", twelve())]), s, {
      framework: builtinFramework("tt25-2023-xa"),
    })!;
    expect([chosen.setFrom, chosen.report.framework.id, chosen.workbookSet?.id]).toEqual([
      "chosen",
      "tt25-2023-xa",
      "xa-thi-diem-2025",
    ]);
    expect(chosen.report.issues.map((i) => i.message)).toEqual([
      "Cấu trúc bảng chưa khớp với bộ tiêu chí: cần 15 chỉ tiêu, bảng có 12 chỉ tiêu. Kiểm tra lại các dòng tiêu chí, chỉ tiêu.",
      "Cấu trúc bảng chưa khớp với bộ tiêu chí: cần 5 tiêu chí, bảng có 4 tiêu chí. Kiểm tra lại các dòng tiêu chí, chỉ tiêu.",
    ]);
  });
});

// Random sets of both shapes and 1–5 levels, in words officers use.
const WORDS: [string, string][][] = [
  [
    ["Tiêu chí", "Criterion"],
    ["Chỉ tiêu", "Target"],
  ],
  [
    ["Tiêu chuẩn", "Standard"],
    ["Tiêu chí", "Criterion"],
    ["Chỉ báo", "Indicator"],
  ],
  [
    ["Lĩnh vực", "Field"],
    ["Yêu cầu", "Requirement"],
  ],
  [
    ["Phần", "Part"],
    ["Nhóm", "Group"],
    ["Mục", "Item"],
  ],
];
const TITLES = [
  "Công tác tuyên truyền",
  "Tỷ lệ hộ “gia đình học tập”",
  "GRDP; lao động",
  "Kinh phí (triệu đồng)",
];

const words = (w: [string, string]): LayerWords => ({ vi: w[0], en: w[1], code: codeOf(w[0]) });
const title = fc.option(fc.constantFrom(...TITLES), { nil: undefined });
const titled = <T extends object>(x: T, t: string | undefined): T => (t ? { ...x, title: t } : x);

function leafArb(top: number) {
  const threshold = fc.record({
    op: fc.constantFrom(">=" as const, "<=" as const),
    value: fc.integer({ min: 0, max: 1000 }),
  });
  return fc.record({
    measure: fc.constantFrom("level" as const, "percent" as const, "number" as const, "yesno" as const),
    t: fc.array(threshold, { minLength: top, maxLength: top }),
    blank: fc.integer({ min: 0, max: top }),
    evidence: fc.boolean(),
    points: fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }),
    title,
  });
}

interface LeafSpec {
  measure: IndicatorDef["measure"];
  t: { op: ">=" | "<="; value: number }[];
  blank: number;
  evidence: boolean;
  points: number | undefined;
  title: string | undefined;
  n: number;
}

function leafOf(spec: LeafSpec, top: number): IndicatorDef {
  const op = spec.t[0]?.op ?? ">=";
  const sorted = spec.t.map((t) => t.value / 10).sort((a, b) => (op === ">=" ? a - b : b - a));
  const thresholds: (Threshold | null)[] =
    spec.measure === "yesno"
      ? Array.from({ length: top }, (_, k) => (k === 0 ? { op: "yes" } : null))
      : sorted.map((value, k) => (k === spec.blank && top > 1 ? null : { op, value }));
  const scored = spec.measure !== "level";
  return titled(
    {
      number: spec.n,
      measure: spec.measure,
      evidenceRequired: spec.evidence,
      ...(scored ? { thresholds } : {}),
      ...(spec.points !== undefined ? { points: spec.points } : {}),
    },
    spec.title
  );
}

const ruleArb = (top: number): fc.Arbitrary<RecognitionRule> =>
  fc.oneof(
    fc.constant({ rule: "all-at-least" as const }),
    fc.integer({ min: 1, max: 1000 }).map((p) => ({ rule: "share-at-least" as const, percent: p / 10 })),
    fc.uniqueArray(fc.integer({ min: 1, max: top }), { minLength: 1, maxLength: top }).map((ls) => ({
      rule: "points" as const,
      bands: ls.sort().map((level) => ({ level, min: level * 15 })),
    }))
  );

const setArb: fc.Arbitrary<Framework> = fc
  .record({
    top: fc.integer({ min: 1, max: 5 }),
    layers: fc.constantFrom(...WORDS),
    sizes: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 6 }),
    cut: fc.integer({ min: 1, max: 3 }),
    kind: fc.constantFrom(...KINDS),
    years: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
    nick: fc.boolean(),
    groupTitles: fc.array(title, { minLength: 9, maxLength: 9 }),
  })
  .chain((s) =>
    fc.record({
      s: fc.constant(s),
      leaves: fc.array(leafArb(s.top), { minLength: 24, maxLength: 24 }),
      rule: ruleArb(s.top),
    })
  )
  .map(({ s, leaves, rule }) => {
    const three = s.layers.length === 3;
    let n = 0;
    const criteria = s.sizes.map((size, i) =>
      titled({ number: i + 1, indicators: Array.from({ length: size }, () => ++n) }, s.groupTitles[i])
    );
    // Standards each take the next `cut` criteria.
    const standards = three
      ? Array.from({ length: Math.ceil(criteria.length / s.cut) }, (_, i) =>
          titled(
            { number: i + 1, criteria: criteria.slice(i * s.cut, (i + 1) * s.cut).map((c) => c.number) },
            s.groupTitles[8 - i]
          )
        )
      : [];
    const [a, b, c] = s.layers.map(words);
    const fw: Framework = {
      id: `bo-${s.top}-${n}`,
      title: { vi: `Bộ tiêu chí ${n} nội dung`, en: `A set of ${n}` },
      version: "bảng tính",
      source: { document: "x" },
      kind: s.kind,
      layers: c ? { standard: a!, criterion: b!, indicator: c } : { criterion: a!, indicator: b! },
      levels: Array.from({ length: s.top + 1 }, (_, level) =>
        level === 0
          ? { level, vi: "Không đạt", en: "Not achieved" }
          : s.nick
            ? { level, vi: `Mức độ ${level} (M${level})`, en: `Level ${level} (L${level})` }
            : { level, vi: `Mức ${level}`, en: `Level ${level}` }
      ),
      standards,
      criteria,
      indicators: leaves.slice(0, n).map((l, i) => leafOf({ ...l, n: i + 1 }, s.top)),
      recognition: rule,
      ...(s.years !== undefined ? { validityYears: s.years } : {}),
      notes: [],
    };
    return fw;
  });

test("sheet ↔ set ↔ JSON: random sets of both shapes and 1–5 levels read back the same", () => {
  const held = ({ notes: _n, source: _s, version: _v, ...rest }: Framework) => rest;
  fc.assert(
    fc.property(setArb, (fw) => {
      expect(loadFramework(JSON.parse(JSON.stringify(fw)))).toEqual({ ok: true, framework: fw });
      const back = readDefinedSet(sheet("Bộ tiêu chí", describedSheetRows(fw) as In[][]));
      expect(back?.issues).toEqual([]);
      expect(held(back?.framework as Framework)).toEqual(held(fw));
      // Without its block, the same rows override the set itself, unchanged.
      const over = readCriteriaSheet(sheet("Bộ tiêu chí", criteriaSheetRows(fw) as In[][]), fw);
      expect(over.issues).toEqual([]);
      expect(held(over.framework)).toEqual(held(fw));
    }),
    { numRuns: 120 }
  );
});

test("each set of circulars 24 and 25/2023 written into a Bộ tiêu chí sheet reads back whole: the targets' words at each level with their articles, letters, figures, standards", () => {
  // What a sheet does not hold: notes, source, version. The names officers write for a level
  // (Khá, Tốt) travel in `Tên gọi khác của mức`.
  const held = ({ notes: _n, source: _s, version: _v, ...rest }: Framework) => rest;
  for (const id of [
    "tt25-2023-xa",
    "tt25-2023-huyen",
    "tt25-2023-tinh",
    "tt24-2023-don-vi-huyen",
    "tt24-2023-don-vi-tinh",
  ]) {
    const fw = builtinFramework(id)!;
    const back = readDefinedSet(sheet("Bộ tiêu chí", describedSheetRows(fw) as In[][]));
    expect(back?.issues).toEqual([]);
    expect(held(back!.framework!)).toEqual(held(fw));
    // Without the block, the same rows over the set itself change nothing.
    const over = readCriteriaSheet(sheet("Bộ tiêu chí", criteriaSheetRows(fw) as In[][]), fw);
    expect(over.issues).toEqual([]);
    expect(held(over.framework)).toEqual(held(fw));
  }
  const rows = describedSheetRows(builtinFramework("tt25-2023-xa")!) as In[][];
  const header = rows.find((r) => r[0] === "Mã")!;
  const t52 = rows.find((r) => r[0] === "5.2")!;
  const cell = (h: string) => t52[header.indexOf(h)];
  expect(cell("Ký hiệu")).toBe("b)");
  expect(cell("Số liệu cần đạt")).toBe(
    "công dân trong xã được đào tạo trình độ chuyên môn kỹ thuật: ≥ 50% | ≥ 60% [vung-kho-khan: ≥ 40% | ≥ 50%]\n" +
      "công dân trong xã có trình độ đại học trở lên: ≥ 12% | ≥ 15% [vung-kho-khan: ≥ 10% | ≥ 12%]"
  );
  expect(String(cell("Lời mức 2"))).toMatch(/\nCăn cứ: Điều 7 khoản 5 điểm b$/);
  expect(rows.find((r) => r[0] === "4.2")![header.indexOf("Chuẩn cần đạt")]).toBe(
    "phổ cập giáo dục tiểu học (Nghị định số 20/2014/NĐ-CP): mức độ 2 | mức độ 3"
  );
  // A cell that cannot be read is said at the cell.
  const bad = rows.map((r) =>
    r === t52 ? r.map((v, i) => (i === header.indexOf("Số liệu cần đạt") ? "50%" : v)) : r
  );
  const read = readDefinedSet(sheet("Bộ tiêu chí", bad));
  expect(read?.issues[0]?.cell).toMatch(/^[A-Z]+\d+$/);
  expect(read?.issues.map((i) => i.message)).toEqual([
    `Ô ${read!.issues[0]!.cell} (“Số liệu cần đạt”) chưa đọc được: ghi như “công dân … : ≥ 50% | ≥ 60% [vung-kho-khan: ≥ 40% | ≥ 50%]”.`,
  ]);
});

test("the circulars' set-level fields written into a Bộ tiêu chí sheet read back: recognised as, numbering, evidence rule, conditions", () => {
  for (const id of ["tt25-2023-xa", "tt24-2023-don-vi-huyen"]) {
    const fw = builtinFramework(id)!;
    const rows = describedSheetRows(fw) as In[][];
    const back = readDefinedSet(sheet("Bộ tiêu chí", rows));
    expect(back?.issues).toEqual([]);
    const pick = (f: Framework) => ({
      recognisedAs: f.recognisedAs,
      numbering: f.numbering,
      evidence: f.evidence,
      conditions: f.conditions,
    });
    expect(pick(back!.framework!)).toEqual(pick(fw));
  }
  const xa = describedSheetRows(builtinFramework("tt25-2023-xa")!) as In[][];
  expect(xa.filter((r) => r[0] === "Điều kiện của đơn vị")).toEqual([
    [
      "Điều kiện của đơn vị",
      "Xã thuộc vùng khó khăn",
      "A commune in a disadvantaged area",
      "Điều 6 khoản 5 điểm b; Điều 7 khoản 5 điểm b",
      "vung-kho-khan",
    ],
  ]);
  // Written by an officer: a condition without its id takes one from its words; a bad rule is said at its cell.
  const own = sheet("Bộ tiêu chí", [
    ["Tên bộ tiêu chí", "Bộ của tỉnh"],
    ["Không có minh chứng", "Vẫn đạt"],
    ["Điều kiện của đơn vị", "Xã đảo"],
    [],
    ["Mã", "Nội dung", "Loại", "Mức 1", "Minh chứng bắt buộc", "Tiêu chí"],
    ["1", "Chỉ tiêu một", "Mức", null, "Có", 1],
  ]);
  const read = readDefinedSet(own)!;
  expect(read.framework?.conditions).toEqual([{ id: "xa-dao", vi: "Xã đảo", en: "Xã đảo", source: "" }]);
  expect(read.issues.map((i) => `${i.cell} ${i.message}`)).toEqual([
    "B2 “Không có minh chứng” chưa đúng: ghi như “Không đạt (Điều 9 khoản 3)”.",
  ]);
});

test("the other names of a level (Khá, Tốt) are written in their own row, read back, and an unreadable row is said at its cell", () => {
  const fw = builtinFramework("tt25-2023-xa")!;
  const rows = describedSheetRows(fw) as In[][];
  const row = rows.find((r) => r[0] === "Tên gọi khác của mức")!;
  expect(row[1]).toBe("Mức độ 1: Khá; Mức độ 2: Tốt");
  // Level names stay the circular's words: the other names are never part of them.
  expect(rows.find((r) => r[0] === "Các mức")![1]).toBe("Không đạt; Mức độ 1; Mức độ 2");
  const back = readDefinedSet(sheet("Bộ tiêu chí", rows))!.framework!;
  expect(back.levels.map((l) => [l.vi, l.aliases])).toEqual([
    ["Không đạt", undefined],
    ["Mức độ 1", ["Khá"]],
    ["Mức độ 2", ["Tốt"]],
  ]);
  // An officer adds a name, in any case and spacing; a level the set does not have is refused.
  row[1] = "mức độ 2 :  Tốt , Xuất sắc";
  expect(readDefinedSet(sheet("Bộ tiêu chí", rows))!.framework!.levels[2]!.aliases).toEqual([
    "Tốt",
    "Xuất sắc",
  ]);
  for (const wrong of ["Mức độ 3: Xuất sắc", "Mức độ 1 Khá", "Mức độ 1:"]) {
    row[1] = wrong;
    const read = readDefinedSet(sheet("Bộ tiêu chí", rows))!;
    expect(read.framework!.levels.map((l) => l.aliases)).toEqual([undefined, undefined, undefined]);
    const at = rows.indexOf(row) + 1;
    expect(read.issues).toEqual([
      expect.objectContaining({
        cell: `B${at}`,
        message: expect.stringContaining("“Tên gọi khác của mức” chưa đúng"),
      }),
    ]);
  }
});
