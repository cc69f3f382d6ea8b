// The write-back properties of test/core/fuzz.test.ts, run on the writer itself: random officer-like
// sheets written as .xlsx files, `check --out` through the surgical writer, read back by the lean
// reader. Every officer cell stays as it was; a second run writes the very same file; clean gives
// back every part; and a note the officer types into a result cell afterwards is never removed by
// clean nor written over by a second run.
import fc from "fast-check";
import { a1 } from "../../src/core/model/a1";
import { NAME_RESULT_COLUMNS } from "../../src/core/model/owned";
import { cellAt, isBlank, type SheetSnapshot } from "../../src/core/model/snapshot";
import { packageBytes } from "../../src/package/zip-write";
import { snapshotFromBytes } from "../../src/reader/read";
import { Book } from "../../src/writer/book";
import { emptyEdits, setCell, SheetDoc } from "../../src/writer/sheet-doc";
import { build, grid } from "../helpers/officer-grid";
import { parts } from "../helpers/parts";
import { snapshotXlsx } from "../helpers/snapshot-xlsx";
import { cleaned, open, written } from "../helpers/writer-run";

/** The written file with one cell typed by the officer (as Excel would save it, text inline). */
async function typed(bytes: Buffer, sheet: string, row: number, col: number, text: string): Promise<Buffer> {
  const { pkg } = await open(bytes);
  try {
    const book = await Book.open(pkg);
    const i = book.wb.indexOf(sheet);
    const part = book.sheetPart(i) as string;
    const doc = new SheetDoc(await book.text(part), [{ top: row, bottom: row, left: col, right: col }]);
    const edits = emptyEdits();
    setCell(edits, row, col, { write: { value: text, s: doc.cell(row, col)?.s ?? null }, over: true });
    book.setText(part, doc.apply(edits));
    return await packageBytes(book.toParts());
  } finally {
    pkg.close();
  }
}

const same = (a: Buffer, b: Buffer) => {
  const x = parts(a);
  const y = parts(b);
  return x.size === y.size && [...x].every(([p, d]) => y.get(p)?.equals(d) === true);
};

test("the writer keeps the write-back promises on random officer sheets", async () => {
  await fc.assert(
    fc.asyncProperty(grid, fc.nat(), async (g, pick) => {
      const { s, extra } = build(g);
      const input = snapshotXlsx([s, ...extra]);
      const out = await written(input);
      if (out === null) return;
      const before = await snapshotFromBytes(input);
      const after = await snapshotFromBytes(out);
      const sheet = after.sheets.find((x) => x.name === s.name) as SheetSnapshot;
      // Every officer cell as it was.
      for (const [r, cells] of (before.sheets[0] as SheetSnapshot).rows)
        for (const [c, cell] of cells) expect(cellAt(sheet, r, c)).toEqual(cell);
      // A second run writes the same file; clean gives back every part.
      expect(same((await written(out)) as Buffer, out)).toBe(true);
      expect(same((await cleaned(out)) as Buffer, input)).toBe(true);

      // The officer types a note into a result cell: clean keeps it, a second run writes around it.
      const cols = after.definedNames.find(
        (n) => n.sheet === s.name && n.name === NAME_RESULT_COLUMNS
      )?.range;
      if (!cols) return;
      const height = cols.bottom - cols.top + 1;
      const row = cols.top + (pick % height);
      const col = cols.left + ((pick >> 8) % 2);
      const note = `Ghi chú của cán bộ ${pick}`;
      const edited = await typed(out, s.name, row, col, note);
      const back = await snapshotFromBytes((await cleaned(edited)) as Buffer);
      const kept = back.sheets.find((x) => x.name === s.name) as SheetSnapshot;
      expect(cellAt(kept, row, col).value).toBe(note);
      for (let r = cols.top; r <= cols.bottom; r++)
        for (let c = cols.left; c <= cols.right; c++)
          if (r !== row || c !== col)
            expect({ at: a1(r, c), blank: isBlank(cellAt(kept, r, c).value) }).toEqual({
              at: a1(r, c),
              blank: true,
            });
      const again = await snapshotFromBytes((await written(edited)) as Buffer);
      expect(cellAt(again.sheets.find((x) => x.name === s.name) as SheetSnapshot, row, col).value).toBe(note);
    }),
    { numRuns: 40 }
  );
}, 120000);
