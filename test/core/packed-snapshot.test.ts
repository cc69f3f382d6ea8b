// Packed rows (what the lean reader builds) against the plain Map snapshot (what every other
// builder makes): the same rows, cells, order, bounds and merged-over blanks, whatever the order the
// cells arrive in, cells set twice and merges included.
import fc from "fast-check";
import {
  bounds,
  cellAt,
  PackedRows,
  PackedSheetBuilder,
  rowCells,
  rowNumbers,
  rowsBetween,
  SheetBuilder,
  type Cell,
  type CellValue,
  type RangeRef,
  type SheetSnapshot,
} from "../../src/core/model/snapshot";

type Put = [row: number, col: number, value: CellValue, format?: string, uncomputed?: boolean];

const value = fc.oneof(
  fc.constantFrom<CellValue>("Mức 2", "x", "Đạt", "", 0, 1, 0.5, true, null),
  fc.string({ maxLength: 4 }),
  fc.integer({ min: -3, max: 3 }),
  fc.constant<CellValue>({ error: "#N/A" })
);
const put = fc.tuple(
  fc.integer({ min: 1, max: 12 }),
  fc.integer({ min: 1, max: 12 }),
  value,
  fc.option(fc.constantFrom("0%", "dd/mm/yyyy"), { nil: undefined }),
  fc.option(fc.constant(true), { nil: undefined, freq: 8 })
) as fc.Arbitrary<Put>;
const merge = fc
  .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 }), fc.nat(3), fc.nat(3))
  .map(([top, left, h, w]): RangeRef => ({ top, left, bottom: top + h, right: left + w }));

function both(puts: Put[], merges: RangeRef[]): [SheetSnapshot, SheetSnapshot] {
  const plain = new SheetBuilder();
  const packed = new PackedSheetBuilder();
  for (const [r, c, v, format, uncomputed] of puts) {
    const cell: Cell = uncomputed ? { value: null, uncomputed: true } : { value: v };
    if (format !== undefined) cell.format = format;
    plain.set(r, c, cell);
    packed.set(r, c, uncomputed ? null : v, format, uncomputed);
  }
  plain.blankMerged(merges);
  packed.blankMerged(merges);
  return [plain.build("S", merges), packed.build("S", merges)];
}

const plainRows = (s: SheetSnapshot) =>
  [...s.rows].map(([r, cells]) => [r, [...cells].map(([c, cell]) => [c, { ...cell }])]);

test("the same sheet as the Map snapshot, cell for cell, in order, with the same bounds", () => {
  fc.assert(
    fc.property(fc.array(put, { maxLength: 60 }), fc.array(merge, { maxLength: 3 }), (puts, merges) => {
      const [plain, packed] = both(puts, merges);
      expect(packed.rows).toBeInstanceOf(PackedRows);
      expect(plainRows(packed)).toEqual(plainRows(plain));
      expect(packed.rows.size).toBe(plain.rows.size);
      expect(bounds(packed)).toEqual(bounds(plain));
      expect(rowNumbers(packed)).toEqual(rowNumbers(plain));
      expect([...rowsBetween(packed, 3, 8)]).toEqual([...rowsBetween(plain, 3, 8)]);
      for (let r = 0; r <= 16; r++) {
        expect(packed.rows.has(r)).toBe(plain.rows.has(r));
        expect([...rowCells(packed, r).keys()]).toEqual([...rowCells(plain, r).keys()]);
        for (let c = 0; c <= 16; c++) {
          expect(cellAt(packed, r, c)).toEqual(cellAt(plain, r, c));
          expect(rowCells(packed, r).has(c)).toBe(rowCells(plain, r).has(c));
        }
      }
    }),
    { numRuns: 80 }
  );
});

test("a value and format repeated is one frozen Cell; a different format, another", () => {
  const b = new PackedSheetBuilder();
  for (let r = 1; r <= 1000; r++) {
    b.set(r, 1, "Mức 2");
    b.set(r, 2, 0.5, "0%");
    b.set(r, 3, 0.5);
  }
  const s = b.build("S");
  expect(cellAt(s, 1, 1)).toBe(cellAt(s, 1000, 1));
  expect(Object.isFrozen(cellAt(s, 7, 1))).toBe(true);
  expect(cellAt(s, 7, 2)).toEqual({ value: 0.5, format: "0%" });
  expect(cellAt(s, 7, 3)).toEqual({ value: 0.5 });
  expect(cellAt(s, 7, 2)).not.toBe(cellAt(s, 7, 3));
});

test("a long row is searched, not walked; rows found in a pass down and jumping about", () => {
  const b = new PackedSheetBuilder();
  for (let c = 1; c <= 16384; c += 3) b.set(5, c, c);
  for (let r = 10; r <= 100_000; r += 10) b.set(r, 2, r);
  const s = b.build("S");
  expect(cellAt(s, 5, 16381)).toEqual({ value: 16381 });
  expect(cellAt(s, 5, 16382).value).toBeNull();
  expect(rowCells(s, 5).size).toBe(5462);
  expect(rowCells(s, 5).get(4)).toEqual({ value: 4 });
  for (const r of [99_990, 20, 30, 55_550, 40, 11]) expect(cellAt(s, r, 2).value).toBe(r % 10 ? null : r);
  expect(bounds(s)).toEqual({ firstRow: 5, lastRow: 100_000, firstCol: 1, lastCol: 16384 });
});
