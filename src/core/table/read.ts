// Reading an officer's table, with no criteria set yet: its header, its rows up to where the table
// ends, its hierarchy, its title rows and the unit's name. The set is chosen from what is read here.
import type { RangeRef, SheetSnapshot } from "../model/snapshot";
import { readBody, type TableRow } from "./body";
import { detectTable, officerCells, type CellReader, type TableLayout, type TableOverride } from "./header";
import { buildStructure, type SheetStructure } from "./structure";
import { assessmentYear, committeeLines, titleRows, unitNameFrom } from "./unit";

export interface TableRead {
  layout: TableLayout;
  /** Reads the officer's cells (the product's own cells read as blank). */
  at: CellReader;
  rows: TableRow[];
  structure: SheetStructure;
  /** The table's last row (its last section or indicator row, or merged block). */
  lastRow: number;
  /** Where what follows the table begins (a signature block, a second table), if anywhere. */
  endedAt: number | null;
  titles: string[];
  /** The year assessed, from the title (`NĂM 2026`), when it says. */
  year: number | null;
  unitName: string | null;
}

export function readTable(
  sheet: SheetSnapshot,
  owned: RangeRef[],
  override: TableOverride
): TableRead | null {
  const layout = detectTable(sheet, owned, override);
  if (!layout) return null;
  const at = officerCells(sheet, owned);
  const body = readBody(sheet, layout, at);
  const titles = titleRows(sheet, at, layout.headerRow);
  return {
    layout,
    at,
    rows: body.rows,
    structure: buildStructure(body.rows),
    lastRow: body.lastRow,
    endedAt: body.endedAt,
    titles,
    year: assessmentYear(titles),
    unitName: unitNameFrom(committeeLines(sheet, at, layout.headerRow)),
  };
}
