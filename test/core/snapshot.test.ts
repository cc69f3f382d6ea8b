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
