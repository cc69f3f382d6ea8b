// The officer's real forms (test/fixtures/forms), read through the ExcelJS adapter and checked: the
// right indicators at the right rows, their levels, the unit, the recognition, and no false error.
import { checkWorkbook } from "../../src/core/checks/check";
import { workbookSnapshot } from "../helpers/exceljs/read";
import { layouts } from "../fixtures/forms/layouts";

const cases = layouts().map((l) => [l.name, l] as const);

test.each(cases)("%s", (_name, layout) => {
  const { wb, expect: want } = layout.build(layout.group === "households" ? "picture" : "test");
  const checked = checkWorkbook(workbookSnapshot(wb));
  expect(checked.hiddenSkipped).toEqual(want.hiddenSkipped ?? []);
  expect(checked.onlyHidden).toBe(want.onlyHidden ?? false);
  expect(checked.checked.map((c) => c.sheet.name)).toEqual([want.sheet]);
  const report = checked.checked[0]!.check.report;
  expect({
    unitName: report.unitName,
    headerRow: report.table.headerRow,
    lastRow: report.table.lastRow,
    indicators: report.indicators.map((i) => [i.number, i.row, i.level]),
    recognition: report.recognition.level,
    issues: report.issues
      .filter((i) => i.rule !== "criteria-sheet")
      .map((i) => `${i.rule}@${i.cell}:${i.severity}`),
  }).toEqual({
    unitName: want.unitName,
    headerRow: want.headerRow,
    lastRow: want.lastRow,
    indicators: want.indicators,
    recognition: want.recognition,
    issues: want.issues,
  });
  expect(report.framework.id).toBe(want.framework ?? "hp-2022-district");
});

test("several variants of every layout", () => {
  const byGroup = new Map<string, number>();
  for (const l of layouts()) byGroup.set(l.group, (byGroup.get(l.group) ?? 0) + 1);
  expect([...byGroup].filter(([, n]) => n < 2)).toEqual([]);
});

test("50,000 households under the table: 16 indicators, the table ends at its last one", () => {
  const layout = layouts().find((l) => l.name === "ho-gia-dinh-1")!;
  const { wb, expect: want } = layout.build("test");
  const started = Date.now();
  const [only] = checkWorkbook(workbookSnapshot(wb)).checked;
  const ms = Date.now() - started;
  expect(only!.check.report.indicators).toHaveLength(16);
  expect(only!.check.report.recognition.level).toBe(want.recognition);
  expect(only!.check.lastTableRow).toBe(want.lastRow);
  expect(only!.check.report.issues).toEqual([]);
  // Measured, not asserted: the snapshot and the check of the 50,000-row sheet.
  process.stdout.write(`ho-gia-dinh-1 (50,000 rows below the table): snapshot and check in ${ms} ms\n`);
}, 60000);
