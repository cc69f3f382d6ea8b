// `hoctap template --framework tt25-2023-xa`: the per-level Đạt / Không đạt form with the circular's
// words, which the checker reads back to the set, its targets and their levels.
import { checkSheet } from "../../src/core/checks/check";
import { templateSheet } from "../../src/core/plans/template";
import { builtinFramework } from "../../src/core/sets/builtin";
import { sheet, workbook, type In } from "../helpers/grid";

test.each(["tt25-2023-xa", "tt25-2023-tinh", "tt24-2023-don-vi-tinh"])(
  "%s: the per-level form with the text's words, read back when filled",
  (id) => {
    const fw = builtinFramework(id)!;
    const plan = templateSheet(fw);
    // The dossier's head above the table (test/core/sheet-plan.test.ts), the header at row 9.
    expect(plan.rows[8]).toEqual([
      "TT",
      "Tiêu chí, chỉ tiêu",
      "Mức độ 1",
      null,
      "Mức độ 2",
      null,
      "Minh chứng",
      "Ghi chú",
    ]);
    expect(plan.rows[9]).toEqual([null, null, "Đạt", "Không đạt", "Đạt", "Không đạt", null, null]);
    const targets = plan.rows.filter((r) => /^[a-zđ]\)$/.test(String(r[0])));
    expect(targets).toHaveLength(fw.indicators.length);
    // Filled: every target Đạt at both levels but the last, Không đạt at mức độ 2.
    const last = plan.rows.indexOf(targets.at(-1)!);
    const filled = plan.rows.map((r, i) =>
      /^[a-zđ]\)$/.test(String(r[0]))
        ? [r[0], r[1], "x", null, i === last ? null : "x", i === last ? "x" : null, "MC"]
        : r
    ) as In[][];
    const s = sheet("Mẫu", filled, { merges: plan.merges });
    const c = checkSheet(workbook([s]), s)!;
    expect(c.report.framework.id).toBe(id);
    expect(c.report.issues).toEqual([]);
    expect(c.report.recognition.level).toBe(1);
    expect(c.report.recognition.reasons[0]).toMatch(
      new RegExp(`chỉ tiêu ${fw.criteria.length}\\.\\d+ \\([a-zđ]\\) chưa đạt Mức độ 2`)
    );
  }
);

test("the commune's words: criterion 4's standards at each level, criterion 5's figures", () => {
  const plan = templateSheet(builtinFramework("tt25-2023-xa")!);
  const words = plan.rows.map((r) => String(r[1] ?? ""));
  expect(words).toContain(
    "Chỉ tiêu 2: Xã đạt chuẩn phổ cập giáo dục tiểu học mức độ 2 theo quy định tại Nghị định số 20/2014/NĐ-CP\nMức độ 2: Xã đạt chuẩn phổ cập giáo dục tiểu học mức độ 3 theo quy định tại Nghị định số 20/2014/NĐ-CP"
  );
  expect(words).toContain("Tiêu chí 4: Kết quả phổ cập giáo dục - xóa mù chữ");
  expect(words.find((w) => w.startsWith("Chỉ tiêu 1: Có ít nhất 60%"))).toMatch(/\nMức độ 2: Có ít nhất 80%/);
  // Criteria 1–3 have the same words at both levels: said once.
  expect(words.find((w) => w.startsWith("Chỉ tiêu 1: Thực hiện công tác tuyên truyền"))).not.toMatch(
    /Mức độ 2/
  );
});

test("an own set numbered per criterion: targets without the text's words or letters, criteria past X, no titles", () => {
  const xa = builtinFramework("tt25-2023-xa")!;
  // Fifteen criteria of one target each (past the Roman numerals the form uses), no criterion titles,
  // targets with a title but no quoted words or letters, but target 2 with the same words at both
  // levels and target 3 with other words at mức độ 2.
  const fw = {
    ...xa,
    criteria: xa.indicators.map((i, k) => ({ number: k + 1, indicators: [i.number] })),
    indicators: xa.indicators.map(({ wording: _w, letter: _l, ...i }) => ({
      ...i,
      title: `Nội dung ${i.number}`,
      ...(i.number === 2
        ? { wording: [1, 2].map((level) => ({ level, text: "Như nhau", source: "Điều 1" })) }
        : i.number === 3
          ? { wording: [1, 2].map((level) => ({ level, text: `Lời mức ${level}`, source: "Điều 1" })) }
          : {}),
    })),
  };
  const rows = templateSheet(fw).rows;
  const row = (first: string) => rows.find((r) => r[0] === first)!;
  expect(row("X")[1]).toBe("Tiêu chí 10");
  expect(row("11")[1]).toBe("Tiêu chí 11");
  expect(row("1.1")[1]).toBe("Chỉ tiêu 1: Nội dung 1");
  expect(row("2.1")[1]).toBe("Chỉ tiêu 1: Như nhau");
  expect(row("3.1")[1]).toBe("Chỉ tiêu 1: Lời mức 1\nMức độ 2: Lời mức 2");
  expect(row("15.1")[1]).toBe("Chỉ tiêu 1: Nội dung 15");
});
