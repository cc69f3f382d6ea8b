import { plainLevels } from "../../src/core/sets/words";
import fc from "fast-check";
import { formatLevel, parseLevel } from "../../src/core/table/levels";

/** The plain scale 0..max. */
const scale = (max: number) => plainLevels(max);

describe("parseLevel", () => {
  test.each([
    ["Mức 2", 2],
    ["Mức độ 2", 2],
    ["Đạt mức 2", 2],
    ["đạt Mức 3", 3],
    ["2", 2],
    [" 1 ", 1],
    ["M2", 2],
    ["m 3", 3],
    ["Muc 2", 2],
    ["MỨC 1", 1],
    ["Mức: 2", 2],
    ["Mức II", 2],
    ["Mức 3.", 3],
    ["Không đạt", 0],
    ["Chưa đạt", 0],
    ["khong dat", 0],
    ["KHÔNG ĐẠT", 0],
  ])("%s → %d", (text, level) => expect(parseLevel(text, scale(3))).toEqual({ ok: true, level }));

  test("numbers", () => {
    expect(parseLevel(3, scale(3))).toEqual({ ok: true, level: 3 });
    expect(parseLevel(0, scale(3))).toEqual({ ok: true, level: 0 });
    expect(parseLevel(2.5, scale(3))).toEqual({ ok: false, problem: "not-a-level", text: "2.5" });
  });

  test("a level outside the scale is invalid, never clamped", () => {
    expect(parseLevel("Mức 5", scale(3))).toEqual({ ok: false, problem: "out-of-scale", level: 5 });
    expect(parseLevel(4, scale(3))).toEqual({ ok: false, problem: "out-of-scale", level: 4 });
    expect(parseLevel("Mức 3", scale(2))).toEqual({ ok: false, problem: "out-of-scale", level: 3 });
  });

  test("blank, errors and words that are not levels", () => {
    expect(parseLevel(null, scale(3))).toEqual({ ok: false, problem: "blank" });
    expect(parseLevel("   ", scale(3))).toEqual({ ok: false, problem: "blank" });
    expect(parseLevel({ error: "#N/A" }, scale(3))).toEqual({
      ok: false,
      problem: "formula-error",
      error: "#N/A",
    });
    // `Đạt` alone: which level, when the scale has several; the only one, when it has one.
    expect(parseLevel("Đạt", scale(3))).toEqual({ ok: false, problem: "which-level" });
    expect(parseLevel("đạt.", scale(1))).toEqual({ ok: true, level: 1 });
    expect(parseLevel(true, scale(3))).toEqual({ ok: false, problem: "not-a-level", text: "TRUE" });
    expect(parseLevel(new Date(Date.UTC(2022, 0, 4)), scale(3))).toMatchObject({
      ok: false,
      problem: "not-a-level",
    });
  });

  test("parse(format(x)) = x in both languages' canonical Vietnamese spelling", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9 }), (level) => {
        expect(parseLevel(formatLevel(level), scale(9))).toEqual({ ok: true, level });
      })
    );
    expect(formatLevel(0, "en")).toBe("Not achieved");
    expect(formatLevel(2, "en")).toBe("Level 2");
  });
});
