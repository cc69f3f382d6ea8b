// Words for people, in Vietnamese and English: why a unit is at its level, with the set's own words
// for its leaves and levels and the sheet's own codes (`chỉ tiêu 1.1, 3.2 chưa đạt Mức độ 2 (Tốt)`).
import type { Framework } from "../sets/framework";
import { layerWord, levelLabel, lower, plural } from "../sets/words";
import type { Reason } from "./scoring";
import type { Lang } from "../model/lang";

export { levelLabel } from "../sets/words";

/** What reasons are worded with: the set, the language, and each leaf's code as the sheet writes it. */
/** A leaf's words by its number, looked up only when a message needs them. */
export interface Lookup {
  get(n: number): string | undefined;
}

export interface Speech {
  fw: Framework;
  lang: Lang;
  /** Leaf number → its code (`3.2`); the number itself when the sheet gives none. */
  codes?: Lookup;
}

/**
 * `chỉ tiêu 1.1, 3.2` (`indicators 1, 5`): the leaves by their codes, every one of them (a reason is
 * what the unit must fix, and the letter to a commune names each target it fails).
 */
function leaves(ns: number[], s: Speech): string {
  const word = lower(
    ns.length === 1 ? layerWord(s.fw, "indicator", s.lang) : plural(s.fw, "indicator", s.lang)
  );
  return `${word} ${ns.map((n) => s.codes?.get(n) ?? String(n)).join(", ")}`;
}

export function describeReason(r: Reason, s: Speech): string {
  const vi = s.lang === "vi";
  const label = (l: number) => levelLabel(s.fw, l, s.lang);
  const every = lower(plural(s.fw, "indicator", s.lang));
  switch (r.code) {
    case "undetermined-indicators":
      return vi
        ? `Chưa xác định được mức của ${leaves(r.indicators, s)}: sửa các lỗi ở những ${every} này rồi kiểm tra lại.`
        : `No valid level yet for ${leaves(r.indicators, s)}: fix their errors and check again.`;
    case "structure":
      return vi
        ? `Cấu trúc bảng (số ${layerListOf(s)} hoặc cột cần thiết) chưa đúng với bộ tiêu chí: xem các lỗi cấu trúc.`
        : `The table's structure (${layerListOf(s)} or required columns) does not match the criteria set: see the structure errors.`;
    case "all-at-top":
      return vi
        ? `Mọi ${every} đều đạt ${label(r.level)}.`
        : `Every ${lower(layerWord(s.fw, "indicator", s.lang))} reaches ${label(r.level)}.`;
    case "below-next":
      return vi
        ? `Chưa đạt ${label(r.next)} vì ${leaves(r.indicators, s)} chưa đạt ${label(r.under)}.`
        : `${label(r.next)} is not reached: ${leaves(r.indicators, s)} below ${label(r.under)}.`;
    case "share-short":
      return vi
        ? `Mới có ${r.percent}% ${every} đạt ${label(r.next)} (cần ít nhất ${r.required}%).`
        : `Only ${r.percent}% of ${every} reach ${label(r.next)} (at least ${r.required}% needed).`;
    case "points-short":
      return vi
        ? `Tổng điểm đạt ${r.percent}% điểm tối đa; ${label(r.next)} cần ${r.required}%.`
        : `The points come to ${r.percent}% of the maximum; ${label(r.next)} needs ${r.required}%.`;
    case "none-achieved":
      return vi
        ? `${capital(leaves(r.indicators, s))} không đạt, nên đơn vị chưa đạt ${label(1)}.`
        : `${label(1)} is not reached: ${leaves(r.indicators, s)} not achieved.`;
  }
}

const capital = (t: string) => t.charAt(0).toLocaleUpperCase("vi") + t.slice(1);

function layerListOf(s: Speech): string {
  const layers = s.fw.layers.standard
    ? (["standard", "criterion", "indicator"] as const)
    : (["criterion", "indicator"] as const);
  return layers.map((l) => lower(plural(s.fw, l, s.lang))).join(", ");
}
