// A row's texts read into one RowTexts refilled row after row (what the table's body walk does on
// a long sheet) against a fresh Map a row: the same texts, through the officer's cells too, on
// packed and Map snapshots, and the same answers from what a row is.
import fc from "fast-check";
import {
  cellText,
  PackedSheetBuilder,
  rowCells,
  rowCellsInto,
  SheetBuilder,
  type Cell,
  type CellValue,
  type SheetSnapshot,
} from "../../src/core/model/snapshot";
import { officerCells } from "../../src/core/table/header";
import { endsTable, isColumnNumbers, repeatsHeader, RowTexts, texts } from "../../src/core/table/row-kinds";

type Put = [row: number, col: number, value: CellValue];

const value = fc.oneof(
  fc.constantFrom<CellValue>("(1)", "(2)", "3", "TT", "Nội dung", "Chỉ báo 1", "Người lập", " ", "", 7, null),
  fc.string({ maxLength: 3 })
);
const put = fc.tuple(
  fc.integer({ min: 1, max: 8 }),
  fc.integer({ min: 1, max: 9 }),
  value
) as fc.Arbitrary<Put>;

function both(puts: Put[]): SheetSnapshot[] {
  const plain = new SheetBuilder();
  const packed = new PackedSheetBuilder();
  for (const [r, c, v] of puts) {
    plain.set(r, c, { value: v });
    packed.set(r, c, v);
  }
  return [plain.build("S"), packed.build("S")];
}

/** The texts as a fresh Map, read the plain way. */
function mapOf(sheet: SheetSnapshot, at: (r: number, c: number) => Cell, row: number): Map<number, string> {
  const out = new Map<number, string>();
  for (const c of rowCells(sheet, row).keys()) {
    const t = cellText(at(row, c).value);
    if (t) out.set(c, t);
  }
  return out;
}

test("one RowTexts refilled row after row reads what a fresh Map a row reads", () => {
  fc.assert(
    fc.property(fc.array(put, { maxLength: 50 }), fc.boolean(), (puts, owned) => {
      for (const sheet of both(puts)) {
        // Owned cells (earlier results) read blank: the reader that is not plain.
        const at = officerCells(sheet, owned ? [{ top: 2, bottom: 3, left: 1, right: 4 }] : []);
        const reused = new RowTexts();
        const header = texts(sheet, at, 1);
        // Down and up again: a row with fewer texts than the one before keeps none of its texts.
        for (const r of [1, 2, 3, 4, 5, 6, 7, 8, 9, 4, 2]) {
          const want = mapOf(sheet, at, r);
          const got = texts(sheet, at, r, reused);
          expect(got).toBe(reused);
          expect(got.size).toBe(want.size);
          expect([...got]).toEqual([...want]);
          expect([...got.values()]).toEqual([...want.values()]);
          for (let c = 0; c <= 10; c++) expect(got.get(c)).toBe(want.get(c));
          expect(isColumnNumbers(got)).toBe(isColumnNumbers(want));
          expect(endsTable(got)).toBe(endsTable(want));
          expect(repeatsHeader(got, header)).toBe(repeatsHeader(want, new Map(header)));
        }
      }
    }),
    { numRuns: 100 }
  );
});

test("a row's cells into arrays: in column order, the arrays' room kept, nothing of a longer row before", () => {
  const [plain, packed] = both([
    [1, 3, "c"],
    [1, 1, "a"],
    [1, 2, "b"],
    [2, 5, "e"],
  ]) as [SheetSnapshot, SheetSnapshot];
  for (const sheet of [plain, packed]) {
    const cols: number[] = [];
    const cells: Cell[] = [];
    expect(rowCellsInto(sheet, 1, cols, cells)).toBe(3);
    expect(cells.slice(0, 3).map((c) => c.value)).toEqual(
      [...rowCells(sheet, 1).values()].map((c) => c.value)
    );
    expect(rowCellsInto(sheet, 2, cols, cells)).toBe(1);
    expect([cols[0], cells[0]?.value]).toEqual([5, "e"]);
    expect(rowCellsInto(sheet, 9, cols, cells)).toBe(0);
  }
});
