// The criteria sheet as a sheet to write: the pane's *Tạo sheet Bộ tiêu chí* (the active set's
// rows, an override the officer edits) and `hoctap frameworks --export … --out FILE.xlsx` (the whole
// set, with its description block). Handed to the officer: never marked as the product's own.
import type { PlanValue } from "../model/snapshot";
import { CRITERIA_SHEET_NAME, criteriaSheetRows, describedSheetRows } from "../sets/criteria-sheet";
import type { Framework } from "../sets/framework";
import type { RowHeight } from "./format";
import type { SheetPlan } from "./sheet-plan";

/** The columns of long words (a target's words at a level, its figures, its standard): wide, wrapped. */
const LONG = /^(Lời mức \d+|Số liệu cần đạt|Chuẩn cần đạt)$/;

/** A row tall enough for its longest wrapped words (lines of about 45 characters). */
function tallest(row: PlanValue[], at: number, long: number[]): RowHeight[] {
  const lines = (t: string) => t.split("\n").reduce((n, l) => n + Math.max(1, Math.ceil(l.length / 45)), 0);
  const [col, text] = long
    .map((c) => [c, row[c - 1] == null ? "" : String(row[c - 1])] as const)
    .reduce((a, b) => (lines(b[1]) > lines(a[1]) ? b : a), [0, ""] as const);
  return text ? [{ row: at, fit: { range: { top: at, left: col, bottom: at, right: col }, text } }] : [];
}

function planOf(rows: PlanValue[][], labelWidth: number): SheetPlan {
  const header = rows.findIndex((r) => r[0] === "Mã");
  const heads = rows[header] ?? [];
  // Group rows (`Tiêu chí 2` with its title; no `Loại`) in bold, like the header.
  const groups = rows.flatMap((r, i) => (i > header && r[2] == null ? [i] : []));
  const long = heads.flatMap((h, c) => (LONG.test(String(h)) ? [c + 1] : []));
  return {
    name: CRITERIA_SHEET_NAME,
    owned: false,
    rows,
    boldRows: [header, ...groups],
    widths: [labelWidth, 60, 10, ...heads.slice(3).map((h) => (LONG.test(String(h)) ? 45 : 12))],
    freezeRows: header + 1,
    ...(long.length > 0
      ? {
          styles: long.map((c) => ({
            range: { top: header + 2, left: c, bottom: rows.length, right: c },
            style: { wrap: true, vertical: "top" as const },
          })),
          rowHeights: rows.flatMap((r, i) => (i > header ? tallest(r, i + 1, long) : [])),
        }
      : {}),
  };
}

/** The set's rows without its description: the thresholds the officer edits over the set in use. */
export function criteriaSheetPlan(fw: Framework): SheetPlan {
  return planOf(criteriaSheetRows(fw), 12);
}

/** The whole set, its description block above its rows: a workbook that carries the set itself. */
export function describedSheetPlan(fw: Framework): SheetPlan {
  return planOf(describedSheetRows(fw), 30);
}
