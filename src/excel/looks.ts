// How the officer's cells looked before the pane wrote into them (fill, font, borders, alignment,
// number format), kept in the fingerprint so that *Xoá kết quả* and a second run give them back, as
// the CLI gives back the cell elements it replaced. Read with the write's first sync: each cell's
// properties (Range.getCellProperties, ExcelApi 1.9) where the cells are few; where they are many,
// only whether any of them has a look at all (Range.getUsedRangeOrNullObject with formats, 1.4).
// Set back with Range.setCellProperties (1.9) and Range.numberFormat (1.1). The record's format is the
// core's (looks-record.ts): the CLI's clean gives the same looks back from it.
import { parseRange, rangeA1 } from "../core/model/a1";
import {
  CLEARED,
  lookFormat,
  lookOf,
  lookProperties,
  parseLooks,
  recordedLook as recorded,
  EDGE,
  LOOK_FORMAT,
  type Look,
  type LookRecord,
} from "../core/model/looks-record";
import type { RangeRef } from "../core/model/snapshot";
import { supported } from "./office-run";
import { formatBytes, LOOK_OPERATIONS, queueFormatLooks, unsettableCells } from "./looks-format";
import { OPERATION_BYTES } from "./payload";

export { lookText, parseLooks, type LookRecord } from "../core/model/looks-record";

/** What is read and given back: every look the pane's writing changes (a copied look changes them all). */
const LOAD: Excel.CellPropertiesLoadOptions = { format: { ...LOOK_FORMAT, borders: EDGE, protection: true } };

/** Cells read one by one at most: their properties stay well inside a request (about 600 B a cell). */
export const LOOK_CELLS = 4000;

const cellCount = (r: RangeRef) => (r.bottom - r.top + 1) * (r.right - r.left + 1);
const inside = (rs: RangeRef[], row: number, col: number) =>
  rs.some((r) => row >= r.top && row <= r.bottom && col >= r.left && col <= r.right);

/** What the write loads to know how the cells it writes look now. */
export interface LookReads {
  /** The rectangles the record is of (the plan's blocks). */
  ranges: RangeRef[];
  /** Cells read one by one. */
  cells: {
    range: RangeRef;
    props: OfficeExtension.ClientResult<Excel.CellProperties[][]>;
    formats: Excel.Range;
  }[];
  /** Many cells: only where, in each rectangle, cells have a look (or a value) of their own. */
  used: { range: RangeRef; used: Excel.Range }[];
}

/** Queues the loads of each cell's properties and number format in `ranges` (ExcelApi 1.9). */
function queueCells(ws: Excel.Worksheet, ranges: RangeRef[]): LookReads["cells"] {
  return ranges.map((range) => {
    const r = ws.getRange(rangeA1(range));
    return { range, props: r.getCellProperties(LOAD), formats: r.load("numberFormat") };
  });
}

/**
 * Queues the loads of how `ranges` look now, riding with the write's first sync. Each cell one by
 * one where Excel can (1.9) and they are few; otherwise where any has a look at all.
 */
export function queueLookReads(ws: Excel.Worksheet, ranges: RangeRef[]): LookReads {
  const few = supported("1.9") && ranges.reduce((n, r) => n + cellCount(r), 0) <= LOOK_CELLS;
  if (few) return { ranges, cells: queueCells(ws, ranges), used: [] };
  return {
    ranges,
    cells: [],
    used: ranges.map((range) => {
      const used = ws.getRange(rangeA1(range)).getUsedRangeOrNullObject(false);
      used.load("address");
      return { range, used };
    }),
  };
}

/**
 * Where cells `lookRecord` could not know lie few enough to be read one by one (ExcelApi 1.9), their
 * loads queued besides what was read: one more sync, then `lookRecord` again. Null when they cannot be.
 */
export function queueUnread(ws: Excel.Worksheet, reads: LookReads, unread: RangeRef[]): LookReads | null {
  if (!supported("1.9") || unread.reduce((n, r) => n + cellCount(r), 0) > LOOK_CELLS) return null;
  return { ...reads, cells: [...reads.cells, ...queueCells(ws, unread)] };
}

/** The record, or where cells have looks that were not read (each rectangle's, as one box). */
export type LookOutcome = { record: LookRecord } | { unread: RangeRef[] };

/**
 * The record of how the written cells looked before the first write: from the last record where it
 * has them (the cells now hold the product's looks), else as read now. `ours`: the cells the product
 * still owns (a cell of theirs the last record left out looked as a cleared cell). Where a cell has
 * a look of its own that was not read (many cells, or ExcelApi before 1.9), the boxes of those cells.
 */
export function lookRecord(reads: LookReads, last: string | undefined, ours: RangeRef[]): LookOutcome {
  const before = parseLooks(last);
  const looks: Look[] = [];
  const index = new Map<string, number>();
  const rects: LookRecord["rects"] = [];
  const unread: RangeRef[] = [];
  // Where each rectangle's cells have a look or a value (null: nowhere).
  const usedBox = new Map(
    reads.used.map(({ range, used }) => [
      range,
      used.isNullObject ? null : (parseRange(used.address)?.range ?? range),
    ])
  );
  for (const range of reads.ranges) {
    const cells: LookRecord["rects"][number]["cells"] = [];
    let box: RangeRef | null = null;
    const used = usedBox.get(range);
    for (let col = range.left; col <= range.right; col++)
      for (let row = range.top; row <= range.bottom; row++) {
        let look = recorded(before, row, col);
        if (look === undefined && inside(ours, row, col)) look = CLEARED;
        const read = look === undefined ? reads.cells.find((c) => inside([c.range], row, col)) : undefined;
        if (read) {
          const i = row - read.range.top;
          const j = col - read.range.left;
          look = lookOf(read.props.value[i]?.[j] ?? {}, read.formats.numberFormat[i]?.[j] ?? "General");
        } else if (look === undefined && (used === null || (used && !inside([used], row, col))))
          look = CLEARED;
        if (look === undefined) {
          box = box
            ? {
                top: Math.min(box.top, row),
                left: Math.min(box.left, col),
                bottom: Math.max(box.bottom, row),
                right: Math.max(box.right, col),
              }
            : { top: row, left: col, bottom: row, right: col };
          continue;
        }
        if (look === CLEARED) {
          cells.push(CLEARED);
          continue;
        }
        const key = JSON.stringify(look);
        let at = index.get(key);
        if (at === undefined) {
          at = looks.length;
          looks.push(look);
          index.set(key, at);
        }
        cells.push(at);
      }
    if (box) unread.push(box);
    rects.push({ range, cells });
  }
  return unread.length ? { unread } : { record: { looks, rects } };
}

/** The rectangles of a record holding a look of the officer's (what would be lost without it). */
export function lookedRanges(rec: LookRecord): RangeRef[] {
  return rec.rects.filter((r) => r.cells.some((c) => c !== CLEARED)).map((r) => r.range);
}

/**
 * Where this Excel cannot give back the recorded looks of the cells in `ranges` (before ExcelApi 1.9,
 * without cell properties): the cells whose look holds what the range format cannot set ("old"), or
 * every looked cell when setting them all would not fit in the request ("many"). Null: it can.
 */
export function looksNotGivenBack(
  last: string | undefined,
  ranges: RangeRef[]
): { cells: RangeRef[]; why: "old" | "many" } | null {
  const rec = parseLooks(last);
  if (supported("1.9") || !rec || rec.looks.length === 0) return null;
  const cells = unsettableCells(rec, ranges);
  if (cells.length) return { cells, why: "old" };
  if (formatBytes(rec, ranges) <= LOOK_OPERATIONS * OPERATION_BYTES) return null;
  return { cells: ranges.filter((r) => lookedRanges(rec).some((l) => meets(l, r))), why: "many" };
}

const meets = (a: RangeRef, b: RangeRef) =>
  a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;

/**
 * Gives back, after `clear("Formats")`, the recorded looks of the cells in `ranges` (those the write
 * or clean empties). Queued, no sync: each cell's properties at once (ExcelApi 1.9), else through the
 * range format (`looks-format.ts`; what it cannot set was refused before, `looksNotGivenBack`).
 */
export function restoreLooks(ws: Excel.Worksheet, last: string | undefined, ranges: RangeRef[]): void {
  const rec = parseLooks(last);
  if (!rec || rec.looks.length === 0) return;
  const props = supported("1.9");
  for (const { range: r } of rec.rects)
    for (const c of ranges) {
      const box = {
        top: Math.max(r.top, c.top),
        left: Math.max(r.left, c.left),
        bottom: Math.min(r.bottom, c.bottom),
        right: Math.min(r.right, c.right),
      };
      if (box.top > box.bottom || box.left > box.right) continue;
      const grid = Array.from({ length: box.bottom - box.top + 1 }, (_, i) =>
        Array.from({ length: box.right - box.left + 1 }, (_, j) => recorded(rec, box.top + i, box.left + j))
      );
      if (grid.every((row) => row.every((l) => l === CLEARED))) continue;
      const range = ws.getRange(rangeA1(box));
      if (props)
        range.setCellProperties(
          grid.map((row) => row.map((l) => (l ? (lookProperties(l) as Excel.SettableCellProperties) : {})))
        );
      else queueFormatLooks(ws, rec, box);
      range.numberFormat = grid.map((row) => row.map((l) => (l ? lookFormat(l) : "General")));
    }
}
