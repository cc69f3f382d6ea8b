// Before the pane writes into an officer's sheet: every cell it will write, clear or merge is its own
// or empty as read, outside the officer's Excel Tables (and not right beside one, where Excel would
// grow the table over the results) and outside the officer's merged areas. Pure: it judges the plan
// against what was read; `write.ts` checks in the write's own batch that the sheet still is so.
import { a1, parseRange, rangeA1 } from "../core/model/a1";
import { isOwned, ownedRanges } from "../core/model/owned";
import { cellAt, type RangeRef } from "../core/model/snapshot";
import { blockRange, type WritePlan } from "../core/plans/write-plan";
import type { ReadResult } from "./read";

/** Why a plan may not be written, with the first cell concerned. */
export type Unsafe =
  | { kind: "officer-cell"; cell: string }
  | { kind: "table"; cell: string; table: string }
  | { kind: "merged"; cell: string; range: string };

const overlaps = (a: RangeRef, b: RangeRef) =>
  a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;

/** The first cell of `a` that lies in `b` (they overlap). */
const firstShared = (a: RangeRef, b: RangeRef) => a1(Math.max(a.top, b.top), Math.max(a.left, b.left));

/**
 * A table with the row under it and the column right of it: Excel grows a table over what is
 * written there (AutoCorrect's "Include new rows and columns in table", applied to the add-ins'
 * writes as to typing).
 */
const withGrowth = (t: RangeRef): RangeRef => ({ ...t, bottom: t.bottom + 1, right: t.right + 1 });

/** The rectangles of the plan's blocks. */
export function blockRanges(plan: WritePlan): RangeRef[] {
  return plan.blocks.map(blockRange);
}

/** The first reason the plan may not be written into the sheet as read, or null when it may. */
export function unsafeWrite(plan: WritePlan, read: ReadResult): Unsafe | null {
  const sheet = read.snapshot.sheets.find((s) => s.name === plan.sheet);
  if (!sheet || plan.sheet !== read.sheet) return null;
  const owned = ownedRanges(read.snapshot, plan.sheet);
  const blocks = blockRanges(plan);
  // Never a cell the officer filled: what the plan writes goes where the sheet was empty or held
  // the product's own results.
  for (const b of plan.blocks)
    for (let i = 0; i < b.values.length; i++) {
      const row = b.values[i] ?? [];
      for (let j = 0; j < row.length; j++) {
        if (row[j] === undefined) continue;
        const r = b.top + i;
        const c = b.left + j;
        if (cellAt(sheet, r, c).value !== null && !isOwned(owned, r, c))
          return { kind: "officer-cell", cell: a1(r, c) };
      }
    }
  const touched = [...blocks, ...plan.clear, ...(plan.format?.merges ?? [])];
  for (const t of read.tables)
    for (const r of touched)
      if (overlaps(r, withGrowth(t.range)))
        return { kind: "table", cell: firstShared(r, withGrowth(t.range)), table: t.name };
  return officerMerge(plan, read, (sheet.merges ?? []).map(rangeA1));
}

/**
 * The first of `merges` (A1 addresses, as Excel gives them) that is the officer's and meets a cell
 * the plan writes or merges; the product's own (inside its cells, or undone first) are not.
 */
export function officerMerge(
  plan: WritePlan,
  read: ReadResult,
  merges: string[]
): Extract<Unsafe, { kind: "merged" }> | null {
  const owned = plan.sheet === read.sheet ? ownedRanges(read.snapshot, plan.sheet) : [];
  const ours = [...owned, ...(plan.format?.unmerge ?? [])];
  const within = (m: RangeRef, o: RangeRef) =>
    o.top <= m.top && o.left <= m.left && o.bottom >= m.bottom && o.right >= m.right;
  const touched = [...blockRanges(plan), ...(plan.format?.merges ?? [])];
  for (const address of merges) {
    const m = parseRange(address)?.range;
    if (!m || ours.some((o) => within(m, o))) continue;
    for (const r of touched)
      if (overlaps(r, m)) return { kind: "merged", cell: firstShared(r, m), range: rangeA1(m) };
  }
  return null;
}
