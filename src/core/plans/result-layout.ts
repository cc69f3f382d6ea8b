// How the results look in the officer's sheet, apart from their words: the two owned columns sized to
// their content and styled like the officer's table (each cell copies the look of the table's last
// column in its own row, the header cell the header's), bordered and wrapped; the result block merged
// across the table's width, wrapped and bordered; the officer's print area grown to hold both.
import { NAME_PRINT_AREA, NAME_RESULT_BLOCK, namedRange, type Ownership } from "../model/owned";
import type { PlanValue, RangeRef, WorkbookSnapshot } from "../model/snapshot";
import type { TableLayout } from "../table/header";
import { boundingBox, type RowHeight, type StyledRange, type WriteFormat } from "./format";
import { widthFor } from "./measure";
import { maxOf } from "../model/max";

/** Officers' forms are usually set in Times New Roman 12–14: columns are sized for 13 points. */
const OFFICER_SIZE = 13;
const NOTES_WIDTH = { min: 12, max: 40 };

interface Placed {
  top: number;
  left: number;
  values: PlanValue[][];
  boldRows?: number[];
}

function rangeOf(b: Placed, width: number): RangeRef {
  return { top: b.top, left: b.left, bottom: b.top + b.values.length - 1, right: b.left + width - 1 };
}

/** A column wide enough for its header on one line and every value, within bounds. */
function columnWidth(values: PlanValue[], bounds: { min: number; max: number }): number {
  const [header, ...body] = values.map((v) => (v === null ? "" : String(v)));
  const head = widthFor(header ?? "", OFFICER_SIZE, true);
  const text = maxOf(
    body.map((v) => widthFor(v, OFFICER_SIZE)),
    bounds.min
  );
  return Math.max(head, Math.min(bounds.max, text));
}

/** What the product recorded about a row it made taller: its height before (null: automatic). */
function heightBefore(own: Ownership, row: number): number | null {
  return own.record?.heights.find((h) => h.row === row)?.before ?? null;
}

/** The old block's rows the new one (if any) no longer covers: their height as before the product wrote. */
function releasedRows(own: Ownership, old: RangeRef | null, block: RangeRef | null): RowHeight[] {
  const rows: RowHeight[] = [];
  if (old && own.ours.some((r) => r.top >= old.top && r.bottom <= old.bottom))
    for (let r = old.top; r <= old.bottom; r++)
      if (!block || r < block.top || r > block.bottom) rows.push({ row: r, height: heightBefore(own, r) });
  return rows;
}

/** Widths the product set on columns it no longer writes: back to what they were. */
function releasedWidths(own: Ownership, keep: number[]): { col: number; width: number | null }[] {
  return (own.record?.widths ?? [])
    .filter((w) => !keep.includes(w.col))
    .map((w) => ({ col: w.col, width: w.before }));
}

/** The product's own merges of the old block (those in cells it still owns), to undo first. */
function oldMerges(own: Ownership, old: RangeRef | null): RangeRef[] {
  if (!old) return [];
  return own.ours.filter(
    (r) => r.top >= old.top && r.bottom <= old.bottom && r.left >= old.left && r.right <= old.right
  );
}

/** The area the last write set, when it kept the officer's: the officer's grown to the named cells. */
function previousArea(own: Ownership, recorded: RangeRef | null): RangeRef | null {
  return recorded ? boundingBox([recorded, ...own.named.map((n) => n.range)]) : null;
}

const OWNED = { border: "thin", wrap: true } as const;

/** The two owned columns: sized to what they hold, styled like the table's last column in each row. */
function columnLooks(layout: TableLayout, columns: Placed): Pick<WriteFormat, "widths" | "styles"> {
  const col = columns.left;
  const cols = rangeOf(columns, 2);
  const widths = [
    {
      col,
      width: columnWidth(
        columns.values.map((r) => r[0] ?? null),
        { min: 8, max: 24 }
      ),
    },
    {
      col: col + 1,
      width: columnWidth(
        columns.values.map((r) => r[1] ?? null),
        NOTES_WIDTH
      ),
    },
  ];
  const styles: StyledRange[] = [
    {
      range: { ...cols, bottom: cols.top },
      like: { row: cols.top, col: layout.right },
      style: { ...OWNED, bold: true, horizontal: "center", vertical: "middle" },
    },
  ];
  if (cols.bottom > cols.top) {
    const body = (c: number) => ({ top: cols.top + 1, left: c, bottom: cols.bottom, right: c });
    // No note at all: the notes column's cells stay unbordered, not a column of empty boxes on paper.
    const noted = columns.values.slice(1).some((r) => r[1] !== null && r[1] !== undefined && r[1] !== "");
    // Centred in height: the officer's last column (often bottom-aligned) would print a level at the
    // foot of a tall row, far from the target it scores.
    styles.push(
      {
        range: body(col),
        like: { col: layout.right },
        style: { ...OWNED, horizontal: "center", vertical: "middle" },
      },
      {
        range: body(col + 1),
        like: { col: layout.right },
        style: {
          ...OWNED,
          horizontal: "left",
          vertical: "middle",
          ...(noted ? {} : { border: "none" as const }),
        },
      }
    );
  }
  return { widths, styles };
}

/**
 * The block's lines across its columns (the table's, or those on its first page across), each merged
 * and wrapped, its headings bold, fitted in height.
 */
function blockLooks(
  layout: TableLayout,
  block: Placed,
  bodyRow: number
): { lines: RangeRef[]; styles: StyledRange[]; heights: RowHeight[] } {
  const right =
    block.left +
    maxOf(
      block.values.map((v) => v.length),
      1
    ) -
    1;
  const span = (r: number): RangeRef => ({ top: r, left: block.left, bottom: r, right });
  const lines = block.values.map((_, i) => span(block.top + i));
  const bold = new Set(block.boldRows ?? []);
  const look = { row: bodyRow, col: layout.columns.content ?? layout.left };
  const styles: StyledRange[] = lines.map((range, i) => ({
    range,
    like: look,
    style: { ...OWNED, bold: bold.has(i), horizontal: "left", vertical: "top", fill: "none" },
  }));
  const heights = lines.map((range, i) => ({
    row: range.top,
    fit: { range, text: String(block.values[i]?.[0] ?? ""), bold: bold.has(i) },
  }));
  return { lines, styles, heights };
}

export function resultFormat(
  wb: WorkbookSnapshot,
  sheet: string,
  args: { layout: TableLayout; columns?: Placed; block?: Placed; bodyRow: number; own: Ownership }
): WriteFormat {
  const { layout, columns, block, own } = args;
  const cols = columns ? columnLooks(layout, columns) : { widths: [], styles: [] };
  const looks = block ? blockLooks(layout, block, args.bodyRow) : { lines: [], styles: [], heights: [] };
  const cover = [
    ...(columns ? [rangeOf(columns, 2)] : []),
    ...(block ? [boundingBox(looks.lines) as RangeRef] : []),
  ];
  const widths = [
    ...cols.widths,
    ...releasedWidths(
      own,
      cols.widths.map((w) => w.col)
    ),
  ];
  const old = namedRange(wb, sheet, NAME_RESULT_BLOCK);
  const recorded = namedRange(wb, sheet, NAME_PRINT_AREA);
  return {
    widths,
    styles: [...cols.styles, ...looks.styles],
    merges: looks.lines.filter((l) => l.right > l.left),
    unmerge: oldMerges(own, old),
    rowHeights: [...releasedRows(own, old, boundingBox(looks.lines)), ...looks.heights],
    printArea: { kind: "extend", cover, recorded, previous: previousArea(own, recorded) },
  };
}

/** What clean does beyond emptying the cells: widths, heights and the officer's print area back. */
export function cleanFormat(wb: WorkbookSnapshot, sheet: string, own: Ownership): WriteFormat {
  const recorded = namedRange(wb, sheet, NAME_PRINT_AREA);
  const old = namedRange(wb, sheet, NAME_RESULT_BLOCK);
  const format: WriteFormat = {
    widths: releasedWidths(own, []),
    styles: [],
    merges: [],
    unmerge: oldMerges(own, old),
    rowHeights: releasedRows(own, old, null),
  };
  if (recorded) format.printArea = { kind: "restore", recorded, previous: previousArea(own, recorded) };
  return format;
}
