// A blank self-assessment sheet for a criteria set, ready to fill: title rows with a place for the
// unit's name, the header, standard and criterion rows from the set's tree, one row per indicator,
// a dropdown of levels, A4 print setup with the header repeated. The checker reads it back.
import { maxLevel, type Framework } from "../sets/framework";
import { formatLevel } from "../table/levels";
import type { Lang } from "../model/lang";
import type { SheetPlan } from "./sheet-plan";
import type { PlanValue } from "../model/snapshot";

export const TEMPLATE_HEADER_ROW = 4;

export function templateSheet(fw: Framework, opts: { lang?: Lang; name?: string } = {}): SheetPlan {
  const vi = (opts.lang ?? "vi") === "vi";
  const unitTitle = fw.kind === "city" ? "THÀNH PHỐ HỌC TẬP" : "QUẬN/HUYỆN HỌC TẬP";
  const rows: PlanValue[][] = [
    [vi ? "ỦY BAN NHÂN DÂN ………………………… (ghi tên đơn vị)" : "ỦY BAN NHÂN DÂN ………………………… (the unit's name)"],
    [`BẢNG TỰ ĐÁNH GIÁ CÔNG NHẬN ${unitTitle} NĂM ……`],
    [`${fw.title.vi} — ${fw.id}`],
    [
      "TT",
      "Tiêu chuẩn, tiêu chí, chỉ báo",
      "Kết quả thực hiện (số liệu)",
      "Mã minh chứng",
      "Tự đánh giá",
      "Ghi chú",
    ],
  ];
  const boldRows = [0, 1, TEMPLATE_HEADER_ROW - 1];
  const indicatorRows: number[] = [];
  for (const s of fw.standards) {
    rows.push([`Tiêu chuẩn ${s.number}`, s.title ?? null]);
    boldRows.push(rows.length - 1);
    for (const c of s.criteria) {
      rows.push([`Tiêu chí ${c.number}`, c.title ?? null]);
      boldRows.push(rows.length - 1);
      for (const n of c.indicators) {
        rows.push([`Chỉ báo ${n}`, fw.indicators[n - 1]?.title ?? `Chỉ báo ${n}`]);
        indicatorRows.push(rows.length);
      }
    }
  }
  const levels = Array.from({ length: maxLevel(fw) + 1 }, (_, l) => formatLevel(l));
  return {
    name: opts.name ?? "Tự đánh giá",
    owned: false,
    rows,
    boldRows,
    widths: [13, 60, 30, 18, 14, 20],
    freezeRows: TEMPLATE_HEADER_ROW,
    merges: [
      { top: 1, left: 1, bottom: 1, right: 6 },
      { top: 2, left: 1, bottom: 2, right: 6 },
      { top: 3, left: 1, bottom: 3, right: 6 },
    ],
    validations: indicatorRows.map((r) => ({
      range: { top: r, left: 5, bottom: r, right: 5 },
      list: levels,
    })),
    print: { orientation: "landscape", titleRows: [TEMPLATE_HEADER_ROW, TEMPLATE_HEADER_ROW] },
  };
}
