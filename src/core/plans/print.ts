// Paper: how the product's sheets fit an A4 page, and how the officer's print area grows to hold
// what the product wrote (and shrinks back when it is cleaned).
import type { RangeRef } from "../model/snapshot";
import { boundingBox, sameRange, type Margins, type PrintAreaChange, type PrintSetup } from "./format";
import { widthPoints } from "./measure";

const A4 = { short: 595, long: 842 };
const INCH = 72;
export const MARGINS: Margins = { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6 };
/** Below this scale a printed sheet is hard to read: split it into page-wide parts instead of shrinking. */
export const MIN_SCALE = 70;

/** The printable width and height of an A4 page (or `paper`, in points), in points. */
export function printable(
  orientation: PrintSetup["orientation"],
  margins = MARGINS,
  paper?: { width: number; height: number }
) {
  const short = paper ? Math.min(paper.width, paper.height) : A4.short;
  const long = paper ? Math.max(paper.width, paper.height) : A4.long;
  const [w, h] = orientation === "portrait" ? [short, long] : [long, short];
  return {
    width: w - (margins.left + margins.right) * INCH,
    height: h - (margins.top + margins.bottom) * INCH,
  };
}

export function columnsPoints(widths: number[]): number {
  return widths.reduce((s, w) => s + widthPoints(w), 0);
}

/** What a writer does, given the sheet's print area now (`other`: several areas, whole columns…). */
export interface PrintAreaStep {
  /** The print area to set; none when it stays as it is. */
  set?: RangeRef;
  /** The officer's area to keep under the product's name (replacing any kept before). */
  record?: RangeRef;
  /** Drop the kept area: it no longer describes the sheet. */
  dropRecord?: boolean;
}

export function printAreaStep(change: PrintAreaChange, current: RangeRef | null | "other"): PrintAreaStep {
  const untouched =
    change.recorded !== null &&
    change.previous !== null &&
    current !== "other" &&
    sameRange(current, change.previous);
  if (change.kind === "restore") return untouched ? { set: change.recorded } : {};
  // No print area: the whole used range prints, the product's cells with it.
  if (current === null || current === "other") return change.recorded ? { dropRecord: true } : {};
  const base = untouched ? (change.recorded as RangeRef) : current;
  const set = boundingBox([base, ...change.cover]) as RangeRef;
  return untouched ? { set } : { set, record: current };
}

/**
 * How much smaller than the page's width makes it a program may print a sheet fitted to a page
 * wide: LibreOffice measured at 0.92 of the model's scale on the landscape template (text running
 * past the last column widens what it fits), 0.99 on the portrait one. The page model takes every
 * scale in between as possible.
 */
const SCALE_SPREAD = 0.9;

/** How a sheet's rows fall on A4 pages: what `keepTogether` needs to know of the sheet. */
export interface PageModel {
  print: PrintSetup;
  /** Column widths (characters) across the printed width. */
  widths: number[];
  /** A row's height in points. */
  heightOf: (row: number) => number;
  /** The last row printed. */
  last: number;
  /** Rows after which a page ends whatever fits (the officer's own page breaks). */
  breaks?: number[];
  /** Paper other than A4, in points. */
  paper?: { width: number; height: number };
  /**
   * How much taller than the model's a sheet may print (rows sized to their text where the file
   * gives no height, fonts): 1 when the model is exact.
   */
  taller?: number;
  /** How much smaller (below 1) it may print at its own scale (LibreOffice rounds a page's room up). */
  smaller?: number;
}

/** The height (points, at the sheet's own size) a page holds at the least and most, and what the repeated title rows take. */
function pageRoom(m: PageModel): { least: number; most: number; titles: number } {
  const { print } = m;
  const page = printable(print.orientation, print.margins ?? MARGINS, m.paper);
  const wide = columnsPoints(m.widths);
  const scale = print.fitTo
    ? Math.min(1, print.fitTo.wide > 0 && wide > 0 ? page.width / wide : 1)
    : (print.scale ?? 100) / 100;
  const spread = print.fitTo ? SCALE_SPREAD : (m.smaller ?? 1);
  let titles = 0;
  if (print.titleRows) for (let r = print.titleRows[0]; r <= print.titleRows[1]; r++) titles += m.heightOf(r);
  return { least: page.height / (scale * (m.taller ?? 1)), most: page.height / (scale * spread), titles };
}

/** The last row from `from` that fits in `room` points (at least `from`: a row taller than a page stands alone). */
function lastFitting(m: PageModel, from: number, room: number): number {
  let used = 0;
  for (let r = from; r <= m.last; r++) {
    used += m.heightOf(r);
    if (used > room) return Math.max(from, r - 1);
  }
  return m.last;
}

/**
 * Manual page breaks (the rows after which a page ends) that keep each group of rows — a heading
 * with its first target — on one page rather than leave the heading alone at the foot of a page,
 * whatever scale between the model's and SCALE_SPREAD of it the sheet prints at. A page that may
 * end inside a group ends before it; the pages after a break are laid from it, as after one of the
 * sheet's own breaks.
 */
export function keepTogether(m: PageModel, groups: { from: number; to: number }[]): number[] {
  if (m.print.fitTo && m.print.fitTo.tall > 0) return [];
  const { least, most, titles } = pageRoom(m);
  const breaks: number[] = [];
  // The rows the current page may start at (one row when a break fixed it).
  let start = { early: 1, late: 1 };
  let first = true;
  while (start.early <= m.last) {
    const head = first ? 0 : titles;
    const own = m.breaks?.find((b) => b >= start.early && b < m.last);
    let lo = lastFitting(m, start.early, least - head);
    let hi = lastFitting(m, start.late, most - head);
    // The officer's break ends the page there at the latest.
    if (own !== undefined) [lo, hi] = [Math.min(lo, own), Math.min(hi, own)];
    // Every scenario ends the sheet on this page: nothing parts.
    if (lo >= m.last) break;
    // A group may part where the page ends early, even when, printed smaller, all would fit.
    const risk = groups.find((g) => g.from > start.late && g.from <= hi && g.to > lo);
    if (!risk && hi >= m.last) break;
    if (risk) {
      const end = Math.min(risk.from - 1, lo);
      breaks.push(end);
      start = { early: end + 1, late: end + 1 };
    } else if (own !== undefined && lo === own) start = { early: own + 1, late: own + 1 };
    else start = { early: lo + 1, late: hi + 1 };
    first = false;
  }
  return breaks;
}
