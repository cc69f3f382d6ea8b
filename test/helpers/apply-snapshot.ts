// Applies a write plan to a snapshot in memory, as the adapters do to a real workbook.
import type { Cell, WorkbookSnapshot } from "../../src/core/snapshot";
import type { WritePlan } from "../../src/core/write-plan";

export function applyToSnapshot(wb: WorkbookSnapshot, plan: WritePlan): WorkbookSnapshot {
  const sheets = wb.sheets.map((s) => {
    if (s.name !== plan.sheet) return s;
    const cells: Cell[][] = s.cells.map((r) => r.map((c) => ({ ...c })));
    const set = (row: number, col: number, value: Cell["value"]) => {
      const r = (cells[row - s.startRow] ??= []);
      for (let c = r.length; c < col - s.startCol; c++) r[c] = { value: null };
      r[col - s.startCol] = { value };
    };
    for (const r of plan.clear)
      for (let row = r.top; row <= r.bottom; row++)
        for (let col = r.left; col <= r.right; col++) set(row, col, null);
    for (const b of plan.blocks)
      b.values.forEach((vals, i) => vals.forEach((v, j) => v !== null && set(b.top + i, b.left + j, v)));
    for (let i = 0; i < cells.length; i++) cells[i] ??= [];
    return { ...s, cells };
  });
  const drop = new Set([...plan.removeNames, ...plan.names.map((n) => n.name)].map((n) => n.toLowerCase()));
  const definedNames = [
    ...wb.definedNames.filter((n) => !(n.refSheet === plan.sheet && drop.has(n.name.toLowerCase()))),
    ...plan.names.map((n) => ({ name: n.name, sheet: plan.sheet, refSheet: plan.sheet, range: n.range })),
  ];
  return { sheets, definedNames };
}

/** The non-blank cells of a sheet, as `A1 → value` pairs, to compare workbooks. */
export function filled(wb: WorkbookSnapshot, sheet: string): Map<string, unknown> {
  const s = wb.sheets.find((x) => x.name === sheet);
  const out = new Map<string, unknown>();
  s?.cells.forEach((r, i) =>
    r.forEach((c, j) => {
      if (c.value !== null && c.value !== "") out.set(`${i + s.startRow}:${j + s.startCol}`, c.value);
    })
  );
  return out;
}
