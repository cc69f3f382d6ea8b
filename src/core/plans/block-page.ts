// Whether the result block, written under an officer's table, would print apart from it: the
// officer's page setup, row heights and widths (as the writer's reader found them) laid on pages with
// the same model the templates' page breaks use. The block's lines are fitted to their text as the
// writer fits them; the printed width grows by the result columns, as the print area does.
import type { RangeRef, SheetPage, SheetSnapshot } from "../model/snapshot";
import { lastCol } from "../model/snapshot";
import { lineCount, rowPoints, textPoints, widthPoints } from "./measure";
import { keepTogether, printable, type PageModel } from "./print";

/** The size the block's lines are measured at: officers' forms are set in 12–14 points. */
const BLOCK_SIZE = 13;
/**
 * A sheet comes out a little taller than the model where rows without a stored height grow to their
 * text (LibreOffice measured 16 points over a 756-point page of a form): the block fits with room to spare.
 */
const TALLER = 1.04;
/** …and a row more than the model may fit on a page: LibreOffice's page held 756.5 points of a 755.6-point room. */
const SMALLER = 0.99;
/** Rows whose heights the readers give, from the top: a printed form is far shorter; past it the block is placed as before. */
export const PAGE_ROWS = 5000;
/** Paper sizes other than A4 in points, by Office.js's Excel.PaperType names (the writer maps the file's codes to them). */
export const PAPERS: Record<string, { width: number; height: number }> = {
  Letter: { width: 612, height: 792 },
  Legal: { width: 612, height: 1008 },
  A3: { width: 842, height: 1191 },
};
/** Excel's margins (inches) when the sheet sets none. */
const EXCEL_MARGINS = { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75 };
/** The block's heading, which its lines must hold on one line (see MIN_BLOCK_POINTS). */
export const BLOCK_HEADING = "KẾT QUẢ KIỂM TRA TỰ ĐÁNH GIÁ";
/**
 * The narrowest the block's lines may be merged: its heading on one line. The heading measures 227
 * points at 13 points bold; narrower, it breaks, and so does every line after it (the proposal's
 * `Đề nghị công nhận: … — Mức 2` measures 326, the set's title up to 447, the date 147): a thin
 * column three or more lines a line, taller than the table's last rows, that reads as a scrap rather
 * than a result. With a cell's padding on either side: 240 points, a third of a landscape A4's width.
 */
export const MIN_BLOCK_POINTS = Math.ceil(textPoints(BLOCK_HEADING, BLOCK_SIZE, true) + 13);

export interface PlacedBlock {
  /** The table's last row, which the block must print with. */
  lastTableRow: number;
  top: number;
  lines: { text: string; bold: boolean }[];
  /** The columns each line is merged across. */
  left: number;
  right: number;
}

/** A column's printed width in points (a hidden one, none). */
const columnPoints = (width: number): number => (width > 0 ? widthPoints(width) : 0);
/**
 * LibreOffice prints a column about 5.55 points a character (measured on a form: 42 characters
 * 233 points, 8 characters 44.5, 6 characters 33), wider than Excel's 7 pixels a character and 5 of
 * padding for a wide column (224 points at 42): a column counted at the wider of the two prints on
 * the first page across in either program.
 */
const PRINTED_PER_CHARACTER = 5.6;
const widestPoints = (width: number): number => Math.max(columnPoints(width), width * PRINTED_PER_CHARACTER);

function widthOf(page: SheetPage, written: { col: number; width: number | null }[]) {
  return (c: number): number => {
    const w = written.find((x) => x.col === c)?.width;
    if (w !== undefined && w !== null) return w;
    const set = page.widths.find(([min, max]) => c >= min && c <= max);
    return set ? set[2] : page.defaultWidth;
  };
}

/**
 * True when the block, placed as given, may print on another page than the table's last row (alone,
 * or cut across two pages); false when it stays with it or when the sheet's page is not known.
 */
export function blockPrintsApart(
  sheet: SheetSnapshot,
  block: PlacedBlock,
  /** The widths the write sets (the result columns), and `cover`: what the print area grows to hold. */
  write: { widths: { col: number; width: number | null }[]; cover: RangeRef[] }
): boolean {
  const page = sheet.page;
  const bottom = block.top + block.lines.length - 1;
  if (!page || bottom > page.heightsTo) return false;
  const width = widthOf(page, write.widths);
  const area = page.area;
  const right = Math.max(area?.right ?? lastCol(sheet), ...write.cover.map((c) => c.right));
  const from = area?.left ?? 1;
  const merged = (() => {
    let w = 0;
    for (let c = block.left; c <= block.right; c++) w += width(c);
    return w;
  })();
  const heightOf = (r: number): number => {
    if (area && r < area.top) return 0;
    const line = r >= block.top && r <= bottom ? block.lines[r - block.top] : undefined;
    if (line) return rowPoints(lineCount(line.text, merged, BLOCK_SIZE, line.bold), BLOCK_SIZE);
    return page.heights.get(r) ?? page.defaultHeight;
  };
  const widths: number[] = [];
  for (let c = from; c <= right; c++) widths.push(width(c));
  const margins = page.margins ?? EXCEL_MARGINS;
  const model: PageModel = {
    print: {
      orientation: page.orientation,
      scale: page.scale,
      ...(page.fitTo ? { fitTo: page.fitTo } : {}),
      margins,
      ...(page.titleRows ? { titleRows: page.titleRows } : {}),
    },
    widths,
    heightOf,
    last: bottom,
    breaks: page.breaks,
    taller: TALLER,
    smaller: SMALLER,
    ...(page.paper ? { paper: page.paper } : {}),
  };
  if (page.breaks.some((b) => b >= block.lastTableRow && b < bottom)) return true;
  return keepTogether(model, [{ from: block.lastTableRow, to: bottom }]).length > 0;
}

/**
 * The columns the block's lines span: from the table's left to the last column that prints on the
 * same page across as it (the officer's columns laid across pages at the sheet's own scale, from
 * the print area's left), so nothing of the block falls on the next page across as empty boxes.
 * The table's whole width where it fits (or the page is not known); `narrow` when that span is cut
 * and cannot hold the block legibly (MIN_BLOCK_POINTS): the block then goes to `KQ` only.
 */
export function blockSpan(
  sheet: SheetSnapshot,
  left: number,
  right: number
): { right: number; narrow: boolean } {
  const page = sheet.page;
  // Fitted to one page wide: every column prints on it.
  if (!page || (page.fitTo && page.fitTo.wide === 1)) return { right, narrow: false };
  // Fitted otherwise, a sheet prints at 100 % or smaller: the columns that fit at 100 % surely share the page.
  const scale = page.fitTo ? 1 : page.scale / 100;
  const room = printable(page.orientation, page.margins ?? EXCEL_MARGINS, page.paper).width / scale;
  const width = widthOf(page, []);
  let used = 0;
  let end = right;
  for (let c = Math.min(page.area?.left ?? 1, left); c <= right; c++) {
    const w = widestPoints(width(c));
    // A column that does not fit what is left of the page starts the next page across.
    if (used > 0 && used + w > room) {
      if (c > left) {
        end = c - 1;
        break;
      }
      used = 0;
    }
    used += w;
  }
  if (end >= right) return { right, narrow: false };
  let span = 0;
  for (let c = left; c <= end; c++) span += columnPoints(width(c));
  return { right: end, narrow: span < MIN_BLOCK_POINTS };
}
