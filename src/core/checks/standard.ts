// Targets met by holding a standard (circular 25/2023, criterion 4: "Xã đạt chuẩn phổ cập giáo dục
// tiểu học mức độ 2" for mức độ 1, "mức độ 3" for mức độ 2). The officer writes the standard's level
// the unit holds in the data cell (`Đạt chuẩn PCGD tiểu học mức độ 3`, `mức 2`, `Mức độ II`); the
// target's level is the highest level whose standard that reaches (the set's `standard.levels`).
import { romanToNumber, fold } from "../model/text";
import type { StandardReached } from "../sets/framework";

/**
 * The standard's level a cell states (`mức độ 2`, `mức 3`, `Mức độ II`), `not` held (`Chưa đạt`), or
 * null: no level, several, or a negation beside a level (`chưa đạt mức độ 3` says too little).
 */
export function statedStandard(text: string): number | "not" | null {
  const f = fold(text);
  const levels = new Set(
    [...f.matchAll(/\bmuc(?:\s+do)?\s*(\d{1,2}|iv|i{1,3})\b/g)].map((m) => {
      const n = String(m[1]);
      return /^\d+$/.test(n) ? Number(n) : (romanToNumber(n) ?? 0);
    })
  );
  if (/\b(chua|khong)\s+dat\b/.test(f)) return levels.size === 0 ? "not" : null;
  return levels.size === 1 ? ([...levels][0] as number) : null;
}

/** The highest level (up to `top`) at which the standard held is the one the set needs (every level below too). */
export function standardLevel(standard: StandardReached, held: number | "not", top: number): number {
  let reached = 0;
  for (let k = 1; k <= top; k++) {
    const needed = standard.levels[k - 1];
    if (held === "not" || (needed !== null && needed !== undefined && held < needed)) break;
    reached = k;
  }
  return reached;
}

/** Whether the set asks for a level of the standard at some level (a standard with no levels is the officer's to judge). */
export const hasStandardLevels = (standard: StandardReached | undefined): standard is StandardReached =>
  standard?.levels.some((l) => l !== null) ?? false;
