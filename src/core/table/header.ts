// Finding the assessment table's header in an officer's own sheet: within the first 200 rows, in any
// column, by scored header words; a group header over sub-columns (two rows) is read as one header,
// and one column per level (`Không đạt | Mức 1 | Mức 2 | Mức 3`) stands for the level column.
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
import { fold } from "../model/text";
import { headerScore, levelOfHeader, type ColumnMap, type Role } from "./header-words";

export { headerRole, type ColumnMap, type Role } from "./header-words";

export const HEADER_SEARCH_ROWS = 200;

/** One column of a per-level layout and the level it stands for. */
export interface LevelColumn {
  col: number;
  level: number;
  /** Chosen by hand under headers that name no level: numbered by position (see `levelsOf`). */
  positional?: true;
  /**
   * The `Không đạt` column of the level's pair (`Mức độ 1: Đạt | Không đạt`): a mark there says the
   * level is not achieved, never that it is.
   */
  notAchieved?: true;
}

export interface TableLayout {
  /** The header's (top) row. */
  headerRow: number;
  /**
   * 2 when a group header sits over sub-columns in the row below; 3 under a group header over
   * per-level `Đạt | Không đạt` pairs (`Kết quả tự đánh giá` / `Mức độ 1` / `Đạt`).
   */
  headerRows: number;
  /** Columns by role; with per-level columns, `level` is the first of them. */
  columns: ColumnMap;
  /** One column per level, when the level is marked per column. */
  levelColumns?: LevelColumn[];
  /** Leftmost and rightmost columns of the table (from its header). */
  left: number;
  right: number;
  /** The table's last row, when the officer chose it. */
  lastRow?: number;
}

/** What the officer chose by hand (CLI options, the pane's *Chọn cột*, or names stored in the workbook). */
export interface TableOverride {
  columns?: ColumnMap;
  headerRow?: number;
  /** Per-level columns, first to last (`--map level=F:I`). */
  levelColumns?: { left: number; right: number };
  lastRow?: number;
}

export type CellReader = ((row: number, col: number) => Cell) & {
  /** Nothing is owned: every stored cell is the officer's (a row can be read as stored). */
  readonly plain?: true;
};

/** Reads a cell as blank when the product owns it, so earlier results never look like the officer's. */
export function officerCells(sheet: SheetSnapshot, owned: RangeRef[]): CellReader {
  if (owned.length === 0)
    return Object.assign((row: number, col: number) => cellAt(sheet, row, col), { plain: true as const });
  return (row, col) => (isOwned(owned, row, col) ? { value: null } : cellAt(sheet, row, col));
}

/** The non-blank texts of one row, by column. */
function rowTexts(sheet: SheetSnapshot, at: CellReader, row: number): Map<number, string> {
  const texts = new Map<number, string>();
  for (const c of rowCells(sheet, row).keys()) {
    const t = cellText(at(row, c).value);
    if (t) texts.set(c, t);
  }
  return texts;
}

/**
 * The row under a header is its second row when every cell there is a header word or a level, and
 * nothing sits under the header's code or content column (merged down over both rows).
 */
function subHeader(
  sheet: SheetSnapshot,
  at: CellReader,
  row: number,
  top: Map<number, string>,
  council: Set<number>
): Map<number, string> | null {
  const texts = rowTexts(sheet, at, row + 1);
  for (const c of council) texts.delete(c);
  if (texts.size < 2) return null;
  for (const [c, t] of texts) {
    const own = top.get(c);
    const role = own === undefined ? null : headerScore(own)?.role;
    if (role === "code" || role === "content") return null;
    if (!headerScore(t) && levelOfHeader(t) === null) return null;
  }
  return texts;
}

const ACHIEVED = /^dat$/;
const NOT_ACHIEVED = /^(khong dat|chua dat|kd)$/;

/** The text of the cell, or of the merge's top-left cell when a merge covers it. */
function textCovering(sheet: SheetSnapshot, at: CellReader, row: number, col: number): string {
  const m = sheet.merges.find((r) => r.top <= row && row <= r.bottom && r.left <= col && col <= r.right);
  return cellText((m ? at(m.top, m.left) : at(row, col)).value);
}

/** The level the header names above a pair's columns (`Mức độ 1` merged over `Đạt | Không đạt`). */
function levelAbove(
  sheet: SheetSnapshot,
  at: CellReader,
  top: number,
  bottom: number,
  cols: number[]
): number | null {
  for (let r = bottom; r >= top; r--)
    for (const c of cols) {
      const level = levelOfHeader(textCovering(sheet, at, r, c));
      if (level !== null) return level;
    }
  return null;
}

const COUNCIL = /\b(tham dinh|hoi dong)\b/;

/** A column under the council's heading (`Hội đồng thẩm định`, `Thẩm định – Mức độ 1`) in rows top…bottom. */
function underCouncil(
  sheet: SheetSnapshot,
  at: CellReader,
  top: number,
  bottom: number,
  col: number
): boolean {
  for (let r = top; r <= bottom; r++) if (COUNCIL.test(fold(textCovering(sheet, at, r, col)))) return true;
  return false;
}

/**
 * The per-level `Đạt | Không đạt` pairs under a header (`Mức độ 1` and `Mức độ 2`, each merged over
 * its pair, in the row below or, under a group header such as `Kết quả tự đánh giá`, two rows
 * below): every pair's level named above it, the levels ascending. Null when the rows below hold no
 * such pairs.
 */
function levelPairs(
  sheet: SheetSnapshot,
  at: CellReader,
  row: number
): { columns: LevelColumn[]; headerRows: number } | null {
  for (const depth of [1, 2]) {
    const texts = rowTexts(sheet, at, row + depth);
    const columns: LevelColumn[] = [];
    for (const c of [...texts.keys()].sort((a, b) => a - b)) {
      const here = fold(texts.get(c) ?? "");
      const next = fold(texts.get(c + 1) ?? "");
      const order =
        ACHIEVED.test(here) && NOT_ACHIEVED.test(next)
          ? 0
          : NOT_ACHIEVED.test(here) && ACHIEVED.test(next)
            ? 1
            : -1;
      if (order < 0 || columns.some((l) => l.col === c)) continue;
      // The council's own pairs beside the commune's (`Hội đồng thẩm định`) are its verdict, not the table's levels.
      if (underCouncil(sheet, at, row, row + depth - 1, c)) continue;
      const level = levelAbove(sheet, at, row, row + depth - 1, [c, c + 1]);
      const prev = columns[columns.length - 1];
      if (level === null || level < 1 || (prev && prev.level >= level)) return null;
      const achieved: LevelColumn = { col: c + order, level };
      const not: LevelColumn = { col: c + 1 - order, level, notAchieved: true };
      columns.push(...(order === 0 ? [achieved, not] : [not, achieved]));
    }
    if (columns.length > 0) return { columns, headerRows: depth + 1 };
  }
  return null;
}

interface Candidate {
  layout: TableLayout;
  score: number;
  hasLevel: boolean;
}

/** The longest run of adjacent columns whose headers name ascending levels (at least two). */
function levelRun(texts: Map<number, string>): LevelColumn[] | undefined {
  let best: LevelColumn[] = [];
  let run: LevelColumn[] = [];
  for (const col of [...texts.keys()].sort((a, b) => a - b)) {
    const level = levelOfHeader(texts.get(col) as string);
    const prev = run[run.length - 1];
    if (level === null) run = [];
    else if (prev && prev.col === col - 1 && prev.level < level) run.push({ col, level });
    else run = [{ col, level }];
    if (run.length > best.length) best = [...run];
  }
  return best.length >= 2 ? best : undefined;
}

/**
 * The columns under the council's heading in a header's two rows (`Hội đồng thẩm định` merged over
 * its `Đạt | Không đạt`, `Ý kiến của Hội đồng`): the council's verdict beside the table, never the
 * commune's roles or levels, whatever words stand under it.
 */
function councilCols(
  sheet: SheetSnapshot,
  at: CellReader,
  row: number,
  top: Map<number, string>
): Set<number> {
  const cols = new Set<number>();
  if (![...top.values()].some((t) => COUNCIL.test(fold(t)))) return cols;
  for (const c of new Set([...top.keys(), ...rowTexts(sheet, at, row + 1).keys()]))
    if (underCouncil(sheet, at, row, row, c)) cols.add(c);
  return cols;
}

function readHeaderRow(sheet: SheetSnapshot, at: CellReader, row: number): Candidate | null {
  const top = rowTexts(sheet, at, row);
  if (top.size < 2) return null;
  const pairs = levelPairs(sheet, at, row);
  const council = councilCols(sheet, at, row, top);
  const sub = pairs ? null : subHeader(sheet, at, row, top, council);
  // A sub-column's own header names its role; its group's header only names the group.
  const texts = new Map(top);
  for (const [c, t] of sub ?? [])
    if (headerScore(t) || levelOfHeader(t) !== null || !top.has(c)) texts.set(c, t);
  // The council's columns stay inside the table's width (nothing is written over them) but name nothing of it.
  const edges = [...texts.keys(), ...council];
  for (const c of council) texts.delete(c);
  if (texts.size === 0) return null;
  if (pairs) return pairCandidate(row, texts, pairs, edges);
  const columns: ColumnMap = {};
  const scores: Partial<Record<Role, number>> = {};
  for (const [c, t] of texts) {
    if (levelOfHeader(t) !== null) continue;
    const s = headerScore(t);
    if (s && (scores[s.role] ?? 0) < s.score) {
      scores[s.role] = s.score;
      columns[s.role] = c;
    }
  }
  const levelColumns = columns.level === undefined ? levelRun(texts) : undefined;
  if (levelColumns) columns.level = (levelColumns[0] as LevelColumn).col;
  const layout: TableLayout = {
    headerRow: row,
    headerRows: sub ? 2 : 1,
    columns,
    left: Math.min(...edges),
    right: Math.max(...edges),
  };
  if (levelColumns) layout.levelColumns = levelColumns;
  const score = Object.values(scores).reduce((a, b) => a + b, 0) + (levelColumns ? 5 : 0);
  return { layout, score, hasLevel: columns.level !== undefined };
}

/** A header over per-level `Đạt | Không đạt` pairs: the pairs are the level's columns. */
function pairCandidate(
  row: number,
  texts: Map<number, string>,
  pairs: { columns: LevelColumn[]; headerRows: number },
  edges: number[]
): Candidate {
  const columns: ColumnMap = {};
  const scores: Partial<Record<Role, number>> = {};
  const taken = new Set(pairs.columns.map((l) => l.col));
  for (const [c, t] of texts) {
    const s = taken.has(c) || levelOfHeader(t) !== null ? null : headerScore(t);
    if (s && s.role !== "level" && (scores[s.role] ?? 0) < s.score) {
      scores[s.role] = s.score;
      columns[s.role] = c;
    }
  }
  columns.level = (pairs.columns[0] as LevelColumn).col;
  const cols = [...edges, ...taken];
  const layout: TableLayout = {
    headerRow: row,
    headerRows: pairs.headerRows,
    columns,
    levelColumns: pairs.columns,
    left: Math.min(...cols),
    right: Math.max(...cols),
  };
  const score = Object.values(scores).reduce((a, b) => a + b, 0) + 8;
  return { layout, score, hasLevel: true };
}

/** Rows with a level column beat rows without (a second table's header has none); then the score. */
function better(a: Candidate, b: Candidate | null): boolean {
  if (!b) return true;
  if (a.hasLevel !== b.hasLevel) return a.hasLevel;
  return a.score > b.score;
}

/**
 * Per-level columns chosen by hand: the header's `Đạt | Không đạt` pairs inside the range (a
 * `Không đạt` column is never read as a level, whatever the range), else levels from their
 * headers, or 1, 2, … by position.
 */
function chosenLevelColumns(
  sheet: SheetSnapshot,
  at: CellReader,
  layout: TableLayout,
  range: { left: number; right: number }
): LevelColumn[] {
  const inside = (l: LevelColumn) => l.col >= range.left && l.col <= range.right;
  const pairs = (levelPairs(sheet, at, layout.headerRow)?.columns ?? []).filter(inside);
  const paired = pairs.filter((p) => pairs.some((q) => q.level === p.level && q !== p));
  if (paired.length > 0) return paired;
  const texts = new Map<number, string>();
  for (let r = layout.headerRow + layout.headerRows - 1; r > layout.headerRow; r--)
    for (const [c, t] of rowTexts(sheet, at, r)) if (!texts.has(c)) texts.set(c, t);
  const own = rowTexts(sheet, at, layout.headerRow);
  const cols = Array.from({ length: range.right - range.left + 1 }, (_, i) => range.left + i);
  const named = cols.map((col) => ({ col, level: levelOfHeader(texts.get(col) ?? own.get(col) ?? "") }));
  const ascending = named.every(
    (n, i) => n.level !== null && (i === 0 || n.level > (named[i - 1]?.level ?? 0))
  );
  return ascending
    ? (named as LevelColumn[])
    : cols.map((col, i) => ({ col, level: i + 1, positional: true as const }));
}

function applyOverride(
  sheet: SheetSnapshot,
  at: CellReader,
  found: TableLayout,
  over: TableOverride
): TableLayout {
  const layout: TableLayout = { ...found, columns: { ...found.columns, ...over.columns } };
  const level = over.columns?.level;
  if (over.levelColumns && over.levelColumns.right > over.levelColumns.left) {
    layout.levelColumns = chosenLevelColumns(sheet, at, layout, over.levelColumns);
    layout.columns.level = over.levelColumns.left;
  } else if (level !== undefined && !found.levelColumns?.some((l) => l.col === level)) {
    // One column chosen for the level: a single level column (unless it is one of the per-level ones).
    delete layout.levelColumns;
  } else if (found.levelColumns) layout.columns.level = (found.levelColumns[0] as LevelColumn).col;
  const all = [...Object.values(layout.columns), ...(layout.levelColumns ?? []).map((l) => l.col)];
  layout.left = Math.min(layout.left, ...all);
  layout.right = Math.max(layout.right, ...all);
  if (over.lastRow !== undefined) layout.lastRow = over.lastRow;
  return layout;
}

export function detectTable(
  sheet: SheetSnapshot,
  owned: RangeRef[],
  override: TableOverride = {}
): TableLayout | null {
  const at = officerCells(sheet, owned);
  const rows =
    override.headerRow !== undefined ? [override.headerRow] : rowsBetween(sheet, 1, HEADER_SEARCH_ROWS);
  let best: Candidate | null = null;
  for (const r of rows) {
    const c = readHeaderRow(sheet, at, r);
    const roles = c ? Object.keys(c.layout.columns).length : 0;
    if (!c || roles < 2 || (c.layout.columns.content ?? override.columns?.content) === undefined) continue;
    if (better(c, best)) best = c;
  }
  if (best) return applyOverride(sheet, at, best.layout, override);
  const cols = Object.values(override.columns ?? {});
  if (override.headerRow === undefined || override.columns?.content === undefined) return null;
  const chosen = {
    headerRow: override.headerRow,
    headerRows: 1,
    columns: {},
    left: Math.min(...cols),
    right: Math.max(...cols),
  };
  return applyOverride(sheet, at, chosen, override);
}

/** The header's words by column, a sub-column's own words over its group's. */
export function headerTexts(sheet: SheetSnapshot, at: CellReader, layout: TableLayout): Map<number, string> {
  const texts = rowTexts(sheet, at, layout.headerRow);
  for (let r = layout.headerRow + 1; r < layout.headerRow + layout.headerRows; r++)
    for (const [c, t] of rowTexts(sheet, at, r)) texts.set(c, t);
  return texts;
}

/** Header columns no role took (a missing column may be one of them, under words not known). */
export function unassignedColumns(
  sheet: SheetSnapshot,
  at: CellReader,
  layout: TableLayout
): { col: number; text: string }[] {
  const taken = new Set([...Object.values(layout.columns), ...(layout.levelColumns ?? []).map((l) => l.col)]);
  return [...headerTexts(sheet, at, layout)]
    .filter(([c]) => !taken.has(c))
    .sort((a, b) => a[0] - b[0])
    .map(([col, text]) => ({ col, text }));
}
