// `hoctap summary`: many units side by side, for the city office that receives every district's workbook.
import { existsSync } from "node:fs";
import ExcelJS from "exceljs";
import { checkWorkbook } from "../core/checks/check";
import type { Lang } from "../core/model/lang";
import { summaryRows, summarySheet, type SummaryEntry, type SummaryRow } from "../core/plans/summary";
import { installRawDefinedNames } from "../xlsx/names";
import { loadWorkbook, openWorkbook, WorkbookFileError, workbookSnapshot } from "../xlsx/read";
import { saveWorkbook, writeSheetPlan } from "../xlsx/sheets";
import { batchInputs, fileError, sayHidden, Tally, warnLostParts } from "./batch";
import { commonFolder, fromCommon } from "./inputs";
import type { Console } from "./io";

function table(rows: SummaryRow[], lang: Lang): string {
  const vi = lang === "vi";
  const head = [
    vi ? "Tệp" : "File",
    "Sheet",
    vi ? "Đơn vị" : "Unit",
    vi ? "Mức" : "Level",
    vi ? "Kết quả" : "Result",
    vi ? "Lỗi" : "Err",
    vi ? "C.báo" : "Warn",
  ];
  const body = rows.map((r) => [
    r.file,
    r.sheet,
    r.unitName ?? "",
    r.level === null ? "—" : String(r.level),
    r.label,
    r.errors === null ? "" : String(r.errors),
    r.warnings === null ? "" : String(r.warnings),
  ]);
  const widths = head.map((h, i) =>
    Math.min(i === 4 ? 64 : 40, Math.max(h.length, ...body.map((b) => (b[i] ?? "").length)))
  );
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.slice(0, widths[i]).padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  return [line(head), line(widths.map((w) => "─".repeat(w))), ...body.map(line)].join("\n");
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
  for (const [n, file] of files.entries()) {
    progress.tick(n, file);
    const name = fromCommon(file, common);
    try {
      const checked = checkWorkbook(workbookSnapshot(await loadWorkbook(file)), {
        lang,
        includeHidden: opts.includeHidden === true,
      });
      if (checked.checked.length === 0) throw new WorkbookFileError("no-table");
      sayHidden(file, checked, lang, io);
      for (const { check } of checked.checked)
        entries.push({ file: name, sheet: check.report.sheet, report: check.report });
      tally.add(checked.checked.some((c) => c.check.report.counts.errors > 0) ? "errors" : "clean");
    } catch (e) {
      const failure = fileError(e, file);
      entries.push({ file: name, sheet: "", error: failure.say(lang) });
      io.warn(`${file}: ${failure.say(lang)}`);
      tally.add("unreadable");
    }
  }
  progress.done();
  return entries;
}

/** Writes the `Tổng hợp` sheet into OUT (its other sheets kept); the sheet's name, or null when it failed. */
async function writeSummary(
  out: string,
  entries: SummaryEntry[],
  lang: Lang,
  io: Console
): Promise<string | null> {
  try {
    let wb: ExcelJS.Workbook;
    if (existsSync(out)) {
      const opened = await openWorkbook(out);
      warnLostParts(out, opened.bytes, lang, io);
      wb = opened.workbook;
    } else {
      wb = new ExcelJS.Workbook();
      installRawDefinedNames(wb);
    }
    const name = writeSheetPlan(wb, summarySheet(entries, lang));
    await saveWorkbook(wb, out);
    return name;
  } catch (e) {
    const failure = e instanceof WorkbookFileError ? e : new WorkbookFileError("cannot-write", out);
    io.error(failure.code === "cannot-write" ? failure.say(lang) : `${out}: ${failure.say(lang)}`);
    return null;
  }
}

/** Exit 0 when the summary was made, 2 when no input could be read. */
export async function runSummary(
  args: string[],
  opts: { out?: string; json?: boolean; lang: Lang; includeHidden?: boolean },
  io: Console
): Promise<number> {
  const { lang } = opts;
  const files = batchInputs(args, lang, io);
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
  const rows = summaryRows(entries, lang);
  if (opts.json) io.out(JSON.stringify(rows, null, 2) + "\n");
  else if (!opts.out) io.out(table(rows, lang) + "\n");
  if (files.length > 1) io.note(tally.line(lang));
  if (!opts.out) return 0;
  const name = await writeSummary(opts.out, entries, lang, io);
  if (name === null) return 2;
  if (!opts.json)
    io.out(
      (lang === "vi" ? `Đã ghi sheet “${name}” vào ${opts.out}` : `Sheet “${name}” written to ${opts.out}`) +
        "\n"
    );
  return 0;
}
