// Checking one officer's sheet: read the table (no set needed), choose the set, validate every
// indicator row, score it and say why. Pure: a snapshot in, a report out.
import { columnLetters } from "../model/a1";
import { countIssues, type Issue } from "../model/issues";
import { type Lang } from "../model/lang";
import { ownedRanges, storedMapping } from "../model/owned";
import type { SheetSnapshot, WorkbookSnapshot } from "../model/snapshot";
import { builtinForKind } from "../sets/builtin";
import { isCriteriaSheetName, readCriteriaSheet } from "../sets/criteria-sheet";
import { counts as countsOf, maxLevel, type Framework } from "../sets/framework";
import type { ColumnMap, TableLayout, TableOverride } from "../table/header";
import { readTable, type TableRead } from "../table/read";
import { kindFromTitles } from "../table/unit";
import { groupResults, type CriterionResult, type StandardResult } from "./groups";
import { scoreIndicator, type IndicatorResult } from "./indicator";
import { describeReason, levelLabel } from "./messages";
import type { Level, Reason } from "./scoring";
import { issueSink, type Push } from "./sink";
import { checkColumns, checkCounts } from "./table-checks";

export type { IndicatorResult } from "./indicator";
export type { GroupResult } from "./groups";

/**
 * What the officer may choose instead of what is detected (the CLI's options, the pane's *Chọn
 * cột*); each falls back to the mapping stored in the workbook (`HocTap_Cot_…`, `HocTap_Dong_…`).
 */
export interface CheckOptions {
  /** A criteria set to use instead of choosing one from the indicator count. */
  framework?: Framework;
  /** Columns by role (`level`, `data`, `evidence`, `content`, `code`), 1-based. */
  columns?: ColumnMap;
  /** One column per level, first to last (`--map level=F:I`); wins over `columns.level`. */
  levelColumns?: { left: number; right: number };
  /** The header's (top) row. */
  headerRow?: number;
  /** The table's last row: nothing below it is read. */
  lastRow?: number;
  lang?: Lang;
}

export interface SheetReport {
  schemaVersion: 1;
  sheet: string;
  unitName: string | null;
  framework: { id: string; kind: Framework["kind"] };
  /** Where the table was read: header row, last row, columns by letter (`F:I` for per-level columns). */
  table: { headerRow: number; lastRow: number; columns: Partial<Record<keyof ColumnMap, string>> };
  indicators: IndicatorResult[];
  criteria: CriterionResult[];
  standards: StandardResult[];
  recognition: { level: Level; label: string; reasons: string[] };
  issues: Issue[];
  counts: { errors: number; warnings: number };
}

/** What the write plan needs beyond the report. */
export interface SheetCheck {
  report: SheetReport;
  framework: Framework;
  layout: TableLayout;
  /** Last sheet row of the table (its last standard, criterion or indicator row, or merged block). */
  lastTableRow: number;
}

/** Chooses the set: the indicator count decides (16 → district, 20 → city); title words break ties. */
export function chooseKind(indicatorCount: number, titles: string[]): "district" | "city" {
  const district = countsOf(builtinForKind("district")).indicators;
  const city = countsOf(builtinForKind("city")).indicators;
  if (indicatorCount === district) return "district";
  if (indicatorCount === city) return "city";
  const byTitle = kindFromTitles(titles);
  if (byTitle) return byTitle;
  return Math.abs(indicatorCount - city) < Math.abs(indicatorCount - district) ? "city" : "district";
}

/** The officer's choices, over the mapping stored in the workbook. */
export function tableOverride(wb: WorkbookSnapshot, sheet: string, options: CheckOptions): TableOverride {
  const stored = storedMapping(wb, sheet);
  const over: TableOverride = { columns: { ...stored.columns, ...options.columns } };
  const levelColumns =
    options.levelColumns ?? (options.columns?.level === undefined ? stored.levelColumns : undefined);
  const headerRow = options.headerRow ?? stored.headerRow;
  const lastRow = options.lastRow ?? stored.lastRow;
  if (levelColumns) over.levelColumns = levelColumns;
  if (headerRow !== undefined) over.headerRow = headerRow;
  if (lastRow !== undefined) over.lastRow = lastRow;
  return over;
}

/** The set: the one chosen, else by the indicator count; a criteria sheet in the workbook overrides it. */
function frameworkFor(
  wb: WorkbookSnapshot,
  read: TableRead,
  options: CheckOptions,
  issues: Issue[]
): Framework {
  const base = options.framework ?? builtinForKind(chooseKind(read.structure.indicators.length, read.titles));
  const criteriaSheet = wb.sheets.find((s) => isCriteriaSheetName(s.name));
  if (!criteriaSheet) return base;
  const applied = readCriteriaSheet(criteriaSheet, base, options.lang ?? "vi");
  issues.push(...applied.issues);
  return applied.framework;
}

/** Columns, counts and repeated numbers; true when the table's structure is broken. */
function checkStructure(
  sheet: SheetSnapshot,
  read: TableRead,
  fw: Framework,
  lang: Lang,
  push: Push
): boolean {
  const missing = checkColumns(sheet, read, lang, push);
  const counts = checkCounts(fw, read.structure, lang, (expected, found) =>
    push("error", "structure-count", null, null, null, { expected, found })
  );
  const { columns, left } = read.layout;
  for (const d of read.structure.duplicates)
    push("error", "duplicate-indicator", d.row, columns.code ?? columns.content ?? left, d.number);
  return missing || counts;
}

function columnLettersOf(layout: TableLayout): SheetReport["table"]["columns"] {
  const letters: SheetReport["table"]["columns"] = {};
  for (const [role, col] of Object.entries(layout.columns))
    letters[role as keyof ColumnMap] = columnLetters(col);
  const per = layout.levelColumns;
  if (per && per.length > 0)
    letters.level = `${columnLetters(per[0]?.col ?? 1)}:${columnLetters(per[per.length - 1]?.col ?? 1)}`;
  return letters;
}

/** Every indicator row scored; a repeated number leaves that indicator's level undetermined. */
function scoreIndicators(read: TableRead, framework: Framework, push: Push, lang: Lang): IndicatorResult[] {
  const duplicates = new Set(read.structure.duplicates.map((d) => d.number));
  const ctx = { layout: read.layout, at: read.at, framework, top: maxLevel(framework), push, lang };
  return read.structure.indicators.map((ind) => {
    const r = scoreIndicator(ind, ctx);
    return duplicates.has(ind.number) ? { ...r, level: null } : r;
  });
}

export function checkSheet(
  wb: WorkbookSnapshot,
  sheet: SheetSnapshot,
  options: CheckOptions = {}
): SheetCheck | null {
  const lang = options.lang ?? "vi";
  const read = readTable(sheet, ownedRanges(wb, sheet.name), tableOverride(wb, sheet.name, options));
  if (!read) return null;
  const setIssues: Issue[] = [];
  const framework = frameworkFor(wb, read, options, setIssues);
  const { issues, push } = issueSink(sheet.name, lang, maxLevel(framework));
  issues.push(...setIssues);
  const broken = checkStructure(sheet, read, framework, lang, push);
  const indicators = scoreIndicators(read, framework, push, lang);
  const levels = new Map(indicators.map((i) => [i.number, i.level] as const));
  const { criteria, standards, scored } = groupResults(read.structure, framework, levels, lang);
  // A broken structure leaves the recognition undetermined, whatever the levels say.
  const reasons: Reason[] = broken
    ? [
        { code: "structure" },
        ...scored.recognition.reasons.filter((r) => r.code === "undetermined-indicators"),
      ]
    : scored.recognition.reasons;
  const level = broken ? null : scored.recognition.level;
  const report: SheetReport = {
    schemaVersion: 1,
    sheet: sheet.name,
    unitName: read.unitName,
    framework: { id: framework.id, kind: framework.kind },
    table: { headerRow: read.layout.headerRow, lastRow: read.lastRow, columns: columnLettersOf(read.layout) },
    indicators,
    criteria,
    standards,
    recognition: {
      level,
      label: levelLabel(framework, level, lang),
      reasons: reasons.map((r) => describeReason(r, lang)),
    },
    issues,
    counts: countIssues(issues),
  };
  return { report, framework, layout: read.layout, lastTableRow: read.lastRow };
}
