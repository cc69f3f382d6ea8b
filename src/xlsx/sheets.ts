// The ExcelJS adapter for whole sheets the product makes (summaries, templates, criteria sheets),
// and saving workbooks so that every sheet-scoped name stays valid.
import type ExcelJS from "exceljs";
import { columnLetters, qualifiedRange, quoteSheetName, rangeA1 } from "../core/model/a1";
import { NAME_PRODUCT_SHEET } from "../core/model/owned";
import { productSheetName, type SheetPlan } from "../core/plans/sheet-plan";
import { rawNames, setRawNames, sheetIndex } from "./names";
import { WorkbookFileError } from "./read";
import { maxOf } from "../core/model/max";
import { applyPageSetup, applyRowHeights, applyStyles } from "./style";

/** The sheets the product made, recognised by their `HocTap_KQ_Sheet` name. */
export function productSheets(wb: ExcelJS.Workbook): string[] {
  return rawNames(wb)
    .filter((n) => n.name.toLowerCase() === NAME_PRODUCT_SHEET.toLowerCase() && n.localSheetId !== undefined)
    .map((n) => wb.worksheets[n.localSheetId as number]?.name)
    .filter((n): n is string => n !== undefined);
}

/** Removes a sheet and renumbers the sheet-scoped names of the sheets after it. */
export function removeSheet(wb: ExcelJS.Workbook, name: string): void {
  const index = sheetIndex(wb, name);
  const ws = wb.worksheets[index];
  if (!ws) return;
  wb.removeWorksheet(ws.id);
  setRawNames(
    wb,
    rawNames(wb)
      .filter((n) => n.localSheetId !== index)
      .map((n) =>
        n.localSheetId !== undefined && n.localSheetId > index
          ? { ...n, localSheetId: n.localSheetId - 1 }
          : n
      )
  );
}

/** Writes a sheet plan as a new sheet (replacing the product's own sheet of that name); returns its name. */
export function writeSheetPlan(wb: ExcelJS.Workbook, plan: SheetPlan): string {
  const ours = new Set(productSheets(wb));
  const { name, replace } = productSheetName(
    plan.name,
    wb.worksheets.map((w) => ({ name: w.name, ours: ours.has(w.name) }))
  );
  if (replace) removeSheet(wb, name);
  const ws = wb.addWorksheet(name);
  const width = maxOf(
    plan.rows.map((r) => r.length),
    1
  );
  writeCells(ws, plan);
  plan.widths?.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  applyRowHeights(ws, plan.rowHeights ?? []);
  if (plan.freezeRows) ws.views = [{ state: "frozen", ySplit: plan.freezeRows }];
  if (plan.autoFilter) ws.autoFilter = rangeA1(plan.autoFilter);
  for (const v of plan.validations ?? []) {
    for (let r = v.range.top; r <= v.range.bottom; r++)
      for (let c = v.range.left; c <= v.range.right; c++) {
        ws.getCell(r, c).dataValidation = {
          type: "list",
          allowBlank: true,
          formulae: [`"${v.list.join(",")}"`],
          showErrorMessage: true,
          errorTitle: "Mức không hợp lệ",
          error: `Chọn một trong: ${v.list.join(", ")}`,
        };
      }
  }
  for (const m of plan.merges ?? []) ws.mergeCells(m.top, m.left, m.bottom, m.right);
  for (const r of plan.pageBreaks ?? []) ws.getRow(r).addPageBreak();
  const index = sheetIndex(wb, name);
  const names = rawNames(wb);
  if (plan.print) {
    applyPageSetup(ws, plan.print);
    // Written as names of our own: ExcelJS's print titles leave an apostrophe in a sheet name unescaped.
    const q = quoteSheetName(name);
    const { titleRows: t, titleColumns: c, area } = plan.print;
    if (t || c)
      names.push({
        name: "_xlnm.Print_Titles",
        ranges: [
          ...(c ? [`${q}!$${columnLetters(c[0])}:$${columnLetters(c[1])}`] : []),
          ...(t ? [`${q}!$${t[0]}:$${t[1]}`] : []),
        ],
        localSheetId: index,
      });
    if (area)
      names.push({ name: "_xlnm.Print_Area", ranges: [qualifiedRange(name, area)], localSheetId: index });
  }
  if (plan.owned !== false)
    names.push({
      name: NAME_PRODUCT_SHEET,
      ranges: [
        qualifiedRange(name, { top: 1, left: 1, bottom: Math.max(1, plan.rows.length), right: width }),
      ],
      localSheetId: index,
    });
  setRawNames(wb, names);
  return name;
}

/** Values in the plan's font, bold rows, fills, then the plan's styles in order. */
function writeCells(ws: ExcelJS.Worksheet, plan: SheetPlan): void {
  const font = plan.font ? { name: plan.font.name, size: plan.font.size } : {};
  const bold = new Set(plan.boldRows ?? []);
  plan.rows.forEach((row, i) =>
    row.forEach((v, j) => {
      if (v === null || v === undefined) return;
      const cell = ws.getCell(i + 1, j + 1);
      cell.value = v;
      cell.font = bold.has(i) ? { ...font, bold: true } : { ...font };
    })
  );
  for (const f of plan.fills ?? []) {
    for (let r = f.range.top; r <= f.range.bottom; r++)
      for (let c = f.range.left; c <= f.range.right; c++) {
        ws.getCell(r, c).fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${f.color}` } };
      }
  }
  applyStyles(ws, plan.styles ?? [], plan.font);
}

/**
 * Saves a workbook. Print areas and titles that ExcelJS read into `pageSetup` are written back as
 * names of our own first, with the sheet name properly quoted (ExcelJS would not escape an apostrophe).
 */
export async function saveWorkbook(wb: ExcelJS.Workbook, path: string): Promise<void> {
  const names = rawNames(wb);
  wb.worksheets.forEach((ws, index) => {
    const setup = ws.pageSetup as Partial<ExcelJS.PageSetup> & {
      printArea?: string;
      printTitlesRow?: string;
      printTitlesColumn?: string;
    };
    const q = quoteSheetName(ws.name);
    if (setup.printArea) {
      for (const area of setup.printArea.split("&&")) {
        const [a, b] = area.split(":");
        names.push({
          name: "_xlnm.Print_Area",
          ranges: [`${q}!${absolute(a)}:${absolute(b ?? a)}`],
          localSheetId: index,
        });
      }
      delete setup.printArea;
    }
    if (setup.printTitlesRow || setup.printTitlesColumn) {
      const ranges: string[] = [];
      if (setup.printTitlesColumn) ranges.push(`${q}!$${setup.printTitlesColumn.replace(":", ":$")}`);
      if (setup.printTitlesRow) ranges.push(`${q}!$${setup.printTitlesRow.replace(":", ":$")}`);
      names.push({ name: "_xlnm.Print_Titles", ranges, localSheetId: index });
      delete setup.printTitlesRow;
      delete setup.printTitlesColumn;
    }
  });
  setRawNames(wb, names);
  try {
    await wb.xlsx.writeFile(path);
  } catch {
    throw new WorkbookFileError("cannot-write", path);
  }
}

/** `B3` → `$B$3`. */
function absolute(ref: string | undefined): string {
  return (ref ?? "").replace(/^\$?([A-Za-z]+)\$?(\d+)$/, "$$$1$$$2");
}
