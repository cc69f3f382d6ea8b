// The criteria sheet as a sheet to write: the pane's *Tạo sheet Bộ tiêu chí* (the active set's
// rows, an override the officer edits) and `hoctap frameworks --export … --out FILE.xlsx` (the whole
// set, with its description block). Handed to the officer: never marked as the product's own.
import type { PlanValue } from "../model/snapshot";
import { CRITERIA_SHEET_NAME, criteriaSheetRows, describedSheetRows } from "../sets/criteria-sheet";
import type { Framework } from "../sets/framework";
import type { SheetPlan } from "./sheet-plan";

function planOf(rows: PlanValue[][], labelWidth: number): SheetPlan {
  const header = rows.findIndex((r) => r[0] === "Mã");
  const width = rows[header]?.length ?? 1;
  // Group rows (`Tiêu chí 2` with its title) in bold, like the header.
  const groups = rows.flatMap((r, i) => (i > header && r.length === 2 ? [i] : []));
  return {
    name: CRITERIA_SHEET_NAME,
    owned: false,
    rows,
    boldRows: [header, ...groups],
    widths: [labelWidth, 60, 10, ...Array.from({ length: width - 3 }, () => 12)],
    freezeRows: header + 1,
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
