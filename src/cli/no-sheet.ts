// `--sheet` naming a sheet the workbook does not have, or one without a table: said with the sheets
// the workbook does have, so the officer can type one of them.
import type { Lang } from "../core/model/lang";
import { fold } from "../core/model/text";
import { WorkbookFileError } from "../reader/file-error";

const list = (names: readonly string[]) => names.map((n) => `“${n}”`).join(", ");

/** A `no-sheet` file error (its code for --json unchanged) that names the workbook's sheets. */
export class SheetNotFound extends WorkbookFileError {
  constructor(
    readonly wanted: string,
    /** Every sheet of the workbook, in its order. */
    readonly sheets: readonly string[]
  ) {
    super("no-sheet", wanted);
  }

  override say(lang: Lang): string {
    const vi = lang === "vi";
    const there = this.sheets.find((s) => fold(s) === fold(this.wanted));
    if (there !== undefined)
      return vi
        ? `trang tính “${there}” không có bảng tự đánh giá (cần một dòng tiêu đề có cột “Nội dung” trong 200 dòng đầu; nếu tiêu đề viết khác, chỉ định bằng --header-row và --map)`
        : `sheet “${there}” holds no self-assessment table (a header row with a “Nội dung” column is needed in the first 200 rows; if it is worded otherwise, give --header-row and --map)`;
    const first = this.sheets[0];
    if (first === undefined) return vi ? `không có trang tính “${this.wanted}”` : `no sheet “${this.wanted}”`;
    return vi
      ? `không có trang tính “${this.wanted}”; các trang tính trong tệp: ${list(this.sheets)} (ví dụ: --sheet "${first}")`
      : `no sheet “${this.wanted}”; the sheets in the file: ${list(this.sheets)} (for example: --sheet "${first}")`;
  }
}
