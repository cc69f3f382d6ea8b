// Choosing the set when none is given, by the table's shape: how many leaves, how many group layers
// and criteria its section rows make, and the words of its title.
import { BUILTIN_FRAMEWORKS } from "../sets/builtin";
import type { Framework } from "../sets/framework";
import type { SheetStructure } from "../table/structure";
import { kindFromTitles } from "../table/unit";

/**
 * How well a set fits the table: the leaf count (4), the group layers its section rows make (2),
 * their criteria count (2) and how the leaves split among them (2: 3-3-3-4-2 is the commune's,
 * 5-5-5 a learning unit's), the title's words (3); the nearest leaf count breaks what is left. So the
 * count decides a flat list, a whole shape (15 targets under 5 criteria, no standards) outweighs any
 * title, and the title breaks ties (`Đơn vị học tập`, `cấp tỉnh`) — or tips a partial shape (16
 * targets under 5 criteria, `CỘNG ĐỒNG HỌC TẬP CẤP XÃ`) towards its set, where the count alone
 * would say district.
 */
export function fit(fw: Framework, s: SheetStructure, titleKind: Framework["kind"] | null): number {
  const n = s.indicators.length;
  let score = fw.indicators.length === n ? 4 : 0;
  if (s.criteria.length > 0) {
    const layered = s.standards.length > 0 === fw.standards.length > 0;
    if (layered) score += 2;
    if (layered && s.criteria.length === fw.criteria.length) {
      score += 2;
      if (s.criteria.every((c, i) => c.indicators.length === fw.criteria[i]?.indicators.length)) score += 2;
    }
  }
  if (titleKind === fw.kind) score += 3;
  return score - Math.abs(fw.indicators.length - n) / 1000;
}

/** The built-in set that fits the table best (the first listed, on a tie). */
export function chooseSet(
  s: SheetStructure,
  titles: string[],
  sets: readonly Framework[] = BUILTIN_FRAMEWORKS
): Framework {
  const kind = kindFromTitles(titles);
  let best = sets[0] as Framework;
  for (const fw of sets) if (fit(fw, s, kind) > fit(best, s, kind)) best = fw;
  return best;
}
