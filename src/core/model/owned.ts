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

/** The header row and the table's last row, when the officer chose them (each names a cell of that row). */
export const ROW_NAMES = {
  headerRow: "HocTap_Dong_TieuDe",
  lastRow: "HocTap_Dong_Cuoi",
} as const;

/** What the officer chose by hand and the workbook remembers for a sheet. */
export interface StoredMapping {
  /** Role → column number. */
  columns: Partial<Record<keyof typeof COLUMN_NAMES, number>>;
  /** `HocTap_Cot_MucDat` spanning several header cells: one column per level, first to last. */
  levelColumns?: { left: number; right: number };
  headerRow?: number;
  lastRow?: number;
}

const ROLES = Object.keys(COLUMN_NAMES) as (keyof typeof COLUMN_NAMES)[];

/**
 * The mapping stored in the workbook for a sheet: each column name points at its header cell (the
 * level name may span the per-level header cells); the header row is `HocTap_Dong_TieuDe`'s row, or
 * else the top of the column names; `HocTap_Dong_Cuoi` names the table's last row.
 */
export function storedMapping(wb: WorkbookSnapshot, sheet: string): StoredMapping {
  const out: StoredMapping = { columns: {} };
  let top: number | undefined;
  for (const n of namesOn(wb, sheet)) {
    const name = fold(n.name);
    const role = ROLES.find((k) => fold(COLUMN_NAMES[k]) === name);
    if (role) {
      out.columns[role] = n.range.left;
      if (role === "level" && n.range.right > n.range.left)
        out.levelColumns = { left: n.range.left, right: n.range.right };
      top = Math.min(top ?? n.range.top, n.range.top);
    } else if (name === fold(ROW_NAMES.headerRow)) out.headerRow = n.range.top;
    else if (name === fold(ROW_NAMES.lastRow)) out.lastRow = n.range.top;
  }
  if (out.headerRow === undefined && top !== undefined) out.headerRow = top;
  return out;
}
