// The hierarchy of an officer's table: which indicators sit under which criteria and standards,
// numbered by the numbers they carry or by their order (the rows themselves are read in body.ts).
import { ByNumber } from "../model/by-number";
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
  criteria: number[];
}

export interface SheetStructure {
  indicators: SheetIndicator[];
  /**
   * The sheet's own group rows: criteria with their indicators, and standards with their criteria.
   * Both are empty for a flat list; a sheet with one kind of section row has criteria only (the
   * layer right above its indicators, whatever word it uses).
   */
  criteria: SheetCriterion[];
  standards: SheetStandard[];
  /** Rows whose number repeats an earlier indicator's. */
  duplicates: SheetIndicator[];
  /** Numbers missing from 1..max (with carried numbers). */
  gaps: number[];
  /** Indicators (or criteria) that sit outside any group although the sheet has groups. */
  orphans: number;
}

type Numbered = Pick<SheetStructure, "indicators" | "duplicates" | "gaps"> & {
  numberOf: ByNumber<number>;
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
  const out: Numbered = { indicators: [], duplicates: [], gaps: [], numberOf: new ByNumber() };
  const have = new ByNumber<true>();
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
      have.set(ind.number, true);
      max = Math.max(max, ind.number);
      out.numberOf.set(r.row, ind.number);
    }
  });
  for (let n = 1; n <= max; n++) if (!have.has(n)) out.gaps.push(n);
  return out;
}

type Tree = Pick<SheetStructure, "criteria" | "standards" | "orphans">;

/**
 * The sheet's own tree: with both kinds of section rows, standards over criteria over indicators;
 * with one kind, each section row is a criterion; with none, a flat list.
 */
function sectionTree(rows: TableRow[], numberOf: ByNumber<number>): Tree {
  const tree: Tree = { criteria: [], standards: [], orphans: 0 };
  const both = rows.some((r) => r.kind === "criterion") && rows.some((r) => r.kind === "standard");
  if (!rows.some((r) => r.kind !== "indicator")) return tree;
  for (const r of rows) {
    const std = tree.standards.at(-1);
    const last = tree.criteria.at(-1);
    // With standards, an indicator belongs to the current standard's last criterion only.
    const crit = both && std?.criteria.at(-1) !== last?.number ? undefined : last;
    if (both && r.kind === "standard")
      tree.standards.push({ number: tree.standards.length + 1, row: r.row, code: r.code, criteria: [] });
    else if (r.kind !== "indicator" && both && !std) tree.orphans++;
    else if (r.kind !== "indicator") {
      const number = tree.criteria.length + 1;
      tree.criteria.push({ number, row: r.row, code: r.code, indicators: [] });
      std?.criteria.push(number);
    } else if (!crit) tree.orphans++;
    else if (numberOf.has(r.row)) crit.indicators.push(numberOf.get(r.row) as number);
  }
  return tree;
}

export function buildStructure(rows: TableRow[]): SheetStructure {
  const { indicators, duplicates, gaps, numberOf } = numberIndicators(rows);
  return { indicators, duplicates, gaps, ...sectionTree(rows, numberOf) };
}
