// The ExcelJS adapter, reading side: an .xlsx file → the core's WorkbookSnapshot.
import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import { parseRange } from "../core/model/a1";
import {
  SheetBuilder,
  type CellValue,
  type DefinedName,
  type RangeRef,
  type SheetSnapshot,
  type WorkbookSnapshot,
} from "../core/model/snapshot";
import { rawNames, installRawDefinedNames } from "./names";

export type FileErrorCode =
  | "not-found"
  | "not-xlsx"
  | "old-xls"
  | "encrypted"
  | "corrupt"
  | "empty"
  | "no-table"
  | "no-sheet"
  | "cannot-write";

/** Why a file could not be checked or written; `subject` names the sheet or the output file. */
export class WorkbookFileError extends Error {
  constructor(
    readonly code: FileErrorCode,
    readonly subject = ""
  ) {
    super(code);
  }

  say(lang: "vi" | "en"): string {
    return MESSAGES[this.code][lang].replace("{subject}", this.subject);
  }
}

const MESSAGES: Record<FileErrorCode, { vi: string; en: string }> = {
  "not-found": { vi: "không tìm thấy tệp", en: "file not found" },
  "not-xlsx": { vi: "không phải tệp Excel .xlsx", en: "not an Excel .xlsx file" },
  "old-xls": {
    vi: "là tệp Excel cũ (.xls): mở trong Excel và lưu lại dạng .xlsx",
    en: "is an old Excel file (.xls): open it in Excel and save it as .xlsx",
  },
  encrypted: {
    vi: "được đặt mật khẩu: bỏ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc) rồi kiểm tra lại",
    en: "is password-protected: remove the password (File → Info → Protect Workbook) and check again",
  },
  corrupt: { vi: "bị hỏng hoặc không đọc được", en: "is damaged or cannot be read" },
  empty: { vi: "là tệp rỗng", en: "is empty" },
  "no-table": {
    vi: "không tìm thấy bảng tự đánh giá (cần một dòng tiêu đề có cột “Nội dung” hoặc “Tiêu chuẩn, tiêu chí, chỉ báo” trong 200 dòng đầu; nếu tiêu đề viết khác, chỉ định bằng --header-row và --map)",
    en: "no self-assessment table found (a header row with a “Nội dung” or “Tiêu chuẩn, tiêu chí, chỉ báo” column is needed in the first 200 rows; if it is worded otherwise, give --header-row and --map)",
  },
  "no-sheet": {
    vi: "không có sheet “{subject}” chứa bảng tự đánh giá",
    en: "no sheet “{subject}” holding a self-assessment table",
  },
  "cannot-write": {
    vi: "không ghi được tệp kết quả “{subject}”: kiểm tra thư mục có tồn tại, có quyền ghi và tệp không đang mở trong Excel",
    en: "cannot write the output “{subject}”: check that the folder exists, is writable and the file is not open in Excel",
  },
};

/** Tells a zip (.xlsx) from an OLE file (.xls, or an encrypted .xlsx) and from anything else. */
function sniff(bytes: Buffer): "zip" | "ole" | "other" | "empty" {
  if (bytes.length === 0) return "empty";
  if (bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return "zip";
  if (bytes.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])))
    return "ole";
  return "other";
}

/** An OLE file is either an old .xls or an encrypted .xlsx (which holds an "EncryptionInfo" stream). */
function oleKind(bytes: Buffer): "old-xls" | "encrypted" {
  return bytes.includes(Buffer.from("EncryptionInfo", "utf16le")) ? "encrypted" : "old-xls";
}

/**
 * Reads the file once: its first bytes say what it is, then ExcelJS parses the same buffer. The
 * bytes come back too, for what ExcelJS cannot tell (the parts a copy would lose).
 */
export async function openWorkbook(path: string): Promise<{ workbook: ExcelJS.Workbook; bytes: Buffer }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    throw new WorkbookFileError("not-found");
  }
  const kind = sniff(bytes);
  if (kind === "empty") throw new WorkbookFileError("empty");
  if (kind === "ole") throw new WorkbookFileError(oleKind(bytes));
  if (kind === "other") throw new WorkbookFileError("not-xlsx");
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

function isUncomputedFormula(v: ExcelJS.CellValue): boolean {
  if (typeof v !== "object" || v === null || !("formula" in v || "sharedFormula" in v)) return false;
  const result = (v as { result?: unknown }).result;
  return result === undefined || result === null;
}

export function sheetSnapshot(ws: ExcelJS.Worksheet): SheetSnapshot {
  const builder = new SheetBuilder();
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      // A merged area's value lives in its top-left cell only, as in Excel.
      if (cell.isMerged && cell.master !== cell) return;
      const value = valueOf(cell.value);
      if (value === null) {
        // A formula saved without its result (by a program that does not calculate): say so, not "blank".
        if (isUncomputedFormula(cell.value)) builder.set(r, c, { value: null, uncomputed: true });
        return;
      }
      builder.set(r, c, cell.numFmt ? { value, format: cell.numFmt } : { value });
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
