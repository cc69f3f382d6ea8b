// Criteria and standards with their levels: the sheet's own tree when it writes one, the set's
// provisional tree for a flat list of indicators.
import type { Lang } from "../model/lang";
import type { Framework } from "../sets/framework";
import type { SheetStructure } from "../table/structure";
import { scoreTree, type Level, type TreeLevels } from "./scoring";

export interface GroupResult {
  number: number;
  code: string;
  row: number | null;
  level: Level;
}
export type CriterionResult = GroupResult & { indicators: number[] };
export type StandardResult = GroupResult & { criteria: number[] };

type Tree = { number: number; criteria: { number: number; indicators: number[] }[] }[];

export function treeOf(structure: SheetStructure, fw: Framework): Tree {
  if (structure.standards.length === 0) return fw.standards;
  return structure.standards.map((s) => ({
    number: s.number,
    criteria: s.criteria.map((c) => ({ number: c.number, indicators: c.indicators })),
  }));
}

export function groupResults(
  structure: SheetStructure,
  fw: Framework,
  levels: Map<number, Level>,
  lang: Lang
): { criteria: CriterionResult[]; standards: StandardResult[]; scored: TreeLevels } {
  const tree = treeOf(structure, fw);
  const scored = scoreTree(fw, tree, levels);
  const own = structure.standards;
  const vi = lang === "vi";
  const criteria = tree.flatMap((s, si) =>
    s.criteria.map((c, ci) => {
      const src = own[si]?.criteria[ci];
      return {
        number: c.number,
        code: src?.code ?? `${vi ? "Tiêu chí" : "Criterion"} ${c.number}`,
        row: src?.row ?? null,
        level: scored.criteria.find((x) => x.number === c.number)?.level ?? null,
        indicators: c.indicators,
      };
    })
  );
  const standards = tree.map((s, si) => ({
    number: s.number,
    code: own[si]?.code ?? `${vi ? "Tiêu chuẩn" : "Standard"} ${s.number}`,
    row: own[si]?.row ?? null,
    level: scored.standards.find((x) => x.number === s.number)?.level ?? null,
    criteria: s.criteria.map((c) => c.number),
  }));
  return { criteria, standards, scored };
}
