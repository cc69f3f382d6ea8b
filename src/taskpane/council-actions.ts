// The pane's `check --tham-dinh`: the council's columns (Hội đồng thẩm định over a copy of the unit's
// level columns, pre-filled with its answers, and Ý kiến của Hội đồng) written beside the unit's
// table through the connector, as the CLI writes them. Once written they are the council's: no name,
// no fingerprint, so Xoá kết quả leaves them and a second click finds them and writes nothing.
import { planCouncilColumns } from "../core/plans/council-columns";
import { ownedRanges } from "../core/model/owned";
import { planClean } from "../core/plans/write-plan";
import {
  decisionSheet,
  decisionUnits,
  DECISION_SHEET,
  leftOffLines,
  type DecisionUnit,
} from "../core/plans/decision-list";
import { readThenAddSheet } from "../excel/connector";
import {
  applyOrRecheck,
  checkWorkbookSheet,
  summaryEntries,
  tableSeen,
  writeResults,
  type CheckOptions,
  type Written,
} from "./actions";

/** Whether the sheet as read carries the product's results (Ghi kết quả). */
function hasResults(read: Written["checked"]["read"]): boolean {
  return ownedRanges(read.snapshot, read.sheet).length > 0;
}

/**
 * Adds the council's columns to the checked sheet (read whole, afresh). The product's earlier results
 * are taken out first, so the council's columns go right beside the table, and written again after
 * them. Syncs: the read, then 2 per write (the results' clean and rewrite only when there were results).
 */
export async function addCouncilColumns(opts: CheckOptions): Promise<Written> {
  let checked = await checkWorkbookSheet(opts, true);
  const at = { ...opts, sheet: checked.read.sheet };
  const planOf = (c: Written["checked"]) => {
    const sheet = c.read.snapshot.sheets.find((s) => s.name === c.read.sheet);
    if (!c.check || !sheet) return null;
    return planCouncilColumns(sheet, c.check, opts.lang, ownedRanges(c.read.snapshot, sheet.name));
  };
  // The sheet has them already (the council's entries stay as they are), or no table to copy from.
  if (!planOf(checked)) return { checked };
  const had = hasResults(checked.read);
  if (had) {
    const refused = await applyOrRecheck(planClean(checked.read.snapshot, at.sheet), checked.read, at);
    if (refused) return refused;
    checked = await checkWorkbookSheet(at, true);
  }
  const plan = planOf(checked);
  if (!plan) return { checked };
  const refused = await applyOrRecheck(plan, checked.read, at);
  if (refused) return refused;
  return had ? writeResults(at) : { checked: await checkWorkbookSheet(at) };
}

/** What Danh sách công nhận made: the sheet, the check after it, and the units left off (with why). */
export interface DecisionMade {
  made: string;
  checked: Written["checked"];
  /** One line per unit left off the list because its check still has errors. */
  leftOff: string[];
}

/**
 * The decision list (`Danh sách công nhận`) over the units' sheets of this workbook: each unit once,
 * at the council's level where its sheet has the council's columns, read and written in one batch
 * (3 syncs), then the pane's sheet checked again (2).
 */
export async function makeDecisionList(
  opts: CheckOptions,
  sheets: string[],
  file: string
): Promise<DecisionMade> {
  const each = { ...opts, columns: {}, headerRow: undefined, levelColumns: undefined, lastRow: undefined };
  let units: DecisionUnit[] = [];
  const { reads, made } = await readThenAddSheet(
    sheets.map((sheet) => ({ sheet, enough: tableSeen(each) })),
    DECISION_SHEET,
    (all) => {
      units = decisionUnits(summaryEntries(all, each, file), opts.lang);
      return decisionSheet(units, { lang: opts.lang });
    }
  );
  const checked = await checkWorkbookSheet({ ...opts, sheet: opts.sheet ?? reads[0]?.activeSheet });
  return { made, checked, leftOff: leftOffLines(units, opts.lang) };
}
