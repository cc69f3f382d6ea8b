// Why a file could not be checked or written, in words for people; shared by every reader and
// writer of workbook files (the lean reader, the ExcelJS adapter, the CLI), and free of both.
import type { Lang } from "../core/model/lang";

export type FileErrorCode =
  | "not-found"
  | "no-access"
  | "folder"
  | "not-file"
  | "not-xlsx"
  | "old-xls"
  | "ods"
  | "xlsb"
  | "encrypted"
  | "corrupt"
  | "too-large"
  | "empty"
  | "no-table"
  | "no-sheet"
  | "cannot-write"
  // Why an output could not be written, each its own cause (the writer's; `subject` is the output).
  | "macro-name"
  | "not-macro-name"
  | "no-space"
  | "name-too-long"
  | "cannot-place";

/** The codes of an output that could not be written: said with the output's name, not the input's. */
export const WRITE_ERRORS: ReadonlySet<FileErrorCode> = new Set<FileErrorCode>([
  "cannot-write",
  "macro-name",
  "not-macro-name",
  "no-space",
  "name-too-long",
  "cannot-place",
]);

/** Why a file could not be checked or written; `subject` names the sheet, the output file or the bound passed. */
export class WorkbookFileError extends Error {
  constructor(
    readonly code: FileErrorCode,
    readonly subject = "",
    /** Words for `{subject}` in each language, where they differ (a bound and its figures). */
    readonly detail?: Readonly<Record<Lang, string>>
  ) {
    super(code);
  }

  say(lang: Lang): string {
    const text = MESSAGES[this.code][lang];
    // An output's message names the file and says why in its own words (`detail`).
    if (text.includes("{detail}"))
      return text.replace("{subject}", this.subject).replace("{detail}", this.detail?.[lang] ?? "");
    return text.replace("{subject}", this.detail?.[lang] ?? this.subject);
  }
}

const MESSAGES: Record<FileErrorCode, Record<Lang, string>> = {
  "not-found": { vi: "không tìm thấy tệp", en: "file not found" },
  "no-access": {
    vi: "không mở được tệp: không có quyền đọc, hoặc tệp đang bị khoá",
    en: "cannot be opened: no permission to read it, or it is locked",
  },
  folder: { vi: "là một thư mục, không phải tệp .xlsx", en: "is a folder, not an .xlsx file" },
  "not-file": {
    vi: "không phải tệp thông thường (là thiết bị hoặc ống dẫn): chỉ đọc tệp .xlsx trên đĩa",
    en: "is not a regular file (a device or a pipe): only .xlsx files on disk are read",
  },
  "not-xlsx": {
    vi: "không phải tệp Excel (có thể là tệp PDF, Word hay ảnh): xin đơn vị gửi lại tệp Excel (.xlsx)",
    en: "is not an Excel file (perhaps a PDF, a Word document or a picture): ask the unit to send the Excel file (.xlsx) again",
  },
  "old-xls": {
    vi: "là tệp Excel cũ (.xls): mở trong Excel và lưu lại dạng .xlsx",
    en: "is an old Excel file (.xls): open it in Excel and save it as .xlsx",
  },
  ods: {
    vi: "là bảng tính OpenDocument (.ods): mở trong Excel hoặc LibreOffice Calc và lưu lại dạng .xlsx",
    en: "is an OpenDocument spreadsheet (.ods): open it in Excel or LibreOffice Calc and save it as .xlsx",
  },
  xlsb: {
    vi: "là tệp Excel nhị phân (.xlsb): mở trong Excel và lưu lại dạng .xlsx",
    en: "is a binary Excel workbook (.xlsb): open it in Excel and save it as .xlsx",
  },
  encrypted: {
    vi: "được đặt mật khẩu: bỏ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc) rồi kiểm tra lại",
    en: "is password-protected: remove the password (File → Info → Protect Workbook) and check again",
  },
  corrupt: {
    vi: "bị hỏng hoặc không đọc được: mở lại trong Excel và lưu lại, hoặc xin đơn vị gửi lại tệp",
    en: "is damaged or cannot be read: open it in Excel and save it again, or ask for the file again",
  },
  "too-large": {
    vi: "vượt giới hạn đọc an toàn nên không kiểm tra: {subject}",
    en: "is past a safe reading limit, so it was not checked: {subject}",
  },
  empty: {
    vi: "là tệp rỗng (0 byte), thường do gửi hoặc sao chép bị lỗi: xin đơn vị gửi lại tệp",
    en: "is empty (0 bytes), usually a failed upload or copy: ask for the file again",
  },
  "no-table": {
    vi: "không tìm thấy bảng tự đánh giá (cần một dòng tiêu đề có cột “Nội dung”, “Tiêu chí, chỉ tiêu” hoặc “Tiêu chuẩn, tiêu chí, chỉ báo” trong 200 dòng đầu; nếu tiêu đề viết khác, chỉ định bằng --header-row và --map)",
    en: "no self-assessment table found (a header row with a “Nội dung”, “Tiêu chí, chỉ tiêu” or “Tiêu chuẩn, tiêu chí, chỉ báo” column is needed in the first 200 rows; if it is worded otherwise, give --header-row and --map)",
  },
  "no-sheet": {
    vi: "không có trang tính “{subject}” chứa bảng tự đánh giá",
    en: "no sheet “{subject}” holding a self-assessment table",
  },
  "cannot-write": {
    vi: "không ghi được tệp kết quả “{subject}”: kiểm tra thư mục có tồn tại, có quyền ghi và tệp không đang mở trong Excel",
    en: "cannot write the output “{subject}”: check that the folder exists, is writable and the file is not open in Excel",
  },
  "macro-name": {
    vi: "không ghi tệp kết quả “{subject}”: sổ làm việc có macro (VBA), Excel chỉ mở được khi tên tệp có đuôi .xlsm: đặt tên có đuôi .xlsm",
    en: "the output “{subject}” was not written: the workbook has macros (VBA) and Excel opens it only under an .xlsm name: name it .xlsm",
  },
  "not-macro-name": {
    vi: "không ghi tệp kết quả “{subject}”: sổ làm việc không có macro, Excel không mở tệp như vậy dưới đuôi .xlsm: đặt tên có đuôi .xlsx",
    en: "the output “{subject}” was not written: the workbook has no macros and Excel refuses it under an .xlsm name: name it .xlsx",
  },
  "no-space": {
    vi: "không ghi được tệp kết quả “{subject}”: ổ đĩa đã đầy; giải phóng chỗ trống hoặc ghi sang ổ khác (tệp cũ, nếu có, vẫn nguyên vẹn)",
    en: "cannot write the output “{subject}”: the disk is full; free some space or write to another drive (an earlier file there is left whole)",
  },
  "name-too-long": {
    vi: "không ghi được tệp kết quả “{subject}”: tên tệp quá dài (hệ thống chỉ cho phép 255 byte một tên): đặt tên ngắn hơn",
    en: "cannot write the output “{subject}”: the file name is too long (at most 255 bytes a name): choose a shorter one",
  },
  "cannot-place": {
    vi: "không ghi tệp kết quả “{subject}”: {detail}",
    en: "the output “{subject}” was not written: {detail}",
  },
};

/** Tells a zip (.xlsx) from an OLE file (.xls, or an encrypted .xlsx) and from anything else, by its first bytes. */
export function sniff(head: Uint8Array): "zip" | "ole" | "other" | "empty" {
  const b = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  if (b.length === 0) return "empty";
  if (b.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return "zip";
  if (b.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) return "ole";
  return "other";
}

/** An encrypted .xlsx is an OLE file holding an "EncryptionInfo" stream; any other OLE file is an old .xls. */
export const ENCRYPTION_MARK = Buffer.from("EncryptionInfo", "utf16le");
