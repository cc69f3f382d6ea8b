// The ExcelJS adapter, writing side: applies the core's write plan to a loaded workbook.
import type ExcelJS from "exceljs";
import { parseRange, qualifiedRange, rangeA1 } from "../core/model/a1";
import { NAME_PRINT_AREA } from "../core/model/owned";
import type { RangeRef } from "../core/model/snapshot";
import type { PrintAreaChange, WriteFormat } from "../core/plans/format";
import { printAreaStep } from "../core/plans/print";
import type { WritePlan } from "../core/plans/write-plan";
import { rawNames, setRawNames, sheetIndex } from "./names";
import { applyRowHeights, applyStyles, clearLook, styled, unmergeWithin } from "./style";

export function applyPlan(wb: ExcelJS.Workbook, plan: WritePlan): void {
  const ws = wb.getWorksheet(plan.sheet);
  if (!ws) throw new Error(`No sheet named ${plan.sheet}`);
  for (const r of plan.format?.unmerge ?? []) unmergeWithin(ws, r);
  for (const r of plan.clear) {
    clearLook(ws, r);
    for (let row = r.top; row <= r.bottom; row++) {
      for (let col = r.left; col <= r.right; col++) ws.getCell(row, col).value = null;
    }
  }
  for (const b of plan.blocks) {
    b.values.forEach((values, i) => {
      values.forEach((v, j) => {
        if (v === null) return;
        const cell = ws.getCell(b.top + i, b.left + j);
        cell.value = v;
        if (b.boldRows?.includes(i)) cell.style = styled(cell.style, { bold: true });
      });
    });
  }
  const index = sheetIndex(wb, plan.sheet);
  if (plan.format) applyFormat(wb, ws, index, plan.format);
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

/** Widths, looks, merges and heights of the written cells, then the print area. */
function applyFormat(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, index: number, f: WriteFormat): void {
  for (const w of f.widths) ws.getColumn(w.col).width = w.width ?? (undefined as unknown as number);
  applyStyles(ws, f.styles);
  for (const m of f.merges) ws.mergeCells(m.top, m.left, m.bottom, m.right);
  applyRowHeights(ws, f.rowHeights);
  if (f.printArea) applyPrintArea(wb, ws, index, f.printArea);
}

/** The officer's print area now: one plain range, none, or something the product leaves alone. */
function currentPrintArea(ws: ExcelJS.Worksheet): RangeRef | null | "other" {
  const area = (ws.pageSetup as { printArea?: string }).printArea;
  if (!area) return null;
  return (!area.includes("&&") && parseRange(area)?.range) || "other";
}

function applyPrintArea(
  wb: ExcelJS.Workbook,
  ws: ExcelJS.Worksheet,
  index: number,
  change: PrintAreaChange
): void {
  const step = printAreaStep(change, currentPrintArea(ws));
  if (step.set) (ws.pageSetup as { printArea?: string }).printArea = rangeA1(step.set);
  if (!step.record && !step.dropRecord) return;
  const record = NAME_PRINT_AREA.toLowerCase();
  const names = rawNames(wb).filter((n) => !(n.name.toLowerCase() === record && n.localSheetId === index));
  if (step.record)
    names.push({
      name: NAME_PRINT_AREA,
      ranges: [qualifiedRange(ws.name, step.record)],
      localSheetId: index,
      hidden: true,
    });
  setRawNames(wb, names);
}
