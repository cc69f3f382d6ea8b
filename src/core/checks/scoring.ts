// Scoring: an indicator's level from its thresholds, then criterion → standard → recognition by the
// criteria set's rule. Levels are 0..N, or null when they cannot be determined.
import {
  isThresholdScored,
  maxLevel,
  type Framework,
  type IndicatorDef,
  type RecognitionRule,
  type Threshold,
} from "../sets/framework";
import { meetsThreshold } from "../sets/thresholds";

export type Level = number | null;

/**
 * The level an indicator's value reaches: level k needs the threshold of every level up to k; a blank
 * threshold at level k adds no requirement. Null for indicators that are not threshold-scored.
 */
export function computedLevel(ind: IndicatorDef, value: number): Level {
  if (!isThresholdScored(ind)) return null;
  let reached = 0;
  // Threshold-scored indicators always have thresholds.
  for (const [i, t] of (ind.thresholds as (Threshold | null)[]).entries()) {
    if (t !== null && !meetsThreshold(value, t)) break;
    reached = i + 1;
  }
  return reached;
}

/** The reasons behind a level, as typed records; `describeReason` words them for people. */
export type Reason =
  | { code: "undetermined-indicators"; indicators: number[] }
  | { code: "structure" }
  | { code: "all-at-top"; level: number }
  /** `indicators` are under level `under`, which keeps the group from level `next`. */
  | { code: "below-next"; next: number; under: number; indicators: number[] }
  | { code: "share-short"; next: number; percent: number; required: number }
  | { code: "points-short"; next: number; percent: number; required: number }
  | { code: "none-achieved"; indicators: number[] };

export interface LevelResult {
  level: Level;
  reasons: Reason[];
}

interface Scored {
  number: number;
  level: Level;
}

/** The level a group of indicators reaches under the rule (the unit, a standard or a criterion). */
export function groupLevel(
  rule: RecognitionRule,
  items: Scored[],
  top: number,
  pointsOf: (n: number) => number = () => 0
): LevelResult {
  // A group with nothing in it has no level (a criterion row with no indicator under it).
  if (items.length === 0) return { level: null, reasons: [{ code: "structure" }] };
  const unknown = items.filter((i) => i.level === null).map((i) => i.number);
  if (unknown.length > 0)
    return { level: null, reasons: [{ code: "undetermined-indicators", indicators: unknown }] };
  const levels = items.map((i) => ({ number: i.number, level: i.level as number }));
  const reaches = (k: number): boolean => {
    switch (rule.rule) {
      case "all-at-least":
        return levels.every((i) => i.level >= k);
      case "share-at-least":
        return levels.every((i) => i.level >= k - 1) && share(levels, k) >= rule.percent;
      case "points":
        return pointsPercent(levels, top, pointsOf) >= bandMin(rule, k);
    }
  };
  let level = 0;
  while (level < top && reaches(level + 1)) level++;
  return { level, reasons: [explain(rule, levels, level, top, pointsOf)] };
}

function share(levels: { level: number }[], k: number): number {
  return levels.length === 0 ? 0 : (100 * levels.filter((i) => i.level >= k).length) / levels.length;
}

/** Points earned in proportion to the level reached (level N earns all of an indicator's points). */
function pointsPercent(
  levels: { number: number; level: number }[],
  top: number,
  pointsOf: (n: number) => number
): number {
  const max = levels.reduce((s, i) => s + pointsOf(i.number), 0);
  if (max === 0) return 0;
  const earned = levels.reduce((s, i) => s + (pointsOf(i.number) * i.level) / top, 0);
  return Math.round((1e4 * earned) / max) / 100;
}

function bandMin(rule: Extract<RecognitionRule, { rule: "points" }>, k: number): number {
  const bands = rule.bands.filter((b) => b.level >= k);
  return bands.length === 0 ? Infinity : Math.min(...bands.map((b) => b.min));
}

function explain(
  rule: RecognitionRule,
  levels: { number: number; level: number }[],
  level: number,
  top: number,
  pointsOf: (n: number) => number
): Reason {
  if (level === top) return { code: "all-at-top", level: top };
  const next = level + 1;
  if (rule.rule === "share-at-least") {
    const tooLow = levels.filter((i) => i.level < next - 1).map((i) => i.number);
    if (tooLow.length > 0) return { code: "below-next", next, under: next - 1, indicators: tooLow };
    return {
      code: "share-short",
      next,
      percent: Math.round(share(levels, next) * 10) / 10,
      required: rule.percent,
    };
  }
  if (rule.rule === "points") {
    return {
      code: "points-short",
      next,
      percent: pointsPercent(levels, top, pointsOf),
      required: bandMin(rule, next),
    };
  }
  if (level === 0 && rule.rule === "all-at-least") {
    return { code: "none-achieved", indicators: levels.filter((i) => i.level === 0).map((i) => i.number) };
  }
  return {
    code: "below-next",
    next,
    under: next,
    indicators: levels.filter((i) => i.level < next).map((i) => i.number),
  };
}

export interface TreeLevels {
  criteria: { number: number; level: Level }[];
  standards: { number: number; level: Level }[];
  recognition: LevelResult;
}

/** A tree to score: criteria over leaves, standards (none for a set of criteria and targets) over criteria. */
export type Tree = Pick<Framework, "standards" | "criteria">;

/** Criterion and standard levels (by the same rule over the indicators beneath) and the unit's result. */
export function scoreTree(
  fw: Framework,
  tree: Tree,
  indicatorLevels: Pick<ReadonlyMap<number, Level>, "get">
): TreeLevels {
  const top = maxLevel(fw);
  const pointsOf = (n: number) => fw.indicators[n - 1]?.points ?? 0;
  const level = (numbers: number[]) =>
    groupLevel(
      fw.recognition,
      numbers.map((n) => ({ number: n, level: indicatorLevels.get(n) ?? null })),
      top,
      pointsOf
    );
  const leavesOf = new Map(tree.criteria.map((c) => [c.number, c.indicators] as const));
  const criteria = tree.criteria.map((c) => ({ number: c.number, level: level(c.indicators).level }));
  const standards = tree.standards.map((s) => ({
    number: s.number,
    level: level(s.criteria.flatMap((c) => leavesOf.get(c) ?? [])).level,
  }));
  return { criteria, standards, recognition: level(tree.criteria.flatMap((c) => c.indicators)) };
}
