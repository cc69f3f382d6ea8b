// The CLI as an officer's office runs it, process by process: the child processes' own CPU time
// and peak memory, the workbooks the comparisons run on (a batch of commune-sized workbooks, one
// 100,000-row sheet), writes up to the read bounds, and start-up. bench/peers.ts sets hoctap
// against the other readers and the floor on them.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { Zip, ZipDeflate } from "fflate";
import { bufferSource, PackageReader } from "../src/package/zip-read";
import { assessmentSheet } from "../test/fixtures/workbooks";
import { template } from "../test/helpers/grid";

const ROOT = join(__dirname, "..");
const BIN = join(ROOT, "lib", "cli", "main.js");

/**
 * A child's own peak memory in KB. Linux's VmHWM belongs to the process's memory since it started
 * its program; getrusage's maxRSS would also count the parent's size at the fork (this bench is big).
 */
const PEAK_KB = `(() => { try { return Number(/VmHWM:\\s+(\\d+)/.exec(require("fs").readFileSync("/proc/self/status", "utf8"))[1]); } catch { return process.resourceUsage().maxRSS; } })()`;

/** The child's own CPU time in ms, user + system, of every thread (the pool's workers included). */
const CPU_MS = `(() => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; })()`;

export interface Timed {
  ms: number;
  /** CPU time (user + system) the child reported of itself; NaN when it could not. */
  cpuMs: number;
  peakMB: number;
  code: number | null;
}

/** Runs node with args; wall time, peak memory (from the kernel's accounting of the child) and exit code. */
export function timed(args: string[], env: Record<string, string> = {}): Timed {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, {
    encoding: "utf8",
    env: { ...process.env, ...env },
    maxBuffer: 256 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  // /usr/bin/time is not everywhere: the child reports its own peak where it can.
  let peakMB = NaN;
  const m = /"maxRSS":(\d+)/.exec(r.stdout ?? "");
  if (m) peakMB = Math.round(Number(m[1]) / 1024);
  const cpu = /"cpuMs":([\d.]+)/.exec(r.stdout ?? "");
  // A wrapper around hoctap's main() reports main's exit code itself.
  const code = /"code":(\d+)/.exec(r.stdout ?? "");
  return { ms, cpuMs: cpu ? Number(cpu[1]) : NaN, peakMB, code: code ? Number(code[1]) : r.status };
}

/** The CLI run in-process by a wrapper that reports its peak memory after it ends. */
export function hoctapArgs(args: string[]): string[] {
  const io = `{ out() {}, warn() {}, error() {}, note() {}, progress: () => ({ tick() {}, step() {}, done() {} }), paint: { red: (s) => s, yellow: (s) => s, green: (s) => s, bold: (s) => s } }`;
  // The arguments as arguments: thousands of paths in the script itself would pass Linux's 128 KB per argument.
  return [
    "-e",
    `require(${JSON.stringify(BIN)}).main(process.argv.slice(1), ${io}).then((code) => process.stdout.write(JSON.stringify({ code, cpuMs: ${CPU_MS}, maxRSS: ${PEAK_KB} })));`,
    ...args,
  ];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] as number;

const UNITS = ["XÃ AN HÒA", "XÃ ĐẠI BẢN", "XÃ LÊ THIỆN", "XÃ TÂN TIẾN", "XÃ HỒNG PHONG", "THỊ TRẤN AN DƯƠNG"];
const LEVELS = ["Mức 1", "Mức 2", "Mức 3", "Đạt mức 2", "Không đạt"];

/** `n` commune-sized self-assessments (title, header, 16 indicators with data, evidence and a level, signature), varied. */
export async function communeWorkbooks(n: number): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), "hoctap-communes-"));
  const files: string[] = [];
  for (let i = 0; i < n; i++) {
    const wb = new ExcelJS.Workbook();
    const { rows } = template({
      unit: `ỦY BAN NHÂN DÂN ${UNITS[i % UNITS.length]} ${i + 1}`,
      indicator: (k) => ({
        level: LEVELS[(i + k) % LEVELS.length],
        data: k % 4 === 0 ? { v: ((i * 7 + k) % 100) / 100, f: "0.0%" } : `Có báo cáo số ${i}-${k}`,
        evidence: (i + k) % 11 === 0 ? null : `H${k}-0${i % 9}-${k}`,
      }),
    });
    assessmentSheet(wb, "Tự đánh giá", [
      ...rows,
      [],
      [null, null, null, "T/M ỦY BAN NHÂN DÂN"],
      [null, null, null, "CHỦ TỊCH"],
    ]);
    const file = join(dir, `xa-${String(i).padStart(4, "0")}.xlsx`);
    writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
    files.push(file);
  }
  return files;
}

/** A sheet of `n` indicator rows, each with an issue (no evidence, a level past the scale), streamed by ExcelJS. */
export async function sheetWithIssues(n: number): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "hoctap-issues-"));
  const path = join(dir, "loi.xlsx");
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path });
  const ws = wb.addWorksheet("Tự đánh giá");
  ws.addRow(["TT", "Nội dung", "Số liệu", "Minh chứng", "Tự đánh giá"]).commit();
  for (let i = 1; i <= n; i++)
    ws.addRow([`CB${i}`, "nội dung", "có", null, i % 2 ? "Mức 2" : "Mức 5"]).commit();
  await wb.commit();
  return path;
}

/** `check --out` of 100,000 rows with an issue on every row, then `clean` of what it wrote: medians. */
export async function bigWrite(rounds = 3) {
  const path = await sheetWithIssues(99_999);
  const out = join(path, "..", "ket-qua.xlsx");
  const clean = join(path, "..", "ban-sach.xlsx");
  const write: Timed[] = [];
  const cleaned: Timed[] = [];
  for (let i = 0; i < rounds; i++) {
    write.push(timed(hoctapArgs(["check", path, "--out", out])));
    // A clean copy of its own each round: an earlier round's (no longer the product's) is refused.
    cleaned.push(timed(hoctapArgs(["clean", out, "--out", clean.replace(/\.xlsx$/, `-${i}.xlsx`)])));
  }
  const mid = (xs: Timed[]) => ({
    ms: Math.round(median(xs.map((x) => x.ms))),
    peakMB: median(xs.map((x) => x.peakMB)),
    codes: xs.map((x) => x.code),
  });
  return { write: mid(write), clean: mid(cleaned) };
}

/** Start-up: `hoctap frameworks` against `require('exceljs')` and bare node, alternating. */
export function startup(rounds = 15) {
  const runs = {
    frameworks: [BIN, "frameworks"],
    requireExcelJS: ["-e", `require(${JSON.stringify(require.resolve("exceljs"))})`],
    node: ["-e", "0"],
  };
  const ms: Record<keyof typeof runs, number[]> = { frameworks: [], requireExcelJS: [], node: [] };
  for (let i = 0; i < rounds; i++)
    for (const [k, args] of Object.entries(runs)) ms[k as keyof typeof runs].push(timed(args).ms);
  return {
    frameworksMs: Math.round(median(ms.frameworks)),
    requireExcelJSMs: Math.round(median(ms.requireExcelJS)),
    nodeMs: Math.round(median(ms.node)),
  };
}

/** A table of `rows` indicator rows, each with `extra` more filled columns after the five (notes). */
export async function wideTable(rows: number, extra: number): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), "hoctap-wide-")), `bang-${rows}x${5 + extra}.xlsx`);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path });
  const ws = wb.addWorksheet("Tự đánh giá");
  const notes = Array.from({ length: extra }, (_, k) => `Ghi chú ${k + 1}`);
  ws.addRow(["TT", "Nội dung", "Số liệu", "Minh chứng", "Tự đánh giá", ...notes]).commit();
  for (let i = 1; i < rows; i++)
    ws.addRow([
      `CB${i}`,
      "nội dung",
      "có",
      i % 3 ? "H" : null,
      "Mức 2",
      ...notes.map((_, k) => k + i),
    ]).commit();
  await wb.commit();
  return path;
}

/**
 * The example commune's sheet with `mb` megabytes of whitespace between its rows, split by comments
 * (a producer's padding): the sheet part near the 128 MB a part may hold, the file a few hundred KB.
 */
export async function paddedSheet(mb: number): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), "hoctap-padded-")), `dem-${mb}mb.xlsx`);
  const pkg = await PackageReader.open(
    bufferSource(readFileSync(join(ROOT, "test", "fixtures", "examples", "huyen-an-duong.xlsx")))
  );
  const chunks: Uint8Array[] = [];
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    chunks.push(chunk);
  });
  for (const p of pkg.parts) {
    let data = await pkg.read(p.name);
    if (p.name === "xl/worksheets/sheet1.xml") {
      const xml = Buffer.from(data).toString("utf8");
      const rows = xml.split("</row>").length - 1;
      const kb = Math.floor((mb * 1024) / rows);
      const pad = Array.from({ length: kb }, () => `${" ".repeat(1023)}\n`).join("<!-- -->");
      data = Buffer.from(xml.split("</row>").join(`</row>${pad}`), "utf8");
    }
    const f = new ZipDeflate(p.name, { level: 6 });
    zip.add(f);
    f.push(data, true);
  }
  zip.end();
  pkg.close();
  writeFileSync(path, Buffer.concat(chunks));
  return path;
}

/** One CLI run's outcome, CPU and peak, as the bounds' table reports them. */
function figures(args: string[]) {
  const t = timed(hoctapArgs(args));
  const outcome = t.code === 0 || t.code === 1 ? `written, exit ${t.code}` : `exit ${t.code}`;
  return { outcome, ms: Math.round(t.ms), cpuMs: Math.round(t.cpuMs), peakMB: t.peakMB };
}

/**
 * `check --out` up to the read bounds: a 130,000-row table, a 1,000,000-cell one (100,000 rows of 10
 * columns) and a sheet padded with 120 MB of whitespace; each then checked again from its output
 * (a second run: the earlier results cleaned, then written) and cleaned. Outcome, time, CPU, peak.
 */
export async function boundWrites() {
  const one = async (what: string, path: string) => {
    const out = join(path, "..", "ket-qua.xlsx");
    const first = figures(["check", path, "--out", out]);
    const second = figures(["check", out, "--out", join(path, "..", "ket-qua-2.xlsx")]);
    const clean = figures(["clean", out, "--out", join(path, "..", "ban-sach.xlsx")]);
    return { what, ...first, second, clean };
  };
  return {
    rows130000: await one("130,000 rows, 650,000 cells", await wideTable(130_000, 0)),
    cells1000000: await one("100,000 rows, 1,000,000 cells", await wideTable(100_000, 5)),
    padded120MB: await one("a sheet padded with 120 MB of whitespace", await paddedSheet(120)),
  };
}
