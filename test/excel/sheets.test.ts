import { builtinForKind } from "../../src/core/sets/builtin";
import { checkSheet } from "../../src/core/checks/check";
import { criteriaSheetRows, readCriteriaSheet } from "../../src/core/sets/criteria-sheet";
import { summarySheet } from "../../src/core/plans/summary";
import { fingerprintFormula } from "../../src/core/model/fingerprint";
import { sheetFingerprint } from "../../src/core/plans/record";
import { templateSheet } from "../../src/core/plans/template";
import { addSheetFromPlan, readSheet } from "../../src/excel/connector";
import {
  CriteriaSheetExists,
  makeAssessmentSheet,
  makeCriteriaSheet,
  makeTemplate,
  makeUnitsSummary,
  checkWorkbookSheet,
  sheetsWithTable,
  type CheckOptions,
} from "../../src/taskpane/actions";
import { template } from "../helpers/grid";
import { fakeRows, installFake, uninstallFake } from "./install-fake";

afterEach(uninstallFake);
const opts: CheckOptions = { frameworkId: "auto", columns: {}, lang: "vi" };

test("a product sheet with its formatting where Excel supports it, in 2 syncs", async () => {
  const fake = installFake();
  fake.supported.ExcelApi = "1.9";
  fake.addSheet("S");
  const before = fake.syncCount;
  const name = await addSheetFromPlan(summarySheet([]));
  expect(fake.syncCount - before).toBe(2);
  const ws = fake.sheet(name);
  expect(name).toBe("Tổng hợp");
  expect(fake.dump(name).A4).toBe("Tệp");
  expect(ws.frozenRows).toBe(5);
  expect(ws.autoFilter).toBe("'Tổng hợp'!A5:G5");
  expect(ws.pageLayout).toMatchObject({
    orientation: "Landscape",
    paperSize: "A4",
    printTitleRows: "$4:$5",
    margins: { left: 36, right: 36, top: 43.2, bottom: 43.2 },
    printArea: "'Tổng hợp'!A1:G6",
  });
  // Printed at one legible scale, never fitted smaller.
  expect(ws.pageLayout.zoom?.scale).toBeGreaterThanOrEqual(70);
  expect(ws.charts).toEqual([
    {
      type: "ColumnClustered",
      source: "'Tổng hợp'!A9:B12",
      seriesBy: "Columns",
      title: "Số đơn vị theo mức công nhận",
      legendVisible: false,
      // Beside its figures, below the print area (A1:G6): over no printed cell.
      at: "D8:J23",
    },
  ]);
  expect(fake.names.map(({ name, scope, ref }) => ({ name, scope, ref }))).toEqual([
    { name: "HocTap_KQ_Sheet", scope: "Tổng hợp", ref: "'Tổng hợp'!A1:G12" },
    { name: "HocTap_VanTay", scope: "Tổng hợp", ref: "" },
  ]);
  expect(fake.active).toBe("Tổng hợp");
});

test("on the 1.4 baseline the sheet is made without the newer formatting", async () => {
  const fake = installFake();
  fake.addSheet("S");
  const name = await addSheetFromPlan(templateSheet(builtinForKind("district")));
  const ws = fake.sheet(name);
  expect([ws.frozenRows, ws.autoFilter, ws.validations.length, ws.pageLayout]).toEqual([0, null, 0, {}]);
  expect(ws.merges.slice(0, 5)).toEqual(["A1:B1", "C1:F1", "A2:B2", "C2:F2", "A4:F4"]);
  expect(fake.names).toEqual([]); // a template is the officer's to fill, not the product's
  fake.supported.ExcelApi = "1.8";
  const again = await addSheetFromPlan(templateSheet(builtinForKind("district")));
  expect(again).toBe("Tự đánh giá (2)");
  expect(fake.sheet(again).validations[0]).toEqual({
    address: "'Tự đánh giá (2)'!E12",
    source: "Không đạt,Mức 1,Mức 2,Mức 3",
  });
});

test("replaces the product's own sheet, never the officer's", async () => {
  const fake = installFake();
  fake.addSheet("Tổng hợp", [["của phòng"]]);
  const first = await addSheetFromPlan(summarySheet([]));
  expect(first).toBe("Tổng hợp (2)");
  const second = await addSheetFromPlan(summarySheet([]));
  expect(second).toBe("Tổng hợp (2)");
  expect(fake.sheets.map((s) => s.name)).toEqual(["Tổng hợp", "Tổng hợp (2)"]);
  expect(fake.dump("Tổng hợp")).toEqual({ A1: "của phòng" });
  expect(fake.names.filter((n) => n.name === "HocTap_KQ_Sheet")).toHaveLength(1);
});

test("an officer's copy of a product sheet carries its names, but is never replaced", async () => {
  const copyOf = (written: string) => {
    const fake = installFake();
    fake.addSheet("Tổng hợp", [["của phòng"]]);
    fake.addSheet("Tổng hợp (2)", [["bản sao"]]);
    // Excel copies a sheet's names with it; the fingerprint still says where it was written.
    const plan = summarySheet([]);
    fake.names.push(
      { name: "HocTap_KQ_Sheet", scope: "Tổng hợp (2)", ref: "'Tổng hợp (2)'!A1:A1" },
      {
        name: "HocTap_VanTay",
        scope: "Tổng hợp (2)",
        ref: "",
        formula: `=${fingerprintFormula(sheetFingerprint(plan, written))}`,
        visible: false,
      }
    );
    return fake;
  };
  const copied = copyOf("Tổng hợp (9)");
  expect(await addSheetFromPlan(summarySheet([]))).toBe("Tổng hợp (3)");
  expect(copied.dump("Tổng hợp (2)")).toEqual({ A1: "bản sao" });
  uninstallFake();
  const ours = copyOf("Tổng hợp (2)");
  expect(await addSheetFromPlan(summarySheet([]))).toBe("Tổng hợp (2)");
  expect(ours.dump("Tổng hợp (2)").A1).not.toBe("bản sao");
});

test("the pane's summaries: a result sheet, a summary over several sheets, a template that checks", async () => {
  const fake = installFake();
  fake.addSheet("An Lão", fakeRows(template().rows));
  fake.addSheet(
    "Kiến Thụy",
    fakeRows(
      template({ unit: "UBND HUYỆN KIẾN THỤY", indicator: (n) => (n === 3 ? { level: "Mức 1" } : {}) }).rows
    )
  );
  fake.addSheet("Ghi chú", [["x"]]);
  const { made } = await makeAssessmentSheet({ ...opts, sheet: "An Lão" });
  expect(made).toBe("KQ An Lão");
  // The dossier's paper for the unit, with no chart drawn over it.
  expect(fake.dump("KQ An Lão").A2).toBe("HUYỆN AN LÃO");
  expect(fake.sheet("KQ An Lão").charts).toHaveLength(0);

  const { made: summary } = await makeUnitsSummary(opts, ["An Lão", "Kiến Thụy", "Ghi chú"], "huyen.xlsx");
  const cells = fake.dump(summary);
  expect(cells.A2).toMatch(/^Ngày lập: \d\d\/\d\d\/\d{4} · 2 đơn vị$/);
  expect(cells.A4).toBe("Bộ tiêu chí thí điểm công nhận quận/huyện học tập (Hải Phòng, 2022)");
  expect([cells.C7, cells.D7, cells.C8, cells.D8, cells.E9]).toEqual([
    "Huyện An Lão",
    2,
    "Huyện Kiến Thụy",
    1,
    "Không đọc được: không có bảng tự đánh giá",
  ]);
  // The product's sheets are known to the pane, and are not assessment sheets.
  expect((await readSheet("An Lão")).productSheets).toEqual(["KQ An Lão", "Tổng hợp"]);
  expect((await checkWorkbookSheet({ ...opts, sheet: summary })).check).toBeNull();

  const blank = await makeTemplate(null, "hp-2022-city", "vi");
  const read = await readSheet(blank);
  const rules = checkSheet(read.snapshot, read.snapshot.sheets[0]!)?.report.issues.map((i) => i.rule) ?? [];
  expect([rules.length, rules.filter((r) => r === "missing-level").length]).toEqual([40, 20]);
});

test("the criteria sheet: written from the active set, read back unchanged, edited thresholds change the next check", async () => {
  const fake = installFake();
  fake.addSheet("An Lão", fakeRows(template({ indicator: (n) => (n === 7 ? { data: "45%" } : {}) }).rows));
  const checked = await checkWorkbookSheet(opts);
  const name = await makeCriteriaSheet(checked, "auto");
  expect(name).toBe("Bộ tiêu chí");
  const read = await readSheet(name);
  const district = builtinForKind("district");
  expect(readCriteriaSheet(read.snapshot.sheets[0]!, district).framework.indicators).toEqual(
    district.indicators
  );

  // The officer types official thresholds for indicator 7.
  const s = fake.sheet("Bộ tiêu chí");
  const row = criteriaSheetRows(district).findIndex((r) => r[0] === "7") + 1;
  s.cells.set(`${row}:3`, { value: "Tỷ lệ" });
  s.cells.set(`${row}:4`, { value: "≥ 50" });
  const after = await checkWorkbookSheet({ ...opts, sheet: "An Lão" });
  expect(after.check?.report.indicators[6]).toMatchObject({ selfLevel: 2, computedLevel: 0, level: 0 });
  await expect(makeCriteriaSheet(after, "auto")).rejects.toBeInstanceOf(CriteriaSheetExists);
});

test("text is written as text: a file or sheet name that looks like a formula or a number stays what it is", async () => {
  const fake = installFake();
  fake.addSheet("2024", fakeRows(template().rows));
  fake.addSheet("-Kiến Thụy", fakeRows(template({ unit: "UBND HUYỆN KIẾN THỤY" }).rows));
  const file = '=HYPERLINK("http://x","y").xlsx';
  const { made: summary } = await makeUnitsSummary(opts, ["2024", "-Kiến Thụy"], file);
  const cells = [...fake.sheet(summary).cells.values()];
  expect(cells.filter((c) => c.formula)).toEqual([]);
  const dump = fake.dump(summary);
  // The title and the day above, the set's title, a two-row header, then one row per unit from row 7.
  expect([dump.A7, dump.B7, dump.B8]).toEqual([file, "2024", "-Kiến Thụy"]);
  // Numbers the plan writes as numbers stay numbers.
  expect(dump.D7).toBe(2);
});

test("the summary flow over thirty sheets takes 7 round trips in all: opening, the Sheets view, the summary with the check after it", async () => {
  const fake = installFake();
  const names = Array.from({ length: 30 }, (_, i) => `Đơn vị ${i + 1}`);
  // Each sheet its own unit (sheets of one unit would be counted once).
  names.forEach((n, i) => fake.addSheet(n, fakeRows(template({ unit: `UBND HUYỆN SỐ ${i + 1}` }).rows)));
  // Opening: the active sheet checked (2); the Sheets view: which sheets hold a table (2).
  const opened = await checkWorkbookSheet(opts);
  expect(fake.syncCount).toBe(2);
  const found = await sheetsWithTable(opened.read, "vi");
  expect(fake.syncCount).toBe(4);
  // The summary: the sheets read, the sheet written and the pane's sheet checked again, in 3.
  const { made, checked } = await makeUnitsSummary(
    { ...opts, sheet: opened.read.sheet },
    found,
    "tong-hop.xlsx"
  );
  expect(fake.syncCount).toBe(7);
  // One row per sheet (its name in column B) below the two-row header.
  const dump = fake.dump(made);
  expect(Array.from({ length: 30 }, (_, i) => dump[`B${i + 7}`])).toEqual(names);
  expect(dump.D36).toBe(2);
  // The check after it is what a fresh read says: the new sheet is the product's, and active.
  const fresh = await checkWorkbookSheet({ ...opts, sheet: names[0] });
  expect(checked.read).toEqual(fresh.read);
  expect(checked.check?.report).toEqual(fresh.check?.report);
  expect(checked.read.productSheets).toEqual([made]);
});

test("the summary with the officer's own choice of columns reads the pane's sheet apart, in the same round trips", async () => {
  const fake = installFake();
  const names = ["An Lão", "Kiến Thụy"];
  for (const n of names) fake.addSheet(n, fakeRows(template().rows));
  const chosen = { ...opts, sheet: "An Lão", headerRow: 4 };
  const { checked } = await makeUnitsSummary(chosen, names, "x.xlsx");
  expect(fake.syncCount).toBe(3);
  expect(checked.check?.report.table.headerRow).toBe(4);
  const fresh = await checkWorkbookSheet(chosen);
  expect(checked.check?.report).toEqual(fresh.check?.report);
});

test("which sheets hold a table: each read only as far as its table goes, thirty sheets in two round trips", async () => {
  const fake = installFake();
  const names = Array.from({ length: 30 }, (_, i) => `Đơn vị ${i + 1}`);
  for (const n of names) fake.addSheet(n, fakeRows(template().rows));
  fake.addSheet("Hướng dẫn", [["Hướng dẫn điền bảng"], ["Ghi mức vào cột Tự đánh giá."]]);
  fake.addSheet("Trống");
  const read = await readSheet(names[0]);
  const before = fake.syncCount;
  const found = await sheetsWithTable(read, "vi");
  expect(fake.syncCount - before).toBe(2);
  expect(found).toEqual(names);
  // Each sheet's 29 rows × 6 columns (values, types and formats), and the 2 cells of the guide.
  expect(fake.requests.at(-1)?.cellsRead).toBe((30 * 29 * 6 + 2) * 3);
});
