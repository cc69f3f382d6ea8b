// A blank self-assessment sheet for a criteria set, ready to print and fill by hand: title rows with
// a place for the unit's name, the bordered table (header repeated on every page, standard and
// criterion rows with the set's titles, one row per indicator with room to write, a level dropdown),
// a place to date and sign, A4 landscape one page wide. The checker reads it back.
import { maxLevel, type Framework } from "../sets/framework";
import { formatLevel } from "../table/levels";
import type { Lang } from "../model/lang";
import type { SheetPlan } from "./sheet-plan";
import { BODY, HEADER, SheetLayout } from "./layout";
import { MARGINS } from "./print";
import type { CellStyle } from "./format";

export const TEMPLATE_HEADER_ROW = 4;
const FONT = { name: "Times New Roman", size: 13 };
const WIDTHS = [15, 58, 26, 18, 14, 16];
const COLUMNS = WIDTHS.length;

export function templateSheet(fw: Framework, opts: { lang?: Lang; name?: string } = {}): SheetPlan {
  const vi = (opts.lang ?? "vi") === "vi";
  const unitTitle = fw.kind === "city" ? "THÀNH PHỐ HỌC TẬP" : "QUẬN/HUYỆN HỌC TẬP";
  const out = new SheetLayout(WIDTHS, FONT);
  const across = (value: string) => [{ value, span: COLUMNS }];
  out.line(
    across(
      vi ? "ỦY BAN NHÂN DÂN ………………………… (ghi tên đơn vị)" : "ỦY BAN NHÂN DÂN ………………………… (the unit's name)"
    ),
    { bold: true }
  );
  out.line(across(`BẢNG TỰ ĐÁNH GIÁ CÔNG NHẬN ${unitTitle} NĂM ……`), {
    bold: true,
    size: 14,
    horizontal: "center",
  });
  out.line(across(`${fw.title.vi} — ${fw.id}`), { italic: true, horizontal: "center" });
  out.line(
    [
      "TT",
      "Tiêu chuẩn, tiêu chí, chỉ báo",
      "Kết quả thực hiện (số liệu)",
      "Mã minh chứng",
      "Tự đánh giá",
      "Ghi chú",
    ],
    HEADER
  );
  const blanks = Array.from({ length: COLUMNS - 2 }, () => null);
  const indicatorRows: number[] = [];
  for (const s of fw.standards) {
    out.line([`Tiêu chuẩn ${s.number}`, s.title ?? null, ...blanks], { ...BODY, bold: true, fill: "F2F2F2" });
    for (const c of s.criteria) {
      out.line([`Tiêu chí ${c.number}`, c.title ?? null, ...blanks], { ...BODY, bold: true });
      for (const n of c.indicators) {
        // Room to write the figures and the evidence by hand.
        indicatorRows.push(
          out.line([`Chỉ báo ${n}`, fw.indicators[n - 1]?.title ?? null, ...blanks], BODY, { minHeight: 30 })
        );
      }
    }
  }
  signature(out, vi);
  const levels = Array.from({ length: maxLevel(fw) + 1 }, (_, l) => formatLevel(l));
  return {
    name: opts.name ?? "Tự đánh giá",
    owned: false,
    rows: out.rows,
    widths: WIDTHS,
    font: FONT,
    styles: out.styles,
    merges: out.merges,
    rowHeights: out.rowHeights,
    freezeRows: TEMPLATE_HEADER_ROW,
    validations: indicatorRows.map((r) => ({
      range: { top: r, left: 5, bottom: r, right: 5 },
      list: levels,
    })),
    print: {
      orientation: "landscape",
      titleRows: [TEMPLATE_HEADER_ROW, TEMPLATE_HEADER_ROW],
      fitTo: { wide: 1, tall: 0 },
      margins: MARGINS,
      centered: true,
    },
  };
}

/** The place and day, and who signs, under the table on the right, as on an official form. */
function signature(out: SheetLayout, vi: boolean): void {
  const right = (value: string, style: CellStyle) =>
    out.line([{ value, span: 3 }], { horizontal: "center", ...style }, { from: COLUMNS - 2 });
  out.blank();
  right(vi ? "…………, ngày …… tháng …… năm ……" : "…………, day …… month …… year ……", { italic: true });
  right("TM. ỦY BAN NHÂN DÂN", { bold: true });
  right(vi ? "(Ký tên, đóng dấu)" : "(signature and seal)", { italic: true });
}
