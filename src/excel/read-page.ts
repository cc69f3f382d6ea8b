// How the officer's sheet prints, read for a write in the reads `read.ts` already makes (no sync of
// its own): the page layout, print area, repeated rows and manual breaks ride with the first sync,
// the row heights and column widths (Range.getRowProperties / getColumnProperties) with the second,
// once the rows to read are known. The plans lay the result block on these pages exactly as they do
// from the writer's reader (src/writer/sheet-page.ts), so the pane places it where the CLI does.
// All of it is ExcelApi 1.9; an Excel without it says nothing of its pages (see `pageKnown`).
import { parseRange } from "../core/model/a1";
import type { RangeRef, SheetPage } from "../core/model/snapshot";
import { PAGE_ROWS, PAPERS } from "../core/plans/block-page";
import { pointsToWidth } from "../core/plans/measure";
import { supported } from "./office-run";

/** Rows read under the sheet's last used row: the block goes there (its lines, and a row clear of merges). */
const BLOCK_ROOM = 64;
/** Columns read right of the region: the result columns and what the print area may span. */
const RESULT_ROOM = 16;
/** Excel's row height and column width when a sheet says nothing (Calibri 11). */
const DEFAULT_HEIGHT = 15;
const DEFAULT_WIDTH = 8.43;
const POINTS_PER_INCH = 72;

/** Whether this Excel tells a sheet's pages (ExcelApi 1.9: Worksheet.pageLayout, Range.getRowProperties…). */
export function pageKnown(): boolean {
  return supported("1.9");
}

/** The loads of one sheet's page: the setup (first sync), then its sizes (second sync). */
export interface PageLoads {
  layout: Excel.PageLayout;
  area: Excel.RangeAreas;
  titles: Excel.Range;
  breaks: Excel.PageBreakCollection;
  rows?: OfficeExtension.ClientResult<Excel.RowProperties[]>;
  cols?: OfficeExtension.ClientResult<Excel.ColumnProperties[]>;
  rowsTo?: number;
}

/** Queues the page setup's loads (with the first sync). */
export function queuePageSetup(ws: Excel.Worksheet): PageLoads {
  const layout = ws.pageLayout;
  layout.load("orientation,paperSize,zoom,leftMargin,rightMargin,topMargin,bottomMargin");
  const area = layout.getPrintAreaOrNullObject();
  area.load("address");
  const titles = layout.getPrintTitleRowsOrNullObject();
  titles.load("rowIndex,rowCount");
  const breaks = ws.horizontalPageBreaks;
  breaks.load("items/rowIndex");
  return { layout, area, titles, breaks };
}

/** A single print area (several areas print apart, as the writer leaves them). */
function areaOf(p: PageLoads): RangeRef | undefined {
  if (p.area.isNullObject || p.area.address.includes(",")) return undefined;
  return parseRange(p.area.address)?.range;
}

/**
 * Queues the heights of the rows from the top to under the region (the block's room), at most
 * PAGE_ROWS, and the widths of the columns to right of both the region and the print area (with the
 * rows read, after the first sync).
 */
export function queuePageSizes(ws: Excel.Worksheet, p: PageLoads, region: RangeRef | null): void {
  const area = areaOf(p);
  const rowsTo = Math.min(PAGE_ROWS, Math.max(region?.bottom ?? 0, area?.bottom ?? 0) + BLOCK_ROOM);
  const colsTo = Math.max(region?.right ?? 0, area?.right ?? 0) + RESULT_ROOM;
  p.rowsTo = rowsTo;
  p.rows = ws
    .getRangeByIndexes(0, 0, rowsTo, 1)
    .getRowProperties({ rowIndex: true, rowHidden: true, format: { rowHeight: true } });
  p.cols = ws
    .getRangeByIndexes(0, 0, 1, colsTo)
    .getColumnProperties({ columnIndex: true, columnHidden: true, format: { columnWidth: true } });
}

const finite = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

/** The sheet's page as the plans model it (the same terms as the writer's `sheetPage`). */
export function pageOf(p: PageLoads): SheetPage | undefined {
  if (!p.rows || !p.cols || p.rowsTo === undefined) return undefined;
  const { layout } = p;
  const zoom = layout.zoom ?? {};
  const fitted =
    !finite(zoom.scale) && (finite(zoom.horizontalFitToPages) || finite(zoom.verticalFitToPages));
  const heights = new Map<number, number>();
  p.rows.value.forEach((r, i) => {
    const row = finite(r.rowIndex) ? r.rowIndex + 1 : i + 1;
    const h = r.rowHidden ? 0 : r.format?.rowHeight;
    if (finite(h) && h !== DEFAULT_HEIGHT) heights.set(row, h);
  });
  const widths: [number, number, number][] = [];
  p.cols.value.forEach((c, i) => {
    const col = finite(c.columnIndex) ? c.columnIndex + 1 : i + 1;
    const w = c.columnHidden ? 0 : c.format?.columnWidth;
    // Office.js gives points; the page model counts characters, as the file does.
    if (finite(w)) widths.push([col, col, pointsToWidth(w)]);
  });
  const area = areaOf(p);
  const paper = PAPERS[layout.paperSize];
  const inches = (points: number) => points / POINTS_PER_INCH;
  return {
    orientation: layout.orientation === "Landscape" ? "landscape" : "portrait",
    scale: finite(zoom.scale) ? zoom.scale : 100,
    ...(fitted
      ? {
          fitTo: {
            wide: finite(zoom.horizontalFitToPages) ? zoom.horizontalFitToPages : 0,
            tall: finite(zoom.verticalFitToPages) ? zoom.verticalFitToPages : 0,
          },
        }
      : {}),
    margins: {
      left: inches(layout.leftMargin),
      right: inches(layout.rightMargin),
      top: inches(layout.topMargin),
      bottom: inches(layout.bottomMargin),
    },
    ...(paper ? { paper } : {}),
    ...(area ? { area } : {}),
    ...(p.titles.isNullObject
      ? {}
      : { titleRows: [p.titles.rowIndex + 1, p.titles.rowIndex + p.titles.rowCount] }),
    // A break's rowIndex is the first row of the new page (zero-based): the row it follows, one-based.
    breaks: p.breaks.items
      .map((b) => b.rowIndex)
      .filter((b) => b > 0)
      .sort((a, b) => a - b),
    heights,
    heightsTo: p.rowsTo,
    defaultHeight: DEFAULT_HEIGHT,
    widths,
    defaultWidth: DEFAULT_WIDTH,
  };
}
