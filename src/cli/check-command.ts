// `hoctap check`: checks officers' .xlsx files (named, in folders, or by wildcard), prints the report,
// optionally writes the results into copies that mirror the inputs' folders.
import { mkdir, stat } from "node:fs/promises";
import { dirname, join, resolve, sep } from "node:path";
import { checkWorkbook, type CheckOptions, type SheetReport } from "../core/checks/check";
import type { Lang } from "../core/model/lang";
import { assessmentSummary } from "../core/plans/summary";
import { formatDay, planResults } from "../core/plans/write-plan";
import { WorkbookFileError } from "../reader/file-error";
import { openWorkbook, type OpenWorkbook } from "../writer/open";
import { writePartsTo, WriteInterrupted } from "../writer/files";
import { columnWidths, givenParts, resultsParts, type WriteNote } from "../writer/write";
import { planCouncilColumns } from "../core/plans/council-columns";
import { wordsForUse } from "./sheet-use-words";
import { ownedRanges } from "../core/model/owned";
import { batchInputs, fileError, sayHidden, Tally, type Outcome } from "./batch";
import { refuseInputAsOutput, refuseUnrelated, requireWorkbookName, sayBounds, writeFailure } from "./output";
import { checkFile, type CheckOutcome } from "./check-task";
import { formatReport } from "./format";
import { councilColumns, councilReading, councilText, withCouncil } from "../core/checks/council";
import { verifiedSummary } from "../core/plans/verified-sheet";
import { commonFolder, fromCommon } from "./inputs";
import { UsageError, type Console } from "./io";
import { SheetNotFound } from "./no-sheet";
import { parseMap, parseRow } from "./options";
import { loadSet } from "./sets";
import { checkAll } from "./pool";
import { writeJson } from "./json-out";

export interface CheckCliOptions {
  framework?: string;
  sheet?: string;
  json?: boolean;
  out?: string;
  outDir?: string;
  lang: Lang;
  map?: string;
  headerRow?: string;
  lastRow?: string;
  /** `--dieu-kien vung-kho-khan[,…]`: conditions of the unit that hold. */
  dieuKien?: string;
  includeHidden?: boolean;
  /** `--chi-tiet`: the rule codes in the text report too. */
  chiTiet?: boolean;
  /** `--tham-dinh`: the council's columns added to the copy written (pre-filled with the unit's answers). */
  thamDinh?: boolean;
  /** `--force`: replace an existing output that is not one the product wrote. */
  force?: boolean;
}

export type FileResult =
  | (SheetReport & { file: string })
  | { schemaVersion: 1; file: string; error: { code: string; message: string } };

export function today(): string {
  return formatDay(new Date());
}

interface Run {
  opts: CheckCliOptions;
  check: CheckOptions & { sheet?: string; includeHidden?: boolean };
  io: Console;
  results: FileResult[];
  day: string;
  progress: ReturnType<Console["progress"]>;
}

async function coreOptions(opts: CheckCliOptions): Promise<Run["check"]> {
  const { lang } = opts;
  const map = parseMap(opts.map, lang);
  const check: Run["check"] = { columns: map.columns, lang };
  const framework = await loadSet(opts.framework ?? "auto", lang, true);
  const headerRow = parseRow(opts.headerRow, "--header-row", lang);
  const lastRow = parseRow(opts.lastRow, "--last-row", lang);
  if (framework) check.framework = framework;
  if (map.levelColumns) check.levelColumns = map.levelColumns;
  if (headerRow !== undefined) check.headerRow = headerRow;
  if (lastRow !== undefined) check.lastRow = lastRow;
  if (opts.dieuKien)
    check.conditions = opts.dieuKien
      .split(",")
      .map((c) => c.trim())
      .filter(Boolean);
  if (opts.sheet !== undefined) check.sheet = opts.sheet;
  if (opts.includeHidden) check.includeHidden = true;
  return check;
}

const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1).replace(".", ",")} MB`;

/** Reads and checks one file to write from; a file that cannot be checked is recorded and said in one line. */
async function readAndCheck(file: string, run: Run) {
  const vi = run.opts.lang === "vi";
  let opened: OpenWorkbook | undefined;
  try {
    const size = await stat(file).then(
      (s) => s.size,
      () => 0
    );
    run.progress.step(vi ? `Đang đọc ${file} (${mb(size)})…` : `Reading ${file} (${mb(size)})…`);
    opened = await openWorkbook(file);
    run.progress.step(vi ? `Đang kiểm tra ${file}…` : `Checking ${file}…`);
    const checked = checkWorkbook(opened.snapshot, run.check);
    if (checked.checked.length === 0)
      throw run.check.sheet
        ? new SheetNotFound(
            run.check.sheet,
            opened.snapshot.sheets.map((s) => s.name)
          )
        : new WorkbookFileError("no-table");
    return { opened, checked };
  } catch (e) {
    opened?.close();
    const failure = fileError(e, file);
    run.results.push({
      schemaVersion: 1,
      file,
      error: { code: failure.code, message: failure.say(run.opts.lang) },
    });
    run.io.error(`${file}: ${failure.say(run.opts.lang)}`);
    return null;
  }
}

/** Writes the copy with the results, surgically (the officer's parts as they were); false when it could not be written. */
async function writeCopy(
  file: string,
  target: string,
  read: NonNullable<Awaited<ReturnType<typeof readAndCheck>>>,
  run: Run
) {
  const { lang } = run.opts;
  const { opened } = read;
  try {
    const results = [];
    for (const { sheet, check } of read.checked.checked) {
      // Beside the council's columns its notes run long: measured against the widths the sheet shows.
      const council = councilColumns(sheet, check);
      const note = council?.note ?? null;
      const first = check.report.indicators[0]?.row ?? check.layout.headerRow;
      const columnWidth = council
        ? await columnWidths(opened.pkg, sheet.name, note === null ? undefined : { row: first, col: note })
        : undefined;
      const plan = planResults(opened.snapshot, sheet, check, {
        lang,
        today: run.day,
        ...(columnWidth ? { columnWidth } : {}),
      });
      sayBounds(file, sheet.name, plan.bounds, lang, run.io);
      // With the council's columns, its verified bản tổng hợp beside the unit's own.
      const reading = council ? councilReading(opened.snapshot, sheet, check, lang) : null;
      results.push({
        sheet: sheet.name,
        plan,
        summary: assessmentSummary(check, { lang, today: run.day, sheet }),
        ...(reading ? { verified: verifiedSummary(check, reading, sheet) } : {}),
      });
    }
    run.progress.step(lang === "vi" ? `Đang ghi ${target}…` : `Writing ${target}…`);
    const parts = await resultsParts(opened.pkg, opened.snapshot, results, (n) =>
      run.io.warn(`${file}: ${writeNote(n, lang)}`)
    );
    // --out-dir mirrors the inputs' folders; --out writes only where the officer said.
    if (run.opts.outDir) await mkdir(dirname(target), { recursive: true });
    await writePartsTo(target, parts, () => opened.close());
    if (!run.opts.json)
      run.io.out((lang === "vi" ? `Đã ghi kết quả vào ${target}` : `Results written to ${target}`) + "\n");
    return true;
  } catch (e) {
    // The report above stands; only the copy could not be written.
    if (e instanceof WriteInterrupted) throw e;
    const failure = writeFailure(e, target);
    if (process.env.HOCTAP_DEBUG && !(e instanceof WorkbookFileError)) console.error(e);
    run.io.error(`${file}: ${failure.say(lang)}`);
    return false;
  } finally {
    opened.close();
  }
}

/**
 * `--tham-dinh`: the council's columns written into the copy first (when the sheet has none yet),
 * then the copy read and checked again, so the results go beside them and the verdict reads them.
 */
async function withCouncilColumns(
  file: string,
  target: string,
  read: NonNullable<Awaited<ReturnType<typeof readAndCheck>>>,
  run: Run
): Promise<Awaited<ReturnType<typeof readAndCheck>> | "failed"> {
  const { opened, checked } = read;
  const plans = checked.checked.flatMap(({ sheet, check }) => {
    const plan = planCouncilColumns(sheet, check, run.opts.lang, ownedRanges(opened.snapshot, sheet.name));
    return plan ? [plan] : [];
  });
  if (plans.length === 0) return read;
  try {
    const parts = await givenParts(opened.pkg, plans, opened.snapshot);
    if (run.opts.outDir) await mkdir(dirname(target), { recursive: true });
    await writePartsTo(target, parts, () => opened.close());
  } catch (e) {
    if (e instanceof WriteInterrupted) throw e;
    run.io.error(`${file}: ${writeFailure(e, target).say(run.opts.lang)}`);
    return "failed";
  } finally {
    opened.close();
  }
  return readAndCheck(target, run);
}

/** One line for what a write did beyond the results: a former KQ sheet replaced, or kept. */
export function writeNote(n: WriteNote, lang: Lang): string {
  const vi = lang === "vi";
  if (n.kind === "stale-replaced")
    return vi
      ? `trang tính “${n.sheet}” đã đổi tên từ lần ghi trước: trang tính kết quả cũ “${n.was}” được thay bằng “${n.now}”`
      : `sheet “${n.sheet}” was renamed since the last write: its former result sheet “${n.was}” is replaced by “${n.now}”`;
  const { where, change } = wordsForUse(n.usedBy, lang);
  return vi
    ? `trang tính “${n.sheet}” đã đổi tên từ lần ghi trước: giữ lại trang tính kết quả cũ “${n.was}” vì ${where} dùng nó; kết quả mới ghi ở trang tính riêng (sửa ${change} rồi xoá trang tính cũ nếu không cần)`
    : `sheet “${n.sheet}” was renamed since the last write: its former result sheet “${n.was}” is kept because ${where} uses it; the new results are on a sheet of their own (change ${change}, then delete the old sheet if not needed)`;
}

async function checkOne(
  file: string,
  target: string | undefined,
  run: Run
): Promise<{ exit: number; outcome: Outcome }> {
  const first = await readAndCheck(file, run);
  const read =
    first && target && run.opts.thamDinh ? await withCouncilColumns(file, target, first, run) : first;
  if (!read || read === "failed") return { exit: 2, outcome: "unreadable" };
  const { checked } = read;
  const reports = checked.checked.map((c) => withCouncil(read.opened.snapshot, c, run.opts.lang));
  const hidden = {
    skipped: checked.hiddenSkipped,
    onlyHidden: checked.onlyHidden,
    checked: checked.checked.map((c) => c.sheet.name),
  };
  const one = report({ file, reports, hidden }, run);
  if (target && !(await writeCopy(file, target, read, run))) return { exit: 2, outcome: one.outcome };
  return one;
}

/** Prints and records one file's outcome. */
function report(outcome: CheckOutcome, run: Run): { exit: number; outcome: Outcome } {
  const { file } = outcome;
  if ("error" in outcome) {
    run.results.push({ schemaVersion: 1, file, error: outcome.error });
    run.io.error(`${file}: ${outcome.error.message}`);
    return { exit: 2, outcome: "unreadable" };
  }
  sayHidden(file, outcome.hidden, run.opts.lang, run.io);
  let exit = 0;
  for (const r of outcome.reports) {
    run.results.push({ ...r, file });
    if (r.counts.errors > 0) exit = 1;
    if (!run.opts.json)
      run.io.out(formatReport(file, r, run.opts.lang, run.io.paint, { codes: run.opts.chiTiet }) + "\n");
    if (!run.opts.json && r.council) run.io.out("\n" + councilText(r.council, run.opts.lang) + "\n");
  }
  return { exit, outcome: exit === 1 ? "errors" : "clean" };
}

/** Nothing to write: every file through the lean reader, many at once, reported in the files' order. */
async function checkOnly(files: string[], run: Run, tally: Tally): Promise<number> {
  const vi = run.opts.lang === "vi";
  let exit = 0;
  let n = 0;
  const jobs = files.map((file) => ({ file, options: run.check }));
  const only = jobs.length === 1 ? (jobs[0] as (typeof jobs)[number]) : null;
  if (only) {
    // One file, perhaps a large one: say what is being done.
    const size = await stat(only.file).then(
      (s) => s.size,
      () => 0
    );
    const outcome = await checkFile(only, (phase) =>
      run.progress.step(
        phase === "read"
          ? vi
            ? `Đang đọc ${only.file} (${mb(size)})…`
            : `Reading ${only.file} (${mb(size)})…`
          : vi
            ? `Đang kiểm tra ${only.file}…`
            : `Checking ${only.file}…`
      )
    );
    const one = report(outcome, run);
    tally.add(one.outcome);
    return one.exit;
  }
  for await (const outcome of checkAll(jobs)) {
    run.progress.tick(n++, outcome.file);
    const one = report(outcome, run);
    exit = Math.max(exit, one.exit);
    tally.add(one.outcome);
  }
  return exit;
}

const inside = (file: string, dir: string) => resolve(file).startsWith(resolve(dir) + sep);

/** Checks every file; returns the exit code (0 no errors, 1 errors found, 2 a file could not be checked). */
export async function runCheck(args: string[], opts: CheckCliOptions, io: Console): Promise<number> {
  const vi = opts.lang === "vi";
  const check = await coreOptions(opts);
  // A previous run's results inside the output folder are not inputs.
  const files = batchInputs(args, opts.lang, io).filter((f) => !opts.outDir || !inside(f, opts.outDir));
  if (files.length === 0)
    throw new UsageError(
      vi ? "mọi tệp đều nằm trong thư mục kết quả --out-dir" : "every file is inside the --out-dir folder"
    );
  if (opts.out) requireWorkbookName(opts.out, opts.lang);
  if (opts.thamDinh && !opts.out && !opts.outDir)
    throw new UsageError(
      vi
        ? "--tham-dinh thêm cột của Hội đồng vào bản ghi ra: dùng kèm --out hoặc --out-dir"
        : "--tham-dinh adds the council's columns to the copy written: use it with --out or --out-dir"
    );
  if (opts.out && files.length > 1)
    throw new UsageError(
      vi
        ? "--out chỉ dùng với một tệp; với nhiều tệp hãy dùng --out-dir"
        : "--out takes one input; use --out-dir for several"
    );
  const common = commonFolder(files);
  const targetOf = (f: string) =>
    opts.out ?? (opts.outDir ? join(opts.outDir, fromCommon(f, common)) : undefined);
  for (const f of files) {
    const target = targetOf(f);
    if (target) refuseInputAsOutput(opts.out ? files : [f], target, opts.lang);
  }
  // Before anything is read or written: an existing output must be one of the product's.
  const targets = files.map(targetOf).filter((t): t is string => t !== undefined);
  await refuseUnrelated(targets, opts.lang, { force: opts.force, what: "replace" });
  const run: Run = { opts, check, io, results: [], day: today(), progress: io.progress(files.length) };
  const tally = new Tally();
  let exit = 0;
  if (!opts.out && !opts.outDir) exit = await checkOnly(files, run, tally);
  else
    for (const [n, file] of files.entries()) {
      run.progress.tick(n, file);
      const one = await checkOne(file, targetOf(file), run);
      exit = Math.max(exit, one.exit);
      tally.add(one.outcome);
    }
  run.progress.done();
  if (opts.json) {
    // In pieces: a big sheet's report is never one string of some 18 million characters.
    writeJson(run.results, (piece) => io.out(piece));
    io.out("\n");
  }
  if (files.length > 1) (opts.json ? io.note : (l: string) => io.out(`${l}\n`))(tally.line(opts.lang));
  return exit;
}
