// Applies a write plan to a snapshot in memory, as the adapters do to a real workbook.
import { fingerprintText, NAME_FINGERPRINT } from "../../src/core/model/fingerprint";
import type { Cell, WorkbookSnapshot } from "../../src/core/model/snapshot";
import { planFingerprint } from "../../src/core/plans/record";
import type { WritePlan } from "../../src/core/plans/write-plan";

export function applyToSnapshot(wb: WorkbookSnapshot, plan: WritePlan): WorkbookSnapshot {
  const sheets = wb.sheets.map((s) => {
    if (s.name !== plan.sheet) return s;
    const rows = new Map([...s.rows].map(([r, cells]) => [r, new Map(cells)] as const));
    const set = (row: number, col: number, value: Cell["value"]) => {
      const r = rows.get(row) ?? new Map<number, Cell>();
      if (value === null) r.delete(col);
      else r.set(col, { value });
      if (r.size > 0) rows.set(row, r);
      else rows.delete(row);
    };
    for (const r of plan.clear)
      for (let row = r.top; row <= r.bottom; row++)
        for (let col = r.left; col <= r.right; col++) set(row, col, null);
    for (const b of plan.blocks)
      b.values.forEach((vals, i) => vals.forEach((v, j) => v !== null && set(b.top + i, b.left + j, v)));
    // Rows and columns back in order, as a reader would give them.
    const ordered = new Map(
      [...rows]
        .sort((a, b) => a[0] - b[0])
        .map(([r, cells]) => [r, new Map([...cells].sort((a, b) => a[0] - b[0]))] as const)
    );
    return { ...s, rows: ordered };
  });
  const drop = new Set([...plan.removeNames, ...plan.names.map((n) => n.name)].map((n) => n.toLowerCase()));
  const definedNames = [
    ...wb.definedNames.filter((n) => !(n.refSheet === plan.sheet && drop.has(n.name.toLowerCase()))),
    ...plan.names.map((n) => ({ name: n.name, sheet: plan.sheet, refSheet: plan.sheet, range: n.range })),
  ];
  // The fingerprint, as a writer records it: replaced by a plan that writes, removed by clean.
  const fp = planFingerprint(plan);
  const gone = (n: string) => drop.has(n.toLowerCase()) || (plan.record && n === NAME_FINGERPRINT);
  const nameValues = [
    ...(wb.nameValues ?? []).filter((n) => !(n.sheet === plan.sheet && gone(n.name))),
    ...(fp ? [{ name: NAME_FINGERPRINT, sheet: plan.sheet, value: fingerprintText(fp) }] : []),
  ];
  return { sheets, definedNames, nameValues };
}

/** The non-blank cells of a sheet, as `A1 → value` pairs, to compare workbooks. */
export function filled(wb: WorkbookSnapshot, sheet: string): Map<string, unknown> {
  const s = wb.sheets.find((x) => x.name === sheet);
  const out = new Map<string, unknown>();
  for (const [r, cells] of s?.rows ?? [])
    for (const [c, cell] of cells)
      if (cell.value !== null && cell.value !== "") out.set(`${r}:${c}`, cell.value);
  return out;
}
