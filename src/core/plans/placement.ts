// Where the product's cells go in an officer's sheet: two columns right of the table that hold
// nothing of the officer's (no value, no merged area), and a block below everything the officer
// wrote, clear of any merged area; within Excel's last row and column, every text within Excel's
// limit. Each pass is linear in the cells stored (and n log n in the merges).
import { maxOf } from "../model/max";
import { isOwned } from "../model/owned";
import { textPoints, widthPoints } from "./measure";
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

/** Excel's default column width, in characters: what a column the plan knows nothing of is taken to be. */
export const DEFAULT_WIDTH = 8.43;
/** Officers' forms are set in 11–14 points: a text is measured at 13 points, bold, erring wide. */
const OFFICER_SIZE = 13;

/**
 * Whether the officer's text in `row` may run on into column `col`, as Excel shows a text too long for
 * its cell over the empty cells on its right: a value written at `col` would cut it. `widthOf` gives a
 * column's width in characters where the writer knows it (Excel's default otherwise, the narrowest an
 * officer's column usually is: the test errs towards leaving the cell empty).
 */
export function runsInto(
  sheet: SheetSnapshot,
  at: { row: number; col: number; ours: RangeRef[]; merges: RangeRef[] },
  widthOf: (col: number) => number | undefined = () => undefined
): boolean {
  const { row, col } = at;
  let last: { col: number; text: string } | null = null;
  for (const [c, cell] of rowCells(sheet, row)) {
    if (c >= col) break;
    if (isBlank(cell.value) || isOwned(at.ours, row, c)) continue;
    // Only a text runs on; a number too wide shows ###.
    last = typeof cell.value === "string" ? { col: c, text: cell.value } : null;
  }
  if (!last) return false;
  const from = last.col;
  // A merged cell never runs on past its own area.
  if (at.merges.some((m) => m.top <= row && m.bottom >= row && m.left <= from && m.right >= from))
    return false;
  let room = 0;
  for (let c = from; c < col; c++) room += widthPoints(widthOf(c) ?? DEFAULT_WIDTH);
  const longest = maxOf(
    last.text.split(/\r?\n/).map((l) => textPoints(l.trim(), OFFICER_SIZE, true)),
    0
  );
  return longest > room;
}
