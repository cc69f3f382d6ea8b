// A workbook's bytes (the test forms) opened in the fake Excel as Excel would show them: values,
// merges, column widths and row heights in points (as Office.js gives them), the page setup as
// Worksheet.pageLayout reads it (margins in points, Excel.PaperType names), the print area, the
// repeated rows and the manual page breaks. So one form can be checked by the CLI and by the pane.
import ExcelJS from "exceljs";
import { widthPoints } from "../../src/core/plans/measure";
import { FakeWorkbook, type FakeSheet } from "./fake-excel";

const PAPER: Record<number, string> = { 1: "Letter", 5: "Legal", 8: "A3", 9: "A4" };

/** The file's bytes in the fake (read back, not the model the test built: a width ExcelJS leaves out of the file is Excel's default). */
export async function fakeFromXlsx(bytes: Buffer, fake = new FakeWorkbook()): Promise<FakeWorkbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  for (const ws of wb.worksheets) {
    const sheet: FakeSheet = fake.addSheet(ws.name);
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      if (row.height) sheet.rowHeights.set(r, row.height);
      if (row.hidden) (sheet.hiddenRows ??= new Set()).add(r);
      row.eachCell((cell, c) => {
        // ExcelJS repeats a merged area's value in the cells it covers; Excel holds it in the first only.
        if (cell.isMerged && cell.master.address !== cell.address) return;
        const v = cell.value;
        if (typeof v === "string" || typeof v === "number" || typeof v === "boolean")
          sheet.cells.set(`${r}:${c}`, { value: v });
      });
    });
    for (let c = 1; c <= ws.columnCount; c++) {
      const col = ws.getColumn(c);
      if (col.width) sheet.columnWidths.set(c, widthPoints(col.width));
      if (col.hidden) sheet.hiddenColumns.add(c);
    }
    sheet.merges = [...((ws.model as { merges?: string[] }).merges ?? [])];
    const p = ws.pageSetup;
    const m = p.margins;
    sheet.pageLayout = {
      orientation: p.orientation === "landscape" ? "Landscape" : "Portrait",
      paperSize: PAPER[p.paperSize ?? 9] ?? "A4",
      zoom: p.fitToPage
        ? {
            horizontalFitToPages: p.fitToWidth ?? 1,
            ...(p.fitToHeight ? { verticalFitToPages: p.fitToHeight } : {}),
          }
        : { scale: p.scale ?? 100 },
      ...(m
        ? { margins: { left: m.left * 72, right: m.right * 72, top: m.top * 72, bottom: m.bottom * 72 } }
        : {}),
      ...(p.printArea ? { printArea: `'${ws.name}'!${p.printArea}` } : {}),
      ...(p.printTitlesRow ? { printTitleRows: `$${p.printTitlesRow.replace(":", ":$")}` } : {}),
    };
    const breaks = (ws as unknown as { rowBreaks?: { id: number }[] }).rowBreaks ?? [];
    sheet.pageBreaks = breaks.map((b) => b.id + 1);
  }
  return fake;
}
