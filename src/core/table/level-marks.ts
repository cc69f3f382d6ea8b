// Reading the level from one column per level (`Không đạt | Mức 1 | Mức 2 | Mức 3`): a mark (`x`,
// `✓`, `1`) in one of them gives that column's level; `Đạt` / `Không đạt` in each gives the highest
// level k such that every level up to k is `Đạt` (a blank above the last `Đạt` is not achieved).
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
  if (/^(x|✓|✔|1)$/.test(f)) return "mark";
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

export function readMarks(cells: LevelCell[], maxLevel: number): MarkRead {
  const all = cells.map((c) => ({ ...c, mark: markOf(c.cell) }));
  const marked = all.filter((c) => c.mark !== null) as (LevelCell & { mark: Mark })[];
  const first = (cells[0] as LevelCell).col;
  for (const c of marked) {
    if (c.mark === "uncomputed") return { ok: false, problem: "uncomputed", col: c.col };
    if (typeof c.mark === "object" && "error" in c.mark)
      return { ok: false, problem: "formula-error", error: c.mark.error, col: c.col };
    if (typeof c.mark === "object")
      return { ok: false, problem: "not-a-mark", text: c.mark.text, col: c.col };
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
