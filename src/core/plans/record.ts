// The fingerprint a writer records with what it writes: the plan's hashes, the sheet's name, and what
// the writer found before it changed the officer's widths and heights (what the plan could not know).
import { bucketFor, rangeHashes, textHash, type Fingerprint } from "../model/fingerprint";
import { NAME_PRODUCT_SHEET } from "../model/owned";
import type { RangeRef } from "../model/snapshot";
import { maxOf } from "../model/max";
import type { SheetPlan } from "./sheet-plan";
import type { WritePlan } from "./write-plan";

export interface Seen {
  /** Widths (characters, null: default) the writer found on the columns the plan widens. */
  widths?: ReadonlyMap<number, number | null>;
  /** Heights (points, null: automatic) the writer found on the rows the plan sizes. */
  heights?: ReadonlyMap<number, number | null>;
  sheetId?: string;
  extra?: string;
  /** How the written cells looked before (the add-in's record, see Fingerprint.looks). */
  looks?: string;
  /** For a product sheet: the id of the sheet it was made for (Fingerprint.source). */
  source?: string;
}

/** The record of a write plan on its sheet; null when the plan writes nothing. */
export function planFingerprint(plan: WritePlan, seen: Seen = {}): Fingerprint | null {
  const record = plan.record;
  if (!record || record.parts.length === 0) return null;
  const fp: Fingerprint = {
    sheet: textHash(plan.sheet),
    parts: record.parts,
    widths: record.widths.map((w) => ({
      col: w.col,
      before: w.before !== undefined ? w.before : (seen.widths?.get(w.col) ?? null),
    })),
    heights: record.heights.map((h) => ({
      row: h.row,
      before: h.before !== undefined ? h.before : (seen.heights?.get(h.row) ?? null),
    })),
  };
  if (seen.sheetId !== undefined) fp.sheetId = seen.sheetId;
  if (seen.extra !== undefined) fp.extra = seen.extra;
  if (seen.looks !== undefined) fp.looks = seen.looks;
  return fp;
}

/** The range a product sheet's name covers: its rows, as wide as its widest. */
export function productSheetRange(plan: SheetPlan): RangeRef {
  const width = maxOf(
    plan.rows.map((r) => r.length),
    1
  );
  return { top: 1, left: 1, bottom: Math.max(1, plan.rows.length), right: width };
}

/** The record of a sheet the product makes, written under the name it finally got. */
export function sheetFingerprint(plan: SheetPlan, name: string, seen: Seen = {}): Fingerprint {
  const range = productSheetRange(plan);
  const bucket = bucketFor([range]);
  const hashes = rangeHashes(range, bucket, (r, c) => plan.rows[r - 1]?.[c - 1] ?? null);
  const fp: Fingerprint = {
    sheet: textHash(name),
    parts: [{ name: NAME_PRODUCT_SHEET, range, bucket, hashes }],
    widths: [],
    heights: [],
  };
  if (seen.sheetId !== undefined) fp.sheetId = seen.sheetId;
  if (seen.extra !== undefined) fp.extra = seen.extra;
  if (seen.source !== undefined) fp.source = seen.source;
  return fp;
}
