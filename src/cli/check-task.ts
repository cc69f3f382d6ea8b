// One file read by the lean reader and checked: the unit of work of `check` (without --out) and
// `summary`, run in this thread or in a worker; its outcome is plain data, so it crosses threads.
import { statSync } from "node:fs";
import { checkWorkbook, type WorkbookCheckOptions } from "../core/checks/check";
import { withCouncil, type CouncilReport } from "../core/checks/council";
import { hasProductMarks, isProductSheet } from "../core/model/owned";
import type { SavedAt } from "../core/plans/duplicates";
import type { DefinedName } from "../core/model/snapshot";
import { fold } from "../core/model/text";
import { isCriteriaSheetName } from "../core/sets/criteria-sheet";
import { WorkbookFileError } from "../reader/file-error";
import { asFileError, readSnapshot } from "../reader/read";
import { SheetNotFound } from "./no-sheet";

/** A `.xls` named so is an old Excel file even when it is not OLE inside. */
export function namedFileError(failure: WorkbookFileError, file: string): WorkbookFileError {
  return failure.code === "not-xlsx" && /\.xls$/i.test(file) ? new WorkbookFileError("old-xls") : failure;
}

export interface CheckJob {
  file: string;
  options: WorkbookCheckOptions;
}

/** Hidden sheets left out, or checked because every sheet holding a table is hidden. */
export interface HiddenSheets {
  skipped: string[];
  onlyHidden: boolean;
  checked: string[];
}

/**
 * `marked`: the workbook carries the product's marks (results written, a sheet it made): a copy
 * written by `check --out` or the pane, or a summary; `summary` tells them from the units' own.
 */
export type CheckOutcome =
  | { file: string; reports: CouncilReport[]; hidden: HiddenSheets; saved?: SavedAt; marked?: true }
  | { file: string; error: { code: WorkbookFileError["code"]; message: string }; marked?: true };

/** The sheets a check reads: the one asked for (or every sheet but the product's own) and the criteria sheet. */
export function sheetsForCheck(sheet: string | undefined) {
  const wanted = sheet === undefined ? null : fold(sheet);
  return (name: string, names: readonly DefinedName[]) =>
    isCriteriaSheetName(name) ||
    (wanted === null
      ? !isProductSheet({ sheets: [], definedNames: [...names] }, name)
      : fold(name) === wanted);
}

/** When the copy was saved: as the workbook says, else the file's time on disk. */
function savedOf(file: string, savedAt: string | undefined): { saved?: SavedAt } {
  if (savedAt) return { saved: { at: savedAt, by: "workbook" } };
  const mtime = statSync(file, { throwIfNoEntry: false })?.mtime;
  return mtime ? { saved: { at: mtime.toISOString(), by: "file" } } : {};
}

/** Reads and checks one file; `step` hears when reading ends and checking begins (a large file's progress). */
export async function checkFile(
  { file, options }: CheckJob,
  step?: (phase: "read" | "check") => void
): Promise<CheckOutcome> {
  let marked = false;
  try {
    step?.("read");
    const wanted = sheetsForCheck(options.sheet);
    const every: string[] = [];
    const snapshot = await readSnapshot(file, {
      sheets: (name, names) => every.push(name) > 0 && wanted(name, names),
      savedAt: true,
    });
    marked = hasProductMarks(snapshot);
    step?.("check");
    const result = checkWorkbook(snapshot, options);
    if (result.checked.length === 0)
      throw options.sheet ? new SheetNotFound(options.sheet, every) : new WorkbookFileError("no-table");
    return {
      file,
      ...(marked ? { marked: true as const } : {}),
      ...savedOf(file, snapshot.savedAt),
      // Each with the council's verdict when the sheet has the council's columns.
      reports: result.checked.map((c) => withCouncil(snapshot, c, options.lang ?? "vi")),
      hidden: {
        skipped: result.hiddenSkipped,
        onlyHidden: result.onlyHidden,
        checked: result.checked.map((c) => c.sheet.name),
      },
    };
  } catch (e) {
    const failure = namedFileError(asFileError(e), file);
    return {
      file,
      error: { code: failure.code, message: failure.say(options.lang ?? "vi") },
      ...(marked ? { marked: true as const } : {}),
    };
  }
}
