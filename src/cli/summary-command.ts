// `hoctap summary`: many units side by side, for the city office that receives every district's workbook.
import { basename } from "node:path";
import { existsSync } from "node:fs";
import type ExcelJS from "exceljs";
import type { Lang } from "../core/model/lang";
import { summaryRows, summarySheet, type SummaryEntry, type SummaryRow } from "../core/plans/summary";
import { WorkbookFileError } from "../reader/file-error";
import type { Console } from "./io";
import { checkAll } from "./pool";

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
  // The inputs through the lean reader, many at once, in the files' order.
  let n = 0;
  for await (const outcome of checkAll(files.map((file) => ({ file, options: { lang } })))) {
    const { file } = outcome;
    progress.tick(n++, file);
    if ("error" in outcome) {
      entries.push({ file: basename(file), sheet: "", error: outcome.error.message });
      io.warn(`${file}: ${outcome.error.message}`);
      continue;
    }
    for (const report of outcome.reports) entries.push({ file: basename(file), sheet: report.sheet, report });
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
      // Writing goes through ExcelJS, loaded only now.
      const { default: Excel } = await import("exceljs");
      const { loadWorkbook } = await import("../xlsx/read");
      const { installRawDefinedNames } = await import("../xlsx/names");
      const { saveWorkbook, writeSheetPlan } = await import("../xlsx/sheets");
      if (existsSync(opts.out)) wb = await loadWorkbook(opts.out);
      else {
        wb = new Excel.Workbook();
        installRawDefinedNames(wb);
      }
      name = writeSheetPlan(wb, summarySheet(entries, lang));
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
