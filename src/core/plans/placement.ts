// Where the product's cells go in an officer's sheet: two columns right of the table that hold
// nothing of the officer's (no value, no merged area), and a block below everything the officer
// wrote, clear of any merged area; within Excel's last row and column, every text within Excel's
// limit. Each pass is linear in the cells stored (and n log n in the merges).
import { isOwned } from "../model/owned";
import {
  isBlank,
  rowCells,
  rowNumbers,
  rowsBetween,
  type RangeRef,
  type SheetSnapshot,
} from "../model/snapshot";

/** Excel's last row, last column and longest text. */
export const EXCEL_ROWS = 1_048_576;
export const EXCEL_COLS = 16_384;
export const EXCEL_TEXT = 32_767;

/** What a plan had to leave out or cut to stay within Excel's bounds: each said in one line. */
export type PlanBound =
  | { kind: "columns" }
  | { kind: "block"; top: number; lines: number }
  | { kind: "text"; row: number; col: number; length: number };

/** A text cut to Excel's limit, the cut marked; `cut` hears of it. */
export function boundedText(text: string, at: { row: number; col: number }, cut: PlanBound[]): string {
  if (text.length <= EXCEL_TEXT) return text;
  cut.push({ kind: "text", row: at.row, col: at.col, length: text.length });
  return `${text.slice(0, EXCEL_TEXT - 1)}…`;
}

/**
 * Areas the product's cells stay out of: the merges that are the officer's (not the product's own,
 * inside the cells it still owns) and the officer's Excel Tables (a merge inside one makes Excel
 * remove the table).
 */
export function officerMerges(sheet: SheetSnapshot, ours: RangeRef[]): RangeRef[] {
  const merges = sheet.merges.filter(
    (m) => !(isOwned(ours, m.top, m.left) && isOwned(ours, m.bottom, m.right))
  );
  return sheet.areas?.length ? [...merges, ...sheet.areas] : merges;
}

/**
 * The first pair of columns from `from` that holds nothing of the officer's between rows `top` and
 * `bottom` (no value, no merged area reaching into it); null when there is none before XFD.
 */
export function freeColumns(
  sheet: SheetSnapshot,
  ours: RangeRef[],
  merges: RangeRef[],
  span: { from: number; top: number; bottom: number }
): number | null {
  const taken: [number, number][] = [];
  for (const r of rowsBetween(sheet, span.top, span.bottom))
    for (const [c, cell] of rowCells(sheet, r))
      if (c >= span.from && !isBlank(cell.value) && !isOwned(ours, r, c)) taken.push([c, c]);
  for (const m of merges)
    if (m.bottom >= span.top && m.top <= span.bottom && m.right >= span.from) taken.push([m.left, m.right]);
  taken.sort((a, b) => a[0] - b[0]);
  let col = span.from;
  for (const [left, right] of taken) {
    if (right < col) continue;
    if (left >= col + 2) break;
    col = right + 1;
  }
  return col + 1 <= EXCEL_COLS ? col : null;
}

/** The last row holding anything of the officer's (a signature block included). */
export function lastOfficerRow(sheet: SheetSnapshot, ours: RangeRef[]): number {
  const rows = rowNumbers(sheet);
  for (let i = rows.length - 1; i >= 0; i--) {
    const r = rows[i] as number;
    for (const [c, cell] of rowCells(sheet, r)) if (!isBlank(cell.value) && !isOwned(ours, r, c)) return r;
  }
  return 0;
}

/** The first row from `top` where `lines` rows over columns `left`…`right` meet no merged area. */
export function clearOfMerges(
  top: number,
  lines: number,
  cols: { left: number; right: number },
  merges: RangeRef[]
): number {
  const across = merges
    .filter((m) => m.right >= cols.left && m.left <= cols.right && m.bottom >= top)
    .sort((a, b) => a.top - b.top);
  let at = top;
  for (const m of across) {
    if (m.top > at + lines - 1) break;
    if (m.bottom >= at) at = m.bottom + 1;
  }
  return at;
}
