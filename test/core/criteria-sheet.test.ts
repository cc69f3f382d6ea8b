import type { Cell } from "../../src/core/model/snapshot";
import fc from "fast-check";
import { builtinForKind } from "../../src/core/sets/builtin";
import {
  criteriaSheetRows,
  isCriteriaSheetName,
  parseIndicatorCode,
  readCriteriaSheet,
} from "../../src/core/sets/criteria-sheet";
import type { Framework, Threshold } from "../../src/core/sets/framework";
import { sheet, type In } from "../helpers/grid";

const city = builtinForKind("city");
const HEADER = ["Mã", "Nội dung", "Loại", "Mức 1", "Mức 2", "Mức 3", "Minh chứng bắt buộc"];

test("recognises the sheet by its folded name and reads every code spelling", () => {
  expect(isCriteriaSheetName("Bộ tiêu chí")).toBe(true);
  expect(isCriteriaSheetName("BO TIEU CHI ")).toBe(true);
  expect(isCriteriaSheetName("Tiêu chí")).toBe(false);
  expect([7, "7", "CB7", "CB 07", "Chỉ báo 7", "chi bao 7."].map((c) => parseIndicatorCode(c))).toEqual([
    7, 7, 7, 7, 7, 7,
  ]);
  expect(parseIndicatorCode("Bảy")).toBeNull();
  expect(parseIndicatorCode(0)).toBeNull();
});

test("rows override the chosen set: measures, thresholds in both directions, evidence, points", () => {
  const s = sheet("Bộ tiêu chí", [
    [...HEADER, "Điểm"],
    [8, "Tỷ lệ TTHTCĐ tốt", "Tỷ lệ", "≥ 50", "≥ 70", "≥ 90", "Có", 5],
    ["CB16", "Tỷ lệ hộ nghèo", "Tỷ lệ", "≤ 5", "≤ 3", "≤ 1,5", "Không"],
    ["Chỉ báo 3", "", "Có/Không", "Có", "", "", "Có"],
    [4, "", "Số", "≥ 10", "", "≥ 30", ""],
    [5, "", "Mức", "", "", "", "Có"],
  ]);
  const { framework, issues } = readCriteriaSheet(s, city);
  expect(issues).toEqual([]);
  const ind = (n: number) => framework.indicators[n - 1];
  expect(ind(8)).toMatchObject({
    measure: "percent",
    title: "Tỷ lệ TTHTCĐ tốt",
    points: 5,
    evidenceRequired: true,
  });
  expect(ind(8)?.thresholds).toEqual([
    { op: ">=", value: 50 },
    { op: ">=", value: 70 },
    { op: ">=", value: 90 },
  ]);
  expect(ind(16)).toMatchObject({ measure: "percent", evidenceRequired: false });
  expect(ind(16)?.thresholds?.[2]).toEqual({ op: "<=", value: 1.5 });
  expect(ind(3)).toMatchObject({ measure: "yesno", thresholds: [{ op: "yes" }, null, null] });
  expect(ind(4)?.thresholds).toEqual([{ op: ">=", value: 10 }, null, { op: ">=", value: 30 }]);
  expect(ind(5)?.thresholds).toBeUndefined();
  expect(ind(1)).toEqual(city.indicators[0]);
  expect(framework.notes.at(-1)).toMatchObject({ basis: "officer" });
});

test("a bare figure lacks only its direction; every bad threshold of a row said, as the cell shows it", () => {
  const s = sheet("Bộ tiêu chí", [HEADER, [1, "", "Tỷ lệ", { v: 0.8, f: "0%" }, "90%", "nhiều", "Có"]]);
  const { issues } = readCriteriaSheet(s, city, "vi");
  expect(issues.map((i) => [i.cell, i.message])).toEqual([
    [
      "D2",
      "Ngưỡng “80%” của Mức 1 thiếu dấu so sánh: ghi “≥ 80%” (đạt khi số liệu từ 80% trở lên) hoặc “≤ 80%”.",
    ],
    [
      "E2",
      "Ngưỡng “90%” của Mức 2 thiếu dấu so sánh: ghi “≥ 90%” (đạt khi số liệu từ 90% trở lên) hoặc “≤ 90%”.",
    ],
    [
      "F2",
      "Ngưỡng “nhiều” của Mức 3 không đọc được: ghi như “≥ 70”, “≤ 1,5”, “> 50” hoặc “Có”, hoặc để trống.",
    ],
  ]);
});

test("bad rows are problems at their cell, and are skipped", () => {
  const s = sheet("Bộ tiêu chí", [
    ["Bảng ngưỡng"],
    HEADER,
    [99, "", "Tỷ lệ", "≥ 1", "", "", "Có"],
    [8, "", "Tỷ lệ", "≥ 70", "≥ 50", "≥ 90", "Có"],
    [9, "", "Tỷ lệ", "nhiều", "", "", "Có"],
    [10, "", "Điểm số", "", "", "", "Có"],
    [11, "", "Tỷ lệ", "≥ 50", "≤ 3", "", "Có"],
    [11, "", "Tỷ lệ", "", "", "", "Có"],
    [12, "", "Tỷ lệ", "", "", "", "Chắc"],
    [13, "", "Tỷ lệ", "", "", "", "Có", "mười"],
  ]);
  (s.rows.get(2) as Map<number, Cell>).set(8, { value: "Điểm" });
  const { framework, issues } = readCriteriaSheet(s, city, "en");
  expect(issues.map((i) => [i.cell, i.indicator])).toEqual([
    ["A3", null],
    ["D4", 8],
    ["D5", 9],
    ["C6", 10],
    ["D7", 11],
    ["A8", 11],
    ["G9", 12],
    ["H10", 13],
  ]);
  expect(
    issues.every((i) => i.rule === "criteria-sheet" && i.severity === "error" && i.message.length > 20)
  ).toBe(true);
  expect(framework.indicators[7]?.thresholds).toBeUndefined();
});

test("a sheet without the header is one problem and changes nothing", () => {
  const { framework, issues } = readCriteriaSheet(sheet("Bộ tiêu chí", [["Ghi chú"]]), city);
  expect(framework).toBe(city);
  expect(issues).toHaveLength(1);
  expect(issues[0]).toMatchObject({ rule: "criteria-sheet", cell: null });
});

test("Tiêu chuẩn and Tiêu chí columns rebuild the tree when every indicator is placed", () => {
  const rows = criteriaSheetRows(city);
  // Move indicator 4 from criterion 2 to criterion 1.
  const r4 = rows.find((r) => r[0] === "4") as In[];
  r4[r4.length - 2] = 1;
  const { framework, issues } = readCriteriaSheet(sheet("Bộ tiêu chí", rows), city);
  expect(issues).toEqual([]);
  expect(framework.criteria[0]?.indicators).toEqual([1, 2, 3, 4]);
  expect(framework.criteria[1]?.indicators).toEqual([5, 6, 7]);
});

test("an inconsistent result falls back to the built-in set", () => {
  const rows = criteriaSheetRows(city);
  (rows.find((r) => r[0] === "1") as In[])[7] = 9; // indicator 1 in standard 9: criterion 1 then sits in two standards
  const { framework, issues } = readCriteriaSheet(sheet("Bộ tiêu chí", rows), city);
  expect(framework).toBe(city);
  expect(issues).toHaveLength(1);
});

test("set → sheet → set round-trips unchanged", () => {
  const threshold = fc.record({
    op: fc.constantFrom(">=" as const, "<=" as const),
    value: fc.integer({ min: 0, max: 1000 }).map((n) => n / 10),
  });
  const indicator = fc.record({
    measure: fc.constantFrom("level" as const, "percent" as const, "number" as const, "yesno" as const),
    t: fc.array(threshold, { minLength: 3, maxLength: 3 }),
    blank: fc.integer({ min: 0, max: 3 }),
    evidence: fc.boolean(),
    points: fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }),
    title: fc.option(fc.constantFrom("Tỷ lệ hộ nghèo", "Chỉ số “học tập”", "GRDP"), { nil: undefined }),
  });
  fc.assert(
    fc.property(fc.array(indicator, { minLength: 20, maxLength: 20 }), (specs) => {
      const fw: Framework = {
        ...city,
        indicators: specs.map((s, i) => {
          const sorted = [...s.t]
            .sort((a, b) => a.value - b.value)
            .map((t) => ({ ...t, op: s.t[0]?.op ?? ">=" }) as Threshold);
          const ordered = sorted[0]?.op === "<=" ? sorted.reverse() : sorted;
          const thresholds =
            s.measure === "level"
              ? undefined
              : s.measure === "yesno"
                ? [{ op: "yes" as const }, null, null]
                : ordered.map((t, k) => (k === s.blank ? null : t));
          return {
            number: i + 1,
            measure: s.measure,
            evidenceRequired: s.evidence,
            ...(thresholds ? { thresholds } : {}),
            ...(s.points !== undefined ? { points: s.points } : {}),
            ...(s.title ? { title: s.title } : {}),
          };
        }),
      };
      const back = readCriteriaSheet(sheet("Bộ tiêu chí", criteriaSheetRows(fw)), city);
      expect(back.issues).toEqual([]);
      const strip = (f: Framework) => ({
        standards: f.standards,
        indicators: f.indicators.map((i) => ({
          ...i,
          title: i.title ?? city.indicators[i.number - 1]?.title,
        })),
      });
      expect(strip(back.framework)).toEqual(strip(fw));
    }),
    { numRuns: 60 }
  );
});
