// The criteria-set model: what a set holds, as plain types. A set is data, never code; untrusted
// data (a JSON file) is validated against the schema in `schema.ts`, which must describe these very
// types (a compile-time check there). The pane and the sheet parser need only these types.

export const MEASURES = ["level", "percent", "number", "yesno"] as const;
export type Measure = (typeof MEASURES)[number];

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
  criteria: CriterionDef[];
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
  source: { document: string; date: string };
  kind: "district" | "city" | "other";
  /** Level 0 (not achieved) first, then 1..N. */
  levels: LevelDef[];
  standards: StandardDef[];
  indicators: IndicatorDef[];
  recognition: RecognitionRule;
  notes: { part: string; basis: "plan" | "assumption" | "officer"; text: string }[];
}

type Shape = Pick<Framework, "indicators" | "standards" | "levels">;

/**
 * What a set's fields cannot say on their own: indicators numbered 1..N, a tree that holds each
 * exactly once with no number repeated, one threshold per level. Also run on a set a criteria
 * sheet rebuilt, whose fields its parsers already vouch for.
 */
export function structureProblems(fw: Shape): { path: (string | number)[]; message: string }[] {
  const problems: { path: (string | number)[]; message: string }[] = [];
  const numbers = fw.indicators.map((i) => i.number);
  numbers.forEach((n, i) => {
    if (n !== i + 1) problems.push({ path: ["indicators", i, "number"], message: `expected ${i + 1}` });
  });
  const inTree = fw.standards.flatMap((s) => s.criteria.flatMap((c) => c.indicators));
  if ([...inTree].sort((a, b) => a - b).join() !== numbers.join()) {
    problems.push({ path: ["standards"], message: "the tree must hold every indicator exactly once" });
  }
  const criteria = fw.standards.flatMap((st) => st.criteria.map((c) => c.number));
  if (
    new Set(criteria).size !== criteria.length ||
    new Set(fw.standards.map((st) => st.number)).size !== fw.standards.length
  ) {
    problems.push({ path: ["standards"], message: "standard and criterion numbers must not repeat" });
  }
  const top = fw.levels.length - 1;
  fw.indicators.forEach((ind, i) => {
    if (ind.thresholds && ind.thresholds.length !== top) {
      problems.push({
        path: ["indicators", i, "thresholds"],
        message: `needs one entry per level 1..${top}`,
      });
    }
  });
  return problems;
}

export function maxLevel(fw: Framework): number {
  return fw.levels.length - 1;
}

/** Threshold-scored: at least one threshold given; otherwise the self-assessed level stands. */
export function isThresholdScored(ind: IndicatorDef): boolean {
  return ind.measure !== "level" && (ind.thresholds ?? []).some((t) => t !== null);
}

export function counts(fw: Framework): { standards: number; criteria: number; indicators: number } {
  return {
    standards: fw.standards.length,
    criteria: fw.standards.reduce((n, s) => n + s.criteria.length, 0),
    indicators: fw.indicators.length,
  };
}
