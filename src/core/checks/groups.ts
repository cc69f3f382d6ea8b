// Criteria and standards with their levels: the sheet's own tree when it writes one the set can
// take, the set's provisional tree otherwise (a flat list of indicators).
import type { Lang } from "../model/lang";
import type { Framework } from "../sets/framework";
import { layerWord } from "../sets/words";
import type { SheetStructure } from "../table/structure";
import { scoreTree, type Level, type Tree, type TreeLevels } from "./scoring";

export interface GroupResult {
  number: number;
  code: string;
  row: number | null;
  level: Level;
}
export type CriterionResult = GroupResult & { indicators: number[] };
export type StandardResult = GroupResult & { criteria: number[] };

/**
 * The sheet's tree when it has the set's layers: a set with standards takes a sheet with both kinds
 * of section rows; a set of criteria and targets takes any sheet with section rows (a sheet that
 * also has standards is reported by the structure check). Otherwise the set's own tree.
 */
export function treeOf(structure: SheetStructure, fw: Framework): Tree {
  const own = fw.standards.length > 0 ? structure.standards.length > 0 : structure.criteria.length > 0;
  if (!own) return fw;
  return {
    criteria: structure.criteria.map((c) => ({ number: c.number, indicators: c.indicators })),
    standards:
      fw.standards.length > 0
        ? structure.standards.map((s) => ({ number: s.number, criteria: s.criteria }))
        : [],
  };
}

export function groupResults(
  structure: SheetStructure,
  fw: Framework,
  levels: Pick<ReadonlyMap<number, Level>, "get">,
  lang: Lang
): { criteria: CriterionResult[]; standards: StandardResult[]; scored: TreeLevels } {
  const tree = treeOf(structure, fw);
  const scored = scoreTree(fw, tree, levels);
  const own = tree !== fw;
  const word = (layer: "standard" | "criterion") => layerWord(fw, layer, lang);
  const criteria = tree.criteria.map((c, i) => {
    const src = own ? structure.criteria[i] : undefined;
    return {
      number: c.number,
      code: src?.code ?? `${word("criterion")} ${c.number}`,
      row: src?.row ?? null,
      level: scored.criteria[i]?.level ?? null,
      indicators: c.indicators,
    };
  });
  const standards = tree.standards.map((s, i) => {
    const src = own ? structure.standards[i] : undefined;
    return {
      number: s.number,
      code: src?.code ?? `${word("standard")} ${s.number}`,
      row: src?.row ?? null,
      level: scored.standards[i]?.level ?? null,
      criteria: s.criteria,
    };
  });
  return { criteria, standards, scored };
}
