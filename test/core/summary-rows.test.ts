// Tổng hợp's rows from the units' reports: the leaf names heading the columns, and the rows of what
// could not be read, in either language.
import { checkSheet } from "../../src/core/checks/check";
import { departmentRows, summaryRows, summarySheet, type SummaryEntry } from "../../src/core/plans/summary";
import { sheet, template, workbook } from "../helpers/grid";

function report(kind: "commune" | "district", name: string) {
  const s = sheet(name, template({ kind }).rows);
  return checkSheet(workbook([s]), s)!.report;
}

test("a leaf the check could not name keeps its number among the circular's names", () => {
  const commune = report("commune", "An Hòa");
  const unnamed = {
    ...commune,
    indicators: commune.indicators.map((i, k) => (k === 1 ? { ...i, label: undefined } : i)),
  };
  const codes = summaryRows([{ file: "xa.xlsx", sheet: "An Hòa", report: unnamed }])[0]?.set?.codes;
  expect(codes?.slice(0, 4)).toEqual(["1.1", "2", "1.3", "2.1"]);
});

test("a leaf missing from a report keeps its column, headed by its number", () => {
  const commune = report("commune", "An Hòa");
  const short = { ...commune, indicators: commune.indicators.filter((i) => i.number !== 3) };
  const row = summaryRows([{ file: "xa.xlsx", sheet: "An Hòa", report: short }])[0];
  expect(row?.set?.codes).toHaveLength(15);
  expect(row?.set?.codes?.slice(0, 4)).toEqual(["1.1", "1.2", "3", "2.1"]);
  expect(Object.keys(row?.indicators ?? {})).not.toContain("CT3");
});

test("running numbers name nothing: the pilot's leaves head their columns by number", () => {
  const row = summaryRows([{ file: "huyen.xlsx", sheet: "An Lão", report: report("district", "An Lão") }])[0];
  expect(row?.set?.codes).toBeUndefined();
});

test("what could not be read: the reason when there is one, no dangling colon when not", () => {
  const entries: SummaryEntry[] = [
    { file: "hong.xlsx", sheet: "", error: "tệp bị hỏng" },
    { file: "trong.xlsx", sheet: "Trang 1" },
  ];
  // Vietnamese unless told otherwise.
  expect(summaryRows(entries).map((r) => [r.label, r.error])).toEqual([
    ["Không đọc được: tệp bị hỏng", "tệp bị hỏng"],
    ["Không đọc được", ""],
  ]);
  expect(summaryRows(entries, "en").map((r) => r.label)).toEqual([
    "Could not be read: tệp bị hỏng",
    "Could not be read",
  ]);
  const { rows, duplicates, lines } = departmentRows(entries);
  expect(rows.map((r) => r.label)).toEqual(["Không đọc được: tệp bị hỏng", "Không đọc được"]);
  expect([duplicates, lines]).toEqual([[], []]);
  expect(summarySheet(entries).rows.flat()).toContain("Không đọc được");
});
