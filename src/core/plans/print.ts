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
