// Columns the officer prepared right of the table — hidden, or carrying a data validation (a
// dropdown of Đạt/Không đạt kept for later) — are theirs: the pane's results go past them, as the
// CLI's writer places them (test/writer/prepared-columns.test.ts), in the same round trips.
import { writeResults, removeResults, type CheckOptions } from "../../src/taskpane/actions";
import { template } from "../helpers/grid";
import type { FakeWorkbook } from "./fake-excel";
import { fakeRows, installFake, uninstallFake } from "./install-fake";

afterEach(uninstallFake);
const SHEET = "Tự đánh giá";
const opts: CheckOptions = { frameworkId: "auto", columns: {}, lang: "vi", sheet: SHEET };

/** 1.9: the sheet's pages are known too, so the block goes under the table. */
function officer(version = "1.9"): FakeWorkbook {
  const fake = installFake();
  fake.supported.ExcelApi = version;
  fake.addSheet(SHEET, fakeRows(template().rows));
  return fake;
}

/** The column letter holding the results' heading. */
const resultsAt = (fake: FakeWorkbook) =>
  Object.entries(fake.dump(SHEET))
    .find(([, v]) => v === "Mức tính toán")?.[0]
    .replace(/\d+$/, "");

test("a hidden empty column right of the table: the results go past it, in 4 syncs as before", async () => {
  const fake = officer();
  fake.sheet(SHEET).hiddenColumns.add(7);
  const before = fake.syncCount;
  await writeResults(opts);
  expect(fake.syncCount - before).toBe(4);
  expect(resultsAt(fake)).toBe("H");
  expect(fake.sheet(SHEET).hiddenColumns).toEqual(new Set([7]));
});

test("a dropdown prepared in the next two columns (ExcelApi 1.8): the results go past both", async () => {
  const fake = officer("1.8");
  fake.sheet(SHEET).validations.push({ address: `'${SHEET}'!G5:H29`, source: "Đạt,Không đạt" });
  await writeResults(opts);
  expect(resultsAt(fake)).toBe("I");
});

test("without ExcelApi 1.8 a validation cannot be seen: the hidden column still is", async () => {
  const fake = officer("1.4");
  fake.sheet(SHEET).hiddenColumns.add(8);
  fake.sheet(SHEET).validations.push({ address: `'${SHEET}'!G5:G29`, source: "Đạt" });
  await writeResults(opts);
  // G is free as far as this Excel says, H is hidden: the two columns go to I:J.
  expect(resultsAt(fake)).toBe("I");
});

test("the product's own columns hidden by the officer stay the product's: a second run replaces them there", async () => {
  const fake = officer();
  await writeResults(opts);
  expect(resultsAt(fake)).toBe("G");
  fake.sheet(SHEET).hiddenColumns.add(7).add(8);
  await writeResults(opts);
  expect(resultsAt(fake)).toBe("G");
  await removeResults(opts);
  expect(resultsAt(fake)).toBeUndefined();
  expect(fake.names).toEqual([]);
});
