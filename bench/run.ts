// `npm run bench`: the figures behind the README's claims, printed as a table and written to
// bench/results.json. Measured, not asserted: the tests check behaviour, this file measures it.
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { gzipSync } from "node:zlib";
import ExcelJS from "exceljs";
import { checkSheet } from "../src/core/checks/check";
import { planResults } from "../src/core/plans/write-plan";
import { applyPlan, readSheet } from "../src/excel/connector";
import { checkFile } from "../src/cli/check-task";
import { makeUnitsSummary } from "../src/taskpane/actions";
import { fakeRows, installFake } from "../test/excel/install-fake";
import { roundTrips } from "../test/excel/round-trips";
import { sheet, template, workbook, type In } from "../test/helpers/grid";
import { bigWrite, boundWrites, communeWorkbooks, startup } from "./cli";
import {
  batchAgainstPeers,
  bigSheetAgainstPeers,
  bigSheetFile,
  say,
  snapshotBytesPerCell,
  type Comparison,
  type Figures,
} from "./peers";
import { householdsCase, type PaneFigures } from "./pane";
import { hostileCorpus } from "./hostile";

const ROOT = join(__dirname, "..");
const results: Record<string, unknown> = {};
const rows: [string, string][] = [];
const note = (what: string, value: string) => rows.push([what, value]);

function officerGrid(n: number): In[][] {
  const grid: In[][] = [["TT", "Nội dung", "Số liệu", "Minh chứng", "Tự đánh giá"]];
  for (let i = 1; grid.length < n; i++) grid.push([`CB${i}`, "nội dung", "có", "H", "Mức 2"]);
  return grid;
}

async function officeSyncs(): Promise<void> {
  const read: Record<string, number> = {};
  const write: Record<string, number> = {};
  for (const n of [20, 2000, 20000]) {
    const fake = installFake();
    fake.addSheet("S", officerGrid(n) as never);
    const t0 = performance.now();
    const r = await readSheet("S");
    read[n] = fake.syncCount;
    const s = r.snapshot.sheets[0]!;
    const check = checkSheet(r.snapshot, s)!;
    const before = fake.syncCount;
    await applyPlan(planResults(r.snapshot, s, check, { today: "01/01/2026" }), r);
    write[n] = fake.syncCount - before;
    const ms = performance.now() - t0;
    note(
      `Office adapter, ${n} rows`,
      `read ${read[n]} syncs, write ${write[n]} syncs, end to end ${ms.toFixed(0)} ms`
    );
    if (n === 20000) results.office = { ...(results.office as object), checkMs20000Rows: Math.round(ms) };
  }
  const trips = await roundTrips();
  note(
    "Pane, 50,000-row sheet",
    `check ${trips.check50kRows} syncs, Ghi kết quả ${trips.write50kRows} syncs (largest request ${trips.largestRequestBytes} bytes)`
  );
  const flow = trips.summaryFlow30Sheets;
  note(
    "Pane, summary flow over 30 sheets",
    `${flow.total} syncs: opening ${flow.opening}, Sheets view ${flow.sheetsView}, summary with the check after ${flow.summary}`
  );
  results.syncs = {
    read,
    write,
    summary30Sheets: await summarySyncs(30),
    check50kRows: trips.check50kRows,
    write50kRows: trips.write50kRows,
    summaryFlow30Sheets: flow,
  };
}

/** The 50,000-household form: what a check reads and how long the answer takes, now and before. */
async function officeHouseholds(): Promise<void> {
  const { before, after } = await householdsCase();
  const say = (f: PaneFigures) =>
    `${f.syncs} syncs, ${f.cells.toLocaleString("en-US")} cells read; ${f.totalMs} ms in all, ` +
    `the pane's own ${f.paneMs} ms (check ${f.checkMs}, drawing ${f.renderMs})`;
  note("Office adapter, 50,000 households under the table: check", say(after));
  note("Office adapter, same sheet read whole (before; a write still does)", say(before));
  results.office = {
    ...(results.office as object),
    households50000Rows: { check: after, wholeRead: before },
  };
}

/** The pane's summary over `n` ordinary sheets: reading them all and writing the `Tổng hợp` sheet. */
async function summarySyncs(n: number): Promise<number> {
  const fake = installFake();
  const names = Array.from({ length: n }, (_, i) => `Đơn vị ${i + 1}`);
  for (const name of names) fake.addSheet(name, fakeRows(template().rows));
  await makeUnitsSummary({ frameworkId: "auto", columns: {}, lang: "vi" }, names, "tong-hop.xlsx");
  note(`Office adapter, summary over ${n} sheets`, `${fake.syncCount} syncs in all (read and write)`);
  return fake.syncCount;
}

function bundle(): void {
  const files = readdirSync(join(ROOT, "dist")).filter((f) => f.endsWith(".js"));
  let total = 0;
  for (const f of files) {
    const gz = gzipSync(readFileSync(join(ROOT, "dist", f)), { level: 9 }).length;
    total += gz;
    note(`bundle dist/${f}`, `${gz} bytes gzipped`);
  }
  note("bundle total (budget 120,000)", `${total} bytes gzipped`);
  results.bundle = { gzipBytes: total, budget: 120000 };
}

async function cliRatio(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "hoctap-bench-"));
  const examples = join(ROOT, "test", "fixtures", "examples");
  const sources = readdirSync(examples).map((f) => join(examples, f));
  const files = Array.from({ length: 200 }, (_, i) => {
    const to = join(dir, `w${i}.xlsx`);
    copyFileSync(sources[i % sources.length] as string, to);
    return to;
  });
  const excel = (f: string) => new ExcelJS.Workbook().xlsx.readFile(f);
  // What `hoctap check` does with each file: the lean reader, then the check.
  const ours = (f: string) => checkFile({ file: f, options: {} });
  for (const f of files.slice(0, 20)) {
    await excel(f);
    await ours(f); // warm up both
  }
  // File by file, the two alternate, so the machine's drift touches both alike; 5 rounds, the median.
  const rounds: { a: number; b: number }[] = [];
  for (let round = 0; round < 5; round++) {
    let a = 0;
    let b = 0;
    for (const f of files) {
      let t = performance.now();
      await excel(f);
      a += performance.now() - t;
      t = performance.now();
      await ours(f);
      b += performance.now() - t;
    }
    rounds.push({ a, b });
  }
  rounds.sort((x, y) => x.b / x.a - y.b / y.a);
  const mid = rounds[2] as { a: number; b: number };
  const ratio = mid.b / mid.a;
  note(
    "CLI: 200 workbooks, ExcelJS readFile alone",
    `${mid.a.toFixed(0)} ms (${(mid.a / 200).toFixed(2)} ms each)`
  );
  note(
    "CLI: 200 workbooks, hoctap check in one process",
    `${mid.b.toFixed(0)} ms (ratio ${ratio.toFixed(3)}, aim ≤ 1.25)`
  );
  results.cli = { ratioToExcelJS: Math.round(ratio * 1000) / 1000 };
}

/** A comparison's figures as results.json keeps them: hoctap's, each other's, and the ratios. */
function kept(c: Comparison, files: number) {
  const f = c.figures;
  return {
    files,
    bestPeer: c.bestPeer,
    ratioToBestPeer: c.ratioToBestPeer,
    ratioToFloor: c.ratioToFloor,
    ratioToSheetJS: (f.sheetjs as Figures).ratio.median,
    ...Object.fromEntries(Object.entries(f).map(([name, x]) => [name, x])),
  };
}

async function cliBatchAndBigSheet(): Promise<void> {
  const files = await communeWorkbooks(660);
  const batch = batchAgainstPeers(files);
  for (const line of say(batch)) note("CLI: summary of 660 commune workbooks (CPU)", line);
  const bigFile = await bigSheetFile();
  const big = bigSheetAgainstPeers(bigFile);
  for (const line of say(big)) note("CLI: one 100,000-row sheet, check --json (CPU)", line);
  const held = snapshotBytesPerCell(bigFile);
  note(
    "CLI: one 100,000-row sheet, its snapshot",
    `${held.cells} cells in ${held.heapMB} MB of heap, ${held.bytesPerCell} B a cell`
  );
  const start = startup();
  note(
    "CLI: start-up, hoctap frameworks / require('exceljs') / node alone",
    `${start.frameworksMs} / ${start.requireExcelJSMs} / ${start.nodeMs} ms`
  );
  const ours = big.figures.hoctap as Figures;
  results.cli = {
    ...(results.cli as object),
    batch: kept(batch, files.length),
    bigSheet: { rows: 100000, ...kept(big, 1), snapshot: held },
    peakRssMB: ours.peakMB,
    startup: start,
  };
}

/** The load average over the last minute, said beside figures measured on a shared machine. */
const load = () => Math.round((loadavg()[0] ?? 0) * 10) / 10;

/** `check --out` and `clean` of large tables, and second runs from their outputs (`BENCH_ONLY=writes`). */
async function writes(): Promise<void> {
  const loadBefore = load();
  const written = await bigWrite();
  note(
    "CLI: check --out of 100,000 rows with an issue on every row / clean of it",
    `${written.write.ms} ms, peak ${written.write.peakMB} MB, exit ${written.write.codes.join(",")} / ${written.clean.ms} ms, peak ${written.clean.peakMB} MB, exit ${written.clean.codes.join(",")}`
  );
  const bounds = await boundWrites();
  for (const b of Object.values(bounds))
    note(
      `CLI: check --out of ${b.what} / a second run / clean`,
      `${b.outcome}, CPU ${b.cpuMs} ms, peak ${b.peakMB} MB / ${b.second.outcome}, CPU ${b.second.cpuMs} ms, peak ${b.second.peakMB} MB / ${b.clean.outcome}, CPU ${b.clean.cpuMs} ms, peak ${b.clean.peakMB} MB`
    );
  const loads = [loadBefore, load()];
  note("CLI: the writes' load average (1 min), before / after", loads.join(" / "));
  results.cli = {
    ...(results.cli as object),
    writeBigMs: written.write.ms,
    writeBigPeakMB: written.write.peakMB,
    cleanBigMs: written.clean.ms,
    cleanBigPeakMB: written.clean.peakMB,
    writeToBounds: { ...bounds, loadAverage: loads },
  };
}

async function hostile(): Promise<void> {
  const rs = await hostileCorpus();
  for (const r of rs)
    note(
      `hostile: ${r.file}`,
      `${r.lean.outcome}, ${r.lean.ms} ms, ${r.lean.peakMB} MB; check --out: ${r.written.outcome}, ${r.written.ms} ms, ${r.written.peakMB} MB`
    );
  results.hostile = rs;
}

function coreRate(): void {
  const s = sheet("S", template().rows);
  const wb = workbook([s]);
  let n = 0;
  const t = performance.now();
  while (performance.now() - t < 1000) {
    checkSheet(wb, s);
    n++;
  }
  const rate = Math.round(n / ((performance.now() - t) / 1000));
  note("core: a 16-indicator assessment checked and scored", `${rate} per second`);
  results.core = { assessmentsPerSecond: rate };
}

/**
 * Every part, or those BENCH_ONLY names (`office,bundle,cli,writes,hostile,core`, comma-separated; `cli` includes `writes`): the
 * others' figures are then kept as bench/results.json has them.
 */
async function main(): Promise<void> {
  const only = process.env.BENCH_ONLY?.split(",");
  const runs = (part: string) => !only || only.includes(part);
  if (only) Object.assign(results, JSON.parse(readFileSync(join(__dirname, "results.json"), "utf8")));
  if (runs("office")) {
    await officeSyncs();
    await officeHouseholds();
  }
  if (runs("bundle")) bundle();
  if (runs("cli")) {
    await cliRatio();
    await cliBatchAndBigSheet();
  }
  if (runs("cli") || only?.includes("writes")) await writes();
  if (runs("hostile")) await hostile();
  if (runs("core")) coreRate();
  const width = Math.max(...rows.map(([w]) => w.length));
  for (const [what, value] of rows) console.log(`${what.padEnd(width)}  ${value}`);
  writeFileSync(join(__dirname, "results.json"), JSON.stringify(results, null, 2) + "\n");
  console.log("\nwritten: bench/results.json");
}

void main();
