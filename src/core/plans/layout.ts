// Lays out a sheet the product makes, row by row: cells that span columns, styles, and row heights
// that fit the wrapped text, so that the sheet prints whole. Blocks (a title, a table, a list) are
// stacked one below the other; the summary and KQ sheets are built from them.
import type { PlanValue, RangeRef } from "../model/snapshot";
import { compactStyles, type CellStyle, type RowHeight, type SheetFont, type StyledRange } from "./format";
import { lineCount, rowPoints } from "./measure";

export interface LayoutCell {
  value: PlanValue;
  /** Columns the cell spans (merged), 1 by default. */
  span?: number;
  style?: CellStyle;
}

/** A header cell: bold, centred, wrapped, shaded, bordered. */
export const HEADER: CellStyle = {
  bold: true,
  wrap: true,
  horizontal: "center",
  vertical: "middle",
  border: "thin",
  fill: "E7E6E6",
};
/** Excel's default row height, in points. */
const DEFAULT_ROW = 15;

/** A body cell of a bordered table. */
export const BODY: CellStyle = { wrap: true, vertical: "middle", border: "thin" };

export class SheetLayout {
  readonly rows: PlanValue[][] = [];
  private readonly looks: StyledRange[] = [];
  readonly merges: RangeRef[] = [];
  private readonly heights = new Map<number, number>();

  constructor(
    readonly widths: number[],
    readonly font: SheetFont
  ) {}

  /** The sheet row the next line goes to. */
  get next(): number {
    return this.rows.length + 1;
  }

  /** An empty row. */
  blank(): number {
    this.rows.push([]);
    return this.rows.length;
  }

  /**
   * A row of cells from column `from` (1 by default), each spanning its columns; `style` applies to
   * all of them; the row is at least `minHeight` points tall (room to write by hand).
   */
  line(
    cells: (PlanValue | LayoutCell)[],
    style: CellStyle = {},
    opts: { from?: number; minHeight?: number } = {}
  ): number {
    const row = this.next;
    const from = opts.from ?? 1;
    const values: PlanValue[] = Array.from({ length: from - 1 }, () => null);
    let col = from;
    let lines = 1;
    let size = style.size ?? this.font.size;
    for (const c of cells) {
      const cell: LayoutCell = c !== null && typeof c === "object" ? c : { value: c };
      const span = cell.span ?? 1;
      const look = { ...style, ...cell.style };
      values.push(cell.value, ...Array.from({ length: span - 1 }, () => null));
      const range = { top: row, left: col, bottom: row, right: col + span - 1 };
      if (span > 1) this.merges.push(range);
      if (Object.keys(look).length) this.looks.push({ range, style: look });
      const cellSize = look.size ?? this.font.size;
      size = Math.max(size, cellSize);
      if (look.wrap && cell.value !== null) {
        const width = this.widths.slice(col - 1, col - 1 + span).reduce((s, w) => s + w, 0);
        lines = Math.max(lines, lineCount(String(cell.value), width, cellSize, look.bold));
      }
      col += span;
    }
    this.rows.push(values);
    this.heights.set(row, Math.max(rowPoints(lines, size), opts.minHeight ?? 0));
    return row;
  }

  /** The looks of the laid-out cells, in as few ranges as keep their order's meaning. */
  get styles(): StyledRange[] {
    return compactStyles(this.looks);
  }

  /** Sets a row's height (points), e.g. when a header cell spans two rows. */
  resize(row: number, height: number): void {
    this.heights.set(row, height);
  }

  /** A row's height in points; a blank row keeps Excel's default. */
  heightOf(row: number): number {
    return this.heights.get(row) ?? DEFAULT_ROW;
  }

  get rowHeights(): RowHeight[] {
    return [...this.heights].map(([row, height]) => ({ row, height }));
  }

  /** What a sheet plan takes from the layout: its cells, looks, merges and row heights. */
  get laid(): { rows: PlanValue[][]; styles: StyledRange[]; merges: RangeRef[]; rowHeights: RowHeight[] } {
    return { rows: this.rows, styles: this.styles, merges: this.merges, rowHeights: this.rowHeights };
  }

  /** The number of columns used. */
  get width(): number {
    return this.widths.length;
  }
}
