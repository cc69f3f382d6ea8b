// The cells the product owns in an officer's sheet are recorded as sheet-scoped defined names that
// begin `HocTap_`, the same in the CLI and the add-in, so either can replace or remove the other's results.
import { contains } from "./a1";
import {
  movedLooks,
  NAME_FINGERPRINT,
  parseFingerprint,
  rangeHashes,
  writtenOn,
  type Fingerprint,
} from "./fingerprint";
import {
  cellAt,
  rowCells,
  rowNumbers,
  type DefinedName,
  type RangeRef,
  type SheetSnapshot,
  type WorkbookSnapshot,
} from "./snapshot";
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

/**
 * Whether a workbook carries the product's marks: results recorded (`HocTap_KQ_…`, the fingerprint)
 * or a sheet it made. The officer's own column mapping (`HocTap_Cot_…`) is not a mark of an output.
 */
export function hasProductMarks(wb: Pick<WorkbookSnapshot, "definedNames" | "nameValues">): boolean {
  const mark = (n: { name: string }) => /^hoctap_(kq_|vantay$)/i.test(n.name);
  return wb.definedNames.some(mark) || (wb.nameValues ?? []).some(mark);
}

function namesOn(wb: WorkbookSnapshot, sheet: string): DefinedName[] {
  return wb.definedNames.filter((n) => n.refSheet === sheet && (n.sheet === undefined || n.sheet === sheet));
}

/** The product's named ranges on a sheet (`HocTap_KQ_…`), whatever their cells hold now. */
export function namedOwned(wb: WorkbookSnapshot, sheet: string): { name: string; range: RangeRef }[] {
  return namesOn(wb, sheet)
    .filter((n) => /^hoctap_kq_/i.test(n.name))
    .map((n) => ({ name: n.name, range: n.range }));
}

/**
 * Whose the product's named cells on a sheet are now. `legacy`: named before fingerprints existed,
 * taken as the product's; `copied`: the record was written on another sheet (this one is an
 * officer's copy, or was renamed where no id tells); `changed`: some cells no longer hold what was
 * written (those are the officer's now); `moved`: every one does, where the officer's inserted rows
 * or columns moved them (Excel moves the names with them; the record keeps where they were);
 * `intact`: every one does, where they were written.
 */
export interface Ownership {
  state: "none" | "legacy" | "copied" | "changed" | "moved" | "intact";
  named: { name: string; range: RangeRef }[];
  /** The cells still holding what the product wrote: what `clean` removes and a second run replaces. */
  ours: RangeRef[];
  /** The record of the last write, when it was made on this sheet. */
  record: Fingerprint | null;
}

/** The fingerprint name's record on a sheet, as written there (null when absent or unreadable). */
export function fingerprintOf(wb: WorkbookSnapshot, sheet: string): Fingerprint | null {
  const found = (wb.nameValues ?? []).find(
    (n) => n.sheet === sheet && n.name.toLowerCase() === NAME_FINGERPRINT.toLowerCase()
  );
  return found ? parseFingerprint(found.value) : null;
}

/** Cells `from`…`to` (0-based, row order) of a range, as rectangles: a partial row, whole rows, a partial row. */
function cellRun(range: RangeRef, from: number, to: number): RangeRef[] {
  const w = range.right - range.left + 1;
  const at = (i: number) => ({ row: range.top + Math.floor(i / w), col: range.left + (i % w) });
  const a = at(from);
  const b = at(to);
  if (a.row === b.row) return [{ top: a.row, bottom: a.row, left: a.col, right: b.col }];
  const out: RangeRef[] = [];
  let top = a.row;
  if (a.col > range.left) out.push({ top, bottom: top++, left: a.col, right: range.right });
  const bottom = b.col < range.right ? b.row - 1 : b.row;
  if (bottom >= top) out.push({ top, bottom, left: range.left, right: range.right });
  if (b.col < range.right) out.push({ top: b.row, bottom: b.row, left: range.left, right: b.col });
  return out;
}

/**
 * The record as it stands after the officer's insertions moved what was written: the rows made taller
 * and the columns widened where they now are, the add-in's record of the officer's looks with the
 * ranges it was read for (a part's range that kept its size: `moves`); the writer's exact record (by
 * old positions) left out.
 */
function movedRecord(
  fp: Fingerprint,
  shift: { rows: number; cols: number },
  moves: Map<string, { rows: number; cols: number }>
): Fingerprint {
  const same = (a: RangeRef, b: RangeRef) =>
    a.top === b.top && a.left === b.left && a.bottom === b.bottom && a.right === b.right;
  const looks =
    fp.looks &&
    movedLooks(fp.looks, (r) => {
      const p = fp.parts.find((x) => same(x.range, r));
      return (p && moves.get(p.name.toLowerCase())) ?? null;
    });
  return {
    sheet: fp.sheet,
    ...(fp.sheetId !== undefined ? { sheetId: fp.sheetId } : {}),
    parts: fp.parts,
    widths: fp.widths.map((w) => ({ ...w, col: w.col + shift.cols })),
    heights: fp.heights.map((h) => ({ ...h, row: h.row + shift.rows })),
    ...(looks ? { looks } : {}),
  };
}

/** The named cells still holding what the record says was written, and whether all do, and where they moved. */
function stillWritten(named: { name: string; range: RangeRef }[], fp: Fingerprint, snap: SheetSnapshot) {
  const ours: RangeRef[] = [];
  let all = true;
  const moves = new Map<string, { rows: number; cols: number }>();
  for (const n of named) {
    const p = fp.parts.find((x) => x.name.toLowerCase() === n.name.toLowerCase());
    // A range moved whole (rows or columns inserted before it) is compared where it now is.
    const sameSize =
      p !== undefined &&
      p.range.bottom - p.range.top === n.range.bottom - n.range.top &&
      p.range.right - p.range.left === n.range.right - n.range.left;
    if (!p || !sameSize) {
      all = false;
      continue;
    }
    // Every range that kept its size, moved or not (the looks record follows each).
    moves.set(n.name.toLowerCase(), { rows: n.range.top - p.range.top, cols: n.range.left - p.range.left });
    const now = rangeHashes(n.range, p.bucket, (r, c) => cellAt(snap, r, c).value);
    const cells = (n.range.bottom - n.range.top + 1) * (n.range.right - n.range.left + 1);
    for (let i = 0; i < now.length;) {
      if (now[i] !== p.hashes[i]) {
        all = false;
        i++;
        continue;
      }
      let j = i;
      while (j + 1 < now.length && now[j + 1] === p.hashes[j + 1]) j++;
      ours.push(...cellRun(n.range, i * p.bucket, Math.min(cells, (j + 1) * p.bucket) - 1));
      i = j + 1;
    }
  }
  return { ours, all, moves };
}

export function ownership(wb: WorkbookSnapshot, sheet: string): Ownership {
  const named = namedOwned(wb, sheet);
  if (named.length === 0) return { state: "none", named, ours: [], record: null };
  const present = (wb.nameValues ?? []).some(
    (n) => n.sheet === sheet && n.name.toLowerCase() === NAME_FINGERPRINT.toLowerCase()
  );
  const snap = wb.sheets.find((s) => s.name === sheet);
  const fp = fingerprintOf(wb, sheet);
  if (!present) return { state: "legacy", named, ours: named.map((n) => n.range), record: null };
  if (!fp || !snap) return { state: "copied", named, ours: [], record: null };
  const { ours, all, moves } = stillWritten(named, fp, snap);
  // An officer's copy of a checked sheet (Excel copies its names too): the results copied with it
  // are the product's still as written, for a second run to replace; the record is the original's.
  if (!writtenOn(fp, sheet, snap.id)) return { state: "copied", named, ours, record: null };
  if ([...moves.values()].every((m) => m.rows === 0 && m.cols === 0))
    return { state: all ? "intact" : "changed", named, ours, record: fp };
  // The block's rows were made taller; the result columns were widened.
  const shift = {
    rows: moves.get(NAME_RESULT_BLOCK.toLowerCase())?.rows ?? 0,
    cols: moves.get(NAME_RESULT_COLUMNS.toLowerCase())?.cols ?? 0,
  };
  return { state: all ? "moved" : "changed", named, ours, record: movedRecord(fp, shift, moves) };
}

/** Ranges of a sheet holding what the product wrote earlier (results): its named cells still as written. */
export function ownedRanges(wb: WorkbookSnapshot, sheet: string): RangeRef[] {
  return ownership(wb, sheet).ours;
}

/** The range a sheet-scoped product name of this sheet refers to, if the sheet has it. */
export function namedRange(wb: WorkbookSnapshot, sheet: string, name: string): RangeRef | null {
  return namesOn(wb, sheet).find((n) => n.name.toLowerCase() === name.toLowerCase())?.range ?? null;
}

/** A sheet the product made, by its name: not an assessment, whoever holds it now. */
export function isProductSheet(wb: WorkbookSnapshot, sheet: string): boolean {
  return namesOn(wb, sheet).some((n) => n.name.toLowerCase() === NAME_PRODUCT_SHEET.toLowerCase());
}

/**
 * A sheet the product made and still holds as it made it: a second run may replace it, `clean` may
 * remove it. Not an officer's copy, not one the officer wrote in (inside its range or beyond).
 */
export function isOurProductSheet(wb: WorkbookSnapshot, sheet: string): boolean {
  if (!isProductSheet(wb, sheet)) return false;
  const own = ownership(wb, sheet);
  if (own.state === "legacy") return true;
  if (own.state !== "intact") return false;
  const snap = wb.sheets.find((s) => s.name === sheet) as SheetSnapshot;
  const covered = own.named.map((n) => n.range);
  for (const r of rowNumbers(snap))
    for (const c of rowCells(snap, r).keys()) if (!covered.some((x) => contains(x, r, c))) return false;
  return true;
}

const ROW_INDEX = new WeakMap<RangeRef[], Map<number, RangeRef[]>>();

/** Whether a cell lies in one of the ranges; many ranges (a record half changed) are indexed by row. */
export function isOwned(owned: RangeRef[], row: number, col: number): boolean {
  if (owned.length <= 16) return owned.some((r) => contains(r, row, col));
  let index = ROW_INDEX.get(owned);
  if (!index) {
    index = new Map();
    for (const r of owned)
      for (let k = r.top >> 6; k <= r.bottom >> 6; k++) {
        const list = index.get(k) ?? [];
        list.push(r);
        index.set(k, list);
      }
    ROW_INDEX.set(owned, index);
  }
  return (index.get(row >> 6) ?? []).some((r) => contains(r, row, col));
}

/** The header row and the table's last row, when the officer chose them (each names a cell of that row). */
export const ROW_NAMES = {
  headerRow: "HocTap_Dong_TieuDe",
  lastRow: "HocTap_Dong_Cuoi",
} as const;

/** The officer's choice of columns and rows: a setting of theirs, kept by `clean` and by a second run. */
export function isMappingName(name: string): boolean {
  const n = name.toLowerCase();
  return (
    n.startsWith(CONDITION_PREFIX.toLowerCase()) ||
    [...Object.values(COLUMN_NAMES), ...Object.values(ROW_NAMES)].some((m) => m.toLowerCase() === n)
  );
}

const CONDITION_PREFIX = "HocTap_DieuKien_";

/**
 * The name that says a condition of the unit holds, as the officer chose it in the pane
 * (`vung-kho-khan` → `HocTap_DieuKien_VungKhoKhan`, on the sheet, naming its first cell): a setting
 * of theirs like the columns, read by the CLI too, kept by `clean` and by a second run.
 */
export function conditionName(id: string): string {
  return CONDITION_PREFIX + id.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase());
}

/** The conditions among `ids` the workbook remembers as chosen for a sheet. */
export function storedConditions(wb: WorkbookSnapshot, sheet: string, ids: readonly string[]): string[] {
  const on = new Set(namesOn(wb, sheet).map((n) => n.name.toLowerCase()));
  return ids.filter((id) => on.has(conditionName(id).toLowerCase()));
}

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
