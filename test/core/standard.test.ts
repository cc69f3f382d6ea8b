// Criterion 4 of circular 25/2023's commune set: targets met by holding a standard of Nghị định
// 20/2014 (phổ cập tiểu học mức độ 2 for mức độ 1, mức độ 3 for mức độ 2). The standard's level the
// officer writes in the data cell is read, and the target scored from it.
import { checkSheet } from "../../src/core/checks/check";
import { standardLevel, statedStandard } from "../../src/core/checks/standard";
import { builtinFramework } from "../../src/core/sets/builtin";
import { sheet, template, workbook, type IndicatorRow } from "../helpers/grid";

const tt25 = builtinFramework("tt25-2023-xa")!;
const primary = tt25.indicators[10]!; // 4.2: phổ cập giáo dục tiểu học, mức độ 2 / 3

function commune(indicator: (n: number) => IndicatorRow, lang: "vi" | "en" = "vi") {
  const { rows, rowOf } = template({ kind: "commune", indicator });
  const s = sheet("Tự đánh giá", rows);
  return { c: checkSheet(workbook([s]), s, { lang })!, rowOf };
}

test("the standard's level as officers write it", () => {
  expect(statedStandard("Đạt chuẩn PCGD tiểu học mức độ 3")).toBe(3);
  expect(statedStandard("mức 2")).toBe(2);
  expect(statedStandard("Mức độ II (Quyết định số 12/QĐ-UBND ngày 5/3/2025)")).toBe(2);
  expect(statedStandard("MỨC ĐỘ 3, giữ mức 3")).toBe(3);
  expect(statedStandard("Chưa đạt")).toBe("not");
  expect(statedStandard("Không đạt chuẩn")).toBe("not");
  expect(statedStandard("chưa đạt mức độ 3")).toBeNull();
  expect(statedStandard("Có báo cáo số 12/BC-UBND")).toBeNull();
  // Two levels in one cell say too little: the officer's own level stands.
  expect(statedStandard("Năm 2024 mức độ 2, năm 2025 mức độ 3")).toBeNull();
  // The target's level: the highest whose standard the level held reaches.
  expect([1, 2, 3].map((h) => standardLevel(primary.standard!, h, 2))).toEqual([0, 1, 2]);
  expect(standardLevel(primary.standard!, "not", 2)).toBe(0);
  expect(standardLevel(tt25.indicators[9]!.standard!, 1, 2)).toBe(2);
});

test("a standard's level in the data cell scores the target: mức độ 2 of tiểu học is Mức độ 1 only", () => {
  const { c, rowOf } = commune((n) =>
    n === 11
      ? { data: "Đạt chuẩn phổ cập giáo dục tiểu học mức độ 2" }
      : n === 12
        ? { data: "Mức độ 3", level: "Mức độ 1" }
        : n === 13
          ? { data: "mức 2" }
          : {}
  );
  const at = (n: number) => c.report.indicators[n - 1]!;
  expect([11, 12, 13].map((n) => [at(n).selfLevel, at(n).computedLevel, at(n).level])).toEqual([
    [2, 1, 1],
    [1, 2, 2],
    [2, 2, 2],
  ]);
  expect(c.report.issues.map((i) => [i.rule, i.severity, i.cell])).toEqual([
    ["level-mismatch", "error", `E${rowOf.get(11)}`],
    ["level-mismatch", "warning", `E${rowOf.get(12)}`],
  ]);
  expect(c.report.issues[0]!.message).toBe(
    "Chỉ tiêu 4.2 tự đánh giá Mức độ 2 nhưng số liệu (đạt chuẩn phổ cập giáo dục tiểu học mức độ 2) " +
      "chỉ đạt Mức độ 1 (Mức độ 2 cần “Xã đạt chuẩn phổ cập giáo dục tiểu học mức độ 3 theo quy định tại Nghị định số 20/2014/NĐ-CP”, Điều 7 khoản 4 điểm b): " +
      "hạ mức tự đánh giá hoặc kiểm tra lại số liệu."
  );
  expect(c.report.issues[1]!.message).toMatch(
    /số liệu \(đạt chuẩn phổ cập giáo dục trung học cơ sở mức độ 3\) đạt Mức độ 2 \(Mức độ 2 cần “.*”, Điều 7 khoản 4 điểm c\): có thể nâng mức tự đánh giá\.$/
  );
  expect(c.report.recognition).toMatchObject({ level: 1 });
  expect(c.report.recognition.reasons.join(" ")).toContain("4.2");
});

test("Chưa đạt in the data cell: the target is not achieved; two levels: the officer's level stands", () => {
  const { c, rowOf } = commune((n) =>
    n === 11 ? { data: "Chưa đạt" } : n === 12 ? { data: "mức độ 2; mức độ 3" } : {}
  );
  expect(c.report.indicators[10]).toMatchObject({ selfLevel: 2, computedLevel: 0, level: 0 });
  expect(c.report.indicators[11]).toMatchObject({ selfLevel: 2, computedLevel: null, level: 2 });
  expect(c.report.issues.map((i) => [i.rule, i.cell])).toEqual([["level-mismatch", `E${rowOf.get(11)}`]]);
  expect(c.report.issues[0]!.message).toMatch(
    /số liệu \(chưa đạt chuẩn phổ cập giáo dục tiểu học\) chỉ đạt Không đạt \(Mức độ 2 cần/
  );
  const en = commune((n) => (n === 11 ? { data: "mức độ 2" } : {}), "en").c;
  expect(en.report.issues[0]!.message).toMatch(
    /^Target 4\.2 claims Level 2 but its data \(đạt chuẩn phổ cập giáo dục tiểu học mức độ 2\) reaches only Level 1 \(Level 2 needs “Xã đạt chuẩn .*”, Điều 7 khoản 4 điểm b\): lower the claim or check the data\.$/
  );
});

test("a data cell naming no level of the standard leaves the officer's level as it is", () => {
  const { c } = commune((n) => (n === 10 || n === 11 ? { data: "Có Quyết định công nhận" } : {}));
  expect(c.report.issues).toEqual([]);
  expect(c.report.recognition).toMatchObject({ level: 2 });
});
