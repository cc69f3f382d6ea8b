// Summaries: one assessment on a sheet of its own (`KQ <sheet>`, in assessment-sheet.ts), and many
// units side by side (`Tổng hợp`: its rows here, its sheet in units-sheet.ts).
import type { CouncilReport } from "../checks/council";
import { resultLabel } from "../checks/headline";
import { say, type Lang } from "../model/lang";
import { withoutOptions } from "../model/officer-words";

import { duplicateLine, sentTwice, type Duplicate, type SavedAt } from "./duplicates";
import type { SheetPlan } from "./sheet-plan";
import { unitsSheet, type SummaryRow } from "./units-sheet";

export { assessmentSummary } from "./assessment-sheet";
export type { SummaryRow } from "./units-sheet";

export interface SummaryEntry {
  file: string;
  sheet: string;
  /** The sheet's report, with the council's verdict when the sheet has the council's columns. */
  report?: CouncilReport;
  /** Why the file or sheet could not be read. */
  error?: string;
  /** When the copy was last saved: tells a unit's later submission from its first. */
  saved?: SavedAt;
}

const code = (r: CouncilReport) => r.framework.layers.indicator.code;

/**
 * The set's names of the leaves (`4.2`: chỉ tiêu 2 của tiêu chí 4, from the place the check named
 * them by), when they are not running numbers: `Tổng hợp` heads its columns with them.
 */
function leafCodes(r: CouncilReport): { codes?: string[] } {
  const codes: string[] = [];
  for (const i of r.indicators) codes[i.number - 1] = i.label?.split(" ")[0] || String(i.number);
  return codes.some((c, k) => c !== String(k + 1))
    ? { codes: Array.from(codes, (c, k) => c ?? String(k + 1)) }
    : {};
}

export function summaryRows(entries: SummaryEntry[], lang: Lang = "vi"): SummaryRow[] {
  return entries.map((e) => {
    const r = e.report;
    if (!r) {
      return {
        file: e.file,
        sheet: e.sheet,
        unitName: null,
        framework: null,
        level: null,
        // No reason given (a sheet skipped without one): no dangling colon.
        label: e.error
          ? say(
              lang,
              `Không đọc được: ${withoutOptions(e.error)}`,
              `Could not be read: ${withoutOptions(e.error)}`
            )
          : say(lang, "Không đọc được", "Could not be read"),
        errors: null,
        warnings: null,
        indicators: {},
        error: e.error ?? "",
      };
    }
    return {
      file: e.file,
      sheet: r.sheet,
      unitName: r.unitName,
      framework: r.framework.id,
      level: r.recognition.level,
      label: resultLabel(r, lang),
      errors: r.counts.errors,
      warnings: r.counts.warnings,
      // Keyed by the set's own code (`CT1`, `CB1`): two sets' leaves never share a column.
      indicators: Object.fromEntries(r.indicators.map((i) => [`${code(r)}${i.number}`, i.level])),
      set: {
        title: r.framework.title,
        leaf: r.framework.layers.indicator.name,
        levels: r.framework.levels,
        ...leafCodes(r),
      },
      ...(r.council
        ? {
            verified: {
              level: r.council.level,
              label: r.council.label,
              differences: r.council.differences.length,
            },
          }
        : {}),
    };
  });
}

export const SUMMARY_SHEET = "Tổng hợp";

/**
 * Every target where the council differs from a unit's self-assessment, one line each at the council's
 * cell (the unit, its file and sheet, the target, both answers, the council's note), under a heading
 * line; none when no unit counted has a difference.
 */
export function differenceLines(entries: SummaryEntry[], lang: Lang = "vi"): string[] {
  const lines = entries.flatMap((e) =>
    (e.report?.council?.differences ?? []).map((d) => {
      const where = `${e.report?.unitName ?? e.file} — ${e.file}, ${e.sheet}`;
      const note = d.note ? say(lang, `; ý kiến: ${d.note}`, `; note: ${d.note}`) : "";
      return say(
        lang,
        `${where}, ô ${d.cell}, ${d.target}: tự đánh giá ${d.commune}; Hội đồng: ${d.council}${note}`,
        `${where}, cell ${d.cell}, ${d.target}: self-assessed ${d.commune}; council: ${d.council}${note}`
      );
    })
  );
  if (lines.length === 0) return [];
  return [
    say(
      lang,
      "Chỗ Hội đồng thẩm định đánh giá khác tự đánh giá, tại ô của Hội đồng:",
      "Where the council differs from the self-assessment, at the council's cell:"
    ),
    ...lines,
  ];
}

/**
 * The department's view: each unit once (units sent twice counted by their later copy), the lines that
 * say so, and the council's differences in the units counted.
 */
export function departmentRows(
  entries: SummaryEntry[],
  lang: Lang = "vi"
): { rows: SummaryRow[]; duplicates: Duplicate[]; lines: string[]; differences: string[] } {
  const { counted, duplicates } = sentTwice(entries);
  return {
    rows: summaryRows(counted, lang),
    duplicates,
    lines: duplicates.map((d) => duplicateLine(d, lang)),
    differences: differenceLines(counted, lang),
  };
}

/** The `Tổng hợp` sheet: a title and the day, one row per unit (each counted once), a totals row. */
export function summarySheet(entries: SummaryEntry[], lang: Lang = "vi", today?: string): SheetPlan {
  const { rows, lines, differences } = departmentRows(entries, lang);
  return unitsSheet(rows, { name: SUMMARY_SHEET, lang, today, notes: [...lines, ...differences] });
}
