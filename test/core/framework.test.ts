import { BUILTIN_FRAMEWORKS, builtinForKind, builtinFramework } from "../../src/core/sets/builtin";
import { counts, isThresholdScored, maxLevel } from "../../src/core/sets/framework";
import { loadFramework } from "../../src/core/sets/schema";

describe("built-in sets", () => {
  test.each(BUILTIN_FRAMEWORKS.map((f) => [f.id, f] as const))("%s passes the schema", (_, fw) => {
    expect(loadFramework(fw)).toEqual({ ok: true, framework: fw });
  });

  test("district: 3 standards, 6 criteria, 16 indicators; city: 3, 6, 20", () => {
    expect(counts(builtinForKind("district"))).toEqual({ standards: 3, criteria: 6, indicators: 16 });
    expect(counts(builtinForKind("city"))).toEqual({ standards: 3, criteria: 6, indicators: 20 });
    expect(builtinFramework("hp-2022-district")?.kind).toBe("district");
    expect(builtinFramework("nope")).toBeUndefined();
  });

  test("provisional trees 3-3-3-3-2-2 and 3-4-3-4-4-2, marked as assumptions", () => {
    const sizes = (id: string) => builtinFramework(id)?.criteria.map((c) => c.indicators.length);
    expect(sizes("hp-2022-district")).toEqual([3, 3, 3, 3, 2, 2]);
    expect(sizes("hp-2022-city")).toEqual([3, 4, 3, 4, 4, 2]);
    for (const fw of BUILTIN_FRAMEWORKS) {
      expect(fw.notes.find((n) => n.part === "tree")?.basis).toBe("assumption");
      expect(fw.notes.find((n) => n.part === "structure")?.basis).toBe("plan");
    }
  });

  test("the pilot's sets: levels 0–3, evidence required, self-assessed everywhere, all-at-least", () => {
    for (const fw of BUILTIN_FRAMEWORKS.filter((f) => f.id.startsWith("hp-2022"))) {
      expect(fw.levels.map((l) => l.level)).toEqual([0, 1, 2, 3]);
      expect(maxLevel(fw)).toBe(3);
      expect(
        fw.indicators.every((i) => i.evidenceRequired && i.measure === "level" && !isThresholdScored(i))
      ).toBe(true);
      expect(fw.recognition).toEqual({ rule: "all-at-least" });
    }
  });

  test("tt25-2023-xa: 5 criteria and 15 targets, no standards, two levels Khá and Tốt, held 3 years", () => {
    const fw = builtinFramework("tt25-2023-xa")!;
    expect(fw.kind).toBe("commune");
    expect(counts(fw)).toEqual({ standards: 0, criteria: 5, indicators: 15 });
    expect(fw.layers).toEqual({
      criterion: { vi: "Tiêu chí", en: "Criterion", code: "TC" },
      indicator: { vi: "Chỉ tiêu", en: "Target", code: "CT" },
    });
    expect(fw.levels.map((l) => l.vi)).toEqual(["Không đạt", "Mức độ 1 (Khá)", "Mức độ 2 (Tốt)"]);
    expect(fw.recognition).toEqual({ rule: "all-at-least" });
    expect(fw.validityYears).toBe(3);
    expect(fw.indicators.every((i) => i.evidenceRequired && i.measure === "level")).toBe(true);
    // The circular's five criteria; criteria 1 and 2 hold three targets each (known), 3–5 are assumed.
    expect(fw.criteria.map((c) => c.title?.split(" ").slice(0, 3).join(" "))).toEqual([
      "Sự lãnh đạo,",
      "Huy động nguồn",
      "Hiệu quả hoạt",
      "Kết quả phổ",
      "Tác dụng của",
    ]);
    expect(fw.criteria.map((c) => c.indicators.length)).toEqual([3, 3, 3, 3, 3]);
    const assumed = fw.notes.filter((n) => n.basis === "assumption").map((n) => n.part);
    expect(assumed).toEqual(expect.arrayContaining(["tree", "measures"]));
    // The targets' wording is not known: the officer's sheet carries it.
    expect(fw.indicators.some((i) => i.title)).toBe(false);
    expect(fw.notes.find((n) => n.part === "tree")?.text).toMatch(/3-3-3/);
  });

  test("the city set names the plan's four province-level indicators", () => {
    const titles = builtinForKind("city").indicators.flatMap((i) => (i.title ? [i.title] : []));
    expect(titles).toHaveLength(4);
    expect(titles.join(" | ")).toMatch(/tổng sản phẩm trên địa bàn/i);
    expect(titles.join(" | ")).toMatch(/khoa học công nghệ/i);
    expect(titles.join(" | ")).toMatch(/lao động qua đào tạo/i);
    expect(titles.join(" | ")).toMatch(/hợp tác quốc tế/i);
  });
});

describe("loadFramework", () => {
  const valid = () => JSON.parse(JSON.stringify(builtinForKind("district")));

  test("accepts a valid set", () => {
    expect(loadFramework(valid()).ok).toBe(true);
  });

  test("names the path of every bad field", () => {
    const data = valid();
    data.indicators[3].measure = "grade";
    data.levels[2].level = 5;
    data.id = "Bad Id";
    const result = loadFramework(data);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.some((p) => p.startsWith("indicators.3.measure"))).toBe(true);
    expect(result.problems.some((p) => p.startsWith("levels"))).toBe(true);
    expect(result.problems.some((p) => p.startsWith("id"))).toBe(true);
  });

  test("the tree must hold every indicator once, numbers in order, one threshold per level", () => {
    const data = valid();
    data.criteria[0].indicators = [1, 2];
    data.indicators[5].number = 9;
    data.indicators[6].measure = "percent";
    data.indicators[6].thresholds = [{ op: ">=", value: 50 }];
    const result = loadFramework(data);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual(
      expect.arrayContaining([
        "indicators.5.number: expected 6",
        "criteria: the criteria must hold every indicator once, in order",
        "indicators.6.thresholds: needs one entry per level 1..3",
      ])
    );
  });

  test("rejects non-objects and unknown rules", () => {
    expect(loadFramework(null)).toMatchObject({ ok: false, problems: [expect.stringMatching(/^\(root\)/)] });
    const data = valid();
    data.recognition = { rule: "majority" };
    expect(loadFramework(data).ok).toBe(false);
  });
});
