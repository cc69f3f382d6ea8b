// How the product's cells look, as data: fonts, borders, alignment, sizes and page setup. Every
// writer (the ExcelJS adapter, the Office connector, a surgical writer later) applies the same data.
import type { RangeRef } from "../model/snapshot";

export interface SheetFont {
  name: string;
  size: number;
}

export interface CellStyle {
  font?: string;
  /** Points. */
  size?: number;
  bold?: boolean;
  italic?: boolean;
  wrap?: boolean;
  horizontal?: "left" | "center" | "right";
  vertical?: "top" | "middle" | "bottom";
  /** A thin border on every edge of every cell; `none` removes borders copied from another cell. */
  border?: "thin" | "none";
  /** Background colour `RRGGBB`; `none` removes a fill copied from another cell. */
  fill?: string;
}

export interface StyledRange {
  range: RangeRef;
  /**
   * Look like this cell first (font, fill, borders, alignment), then apply `style`. Without `row`,
   * each cell copies the cell of column `col` in its own row.
   */
  like?: { row?: number; col: number };
  style: CellStyle;
}

/**
 * A row's height in points; `null` gives it back its automatic height; `fit` makes it tall enough
 * for `text` wrapped across the merged cell `range` (the writer knows the columns' widths and font).
 */
export type RowHeight =
  | { row: number; height: number | null }
  | { row: number; fit: { range: RangeRef; text: string; bold?: boolean } };

/** Margins in inches. */
export interface Margins {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** A4 page setup. */
export interface PrintSetup {
  orientation: "portrait" | "landscape";
  /** Rows repeated at the top of every page (1-based, inclusive). */
  titleRows?: [number, number];
  /** Columns repeated at the left of every page (1-based, inclusive). */
  titleColumns?: [number, number];
  /** Shrink to this many pages wide and tall (0 tall: as many as needed); otherwise print at `scale`. */
  fitTo?: { wide: number; tall: number };
  /** Percent, when not fitted. */
  scale?: number;
  /** The cells to print; the used range when absent. */
  area?: RangeRef;
  margins?: Margins;
  centered?: boolean;
}

/**
 * What the product does to an officer's print area. `extend`: make it cover `cover` (the cells the
 * product writes); `recorded` is the officer's own area kept by an earlier run and `previous` the
 * area that run set. `restore` (clean): give back `recorded` if the area is still the one set.
 */
export type PrintAreaChange =
  | { kind: "extend"; cover: RangeRef[]; recorded: RangeRef | null; previous: RangeRef | null }
  | { kind: "restore"; recorded: RangeRef; previous: RangeRef | null };

/** How the product's cells in an officer's sheet look, and what it does to the sheet's print area. */
export interface WriteFormat {
  /** Widths (characters) of the product's own columns; null gives a column back the sheet's default. */
  widths: { col: number; width: number | null }[];
  styles: StyledRange[];
  /** Merged ranges of the product's cells. */
  merges: RangeRef[];
  /** The product's earlier merges, undone first (an earlier block). */
  unmerge: RangeRef[];
  rowHeights: RowHeight[];
  printArea?: PrintAreaChange;
}

/** The smallest range holding every one of `ranges`. */
export function boundingBox(ranges: RangeRef[]): RangeRef | null {
  if (ranges.length === 0) return null;
  return ranges.reduce((a, b) => ({
    top: Math.min(a.top, b.top),
    left: Math.min(a.left, b.left),
    bottom: Math.max(a.bottom, b.bottom),
    right: Math.max(a.right, b.right),
  }));
}

export function sameRange(a: RangeRef | null, b: RangeRef | null): boolean {
  if (a === null || b === null) return a === b;
  return a.top === b.top && a.left === b.left && a.bottom === b.bottom && a.right === b.right;
}

function overlaps(a: RangeRef, b: RangeRef): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/**
 * The same looks in fewer ranges: a range joins the one just above it when both look the same and
 * nothing styled in between touches it, so a writer applies a table's look in a few calls, not one
 * per row.
 */
export function compactStyles(styles: StyledRange[]): StyledRange[] {
  const out: StyledRange[] = [];
  const last = new Map<string, number>();
  for (const s of styles) {
    const key = `${s.range.left}:${s.range.right}:${JSON.stringify(s.like ?? null)}:${JSON.stringify(s.style)}`;
    const at = last.get(key);
    const above = at === undefined ? undefined : out[at];
    const clear =
      above !== undefined &&
      above.range.bottom + 1 === s.range.top &&
      !out.slice((at as number) + 1).some((x) => overlaps(x.range, s.range));
    if (above && clear && s.like?.row === undefined) {
      out[at as number] = { ...above, range: { ...above.range, bottom: s.range.bottom } };
    } else {
      last.set(key, out.length);
      out.push(s);
    }
  }
  return out;
}
