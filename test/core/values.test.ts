import fc from "fast-check";
import type { Threshold } from "../../src/core/sets/framework";
import { formatThreshold, meetsThreshold, parseThreshold } from "../../src/core/sets/thresholds";
import { parseNumberText } from "../../src/core/model/numbers";
import { parseValue } from "../../src/core/table/values";

describe("parseNumberText", () => {
  test.each([
    ["87,5", 87.5],
    ["87.5", 87.5],
    ["4.700", 4700],
    ["1.234.567", 1234567],
    ["1.234,5", 1234.5],
    ["1,234.5", 1234.5],
    ["1,234,567", 1234567],
    ["0.875", 0.875],
    ["-3", -3],
    ["12 345", 12345],
    ["42", 42],
  ])("%s → %d", (text, n) => expect(parseNumberText(text)).toBe(n));

  test.each(["", "abc", "1,2,3", "1..2", ".", "1,2.3,4", "--1"])("%s is not a number", (text) =>
    expect(parseNumberText(text)).toBeNull()
  );
});

describe("parseValue for percentages (always in percentage points)", () => {
  test("a number formatted as a percentage is multiplied by 100", () => {
    expect(parseValue({ value: 0.875, format: "0.0%" }, "percent")).toEqual({ ok: true, value: 87.5 });
    expect(parseValue({ value: 0.955, format: "0%" }, "percent")).toEqual({ ok: true, value: 95.5 });
  });
  test.each([
    ["87,5%", 87.5],
    ["87.5 %", 87.5],
    ["35/40", 87.5],
    ["4512/4700", 96],
    ["87,5", 87.5],
  ])("text %s → %d", (text, n) =>
    expect(parseValue({ value: text }, "percent")).toMatchObject({ ok: true, value: n })
  );

  test("a plain number is taken as percentage points; one in (0, 1] is read both ways", () => {
    expect(parseValue({ value: 87.5 }, "percent")).toEqual({ ok: true, value: 87.5 });
    expect(parseValue({ value: 0.875 }, "percent")).toEqual({ ok: true, value: 0.875, alternative: 87.5 });
    expect(parseValue({ value: 1 }, "percent")).toEqual({ ok: true, value: 1, alternative: 100 });
    expect(parseValue({ value: "0,93" }, "percent")).toEqual({ ok: true, value: 0.93, alternative: 93 });
    expect(parseValue({ value: 0 }, "percent")).toEqual({ ok: true, value: 0 });
    expect(parseValue({ value: "0,5%" }, "percent")).toEqual({ ok: true, value: 0.5 });
    expect(parseValue({ value: 0.5, format: '0.0" điểm"' }, "percent")).toMatchObject({ alternative: 50 });
  });

  test("problems", () => {
    expect(parseValue({ value: null }, "percent")).toEqual({ ok: false, problem: "blank" });
    expect(parseValue({ value: { error: "#DIV/0!" } }, "percent")).toEqual({
      ok: false,
      problem: "formula-error",
      error: "#DIV/0!",
    });
    expect(parseValue({ value: "nhiều" }, "percent")).toEqual({
      ok: false,
      problem: "not-a-number",
      text: "nhiều",
    });
    expect(parseValue({ value: "3/0" }, "percent")).toEqual({
      ok: false,
      problem: "not-a-number",
      text: "3/0",
    });
    expect(parseValue({ value: 120 }, "percent")).toEqual({ ok: false, problem: "out-of-range", value: 120 });
    expect(parseValue({ value: "-5%" }, "percent")).toEqual({
      ok: false,
      problem: "out-of-range",
      value: -5,
    });
    expect(parseValue({ value: true }, "percent")).toEqual({
      ok: false,
      problem: "not-a-number",
      text: "TRUE",
    });
  });
});

describe("parseValue for counts and yes/no", () => {
  test("counts", () => {
    expect(parseValue({ value: "1.250" }, "number")).toEqual({ ok: true, value: 1250 });
    expect(parseValue({ value: 0.5 }, "number")).toEqual({ ok: true, value: 0.5 });
    expect(parseValue({ value: -2 }, "number")).toEqual({ ok: false, problem: "out-of-range", value: -2 });
    expect(parseValue({ value: "35/40" }, "number")).toEqual({
      ok: false,
      problem: "not-a-number",
      text: "35/40",
    });
  });
  test.each([
    ["Có", 1],
    ["co", 1],
    ["Đạt", 1],
    ["x", 1],
    ["Không", 0],
    ["Chưa", 0],
  ])("yes/no %s → %d", (text, n) =>
    expect(parseValue({ value: text }, "yesno")).toEqual({ ok: true, value: n })
  );
  test("yes/no booleans and junk", () => {
    expect(parseValue({ value: true }, "yesno")).toEqual({ ok: true, value: 1 });
    expect(parseValue({ value: false }, "yesno")).toEqual({ ok: true, value: 0 });
    expect(parseValue({ value: "có lẽ" }, "yesno")).toMatchObject({ ok: false, problem: "not-a-number" });
  });
});

describe("thresholds", () => {
  test.each([
    ["≥ 70", { op: ">=", value: 70 }],
    [">= 70", { op: ">=", value: 70 }],
    ["≥70%", { op: ">=", value: 70 }],
    ["≤ 1,5", { op: "<=", value: 1.5 }],
    ["<=3", { op: "<=", value: 3 }],
    ["> 50", { op: ">", value: 50 }],
    ["< 2", { op: "<", value: 2 }],
    ["Có", { op: "yes" }],
  ])("%s", (text, t) => expect(parseThreshold({ value: text })).toEqual({ ok: true, threshold: t }));

  test("blank adds no requirement; anything else is a problem", () => {
    expect(parseThreshold({ value: "" })).toEqual({ ok: true, threshold: null });
    expect(parseThreshold({ value: null })).toEqual({ ok: true, threshold: null });
    expect(parseThreshold({ value: 70 })).toEqual({ ok: false, text: "70" });
    expect(parseThreshold({ value: "≥ nhiều" })).toEqual({ ok: false, text: "≥ nhiều" });
  });

  test("meetsThreshold in both directions", () => {
    expect(meetsThreshold(70, { op: ">=", value: 70 })).toBe(true);
    expect(meetsThreshold(70, { op: ">", value: 70 })).toBe(false);
    expect(meetsThreshold(1.5, { op: "<=", value: 1.5 })).toBe(true);
    expect(meetsThreshold(1.5, { op: "<", value: 1.5 })).toBe(false);
    expect(meetsThreshold(1, { op: "yes" })).toBe(true);
    expect(meetsThreshold(0, { op: "yes" })).toBe(false);
  });

  test("parse(format(t)) = t", () => {
    const threshold: fc.Arbitrary<Threshold | null> = fc.oneof(
      fc.constant(null),
      fc.constant({ op: "yes" as const }),
      fc.record({
        op: fc.constantFrom(">=" as const, ">" as const, "<=" as const, "<" as const),
        value: fc.integer({ min: -100000, max: 10000000 }).map((n) => n / 100),
      })
    );
    fc.assert(
      fc.property(threshold, (t) => {
        expect(parseThreshold({ value: formatThreshold(t) })).toEqual({ ok: true, threshold: t });
      })
    );
  });
});
