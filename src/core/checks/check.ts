// Checking one officer's sheet: find the table, read its hierarchy, validate every indicator row,
// score it with the criteria set, and say why. Pure: a snapshot in, a report out.
import { a1, columnLetters } from "../model/a1";
import { builtinForKind } from "../sets/builtin";
import { isCriteriaSheetName, readCriteriaSheet } from "../sets/criteria-sheet";
import {
  counts as countsOf,
  isThresholdScored,
  maxLevel,
  type Framework,
  type IndicatorDef,
} from "../sets/framework";
import { issueMessage, type IssueParams } from "./issue-messages";
import { countIssues, type Issue, type Rule } from "../model/issues";
import { parseLevel } from "../table/levels";
import { describeReason, levelLabel } from "./messages";
import { type Lang } from "../model/lang";
import { isProductSheet, ownedRanges, storedMapping } from "../model/owned";
import { computedLevel, scoreTree, type Level, type Reason } from "./scoring";
import { cellText, isBlank, isCellError, type SheetSnapshot, type WorkbookSnapshot } from "../model/snapshot";
import { buildStructure, classifyRows, type SheetStructure } from "../table/structure";
import {
  detectTable,
  kindFromTitles,
  officerCells,
  rowText,
  unitNameFrom,
  type ColumnMap,
  type TableLayout,
} from "../table/header";
import { parseValue } from "../table/values";
import { fold } from "../model/text";
import { maxOf } from "../model/max";

export interface CheckOptions {
  /** A criteria set to use instead of choosing one from the indicator count. */
  framework?: Framework;
  /** Columns chosen by the officer, overriding detection (and the workbook's stored mapping). */
  columns?: ColumnMap;
  /** The header row chosen by the officer, with `columns`. */
  headerRow?: number;
  lang?: Lang;
}

export interface IndicatorResult {
  number: number;
  code: string;
  row: number;
  selfLevel: Level;
  computedLevel: Level;
  level: Level;
}
export interface GroupResult {
  number: number;
  code: string;
  row: number | null;
  level: Level;
}

export interface SheetReport {
  schemaVersion: 1;
  sheet: string;
  unitName: string | null;
  framework: { id: string; kind: Framework["kind"] };
  table: { headerRow: number; columns: Partial<Record<keyof ColumnMap, string>> };
  indicators: IndicatorResult[];
  criteria: (GroupResult & { indicators: number[] })[];
  standards: (GroupResult & { criteria: number[] })[];
  recognition: { level: Level; label: string; reasons: string[] };
  issues: Issue[];
  counts: { errors: number; warnings: number };
}

/** What the write plan needs beyond the report. */
export interface SheetCheck {
  report: SheetReport;
  framework: Framework;
  layout: TableLayout;
  /** Last sheet row of the table (its last standard, criterion or indicator row). */
  lastTableRow: number;
}

const REQUIRED: { role: "level" | "data" | "evidence"; vi: string; en: string }[] = [
  { role: "level", vi: "Tự đánh giá / Mức đạt", en: "Self-assessment / Level" },
  { role: "data", vi: "Số liệu / Kết quả thực hiện", en: "Data / Result figures" },
  { role: "evidence", vi: "Minh chứng", en: "Evidence" },
];

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

/** The sheets holding an assessment table: not the criteria sheet, not the product's own sheets. */
export function candidateSheets(wb: WorkbookSnapshot): SheetSnapshot[] {
  return wb.sheets.filter((s) => !isCriteriaSheetName(s.name) && !isProductSheet(wb, s.name));
}

export function checkSheet(
  wb: WorkbookSnapshot,
  sheet: SheetSnapshot,
  options: CheckOptions = {}
): SheetCheck | null {
  const lang = options.lang ?? "vi";
  const owned = ownedRanges(wb, sheet.name);
  const stored = storedMapping(wb, sheet.name);
  const columns = { ...stored.columns, ...options.columns };
  const headerRow = options.headerRow ?? stored.headerRow;
  const layout = detectTable(sheet, owned, headerRow !== undefined ? { columns, headerRow } : { columns });
  if (!layout) return null;
  const at = officerCells(sheet, owned);
  const titles = Array.from({ length: layout.headerRow - 1 }, (_, i) => rowText(at, sheet, i + 1)).filter(
    Boolean
  );
  const rows = classifyRows(sheet, layout, at);
  const structure = buildStructure(rows);

  let framework = options.framework ?? builtinForKind(chooseKind(structure.indicators.length, titles));
  const issues: Issue[] = [];
  const criteriaSheet = wb.sheets.find((s) => isCriteriaSheetName(s.name));
  if (criteriaSheet) {
    const applied = readCriteriaSheet(criteriaSheet, framework, lang);
    framework = applied.framework;
    issues.push(...applied.issues);
  }
  const top = maxLevel(framework);
  const push: Push = (severity, rule, row, col, indicator, p) => {
    const cell = row !== null && col !== null ? a1(row, col) : null;
    issues.push({
      severity,
      rule,
      sheet: sheet.name,
      cell,
      row,
      indicator,
      message: issueMessage(rule, { ...p, indicator, cell: cell ?? undefined, max: top }, lang),
    });
  };

  let structureBroken = false;
  for (const req of REQUIRED) {
    if (layout.columns[req.role] === undefined) {
      structureBroken = true;
      push("error", "missing-column", null, null, null, { column: req[lang] });
    }
  }
  structureBroken =
    checkCounts(framework, structure, lang, (expected, found) =>
      push("error", "structure-count", null, null, null, { expected, found })
    ) || structureBroken;
  const nulled = new Set<number>();
  for (const d of structure.duplicates) {
    nulled.add(d.number);
    push(
      "error",
      "duplicate-indicator",
      d.row,
      layout.columns.code ?? layout.columns.content ?? layout.left,
      d.number,
      {}
    );
  }

  const indicators: IndicatorResult[] = structure.indicators.map((ind) => {
    const def = framework.indicators[ind.number - 1];
    const r = scoreRow(ind, def, layout, at, top, push);
    return nulled.has(ind.number) ? { ...r, level: null } : r;
  });

  const levels = new Map(indicators.map((i) => [i.number, i.level] as const));
  const sheetTree = structure.standards.length > 0;
  const tree = sheetTree
    ? structure.standards.map((s) => ({
        number: s.number,
        criteria: s.criteria.map((c) => ({ number: c.number, indicators: c.indicators })),
      }))
    : framework.standards;
  const scored = scoreTree(framework, tree, levels);
  const reasons: Reason[] = structureBroken
    ? [
        { code: "structure" },
        ...scored.recognition.reasons.filter((r) => r.code === "undetermined-indicators"),
      ]
    : scored.recognition.reasons;
  const recognitionLevel = structureBroken ? null : scored.recognition.level;

  const criteria = tree.flatMap((s, si) =>
    s.criteria.map((c, ci) => {
      const src = sheetTree ? structure.standards[si]?.criteria[ci] : undefined;
      return {
        number: c.number,
        code: src?.code ?? `${lang === "vi" ? "Tiêu chí" : "Criterion"} ${c.number}`,
        row: src?.row ?? null,
        level: scored.criteria.find((x) => x.number === c.number)?.level ?? null,
        indicators: c.indicators,
      };
    })
  );
  const standards = tree.map((s, si) => ({
    number: s.number,
    code:
      (sheetTree ? structure.standards[si]?.code : undefined) ??
      `${lang === "vi" ? "Tiêu chuẩn" : "Standard"} ${s.number}`,
    row: sheetTree ? (structure.standards[si]?.row ?? null) : null,
    level: scored.standards.find((x) => x.number === s.number)?.level ?? null,
    criteria: s.criteria.map((c) => c.number),
  }));

  const letters = Object.fromEntries(Object.entries(layout.columns).map(([k, v]) => [k, columnLetters(v)]));
  const report: SheetReport = {
    schemaVersion: 1,
    sheet: sheet.name,
    unitName: unitNameFrom(titles),
    framework: { id: framework.id, kind: framework.kind },
    table: { headerRow: layout.headerRow, columns: letters },
    indicators,
    criteria,
    standards,
    recognition: {
      level: recognitionLevel,
      label: levelLabel(framework, recognitionLevel, lang),
      reasons: reasons.map((r) => describeReason(r, lang)),
    },
    issues,
    counts: countIssues(issues),
  };
  const lastTableRow = maxOf(
    rows.map((r) => r.row),
    layout.headerRow
  );
  return { report, framework, layout, lastTableRow };
}

function checkCounts(
  fw: Framework,
  s: SheetStructure,
  lang: Lang,
  report: (expected: string, found: string) => void
): boolean {
  const want = countsOf(fw);
  const vi = lang === "vi";
  const n = (count: number, viWord: string, enWord: string) => `${count} ${vi ? viWord : enWord}`;
  let broken = false;
  const found = s.indicators.length;
  if (found !== want.indicators) {
    broken = true;
    report(n(want.indicators, "chỉ báo", "indicators"), n(found, "chỉ báo", "indicators"));
  }
  if (s.gaps.length > 0) {
    broken = true;
    report(
      vi ? `chỉ báo 1–${want.indicators}` : `indicators 1–${want.indicators}`,
      vi ? `thiếu chỉ báo ${s.gaps.join(", ")}` : `indicator(s) ${s.gaps.join(", ")} missing`
    );
  }
  if (s.standards.length > 0) {
    const crit = s.standards.reduce((n, st) => n + st.criteria.length, 0);
    if (s.standards.length !== want.standards || crit !== want.criteria || s.orphans > 0) {
      broken = true;
      report(
        `${n(want.standards, "tiêu chuẩn", "standards")}, ${n(want.criteria, "tiêu chí", "criteria")}`,
        `${n(s.standards.length, "tiêu chuẩn", "standards")}, ${n(crit, "tiêu chí", "criteria")}`
      );
    }
    const empty = s.standards.flatMap((st) => st.criteria).filter((c) => c.indicators.length === 0);
    if (empty.length > 0) {
      broken = true;
      report(
        vi ? "mỗi tiêu chí có ít nhất một chỉ báo" : "at least one indicator under every criterion",
        vi
          ? `${empty.map((c) => c.code).join(", ")} không có chỉ báo nào`
          : `${empty.map((c) => c.code).join(", ")} without any indicator`
      );
    }
  }
  return broken;
}

type Push = (
  severity: Issue["severity"],
  rule: Rule,
  row: number | null,
  col: number | null,
  indicator: number | null,
  p: IssueParams
) => void;

/** One indicator row: its level cell, data cell and evidence cell, and the level that stands. */
function scoreRow(
  ind: { number: number; row: number; code: string },
  def: IndicatorDef | undefined,
  layout: TableLayout,
  at: ReturnType<typeof officerCells>,
  top: number,
  push: Push
): IndicatorResult {
  const { row, number } = ind;
  const { level: levelCol, data: dataCol, evidence: evidenceCol } = layout.columns;
  const scoredByThresholds = def !== undefined && isThresholdScored(def);
  let selfLevel: Level = null;
  let selfValid = false;
  if (levelCol !== undefined) {
    const parsed = parseLevel(at(row, levelCol).value, top);
    if (parsed.ok) {
      selfLevel = parsed.level;
      selfValid = true;
    } else if (parsed.problem === "blank") push("error", "missing-level", row, levelCol, number, {});
    else if (parsed.problem === "formula-error")
      push("error", "formula-error", row, levelCol, number, { error: parsed.error });
    else push("error", "invalid-level", row, levelCol, number, { text: cellText(at(row, levelCol).value) });
  }
  let computed: Level = null;
  let dataOk = !scoredByThresholds;
  if (dataCol !== undefined) {
    const cell = at(row, dataCol);
    if (isCellError(cell.value))
      push("error", "formula-error", row, dataCol, number, { error: cell.value.error });
    else if (isBlank(cell.value)) push("error", "missing-value", row, dataCol, number, {});
    else if (scoredByThresholds && def && def.measure !== "level") {
      const v = parseValue(cell, def.measure);
      if (v.ok) {
        dataOk = true;
        computed = computedLevel(def, v.value);
        if (v.ambiguous)
          push("warning", "ambiguous-value", row, dataCol, number, { value: v.value, read: v.value });
      } else if (v.problem === "out-of-range")
        push("error", "out-of-range", row, dataCol, number, { value: v.value });
      else if (v.problem === "not-a-number")
        push("error", "invalid-value", row, dataCol, number, { text: v.text });
    }
  }
  if (evidenceCol !== undefined && def?.evidenceRequired && selfValid && (selfLevel ?? 0) >= 1) {
    const ev = at(row, evidenceCol).value;
    if (isCellError(ev)) push("error", "formula-error", row, evidenceCol, number, { error: ev.error });
    else if (isBlank(ev)) push("error", "missing-evidence", row, evidenceCol, number, {});
  }
  if (
    scoredByThresholds &&
    selfValid &&
    computed !== null &&
    selfLevel !== computed &&
    levelCol !== undefined
  ) {
    const severity = (selfLevel ?? 0) > computed ? "error" : "warning";
    push(severity, "level-mismatch", row, levelCol, number, { self: selfLevel ?? 0, computed });
  }
  // Threshold-scored: the computed level stands; otherwise the self-assessed level does.
  const level: Level = !selfValid ? null : scoredByThresholds ? (dataOk ? computed : null) : selfLevel;
  return { number, code: ind.code, row, selfLevel, computedLevel: computed, level };
}

export interface WorkbookCheckOptions extends CheckOptions {
  /** Only this sheet (by name, case- and diacritics-insensitive). */
  sheet?: string;
}

/** Every assessment sheet of a workbook, checked; sheets without a table are left out. */
export function checkWorkbook(
  wb: WorkbookSnapshot,
  options: WorkbookCheckOptions = {}
): { sheet: SheetSnapshot; check: SheetCheck }[] {
  const wanted = options.sheet === undefined ? null : fold(options.sheet);
  return candidateSheets(wb)
    .filter((s) => wanted === null || fold(s.name) === wanted)
    .flatMap((sheet) => {
      const check = checkSheet(wb, sheet, options);
      return check ? [{ sheet, check }] : [];
    });
}
