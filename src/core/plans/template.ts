// A blank self-assessment sheet for a criteria set, ready to print and fill by hand: title rows with
// a place for the unit's name, the bordered table (header repeated on every page, standard and
// criterion rows with the set's titles, one row per indicator with room to write, a level dropdown),
// a place to date and sign, A4 landscape one page wide. The checker reads it back.
import type { Framework } from "../sets/framework";
import { levelLabels, lower } from "../sets/words";
import { headerRole } from "../table/header-words";
import { unitPhrase } from "../checks/headline";
import type { Lang } from "../model/lang";
import type { SheetPlan } from "./sheet-plan";
import { BODY, HEADER, SheetLayout } from "./layout";
import { MARGINS } from "./print";
import type { CellStyle } from "./format";
import { perLevelTemplate } from "./template-per-level";

export const TEMPLATE_HEADER_ROW = 4;
const FONT = { name: "Times New Roman", size: 13 };
const WIDTHS = [15, 58, 26, 18, 14, 16];
const COLUMNS = WIDTHS.length;

/** `Tiêu chuẩn, tiêu chí, chỉ báo` / `Tiêu chí, chỉ tiêu`: the content column's header in the set's words. */
export function contentHeader(fw: Framework): string {
  const words = [fw.layers.standard, fw.layers.criterion, fw.layers.indicator].flatMap((w) =>
    w ? [w.vi] : []
  );
  const text = words.map((w, i) => (i === 0 ? w : lower(w))).join(", ");
  // Words the table reader does not know as a content header go under `Nội dung`.
  return headerRole(text) === "content" ? text : `Nội dung (${lower(text)})`;
}

/** Title rows: a place for the unit's name, the title with the kind of unit, the set. */
export function titles(out: SheetLayout, fw: Framework, vi: boolean, columns = COLUMNS): void {
  const across = (value: string) => [{ value, span: columns }];
  out.line(
    across(
      vi ? "ỦY BAN NHÂN DÂN ………………………… (ghi tên đơn vị)" : "ỦY BAN NHÂN DÂN ………………………… (the unit's name)"
    ),
    { bold: true }
  );
  const unit = unitPhrase(null, fw, "vi").toLocaleUpperCase("vi");
  out.line(across(`BẢNG TỰ ĐÁNH GIÁ ${unit ? `CÔNG NHẬN ${unit} ` : ""}NĂM ……`), {
    bold: true,
    size: 14,
    horizontal: "center",
  });
  out.line(across(fw.title.vi), { italic: true, horizontal: "center" });
}

/** The set's rows: standards and criteria in bold with their titles, one row per leaf; returns the leaves' rows. */
function setRows(out: SheetLayout, fw: Framework): number[] {
  const blanks = Array.from({ length: COLUMNS - 2 }, () => null);
  const { standard, criterion, indicator } = fw.layers;
  const rows: number[] = [];
  const standards = standard
    ? fw.standards
    : [{ number: 0, title: undefined, criteria: fw.criteria.map((c) => c.number) }];
  for (const s of standards) {
    if (standard)
      out.line([`${standard.vi} ${s.number}`, s.title ?? null, ...blanks], {
        ...BODY,
        bold: true,
        fill: "F2F2F2",
      });
    for (const c of s.criteria.map((n) => fw.criteria[n - 1] as Framework["criteria"][number])) {
      out.line([`${criterion.vi} ${c.number}`, c.title ?? null, ...blanks], { ...BODY, bold: true });
      c.indicators.forEach((n, k) => {
        // Targets are written `2.3` (criterion 2, its third) as officers number them; indicators by their number.
        const code = standard ? `${indicator.vi} ${n}` : `${c.number}.${k + 1}`;
        // Room to write the figures and the evidence by hand.
        rows.push(out.line([code, fw.indicators[n - 1]?.title ?? null, ...blanks], BODY, { minHeight: 30 }));
      });
    }
  }
  return rows;
}

export function templateSheet(fw: Framework, opts: { lang?: Lang; name?: string } = {}): SheetPlan {
  // The circulars' sets: the per-level Đạt / Không đạt form, with the text's words.
  // (Its parts passed in, so that the two files import one way.)
  if (fw.numbering === "per-criterion")
    return perLevelTemplate(fw, { titles, contentHeader, signature }, opts);
  const vi = (opts.lang ?? "vi") === "vi";
  const out = new SheetLayout(WIDTHS, FONT);
  titles(out, fw, vi);
  out.line(
    ["TT", contentHeader(fw), "Kết quả thực hiện (số liệu)", "Mã minh chứng", "Tự đánh giá", "Ghi chú"],
    HEADER
  );
  const indicatorRows = setRows(out, fw);
  signature(out, vi);
  return {
    name: opts.name ?? "Tự đánh giá",
    owned: false,
    ...out.laid,
    widths: WIDTHS,
    font: FONT,
    freezeRows: TEMPLATE_HEADER_ROW,
    // The set's own labels: what the checker reads back.
    validations: indicatorRows.map((r) => ({
      range: { top: r, left: 5, bottom: r, right: 5 },
      list: levelLabels(fw, "vi"),
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
export function signature(out: SheetLayout, vi: boolean, columns = COLUMNS): void {
  const right = (value: string, style: CellStyle) =>
    out.line([{ value, span: 3 }], { horizontal: "center", ...style }, { from: columns - 2 });
  out.blank();
  right(vi ? "…………, ngày …… tháng …… năm ……" : "…………, day …… month …… year ……", { italic: true });
  right("TM. ỦY BAN NHÂN DÂN", { bold: true });
  right(vi ? "(Ký tên, đóng dấu)" : "(signature and seal)", { italic: true });
}
