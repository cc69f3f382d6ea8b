// Which set a sheet is checked against: the one chosen; else the set the workbook defines in its
// criteria sheet; else the built-in that fits the table's shape. A criteria sheet without a
// description block overrides the leaves of the set chosen or fitted (the official thresholds).
import type { Issue } from "../model/issues";
import type { Lang } from "../model/lang";
import type { WorkbookSnapshot } from "../model/snapshot";
import { isCriteriaSheetName, readCriteriaSheet, readDefinedSet } from "../sets/criteria-sheet";
import type { Framework } from "../sets/framework";
import type { TableRead } from "../table/read";
import { chooseSet } from "./choose";

export interface SetChoice {
  framework: Framework;
  /** `chosen` by the officer, defined by the `workbook`, or fitted to the table's `shape`. */
  from: "chosen" | "workbook" | "shape";
  /** The set the workbook's criteria sheet defines, if it defines one (used or not). */
  workbookSet: Framework | null;
  /** Problems of the criteria sheet, at its cells. */
  issues: Issue[];
}

export function setForSheet(
  wb: WorkbookSnapshot,
  read: TableRead,
  chosen: Framework | undefined,
  lang: Lang
): SetChoice {
  const sheet = wb.sheets.find((s) => isCriteriaSheetName(s.name));
  const defined = sheet ? readDefinedSet(sheet, lang) : null;
  const workbookSet = defined?.framework ?? null;
  if (!chosen && defined?.framework)
    return { framework: defined.framework, from: "workbook", workbookSet, issues: defined.issues };
  const base = chosen ?? chooseSet(read.structure, read.titles);
  const from = chosen ? "chosen" : "shape";
  // A sheet that describes a set is that set, never an override of another.
  if (!sheet || defined)
    return { framework: base, from, workbookSet, issues: chosen ? [] : (defined?.issues ?? []) };
  const applied = readCriteriaSheet(sheet, base, lang);
  return { framework: applied.framework, from, workbookSet, issues: applied.issues };
}
