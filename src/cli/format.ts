// The readable report the CLI prints for one checked sheet.
import type { SheetReport } from "../core/checks/check";
import { resultHeadline, validityLine } from "../core/checks/headline";
import type { Lang } from "../core/model/lang";
import { quoteSheetName } from "../core/model/a1";
import { fold } from "../core/model/text";
import { displayWidth, padToWidth, shown } from "./width";
import { UNIT_UNKNOWN } from "../core/plans/unit-words";

export interface Paint {
  red(s: string): string;
  yellow(s: string): string;
  green(s: string): string;
  bold(s: string): string;
}

export const plain: Paint = { red: (s) => s, yellow: (s) => s, green: (s) => s, bold: (s) => s };
export const ansi: Paint = {
  red: (s) => `\x1b[31m${s}\x1b[39m`,
  yellow: (s) => `\x1b[33m${s}\x1b[39m`,
  green: (s) => `\x1b[32m${s}\x1b[39m`,
  bold: (s) => `\x1b[1m${s}\x1b[22m`,
};

const lv = (l: number | null) => (l === null ? "—" : String(l));

/** A terminal shows this many issue (and indicator) lines of a sheet; `--json` has them all. */
export const SHOWN_ISSUES = 50;
export const SHOWN_INDICATORS = 100;

export const count = (n: number, lang: Lang) => n.toLocaleString(lang === "vi" ? "vi-VN" : "en-US");

/** `… và 49.990 lỗi khác` for the lines left out. */
function more(hidden: SheetReport["issues"], lang: Lang): string {
  const errors = hidden.filter((i) => i.severity === "error").length;
  const warnings = hidden.length - errors;
  const parts =
    lang === "vi"
      ? [errors ? `${count(errors, lang)} lỗi` : "", warnings ? `${count(warnings, lang)} cảnh báo` : ""]
      : [
          errors ? `${count(errors, lang)} more error(s)` : "",
          warnings ? `${count(warnings, lang)} more warning(s)` : "",
        ];
  const list = parts.filter(Boolean).join(lang === "vi" ? ", " : " and ");
  return lang === "vi"
    ? `  … và ${list} khác (xem đủ bằng --json)`
    : `  … and ${list} (all of them with --json)`;
}

/** One line of aligned columns, each cut and padded to its width in terminal cells. */
export function columns(cells: string[], widths: number[]): string {
  return cells
    .map((c, i) => (i === cells.length - 1 ? shown(c) : padToWidth(c, widths[i] ?? 0)))
    .join(" ")
    .trimEnd();
}

/** A code that only repeats its leaf's name (`1.1` beside 1.1, `Chỉ báo 3` beside 3) says nothing more. */
function repeatsLabel(code: string, label: string, layer: string): boolean {
  const c = fold(code).replace(/[\s.:)]+$/, "");
  return c === fold(label) || c === fold(`${layer} ${label}`);
}

function indicatorLines(r: SheetReport, lang: Lang): string[] {
  const vi = lang === "vi";
  const layer = r.framework.layers.indicator.name;
  const shownLeaves = r.indicators.slice(0, SHOWN_INDICATORS);
  // The sheet's own codes get a column only where they say something the leaf's name does not
  // (`a)` lettering, an office's numbering); repeated, they only doubled every line.
  const withCode = shownLeaves.some((i) => !repeatsLabel(i.code, i.label ?? String(i.number), layer));
  // The leaf column headed with the set's own word (`Chỉ tiêu`, `Chỉ báo`), each leaf as messages
  // name it (`4.2 (b)`, never a running number).
  const first = Math.max(8, displayWidth(layer)) + 1;
  const widths = withCode ? [first, 15, 6, 5] : [first, 6, 5];
  const code = ([name, ...levels]: string[], c: string) =>
    withCode ? [name ?? "", c, ...levels] : [name ?? "", ...levels];
  const heading = vi ? [layer, "Tự ĐG", "Tính", "Mức"] : [layer, "Self", "Comp", "Level"];
  const out = ["  " + columns(code(heading, vi ? "Mã" : "Code"), widths)];
  for (const i of shownLeaves)
    out.push(
      "  " +
        columns(
          code([i.label ?? String(i.number), lv(i.selfLevel), lv(i.computedLevel), lv(i.level)], i.code),
          widths
        )
    );
  const rest = r.indicators.length - SHOWN_INDICATORS;
  if (rest > 0)
    out.push(
      vi
        ? `  … và ${count(rest, lang)} ${layer.toLocaleLowerCase("vi")} khác`
        : `  … and ${count(rest, lang)} more`
    );
  return out;
}

/** What a text report shows besides the officer's words. */
export interface ReportOptions {
  /** `--chi-tiet`: each issue's rule code (`[missing-evidence]`), as `--json` names it. */
  codes?: boolean;
}

function issueLines(r: SheetReport, lang: Lang, paint: Paint, options: ReportOptions): string[] {
  const vi = lang === "vi";
  if (r.issues.length === 0)
    return [paint.green(vi ? "Không có lỗi hay cảnh báo." : "No errors or warnings.")];
  const out = r.issues.slice(0, SHOWN_ISSUES).map((i) => {
    const tag =
      i.severity === "error" ? paint.red(vi ? "LỖI" : "ERROR") : paint.yellow(vi ? "CẢNH BÁO" : "WARNING");
    // A cell of another sheet (the criteria sheet) is named with its sheet, as Excel writes it.
    const cell = i.cell && i.sheet !== r.sheet ? `${quoteSheetName(i.sheet)}!${i.cell}` : (i.cell ?? "—");
    return `  ${tag} ${cell} ${options.codes ? `[${i.rule}] ` : ""}${i.message}`;
  });
  if (r.issues.length > SHOWN_ISSUES) out.push(more(r.issues.slice(SHOWN_ISSUES), lang));
  return out;
}

export function formatReport(
  file: string,
  r: SheetReport,
  lang: Lang,
  paint: Paint = plain,
  options: ReportOptions = {}
): string {
  const vi = lang === "vi";
  const out: string[] = [];
  out.push(paint.bold(`${file} — ${vi ? "trang tính" : "sheet"} “${r.sheet}”`));
  // The set by its title, as the officer knows it; its id is for --framework and --json.
  out.push(`${vi ? "Đơn vị" : "Unit"}: ${r.unitName ?? UNIT_UNKNOWN[lang]}`);
  out.push(`${vi ? "Bộ tiêu chí" : "Criteria set"}: ${r.framework.title}`);
  out.push(`${vi ? "Bảng" : "Table"}: ${vi ? "dòng" : "rows"} ${r.table.headerRow}–${r.table.lastRow}`);
  out.push("", ...indicatorLines(r, lang), "", ...issueLines(r, lang, paint, options), "");
  const level = r.recognition.level;
  const headline = resultHeadline(r, lang);
  const colour = level === null || r.counts.errors > 0 ? paint.yellow : level > 0 ? paint.green : paint.red;
  out.push(paint.bold(colour(headline)));
  // The headline carries the level when there is one; without, the label says why (undetermined, not achieved).
  if (level === null || level === 0)
    out.push(`${vi ? "Mức công nhận" : "Recognition"}: ${r.recognition.label}`);
  for (const reason of r.recognition.reasons) out.push(`  – ${reason}`);
  const held = validityLine(r, lang);
  if (held) out.push(held);
  out.push(
    `${vi ? "Lỗi" : "Errors"}: ${count(r.counts.errors, lang)}; ${vi ? "cảnh báo" : "warnings"}: ${count(r.counts.warnings, lang)}`
  );
  return out.join("\n");
}
