// `hoctap summary`: many units side by side, for the city office that receives every district's workbook.
import { existsSync } from "node:fs";
import type { Lang } from "../core/model/lang";
import type { Copy, Duplicate } from "../core/plans/duplicates";
import { UNIT_UNKNOWN_SHORT } from "../core/plans/unit-words";
import { decisionSheet, decisionText, decisionUnits, leftOffLines } from "../core/plans/decision-list";
import {
  departmentRows,
  summaryRows,
  summarySheet,
  type SummaryEntry,
  type SummaryRow,
} from "../core/plans/summary";
import { WorkbookFileError, WRITE_ERRORS } from "../reader/file-error";
import { writePartsTo } from "../writer/files";
import { openWorkbook, type OpenWorkbook } from "../writer/open";
import { blankBook, sheetsParts } from "../writer/write";
import { batchInputs, sayHidden, Tally } from "./batch";
import { refuseInputAsOutput, refuseUnrelated, requireWorkbookName, writeFailure } from "./output";
import { commonFolder, fromCommon } from "./inputs";
import type { Console } from "./io";
import { checkAll } from "./pool";
import type { CheckOutcome } from "./check-task";
import type { CouncilReport } from "../core/checks/council";
import { fold } from "../core/model/text";
import { today } from "./check-command";
import { displayWidth, padToWidth } from "./width";

function table(rows: SummaryRow[], lang: Lang): string {
  const vi = lang === "vi";
  // The council's verdict beside the unit's own, when any unit carries one.
  const council = rows.some((r) => r.verified);
  const head = [
    vi ? "Tệp" : "File",
    vi ? "Trang tính" : "Sheet",
    vi ? "Đơn vị" : "Unit",
    vi ? "Mức" : "Level",
    vi ? "Kết quả" : "Result",
    ...(council ? [vi ? "Thẩm định" : "Verified", vi ? "Khác" : "Diff"] : []),
    vi ? "Lỗi" : "Err",
    vi ? "C.báo" : "Warn",
  ];
  const body = rows.map((r) => [
    r.file,
    r.sheet,
    r.unitName ?? (r.error === undefined ? UNIT_UNKNOWN_SHORT[lang] : ""),
    r.level === null ? "—" : String(r.level),
    r.label,
    ...(council ? [r.verified?.label ?? "", r.verified ? String(r.verified.differences) : ""] : []),
    r.errors === null ? "" : String(r.errors),
    r.warnings === null ? "" : String(r.warnings),
  ]);
  // Widths in terminal cells (a name written in NFD, as macOS writes file names, is as wide as in NFC).
  const widths = head.map((h, i) =>
    Math.min(i === 4 ? 64 : 40, Math.max(displayWidth(h), ...body.map((b) => displayWidth(b[i] ?? ""))))
  );
  const line = (cells: string[]) =>
    cells
      .map((c, i) => padToWidth(c, widths[i] ?? 0, i === 0 ? "end" : "start"))
      .join("  ")
      .trimEnd();
  return [line(head), line(widths.map((w) => "─".repeat(w))), ...body.map(line)].join("\n");
}

const baseName = (file: string) => fold(file.split(/[\\/]/).pop() ?? file);

/**
 * The product's own outputs among the inputs (`--out-dir` or `summary --out` inside the folder being
 * summarised): a summary workbook, and a copy with results of a unit's file that is among the inputs
 * too. Told by the marks in the package, not by the name: a copy is marked, and saved when its
 * original was (the writer keeps the workbook's properties as they were), where a workbook the
 * officer wrote results into with the add-in and saved is a later submission of its own, and counts.
 */
export function productOutputs(outcomes: CheckOutcome[]): Set<string> {
  const unitOf = (r: CouncilReport) =>
    r.unitName ? `${fold(r.unitName).replace(/\s+/g, " ").trim()}\u0000${r.framework.id}` : null;
  // When the workbook says it was saved; a file's own time differs between a copy and its original.
  const stamp = (o: CheckOutcome) => ("saved" in o && o.saved?.by === "workbook" ? o.saved.at : "");
  const units = new Set<string>();
  const sheets = new Set<string>();
  for (const o of outcomes) {
    if (o.marked || !("reports" in o)) continue;
    for (const r of o.reports) {
      const unit = unitOf(r);
      if (unit && stamp(o)) units.add(`${unit}\u0000${stamp(o)}`);
      sheets.add(`${baseName(o.file)}\u0000${fold(r.sheet)}\u0000${stamp(o)}`);
    }
  }
  const skipped = new Set<string>();
  for (const o of outcomes) {
    if (!o.marked) continue;
    if ("error" in o) {
      // No table of a unit's in it: a summary (or another sheet the tool made).
      if (o.error.code === "no-table") skipped.add(o.file);
      continue;
    }
    // A copy carrying the council's columns is the council's verification of the unit: it counts.
    if (o.reports.some((r) => r.council)) continue;
    const copy = o.reports.every((r) => {
      const unit = unitOf(r);
      return (
        (unit !== null && stamp(o) !== "" && units.has(`${unit}\u0000${stamp(o)}`)) ||
        sheets.has(`${baseName(o.file)}\u0000${fold(r.sheet)}\u0000${stamp(o)}`)
      );
    });
    if (copy) skipped.add(o.file);
  }
  return skipped;
}

/** One line for the product's outputs left out of the summary: which, and where they belong. */
function skippedLine(names: string[], lang: Lang): string {
  const shown = names.slice(0, 3).join(", ") + (names.length > 3 ? ", …" : "");
  return lang === "vi"
    ? `không tính ${names.length} tệp do công cụ ghi ra nằm trong thư mục đang tổng hợp (bản có kết quả của tệp đã có ở đây, hoặc bảng tổng hợp): ${shown}; nên để tệp kết quả ở ngoài thư mục nộp bài`
    : `${names.length} file(s) the tool wrote, inside the folder being summarised, not counted (copies with results of files already here, or summaries): ${shown}; keep results outside the folder of submissions`;
}

/** Checks every input into summary entries, files named by their path from the common folder. */
async function entriesOf(
  files: string[],
  opts: { lang: Lang; includeHidden?: boolean },
  io: Console,
  tally: Tally
): Promise<SummaryEntry[]> {
  const { lang } = opts;
  const entries: SummaryEntry[] = [];
  const common = commonFolder(files);
  const progress = io.progress(files.length);
  // The inputs through the lean reader, many at once, in the files' order.
  let n = 0;
  const options = { lang, includeHidden: opts.includeHidden === true };
  const outcomes: CheckOutcome[] = [];
  for await (const outcome of checkAll(files.map((file) => ({ file, options })))) {
    progress.tick(n++, outcome.file);
    outcomes.push(outcome);
  }
  progress.done();
  const skipped = productOutputs(outcomes);
  for (const outcome of outcomes) {
    const { file } = outcome;
    if (skipped.has(file)) continue;
    const name = fromCommon(file, common);
    if ("error" in outcome) {
      entries.push({ file: name, sheet: "", error: outcome.error.message });
      io.warn(`${file}: ${outcome.error.message}`);
      tally.add("unreadable");
      continue;
    }
    sayHidden(file, outcome.hidden, lang, io);
    const saved = outcome.saved ? { saved: outcome.saved } : {};
    for (const report of outcome.reports) entries.push({ file: name, sheet: report.sheet, report, ...saved });
    tally.add(outcome.reports.some((r) => r.counts.errors > 0) ? "errors" : "clean");
  }
  if (skipped.size > 0)
    io.warn(
      skippedLine(
        outcomes.filter((o) => skipped.has(o.file)).map((o) => fromCommon(o.file, common)),
        lang
      )
    );
  return entries;
}

/**
 * Writes the `Tổng hợp` sheet (and the decision list when asked) into OUT, its other sheets kept as
 * they are; the sheets' names, or null when it failed.
 */
async function writeSummary(
  out: string,
  entries: SummaryEntry[],
  opts: { lang: Lang; decision?: boolean },
  io: Console
): Promise<string[] | null> {
  const { lang } = opts;
  let opened: OpenWorkbook | undefined;
  try {
    const plans = [summarySheet(entries, lang, today())];
    if (opts.decision) plans.push(decisionSheet(decisionUnits(entries, lang), { lang }));
    const from = existsSync(out) ? (opened = await openWorkbook(out)) : await blankBook();
    const { parts, names } = await sheetsParts(from.pkg, from.snapshot, plans);
    await writePartsTo(out, parts, () => opened?.close());
    return names;
  } catch (e) {
    if (process.env.HOCTAP_DEBUG && !(e instanceof WorkbookFileError)) console.error(e);
    const failure = writeFailure(e, out);
    io.error(WRITE_ERRORS.has(failure.code) ? failure.say(lang) : `${out}: ${failure.say(lang)}`);
    return null;
  } finally {
    opened?.close();
  }
}

/** Every row, each with when it was saved; a copy not counted says which one is (`notCounted`). */
function jsonRows(entries: SummaryEntry[], duplicates: Duplicate[], lang: Lang) {
  const counted = new Map<string, Copy>();
  for (const d of duplicates) for (const c of d.dropped) counted.set(`${c.file}\u0000${c.sheet}`, d.kept);
  return summaryRows(entries, lang).map((row, i) => {
    const saved = entries[i]?.saved;
    const kept = counted.get(`${row.file}\u0000${row.sheet}`);
    return {
      ...row,
      ...(saved ? { saved } : {}),
      ...(kept
        ? { notCounted: { reason: "sent-twice", counted: { file: kept.file, sheet: kept.sheet } } }
        : {}),
    };
  });
}

/** Exit 0 when the summary was made, 2 when no input could be read. */
export async function runSummary(
  args: string[],
  opts: {
    out?: string;
    json?: boolean;
    lang: Lang;
    includeHidden?: boolean;
    decision?: boolean;
    force?: boolean;
  },
  io: Console
): Promise<number> {
  const { lang } = opts;
  const files = batchInputs(args, lang, io);
  // `summary A B --out A` would write into an input: refused before anything is read.
  if (opts.out) requireWorkbookName(opts.out, lang);
  if (opts.out) refuseInputAsOutput(files, opts.out, lang);
  // A workbook of the officer's gets the summary sheet only when asked (`--force`).
  if (opts.out) await refuseUnrelated([opts.out], lang, { force: opts.force, what: "add-sheet" });
  const tally = new Tally();
  const entries = await entriesOf(files, opts, io, tally);
  if (!entries.some((e) => e.report)) {
    io.error(
      lang === "vi"
        ? "không đọc được tệp nào: chưa có bảng tổng hợp"
        : "no input could be read: no summary made"
    );
    return 2;
  }
  const { rows, duplicates, lines, differences } = departmentRows(entries, lang);
  if (opts.json) io.out(JSON.stringify(jsonRows(entries, duplicates, lang), null, 2) + "\n");
  else if (!opts.out) io.out(table(rows, lang) + "\n");
  // The council's differences at their cells: under the table here, under `Tổng hợp` with --out.
  if (!opts.json && !opts.out && differences.length) io.out("\n" + differences.join("\n") + "\n");
  // The list as text beside the table; with --out it is written as its own sheet instead.
  if (opts.decision && !opts.json && !opts.out)
    io.out("\n" + decisionText(decisionUnits(entries, lang), lang));
  // Each unit sent more than once, in one line: which copy is counted and why.
  for (const line of lines) io.warn(line);
  // Each unit the list leaves off for the errors its check still has, in one line.
  if (opts.decision) for (const line of leftOffLines(decisionUnits(entries, lang), lang)) io.warn(line);
  if (files.length > 1) io.note(tally.line(lang));
  if (!opts.out) return 0;
  const names = await writeSummary(opts.out, entries, opts, io);
  if (names === null) return 2;
  const quoted = names.map((n) => `“${n}”`).join(lang === "vi" ? " và " : " and ");
  if (!opts.json)
    io.out(
      (lang === "vi"
        ? `Đã ghi trang tính ${quoted} vào ${opts.out}`
        : `${names.length > 1 ? "Sheets" : "Sheet"} ${quoted} written to ${opts.out}`) + "\n"
    );
  return 0;
}
