// Requests sized by what the read learns: the estimate follows the cells actually read, down as well
// as up, and a request Excel on the web refuses as too large is asked again in smaller pieces.
import { ReadMeter, REQUEST_BUDGET_BYTES } from "../../src/excel/payload";
import { checkWorkbookSheet, type CheckOptions } from "../../src/taskpane/actions";
import { installFake, uninstallFake } from "./install-fake";
import { longTable } from "./round-trips";

afterEach(uninstallFake);
const opts: CheckOptions = { frameworkId: "auto", columns: {}, lang: "vi" };

test("the estimate starts sensible, then goes down and up with what the requests carried", () => {
  const meter = new ReadMeter();
  const start = meter.cellsPerRequest();
  expect(start).toBe(Math.floor(REQUEST_BUDGET_BYTES / 32));
  meter.observe(10_000, 200_000); // 20 bytes a cell: more cells per request
  expect(meter.cellsPerRequest()).toBe(REQUEST_BUDGET_BYTES / 20);
  meter.observe(10_000, 600_000); // longer texts further down: the last request's 60 wins
  expect(meter.cellsPerRequest()).toBe(Math.floor(REQUEST_BUDGET_BYTES / 60));
  meter.observe(30_000, 600_000); // short again: the average so far, 1,400,000 / 50,000 = 28
  expect(meter.cellsPerRequest()).toBe(Math.floor(REQUEST_BUDGET_BYTES / 28));
  meter.refused();
  expect(meter.cellsPerRequest()).toBe(Math.floor(REQUEST_BUDGET_BYTES / 56));
});

test("long texts below short rows: the request Excel refuses is asked again smaller, and every cell is read", async () => {
  const fake = installFake();
  const grid = longTable(40000).map((r, i) => (i > 600 ? [r[0]!, "x".repeat(200), ...r.slice(2)] : r));
  fake.addSheet("S", grid);
  const checked = await checkWorkbookSheet(opts);
  const refused = fake.requests.filter((r) => r.bytesRead > 5 * 1024 * 1024);
  expect(refused).toHaveLength(1);
  expect(checked.read.complete).toBe(true);
  expect(checked.check?.report.indicators).toHaveLength(39999);
  const sheet = checked.read.snapshot.sheets[0]!;
  expect(sheet.rows.size).toBe(40000);
  expect(sheet.rows.get(40000)?.get(2)?.value).toBe("x".repeat(200));
  expect(fake.syncCount).toBeLessThanOrEqual(8);
}, 300_000);
