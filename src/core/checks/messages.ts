// Words for people, in Vietnamese and English: recognition reasons and labels.
import type { Framework } from "../sets/framework";
import type { Level, Reason } from "./scoring";
import type { Lang } from "../model/lang";

const list = (ns: number[], lang: Lang) => {
  const shown = ns.slice(0, 12).join(", ");
  const more =
    ns.length > 12
      ? lang === "vi"
        ? ` và ${ns.length - 12} chỉ báo khác`
        : ` and ${ns.length - 12} more`
      : "";
  return shown + more;
};

export function describeReason(r: Reason, lang: Lang): string {
  const vi = lang === "vi";
  switch (r.code) {
    case "undetermined-indicators":
      return vi
        ? `Chưa xác định được mức của chỉ báo ${list(r.indicators, lang)}: sửa các lỗi ở những chỉ báo này rồi kiểm tra lại.`
        : `Indicator(s) ${list(r.indicators, lang)} have no valid level: fix their errors and check again.`;
    case "structure":
      return vi
        ? "Cấu trúc bảng (số tiêu chuẩn, tiêu chí, chỉ báo hoặc cột cần thiết) chưa đúng với bộ tiêu chí: xem các lỗi cấu trúc."
        : "The table's structure (standards, criteria, indicators or required columns) does not match the criteria set: see the structure errors.";
    case "all-at-top":
      return vi ? `Mọi chỉ báo đều đạt mức ${r.level}.` : `Every indicator reaches level ${r.level}.`;
    case "below-next":
      return vi
        ? `Chưa đạt mức ${r.next} vì chỉ báo ${list(r.indicators, lang)} ở dưới mức ${r.under}.`
        : `Level ${r.next} is not reached: indicator(s) ${list(r.indicators, lang)} are below level ${r.under}.`;
    case "share-short":
      return vi
        ? `Mới có ${r.percent}% chỉ báo đạt mức ${r.next} (cần ít nhất ${r.required}%).`
        : `Only ${r.percent}% of indicators reach level ${r.next} (at least ${r.required}% needed).`;
    case "points-short":
      return vi
        ? `Tổng điểm đạt ${r.percent}% điểm tối đa (mức ${r.next} cần ${r.required}%).`
        : `The points come to ${r.percent}% of the maximum (level ${r.next} needs ${r.required}%).`;
    case "none-achieved":
      return vi
        ? `Chỉ báo ${list(r.indicators, lang)} không đạt, nên đơn vị chưa đạt mức 1.`
        : `Indicator(s) ${list(r.indicators, lang)} are not achieved, so the unit does not reach level 1.`;
  }
}

/** `Mức 2`, `Không đạt`, or `Chưa xác định` (undetermined), from the criteria set's own scale. */
export function levelLabel(fw: Framework, level: Level, lang: Lang): string {
  if (level === null) return lang === "vi" ? "Chưa xác định" : "Undetermined";
  const l = fw.levels[level];
  return l ? l[lang] : String(level);
}
