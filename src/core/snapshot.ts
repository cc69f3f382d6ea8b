// The cell snapshot every reader fills (the ExcelJS adapter, the Office adapter, tests): plain data,
// so the checking core never touches a spreadsheet API.

/** An Excel error value such as `#DIV/0!`, `#REF!`, `#N/A`. */
export interface CellError {
  error: string;
}

export type CellValue = string | number | boolean | Date | CellError | null;

export interface Cell {
  value: CellValue;
  /** Excel number format (`0.0%`, `General`…), used to tell a percentage from a plain number. */
  format?: string;
}

/** A rectangle of cells, 1-based and inclusive. */
export interface RangeRef {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetSnapshot {
  name: string;
  /** Row and column (1-based) of `cells[0][0]`: the top-left corner of the used range. */
  startRow: number;
  startCol: number;
  /** The used range, row by row. Cells covered by a merge (other than its top-left) are blank. */
  cells: Cell[][];
  merges: RangeRef[];
  hidden?: boolean;
}

/** A workbook defined name; `sheet` is set for names scoped to one sheet. */
export interface DefinedName {
  name: string;
  sheet?: string;
  /** The range it refers to, on `refSheet` (usually the same sheet). */
  refSheet: string;
  range: RangeRef;
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
  definedNames: DefinedName[];
}

const BLANK: Cell = { value: null };

/** The cell at a sheet row and column (1-based); a blank cell outside the used range. */
export function cellAt(sheet: SheetSnapshot, row: number, col: number): Cell {
  return sheet.cells[row - sheet.startRow]?.[col - sheet.startCol] ?? BLANK;
}

export function lastRow(sheet: SheetSnapshot): number {
  return sheet.startRow + sheet.cells.length - 1;
}

const widths = new WeakMap<Cell[][], number>();

/** The last column of the used range (cached: snapshots are never changed once made). */
export function lastCol(sheet: SheetSnapshot): number {
  let width = widths.get(sheet.cells);
  if (width === undefined) {
    width = 0;
    for (const row of sheet.cells) if (row.length > width) width = row.length;
    widths.set(sheet.cells, width);
  }
  return sheet.startCol + width - 1;
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
