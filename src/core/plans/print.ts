// Paper: how the product's sheets fit an A4 page, and how the officer's print area grows to hold
// what the product wrote (and shrinks back when it is cleaned).
import type { RangeRef } from "../model/snapshot";
import { boundingBox, sameRange, type Margins, type PrintAreaChange, type PrintSetup } from "./format";
import { widthPoints } from "./measure";

const A4 = { short: 595, long: 842 };
const INCH = 72;
export const MARGINS: Margins = { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6 };
/** Below this scale a printed sheet is hard to read: paginate across instead of shrinking. */
export const MIN_SCALE = 70;

/** The printable width and height of an A4 page, in points. */
export function printable(orientation: PrintSetup["orientation"], margins = MARGINS) {
  const [w, h] = orientation === "portrait" ? [A4.short, A4.long] : [A4.long, A4.short];
  return {
    width: w - (margins.left + margins.right) * INCH,
    height: h - (margins.top + margins.bottom) * INCH,
  };
}

export function columnsPoints(widths: number[]): number {
  return widths.reduce((s, w) => s + widthPoints(w), 0);
}

/**
 * How a wide table prints: one page wide when that keeps the scale at `MIN_SCALE` % or more (and
 * `tall` pages tall), otherwise across several pages at a readable scale that still fits
 * `rowsTall` points of rows on a page, with the key columns repeated on each.
 */
export function fitAcross(
  widths: number[],
  opts: { orientation: PrintSetup["orientation"]; tall: number; pageRowsPoints: number }
): Pick<PrintSetup, "fitTo" | "scale"> & { across: boolean } {
  const page = printable(opts.orientation);
  const widthScale = (page.width / columnsPoints(widths)) * 100;
  if (widthScale >= MIN_SCALE) return { fitTo: { wide: 1, tall: opts.tall }, across: false };
  const heightScale = (page.height / opts.pageRowsPoints) * 100;
  return { scale: Math.floor(Math.max(MIN_SCALE, Math.min(100, heightScale))), across: true };
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
