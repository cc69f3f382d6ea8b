// Every assessment sheet of a workbook. Hidden sheets (an old draft) are left out unless asked for,
// or unless every sheet holding a table is hidden; either way the caller is told which.
import { isProductSheet, ownedRanges } from "../model/owned";
import type { SheetSnapshot, WorkbookSnapshot } from "../model/snapshot";
import { fold } from "../model/text";
import { isCriteriaSheetName } from "../sets/criteria-sheet";
import { detectTable } from "../table/header";
import { checkSheet, tableOverride, type CheckOptions, type SheetCheck } from "./sheet";

export interface WorkbookCheckOptions extends CheckOptions {
  /** Only this sheet (by name, case- and diacritics-insensitive), hidden or not. */
  sheet?: string;
  /** Hidden sheets too. */
  includeHidden?: boolean;
}

export interface WorkbookCheck {
  checked: { sheet: SheetSnapshot; check: SheetCheck }[];
  /** Hidden sheets holding a table that were left out. */
  hiddenSkipped: string[];
  /** Every sheet holding a table is hidden: they were checked all the same. */
  onlyHidden: boolean;
}

/** The sheets holding an assessment table: not the criteria sheet, not the product's own sheets. */
export function candidateSheets(wb: WorkbookSnapshot): SheetSnapshot[] {
  return wb.sheets.filter((s) => !isCriteriaSheetName(s.name) && !isProductSheet(wb, s.name));
}

function holdsTable(wb: WorkbookSnapshot, s: SheetSnapshot, options: CheckOptions): boolean {
  return detectTable(s, ownedRanges(wb, s.name), tableOverride(wb, s.name, options)) !== null;
}

function checkAll(
  wb: WorkbookSnapshot,
  sheets: SheetSnapshot[],
  options: CheckOptions
): WorkbookCheck["checked"] {
  return sheets.flatMap((sheet) => {
    const check = checkSheet(wb, sheet, options);
    return check ? [{ sheet, check }] : [];
  });
}

export function checkWorkbook(wb: WorkbookSnapshot, options: WorkbookCheckOptions = {}): WorkbookCheck {
  const wanted = options.sheet === undefined ? null : fold(options.sheet);
  const named = candidateSheets(wb).filter((s) => wanted === null || fold(s.name) === wanted);
  const visible = checkAll(
    wb,
    named.filter((s) => !s.hidden),
    options
  );
  const hidden = named.filter((s) => s.hidden && holdsTable(wb, s, options));
  const asked = options.includeHidden === true || wanted !== null;
  const takeHidden = asked || visible.length === 0;
  const hiddenChecked = takeHidden ? checkAll(wb, hidden, options) : [];
  const checked = [...visible, ...hiddenChecked].sort(
    (a, b) => wb.sheets.indexOf(a.sheet) - wb.sheets.indexOf(b.sheet)
  );
  return {
    checked,
    hiddenSkipped: takeHidden ? [] : hidden.map((s) => s.name),
    onlyHidden: !asked && visible.length === 0 && hiddenChecked.length > 0,
  };
}
