// One file read by the lean reader and checked: the unit of work of `check` (without --out) and
// `summary`, run in this thread or in a worker; its outcome is plain data, so it crosses threads.
import { checkWorkbook, type SheetReport, type WorkbookCheckOptions } from "../core/checks/check";
import { isProductSheet } from "../core/model/owned";
import type { DefinedName } from "../core/model/snapshot";
import { fold } from "../core/model/text";
import { isCriteriaSheetName } from "../core/sets/criteria-sheet";
import { WorkbookFileError } from "../reader/file-error";
import { asFileError, readSnapshot } from "../reader/read";

export interface CheckJob {
  file: string;
  options: WorkbookCheckOptions;
}

export type CheckOutcome =
  | { file: string; reports: SheetReport[] }
  | { file: string; error: { code: WorkbookFileError["code"]; message: string } };

/** The sheets a check reads: the one asked for (or every sheet but the product's own) and the criteria sheet. */
export function sheetsForCheck(sheet: string | undefined) {
  const wanted = sheet === undefined ? null : fold(sheet);
  return (name: string, names: readonly DefinedName[]) =>
    isCriteriaSheetName(name) ||
    (wanted === null
      ? !isProductSheet({ sheets: [], definedNames: [...names] }, name)
      : fold(name) === wanted);
}

export async function checkFile({ file, options }: CheckJob): Promise<CheckOutcome> {
  try {
    const snapshot = await readSnapshot(file, { sheets: sheetsForCheck(options.sheet) });
    const checked = checkWorkbook(snapshot, options);
    if (checked.length === 0)
      throw options.sheet
        ? new WorkbookFileError("no-sheet", options.sheet)
        : new WorkbookFileError("no-table");
    return { file, reports: checked.map((c) => c.check.report) };
  } catch (e) {
    const failure = asFileError(e);
    return { file, error: { code: failure.code, message: failure.say(options.lang ?? "vi") } };
  }
}
