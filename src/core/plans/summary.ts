// Summaries: one assessment on a sheet of its own (`KQ <sheet>`), and many units side by side
// (`Tổng hợp`), as sheet plans the adapters write.
import type { SheetCheck, SheetReport } from "../checks/check";
import { levelLabel } from "../checks/messages";
import { resultLabel } from "../checks/headline";
import { type Lang } from "../model/lang";
import type { PlanValue } from "../model/snapshot";
import { fitWidths, levelFill, type SheetPlan } from "./sheet-plan";
import { maxOf } from "../model/max";

const say = (lang: Lang, vi: string, en: string) => (lang === "vi" ? vi : en);

/** The `KQ <sheet>` sheet: the unit, the set, the day, the result, standards and criteria, counts. */
export function assessmentSummary(check: SheetCheck, opts: { today: string; lang?: Lang }): SheetPlan {
  const lang = opts.lang ?? "vi";
  const { report, framework } = check;
  const label = (l: number | null) => levelLabel(framework, l, lang);
  const rows: PlanValue[][] = [
    [say(lang, `KẾT QUẢ KIỂM TRA TỰ ĐÁNH GIÁ — ${report.sheet}`, `SELF-ASSESSMENT CHECK — ${report.sheet}`)],
    [say(lang, "Đơn vị", "Unit"), report.unitName ?? ""],
    [say(lang, "Bộ tiêu chí", "Criteria set"), `${framework.title[lang]} (${framework.id})`],
    [say(lang, "Ngày kiểm tra", "Checked on"), opts.today],
    [say(lang, "Mức công nhận", "Recognition level"), report.recognition.level, resultLabel(report, lang)],
    [say(lang, "Số lỗi", "Errors"), report.counts.errors],
    [say(lang, "Số cảnh báo", "Warnings"), report.counts.warnings],
    [],
    [say(lang, "Tiêu chuẩn / tiêu chí", "Standard / criterion"), say(lang, "Mức", "Level")],
  ];
  const fills: SheetPlan["fills"] = [
    { range: { top: 5, left: 2, bottom: 5, right: 3 }, color: levelFill(report.recognition.level) },
  ];
  const boldRows = [0, 4, 8];
  for (const s of report.standards) {
    rows.push([s.code, label(s.level)]);
    boldRows.push(rows.length - 1);
    fills.push({
      range: { top: rows.length, left: 2, bottom: rows.length, right: 2 },
      color: levelFill(s.level),
    });
    for (const c of report.criteria.filter((x) => s.criteria.includes(x.number))) {
      rows.push([`   ${c.code}`, label(c.level)]);
      fills.push({
        range: { top: rows.length, left: 2, bottom: rows.length, right: 2 },
        color: levelFill(c.level),
      });
    }
  }
  rows.push([]);
  rows.push([say(lang, "Mức của chỉ báo", "Indicator level"), say(lang, "Số chỉ báo", "Indicators")]);
  boldRows.push(rows.length - 1);
  const first = rows.length + 1;
  for (const l of [...framework.levels.map((x) => x.level), null]) {
    const n = report.indicators.filter((i) => i.level === l).length;
    if (l === null && n === 0) continue;
    rows.push([label(l), n]);
  }
  return {
    name: `KQ ${report.sheet}`,
    rows,
    boldRows,
    widths: [34, 40, 14],
    fills,
    print: { orientation: "portrait" },
    chart: {
      title: say(lang, "Số chỉ báo theo mức", "Indicators by level"),
      categories: { top: first, left: 1, bottom: rows.length, right: 1 },
      values: { top: first, left: 2, bottom: rows.length, right: 2 },
    },
  };
}

export interface SummaryEntry {
  file: string;
  sheet: string;
  report?: SheetReport;
  /** Why the file or sheet could not be read. */
  error?: string;
}

export interface SummaryRow {
  file: string;
  sheet: string;
  unitName: string | null;
  framework: string | null;
  level: number | null;
  label: string;
  errors: number | null;
  warnings: number | null;
  indicators: Record<string, number | null>;
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

/** The `Tổng hợp` sheet: header in row 1, one row per assessed sheet, a totals row below. */
export function summarySheet(entries: SummaryEntry[], lang: Lang = "vi"): SheetPlan {
  const rows = summaryRows(entries, lang);
  const indicatorCount = maxOf(
    rows.map((r) => Object.keys(r.indicators).length),
    16
  );
  const cb = Array.from({ length: indicatorCount }, (_, i) => `CB${i + 1}`);
  const header: PlanValue[] = [
    say(lang, "Tệp", "File"),
    "Sheet",
    say(lang, "Đơn vị", "Unit"),
    say(lang, "Bộ tiêu chí", "Criteria set"),
    say(lang, "Mức công nhận", "Recognition level"),
    say(lang, "Kết quả", "Result"),
    say(lang, "Lỗi", "Errors"),
    say(lang, "Cảnh báo", "Warnings"),
    ...cb,
  ];
  const body: PlanValue[][] = rows.map((r) => [
    r.file,
    r.sheet,
    r.unitName,
    r.framework,
    r.level,
    r.label,
    r.errors,
    r.warnings,
    ...cb.map((k) => r.indicators[k] ?? null),
  ]);
  const fills: NonNullable<SheetPlan["fills"]> = [];
  rows.forEach((r, i) => {
    if (r.error !== undefined) return;
    const row = i + 2;
    fills.push({ range: { top: row, left: 5, bottom: row, right: 6 }, color: levelFill(r.level) });
    cb.forEach((k, j) => {
      if (k in r.indicators)
        fills.push({
          range: { top: row, left: 9 + j, bottom: row, right: 9 + j },
          color: levelFill(r.indicators[k] ?? null),
        });
    });
  });
  const assessed = rows.filter((r) => r.error === undefined);
  const byLevel = [3, 2, 1, 0, null]
    .map((l) => [l, assessed.filter((r) => r.level === l).length] as const)
    .filter(([l, n]) => l !== null || n > 0)
    .map(
      ([l, n]) =>
        `${l === null ? say(lang, "Chưa xác định", "Undetermined") : l === 0 ? say(lang, "Không đạt", "Not achieved") : say(lang, `Mức ${l}`, `Level ${l}`)}: ${n}`
    )
    .join("; ");
  const totals: PlanValue[] = [
    say(lang, "Tổng cộng", "Total"),
    say(lang, `${assessed.length} đơn vị`, `${assessed.length} units`),
    null,
    null,
    null,
    byLevel,
    assessed.reduce((s, r) => s + (r.errors ?? 0), 0),
    assessed.reduce((s, r) => s + (r.warnings ?? 0), 0),
  ];
  const all = [header, ...body, totals];
  const chartRows: PlanValue[][] = [
    [],
    [say(lang, "Mức công nhận", "Recognition level"), say(lang, "Số đơn vị", "Units")],
  ];
  for (const l of [0, 1, 2, 3])
    chartRows.push([
      l === 0 ? say(lang, "Không đạt", "Not achieved") : say(lang, `Mức ${l}`, `Level ${l}`),
      assessed.filter((r) => r.level === l).length,
    ]);
  const chartTop = all.length + 3;
  return {
    name: SUMMARY_SHEET,
    rows: [...all, ...chartRows],
    boldRows: [0, all.length - 1, all.length + 1],
    widths: fitWidths(all).map((w, i) => (i >= 8 ? Math.max(w, 6) : w)),
    freezeRows: 1,
    autoFilter: { top: 1, left: 1, bottom: 1 + body.length, right: header.length },
    fills,
    print: { orientation: "landscape", titleRows: [1, 1] },
    chart: {
      title: say(lang, "Số đơn vị theo mức công nhận", "Units by recognition level"),
      categories: { top: chartTop, left: 1, bottom: chartTop + 3, right: 1 },
      values: { top: chartTop, left: 2, bottom: chartTop + 3, right: 2 },
    },
  };
}
