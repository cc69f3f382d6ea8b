// Two readers' snapshots of one workbook, compared cell by cell: every difference named by its cell.
import { a1 } from "../../src/core/model/a1";
import type { Cell, CellValue, SheetSnapshot, WorkbookSnapshot } from "../../src/core/model/snapshot";

const invalidDate = (v: CellValue) => v instanceof Date && Number.isNaN(v.getTime());
const isError = (v: CellValue) => typeof v === "object" && v !== null && !(v instanceof Date);

function sameValue(a: CellValue, b: CellValue): boolean {
  // ExcelJS reads an error cell (`t="e"`) under a date format as an Invalid Date (its streaming
  // writer makes one when a merge covers a formula's error); the lean reader keeps the error.
  if ((invalidDate(a) && isError(b)) || (invalidDate(b) && isError(a))) return true;
  if (a instanceof Date || b instanceof Date)
    return a instanceof Date && b instanceof Date && Object.is(a.getTime(), b.getTime());
  if (typeof a === "object" && a !== null && typeof b === "object" && b !== null) return a.error === b.error;
  return Object.is(a, b);
}

const show = (c: Cell | undefined) =>
  c === undefined
    ? "(nothing)"
    : JSON.stringify({
        ...c,
        value:
          c.value instanceof Date
            ? `Date(${Number.isNaN(c.value.getTime()) ? "invalid" : c.value.toISOString()})`
            : c.value,
      });

function sheetDifferences(a: SheetSnapshot, b: SheetSnapshot, out: string[]): void {
  const where = (r: number, c: number) => `${a.name}!${a1(r, c)}`;
  if (a.hidden !== b.hidden) out.push(`${a.name}: hidden ${a.hidden} ≠ ${b.hidden}`);
  if (JSON.stringify(a.merges) !== JSON.stringify(b.merges))
    out.push(`${a.name}: merges ${JSON.stringify(a.merges)} ≠ ${JSON.stringify(b.merges)}`);
  const rows = new Set([...a.rows.keys(), ...b.rows.keys()]);
  for (const r of [...rows].sort((x, y) => x - y)) {
    const ra = a.rows.get(r);
    const rb = b.rows.get(r);
    const cols = new Set([...(ra?.keys() ?? []), ...(rb?.keys() ?? [])]);
    for (const c of [...cols].sort((x, y) => x - y)) {
      const ca = ra?.get(c);
      const cb = rb?.get(c);
      const same =
        ca !== undefined &&
        cb !== undefined &&
        sameValue(ca.value, cb.value) &&
        ca.format === cb.format &&
        Boolean(ca.uncomputed) === Boolean(cb.uncomputed);
      if (!same) out.push(`${where(r, c)}: ${show(ca)} ≠ ${show(cb)}`);
    }
  }
  const order = (s: SheetSnapshot) => JSON.stringify([...s.rows.keys()]);
  if (out.length === 0 && order(a) !== order(b)) out.push(`${a.name}: rows in another order`);
}

/** The differences between two snapshots (first `max` of them); [] when equal. */
export function snapshotDifferences(a: WorkbookSnapshot, b: WorkbookSnapshot, max = 20): string[] {
  const out: string[] = [];
  const names = (w: WorkbookSnapshot) => w.sheets.map((s) => s.name);
  if (JSON.stringify(names(a)) !== JSON.stringify(names(b)))
    out.push(`sheets ${JSON.stringify(names(a))} ≠ ${JSON.stringify(names(b))}`);
  else a.sheets.forEach((s, i) => sheetDifferences(s, b.sheets[i] as SheetSnapshot, out));
  if (JSON.stringify(a.definedNames) !== JSON.stringify(b.definedNames))
    out.push(`names ${JSON.stringify(a.definedNames)} ≠ ${JSON.stringify(b.definedNames)}`);
  return out.slice(0, max);
}
