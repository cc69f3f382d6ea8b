// Whether the result block, written under an officer's table, would print apart from it: the
// officer's page setup, row heights and widths (as the writer's reader found them) laid on pages with
// the same model the templates' page breaks use. The block's lines are fitted to their text as the
// writer fits them; the printed width grows by the result columns, as the print area does.
import type { RangeRef, SheetPage, SheetSnapshot } from "../model/snapshot";
import { lastCol } from "../model/snapshot";
import { lineCount, rowPoints } from "./measure";
import { keepTogether, type PageModel } from "./print";

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

export interface PlacedBlock {
  /** The table's last row, which the block must print with. */
  lastTableRow: number;
  top: number;
  lines: { text: string; bold: boolean }[];
  /** The columns each line is merged across. */
  left: number;
  right: number;
}

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
