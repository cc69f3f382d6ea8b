// The hierarchy of an officer's table: which indicators sit under which criteria and standards,
// numbered by the numbers they carry or by their order (the rows themselves are read in body.ts).
import type { SheetSnapshot } from "../model/snapshot";
import type { CellReader, TableLayout } from "./header";
import { readBody, type TableRow } from "./body";

export type { RowKind, TableRow } from "./body";

/** The table's section and indicator rows (see `readBody` for where the table ends). */
export function classifyRows(sheet: SheetSnapshot, table: TableLayout, at: CellReader): TableRow[] {
  return readBody(sheet, table, at).rows;
}

export interface SheetIndicator {
  number: number;
  row: number;
  /** The last row of the indicator's merged block (its own row when not merged down). */
  bottom: number;
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

type Numbered = Pick<SheetStructure, "indicators" | "duplicates" | "gaps"> & {
  numberOf: Map<number, number>;
};

/**
 * Numbers the indicators: their own `Chỉ báo N` numbers when every indicator carries one and the
 * numbers never decrease down the table; otherwise their order in the table.
 */
function numberIndicators(rows: TableRow[]): Numbered {
  const indRows = rows.filter((r) => r.kind === "indicator");
  const carried =
    indRows.every((r) => r.carried !== null) &&
    indRows.every((r, i) => i === 0 || (r.carried ?? 0) >= (indRows[i - 1]?.carried ?? 0));
  const out: Numbered = { indicators: [], duplicates: [], gaps: [], numberOf: new Map() };
  const have = new Set<number>();
  let max = 0;
  indRows.forEach((r, i) => {
    const ind = {
      number: carried ? (r.carried as number) : i + 1,
      row: r.row,
      bottom: r.bottom,
      code: r.code,
    };
    if (have.has(ind.number)) out.duplicates.push(ind);
    else {
      out.indicators.push(ind);
      have.add(ind.number);
      max = Math.max(max, ind.number);
      out.numberOf.set(r.row, ind.number);
    }
  });
  for (let n = 1; n <= max; n++) if (!have.has(n)) out.gaps.push(n);
  return out;
}

/** The sheet's own standards and criteria, when it has both kinds of section rows. */
function sectionTree(
  rows: TableRow[],
  numberOf: Map<number, number>
): { standards: SheetStandard[]; orphans: number } {
  const standards: SheetStandard[] = [];
  let criterionCount = 0;
  let orphans = 0;
  if (!rows.some((r) => r.kind === "criterion") || !rows.some((r) => r.kind === "standard"))
    return { standards, orphans };
  for (const r of rows) {
    const std = standards[standards.length - 1];
    const crit = std?.criteria[std.criteria.length - 1];
    const number = numberOf.get(r.row);
    if (r.kind === "standard")
      standards.push({ number: standards.length + 1, row: r.row, code: r.code, criteria: [] });
    else if (r.kind === "criterion" && std)
      std.criteria.push({ number: ++criterionCount, row: r.row, code: r.code, indicators: [] });
    else if (r.kind === "criterion" || !crit) orphans++;
    else if (number !== undefined) crit.indicators.push(number);
  }
  return { standards, orphans };
}

export function buildStructure(rows: TableRow[]): SheetStructure {
  const { indicators, duplicates, gaps, numberOf } = numberIndicators(rows);
  return { indicators, duplicates, gaps, ...sectionTree(rows, numberOf) };
}
