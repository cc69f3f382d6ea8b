// Summaries: one assessment on a sheet of its own (`KQ <sheet>`, in assessment-sheet.ts), and many
// units side by side (`Tổng hợp`: its rows here, its sheet in units-sheet.ts).
import type { SheetReport } from "../checks/check";
import { resultLabel } from "../checks/headline";
import { type Lang } from "../model/lang";

import type { SheetPlan } from "./sheet-plan";
import { unitsSheet, type SummaryRow } from "./units-sheet";

export { assessmentSummary } from "./assessment-sheet";
export type { SummaryRow } from "./units-sheet";

const say = (lang: Lang, vi: string, en: string) => (lang === "vi" ? vi : en);

export interface SummaryEntry {
  file: string;
  sheet: string;
  report?: SheetReport;
  /** Why the file or sheet could not be read. */
  error?: string;
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
        label: say(lang, `Không đọc được: ${e.error ?? ""}`, `Could not be read: ${e.error ?? ""}`),
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
      indicators: Object.fromEntries(r.indicators.map((i) => [`CB${i.number}`, i.level])),
    };
  });
}

export const SUMMARY_SHEET = "Tổng hợp";

/** The `Tổng hợp` sheet: a title and the day, one row per assessed sheet, a totals row. */
export function summarySheet(entries: SummaryEntry[], lang: Lang = "vi", today?: string): SheetPlan {
  return unitsSheet(summaryRows(entries, lang), { name: SUMMARY_SHEET, lang, today });
}
