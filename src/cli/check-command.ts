// `hoctap check`: checks officers' .xlsx files, prints the report, optionally writes the results.
import { basename, join, resolve } from "node:path";
import { mkdir } from "node:fs/promises";
import { columnNumber } from "../core/model/a1";
import { builtinFramework } from "../core/sets/builtin";
import { checkWorkbook, type SheetReport, type WorkbookCheckOptions } from "../core/checks/check";
import type { Framework } from "../core/sets/framework";
import type { Lang } from "../core/model/lang";
import type { ColumnMap, Role } from "../core/table/header";
import { formatDay, planResults } from "../core/plans/write-plan";
import { assessmentSummary } from "../core/plans/summary";
import { WorkbookFileError } from "../reader/file-error";
import type { WorkbookSnapshot } from "../core/model/snapshot";
import { checkAll } from "./pool";
import { formatReport } from "./format";
import { UsageError, type Console } from "./io";

export interface CheckCliOptions {
  framework?: string;
  sheet?: string;
  json?: boolean;
  out?: string;
  outDir?: string;
  lang: Lang;
  map?: string;
}

export type FileResult =
  | (SheetReport & { file: string })
  | { schemaVersion: 1; file: string; error: { code: string; message: string } };

// A Map, not an object: `--map __proto__=F` must be a usage error, not a prototype lookup.
const ROLES = new Map<string, Role>(
  (["level", "data", "evidence", "content", "code"] as const).map((r) => [r, r])
);

export function parseMap(text: string | undefined, lang: Lang): ColumnMap {
  const map: ColumnMap = {};
  if (!text) return map;
  for (const part of text.split(",")) {
    const m = /^\s*(\w+)\s*=\s*([A-Za-z]{1,3})\s*$/.exec(part);
    const role = m ? ROLES.get((m[1] ?? "").toLowerCase()) : undefined;
    if (!m || !role) {
      throw new UsageError(
        lang === "vi"
          ? `--map không hợp lệ: “${part}”. Ví dụ: --map level=F,data=D,evidence=E`
          : `invalid --map: “${part}”. Example: --map level=F,data=D,evidence=E`
      );
    }
    map[role] = columnNumber(m[2] ?? "A");
  }
  return map;
}

export function today(): string {
  return formatDay(new Date());
}

function chooseFramework(id: string | undefined, lang: Lang): Framework | undefined {
  if (id === undefined || id === "auto") return undefined;
  const fw = builtinFramework(id);
  if (!fw) {
    throw new UsageError(
      lang === "vi"
        ? `không có bộ tiêu chí “${id}”; xem danh sách bằng: hoctap frameworks`
        : `no criteria set “${id}”; list them with: hoctap frameworks`
    );
  }
  return fw;
}

/** Checks every file; returns the exit code (0 no errors, 1 errors found, 2 a file could not be checked). */
export async function runCheck(files: string[], opts: CheckCliOptions, io: Console): Promise<number> {
  const { lang } = opts;
  const vi = lang === "vi";
  if (opts.out && files.length > 1) {
    throw new UsageError(
      vi
        ? "--out chỉ dùng với một tệp; với nhiều tệp hãy dùng --out-dir"
        : "--out takes one input; use --out-dir for several"
    );
  }
  const framework = chooseFramework(opts.framework, lang);
  const columns = parseMap(opts.map, lang);
  if (!opts.out && !opts.outDir)
    return checkOnly(files, { framework, columns, lang, sheet: opts.sheet }, opts, io);
  if (opts.outDir) await mkdir(opts.outDir, { recursive: true });
  // Writing copies goes through ExcelJS, loaded only now: checking alone never needs it.
  const { openWorkbook, workbookSnapshot } = await import("../xlsx/read");
  const { applyPlan, partsLostByCopy } = await import("../xlsx/apply");
  const { saveWorkbook, writeSheetPlan } = await import("../xlsx/sheets");
  const results: FileResult[] = [];
  let exit = 0;
  const progress = io.progress(files.length);
  const day = today();
  for (const [n, file] of files.entries()) {
    progress.tick(n, file);
    const target = opts.out ?? (opts.outDir ? join(opts.outDir, basename(file)) : undefined);
    if (target && resolve(target) === resolve(file)) {
      throw new UsageError(
        vi
          ? "tệp kết quả phải khác tệp gốc: tệp của cán bộ không bao giờ bị sửa"
          : "the output must differ from the input: the officer's file is never modified"
      );
    }
    let checked: ReturnType<typeof checkWorkbook>;
    let opened: Awaited<ReturnType<typeof openWorkbook>>;
    let snapshot: WorkbookSnapshot;
    try {
      opened = await openWorkbook(file);
      snapshot = workbookSnapshot(opened.workbook);
      checked = checkWorkbook(snapshot, { framework, columns, lang, sheet: opts.sheet });
      if (checked.length === 0)
        throw opts.sheet ? new WorkbookFileError("no-sheet", opts.sheet) : new WorkbookFileError("no-table");
    } catch (e) {
      const failure = e instanceof WorkbookFileError ? e : new WorkbookFileError("corrupt");
      results.push({ schemaVersion: 1, file, error: { code: failure.code, message: failure.say(lang) } });
      io.error(`${file}: ${failure.say(lang)}`);
      exit = 2;
      continue;
    }
    for (const { check } of checked) {
      results.push({ ...check.report, file });
      if (check.report.counts.errors > 0) exit = Math.max(exit, 1);
      if (!opts.json) io.out(formatReport(file, check.report, lang, io.paint) + "\n");
    }
    if (!target) continue;
    const lost = partsLostByCopy(opened.bytes);
    if (lost.length > 0) {
      io.warn(
        vi
          ? `${file}: bản ghi ra sẽ mất ${lost.join(", ")}; để giữ nguyên, hãy ghi kết quả bằng add-in trong Excel.`
          : `${file}: the written copy will lose ${lost.join(", ")}; to keep them, write the results from the add-in in Excel.`
      );
    }
    const wb = opened.workbook;
    for (const { sheet, check } of checked) {
      applyPlan(wb, planResults(snapshot, sheet, check, { lang, today: day }));
      writeSheetPlan(wb, assessmentSummary(check, { lang, today: day }));
    }
    try {
      await saveWorkbook(wb, target);
      if (!opts.json) io.out((vi ? `Đã ghi kết quả vào ${target}` : `Results written to ${target}`) + "\n");
    } catch (e) {
      // The report above stands; only the copy could not be written.
      const failure = e instanceof WorkbookFileError ? e : new WorkbookFileError("cannot-write", target);
      io.error(`${file}: ${failure.say(lang)}`);
      exit = 2;
    }
  }
  progress.done();
  if (opts.json) io.out(JSON.stringify(results, null, 2) + "\n");
  return exit;
}

/** Nothing to write: every file through the lean reader, many at once, reported in the files' order. */
async function checkOnly(
  files: string[],
  options: WorkbookCheckOptions,
  opts: CheckCliOptions,
  io: Console
): Promise<number> {
  const { lang } = opts;
  const results: FileResult[] = [];
  let exit = 0;
  const progress = io.progress(files.length);
  let n = 0;
  for await (const outcome of checkAll(files.map((file) => ({ file, options })))) {
    const { file } = outcome;
    progress.tick(n++, file);
    if ("error" in outcome) {
      results.push({ schemaVersion: 1, file, error: outcome.error });
      io.error(`${file}: ${outcome.error.message}`);
      exit = 2;
      continue;
    }
    for (const report of outcome.reports) {
      results.push({ ...report, file });
      if (report.counts.errors > 0) exit = Math.max(exit, 1);
      if (!opts.json) io.out(formatReport(file, report, lang, io.paint) + "\n");
    }
  }
  progress.done();
  if (opts.json) io.out(JSON.stringify(results, null, 2) + "\n");
  return exit;
}
