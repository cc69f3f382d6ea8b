// Writing a plan safely: first check that the sheet still holds what the check read (the officer may
// have typed since), then write the values in requests sized by their payload, syncing only when the
// next piece would not fit, so the last piece rides with whatever the caller queues after it.
import { a1 } from "../core/model/a1";
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
import { OfficeActionError } from "./office-run";
import type { ReadResult } from "./read";

function same(expected: CellValue, actual: unknown): boolean {
  if (expected === null) return actual === "" || actual === null || actual === undefined;
  if (isCellError(expected)) return actual === expected.error;
  if (expected instanceof Date) return false; // Office never hands over dates
  return expected === actual;
}

/** The rectangles a write must find as they were read: the region read, and every cell it writes or clears. */
export function rangesToVerify(plan: WritePlan, read: ReadResult): RangeRef[] {
  const blocks = plan.blocks.map((b) => ({
    top: b.top,
    left: b.left,
    bottom: b.top + b.values.length - 1,
    right:
      b.left +
      maxOf(
        b.values.map((r) => r.length),
        1
      ) -
      1,
  }));
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
