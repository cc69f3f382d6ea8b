import fc from "fast-check";
import { builtinForKind } from "../../src/core/sets/builtin";
import type { Framework, IndicatorDef, RecognitionRule } from "../../src/core/sets/framework";
import { describeReason, levelLabel } from "../../src/core/checks/messages";
import { computedLevel, groupLevel, scoreTree, type Level, type Reason } from "../../src/core/checks/scoring";

const percent = (thresholds: IndicatorDef["thresholds"]): IndicatorDef => ({
  number: 1,
  measure: "percent",
  thresholds,
  evidenceRequired: true,
});

describe("computedLevel", () => {
  const higher = percent([
    { op: ">=", value: 50 },
    { op: ">=", value: 70 },
    { op: ">=", value: 90 },
  ]);
  test.each([
    [40, 0],
    [50, 1],
    [69.9, 1],
    [70, 2],
    [95, 3],
  ])("higher is better: %d → %d", (v, l) => expect(computedLevel(higher, v)).toBe(l));

  const lower = percent([
    { op: "<=", value: 5 },
    { op: "<=", value: 3 },
    { op: "<", value: 1.5 },
  ]);
  test.each([
    [6, 0],
    [5, 1],
    [2.1, 2],
    [1.5, 2],
    [1, 3],
  ])("lower is better: %d → %d", (v, l) => expect(computedLevel(lower, v)).toBe(l));

  test("a blank threshold adds no requirement at its level", () => {
    const gap = percent([{ op: ">=", value: 50 }, null, { op: ">=", value: 90 }]);
    expect(computedLevel(gap, 60)).toBe(2);
    expect(computedLevel(gap, 40)).toBe(0);
    expect(computedLevel(gap, 95)).toBe(3);
  });

  test("yes/no: Có meets a Có threshold, Không meets none", () => {
    const yes: IndicatorDef = {
      number: 1,
      measure: "yesno",
      thresholds: [{ op: "yes" }, null, null],
      evidenceRequired: false,
    };
    expect(computedLevel(yes, 1)).toBe(3);
    expect(computedLevel(yes, 0)).toBe(0);
  });

  test("self-assessed indicators have no computed level", () => {
    expect(computedLevel({ number: 1, measure: "level", evidenceRequired: true }, 80)).toBeNull();
    expect(computedLevel(percent([null, null, null]), 80)).toBeNull();
  });
});

const items = (levels: Level[]) => levels.map((level, i) => ({ number: i + 1, level }));
const ALL: RecognitionRule = { rule: "all-at-least" };

describe("groupLevel", () => {
  test("all-at-least: the lowest indicator decides, with the reason", () => {
    const r = groupLevel(ALL, items([3, 2, 3, 1]), 3);
    expect(r.level).toBe(1);
    expect(r.reasons).toEqual([{ code: "below-next", next: 2, under: 2, indicators: [4] }]);
    expect(groupLevel(ALL, items([3, 3]), 3)).toEqual({
      level: 3,
      reasons: [{ code: "all-at-top", level: 3 }],
    });
    expect(groupLevel(ALL, items([3, 0, 0]), 3).reasons).toEqual([
      { code: "none-achieved", indicators: [2, 3] },
    ]);
  });

  test("null when any indicator is undetermined", () => {
    expect(groupLevel(ALL, items([3, null, 2, null]), 3)).toEqual({
      level: null,
      reasons: [{ code: "undetermined-indicators", indicators: [2, 4] }],
    });
  });

  test("share-at-least: p % at ≥ k and none below k − 1", () => {
    const rule: RecognitionRule = { rule: "share-at-least", percent: 75 };
    expect(groupLevel(rule, items([3, 3, 3, 2]), 3).level).toBe(3);
    expect(groupLevel(rule, items([3, 3, 2, 2]), 3)).toEqual({
      level: 2,
      reasons: [{ code: "share-short", next: 3, percent: 50, required: 75 }],
    });
    expect(groupLevel(rule, items([3, 3, 3, 1]), 3)).toEqual({
      level: 2,
      reasons: [{ code: "below-next", next: 3, under: 2, indicators: [4] }],
    });
    expect(groupLevel(rule, items([0, 0, 0, 0]), 3).level).toBe(0);
  });

  test("points: the 100-point rating (Tốt ≥ 85, Khá ≥ 70, Trung bình ≥ 50)", () => {
    const rule: RecognitionRule = {
      rule: "points",
      bands: [
        { level: 3, min: 85 },
        { level: 2, min: 70 },
        { level: 1, min: 50 },
      ],
    };
    const pointsOf = (n: number) => [30, 30, 40][n - 1] ?? 0;
    expect(groupLevel(rule, items([3, 3, 3]), 3, pointsOf).level).toBe(3);
    // 30 + 20 + 40 = 90 → level 3; 30 + 20 + 26.67 = 76.67 → level 2
    expect(groupLevel(rule, items([3, 2, 3]), 3, pointsOf).level).toBe(3);
    const two = groupLevel(rule, items([3, 2, 2]), 3, pointsOf);
    expect(two.level).toBe(2);
    expect(two.reasons).toEqual([{ code: "points-short", next: 3, percent: 76.67, required: 85 }]);
    expect(groupLevel(rule, items([1, 1, 1]), 3, pointsOf).level).toBe(0);
    expect(groupLevel(rule, items([3, 3]), 3).level).toBe(0);
  });
});

describe("scoreTree", () => {
  const fw = builtinForKind("district");
  const levelsOf = (f: (n: number) => Level) => new Map(fw.indicators.map((i) => [i.number, f(i.number)]));

  test("criteria and standards take the minimum of the indicators beneath", () => {
    const t = scoreTree(
      fw,
      fw,
      levelsOf((n) => (n === 5 ? 1 : 3))
    );
    expect(t.criteria.map((c) => c.level)).toEqual([3, 1, 3, 3, 3, 3]);
    expect(t.standards.map((s) => s.level)).toEqual([1, 3, 3]);
    expect(t.recognition.level).toBe(1);
  });

  test("raising an indicator never lowers the unit; the unit never exceeds its lowest indicator", () => {
    const levels = fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 16, maxLength: 16 });
    fc.assert(
      fc.property(levels, fc.integer({ min: 1, max: 16 }), (ls, raise) => {
        const before = scoreTree(
          fw,
          fw,
          levelsOf((n) => ls[n - 1] ?? 0)
        ).recognition.level as number;
        const after = scoreTree(
          fw,
          fw,
          levelsOf((n) => (n === raise ? 3 : (ls[n - 1] ?? 0)))
        ).recognition.level as number;
        expect(after).toBeGreaterThanOrEqual(before);
        expect(before).toBeLessThanOrEqual(Math.min(...ls));
      })
    );
  });

  test("monotone under the other rules too", () => {
    const rules: Framework["recognition"][] = [
      { rule: "share-at-least", percent: 60 },
      {
        rule: "points",
        bands: [
          { level: 3, min: 85 },
          { level: 2, min: 70 },
          { level: 1, min: 50 },
        ],
      },
    ];
    const withPoints = { ...fw, indicators: fw.indicators.map((i) => ({ ...i, points: 6 })) };
    for (const recognition of rules) {
      const f = { ...withPoints, recognition };
      fc.assert(
        fc.property(
          fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 16, maxLength: 16 }),
          fc.integer({ min: 1, max: 16 }),
          (ls, raise) => {
            const lv = (g: (n: number) => number) =>
              scoreTree(f, f, new Map(f.indicators.map((i) => [i.number, g(i.number)]))).recognition
                .level as number;
            expect(lv((n) => (n === raise ? 3 : (ls[n - 1] ?? 0)))).toBeGreaterThanOrEqual(
              lv((n) => ls[n - 1] ?? 0)
            );
          }
        )
      );
    }
  });
});

describe("words for people", () => {
  const fw = builtinForKind("district");
  test("every reason reads in Vietnamese and English", () => {
    const reasons: Reason[] = [
      { code: "undetermined-indicators", indicators: [9, 12] },
      { code: "structure" },
      { code: "all-at-top", level: 3 },
      { code: "below-next", next: 3, under: 3, indicators: Array.from({ length: 14 }, (_, i) => i + 1) },
      { code: "share-short", next: 3, percent: 50, required: 75 },
      { code: "points-short", next: 3, percent: 76.67, required: 85 },
      { code: "none-achieved", indicators: [14] },
    ];
    for (const r of reasons) {
      expect(describeReason(r, { fw, lang: "vi" })).toMatch(/[ạ-ỹđ]/);
      expect(describeReason(r, { fw, lang: "en" })).toMatch(/^[\x20-\x7e–]+$/);
    }
    // Every leaf named, however many: the unit must fix each one.
    expect(describeReason(reasons[3] as Reason, { fw, lang: "vi" })).toBe(
      "Chưa đạt Mức 3 vì chỉ báo 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14 chưa đạt Mức 3."
    );
    expect(describeReason(reasons[3] as Reason, { fw, lang: "en" })).toContain(
      "indicators 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14 below"
    );
    expect(describeReason(reasons[3] as Reason, { fw, lang: "vi" })).not.toContain("khác");
  });
  test("labels", () => {
    expect(levelLabel(fw, 2, "vi")).toBe("Mức 2");
    expect(levelLabel(fw, 0, "vi")).toBe("Không đạt");
    expect(levelLabel(fw, null, "vi")).toBe("Chưa xác định");
    expect(levelLabel(fw, null, "en")).toBe("Undetermined");
    expect(levelLabel(fw, 7, "en")).toBe("7");
  });
});
