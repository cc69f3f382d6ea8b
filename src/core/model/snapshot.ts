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
  /** The officer's Excel Tables, where the product writes nothing (set by the writer's reader). */
  areas?: RangeRef[];
  /** How the sheet prints, where the writer's reader knows it: the result block is kept with the table. */
  page?: SheetPage;
  hidden?: boolean;
  /** The sheet's own id where the reader knows one (a file's `sheetId`): it survives a rename. */
  id?: string;
}

/**
 * The officer's page setup and the sizes that place rows on paper, as the sheet part says (Excel's
 * defaults where it is silent). Heights are known for the first rows only (a printed form is short).
 */
export interface SheetPage {
  orientation: "portrait" | "landscape";
  /** Percent; ignored when fitted. */
  scale: number;
  /** Fitted to this many pages wide and tall (0: as many as needed). */
  fitTo?: { wide: number; tall: number };
  /** Inches. */
  margins?: { left: number; right: number; top: number; bottom: number };
  /** Paper size in points, where it is not A4. */
  paper?: { width: number; height: number };
  area?: RangeRef;
  titleRows?: [number, number];
  /** Rows after which the officer put a page break. */
  breaks: number[];
  /** Row heights (points) that differ from `defaultHeight`, hidden rows at 0, up to `heightsTo`. */
  heights: ReadonlyMap<number, number>;
  heightsTo: number;
  defaultHeight: number;
  /** Column widths (characters) set by `<cols>`, `[first, last, width]`; others `defaultWidth`. */
  widths: [number, number, number][];
  defaultWidth: number;
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
  /** When the workbook says it was last saved (its core properties), an ISO instant; readers that do not know leave it out. */
  savedAt?: string;
}

/** A value the product writes into a cell (null leaves it blank). */
export type PlanValue = string | number | null;

const BLANK: Cell = Object.freeze({ value: null }) as Cell;
const NO_CELLS: SnapshotRow = new Map();

/** The cell at a sheet row and column (1-based); a blank cell where nothing is stored. */
export function cellAt(sheet: SheetSnapshot, row: number, col: number): Cell {
  const rows = sheet.rows;
  if (rows instanceof PackedRows) return rows.cell(row, col) ?? BLANK;
  return rows.get(row)?.get(col) ?? BLANK;
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
    if (sheet.rows instanceof PackedRows) {
      boundsCache.set(sheet, sheet.rows.bounds());
      return sheet.rows.bounds();
    }
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

/**
 * The cells of one row that hold something, in column order, written into `cols` and `cells` from
 * their start; how many. No row view, iterator or entry made, and the arrays (never shortened) keep
 * their room: a pass over every row of a long sheet allocates nothing here.
 */
export function rowCellsInto(sheet: SheetSnapshot, row: number, cols: number[], cells: Cell[]): number {
  const rows = sheet.rows;
  if (rows instanceof PackedRows) return rows.cellsInto(row, cols, cells);
  let n = 0;
  rows.get(row)?.forEach((cell, col) => {
    cols[n] = col;
    cells[n++] = cell;
  });
  return n;
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
    // Packed rows are in order by construction.
    rows = sheet.rows instanceof PackedRows ? Array.from(sheet.rows.numbers) : [...sheet.rows.keys()];
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

// ---------------------------------------------------------------------------------------------
// Packed rows: what the lean reader builds. The same ReadonlyMap of rows of cells to every caller,
// held column-wise: the row numbers and where each row's cells start (typed arrays), each cell's
// column (a typed array) and its Cell, one Cell object shared by every cell of the same value and
// format (a table repeats `Mức 2`, `x`, `Đạt` thousands of times). No Map per row, no object per
// repeated cell: some 20 bytes a cell instead of some 240.

/** One row of packed rows, as a ReadonlyMap by column; a view, made when asked for. */
class PackedRow implements ReadonlyMap<number, Cell> {
  constructor(
    private readonly cols: Int32Array,
    private readonly cells: readonly Cell[],
    private readonly from: number,
    private readonly to: number
  ) {}

  get size(): number {
    return this.to - this.from;
  }

  get(col: number): Cell | undefined {
    const k = findColumn(this.cols, this.from, this.to, col);
    return k < 0 ? undefined : this.cells[k];
  }

  has(col: number): boolean {
    return findColumn(this.cols, this.from, this.to, col) >= 0;
  }

  *entries(): MapIterator<[number, Cell]> {
    for (let k = this.from; k < this.to; k++) yield [this.cols[k] as number, this.cells[k] as Cell];
  }

  *keys(): MapIterator<number> {
    for (let k = this.from; k < this.to; k++) yield this.cols[k] as number;
  }

  *values(): MapIterator<Cell> {
    for (let k = this.from; k < this.to; k++) yield this.cells[k] as Cell;
  }

  [Symbol.iterator](): MapIterator<[number, Cell]> {
    return this.entries();
  }

  forEach(fn: (cell: Cell, col: number, row: ReadonlyMap<number, Cell>) => void): void {
    for (let k = this.from; k < this.to; k++) fn(this.cells[k] as Cell, this.cols[k] as number, this);
  }
}

/** Where `col` is among cols[from, to) (sorted), or -1: a look along short rows, a binary search in long ones. */
function findColumn(cols: Int32Array, from: number, to: number, col: number): number {
  if (to - from <= 8) {
    for (let k = from; k < to; k++) {
      const c = cols[k] as number;
      if (c === col) return k;
      if (c > col) return -1;
    }
    return -1;
  }
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((cols[mid] as number) < col) lo = mid + 1;
    else hi = mid;
  }
  return lo < to && cols[lo] === col ? lo : -1;
}

/** The rows of a packed sheet, by number, in order; never changed once built. */
export class PackedRows implements ReadonlyMap<number, SnapshotRow> {
  /** The row last found: a pass down the sheet finds the next one without a search. */
  private last = 0;

  constructor(
    /** Row numbers, ascending; every row holds at least one cell. */
    readonly numbers: Int32Array,
    /** starts[i]..starts[i + 1]: the cells of row numbers[i]; one more entry than rows. */
    private readonly starts: Int32Array,
    private readonly cols: Int32Array,
    private readonly cells: readonly Cell[]
  ) {}

  get size(): number {
    return this.numbers.length;
  }

  private slot(row: number): number {
    const nums = this.numbers;
    const last = this.last;
    if (nums[last] === row) return last;
    if (nums[last + 1] === row) return (this.last = last + 1);
    let lo = 0;
    let hi = nums.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((nums[mid] as number) < row) lo = mid + 1;
      else hi = mid;
    }
    if (lo < nums.length && nums[lo] === row) return (this.last = lo);
    return -1;
  }

  /** The cell at (row, col), without making a row view. */
  cell(row: number, col: number): Cell | undefined {
    const i = this.slot(row);
    if (i < 0) return undefined;
    const k = findColumn(this.cols, this.starts[i] as number, this.starts[i + 1] as number, col);
    return k < 0 ? undefined : this.cells[k];
  }

  /** The row's columns and cells written into the arrays given from their start; how many. */
  cellsInto(row: number, cols: number[], cells: Cell[]): number {
    const i = this.slot(row);
    if (i < 0) return 0;
    const from = this.starts[i] as number;
    const to = this.starts[i + 1] as number;
    for (let k = from; k < to; k++) {
      cols[k - from] = this.cols[k] as number;
      cells[k - from] = this.cells[k] as Cell;
    }
    return to - from;
  }

  get(row: number): SnapshotRow | undefined {
    const i = this.slot(row);
    return i < 0 ? undefined : this.row(i);
  }

  has(row: number): boolean {
    return this.slot(row) >= 0;
  }

  private row(i: number): PackedRow {
    return new PackedRow(this.cols, this.cells, this.starts[i] as number, this.starts[i + 1] as number);
  }

  *entries(): MapIterator<[number, SnapshotRow]> {
    for (let i = 0; i < this.numbers.length; i++) yield [this.numbers[i] as number, this.row(i)];
  }

  *keys(): MapIterator<number> {
    for (let i = 0; i < this.numbers.length; i++) yield this.numbers[i] as number;
  }

  *values(): MapIterator<SnapshotRow> {
    for (let i = 0; i < this.numbers.length; i++) yield this.row(i);
  }

  [Symbol.iterator](): MapIterator<[number, SnapshotRow]> {
    return this.entries();
  }

  forEach(fn: (cells: SnapshotRow, row: number, rows: ReadonlyMap<number, SnapshotRow>) => void): void {
    for (let i = 0; i < this.numbers.length; i++) fn(this.row(i), this.numbers[i] as number, this);
  }

  bounds(): Bounds {
    const n = this.numbers.length;
    if (n === 0) return { firstRow: 0, lastRow: 0, firstCol: 0, lastCol: 0 };
    let firstCol = Infinity;
    let lastCol = 0;
    for (let i = 0; i < n; i++) {
      // Columns are in order within a row: its first and last say all.
      const a = this.cols[this.starts[i] as number] as number;
      const b = this.cols[(this.starts[i + 1] as number) - 1] as number;
      if (a < firstCol) firstCol = a;
      if (b > lastCol) lastCol = b;
    }
    return { firstRow: this.numbers[0] as number, lastRow: this.numbers[n - 1] as number, firstCol, lastCol };
  }
}

/**
 * Cells remembered for sharing, by a slot of their value: no table of every value (a column of
 * all-different codes would fill it for nothing), each slot the last value met there; two values
 * meeting in one slot only share less.
 */
const SHARED_SLOTS = 1 << 14;
const SMALL_SLOTS = 1 << 9;

/** A value's slot with its format, among `slots` (a power of two). */
function slotIn(value: string | number, format: string | undefined, slots: number): number {
  return (slotOf(value) + (format === undefined ? 0 : format.length * 8191)) & (slots - 1);
}

/** A value's slot (before masking): its length and three of its letters, or its number's bits. */
function slotOf(value: string | number): number {
  if (typeof value === "number") return ((value | 0) * 31 + ((value * 65536) | 0)) | 0;
  const n = value.length;
  if (n === 0) return 0;
  return (n * 977 + value.charCodeAt(0) * 31 + value.charCodeAt(n >> 1) * 7 + value.charCodeAt(n - 1)) | 0;
}

const NO_INTS = new Int32Array(0);

const grow = (a: Int32Array, need: number): Int32Array => {
  if (need <= a.length) return a;
  const b = new Int32Array(Math.max(need, a.length * 2, 64));
  b.set(a);
  return b;
};

/**
 * Builds packed rows from cells arriving in the order a sheet's XML lists them (any order works:
 * out of order, they are sorted at the end, the last value of a cell set twice kept), sharing one
 * frozen Cell among cells of the same text or number and format met again.
 */
export class PackedSheetBuilder {
  // Grown on the first cell: a sheet read only for its name, or empty, costs nothing.
  private numbers: Int32Array = NO_INTS;
  private starts: Int32Array = NO_INTS;
  private rowCount = 0;
  private cols: Int32Array = NO_INTS;
  private cells: Cell[] = [];
  private n = 0;
  private ordered = true;
  private lastRow = 0;
  private lastCol = 0;
  /** The last Cell made for each slot of values: a table's repeated words and marks stay there. */
  private recent: (Cell | undefined)[] = new Array(SMALL_SLOTS);

  /** Cells stored so far. */
  get count(): number {
    return this.n;
  }

  /** Stores a cell; blank ones (null, computed) are not stored. */
  set(row: number, col: number, value: CellValue, format?: string, uncomputed?: boolean): void {
    if (value === null && !uncomputed) return;
    const cell = this.cellOf(value, format, uncomputed);
    if (this.rowCount === 0 || row !== this.lastRow) {
      if (row < this.lastRow) this.ordered = false;
      this.numbers = grow(this.numbers, this.rowCount + 1);
      this.starts = grow(this.starts, this.rowCount + 2);
      this.numbers[this.rowCount] = row;
      this.starts[this.rowCount++] = this.n;
    } else if (col <= this.lastCol) this.ordered = false;
    this.cols = grow(this.cols, this.n + 1);
    this.cols[this.n] = col;
    this.cells.push(cell);
    this.n++;
    this.lastRow = row;
    this.lastCol = col;
  }

  private cellOf(value: CellValue, format: string | undefined, uncomputed: boolean | undefined): Cell {
    if (uncomputed || (typeof value !== "string" && typeof value !== "number")) {
      const cell: Cell = uncomputed ? { value: null, uncomputed: true } : { value };
      if (format !== undefined) cell.format = format;
      return cell;
    }
    // A small sheet's few values need few slots; a large one's, many (made once it is large).
    if (this.n === SMALL_SLOTS * 4) this.widen();
    const slot = slotIn(value, format, this.recent.length);
    const hit = this.recent[slot];
    if (hit !== undefined && hit.value === value && hit.format === format) return hit;
    const cell: Cell = Object.freeze(format === undefined ? { value } : { value, format });
    this.recent[slot] = cell;
    return cell;
  }

  /** The larger table of slots, the cells remembered so far moved into it. */
  private widen(): void {
    const wide: (Cell | undefined)[] = new Array(SHARED_SLOTS);
    for (const cell of this.recent)
      if (cell !== undefined) wide[slotIn(cell.value as string | number, cell.format, SHARED_SLOTS)] = cell;
    this.recent = wide;
  }

  /** The cells as (row, col, index) in order, the last of a cell set twice kept. */
  private sort(): void {
    const order: number[][] = [];
    for (let i = 0; i < this.rowCount; i++)
      for (
        let k = this.starts[i] as number;
        k < (i + 1 < this.rowCount ? (this.starts[i + 1] as number) : this.n);
        k++
      )
        order.push([this.numbers[i] as number, this.cols[k] as number, k]);
    order.sort(
      (a, b) =>
        (a[0] as number) - (b[0] as number) ||
        (a[1] as number) - (b[1] as number) ||
        (a[2] as number) - (b[2] as number)
    );
    const kept = order.filter((x, i) => {
      const next = order[i + 1];
      return next === undefined || next[0] !== x[0] || next[1] !== x[1];
    });
    this.rebuild(kept);
  }

  /** Rows and cells again from (row, col, index) triples in order. */
  private rebuild(kept: number[][]): void {
    const cells = this.cells;
    this.numbers = NO_INTS;
    this.starts = NO_INTS;
    this.cols = new Int32Array(Math.max(1, kept.length));
    this.cells = [];
    this.rowCount = 0;
    this.n = 0;
    this.lastRow = 0;
    this.lastCol = 0;
    for (const [row, col, k] of kept) {
      if (this.rowCount === 0 || row !== this.lastRow) {
        this.numbers = grow(this.numbers, this.rowCount + 1);
        this.starts = grow(this.starts, this.rowCount + 2);
        this.numbers[this.rowCount] = row as number;
        this.starts[this.rowCount++] = this.n;
      }
      this.cols[this.n] = col as number;
      this.cells.push(cells[k as number] as Cell);
      this.n++;
      this.lastRow = row as number;
      this.lastCol = col as number;
    }
    this.ordered = true;
  }

  /** Blanks the cells merges cover other than their top-left, as Excel shows them (see SheetBuilder). */
  blankMerged(merges: readonly RangeRef[]): void {
    if (merges.length === 0 || this.n === 0) return;
    if (!this.ordered) this.sort();
    const byTop = [...merges].sort((a, b) => a.top - b.top);
    const active = new MergeSweep();
    let next = 0;
    let kept: number[][] | null = null;
    for (let i = 0; i < this.rowCount; i++) {
      const row = this.numbers[i] as number;
      while (next < byTop.length && (byTop[next] as RangeRef).top <= row)
        active.add(byTop[next++] as RangeRef);
      active.dropEndedBefore(row);
      const end = i + 1 < this.rowCount ? (this.starts[i + 1] as number) : this.n;
      for (let k = this.starts[i] as number; k < end; k++) {
        const col = this.cols[k] as number;
        const blank = active.size > 0 && active.blanks(row, col);
        if (blank && kept === null) {
          // The first blanked cell: every cell before it is kept.
          kept = [];
          for (let j = 0; j < i; j++)
            for (let q = this.starts[j] as number; q < (this.starts[j + 1] as number); q++)
              kept.push([this.numbers[j] as number, this.cols[q] as number, q]);
          for (let q = this.starts[i] as number; q < k; q++) kept.push([row, this.cols[q] as number, q]);
        } else if (!blank && kept !== null) kept.push([row, col, k]);
      }
    }
    if (kept !== null) this.rebuild(kept);
  }

  build(name: string, merges: RangeRef[] = [], hidden?: boolean): SheetSnapshot {
    if (!this.ordered) this.sort();
    const starts = grow(this.starts, this.rowCount + 1).slice(0, this.rowCount + 1);
    starts[this.rowCount] = this.n;
    const rows = new PackedRows(
      this.numbers.slice(0, this.rowCount),
      starts,
      this.cols.slice(0, this.n),
      this.cells
    );
    const sheet: SheetSnapshot = { name, rows, merges };
    if (hidden !== undefined) sheet.hidden = hidden;
    return sheet;
  }
}
