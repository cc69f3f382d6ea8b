// Where a check's issues are collected: each with its cell, its indicator and its message in words,
// naming the leaf and its levels as the set and the sheet do (`Chỉ tiêu 3.2`, `Mức độ 1 (Khá)`).
import { a1 } from "../model/a1";
import type { Issue, Rule } from "../model/issues";
import type { Lang } from "../model/lang";
import type { Framework } from "../sets/framework";
import { layerWord, levelLabels, lower } from "../sets/words";
import { issueMessage, type IssueParams } from "./issue-messages";
import type { Lookup } from "./messages";

export type Push = (
  severity: Issue["severity"],
  rule: Rule,
  row: number | null,
  col: number | null,
  indicator: number | null,
  params?: IssueParams
) => void;

/** The set's layers as words for a list of rows: `tiêu chí, chỉ tiêu`. */
export function layerList(fw: Framework, lang: Lang): string {
  const layers = [fw.layers.standard, fw.layers.criterion, fw.layers.indicator];
  const words = layers.flatMap((w) => (w ? [lower(w[lang])] : [])).join(", ");
  return lang === "vi" ? words : words.replace(/, ([^,]*)$/, " and $1");
}

/**
 * A `push` that words each issue for the sheet, the language and the set: `names` gives each leaf
 * its name (`Chỉ tiêu 3.2`), else the set's word and its number.
 */
export function issueSink(
  sheet: string,
  lang: Lang,
  fw: Framework,
  names: Lookup = new Map()
): { issues: Issue[]; push: Push } {
  const issues: Issue[] = [];
  const levels = levelLabels(fw, lang);
  const layers = layerList(fw, lang);
  const push: Push = (severity, rule, row, col, indicator, p = {}) => {
    const cell = row !== null && col !== null ? a1(row, col) : null;
    const name =
      indicator === null
        ? undefined
        : (names.get(indicator) ?? `${layerWord(fw, "indicator", lang)} ${indicator}`);
    issues.push({
      severity,
      rule,
      sheet,
      cell,
      row,
      indicator,
      message: issueMessage(rule, { levels, layers, name, ...p, indicator, cell: cell ?? undefined }, lang),
    });
  };
  return { issues, push };
}
