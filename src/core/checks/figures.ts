// Targets measured by several figures that must all hold (circular 25/2023, target 5.2: trained ≥ 50 %
// and university ≥ 12 %), their thresholds chosen by a condition of the unit (`Xã thuộc vùng khó
// khăn`: 40 % and 10 %). The figures are read from the data cell as the officer writes them
// (`62%; 14%`), in the set's order; the condition from a labelled cell above the table
// (`Xã thuộc vùng khó khăn: Có`) or the officer's choice.
import {
  cellText,
  isBlank,
  isCellError,
  rowCells,
  rowsBetween,
  type Cell,
  type SheetSnapshot,
} from "../model/snapshot";
import { a1 } from "../model/a1";
import { parseNumberText } from "../model/numbers";
import { fold } from "../model/text";
import type { Figure, Framework, Threshold } from "../sets/framework";
import { meetsThreshold } from "../sets/thresholds";
import type { CellReader } from "../table/header";

/** A condition of the unit as the check used it: where it was read, whether it holds. */
export interface ConditionUsed {
  id: string;
  label: string;
  holds: boolean;
  /** `sheet`: a labelled cell (its address); `chosen`: the officer's choice; `default`: not said (does not hold). */
  from: "sheet" | "chosen" | "default";
  cell?: string;
}

const YES = /^(co|x|✓|√|dung|phai|thuoc)$/;
const NO = /^(khong|khong thuoc|khong phai|-)$/;

/**
 * The set's conditions read above the table: a cell naming the condition (`Xã thuộc vùng khó khăn`)
 * with `Có` / `Không` after a colon in the same cell or in the next cell to its right.
 */
export function readConditions(
  fw: Framework,
  sheet: SheetSnapshot,
  at: CellReader,
  headerRow: number,
  chosen: readonly string[] = []
): ConditionUsed[] {
  return (fw.conditions ?? []).map((c) => {
    if (chosen.includes(c.id)) return { id: c.id, label: c.vi, holds: true, from: "chosen" as const };
    const name = fold(c.vi);
    for (const r of rowsBetween(sheet, 1, headerRow - 1)) {
      const cols = [...rowCells(sheet, r).keys()].sort((a, b) => a - b);
      for (const [i, col] of cols.entries()) {
        const f = fold(cellText(at(r, col).value));
        if (!f.includes(name)) continue;
        const after = f.slice(f.indexOf(name) + name.length).replace(/^[\s:.]+/, "");
        const next = cols[i + 1];
        const answer = after || (next !== undefined ? fold(cellText(at(r, next).value)) : "");
        if (YES.test(answer) || NO.test(answer))
          return {
            id: c.id,
            label: c.vi,
            holds: YES.test(answer),
            from: "sheet" as const,
            cell: a1(r, after || next === undefined ? col : next),
          };
      }
    }
    return { id: c.id, label: c.vi, holds: false, from: "default" as const };
  });
}

/** The percentages a data cell states, in order (`62%; 14%` → [62, 14]; a cell formatted as % → its value). */
export function statedPercents(cell: Cell): number[] | null {
  const v = cell.value;
  if (isBlank(v) || isCellError(v)) return null;
  if (typeof v === "number")
    return /%/.test((cell.format ?? "").replace(/"[^"]*"/g, ""))
      ? [Math.round(v * 1e11) / 1e9]
      : v > 1 && v <= 100
        ? [v]
        : null;
  const found = [...cellText(v).matchAll(/(\d+(?:[.,]\d+)?)\s*%/g)].map((m) => parseNumberText(String(m[1])));
  return found.length > 0 && found.every((n): n is number => n !== null) ? found : null;
}

/** The thresholds of a figure for the unit: the condition's when it holds. */
function thresholdsFor(f: Figure, holds: (id: string) => boolean): (Threshold | null)[] {
  return f.when?.find((w) => holds(w.condition))?.thresholds ?? f.thresholds;
}

/** The highest level at which every figure meets its threshold (every level up to it as well). */
export function figuresLevel(
  figures: Figure[],
  values: number[],
  top: number,
  holds: (id: string) => boolean
): number {
  let reached = 0;
  for (let k = 1; k <= top; k++) {
    const ok = figures.every((f, i) => {
      const t = thresholdsFor(f, holds)[k - 1];
      return t === null || t === undefined || meetsThreshold(values[i] as number, t);
    });
    if (!ok) break;
    reached = k;
  }
  return reached;
}
