// The lean reader's bounds: Excel's own limits for rows, columns and text, and ceilings for what a
// check can ever need, so that no file, however made, takes unbounded memory or time. Passing one
// is a WorkbookFileError("too-large") whose words name the bound, the sheet and the figure.
import { columnLetters } from "../core/model/a1";
import type { Lang } from "../core/model/lang";
import { PACKAGE_LIMITS, PackageLimitError, type PackageLimits } from "../package/limits";
import { WorkbookFileError } from "./file-error";

export interface ReaderLimits extends PackageLimits {
  /** Excel's last row. */
  rows: number;
  /** Excel's last column (XFD). */
  cols: number;
  /** Cells holding something, in all the sheets read. */
  cells: number;
  /** Characters in one cell, shared string or inline string (Excel's own limit). */
  stringChars: number;
  /** Shared strings in the workbook, and the bytes of their part. */
  sharedStrings: number;
  sharedStringsBytes: number;
  /** Defined names in the workbook. */
  names: number;
  /** Merged ranges in one sheet. */
  merges: number;
}

export const READER_LIMITS: Readonly<ReaderLimits> = Object.freeze({
  ...PACKAGE_LIMITS,
  rows: 1_048_576,
  cols: 16_384,
  // About 50 bytes a cell and 200 a row in the snapshot: at most some 500 MB, a sheet per row.
  cells: 2_000_000,
  stringChars: 32_767,
  sharedStrings: 2_000_000,
  sharedStringsBytes: 64 * 1024 * 1024,
  names: 100_000,
  merges: 100_000,
});

const fmt = (n: number, lang: Lang) => n.toLocaleString(lang === "vi" ? "vi-VN" : "en-US");
const mb = (n: number) => Math.round(n / (1024 * 1024));

/** A bound passed while reading `where` (a sheet name, or a part for the package's bounds). */
export function tooLarge(
  bound: Exclude<keyof ReaderLimits, keyof PackageLimits | "sharedStringsBytes">,
  limit: number,
  actual: number,
  where = ""
): WorkbookFileError {
  const sheet = { vi: where ? `sheet “${where}” ` : "", en: where ? `sheet “${where}” ` : "" };
  const words: Record<typeof bound, Record<Lang, string>> = {
    rows: {
      vi: `${sheet.vi}có ô ở dòng ${fmt(actual, "vi")}, quá dòng cuối của Excel (${fmt(limit, "vi")})`,
      en: `${sheet.en}has a cell in row ${fmt(actual, "en")}, past Excel's last row (${fmt(limit, "en")})`,
    },
    cols: {
      vi: `${sheet.vi}có ô ở cột thứ ${fmt(actual, "vi")}, quá cột cuối của Excel (${columnLetters(limit)})`,
      en: `${sheet.en}has a cell in column ${fmt(actual, "en")}, past Excel's last column (${columnLetters(limit)})`,
    },
    cells: {
      vi: `có hơn ${fmt(limit, "vi")} ô có dữ liệu`,
      en: `more than ${fmt(limit, "en")} cells hold something`,
    },
    stringChars: {
      vi: `${where ? `ô ${where} có` : "có"} chuỗi dài ${fmt(actual, "vi")} ký tự, quá giới hạn của Excel (${fmt(limit, "vi")})`,
      en: `${where ? `cell ${where} holds` : "holds"} a text of ${fmt(actual, "en")} characters, past Excel's limit (${fmt(limit, "en")})`,
    },
    sharedStrings: {
      vi: `có hơn ${fmt(limit, "vi")} chuỗi dùng chung`,
      en: `more than ${fmt(limit, "en")} shared strings`,
    },
    names: { vi: `có hơn ${fmt(limit, "vi")} tên (Name)`, en: `more than ${fmt(limit, "en")} defined names` },
    merges: {
      vi: `${sheet.vi}có hơn ${fmt(limit, "vi")} vùng gộp ô`,
      en: `${sheet.en}has more than ${fmt(limit, "en")} merged ranges`,
    },
  };
  return new WorkbookFileError("too-large", bound, words[bound]);
}

/** The package layer's bounds, in the same words. */
export function packageTooLarge(e: PackageLimitError): WorkbookFileError {
  const part = e.part ? ` (${e.part})` : "";
  const words: Record<PackageLimitError["bound"], Record<Lang, string>> = {
    entries: {
      vi: `tệp nén chứa ${fmt(e.actual, "vi")} phần, quá ${fmt(e.limit, "vi")}`,
      en: `the zip holds ${fmt(e.actual, "en")} parts, more than ${fmt(e.limit, "en")}`,
    },
    partBytes: {
      vi: `một phần của tệp${part} giải nén ra ${fmt(mb(e.actual), "vi")} MB, quá ${fmt(mb(e.limit), "vi")} MB`,
      en: `a part${part} unpacks to ${fmt(mb(e.actual), "en")} MB, more than ${fmt(mb(e.limit), "en")} MB`,
    },
    totalBytes: {
      vi: `các phần cần đọc giải nén ra hơn ${fmt(mb(e.limit), "vi")} MB`,
      en: `the parts to read unpack to more than ${fmt(mb(e.limit), "en")} MB`,
    },
    tokenChars: {
      vi: `một đoạn XML${part} (chữ trong ô hoặc một thẻ) dài hơn ${fmt(e.limit, "vi")} ký tự`,
      en: `a piece of XML${part} (a cell's text or a tag) is longer than ${fmt(e.limit, "en")} characters`,
    },
    depth: {
      vi: `XML${part} lồng nhau quá ${fmt(e.limit, "vi")} cấp`,
      en: `XML${part} nested deeper than ${fmt(e.limit, "en")} levels`,
    },
    attributes: {
      vi: `một thẻ XML${part} có hơn ${fmt(e.limit, "vi")} thuộc tính`,
      en: `an XML tag${part} has more than ${fmt(e.limit, "en")} attributes`,
    },
  };
  return new WorkbookFileError("too-large", e.bound, words[e.bound]);
}
