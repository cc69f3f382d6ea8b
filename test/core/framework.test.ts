import { BUILTIN_FRAMEWORKS, builtinForKind, builtinFramework, splitOf } from "../../src/core/sets/builtin";
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

  test("the pilot's provisional trees 3-3-3-3-2-2 and 3-4-3-4-4-2, marked as assumptions", () => {
    expect(splitOf(builtinFramework("hp-2022-district")!)).toBe("3-3-3-3-2-2");
    expect(splitOf(builtinFramework("hp-2022-city")!)).toBe("3-4-3-4-4-2");
    for (const fw of BUILTIN_FRAMEWORKS) {
      const tree = fw.notes.find((n) => n.part === "tree")?.basis;
      expect(tree).toBe(fw.id.startsWith("hp-2022") ? "assumption" : "plan");
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

  // The circulars' text, as the codification gives it (../shared/domain/thong-tu-24-25-2023.txt).
  test.each([
    ["tt25-2023-xa", "commune", "3-3-3-4-2", "Điều 6", "Điều 7"],
    ["tt25-2023-tinh", "province", "3-5-5-3", "Điều 16", "Điều 17"],
    ["tt25-2023-huyen", "district", "3-4-3-3", "Điều 11", "Điều 12"],
    ["tt24-2023-don-vi-huyen", "unit", "5-5-5", "Điều 6", "Điều 7"],
    ["tt24-2023-don-vi-tinh", "unit", "5-5-6", "Điều 12", "Điều 13"],
  ])("%s: a %s set split %s, every target's words at both levels (%s, %s)", (id, kind, split, one, two) => {
    const fw = builtinFramework(id)!;
    expect(fw.kind).toBe(kind);
    expect(splitOf(fw)).toBe(split);
    expect(fw.standards).toEqual([]);
    expect(fw.numbering).toBe("per-criterion");
    expect(fw.layers).toEqual({
      criterion: { vi: "Tiêu chí", en: "Criterion", code: "TC" },
      indicator: { vi: "Chỉ tiêu", en: "Target", code: "CT" },
    });
    // The articles' names of the levels; never the press's Khá / Tốt.
    expect(fw.levels.map((l) => l.vi)).toEqual(["Không đạt", "Mức độ 1", "Mức độ 2"]);
    expect(fw.recognition).toEqual({ rule: "all-at-least" });
    expect(fw.validityYears).toBe(3);
    const letters = ["a)", "b)", "c)", "d)", "đ)", "e)"];
    for (const c of fw.criteria)
      c.indicators.forEach((n, k) => {
        const t = fw.indicators[n - 1]!;
        // Numbered afresh under each criterion, lettered as the text letters them.
        expect([t.code, t.letter]).toEqual([`${c.number}.${k + 1}`, letters[k]]);
        expect(t.wording?.map((w) => w.level)).toEqual([1, 2]);
        expect(t.wording?.[0]?.source).toMatch(new RegExp(`^${one} khoản ${c.number}`));
        expect(t.wording?.[1]?.source).toMatch(new RegExp(`^${two} khoản ${c.number}`));
        expect(t.evidenceRequired).toBe(true);
      });
  });

  test("tt25-2023-xa quotes the text: criterion 4's standards, criterion 5's figures and the vùng khó khăn", () => {
    const fw = builtinFramework("tt25-2023-xa")!;
    const t = (code: string) => fw.indicators.find((i) => i.code === code)!;
    expect(fw.criteria.map((c) => c.title)).toEqual([
      "Sự lãnh đạo, chỉ đạo của cấp ủy Đảng, chính quyền cấp xã",
      "Huy động nguồn lực và tạo môi trường thuận lợi để thực hiện xây dựng xã hội học tập ở địa phương",
      "Hiệu quả hoạt động của trung tâm học tập cộng đồng và thư viện công cộng cấp xã, trung tâm văn hóa, thể thao cấp xã",
      "Kết quả phổ cập giáo dục - xóa mù chữ",
      "Tác dụng của việc xây dựng “Cộng đồng học tập” cấp xã",
    ]);
    expect(t("1.3").wording?.[0]?.text).toBe(
      "Xây dựng kế hoạch, triển khai các hoạt động cụ thể tổ chức Tuần lễ hưởng ứng học tập suốt đời và báo cáo theo quy định"
    );
    // Criteria 1–3 are the same at mức độ 2 (“Nội dung tiêu chí theo quy định tại khoản 1 Điều 6”).
    expect(t("2.2").wording?.[1]).toMatchObject({
      text: t("2.2").wording?.[0]?.text,
      source: "Điều 7 khoản 2: nội dung theo khoản 2 Điều 6",
    });
    expect(t("4.2").wording?.map((w) => w.text)).toEqual([
      "Xã đạt chuẩn phổ cập giáo dục tiểu học mức độ 2 theo quy định tại Nghị định số 20/2014/NĐ-CP",
      "Xã đạt chuẩn phổ cập giáo dục tiểu học mức độ 3 theo quy định tại Nghị định số 20/2014/NĐ-CP",
    ]);
    expect(t("4.2").standard).toEqual({
      what: "phổ cập giáo dục tiểu học",
      of: "Nghị định số 20/2014/NĐ-CP",
      levels: [2, 3],
    });
    expect(t("4.4").standard?.levels).toEqual([1, 2]);
    const ge = (...v: number[]) => v.map((value) => ({ op: ">=", value }));
    expect(t("5.1").figures?.map((f) => f.thresholds)).toEqual([ge(60, 80)]);
    expect(t("5.2").figures).toEqual([
      expect.objectContaining({
        thresholds: ge(50, 60),
        when: [{ condition: "vung-kho-khan", thresholds: ge(40, 50) }],
      }),
      expect.objectContaining({
        thresholds: ge(12, 15),
        when: [{ condition: "vung-kho-khan", thresholds: ge(10, 12) }],
      }),
    ]);
    expect(fw.conditions?.map((c) => c.vi)).toEqual(["Xã thuộc vùng khó khăn"]);
    expect(fw.notes.find((n) => n.part === "level-names")?.text).toMatch(/Khá.*Tốt/);
  });

  test("the province set says target 4.1 counts districts; the learning units' targets for some units", () => {
    const tinh = builtinFramework("tt25-2023-tinh")!;
    expect(tinh.indicators[13]?.wording?.[1]?.text).toMatch(/^Có ít nhất 90% số huyện .* mức độ 2/);
    expect(tinh.notes.find((n) => n.part === "districts")?.text).toMatch(/4\.1.*không còn cấp huyện/);
    const unit = builtinFramework("tt24-2023-don-vi-huyen")!;
    expect(unit.evidence).toEqual({ missing: "not-achieved", source: "Điều 9 khoản 3" });
    expect(unit.indicators.filter((i) => i.appliesTo).map((i) => i.code)).toEqual([
      "1.3",
      "2.4",
      "3.4",
      "3.5",
    ]);
    expect(unit.indicators[12]?.wording?.[1]?.appliesTo).toBe(
      "Đơn vị cấp huyện là cơ quan, đơn vị sự nghiệp công lập"
    );
    expect(unit.indicators[10]?.figures?.[0]?.when?.[0]).toMatchObject({
      condition: "co-so-giao-duc",
      thresholds: [
        { op: ">=", value: 95 },
        { op: ">=", value: 97 },
      ],
    });
    expect(builtinFramework("tt24-2023-don-vi-tinh")?.indicators[15]?.wording?.[0]?.source).toBe(
      "Điều 12 khoản 3 điểm e"
    );
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
