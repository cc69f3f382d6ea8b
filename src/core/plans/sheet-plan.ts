// A whole sheet the product makes (a summary, a template, a criteria sheet): values from A1 plus the
// formatting officers expect, as data. The ExcelJS and Office adapters both apply it.
import type { PlanValue } from "../model/snapshot";
import type { RangeRef } from "../model/snapshot";
import type { PrintSetup, RowHeight, SheetFont, StyledRange } from "./format";

export interface SheetPlan {
  name: string;
  rows: PlanValue[][];
  boldRows?: number[];
  /** Column widths, in characters. */
  widths?: number[];
  freezeRows?: number;
  autoFilter?: RangeRef;
  /** Background colours (`RRGGBB`) of cells, e.g. levels. */
  fills?: { range: RangeRef; color: string }[];
  /** In-cell dropdowns. */
  validations?: { range: RangeRef; list: string[] }[];
  merges?: RangeRef[];
  /** The font of every written cell (the workbook's default font otherwise). */
  font?: SheetFont;
  /** How ranges look, applied in order after the font, bold rows and fills. */
  styles?: StyledRange[];
  /** Row heights, in points. */
  rowHeights?: RowHeight[];
  /** A new printed page starts below each of these rows. */
  pageBreaks?: number[];
  /** A4 print setup. */
  print?: PrintSetup;
  /**
   * False for sheets handed to the officer to fill or edit (a template, a criteria sheet): they are
   * not marked as the product's, so they are checked, never replaced and never removed by `clean`.
   */
  owned?: boolean;
  /**
   * A chart the add-in draws (the CLI cannot: ExcelJS writes no charts), over the cells `at`: beside
   * its figures, below the print area, so it neither hides nor prints over the table.
   */
  chart?: { title: string; categories: RangeRef; values: RangeRef; at: RangeRef };
}

/** Fills per level, readable with black text: red, amber, light blue, green; grey when undetermined. */
export const LEVEL_FILLS: Record<string, string> = {
  "0": "F4B6B6",
  "1": "FCE4A8",
  "2": "C7DDF2",
  "3": "BFE3C0",
  null: "E1E1E1",
};

export function levelFill(level: number | null): string {
  return LEVEL_FILLS[String(level === null ? null : Math.min(level, 3))] as string;
}

const MAX_NAME = 31;

/**
 * `name` cut to `max` UTF-16 units at a character boundary, without the spaces or `'` a cut can leave
 * at its end (a sheet name may not end with `'`).
 */
function cutName(name: string, max: number): string {
  let cut = name.slice(0, max);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return cut.replace(/[\s']+$/, "");
}

/** Excel's sheet-name rules: at most 31 characters, none of `[]:*?/\`, not starting or ending with `'`. */
export function cleanSheetName(name: string): string {
  const cleaned =
    name
      .replace(/[[\]:*?/\\]/g, " ")
      .replace(/^'+|'+$/g, "")
      .trim() || "Sheet";
  return cutName(cleaned, MAX_NAME) || "Sheet";
}

/**
 * The name for a sheet the product makes: its own sheet of that name is replaced; a sheet the officer
 * made is never touched, and ` (2)`, ` (3)`… is added instead.
 */
export function productSheetName(
  wanted: string,
  existing: { name: string; ours: boolean }[]
): { name: string; replace: boolean } {
  const base = cleanSheetName(wanted);
  const same = (a: string, b: string) => a.toLocaleLowerCase("vi") === b.toLocaleLowerCase("vi");
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? "" : ` (${n})`;
    const name = cutName(base, MAX_NAME - suffix.length) + suffix;
    const found = existing.find((e) => same(e.name, name));
    if (!found) return { name, replace: false };
    if (found.ours) return { name: found.name, replace: true };
  }
}
