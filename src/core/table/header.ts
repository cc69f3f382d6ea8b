// Finding the assessment table in an officer's own sheet: the header row by synonyms (case- and
// diacritics-insensitive, any column, within the first 30 rows), the unit's name from the title rows.
import { isOwned } from "../model/owned";
import {
  cellAt,
  cellText,
  rowCells,
  rowsBetween,
  type Cell,
  type RangeRef,
  type SheetSnapshot,
} from "../model/snapshot";
import { fold, titleCase } from "../model/text";

export type Role = "code" | "content" | "data" | "evidence" | "level" | "note" | "requirement";
export type ColumnMap = Partial<Record<Role, number>>;

export const HEADER_SEARCH_ROWS = 30;

/** The role a header names, tried in this order (`Mã minh chứng` is evidence, not a code). */
export function headerRole(text: string): Role | null {
  const f = fold(text);
  if (!f || f.length > 80) return null;
  if (/minh chung|kiem chung|tai lieu/.test(f)) return "evidence";
  if (/tu danh gia|muc dat|dat muc|muc do dat|^muc( do)?$|xep muc/.test(f)) return "level";
  if (/so lieu|ket qua thuc hien|^ket qua$|gia tri|thuc hien/.test(f)) return "data";
  if (/noi dung|tieu chuan|tieu chi|chi bao|chi tieu/.test(f)) return "content";
  if (/^(s?tt|ma|ma so|so tt|so thu tu|thu tu|ma chi bao)$/.test(f)) return "code";
  if (/^ghi chu/.test(f)) return "note";
  if (/yeu cau/.test(f)) return "requirement";
  return null;
}

export interface TableLayout {
  headerRow: number;
  columns: ColumnMap;
  /** Leftmost and rightmost columns of the table (from its header). */
  left: number;
  right: number;
}

/** Reads a cell as blank when the product owns it, so earlier results never look like the officer's. */
export function officerCells(sheet: SheetSnapshot, owned: RangeRef[]): (row: number, col: number) => Cell {
  if (owned.length === 0) return (row, col) => cellAt(sheet, row, col);
  return (row, col) => (isOwned(owned, row, col) ? { value: null } : cellAt(sheet, row, col));
}

export function detectTable(
  sheet: SheetSnapshot,
  owned: RangeRef[],
  override: { columns: ColumnMap; headerRow?: number } = { columns: {} }
): TableLayout | null {
  const at = officerCells(sheet, owned);
  let best: TableLayout | null = null;
  let bestScore = 0;
  for (const r of rowsBetween(sheet, 1, HEADER_SEARCH_ROWS)) {
    if (override.headerRow !== undefined && r !== override.headerRow) continue;
    const columns: ColumnMap = {};
    let left = Infinity;
    let last = 0;
    for (const c of rowCells(sheet, r).keys()) {
      const text = cellText(at(r, c).value);
      if (!text) continue;
      const role = headerRole(text);
      if (role && columns[role] === undefined) columns[role] = c;
      left = Math.min(left, c);
      last = c;
    }
    const merged = { ...columns, ...override.columns };
    const score = Object.keys(columns).length;
    if (merged.content !== undefined && score >= 2 && score > bestScore) {
      best = { headerRow: r, columns: merged, left, right: Math.max(last, ...Object.values(merged)) };
      bestScore = score;
    }
  }
  if (!best && override.headerRow !== undefined && override.columns.content !== undefined) {
    const cols = Object.values(override.columns);
    best = {
      headerRow: override.headerRow,
      columns: override.columns,
      left: Math.min(...cols),
      right: Math.max(...cols),
    };
  }
  return best;
}

/** The text of a row's non-blank cells, left to right (title rows are often merged across). */
export function rowText(at: (row: number, col: number) => Cell, sheet: SheetSnapshot, row: number): string {
  const parts: string[] = [];
  for (const c of rowCells(sheet, row).keys()) {
    const t = cellText(at(row, c).value);
    if (t && parts[parts.length - 1] !== t) parts.push(t);
  }
  return parts.join(" ");
}

const UNIT_TYPES: [RegExp, string][] = [
  [/^thanh pho\b/, "Thành phố"],
  [/^thi xa\b/, "Thị xã"],
  [/^huyen\b/, "Huyện"],
  [/^quan\b/, "Quận"],
  [/^tinh\b/, "Tỉnh"],
];

/** `ỦY BAN NHÂN DÂN HUYỆN AN LÃO` → `Huyện An Lão`; null when no title row names the unit. */
export function unitNameFrom(titles: string[]): string | null {
  for (const title of titles) {
    const m = /^(uy ban nhan dan|ubnd)\s+(.+)$/.exec(fold(title));
    if (!m) continue;
    // A template's placeholder (`ỦY BAN NHÂN DÂN ……… (ghi tên đơn vị)`) names no unit.
    const cleaned = title.replace(/\([^)]*\)/g, " ").replace(/[.…_]+/g, " ");
    const words = cleaned.trim().split(/\s+/);
    const skip = m[1] === "ubnd" ? 1 : 4;
    const rest = words.slice(skip);
    if (rest.length === 0) return null;
    const restFolded = fold(rest.join(" "));
    for (const [re, label] of UNIT_TYPES) {
      const tm = re.exec(restFolded);
      if (tm) {
        const typeWords = tm[0].split(" ").length;
        const name = titleCase(rest.slice(typeWords).join(" "));
        return name ? `${label} ${name}` : null;
      }
    }
    return titleCase(rest.join(" ")) || null;
  }
  return null;
}

/** Title words only break ties between sets: `huyện học tập` → district, `thành phố học tập` → city. */
export function kindFromTitles(titles: string[]): "district" | "city" | null {
  const f = fold(titles.join(" "));
  if (/(quan|huyen|thi xa)( ?\/ ?(quan|huyen|thi xa))* hoc tap/.test(f)) return "district";
  if (/(thanh pho|tinh) hoc tap/.test(f)) return "city";
  return null;
}
