// The hierarchy of an officer's table: which rows are standards, criteria and indicators.
// Keywords win (`Tiêu chuẩn`, `Tiêu chí`, `Chỉ báo`/`CB`, in the code or at the start of the content);
// Roman numerals in the code column are standards; dotted codes count depth from the deepest.
import { cellText, isBlank, lastRow, rowsBetween, type Cell, type SheetSnapshot } from "../model/snapshot";
import type { TableLayout } from "./header";
import { fold, romanToNumber } from "../model/text";
import { maxOf } from "../model/max";

export type RowKind = "standard" | "criterion" | "indicator";

export interface TableRow {
  kind: RowKind;
  row: number;
  /** The code as written (`Chỉ báo 7`, `1.1`, `II`…), or the content's keyword when the code is blank. */
  code: string;
  /** The number the row carries (`Chỉ báo 7` → 7), when it carries one. */
  carried: number | null;
}

type Keyword = { kind: RowKind; number: number | null };

function keyword(text: string): Keyword | null {
  const f = fold(text);
  let m = /^tieu chuan\b\s*(\d+|[ivx]+\b)?/.exec(f);
  if (m) return { kind: "standard", number: m[1] ? Number(m[1]) || romanToNumber(m[1]) : null };
  m = /^tieu chi\b\s*(\d+)?/.exec(f);
  if (m) return { kind: "criterion", number: m[1] ? Number(m[1]) : null };
  m = /^(?:chi bao|chi tieu)\b\s*(\d+)?/.exec(f) ?? /^cb\s*\.?\s*(\d+)\b/.exec(f);
  if (m) return { kind: "indicator", number: m[1] ? Number(m[1]) : null };
  return null;
}

const DOTTED = /^\d{1,3}(\.\d{1,3})*\.?$/;

export function classifyRows(
  sheet: SheetSnapshot,
  table: TableLayout,
  at: (row: number, col: number) => Cell
): TableRow[] {
  const { code: codeCol, content: contentCol, level: levelCol, evidence: evidenceCol } = table.columns;
  const text = (r: number, c: number | undefined) => (c === undefined ? "" : cellText(at(r, c).value));
  const rows: (TableRow | { kind: "dotted"; row: number; code: string; depth: number })[] = [];
  for (const r of rowsBetween(sheet, table.headerRow + 1, lastRow(sheet))) {
    const code = text(r, codeCol);
    const content = text(r, contentCol);
    const kw = keyword(code) ?? keyword(content);
    if (kw) {
      rows.push({
        kind: kw.kind,
        row: r,
        code: code || content.split(/[.:–-]/)[0]?.trim() || content,
        carried: kw.number,
      });
    } else if (code && romanToNumber(code) !== null) {
      rows.push({ kind: "standard", row: r, code, carried: null });
    } else if (DOTTED.test(code)) {
      rows.push({ kind: "dotted", row: r, code, depth: code.replace(/\.$/, "").split(".").length });
    } else if (
      content &&
      ((levelCol !== undefined && !isBlank(at(r, levelCol).value)) ||
        (evidenceCol !== undefined && !isBlank(at(r, evidenceCol).value)))
    ) {
      // An uncoded row that is filled in like an indicator is one.
      rows.push({ kind: "indicator", row: r, code, carried: null });
    }
  }
  const deepest = maxOf(
    rows.map((r) => (r.kind === "dotted" ? r.depth : 0)),
    0
  );
  return rows.flatMap((r): TableRow[] => {
    if (r.kind !== "dotted") return [r];
    const up = deepest - r.depth;
    const kind: RowKind | null =
      up === 0 ? "indicator" : up === 1 ? "criterion" : up === 2 ? "standard" : null;
    return kind ? [{ kind, row: r.row, code: r.code, carried: null }] : [];
  });
}

export interface SheetIndicator {
  number: number;
  row: number;
  code: string;
}
export interface SheetCriterion {
  number: number;
  row: number;
  code: string;
  indicators: number[];
}
export interface SheetStandard {
  number: number;
  row: number;
  code: string;
  criteria: SheetCriterion[];
}

export interface SheetStructure {
  indicators: SheetIndicator[];
  /** Standards and criteria as the sheet writes them; empty when it has no section rows. */
  standards: SheetStandard[];
  /** Rows whose number repeats an earlier indicator's. */
  duplicates: SheetIndicator[];
  /** Numbers missing from 1..max (with carried numbers). */
  gaps: number[];
  /** Indicators that sit outside any criterion although the sheet has criteria. */
  orphans: number;
}

/**
 * Numbers the indicators: their own `Chỉ báo N` numbers when every indicator carries one and the
 * numbers never decrease down the table; otherwise their order in the table.
 */
export function buildStructure(rows: TableRow[]): SheetStructure {
  const indRows = rows.filter((r) => r.kind === "indicator");
  const carried =
    indRows.every((r) => r.carried !== null) &&
    indRows.every((r, i) => i === 0 || (r.carried ?? 0) >= (indRows[i - 1]?.carried ?? 0));
  const indicators: SheetIndicator[] = [];
  const duplicates: SheetIndicator[] = [];
  const duplicateRows = new Set<number>();
  const numberOf = new Map<number, number>();
  const have = new Set<number>();
  let max = 0;
  indRows.forEach((r, i) => {
    const ind = { number: carried ? (r.carried as number) : i + 1, row: r.row, code: r.code };
    if (have.has(ind.number)) {
      duplicates.push(ind);
      duplicateRows.add(r.row);
    } else {
      indicators.push(ind);
      have.add(ind.number);
      max = Math.max(max, ind.number);
    }
    numberOf.set(r.row, ind.number);
  });
  const gaps: number[] = [];
  for (let n = 1; n <= max; n++) if (!have.has(n)) gaps.push(n);

  const standards: SheetStandard[] = [];
  let criterionCount = 0;
  let orphans = 0;
  const hasSections = rows.some((r) => r.kind === "criterion") && rows.some((r) => r.kind === "standard");
  if (hasSections) {
    for (const r of rows) {
      const std = standards[standards.length - 1];
      const crit = std?.criteria[std.criteria.length - 1];
      if (r.kind === "standard")
        standards.push({ number: standards.length + 1, row: r.row, code: r.code, criteria: [] });
      else if (r.kind === "criterion" && std)
        std.criteria.push({ number: ++criterionCount, row: r.row, code: r.code, indicators: [] });
      else if (r.kind === "criterion") orphans++;
      else if (crit && !duplicateRows.has(r.row)) crit.indicators.push(numberOf.get(r.row) as number);
      else if (!crit) orphans++;
    }
  }
  return { indicators, standards, duplicates, gaps, orphans };
}
