// How an officer's sheet prints, read from its part as it streams by: the page setup (orientation,
// scale or fit, margins, paper), the officer's page breaks, the row heights of the first rows and
// the column widths, with the print area and repeated rows from the workbook's names. The plans lay
// the result block on pages with it, so the block never prints alone on a page of its own.
import type { SheetPage } from "../core/model/snapshot";
import { PAGE_ROWS, PAPERS as PAPER_NAMES } from "../core/plans/block-page";
import { decodeEntities } from "../package/xml";
import type { Book } from "./book";
import { printArea } from "./results";
import { attrOf } from "./xml-edit";

/** Row heights are read this far down: a printed form is far shorter; past it the block is placed as before. */
export const HEIGHT_ROWS = PAGE_ROWS;
/** Excel's row height and column width when the sheet says nothing (Calibri 11). */
const DEFAULT_HEIGHT = 15;
const DEFAULT_WIDTH = 8.43;
/** Paper sizes other than A4 (`paperSize` 9) in points: Letter is the file format's default. */
const PAPERS: Record<string, { width: number; height: number } | undefined> = {
  "1": PAPER_NAMES.Letter,
  "5": PAPER_NAMES.Legal,
  "8": PAPER_NAMES.A3,
};

const ROW_TAG = /<(?:[\w.-]+:)?row\b[^>]*>/g;

/** The heights of the first rows, from `<row>` tags read in pieces (a tag cut between two is kept back). */
export class RowHeights {
  readonly heights = new Map<number, number>();
  private carry = "";
  private row = 0;
  done = false;

  scan(piece: string): void {
    if (this.done) return;
    const text = this.carry + piece;
    for (const m of text.matchAll(ROW_TAG)) {
      const tag = m[0];
      const r = parseInt(attrOf(tag, "r") ?? "", 10);
      this.row = Number.isFinite(r) && r > 0 ? r : this.row + 1;
      if (this.row > HEIGHT_ROWS) {
        this.done = true;
        return;
      }
      const hidden = ["1", "true"].includes(attrOf(tag, "hidden") ?? "");
      const ht = parseFloat(attrOf(tag, "ht") ?? "");
      if (hidden) this.heights.set(this.row, 0);
      else if (Number.isFinite(ht) && ht >= 0) this.heights.set(this.row, ht);
    }
    if (/<\/(?:[\w.-]+:)?sheetData>/.test(text)) this.done = true;
    const lt = text.lastIndexOf("<");
    this.carry = lt >= 0 && text.indexOf(">", lt) < 0 ? text.slice(lt) : "";
  }
}

/** The first element of `name` among the extras (its start tag, or whole with what it holds). */
function element(extras: string[], name: string): string | undefined {
  const re = new RegExp(`^<(?:[\\w.-]+:)?${name}\\b`);
  return extras.find((e) => re.test(e));
}

const num = (tag: string | undefined, attr: string): number | undefined => {
  const v = parseFloat((tag && attrOf(tag, attr)) ?? "");
  return Number.isFinite(v) ? v : undefined;
};

/** The rows repeated on every page, from `_xlnm.Print_Titles` (`'S'!$A:$B,'S'!$7:$10`). */
function titleRows(book: Book, i: number): [number, number] | undefined {
  const el = book.wb.namesOf(i).find((n) => n.name.toLowerCase() === "_xlnm.print_titles");
  const text = el ? decodeEntities(book.wb.nameRaw(el)) : "";
  const m = /!\$?(\d+):\$?(\d+)(?:,|$)/.exec(text);
  return m ? [parseInt(m[1] as string, 10), parseInt(m[2] as string, 10)] : undefined;
}

/** The sheet's page as the plans model it. */
export function sheetPage(book: Book, i: number, extras: string[], rows: RowHeights): SheetPage {
  const setup = element(extras, "pageSetup");
  const sheetPr = element(extras, "sheetPr");
  const fitting = /<(?:[\w.-]+:)?pageSetUpPr\b[^>]*\bfitToPage\s*=\s*["'](?:1|true)["']/.test(sheetPr ?? "");
  const m = element(extras, "pageMargins");
  const format = element(extras, "sheetFormatPr");
  const breaks = element(extras, "rowBreaks") ?? "";
  const cols = element(extras, "cols") ?? "";
  const widths: [number, number, number][] = [];
  for (const c of cols.matchAll(/<(?:[\w.-]+:)?col\b[^>]*>/g)) {
    const [min, max, width] = [num(c[0], "min"), num(c[0], "max"), num(c[0], "width")];
    const hidden = ["1", "true"].includes(attrOf(c[0], "hidden") ?? "");
    if (min !== undefined && max !== undefined)
      widths.push([min, max, hidden ? 0 : (width ?? DEFAULT_WIDTH)]);
  }
  const area = printArea(book, i).range;
  const titles = titleRows(book, i);
  const paper = PAPERS[(setup && attrOf(setup, "paperSize")) ?? ""];
  return {
    orientation: setup && attrOf(setup, "orientation") === "landscape" ? "landscape" : "portrait",
    scale: num(setup, "scale") ?? 100,
    ...(fitting
      ? { fitTo: { wide: num(setup, "fitToWidth") ?? 1, tall: num(setup, "fitToHeight") ?? 1 } }
      : {}),
    ...(m
      ? {
          margins: {
            left: num(m, "left") ?? 0.7,
            right: num(m, "right") ?? 0.7,
            top: num(m, "top") ?? 0.75,
            bottom: num(m, "bottom") ?? 0.75,
          },
        }
      : {}),
    ...(paper ? { paper } : {}),
    ...(area && area !== "other" ? { area } : {}),
    ...(titles ? { titleRows: titles } : {}),
    breaks: [...breaks.matchAll(/<(?:[\w.-]+:)?brk\b[^>]*>/g)]
      .map((b) => num(b[0], "id"))
      .filter((b): b is number => b !== undefined && b > 0)
      .sort((a, b) => a - b),
    heights: rows.heights,
    heightsTo: HEIGHT_ROWS,
    defaultHeight: num(format, "defaultRowHeight") ?? DEFAULT_HEIGHT,
    widths,
    defaultWidth: num(format, "defaultColWidth") ?? (num(format, "baseColWidth") ?? 8) + 0.43,
  };
}
