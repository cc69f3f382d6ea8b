// Criterion 5 of the commune set: figures that must all hold, thresholds chosen by the commune's
// condition (`Xã thuộc vùng khó khăn`), read from the data cell as officers write them.
import { checkSheet } from "../../src/core/checks/check";
import { statedPercents } from "../../src/core/checks/figures";
import { conditionName, isMappingName, storedConditions } from "../../src/core/model/owned";
import { sheet, template, workbook, type In, type IndicatorRow } from "../helpers/grid";

function commune(indicator: (n: number) => IndicatorRow, above: In[][] = [], conditions?: string[]) {
  const { rows, rowOf } = template({ kind: "commune", indicator });
  const s = sheet("Tự đánh giá", [...above, ...rows]);
  const shift = above.length;
  const c = checkSheet(workbook([s]), s, conditions ? { conditions } : {})!;
  return { report: c.report, rowOf: (n: number) => (rowOf.get(n) as number) + shift };
}

const five = (t1: In, t2: In) => (n: number) => (n === 14 ? { data: t1 } : n === 15 ? { data: t2 } : {});

test("5.1 and 5.2 against the circular's thresholds: the figures' level stands, a claim above it is an error", () => {
  const { report, rowOf } = commune(five("65%", "52%; 11%"));
  expect(report.conditions).toEqual([
    { id: "vung-kho-khan", label: "Xã thuộc vùng khó khăn", holds: false, from: "default" },
  ]);
  const [t51, t52] = report.indicators.slice(13);
  expect([t51?.computedLevel, t51?.level, t52?.computedLevel, t52?.level]).toEqual([1, 1, 0, 0]);
  expect(report.issues.map((i) => [i.rule, i.cell])).toEqual([
    ["level-mismatch", `E${rowOf(14)}`],
    ["level-mismatch", `E${rowOf(15)}`],
  ]);
  expect(report.recognition.level).toBe(0);
});

test("a commune in a disadvantaged area, said in a labelled cell above the table or chosen: the lower thresholds", () => {
  for (const [above, chosen] of [
    [[["Xã thuộc vùng khó khăn:", "Có"]], undefined],
    [[["Xã thuộc vùng khó khăn: x"]], undefined],
    [[], ["vung-kho-khan"]],
  ] as [In[][], string[] | undefined][]) {
    const { report } = commune(five("85%", "52%; 11%"), above, chosen);
    expect(report.conditions?.[0]?.holds).toBe(true);
    expect(report.indicators[14]?.computedLevel).toBe(1);
  }
  const { report } = commune(five("85%", "52%; 11%"), [["Xã thuộc vùng khó khăn:", "Không"]]);
  expect(report.conditions?.[0]).toMatchObject({ holds: false, from: "sheet", cell: "B1" });
});

test("5.2 needs both figures: one alone is an error at the cell naming both", () => {
  const { report, rowOf } = commune(five("85%", "55%"));
  expect(report.issues.map((i) => [i.rule, i.cell])).toEqual([["invalid-value", `C${rowOf(15)}`]]);
  expect(report.issues[0]?.message).toBe(
    `Ô C${rowOf(15)} của chỉ tiêu 5.2 ghi “55%”, nhưng chỉ tiêu này cần đủ các số liệu: công dân trong xã được đào tạo trình độ chuyên môn kỹ thuật; công dân trong xã có trình độ đại học trở lên. Ghi từng tỷ lệ theo thứ tự đó, cách nhau bằng dấu chấm phẩy (ví dụ 62%; 14%).`
  );
  expect(report.indicators[14]?.level).toBeNull();
});

test("figures as officers write them", () => {
  expect(statedPercents({ value: "62%; 14,5%" })).toEqual([62, 14.5]);
  expect(statedPercents({ value: 0.65, format: "0%" })).toEqual([65]);
  expect(statedPercents({ value: 65 })).toEqual([65]);
  expect(statedPercents({ value: "Có báo cáo năm 2023" })).toBeNull();
  expect(statedPercents({ value: null })).toBeNull();
});

test("the condition chosen and remembered in the workbook (HocTap_DieuKien_…): a setting of the officer's", () => {
  expect(conditionName("vung-kho-khan")).toBe("HocTap_DieuKien_VungKhoKhan");
  expect(isMappingName("hoctap_dieukien_vungkhokhan")).toBe(true);
  const { rows } = template({ kind: "commune", indicator: five("85%", "52%; 11%") });
  const s = sheet("Tự đánh giá", rows);
  const named = (name: string, on = "Tự đánh giá") => ({
    name,
    sheet: on,
    refSheet: on,
    range: { top: 1, left: 1, bottom: 1, right: 1 },
  });
  const wb = workbook([s], [named("HocTap_DieuKien_VungKhoKhan")]);
  expect(storedConditions(wb, "Tự đánh giá", ["vung-kho-khan", "khac"])).toEqual(["vung-kho-khan"]);
  const c = checkSheet(wb, s)!;
  expect(c.report.conditions?.[0]).toMatchObject({ holds: true, from: "chosen" });
  expect(c.report.indicators[14]?.computedLevel).toBe(1);
  // Another sheet's choice is not this sheet's.
  const other = workbook([s, sheet("Khác", [])], [named("HocTap_DieuKien_VungKhoKhan", "Khác")]);
  expect(checkSheet(other, s)!.report.conditions?.[0]).toMatchObject({ holds: false, from: "default" });
});
