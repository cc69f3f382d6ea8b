// Writing a plan safely: first check that the sheet still holds what the check read (the officer may
// have typed since), then write the values in requests sized by their payload, syncing only when the
// next piece would not fit, so the last piece rides with whatever the caller queues after it.
import { a1, parseRange, rangeA1 } from "../core/model/a1";
import {
  cellAt,
  isCellError,
  type CellValue,
  type RangeRef,
  type SheetSnapshot,
} from "../core/model/snapshot";
import type { WritePlan } from "../core/plans/write-plan";
import { maxOf } from "../core/model/max";
import { isPayloadTooLarge, jsonBytes, REQUEST_BUDGET_BYTES } from "./payload";
import { writtenRows, type WrittenValue } from "./text-cells";
import { OfficeActionError, run, supported } from "./office-run";
import { blockRanges, officerMerge } from "./guard";
import {
  fingerprintFormula,
  NAME_FINGERPRINT,
  parseFingerprint,
  type Fingerprint,
} from "../core/model/fingerprint";
import type { ReadResult } from "./read";
import { restoreLooks } from "./looks";
import { ownership } from "../core/model/owned";
import { widthPoints } from "../core/plans/measure";
import { DEFAULT_WIDTH } from "../core/plans/placement";

function same(expected: CellValue, actual: unknown): boolean {
  if (expected === null) return actual === "" || actual === null || actual === undefined;
  if (isCellError(expected)) return actual === expected.error;
  if (expected instanceof Date) return false; // Office never hands over dates
  return expected === actual;
}

/** The rectangles a write must find as they were read: the region read, and every cell it writes or clears. */
export function rangesToVerify(plan: WritePlan, read: ReadResult): RangeRef[] {
  const blocks = blockRanges(plan);
  const region = plan.sheet === read.sheet && read.region ? [read.region] : [];
  return [...region, ...plan.clear, ...blocks].filter((r) => r.bottom >= r.top && r.right >= r.left);
}

/**
 * Reads back, in the write's own batch, the cells the check read and the cells the plan touches, and
 * refuses (nothing queued, nothing written) when any differs or the sheet gained rows below the
 * table. One sync for an ordinary sheet (values only), one more per further request's worth.
 */
export async function verifyUnchanged(
  context: Excel.RequestContext,
  ws: Excel.Worksheet,
  plan: WritePlan,
  read: ReadResult
): Promise<void> {
  const sheet: SheetSnapshot | undefined = read.snapshot.sheets.find((s) => s.name === plan.sheet);
  const used = ws.getUsedRangeOrNullObject(true);
  used.load("rowIndex,rowCount");
  ws.protection.load("protected");
  // A table the officer made since the read: its place is not known yet, so the write waits.
  const tables = ws.tables;
  tables.load("items/name");
  // The sheet's AutoFilter (ExcelApi 1.9), which the read does not see: one the officer applied over
  // where the results go (between the check and the write, or over an earlier run's results) would
  // hide or sort them with the officer's rows. A table's own filter is the table's range, checked above.
  const filter = supported("1.9") ? ws.autoFilter.getRangeOrNullObject().load("address") : null;
  // Merged areas where the plan writes or merges (ExcelApi 1.13): the read saw those in its region
  // only, and an empty merged area lies outside the used range.
  const merged = supported("1.13")
    ? [...blockRanges(plan), ...(plan.format?.merges ?? [])].map((r) =>
        ws.getRange(rangeA1(r)).getMergedAreasOrNullObject().load("address")
      )
    : [];
  // Sized by what the cells hold as read: unchanged, the response is exactly that; changed so much
  // that Excel refuses it as too large, it has changed.
  const expected = (row: number, col: number) => {
    const v = sheet ? cellAt(sheet, row, col).value : null;
    return v === null ? "" : isCellError(v) ? v.error : v;
  };
  const pieces: { range: Excel.Range; top: number; left: number }[] = [];
  let room = REQUEST_BUDGET_BYTES;
  for (const r of rangesToVerify(plan, read)) {
    const width = r.right - r.left + 1;
    for (let top = r.top; top <= r.bottom;) {
      let rows = 0;
      let bytes = 0;
      for (; top + rows <= r.bottom; rows++) {
        let row = 2;
        for (let c = r.left; c <= r.right; c++) row += JSON.stringify(expected(top + rows, c)).length + 1;
        if (rows > 0 && bytes + row > room) break;
        if (rows === 0 && row > room && room < REQUEST_BUDGET_BYTES) break;
        bytes += row;
      }
      if (rows === 0) {
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per request's worth of payload, by design
        await context.sync().catch(changedIfTooLarge);
        room = REQUEST_BUDGET_BYTES;
        continue;
      }
      const range = ws.getRangeByIndexes(top - 1, r.left - 1, rows, width);
      range.load("values");
      pieces.push({ range, top, left: r.left });
      room -= bytes;
      top += rows;
    }
  }
  await context.sync().catch(changedIfTooLarge);
  if (ws.protection.protected) throw new OfficeActionError("protected", `Sheet ${plan.sheet} is protected`);
  const names = (list: string[]) => [...list].sort().join("\n");
  if (names(tables.items.map((t) => t.name)) !== names(read.tables.map((t) => t.name)))
    throw new OfficeActionError("changed", "tables added or removed");
  const filtered = filter && !filter.isNullObject ? filteredCell(plan, filter.address) : null;
  if (filtered) throw new OfficeActionError("filtered", filtered.cell, filtered);
  const theirs = officerMerge(
    plan,
    read,
    merged.flatMap((m) => (m.isNullObject ? [] : m.address.split(",")))
  );
  if (theirs) throw new OfficeActionError("merged", theirs.cell, theirs);
  const readBottom = read.region?.bottom ?? 0;
  if (!used.isNullObject && used.rowIndex + used.rowCount > readBottom && plan.sheet === read.sheet) {
    throw new OfficeActionError("changed", `rows added below row ${readBottom}`);
  }
  for (const { range, top, left } of pieces) {
    range.values.forEach((row, i) =>
      row.forEach((v, j) => {
        const expected = sheet ? cellAt(sheet, top + i, left + j).value : null;
        if (!same(expected, v)) throw new OfficeActionError("changed", a1(top + i, left + j));
      })
    );
  }
}

/** The first cell the plan writes or merges inside the AutoFilter's range (`address`), with that range. */
function filteredCell(plan: WritePlan, address: string): { cell: string; range: string } | null {
  const f = parseRange(address)?.range;
  if (!f) return null;
  for (const r of [...blockRanges(plan), ...(plan.format?.merges ?? [])])
    if (r.top <= f.bottom && f.top <= r.bottom && r.left <= f.right && f.left <= r.right)
      return { cell: a1(Math.max(r.top, f.top), Math.max(r.left, f.left)), range: rangeA1(f) };
  return null;
}

/** A verifying read Excel refuses as too large holds more than was read: the sheet changed. */
function changedIfTooLarge(e: unknown): never {
  if (isPayloadTooLarge(e)) throw new OfficeActionError("changed", "the cells hold more than was read");
  throw e;
}

/** Rows' byte sizes, to cut a block where a request would pass its budget. */
function rowBytes(rows: WrittenValue[][]): number[] {
  return rows.map((r) => jsonBytes(r) + 1);
}

/**
 * Queues `rows` into the range whose top-left is (`top`, `left`) (1-based), as text written as text;
 * syncs before a piece that would not fit in the current request. `used` is what the request
 * already carries; returns what it carries after.
 */
export async function queueRows(
  context: Excel.RequestContext,
  ws: Excel.Worksheet,
  at: { top: number; left: number; bold?: number[] },
  values: readonly (readonly (WrittenValue | undefined)[])[],
  blank: "" | null,
  used: number
): Promise<number> {
  const width = maxOf(
    values.map((r) => r.length),
    1
  );
  const rows = writtenRows(values, width, blank);
  const sizes = rowBytes(rows);
  for (let start = 0; start < rows.length;) {
    let end = start;
    let bytes = 0;
    while (
      end < rows.length &&
      (end === start || used + bytes + (sizes[end] as number) <= REQUEST_BUDGET_BYTES)
    ) {
      bytes += sizes[end] as number;
      end++;
    }
    if (used > 0 && used + bytes > REQUEST_BUDGET_BYTES) {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per request's worth of payload, by design
      await context.sync();
      used = 0;
      continue;
    }
    const range = ws.getRangeByIndexes(at.top - 1 + start, at.left - 1, end - start, width);
    range.values = rows.slice(start, end) as (string | number | boolean)[][];
    for (const i of at.bold ?? []) if (i >= start && i < end) range.getRow(i - start).format.font.bold = true;
    used += bytes;
    start = end;
  }
  return used;
}

/** What a cell holds once `Range.values` took `v` (text written as text keeps no apostrophe). */
function held(v: WrittenValue): unknown {
  return typeof v === "string" && v.startsWith("'") ? v.slice(1) : v;
}

/**
 * Loads, after the writes queued in the same request, what the plan's blocks now hold: the write
 * is read back in its own response, no sync of its own. Only when the response stays in budget.
 */
export function queueReadBack(ws: Excel.Worksheet, plan: WritePlan): (() => void) | null {
  const bytes = plan.blocks.reduce((n, b) => n + jsonBytes(b.values), 0);
  if (bytes > REQUEST_BUDGET_BYTES) return null;
  const ranges = blockRanges(plan);
  const blocks = plan.blocks.map((b, k) => {
    const r = ranges[k] as RangeRef;
    return { b, width: r.right - r.left + 1, range: ws.getRange(rangeA1(r)).load("values") };
  });
  return () => {
    for (const { b, width, range } of blocks) {
      writtenRows(b.values, width, null).forEach((row, i) =>
        row.forEach((v, j) => {
          if (v === null) return;
          if (range.values[i]?.[j] !== held(v))
            throw new OfficeActionError("not-kept", a1(b.top + i, b.left + j), {
              cell: a1(b.top + i, b.left + j),
            });
        })
      );
    }
  };
}

/**
 * Gives the sheet back as it was read after a write Excel stopped half-way (Office.js has no
 * rollback, and the operations before a failing one stay applied): the cells the plan wrote or
 * cleared hold their values as read again, its merges are undone (the earlier ones made again), the
 * looks, widths and heights it changed are as the record of the write says they were before, the
 * names it added go and the ones it removed come back. The cells were the product's or empty (`unsafeWrite`), so their values
 * are all there is to restore.
 */
export async function restoreAsRead(
  plan: WritePlan,
  read: ReadResult,
  written: Fingerprint | null = null
): Promise<void> {
  const sheet = read.snapshot.sheets.find((s) => s.name === plan.sheet);
  await run(async (context) => {
    const ws = context.workbook.worksheets.getItem(plan.sheet);
    const added = [...plan.names.map((n) => n.name), ...(plan.record ? [NAME_FINGERPRINT] : [])].map(
      (name) => {
        const item = ws.names.getItemOrNullObject(name);
        item.load("name");
        return item;
      }
    );
    await context.sync();
    // The write's merges undone, the earlier results' (undone by the write) made again.
    for (const m of plan.format?.merges ?? []) ws.getRange(rangeA1(m)).unmerge();
    const undone = plan.format?.unmerge ?? [];
    const inside = (m: RangeRef, u: RangeRef) =>
      u.top <= m.top && u.left <= m.left && u.bottom >= m.bottom && u.right >= m.right;
    // The earlier merges as read (ExcelApi 1.13 reads them; older Excel leaves them undone).
    for (const m of sheet?.merges ?? [])
      if (undone.some((u) => inside(m, u))) ws.getRange(rangeA1(m)).merge(false);
    for (const r of [...plan.clear, ...blockRanges(plan)]) {
      const rows = Array.from({ length: r.bottom - r.top + 1 }, (_, i) =>
        Array.from({ length: r.right - r.left + 1 }, (_, j): WrittenValue => {
          const v = sheet ? cellAt(sheet, r.top + i, r.left + j).value : null;
          return v === null || isCellError(v) || v instanceof Date ? "" : v;
        })
      );
      ws.getRange(rangeA1(r)).values = writtenRows(rows, r.right - r.left + 1, "") as (
        string | number | boolean
      )[][];
    }
    undoLooks(ws, plan, read, written);
    for (const item of added) if (!item.isNullObject) item.delete();
    const gone = new Set(
      [...plan.removeNames, ...plan.names.map((n) => n.name), ...(plan.record ? [NAME_FINGERPRINT] : [])].map(
        (n) => n.toLowerCase()
      )
    );
    for (const n of read.snapshot.definedNames)
      if (n.sheet === plan.sheet && n.refSheet === plan.sheet && gone.has(n.name.toLowerCase()))
        ws.names.add(n.name, ws.getRange(rangeA1(n.range)));
    for (const v of read.snapshot.nameValues ?? []) {
      if (v.sheet !== plan.sheet || !gone.has(v.name.toLowerCase())) continue;
      const fp = parseFingerprint(v.value);
      if (fp) ws.names.add(v.name, `=${fingerprintFormula(fp)}`).visible = false;
    }
    await context.sync();
  });
}

/**
 * The looks, widths and heights a failed write may have changed, as they were before it: the cells
 * it emptied as the last record has them, the cells it wrote as its own record does. Queued.
 */
function undoLooks(
  ws: Excel.Worksheet,
  plan: WritePlan,
  read: ReadResult,
  written: Fingerprint | null
): void {
  if (!written) return;
  const blocks = blockRanges(plan);
  for (const r of [...plan.clear, ...blocks]) ws.getRange(rangeA1(r)).clear("Formats");
  restoreLooks(ws, ownership(read.snapshot, plan.sheet).record?.looks, plan.clear);
  restoreLooks(ws, written.looks, blocks);
  for (const w of written.widths)
    ws.getRangeByIndexes(0, w.col - 1, 1, 1).format.columnWidth = widthPoints(w.before ?? DEFAULT_WIDTH);
  for (const h of written.heights) {
    const row = ws.getRangeByIndexes(h.row - 1, 0, 1, 1).format;
    if (h.before === null) row.autofitRows();
    else row.rowHeight = h.before;
  }
}
