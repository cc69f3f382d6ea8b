// The checked sheet's report as the pane shows it: the unit's own issues and, where the sheet has the
// council's columns, the council's (its unreadable marks at its cells, or why its columns cannot be
// read), counted in the status and the Lỗi tab as `hoctap check` counts them. One reading per check.
import { withCouncil, type CouncilReport } from "../core/checks/council";
import type { SheetCheck } from "../core/checks/check";
import type { Issue } from "../core/model/issues";
import type { Lang } from "../core/model/lang";
import type { Checked } from "./actions";

const read = new WeakMap<SheetCheck, Partial<Record<Lang, CouncilReport>>>();

/** The checked sheet's report with the council's part; null without a table. */
export function reportOf(checked: Checked | null | undefined, lang: Lang): CouncilReport | null {
  const check = checked?.check;
  if (!checked || !check) return null;
  const known = read.get(check) ?? {};
  const hit = known[lang];
  if (hit) return hit;
  const sheet = checked.read.snapshot.sheets.find((s) => s.name === checked.read.sheet);
  const report = sheet ? withCouncil(checked.read.snapshot, { sheet, check }, lang) : check.report;
  read.set(check, { ...known, [lang]: report });
  return report;
}

/** The council's own issues in a report (those the unit's check did not raise), for the council's section. */
export function councilIssues(report: CouncilReport, check: SheetCheck): Issue[] {
  const own = new Set(check.report.issues);
  return report.issues.filter((i) => !own.has(i));
}
