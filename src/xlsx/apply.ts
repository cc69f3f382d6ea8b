// The ExcelJS adapter, writing side: applies the core's write plan to a loaded workbook.
import type ExcelJS from "exceljs";
import { parseRange, qualifiedRange } from "../core/model/a1";
import type { WritePlan } from "../core/plans/write-plan";
import { rawNames, setRawNames, sheetIndex } from "./names";

export function applyPlan(wb: ExcelJS.Workbook, plan: WritePlan): void {
  const ws = wb.getWorksheet(plan.sheet);
  if (!ws) throw new Error(`No sheet named ${plan.sheet}`);
  for (const r of plan.clear) {
    for (let row = r.top; row <= r.bottom; row++) {
      for (let col = r.left; col <= r.right; col++) {
        const cell = ws.getCell(row, col);
        cell.value = null;
        if (cell.font?.bold) cell.font = { ...cell.font, bold: false };
      }
    }
  }
  for (const b of plan.blocks) {
    b.values.forEach((values, i) => {
      values.forEach((v, j) => {
        if (v === null) return;
        const cell = ws.getCell(b.top + i, b.left + j);
        cell.value = v;
        if (b.boldRows?.includes(i)) cell.font = { ...cell.font, bold: true };
      });
    });
  }
  const index = sheetIndex(wb, plan.sheet);
  const touched = new Set(
    [...plan.removeNames, ...plan.names.map((n) => n.name)].map((n) => n.toLowerCase())
  );
  const onThisSheet = (ranges: string[], localSheetId?: number) =>
    localSheetId === index ||
    (localSheetId === undefined && ranges.every((r) => parseRange(r)?.sheet === plan.sheet));
  const kept = rawNames(wb).filter(
    (n) => !(touched.has(n.name.toLowerCase()) && onThisSheet(n.ranges, n.localSheetId))
  );
  const added = plan.names.map((n) => ({
    name: n.name,
    ranges: [qualifiedRange(plan.sheet, n.range)],
    localSheetId: index,
  }));
  setRawNames(wb, [...kept, ...added]);
}

/** Parts ExcelJS cannot carry through a copy: found by name in the file's zip directory. */
export function partsLostByCopy(bytes: Buffer): string[] {
  const parts: [string, string][] = [
    ["xl/charts/", "biểu đồ (charts)"],
    ["xl/pivotTables/", "bảng tổng hợp (pivot tables)"],
    ["xl/vbaProject.bin", "macro (VBA)"],
    ["xl/slicers/", "slicer"],
  ];
  return parts.filter(([p]) => bytes.includes(Buffer.from(p))).map(([, label]) => label);
}
