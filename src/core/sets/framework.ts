// The criteria-set model: what a set holds, as plain types. A set is data, never code; untrusted
// data (a JSON file) is validated against the schema in `schema.ts`, which must describe these very
// types (a compile-time check there). The pane and the sheet parser need only these types.
//
// A set is a tree of one or two group layers above its leaves: criteria → targets (circulars 24 and
// 25/2023), or standards → criteria → indicators (the 2022 pilot). `criteria` is the layer right above
// the leaves, each listing its leaves; `standards`, when the set has that layer, lists criteria. The
// model calls the leaves `indicators` whatever the set calls them: the set's own words are in `layers`.

export const MEASURES = ["level", "percent", "number", "yesno"] as const;
export type Measure = (typeof MEASURES)[number];

export const KINDS = ["district", "city", "commune", "province", "unit", "other"] as const;
export type Kind = (typeof KINDS)[number];

/** `≥ 70` is written { op: ">=", value: 70 }; `Có` (for yes/no indicators) is { op: "yes" }. */
export type Threshold = { op: ">=" | ">" | "<=" | "<"; value: number } | { op: "yes" };

/** A target's words at one level, quoted from the text, with the article that says them. */
export interface LevelWording {
  level: number;
  text: string;
  /** `Điều 6 khoản 5 điểm b`, in the set's document. */
  source: string;
  /** At this level only: the kind of unit the target is about (`Đơn vị cấp huyện là …`). */
  appliesTo?: string;
}

/** Other thresholds for a unit that meets a condition of the set (`Xã thuộc vùng khó khăn`). */
export interface ConditionalThresholds {
  condition: string;
  /** What is counted instead, when the condition changes it (`Người học`). */
  what?: string;
  thresholds: (Threshold | null)[];
}

/** One figure a target needs, per level (every figure of a target must hold). */
export interface Figure {
  /** What is counted, in the text's words. */
  what: string;
  unit: "%";
  /** thresholds[k-1] is the condition for level k. */
  thresholds: (Threshold | null)[];
  when?: ConditionalThresholds[];
}

/** A target met by holding a standard (`phổ cập giáo dục tiểu học mức độ 2`). */
export interface StandardReached {
  what: string;
  /** The text that sets the standard's levels. */
  of: string;
  /** levels[k-1]: the standard's level needed at level k (null: the standard, with no level). */
  levels: (number | null)[];
}

/** A condition of the unit that chooses thresholds, asked once. */
export interface UnitCondition {
  id: string;
  vi: string;
  en: string;
  source: string;
}

export interface IndicatorDef {
  number: number;
  /** The code as the text numbers it, criterion first (`4.2`: chỉ tiêu 2 của tiêu chí 4). */
  code?: string;
  /** The text's letter (`b)`). */
  letter?: string;
  title?: string;
  /** The target's words at each level. */
  wording?: LevelWording[];
  figures?: Figure[];
  standard?: StandardReached;
  /** The target is about some units only (`Không áp dụng` elsewhere). */
  appliesTo?: string;
  measure: Measure;
  /** thresholds[k-1] is the condition for level k; null adds no requirement at that level. */
  thresholds?: (Threshold | null)[];
  /** The most points the indicator can give, for the `points` recognition rule. */
  points?: number;
  evidenceRequired: boolean;
}

export interface CriterionDef {
  number: number;
  title?: string;
  /** Where the text states it (`Điều 6 khoản 1; Điều 7 khoản 1`). */
  source?: string;
  indicators: number[];
}

export interface StandardDef {
  number: number;
  title?: string;
  criteria: number[];
}

/** A layer's words: `{ vi: "Chỉ tiêu", en: "Target", code: "CT" }` (the code heads `Tổng hợp`'s columns). */
export interface LayerWords {
  vi: string;
  en: string;
  code: string;
}

export interface Layers {
  /** Present exactly when the set has a standards layer. */
  standard?: LayerWords;
  criterion: LayerWords;
  indicator: LayerWords;
}

export type RecognitionRule =
  /** Level k when every indicator is at level ≥ k (the successor circulars' rule). */
  | { rule: "all-at-least" }
  /** Level k when at least `percent` % of indicators are at ≥ k and none is below k − 1. */
  | { rule: "share-at-least"; percent: number }
  /** Level from the share of the most attainable points, in bands (`min` in % of the maximum). */
  | { rule: "points"; bands: { level: number; min: number }[] };

export interface LevelDef {
  level: number;
  vi: string;
  en: string;
  /** Other names officers write for the level, read but never printed (`Khá`). */
  aliases?: string[];
}

export interface Framework {
  id: string;
  title: { vi: string; en: string };
  version: string;
  /** Where the set comes from; `date` (YYYY-MM-DD) is the document's, when it has one. */
  source: { document: string; date?: string };
  kind: Kind;
  /**
   * What the text recognises a unit as, in its words without the quotes it puts on the title
   * (`Cộng đồng học tập cấp huyện`); without it, the phrase of the set's kind.
   */
  recognisedAs?: { vi: string; en: string };
  /** `per-criterion`: leaves numbered afresh under each criterion (`chỉ tiêu 2 của tiêu chí 4`). */
  numbering?: "per-criterion";
  layers: Layers;
  /** Level 0 (not achieved) first, then 1..N. */
  levels: LevelDef[];
  /** The layer above the criteria; empty for a set of criteria and targets. */
  standards: StandardDef[];
  criteria: CriterionDef[];
  indicators: IndicatorDef[];
  recognition: RecognitionRule;
  /** Years a recognition holds after the year it is granted (circular 25/2023: 3). */
  validityYears?: number;
  /** Conditions of the unit that choose other thresholds. */
  conditions?: UnitCondition[];
  /** The text's rule for a target without evidence: not achieved. */
  evidence?: { missing: "not-achieved"; source: string };
  notes: { part: string; basis: "plan" | "assumption" | "officer"; text: string }[];
}

type Shape = Pick<Framework, "indicators" | "criteria" | "standards" | "levels" | "layers"> &
  Partial<Pick<Framework, "conditions">>;
type Problem = { path: (string | number)[]; message: string };

/** `items` numbered 1..N in order. */
function numbered(items: { number: number }[], path: string, out: Problem[]): void {
  items.forEach((x, i) => {
    if (x.number !== i + 1) out.push({ path: [path, i, "number"], message: `expected ${i + 1}` });
  });
}

/** The members of every group, in order, are exactly 1..N: each once, in set order. */
function holdsInOrder(groups: number[][], n: number, path: string, what: string, out: Problem[]): void {
  const flat = groups.flat();
  if (flat.length !== n || flat.some((m, i) => m !== i + 1))
    out.push({ path: [path], message: `the ${path} must hold every ${what} once, in order` });
}

/**
 * What a set's fields cannot say on their own: leaves, criteria and standards numbered 1..N in set
 * order, each group holding the next members in order, the standards layer named exactly when the
 * set has one, one threshold per level. Also run on a set a criteria sheet rebuilt.
 */
export function structureProblems(fw: Shape): Problem[] {
  const out: Problem[] = [];
  numbered(fw.indicators, "indicators", out);
  numbered(fw.criteria, "criteria", out);
  numbered(fw.standards, "standards", out);
  holdsInOrder(
    fw.criteria.map((c) => c.indicators),
    fw.indicators.length,
    "criteria",
    "indicator",
    out
  );
  if (fw.standards.length > 0)
    holdsInOrder(
      fw.standards.map((s) => s.criteria),
      fw.criteria.length,
      "standards",
      "criterion",
      out
    );
  if (fw.standards.length > 0 !== (fw.layers.standard !== undefined))
    out.push({
      path: ["layers", "standard"],
      message: "name the standards layer exactly when there are standards",
    });
  const top = fw.levels.length - 1;
  const perLevel = (list: unknown[] | undefined, path: (string | number)[]) => {
    if (list && list.length !== top) out.push({ path, message: `needs one entry per level 1..${top}` });
  };
  const conditions = new Set((fw.conditions ?? []).map((c) => c.id));
  fw.indicators.forEach((ind, i) => {
    perLevel(ind.thresholds, ["indicators", i, "thresholds"]);
    perLevel(ind.standard?.levels, ["indicators", i, "standard", "levels"]);
    ind.figures?.forEach((f, j) => {
      perLevel(f.thresholds, ["indicators", i, "figures", j, "thresholds"]);
      f.when?.forEach((w, k) => {
        perLevel(w.thresholds, ["indicators", i, "figures", j, "when", k, "thresholds"]);
        if (!conditions.has(w.condition))
          out.push({
            path: ["indicators", i, "figures", j, "when", k, "condition"],
            message: "not a condition of the set",
          });
      });
    });
    ind.wording?.forEach((w, j) => {
      if (w.level < 1 || w.level > top)
        out.push({ path: ["indicators", i, "wording", j, "level"], message: `a level 1..${top}` });
    });
  });
  return out;
}

export function maxLevel(fw: Pick<Framework, "levels">): number {
  return fw.levels.length - 1;
}

/** Threshold-scored: at least one threshold given; otherwise the self-assessed level stands. */
export function isThresholdScored(ind: IndicatorDef): boolean {
  return ind.measure !== "level" && (ind.thresholds ?? []).some((t) => t !== null);
}

/** Some leaf is measured by a figure: the table then needs its data column. */
export function needsData(fw: Pick<Framework, "indicators">): boolean {
  return fw.indicators.some((i) => i.measure !== "level");
}

export function counts(fw: Framework): { standards: number; criteria: number; indicators: number } {
  return { standards: fw.standards.length, criteria: fw.criteria.length, indicators: fw.indicators.length };
}
