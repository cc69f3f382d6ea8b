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

export interface IndicatorDef {
  number: number;
  title?: string;
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
}

export interface Framework {
  id: string;
  title: { vi: string; en: string };
  version: string;
  /** Where the set comes from; `date` (YYYY-MM-DD) is the document's, when it has one. */
  source: { document: string; date?: string };
  kind: Kind;
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
  notes: { part: string; basis: "plan" | "assumption" | "officer"; text: string }[];
}

type Shape = Pick<Framework, "indicators" | "criteria" | "standards" | "levels" | "layers">;
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
  fw.indicators.forEach((ind, i) => {
    if (ind.thresholds && ind.thresholds.length !== top)
      out.push({ path: ["indicators", i, "thresholds"], message: `needs one entry per level 1..${top}` });
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
