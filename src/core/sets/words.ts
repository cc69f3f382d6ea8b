// The set's own words for people: what it calls each layer (`Tiêu chí`, `Chỉ tiêu`; criterion,
// target) and each level (`Mức độ 1 (Khá)`). Every message, sheet and view names layers and levels
// through these, never with words of its own.
import type { Lang } from "../model/lang";
import type { Framework, Layers, LevelDef } from "./framework";

export type Layer = keyof Layers;
type Words = Pick<Framework, "layers">;

/** `Chỉ tiêu` / `Target`: the layer's word, capitalised as at the start of a sentence. */
export function layerWord(fw: Words, layer: Layer, lang: Lang): string {
  // Only the standards layer may be missing: a sheet may still write standards.
  return fw.layers[layer]?.[lang] ?? (lang === "vi" ? "Tiêu chuẩn" : "Standard");
}

/** The word inside a sentence: `chỉ tiêu`, `target`. */
export function lower(word: string): string {
  return word.charAt(0).toLocaleLowerCase("vi") + word.slice(1);
}

/** English plurals (`Targets`, `Criteria`); Vietnamese nouns do not change. */
export function plural(fw: Words, layer: Layer, lang: Lang): string {
  const w = layerWord(fw, layer, lang);
  return lang === "vi" ? w : /ion$/.test(w) ? w.replace(/ion$/, "ia") : `${w}s`;
}

/** `15 chỉ tiêu`, `16 indicators`. */
export function countOf(fw: Words, layer: Layer, n: number, lang: Lang): string {
  return `${n} ${lower(n === 1 ? layerWord(fw, layer, lang) : plural(fw, layer, lang))}`;
}

/** The number part of a code as the sheet writes it: `Chỉ tiêu 3.2` → `3.2`, `CB7` → `7`; else `n`. */
export function shortCode(code: string, n: number): string {
  return /(\d+(?:\.\d+)*)\.?\s*$/.exec(code.trim())?.[1] ?? String(n);
}

/**
 * How a leaf is named, never by a running number where the set numbers its leaves afresh under each
 * criterion: `path` is its place in the tree (`4.2`: chỉ tiêu 2 của tiêu chí 4), used when the set
 * numbers per criterion or the sheet's code carries no number (`b)`), with the sheet's own code
 * after it when that says something else (`4.2 (b)`, `2.3 (II.3)`); else the sheet's number (`7`
 * for `Chỉ báo 7`).
 */
export function leafCode(fw: Pick<Framework, "numbering">, code: string, n: number, path?: string): string {
  const own = code
    .trim()
    .replace(/^[^\d(]*?(?=[\divxlIVXL]+[.)]|[a-zđ]\)|\d)/u, "")
    .trim();
  const numbered = /(\d+(?:\.\d+)*)\.?\s*$/.test(code.trim());
  if (path === undefined || (fw.numbering !== "per-criterion" && numbered)) return shortCode(code, n);
  const within = path.split(".").at(-1);
  return own === "" || own === path || own === within ? path : `${path} (${own.replace(/\)$/, "")})`;
}

/** `Chỉ tiêu 3.2`: a leaf named with the set's word and the sheet's own code (or its place: `leafCode`). */
export function leafName(
  fw: Words & Pick<Framework, "numbering">,
  code: string,
  n: number,
  lang: Lang,
  path?: string
): string {
  return `${layerWord(fw, "indicator", lang)} ${leafCode(fw, code, n, path)}`;
}

/** `Mức độ 2 (Tốt)`, `Không đạt`, or `Chưa xác định` (undetermined), from the set's own scale. */
export function levelLabel(fw: Pick<Framework, "levels">, level: number | null, lang: Lang): string {
  if (level === null) return lang === "vi" ? "Chưa xác định" : "Undetermined";
  const l = fw.levels[level];
  return l ? l[lang] : String(level);
}

/** The plain scale `Không đạt`, `Mức 1` … `Mức top` (`Not achieved`, `Level 1` …), when a set gives no labels. */
export function plainLevels(top: number): LevelDef[] {
  return Array.from({ length: top + 1 }, (_, level) =>
    level === 0
      ? { level, vi: "Không đạt", en: "Not achieved" }
      : { level, vi: `Mức ${level}`, en: `Level ${level}` }
  );
}

/** The set's labels, level 0 to the top. */
export function levelLabels(fw: Pick<Framework, "levels">, lang: Lang): string[] {
  return fw.levels.map((l) => l[lang]);
}

/** A leaf of a report named as messages name it (its `label`, else the sheet's number): `Chỉ tiêu 4.2 (b)`. */
export function leafNameOf(
  fw: Words,
  ind: { code: string; number: number; label?: string },
  lang: Lang
): string {
  return `${layerWord(fw, "indicator", lang)} ${ind.label ?? shortCode(ind.code, ind.number)}`;
}
