// The words for what of the officer's uses a product sheet (a `KQ` kept by `clean` or by a second
// run): where it is, what removing the sheet would break, and what to change to let it go.
import { quoteSheetName } from "../core/model/a1";
import type { Lang } from "../core/model/lang";
import type { SheetUse } from "../writer/sheet-refs";

export interface UseWords {
  /** `công thức ở ô 'Tự đánh giá'!B60`, `biểu đồ trên trang tính “Tổng hợp”`… */
  where: string;
  /** What removing the sheet would leave. */
  breaks: string;
  /** What the officer changes first (`công thức đó`, `biểu đồ đó`…). */
  change: string;
}

export function wordsForUse(by: SheetUse, lang: Lang): UseWords {
  const vi = lang === "vi";
  if ("cell" in by) {
    const at = by.cell
      ? vi
        ? `công thức ở ô ${quoteSheetName(by.sheet)}!${by.cell}`
        : `the formula in cell ${quoteSheetName(by.sheet)}!${by.cell}`
      : vi
        ? `một công thức trong trang tính “${by.sheet}”`
        : `a formula in sheet “${by.sheet}”`;
    return vi
      ? { where: at, breaks: "ô đó báo lỗi #REF!", change: "công thức đó" }
      : { where: at, breaks: "#REF!", change: "that formula" };
  }
  if ("name" in by)
    return vi
      ? { where: `tên “${by.name}”`, breaks: "ô đó báo lỗi #REF!", change: "công thức đó" }
      : { where: `the name “${by.name}”`, breaks: "#REF!", change: "that formula" };
  if ("rule" in by) {
    const range = `${quoteSheetName(by.sheet)}!${by.range}`;
    if (by.rule === "format")
      return vi
        ? {
            where: `định dạng có điều kiện ở vùng ${range}`,
            breaks: "quy tắc định dạng đó hỏng",
            change: "quy tắc định dạng đó (Trang đầu › Định dạng có điều kiện › Quản lý quy tắc)",
          }
        : {
            where: `the conditional format over ${range}`,
            breaks: "a broken rule",
            change: "that rule (Home › Conditional Formatting › Manage Rules)",
          };
    return vi
      ? {
          where: `quy tắc xác thực dữ liệu ở vùng ${range}`,
          breaks: "danh sách chọn ở đó hỏng",
          change: "quy tắc đó (Dữ liệu › Xác thực dữ liệu)",
        }
      : {
          where: `the data validation over ${range}`,
          breaks: "a broken dropdown",
          change: "that rule (Data › Data Validation)",
        };
  }
  if ("link" in by)
    return vi
      ? {
          where: `siêu liên kết ở ô ${quoteSheetName(by.sheet)}!${by.link}`,
          breaks: "liên kết đó hỏng",
          change: "liên kết đó",
        }
      : {
          where: `the hyperlink in cell ${quoteSheetName(by.sheet)}!${by.link}`,
          breaks: "a broken link",
          change: "that link",
        };
  if ("chart" in by) {
    const on =
      by.sheet === undefined ? "" : vi ? ` trên trang tính “${by.sheet}”` : ` on sheet “${by.sheet}”`;
    return vi
      ? { where: `biểu đồ${on}`, breaks: "biểu đồ mất số liệu", change: "nguồn số liệu của biểu đồ đó" }
      : { where: `the chart${on}`, breaks: "a chart with no data", change: "that chart's data" };
  }
  return vi
    ? {
        where: "bảng PivotTable của cán bộ",
        breaks: "PivotTable mất nguồn số liệu",
        change: "nguồn số liệu của PivotTable đó",
      }
    : {
        where: "the officer's PivotTable",
        breaks: "a PivotTable with no source",
        change: "that PivotTable's source",
      };
}

/** `clean`'s line for a product sheet it keeps because the officer's work uses it. */
export function keptLine(file: string, sheet: string, by: SheetUse, lang: Lang): string {
  const w = wordsForUse(by, lang);
  return lang === "vi"
    ? `${file}: giữ lại trang tính “${sheet}” vì ${w.where} dùng nó (xoá đi thì ${w.breaks}): muốn bỏ trang tính này, hãy sửa hoặc xoá ${w.change} rồi xoá kết quả lại`
    : `${file}: sheet “${sheet}” kept: ${w.where} uses it (removing it would leave ${w.breaks}): to remove it, change or delete ${w.change}, then clean again`;
}
