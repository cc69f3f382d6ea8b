// Reading the level from one column per level (`Không đạt | Mức 1 | Mức 2 | Mức 3`): a mark (`x`,
// `✓`, `√`, `1`) in one of them gives that column's level; `Đạt` / `Không đạt` in each gives the
// highest level k such that every level up to k is `Đạt` (a blank above the last `Đạt` is not
// achieved). Under per-level pairs (`Mức độ 1: Đạt | Không đạt`, circulars 24 and 25/2023), each
// level is marked in one of its two columns, and the level is the highest k with every level up to
// k achieved.
import { cellText, isBlank, isCellError, type Cell } from "../model/snapshot";
import { fold } from "../model/text";
import type { LevelColumn } from "./header";

export interface LevelCell extends LevelColumn {
  cell: Cell;
}

export type MarkRead =
  | { ok: true; level: number }
  | { ok: false; problem: "blank"; col: number }
  | { ok: false; problem: "uncomputed"; col: number }
  | { ok: false; problem: "formula-error"; error: string; col: number }
  | { ok: false; problem: "not-a-mark"; text: string; col: number }
  /** Marks in several columns: reported at the higher one. */
  | { ok: false; problem: "several-marks"; levels: number[]; col: number }
  /** A level's pair marked in both columns, or in neither: reported at its `Đạt` column. */
  | { ok: false; problem: "pair-both" | "pair-blank"; level: number; col: number }
  /** `Đạt` at `level` although `below` is not achieved: reported at the higher mark. */
  | { ok: false; problem: "achieved-above"; level: number; below: number; col: number }
  | { ok: false; problem: "out-of-scale"; level: number; col: number };

type Mark = "mark" | "achieved" | "not-achieved" | { error: string } | "uncomputed" | { text: string };

function markOf(cell: Cell): Mark | null {
  if (cell.uncomputed) return "uncomputed";
  const v = cell.value;
  if (isBlank(v)) return null;
  if (isCellError(v)) return { error: v.error };
  if (v === true) return "mark";
  const f = fold(cellText(v));
  if (/^(x|✓|✔|√|1)$/.test(f)) return "mark";
  if (f === "dat") return "achieved";
  if (/^(khong dat|chua dat)$/.test(f)) return "not-achieved";
  return { text: cellText(v) };
}

/** With `Đạt` per level: the highest level reached without a gap, or the first `Đạt` above a gap. */
function achievedLevel(cells: (LevelCell & { mark: Mark | null })[]): MarkRead {
  const achieved = cells.filter((c) => c.mark === "achieved" || c.mark === "mark");
  let level = 0;
  for (const c of cells) {
    if (c.level === 0) continue;
    if (achieved.includes(c)) level = c.level;
    else break;
  }
  const above = achieved.filter((c) => c.level > level);
  const top = above[above.length - 1];
  if (top) return { ok: false, problem: "achieved-above", level: top.level, below: level + 1, col: top.col };
  return { ok: true, level };
}

/**
 * The levels of per-level columns for a set with levels 0…top: columns numbered by position stand
 * for 0…top when there is one more column than levels (`A | B | C | D` on a 0–3 scale), else for 1, 2, ….
 */
export function levelsOf(cols: LevelColumn[], top: number): LevelColumn[] {
  const byPosition = cols.length === top + 1 && cols.every((c) => c.positional);
  return byPosition ? cols.map((c, i) => ({ ...c, level: i })) : cols;
}

type Marked = LevelCell & { mark: Mark | null };

/** A problem of the cell itself (a formula never computed, an error, words that are not a mark). */
function cellMarkProblem(c: Marked): MarkRead | null {
  if (c.mark === "uncomputed") return { ok: false, problem: "uncomputed", col: c.col };
  if (c.mark !== null && typeof c.mark === "object")
    return "error" in c.mark
      ? { ok: false, problem: "formula-error", error: c.mark.error, col: c.col }
      : { ok: false, problem: "not-a-mark", text: c.mark.text, col: c.col };
  return null;
}

/** One level's pair: achieved, not achieved, or a problem at the pair's `Đạt` cell. */
function pairRead(yes: Marked, no: Marked | undefined): boolean | MarkRead {
  for (const c of [yes, no]) {
    const problem = c ? cellMarkProblem(c) : null;
    if (problem) return problem;
  }
  // `Đạt` written in the `Không đạt` column says nothing either way: words that are not a mark there.
  if (no?.mark === "achieved")
    return { ok: false, problem: "not-a-mark", text: cellText(no.cell.value), col: no.col };
  const achieved = yes.mark === "mark" || yes.mark === "achieved";
  const notAchieved = (no !== undefined && no.mark !== null) || yes.mark === "not-achieved";
  if (achieved && notAchieved) return { ok: false, problem: "pair-both", level: yes.level, col: yes.col };
  if (!achieved && !notAchieved) return { ok: false, problem: "pair-blank", level: yes.level, col: yes.col };
  return achieved;
}

/** Per-level pairs: every pair marked once; the level is the top of the achieved levels without a gap. */
function readPairs(all: Marked[], maxLevel: number): MarkRead {
  const levels = [...new Set(all.map((c) => c.level))].sort((a, b) => a - b);
  let level = 0;
  let gap: number | null = null;
  for (const l of levels) {
    const yes = all.find((c) => c.level === l && !c.notAchieved);
    const no = all.find((c) => c.level === l && c.notAchieved);
    if (!yes) continue;
    const read = pairRead(yes, no);
    if (typeof read !== "boolean") return read;
    if (read && gap !== null)
      return { ok: false, problem: "achieved-above", level: l, below: gap, col: yes.col };
    if (read) level = l;
    else gap ??= l;
  }
  if (level > maxLevel) {
    const col = all.find((c) => c.level === level && !c.notAchieved)?.col ?? (all[0] as Marked).col;
    return { ok: false, problem: "out-of-scale", level, col };
  }
  return { ok: true, level };
}

export function readMarks(cells: LevelCell[], maxLevel: number): MarkRead {
  if (cells.some((c) => c.notAchieved))
    return readPairs(
      cells.map((c) => ({ ...c, mark: markOf(c.cell) })),
      maxLevel
    );
  const all = cells.map((c) => ({ ...c, mark: markOf(c.cell) }));
  const marked = all.filter((c) => c.mark !== null) as (LevelCell & { mark: Mark })[];
  const first = (cells[0] as LevelCell).col;
  for (const c of marked) {
    const problem = cellMarkProblem(c);
    if (problem) return problem;
  }
  if (marked.length === 0) return { ok: false, problem: "blank", col: first };
  const read = marked.some((c) => c.mark !== "mark")
    ? achievedLevel(all)
    : marked.length > 1
      ? ({
          ok: false,
          problem: "several-marks",
          levels: marked.map((c) => c.level),
          col: (marked[marked.length - 1] as LevelCell).col,
        } as const)
      : ({ ok: true, level: (marked[0] as LevelCell).level } as const);
  if (read.ok && read.level > maxLevel) {
    const col = marked.find((c) => c.level === read.level)?.col ?? first;
    return { ok: false, problem: "out-of-scale", level: read.level, col };
  }
  return read;
}
