// The tree a criteria sheet gives: leaves placed under criteria (and criteria under standards) by
// the `Tiêu chuẩn` / `Tiêu chí` columns or the group rows above them, with the group rows' titles.
import type { CriterionDef, Framework, StandardDef } from "./framework";
import type { GroupRow } from "./sheet-rows";

export interface Placed {
  n: number;
  standard: number | null;
  criterion: number;
}

type Tree = Pick<Framework, "standards" | "criteria">;

const ascending = (a: number, b: number) => a - b;

/** Criteria holding their leaves, and standards their criteria, each in number order. */
export function buildTree(placed: Placed[], withStandards: boolean): Tree {
  const criteria = new Map<number, number[]>();
  const standards = new Map<number, Set<number>>();
  for (const p of placed) {
    criteria.set(p.criterion, [...(criteria.get(p.criterion) ?? []), p.n]);
    if (withStandards && p.standard !== null)
      standards.set(p.standard, (standards.get(p.standard) ?? new Set()).add(p.criterion));
  }
  return {
    criteria: [...criteria.keys()]
      .sort(ascending)
      .map((number): CriterionDef => ({ number, indicators: (criteria.get(number) ?? []).sort(ascending) })),
    standards: [...standards.keys()].sort(ascending).map((number): StandardDef => ({
      number,
      criteria: [...(standards.get(number) ?? [])].sort(ascending),
    })),
  };
}

/** Titles from the sheet's group rows, else from `fallback` (the set overridden). */
export function withTitles(tree: Tree, groups: GroupRow[], fallback?: Tree): Tree {
  type Old = { number: number; title?: string; source?: string }[];
  const field = (k: "title" | "source", layer: GroupRow["layer"], n: number, old: Old = []) =>
    groups.find((g) => g.layer === layer && g.number === n)?.[k] ?? old.find((x) => x.number === n)?.[k];
  const titled = <T extends { number: number }>(x: T, layer: GroupRow["layer"], old?: Old): T => {
    const title = field("title", layer, x.number, old);
    // A criterion's article (`Điều 6 khoản 1; Điều 7 khoản 1`), from its row's `Căn cứ`.
    const source = layer === "criterion" ? field("source", layer, x.number, old) : undefined;
    return { ...x, ...(title ? { title } : {}), ...(source ? { source } : {}) };
  };
  return {
    criteria: tree.criteria.map((c) => titled(c, "criterion", fallback?.criteria)),
    standards: tree.standards.map((s) => titled(s, "standard", fallback?.standards)),
  };
}

/** The code each leaf of a set of criteria and targets is written with: `2.3` (criterion 2, its third). */
export function dottedCodes(fw: Pick<Framework, "criteria" | "standards">): Map<string, number> {
  const out = new Map<string, number>();
  if (fw.standards.length > 0) return out;
  for (const c of fw.criteria) c.indicators.forEach((n, k) => out.set(`${c.number}.${k + 1}`, n));
  return out;
}
