// How the results look in the officer's sheet, apart from their words: the two owned columns sized to
// their content and styled like the officer's table (each cell copies the look of the table's last
// column in its own row, the header cell the header's), bordered and wrapped; the result block merged
// across the table's width, wrapped and bordered; the officer's print area grown to hold both.
import { NAME_PRINT_AREA, NAME_RESULT_BLOCK, namedRange } from "../model/owned";
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

/** The old block's rows the new one (if any) no longer covers: they get their automatic height back. */
function releasedRows(old: RangeRef | null, block: RangeRef | null): RowHeight[] {
  const rows: RowHeight[] = [];
  if (old)
    for (let r = old.top; r <= old.bottom; r++)
      if (!block || r < block.top || r > block.bottom) rows.push({ row: r, height: null });
  return rows;
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
    styles.push(
      { range: body(col), like: { col: layout.right }, style: { ...OWNED, horizontal: "center" } },
      { range: body(col + 1), like: { col: layout.right }, style: { ...OWNED, horizontal: "left" } }
    );
  }
  return { widths, styles };
}

export function resultFormat(
  wb: WorkbookSnapshot,
  sheet: string,
  args: { layout: TableLayout; columns: Placed; block: Placed; bodyRow: number; owned: RangeRef[] }
): WriteFormat {
  const { layout, columns, block } = args;
  const cols = rangeOf(columns, 2);
  const { widths, styles } = columnLooks(layout, columns);
  const owned = OWNED;
  // The block spans the table's columns, each line merged and wrapped, its headings bold.
  const span = (r: number): RangeRef => ({ top: r, left: layout.left, bottom: r, right: layout.right });
  const lines = block.values.map((_, i) => span(block.top + i));
  const bold = new Set(block.boldRows ?? []);
  const look = { row: args.bodyRow, col: layout.columns.content ?? layout.left };
  lines.forEach((range, i) =>
    styles.push({
      range,
      like: look,
      style: { ...owned, bold: bold.has(i), horizontal: "left", vertical: "top", fill: "none" },
    })
  );
  const blockRange = boundingBox(lines) as RangeRef;
  const heights: RowHeight[] = [
    ...releasedRows(namedRange(wb, sheet, NAME_RESULT_BLOCK), blockRange),
    ...lines.map((range, i) => ({
      row: range.top,
      fit: { range, text: String(block.values[i]?.[0] ?? ""), bold: bold.has(i) },
    })),
  ];
  const recorded = namedRange(wb, sheet, NAME_PRINT_AREA);
  const old = namedRange(wb, sheet, NAME_RESULT_BLOCK);
  return {
    widths,
    styles,
    merges: layout.right > layout.left ? lines : [],
    unmerge: old ? [old] : [],
    rowHeights: heights,
    printArea: {
      kind: "extend",
      cover: [cols, blockRange],
      recorded,
      previous: recorded ? boundingBox([recorded, ...args.owned]) : null,
    },
  };
}

/** What clean does beyond emptying the cells: row heights back, the officer's print area back. */
export function cleanFormat(wb: WorkbookSnapshot, sheet: string, owned: RangeRef[]): WriteFormat {
  const recorded = namedRange(wb, sheet, NAME_PRINT_AREA);
  const old = namedRange(wb, sheet, NAME_RESULT_BLOCK);
  const format: WriteFormat = {
    widths: [],
    styles: [],
    merges: [],
    unmerge: old ? [old] : [],
    rowHeights: old ? releasedRows(old, null) : [],
  };
  if (recorded) format.printArea = { kind: "restore", recorded, previous: boundingBox([recorded, ...owned]) };
  return format;
}
