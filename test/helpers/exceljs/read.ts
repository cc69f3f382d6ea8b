// The ExcelJS adapter, reading side: an .xlsx file → the core's WorkbookSnapshot.
import ExcelJS from "exceljs";
import { parseRange } from "../../../src/core/model/a1";
import {
  SheetBuilder,
  type Cell,
  type CellValue,
  type DefinedName,
  type RangeRef,
  type SheetSnapshot,
  type WorkbookSnapshot,
} from "../../../src/core/model/snapshot";
import { readWorkbookBytes } from "../../../src/reader/file";
import { WorkbookFileError } from "../../../src/reader/file-error";
import { rawNames, installRawDefinedNames } from "./names";

// The error codes and their words live with the file checks, free of ExcelJS; re-exported here.
export { WorkbookFileError, type FileErrorCode } from "../../../src/reader/file-error";

/** ExcelJS holds the whole workbook in memory: a file past this is refused before it is read. */
const EXCELJS_MAX_BYTES = 256 * 1024 * 1024;

/**
 * Reads the file once: its first bytes say what it is, then ExcelJS parses the same buffer. The
 * bytes come back too, for what ExcelJS cannot tell (the parts a copy would lose).
 */
export async function openWorkbook(path: string): Promise<{ workbook: ExcelJS.Workbook; bytes: Buffer }> {
  // Only a regular file, a zip, within the bound; the same checks and words as the lean reader.
  const bytes = readWorkbookBytes(path, EXCELJS_MAX_BYTES);
  const wb = new ExcelJS.Workbook();
  installRawDefinedNames(wb);
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new WorkbookFileError("corrupt");
  }
  return { workbook: wb, bytes };
}

export async function loadWorkbook(path: string): Promise<ExcelJS.Workbook> {
  return (await openWorkbook(path)).workbook;
}

function valueOf(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean" || v instanceof Date) return v;
  if (typeof v !== "object") return null;
  if ("error" in v) return { error: String(v.error) };
  if ("richText" in v) return v.richText.map((t) => t.text).join("");
  if ("formula" in v || "sharedFormula" in v) {
    const result = (v as { result?: unknown }).result;
    if (result === undefined || result === null) return null;
    return valueOf(result as ExcelJS.CellValue);
  }
  if ("text" in v) return String((v as { text: unknown }).text);
  return null;
}

export function sheetSnapshot(ws: ExcelJS.Worksheet): SheetSnapshot {
  const builder = new SheetBuilder();
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      // A merged area's value lives in its top-left cell only, as in Excel.
      if (cell.isMerged && cell.master !== cell) return;
      // ExcelJS's cell.value leaves out a formula's result when it is 0 or false: read the result itself.
      const formula = cell.type === ExcelJS.ValueType.Formula;
      const value = valueOf(formula ? ((cell.result ?? null) as ExcelJS.CellValue) : cell.value);
      const base: Cell = cell.numFmt ? { value, format: cell.numFmt } : { value };
      if (value === null) {
        // A formula saved without its result (by a program that does not calculate): kept, marked.
        if (!formula) return;
        base.uncomputed = true;
      }
      builder.set(r, c, base);
    });
  });
  const merges: RangeRef[] = [];
  for (const m of (ws.model as { merges?: string[] }).merges ?? []) {
    const parsed = parseRange(m);
    if (parsed) merges.push(parsed.range);
  }
  return builder.build(ws.name, merges, ws.state !== "visible");
}

export function workbookSnapshot(wb: ExcelJS.Workbook): WorkbookSnapshot {
  const sheets: SheetSnapshot[] = [];
  wb.eachSheet((ws) => sheets.push(sheetSnapshot(ws)));
  const definedNames: DefinedName[] = [];
  for (const n of rawNames(wb)) {
    const scope = n.localSheetId !== undefined ? sheets[n.localSheetId]?.name : undefined;
    for (const text of n.ranges) {
      const parsed = parseRange(text);
      const refSheet = parsed?.sheet ?? scope;
      if (!parsed || !refSheet) continue;
      definedNames.push(
        scope
          ? { name: n.name, sheet: scope, refSheet, range: parsed.range }
          : { name: n.name, refSheet, range: parsed.range }
      );
    }
  }
  return { sheets, definedNames };
}
