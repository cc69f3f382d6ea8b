// The cells the product owns in an officer's sheet are recorded as sheet-scoped defined names that
// begin `HocTap_`, the same in the CLI and the add-in, so either can replace or remove the other's results.
import { contains } from "./a1";
import type { DefinedName, RangeRef, WorkbookSnapshot } from "./snapshot";
import { fold } from "./text";

export const NAME_PREFIX = "HocTap_";
/** The two result columns beside the table. */
export const NAME_RESULT_COLUMNS = "HocTap_KQ_Cot";
/** The result block below the table. */
export const NAME_RESULT_BLOCK = "HocTap_KQ_Khoi";
/** A sheet the product made (summary, template): its whole used range. */
export const NAME_PRODUCT_SHEET = "HocTap_KQ_Sheet";
/** The officer's own print area, kept (hidden) while the product's results widen it; clean restores it. */
export const NAME_PRINT_AREA = "HocTap_VungIn";

/** Officer-chosen column mapping, one name per column, pointing at the column's header cell. */
export const COLUMN_NAMES = {
  code: "HocTap_Cot_Ma",
  content: "HocTap_Cot_NoiDung",
  data: "HocTap_Cot_SoLieu",
  evidence: "HocTap_Cot_MinhChung",
  level: "HocTap_Cot_MucDat",
} as const;

export function isProductName(name: string): boolean {
  return name.toLowerCase().startsWith(NAME_PREFIX.toLowerCase());
}

function namesOn(wb: WorkbookSnapshot, sheet: string): DefinedName[] {
  return wb.definedNames.filter((n) => n.refSheet === sheet && (n.sheet === undefined || n.sheet === sheet));
}

/** Ranges of a sheet the product wrote earlier (results), by their defined names. */
export function ownedRanges(wb: WorkbookSnapshot, sheet: string): RangeRef[] {
  return namesOn(wb, sheet)
    .filter((n) => /^hoctap_kq_/i.test(n.name))
    .map((n) => n.range);
}

/** The range a sheet-scoped product name of this sheet refers to, if the sheet has it. */
export function namedRange(wb: WorkbookSnapshot, sheet: string, name: string): RangeRef | null {
  return namesOn(wb, sheet).find((n) => n.name.toLowerCase() === name.toLowerCase())?.range ?? null;
}

export function isProductSheet(wb: WorkbookSnapshot, sheet: string): boolean {
  return namesOn(wb, sheet).some((n) => n.name.toLowerCase() === NAME_PRODUCT_SHEET.toLowerCase());
}

export function isOwned(owned: RangeRef[], row: number, col: number): boolean {
  return owned.some((r) => contains(r, row, col));
}

/** Column mapping stored in the workbook for a sheet: role → column number (and the header row). */
export function storedMapping(
  wb: WorkbookSnapshot,
  sheet: string
): { columns: Partial<Record<keyof typeof COLUMN_NAMES, number>>; headerRow?: number } {
  const columns: Partial<Record<keyof typeof COLUMN_NAMES, number>> = {};
  let headerRow: number | undefined;
  for (const n of namesOn(wb, sheet)) {
    const role = (Object.keys(COLUMN_NAMES) as (keyof typeof COLUMN_NAMES)[]).find(
      (k) => fold(COLUMN_NAMES[k]) === fold(n.name)
    );
    if (role) {
      columns[role] = n.range.left;
      headerRow = n.range.top;
    }
  }
  return headerRow === undefined ? { columns } : { columns, headerRow };
}
