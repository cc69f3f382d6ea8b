// Reading and writing levels in every spelling officers use: `Mức 2`, `Mức độ 2`, `Đạt mức 2`, `2`,
// `M2`, `Muc 2`, `Mức II`, `Không đạt`, `Chưa đạt`… Pure and total: a value or a typed problem.
import { cellText, isBlank, isCellError, type CellValue } from "../model/snapshot";
import { fold, romanToNumber } from "../model/text";
import type { LevelDef } from "../sets/framework";

export type LevelParse =
  | { ok: true; level: number }
  | { ok: false; problem: "blank" }
  | { ok: false; problem: "formula-error"; error: string }
  /** Written like a level, but not one of the scale (`Mức 5` on a 0–3 scale): never clamped. */
  | { ok: false; problem: "out-of-scale"; level: number }
  | { ok: false; problem: "not-a-level"; text: string }
  /** `Đạt` alone where the scale has several levels above 0: which one? */
  | { ok: false; problem: "which-level" };

const NOT_ACHIEVED = /^(khong dat|chua dat|khong|khong dat muc nao|0 dat)$/;
const LEVEL_WORDS = /^(?:da?t\s+)?(?:muc(?:\s+do)?|m)\s*[:.]?\s*([0-9]+|[ivx]+)$/;

// Each scale's labels folded once, not for every cell read against it.
const LABELS = new WeakMap<readonly LevelDef[], Map<string, number>>();

/** The level a set's own label names (`Mức độ 1`, `Level 1`, the word in brackets, or an alias: `Khá`). */
function labelled(f: string, levels: readonly LevelDef[]): number | undefined {
  let byLabel = LABELS.get(levels);
  if (!byLabel) {
    byLabel = new Map();
    for (const l of levels)
      for (const t of [l.vi, l.en, /\(([^)]+)\)/.exec(l.vi)?.[1] ?? "", ...(l.aliases ?? [])])
        if (t && !byLabel.has(fold(t))) byLabel.set(fold(t), l.level);
    LABELS.set(levels, byLabel);
  }
  return byLabel.get(f);
}

/** Parses a level on a set's own scale, its labels included. */
export function parseLevel(value: CellValue, levels: readonly LevelDef[]): LevelParse {
  const maxLevel = levels.length - 1;
  if (isBlank(value)) return { ok: false, problem: "blank" };
  if (isCellError(value)) return { ok: false, problem: "formula-error", error: value.error };
  let n: number | null = null;
  if (typeof value === "number") {
    n = Number.isInteger(value) ? value : null;
  } else if (typeof value === "string") {
    const f = fold(value).replace(/[.;]$/, "");
    if (NOT_ACHIEVED.test(f)) return { ok: true, level: 0 };
    const label = labelled(f, levels);
    if (label !== undefined) return { ok: true, level: label };
    // With one level above 0, `Đạt` is that level; with several it does not say which.
    if (f === "dat") return maxLevel === 1 ? { ok: true, level: 1 } : { ok: false, problem: "which-level" };
    const m = LEVEL_WORDS.exec(f.replace(/\s*\([^)]*\)$/, "")) ?? /^([0-9]+)$/.exec(f);
    if (m?.[1]) n = /^\d+$/.test(m[1]) ? Number(m[1]) : romanToNumber(m[1]);
  }
  if (n === null) return { ok: false, problem: "not-a-level", text: cellText(value) };
  if (n < 0 || n > maxLevel) return { ok: false, problem: "out-of-scale", level: n };
  return { ok: true, level: n };
}

/** The canonical spelling: `Không đạt`, `Mức 1`, `Mức 2`… (read back by parseLevel unchanged). */
export function formatLevel(level: number, lang: "vi" | "en" = "vi"): string {
  if (lang === "en") return level === 0 ? "Not achieved" : `Level ${level}`;
  return level === 0 ? "Không đạt" : `Mức ${level}`;
}
