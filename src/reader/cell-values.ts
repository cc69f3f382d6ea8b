// Cell values as the file stores them, turned into the snapshot's values the way the ExcelJS
// adapter does (so both readers give the same snapshot), except where ExcelJS is plainly wrong;
// those places are named in the comments.

/** Built-in number formats (ECMA-376 §18.8.30) by id, as ExcelJS names them; locale-specific ids have none. */
export const BUILTIN_FORMATS: ReadonlyMap<number, string> = new Map([
  [0, "General"],
  [1, "0"],
  [2, "0.00"],
  [3, "#,##0"],
  [4, "#,##0.00"],
  [9, "0%"],
  [10, "0.00%"],
  [11, "0.00E+00"],
  [12, "# ?/?"],
  [13, "# ??/??"],
  [14, "mm-dd-yy"],
  [15, "d-mmm-yy"],
  [16, "d-mmm"],
  [17, "mmm-yy"],
  [18, "h:mm AM/PM"],
  [19, "h:mm:ss AM/PM"],
  [20, "h:mm"],
  [21, "h:mm:ss"],
  [22, 'm/d/yy "h":mm'],
  [37, "#,##0 ;(#,##0)"],
  [38, "#,##0 ;[Red](#,##0)"],
  [39, "#,##0.00 ;(#,##0.00)"],
  [40, "#,##0.00 ;[Red](#,##0.00)"],
  [45, "mm:ss"],
  [46, "[h]:mm:ss"],
  [47, "mmss.0"],
  [48, "##0.0E+0"],
  [49, "@"],
]);

/** A number format that shows a date or time: a date letter outside quotes and brackets. */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  return /[ymdhMsb]/.test(format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

const DAY_MS = 24 * 3600 * 1000;

/** An Excel serial day as a Date (UTC), in the 1900 or the 1904 date system. */
export function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * DAY_MS));
}

/** `_x000D_`-style escapes of characters XML cannot hold, as Excel writes them in strings. */
export function unescapeX(text: string): string {
  return text.indexOf("_x") < 0
    ? text
    : text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * An ISO 8601 date cell (`t="d"`, written by some programs, never by Excel for its own files) as a
 * Date; a time without a zone is Excel's wall clock, read as UTC like every other date here.
 * ExcelJS reads only the year of it, as a number.
 */
export function isoDate(text: string): Date | null {
  const t = text.trim();
  if (!/^\d{4}-\d{2}-\d{2}(T[\d:.]+)?(Z|[+-]\d{2}:?\d{2})?$/.test(t)) return null;
  const zoned = /(Z|[+-]\d{2}:?\d{2})$/.test(t) || !t.includes("T");
  const d = new Date(zoned ? t : `${t}Z`);
  return Number.isNaN(d.getTime()) ? null : d;
}
