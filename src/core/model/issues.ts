// Every problem the checker reports is one typed record with its position and a human message
// (after Frictionless Data's validation reports).

export const RULES = [
  "missing-column",
  "structure-count",
  "duplicate-indicator",
  "missing-level",
  "invalid-level",
  "missing-value",
  "invalid-value",
  "ambiguous-value",
  "out-of-range",
  "formula-error",
  "uncomputed-formula",
  "missing-evidence",
  "level-mismatch",
  "criteria-sheet",
  "tree-differs",
] as const;
export type Rule = (typeof RULES)[number];

export interface Issue {
  severity: "error" | "warning";
  rule: Rule;
  sheet: string;
  /** A1 address of the cell the officer must fix; null for table-wide problems. */
  cell: string | null;
  /** Sheet row of that cell (or of the indicator), for grouping; null for table-wide problems. */
  row: number | null;
  indicator: number | null;
  message: string;
}

export function countIssues(issues: Issue[]): { errors: number; warnings: number } {
  return {
    errors: issues.filter((i) => i.severity === "error").length,
    warnings: issues.filter((i) => i.severity === "warning").length,
  };
}
