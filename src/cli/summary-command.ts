// `hoctap summary`: many units side by side, for the city office that receives every district's workbook.
import { basename } from "node:path";
import { existsSync } from "node:fs";
import ExcelJS from "exceljs";
import { checkWorkbook } from "../core/checks/check";
import type { Lang } from "../core/model/lang";
import { summaryRows, summarySheet, type SummaryEntry, type SummaryRow } from "../core/plans/summary";
import { installRawDefinedNames } from "../xlsx/names";
import { loadWorkbook, WorkbookFileError, workbookSnapshot } from "../xlsx/read";
import { saveWorkbook, writeSheetPlan } from "../xlsx/sheets";
import type { Console } from "./io";
import { today } from "./check-command";

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
    basename(r.file),
    r.sheet,
    r.unitName ?? "",
    r.level === null ? "—" : String(r.level),
    r.label,
    r.errors === null ? "" : String(r.errors),
    r.warnings === null ? "" : String(r.warnings),
  ]);
  const widths = head.map((h, i) =>
    Math.min(40, Math.max(h.length, ...body.map((b) => (b[i] ?? "").length)))
  );
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.slice(0, widths[i]).padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  return [line(head), line(widths.map((w) => "─".repeat(w))), ...body.map(line)].join("\n");
}

/** Exit 0 when the summary was made, 2 when no input could be read. */
export async function runSummary(
  files: string[],
  opts: { out?: string; json?: boolean; lang: Lang },
  io: Console
): Promise<number> {
  const { lang } = opts;
  const entries: SummaryEntry[] = [];
  const progress = io.progress(files.length);
  for (const [n, file] of files.entries()) {
    progress.tick(n, file);
    try {
      const checked = checkWorkbook(workbookSnapshot(await loadWorkbook(file)), { lang });
      if (checked.length === 0) throw new WorkbookFileError("no-table");
      for (const { check } of checked)
        entries.push({ file: basename(file), sheet: check.report.sheet, report: check.report });
    } catch (e) {
      const failure = e instanceof WorkbookFileError ? e : new WorkbookFileError("corrupt");
      entries.push({ file: basename(file), sheet: "", error: failure.say(lang) });
      io.warn(`${file}: ${failure.say(lang)}`);
    }
  }
  progress.done();
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
  if (opts.out) {
    // An existing workbook keeps its other sheets; the product's own summary sheet is replaced.
    let wb: ExcelJS.Workbook;
    let name: string;
    try {
      if (existsSync(opts.out)) wb = await loadWorkbook(opts.out);
      else {
        wb = new ExcelJS.Workbook();
        installRawDefinedNames(wb);
      }
      name = writeSheetPlan(wb, summarySheet(entries, lang, today()));
      await saveWorkbook(wb, opts.out);
    } catch (e) {
      const failure = e instanceof WorkbookFileError ? e : new WorkbookFileError("cannot-write", opts.out);
      io.error(failure.code === "cannot-write" ? failure.say(lang) : `${opts.out}: ${failure.say(lang)}`);
      return 2;
    }
    if (!opts.json)
      io.out(
        (lang === "vi"
          ? `Đã ghi sheet “${name}” vào ${opts.out}`
          : `Sheet “${name}” written to ${opts.out}`) + "\n"
      );
  }
  return 0;
}
