// The pane's round trips on the fake Excel, counted as the officer meets them: a 50,000-row check
// and writing its results (Ghi kết quả), and the summary flow over thirty sheets from opening the
// pane to the check after the summary. Counts of syncs on the fake are deterministic: the tests
// assert them (round-trips.test.ts) and `npm run bench` records them (`syncs.*`).
import {
  checkWorkbookSheet,
  makeUnitsSummary,
  sheetsWithTable,
  writeResults,
  type CheckOptions,
} from "../../src/taskpane/actions";
import { template } from "../helpers/grid";
import { fakeRows, installFake } from "./install-fake";

const opts: CheckOptions = { frameworkId: "auto", columns: {}, lang: "vi" };

/** An officer's table of `n` rows with no end below it (a long list of indicators). */
export function longTable(n: number): string[][] {
  const grid = [["TT", "Nội dung", "Số liệu", "Minh chứng", "Tự đánh giá"]];
  for (let i = 1; grid.length < n; i++) grid.push([`CB${i}`, "nội dung", "có", "H", "Mức 2"]);
  return grid;
}

export interface RoundTrips {
  /** Opening the pane on a 50,000-row sheet: the check. */
  check50kRows: number;
  /** Ghi kết quả on it: the fresh read, the check that nothing changed, the write. */
  write50kRows: number;
  /** The largest request of either, in bytes (Excel on the web refuses one over 5 MB). */
  largestRequestBytes: number;
  /** Opening (the check), the Sheets view (which sheets hold a table), the summary with the check after it. */
  summaryFlow30Sheets: { opening: number; sheetsView: number; summary: number; total: number };
}

export async function roundTrips(): Promise<RoundTrips> {
  let fake = installFake();
  // An Excel that tells the sheet's pages (ExcelApi 1.9, every current one): the block is placed on
  // them, the page's reads riding with the rows'.
  fake.supported.ExcelApi = "1.9";
  fake.addSheet("S", longTable(50000));
  await checkWorkbookSheet(opts);
  const check50kRows = fake.syncCount;
  await writeResults({ ...opts, sheet: "S" });
  const write50kRows = fake.syncCount - check50kRows;
  const largestRequestBytes = Math.max(...fake.requests.map((r) => r.bytesRead + r.bytesWritten));

  fake = installFake();
  const names = Array.from({ length: 30 }, (_, i) => `Đơn vị ${i + 1}`);
  // Each sheet its own unit (sheets of one unit are counted once).
  names.forEach((n, i) => fake.addSheet(n, fakeRows(template({ unit: `UBND HUYỆN SỐ ${i + 1}` }).rows)));
  const opened = await checkWorkbookSheet(opts);
  const opening = fake.syncCount;
  const found = await sheetsWithTable(opened.read, "vi");
  const sheetsView = fake.syncCount - opening;
  await makeUnitsSummary({ ...opts, sheet: opened.read.sheet }, found, "tong-hop.xlsx");
  const summary = fake.syncCount - opening - sheetsView;
  return {
    check50kRows,
    write50kRows,
    largestRequestBytes,
    summaryFlow30Sheets: { opening, sheetsView, summary, total: fake.syncCount },
  };
}
