import fc from "fast-check";
import {
  bounds,
  cellAt,
  rowCells,
  rowNumbers,
  rowsBetween,
  SheetBuilder,
  sheetFromGrid,
} from "../../src/core/model/snapshot";

test("cells set out of order come out in row and column order; blanks are not stored", () => {
  const b = new SheetBuilder();
  b.set(5, 3, { value: "c" });
  b.set(2, 9, { value: "b" });
  b.set(2, 1, { value: "a" });
  b.set(3, 1, { value: null });
  const s = b.build("S");
  expect(rowNumbers(s)).toEqual([2, 5]);
  expect([...rowCells(s, 2).keys()]).toEqual([1, 9]);
  expect(cellAt(s, 3, 1)).toEqual({ value: null });
  expect(bounds(s)).toEqual({ firstRow: 2, lastRow: 5, firstCol: 1, lastCol: 9 });
  expect(bounds(b.build("Empty", [], true))).toMatchObject({ lastRow: 5 });
  expect(bounds(new SheetBuilder().build("E"))).toEqual({ firstRow: 0, lastRow: 0, firstCol: 0, lastCol: 0 });
});

test("a merge blanks the cells it covers but its top-left, however far it reaches", () => {
  const s = sheetFromGrid(
    "S",
    [
      [{ value: "top" }, { value: "beside" }],
      [{ value: "also hidden" }, { value: "kept" }],
    ],
    {
      top: 10,
      left: 2,
      merges: [
        { top: 10, left: 2, bottom: 1_000_000, right: 2 },
        { top: 10, left: 3, bottom: 10, right: 3 },
      ],
    }
  );
  expect(cellAt(s, 10, 2).value).toBe("top");
  expect(cellAt(s, 10, 3).value).toBe("beside");
  expect(cellAt(s, 11, 2).value).toBeNull();
  expect(cellAt(s, 11, 3).value).toBe("kept");
  expect([...rowsBetween(s, 11, 11)]).toEqual([11]);
  expect([...rowsBetween(s, 12, 99)]).toEqual([]);
});

test("merges blank exactly what the plain rule says, overlapping or not, wide or not", () => {
  const rect = fc
    .record({
      top: fc.integer({ min: 1, max: 12 }),
      left: fc.integer({ min: 1, max: 8 }),
      h: fc.nat(5),
      w: fc.nat(5),
    })
    .map(({ top, left, h, w }) => ({ top, left, bottom: top + h, right: left + w }));
  const cell = fc.record({ row: fc.integer({ min: 1, max: 18 }), col: fc.integer({ min: 1, max: 14 }) });
  fc.assert(
    fc.property(fc.array(rect, { maxLength: 8 }), fc.array(cell, { maxLength: 60 }), (merges, cells) => {
      const b = new SheetBuilder();
      for (const c of cells) b.set(c.row, c.col, { value: `${c.row}:${c.col}` });
      b.blankMerged(merges);
      const s = b.build("S");
      for (const c of cells) {
        const hidden = merges.some(
          (m) =>
            c.row >= m.top &&
            c.row <= m.bottom &&
            c.col >= m.left &&
            c.col <= m.right &&
            (c.row !== m.top || c.col !== m.left)
        );
        expect(cellAt(s, c.row, c.col).value).toBe(hidden ? null : `${c.row}:${c.col}`);
      }
      expect([...s.rows.values()].every((r) => r.size > 0)).toBe(true);
    }),
    { numRuns: 500 }
  );
});

test("a sheet with one value far away stays small", () => {
  const b = new SheetBuilder();
  for (let r = 1; r <= 20_000; r++) {
    b.set(r, 1, { value: r });
    b.set(r, 16_384, { value: "x" });
  }
  const s = b.build("Wide");
  expect(bounds(s).lastCol).toBe(16_384);
  expect(rowCells(s, 7).size).toBe(2);
});
