// Where a check's issues are collected: each with its cell, its indicator and its message in words.
import { a1 } from "../model/a1";
import type { Issue, Rule } from "../model/issues";
import type { Lang } from "../model/lang";
import { issueMessage, type IssueParams } from "./issue-messages";

export type Push = (
  severity: Issue["severity"],
  rule: Rule,
  row: number | null,
  col: number | null,
  indicator: number | null,
  params?: IssueParams
) => void;

/** A `push` that words each issue for the sheet, the language and the set's top level. */
export function issueSink(sheet: string, lang: Lang, max: number): { issues: Issue[]; push: Push } {
  const issues: Issue[] = [];
  const push: Push = (severity, rule, row, col, indicator, p = {}) => {
    const cell = row !== null && col !== null ? a1(row, col) : null;
    issues.push({
      severity,
      rule,
      sheet,
      cell,
      row,
      indicator,
      message: issueMessage(rule, { max, ...p, indicator, cell: cell ?? undefined }, lang),
    });
  };
  return { issues, push };
}
