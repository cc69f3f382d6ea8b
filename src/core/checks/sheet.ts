// Checking one officer's sheet: read the table (no set needed), choose the set, validate every
// indicator row, score it and say why. Pure: a snapshot in, a report out.
import { columnLetters } from "../model/a1";
import { ByNumber } from "../model/by-number";
import { countIssues, type Issue } from "../model/issues";
import { type Lang } from "../model/lang";
import { ownedRanges, storedConditions, storedMapping } from "../model/owned";
import type { SheetSnapshot, WorkbookSnapshot } from "../model/snapshot";
import { maxLevel, type Framework } from "../sets/framework";
import { layerWord, leafCode, leafName, levelLabel, levelLabels } from "../sets/words";
import type { ColumnMap, TableLayout, TableOverride } from "../table/header";
import { readTable, type TableRead } from "../table/read";
import { groupResults, type CriterionResult, type StandardResult } from "./groups";
import { validity, type Validity } from "./headline";
import { scoreIndicator, type IndicatorResult } from "./indicator";
import { describeReason, type Speech } from "./messages";
import type { Level, Reason } from "./scoring";
import { setForSheet, type SetChoice } from "./set-for-sheet";
import { issueSink, type Push } from "./sink";
import { checkColumns, checkCounts, treeDifferences } from "./table-checks";
import { readConditions, type ConditionUsed } from "./figures";

export type { IndicatorResult } from "./indicator";
export type { GroupResult } from "./groups";

/**
 * What the officer may choose instead of what is detected (the CLI's options, the pane's *Chọn
 * cột*); each falls back to the mapping stored in the workbook (`HocTap_Cot_…`, `HocTap_Dong_…`).
 */
export interface CheckOptions {
  /** A criteria set to use instead of the workbook's own, or the built-in that fits the table. */
  framework?: Framework;
  /** Columns by role (`level`, `data`, `evidence`, `content`, `code`), 1-based. */
  columns?: ColumnMap;
  /** One column per level, first to last (`--map level=F:I`); wins over `columns.level`. */
  levelColumns?: { left: number; right: number };
  /** The header's (top) row. */
  headerRow?: number;
  /** The table's last row: nothing below it is read. */
  lastRow?: number;
  /** Conditions of the unit that hold (`vung-kho-khan`), chosen by the officer. */
  conditions?: string[];
  lang?: Lang;
}

/** A layer's word in the report's language and its column code (`{ name: "Chỉ tiêu", code: "CT" }`). */
export interface LayerName {
  name: string;
  code: string;
}

export interface SheetReport {
  schemaVersion: 1;
  sheet: string;
  unitName: string | null;
  /** The set, with its words in the report's language (title, layers, level labels 0..N: additive in v1). */
  framework: {
    id: string;
    kind: Framework["kind"];
    /** What the unit would be recognised as, in the text's words (additive in v1). */
    recognisedAs?: string;
    title: string;
    layers: { standard?: LayerName; criterion: LayerName; indicator: LayerName };
    levels: string[];
    validityYears?: number;
  };
  /** Where the table was read: header row, last row, columns by letter (`F:I` for per-level columns). */
  table: { headerRow: number; lastRow: number; columns: Partial<Record<keyof ColumnMap, string>> };
  indicators: IndicatorResult[];
  criteria: CriterionResult[];
  standards: StandardResult[];
  /** `validity`: how long a recognition at this level would hold, estimated from the title's year. */
  recognition: { level: Level; label: string; reasons: string[]; validity?: Validity };
  /** The set's conditions of the unit (`Xã thuộc vùng khó khăn`) as the check used them (additive in v1). */
  conditions?: ConditionUsed[];
  issues: Issue[];
  counts: { errors: number; warnings: number };
}

/** What the write plan needs beyond the report. */
export interface SheetCheck {
  report: SheetReport;
  framework: Framework;
  /** Where the set came from, and the set the workbook defines (offered first in the pane). */
  setFrom: SetChoice["from"];
  workbookSet: Framework | null;
  layout: TableLayout;
  /** Last sheet row of the table (its last standard, criterion or indicator row, or merged block). */
  lastTableRow: number;
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

/** Columns, counts and repeated numbers; true when the table's structure is broken. */
function checkStructure(
  sheet: SheetSnapshot,
  read: TableRead,
  fw: Framework,
  lang: Lang,
  push: Push
): boolean {
  const missing = checkColumns(sheet, read, fw, lang, push);
  const counts = checkCounts(fw, read.structure, lang, (expected, found) =>
    push("error", "structure-count", null, null, null, { expected, found })
  );
  const { columns, left } = read.layout;
  const tree = treeDifferences(fw, read.structure, lang);
  if (tree)
    push("warning", "tree-differs", tree.row, columns.code ?? columns.content ?? left, null, {
      text: tree.text,
    });
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
function scoreIndicators(
  read: TableRead,
  framework: Framework,
  push: Push,
  lang: Lang,
  conditions: ConditionUsed[]
): IndicatorResult[] {
  const duplicates = new Set(read.structure.duplicates.map((d) => d.number));
  const holds = (id: string) => conditions.some((c) => c.id === id && c.holds);
  const ctx = { layout: read.layout, at: read.at, framework, top: maxLevel(framework), push, lang, holds };
  return read.structure.indicators.map((ind) => {
    const r = scoreIndicator(ind, ctx);
    return duplicates.has(ind.number) ? { ...r, level: null } : r;
  });
}

/**
 * Each leaf's place in the tree, `criterion.k` (`4.2`: chỉ tiêu 2 của tiêu chí 4): in the sheet's own
 * criteria rows when it has them, else in the set's (a set with standards numbers its leaves through).
 */
function leafPaths(read: TableRead, fw: Framework): Map<number, string> {
  const groups =
    read.structure.criteria.length > 0 ? read.structure.criteria : fw.standards.length > 0 ? [] : fw.criteria;
  const paths = new Map<number, string>();
  groups.forEach((c, i) => c.indicators.forEach((n, k) => paths.set(n, `${i + 1}.${k + 1}`)));
  return paths;
}

/** The set in the report, worded in its language. */
function frameworkInReport(fw: Framework, lang: Lang): SheetReport["framework"] {
  const layer = (l: "standard" | "criterion" | "indicator") => ({
    name: layerWord(fw, l, lang),
    code: fw.layers[l]?.code ?? "",
  });
  return {
    id: fw.id,
    kind: fw.kind,
    ...(fw.recognisedAs ? { recognisedAs: fw.recognisedAs[lang] } : {}),
    title: fw.title[lang],
    layers: {
      ...(fw.layers.standard ? { standard: layer("standard") } : {}),
      criterion: layer("criterion"),
      indicator: layer("indicator"),
    },
    levels: levelLabels(fw, lang),
    ...(fw.validityYears !== undefined ? { validityYears: fw.validityYears } : {}),
  };
}

/** The recognition: the computed level, unless the structure is broken; why, in the set's words. */
function recognitionOf(
  scored: { level: Level; reasons: Reason[] },
  broken: boolean,
  speech: Speech,
  year: number | null
): SheetReport["recognition"] {
  // A broken structure leaves the recognition undetermined, whatever the levels say.
  const reasons: Reason[] = broken
    ? [{ code: "structure" }, ...scored.reasons.filter((r) => r.code === "undetermined-indicators")]
    : scored.reasons;
  const level = broken ? null : scored.level;
  const held = validity(speech.fw, level, year);
  return {
    level,
    label: levelLabel(speech.fw, level, speech.lang),
    reasons: reasons.map((r) => describeReason(r, speech)),
    ...(held ? { validity: held } : {}),
  };
}

export function checkSheet(
  wb: WorkbookSnapshot,
  sheet: SheetSnapshot,
  options: CheckOptions = {}
): SheetCheck | null {
  const lang = options.lang ?? "vi";
  const read = readTable(sheet, ownedRanges(wb, sheet.name), tableOverride(wb, sheet.name, options));
  if (!read) return null;
  const set = setForSheet(wb, read, options.framework, lang);
  const { framework } = set;
  const inds = read.structure.indicators;
  // Names and codes are worded when a message asks for them, not for every leaf of a long table.
  const codeOf = new ByNumber<string>();
  for (const i of inds) codeOf.set(i.number, i.code);
  const pathOf = leafPaths(read, framework);
  const names = { get: (n: number) => leafName(framework, codeOf.get(n) ?? "", n, lang, pathOf.get(n)) };
  const { issues, push } = issueSink(sheet.name, lang, framework, names);
  issues.push(...set.issues);
  const broken = checkStructure(sheet, read, framework, lang, push);
  // The officer's choice: the CLI's option, or the pane's, remembered in the workbook.
  const chosen = [
    ...(options.conditions ?? []),
    ...storedConditions(
      wb,
      sheet.name,
      (framework.conditions ?? []).map((c) => c.id)
    ),
  ];
  const conditions = readConditions(framework, sheet, read.at, read.layout.headerRow, chosen);
  const indicators = scoreIndicators(read, framework, push, lang, conditions);
  const levels = new ByNumber<Level>();
  for (const i of indicators) levels.set(i.number, i.level);
  const { criteria, standards, scored } = groupResults(read.structure, framework, levels, lang);
  const speech: Speech = {
    fw: framework,
    lang,
    codes: { get: (n: number) => leafCode(framework, codeOf.get(n) ?? "", n, pathOf.get(n)) },
  };
  for (const i of indicators) i.label = leafCode(framework, i.code, i.number, pathOf.get(i.number));
  const report: SheetReport = {
    schemaVersion: 1,
    sheet: sheet.name,
    unitName: read.unitName,
    framework: frameworkInReport(framework, lang),
    table: { headerRow: read.layout.headerRow, lastRow: read.lastRow, columns: columnLettersOf(read.layout) },
    indicators,
    criteria,
    standards,
    recognition: recognitionOf(scored.recognition, broken, speech, read.year),
    ...(conditions.length > 0 ? { conditions } : {}),
    issues,
    counts: countIssues(issues),
  };
  return {
    report,
    framework,
    setFrom: set.from,
    workbookSet: set.workbookSet,
    layout: read.layout,
    lastTableRow: read.lastRow,
  };
}
