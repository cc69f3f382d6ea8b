// Officer-like grids at random: headers drawn from the synonyms, columns shuffled, title rows,
// section, blank and junk rows, every level and value spelling. Bounded so `npm test` stays quick.
import fc from "fast-check";
import { parseRange } from "../../src/core/model/a1";
import { checkSheet, type SheetCheck } from "../../src/core/checks/check";
import type { Issue } from "../../src/core/model/issues";
import {
  cellAt,
  isBlank,
  lastCol,
  lastRow,
  type CellValue,
  type SheetSnapshot,
} from "../../src/core/model/snapshot";
import { planResults } from "../../src/core/plans/write-plan";
import { applyToSnapshot, filled } from "../helpers/apply-snapshot";
import { workbook } from "../helpers/grid";
import { build, grid } from "../helpers/officer-grid";

function nullCausing(i: Issue, c: SheetCheck): boolean {
  if (
    ["missing-column", "structure-count", "duplicate-indicator", "missing-level", "invalid-level"].includes(
      i.rule
    )
  )
    return true;
  const col = i.cell ? parseRange(i.cell)?.range.left : undefined;
  if (["formula-error", "uncomputed-formula"].includes(i.rule) && col === c.layout.columns.level) return true;
  // A fraction read two ways at two levels leaves the level undetermined.
  if (i.rule === "ambiguous-value" && i.severity === "error") return true;
  const def = i.indicator ? c.framework.indicators[i.indicator - 1] : undefined;
  const scored =
    def !== undefined && def.measure !== "level" && (def.thresholds ?? []).some((t) => t !== null);
  return (
    scored &&
    col === c.layout.columns.data &&
    ["missing-value", "invalid-value", "out-of-range", "formula-error", "uncomputed-formula"].includes(i.rule)
  );
}

const valuesEqual = (a: CellValue, b: CellValue) => JSON.stringify(a) === JSON.stringify(b);

test("the checker never throws, and its issues, plans and results keep their promises", () => {
  fc.assert(
    fc.property(grid, (g) => {
      const { s, extra } = build(g);
      const wb = workbook([s, ...extra]);
      const c = checkSheet(wb, s);
      if (!c) return;
      // Every issue's cell lies inside the sheet and points at the row it names.
      for (const i of c.report.issues.filter((x) => x.cell && x.sheet === s.name)) {
        const at = parseRange(i.cell as string)?.range;
        expect(at).toBeDefined();
        expect(at?.top).toBe(i.row);
        expect(at!.top).toBeGreaterThanOrEqual(1);
        expect(at!.top).toBeLessThanOrEqual(lastRow(s));
        expect(at!.left).toBeLessThanOrEqual(Math.max(lastCol(s), c.layout.right));
      }
      // The recognition is null exactly when a null-causing issue exists.
      expect(c.report.recognition.level === null).toBe(c.report.issues.some((i) => nullCausing(i, c)));
      // The write plan never targets a cell the officer filled.
      const plan = planResults(wb, s, c, { today: "01/01/2026" });
      for (const b of plan.blocks)
        b.values.forEach((row, i) =>
          row.forEach((v, j) => {
            if (v !== null) expect(isBlank(cellAt(s, b.top + i, b.left + j).value)).toBe(true);
          })
        );
      // Applying the plan twice gives what applying it once gives, and keeps every officer cell.
      const once = applyToSnapshot(wb, plan);
      const s1 = once.sheets[0] as SheetSnapshot;
      const c1 = checkSheet(once, s1) as SheetCheck;
      const twice = applyToSnapshot(once, planResults(once, s1, c1, { today: "01/01/2026" }));
      expect(filled(twice, s.name)).toEqual(filled(once, s.name));
      for (const [k, v] of filled(wb, s.name))
        expect(valuesEqual(filled(once, s.name).get(k) as CellValue, v as CellValue)).toBe(true);
    }),
    { numRuns: 150 }
  );
});
