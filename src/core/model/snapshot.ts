// The cell snapshot every reader fills (the ExcelJS adapter, the lean reader, the Office adapter,
// tests): plain data, so the checking core never touches a spreadsheet API. Sparse: only cells that
// hold something are stored, so a value in column XFD or row 1,000,000 costs one entry, not millions.

/** An Excel error value such as `#DIV/0!`, `#REF!`, `#N/A`. */
export interface CellError {
  error: string;
}

export type CellValue = string | number | boolean | Date | CellError | null;

export interface Cell {
  value: CellValue;
  /** Excel number format (`0.0%`, `General`…), used to tell a percentage from a plain number. */
  format?: string;
  /** A formula whose result was never computed (a file saved by a program that does not calculate). */
  uncomputed?: true;
}

/** A rectangle of cells, 1-based and inclusive. */
export interface RangeRef {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** One row's cells that hold something, by column (1-based), in column order. */
export type SnapshotRow = ReadonlyMap<number, Cell>;

export interface SheetSnapshot {
  name: string;
  /**
   * The cells that hold something, by row (1-based) in row order. A cell absent here is blank; so are
   * the cells a merge covers other than its top-left. Build with `sheetFromGrid` or `SheetBuilder`.
   */
  rows: ReadonlyMap<number, SnapshotRow>;
  merges: RangeRef[];
  hidden?: boolean;
  /** The sheet's own id where the reader knows one (a file's `sheetId`): it survives a rename. */
  id?: string;
}

/** A workbook defined name; `sheet` is set for names scoped to one sheet. */
export interface DefinedName {
  name: string;
  sheet?: string;
  /** The range it refers to, on `refSheet` (usually the same sheet). */
  refSheet: string;
  range: RangeRef;
}

/** A product name whose formula is a text constant (the fingerprint), with the text it evaluates to. */
export interface NameValue {
  name: string;
  sheet?: string;
  value: string;
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
  definedNames: DefinedName[];
  /** The product's names that hold a text rather than a range (readers that know none leave it out). */
  nameValues?: NameValue[];
}

/** A value the product writes into a cell (null leaves it blank). */
export type PlanValue = string | number | null;

const BLANK: Cell = Object.freeze({ value: null }) as Cell;
const NO_CELLS: SnapshotRow = new Map();

/** The cell at a sheet row and column (1-based); a blank cell where nothing is stored. */
export function cellAt(sheet: SheetSnapshot, row: number, col: number): Cell {
  return sheet.rows.get(row)?.get(col) ?? BLANK;
}

/** The cells of one row that hold something, in column order. */
export function rowCells(sheet: SheetSnapshot, row: number): SnapshotRow {
  return sheet.rows.get(row) ?? NO_CELLS;
}

interface Bounds {
  firstRow: number;
  lastRow: number;
  firstCol: number;
  lastCol: number;
}
const boundsCache = new WeakMap<SheetSnapshot, Bounds>();

/** The used range (0 when the sheet is empty); cached, since snapshots never change once made. */
export function bounds(sheet: SheetSnapshot): Bounds {
  let b = boundsCache.get(sheet);
  if (b === undefined) {
    b = { firstRow: 0, lastRow: 0, firstCol: 0, lastCol: 0 };
    for (const [r, cells] of sheet.rows) {
      if (cells.size === 0) continue;
      if (b.firstRow === 0 || r < b.firstRow) b.firstRow = r;
      if (r > b.lastRow) b.lastRow = r;
      for (const c of cells.keys()) {
        if (b.firstCol === 0 || c < b.firstCol) b.firstCol = c;
        if (c > b.lastCol) b.lastCol = c;
      }
    }
    boundsCache.set(sheet, b);
  }
  return b;
}

export function lastRow(sheet: SheetSnapshot): number {
  return bounds(sheet).lastRow;
}

export function lastCol(sheet: SheetSnapshot): number {
  return bounds(sheet).lastCol;
}

/** Rows that hold something, in order, from `from` to `to` (inclusive). */
export function* rowsBetween(sheet: SheetSnapshot, from: number, to: number): Generator<number> {
  const numbers = sortedRows(sheet);
  // Binary search for the first row ≥ from: a pass over a 1,000,000-row sheet stays linear.
  let lo = 0;
  let hi = numbers.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((numbers[mid] as number) < from) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < numbers.length && (numbers[i] as number) <= to; i++) yield numbers[i] as number;
}

const sortedCache = new WeakMap<SheetSnapshot, number[]>();
/** The numbers of the rows that hold something, in order (cached). */
export function rowNumbers(sheet: SheetSnapshot): readonly number[] {
  return sortedRows(sheet);
}
function sortedRows(sheet: SheetSnapshot): number[] {
  let rows = sortedCache.get(sheet);
  if (rows === undefined) {
    rows = [...sheet.rows.keys()];
    // Builders insert rows in order; sort only when a caller did not.
    for (let i = 1; i < rows.length; i++)
      if ((rows[i] as number) < (rows[i - 1] as number)) {
        rows.sort((a, b) => a - b);
        break;
      }
    sortedCache.set(sheet, rows);
  }
  return rows;
}

/** The merges spanning the current row of a sweep, ordered for a binary search by column. */
class MergeSweep {
  private active: RangeRef[] = [];
  private lefts: number[] = [];
  /** reach[i]: the furthest right edge among active[0..i]. */
  private reach: number[] = [];
  private stale = false;
  private soonestEnd = Infinity;
  /** Every top-left cell of the merges added, as row × 2^15 + column. */
  private readonly masters = new Set<number>();

  get size(): number {
    return this.active.length;
  }

  add(m: RangeRef): void {
    this.active.push(m);
    this.masters.add(m.top * 32768 + m.left);
    this.stale = true;
    if (m.bottom < this.soonestEnd) this.soonestEnd = m.bottom;
  }

  dropEndedBefore(row: number): void {
    if (this.soonestEnd >= row) return;
    this.active = this.active.filter((m) => m.bottom >= row);
    this.soonestEnd = Infinity;
    for (const m of this.active) if (m.bottom < this.soonestEnd) this.soonestEnd = m.bottom;
    this.stale = true;
  }

  /** Whether some merge covers (row, col) other than as its top-left cell. */
  blanks(row: number, col: number): boolean {
    if (this.stale) this.index();
    let lo = 0;
    let hi = this.lefts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.lefts[mid] as number) <= col) lo = mid + 1;
      else hi = mid;
    }
    if (lo === 0 || (this.reach[lo - 1] as number) < col) return false;
    // Covered; the rare top-left cell needs a merge other than its own to be blanked.
    if (!this.masters.has(row * 32768 + col)) return true;
    const own = (m: RangeRef) => m.top === row && m.left === col;
    return this.active.some((m) => !own(m) && col >= m.left && col <= m.right);
  }

  private index(): void {
    this.active.sort((a, b) => a.left - b.left);
    this.lefts = this.active.map((m) => m.left);
    this.reach = [];
    let far = 0;
    for (const m of this.active) this.reach.push((far = Math.max(far, m.right)));
    this.stale = false;
  }
}

/** Collects cells in any order and makes a sheet snapshot with rows and columns in order. */
export class SheetBuilder {
  private readonly rows = new Map<number, Map<number, Cell>>();
  private ordered = true;
  private lastRowSet = 0;
  private lastColSet = 0;

  /** Stores a cell; null values (blank cells) are not stored. */
  set(row: number, col: number, cell: Cell): void {
    if (cell.value === null && !cell.uncomputed) return;
    let r = this.rows.get(row);
    if (r === undefined) {
      r = new Map();
      this.rows.set(row, r);
    }
    if (row < this.lastRowSet || (row === this.lastRowSet && col <= this.lastColSet)) this.ordered = false;
    this.lastRowSet = row;
    this.lastColSet = col;
    r.set(col, cell);
  }

  /**
   * Blanks the cells merges cover other than their top-left, as Excel shows them: a sweep down the
   * stored rows, so a merge over a million rows costs nothing where nothing is stored. The merges
   * covering a row are kept sorted by left edge with the furthest right edge so far, so each cell is
   * a binary search however many merges span its row (thousands, in a hostile file).
   */
  blankMerged(merges: readonly RangeRef[]): void {
    if (merges.length === 0) return;
    const byTop = [...merges].sort((a, b) => a.top - b.top);
    const active = new MergeSweep();
    let next = 0;
    for (const row of [...this.rows.keys()].sort((a, b) => a - b)) {
      while (next < byTop.length && (byTop[next] as RangeRef).top <= row)
        active.add(byTop[next++] as RangeRef);
      active.dropEndedBefore(row);
      if (active.size === 0) continue;
      const cells = this.rows.get(row) as Map<number, Cell>;
      for (const col of [...cells.keys()]) if (active.blanks(row, col)) cells.delete(col);
      if (cells.size === 0) this.rows.delete(row);
    }
  }

  build(name: string, merges: RangeRef[] = [], hidden?: boolean): SheetSnapshot {
    let rows: Map<number, Map<number, Cell>> = this.rows;
    if (!this.ordered) {
      rows = new Map(
        [...this.rows.entries()]
          .sort((a, b) => a[0] - b[0])
          .map(([r, cells]) => [r, new Map([...cells.entries()].sort((a, b) => a[0] - b[0]))])
      );
    }
    const sheet: SheetSnapshot = { name, rows, merges };
    if (hidden !== undefined) sheet.hidden = hidden;
    return sheet;
  }
}

/**
 * A sheet from a dense grid whose top-left cell is at (`top`, `left`): how Office.js and the tests
 * hand over cells. Blank cells are dropped; merged-over cells are blanked, as Excel shows them.
 */
export function sheetFromGrid(
  name: string,
  grid: readonly (readonly (Cell | undefined)[])[],
  opts: { top?: number; left?: number; merges?: RangeRef[]; hidden?: boolean } = {}
): SheetSnapshot {
  const top = opts.top ?? 1;
  const left = opts.left ?? 1;
  const merges = opts.merges ?? [];
  const b = new SheetBuilder();
  grid.forEach((row, i) =>
    row.forEach((cell, j) => {
      if (cell) b.set(top + i, left + j, cell);
    })
  );
  b.blankMerged(merges);
  return b.build(name, merges, opts.hidden);
}

export function isCellError(value: CellValue): value is CellError {
  return typeof value === "object" && value !== null && !(value instanceof Date) && "error" in value;
}

export function isBlank(value: CellValue): boolean {
  return value === null || (typeof value === "string" && value.trim() === "");
}

/** The text of a cell as an officer reads it (numbers in plain form, errors as their code). */
export function cellText(value: CellValue): string {
  if (value === null) return "";
  if (typeof value === "string") return value.trim();
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return value.error;
}
