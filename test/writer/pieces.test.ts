// A sheet's text as the pieces an edit left (a second run cleans, then writes into the cleaned
// text without joining it): read and edited in pieces, it gives exactly what the joined text gives.
import fc from "fast-check";
import { refColumn } from "../../src/package/xml";
import { emptyEdits, setCell, SheetDoc } from "../../src/writer/sheet-doc";
import { Pieces, Splices } from "../../src/writer/xml-edit";

/** `text` cut at the given offsets (empty pieces included, as edits can leave them). */
function cut(text: string, at: number[]): Pieces {
  const ends = [...at.map((a) => a % (text.length + 1)), text.length].sort((a, b) => a - b);
  const list: string[] = [];
  let from = 0;
  for (const e of ends) {
    list.push(text.slice(from, e));
    from = e;
  }
  return new Pieces(list);
}

test("pieces slice, search and run as the text they spell", () => {
  fc.assert(
    fc.property(
      fc.string({ unit: fc.constantFrom("a", "<", "ứ", "😀", " "), maxLength: 60 }),
      fc.array(fc.nat(), { maxLength: 12 }),
      fc.nat(),
      fc.nat(),
      (text, at, x, y) => {
        const p = cut(text, at);
        expect(p.toString()).toBe(text);
        const from = x % (text.length + 2);
        const to = y % (text.length + 2);
        expect(p.slice(from, to)).toBe(text.slice(from, to));
        const out: string[] = [];
        p.pushRange(out, Math.min(from, to), Math.min(Math.max(from, to), text.length));
        expect(out.join("")).toBe(text.slice(Math.min(from, to), Math.max(from, to)));
        expect(out.includes("")).toBe(false);
        expect(p.lastIndexOf("<", from)).toBe(text.lastIndexOf("<", from));
        expect([...p.runs(4)].join("")).toBe(text);
        expect([...p.runs(4)].every((r) => r.length <= 4 || r.length < 8)).toBe(true);
      }
    )
  );
});

test("splices over pieces give the pieces of the spliced text", () => {
  fc.assert(
    fc.property(
      fc.string({ maxLength: 40 }),
      fc.array(fc.nat(), { maxLength: 8 }),
      fc.array(fc.tuple(fc.nat(), fc.nat(3), fc.string({ maxLength: 3 })), { maxLength: 6 }),
      (text, at, edits) => {
        const make = () => {
          const s = new Splices();
          // Disjoint edits: each after the one before.
          let from = 0;
          for (const [gap, len, t] of edits) {
            const start = Math.min(text.length, from + (gap % 5));
            const end = Math.min(text.length, start + len);
            s.replace(start, end, t);
            from = end;
          }
          return s;
        };
        expect(make().pieces(cut(text, at)).toString()).toBe(make().apply(text));
      }
    )
  );
});

const SHEET =
  '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<cols><col min="1" max="2" width="20" customWidth="1"/></cols><sheetData>' +
  '<row r="1"><c r="A1" t="inlineStr"><is><t>Tiêu chí</t></is></c><c r="C1" s="2"/></row>' +
  '<row r="2" ht="20" customHeight="1"><c r="A2"><v>1</v></c><c r="B2" t="inlineStr"><is><t>Mức 2 &amp; 3</t></is></c></row>' +
  '<row r="4"/><row r="5"><c r="$D5" s=\'1\'><v>7</v></c></row>' +
  '</sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>';

test("a sheet read in pieces is edited exactly as the joined text", () => {
  fc.assert(
    fc.property(
      fc.array(fc.nat(), { maxLength: 30 }),
      fc.array(fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 5 }), fc.boolean()), {
        maxLength: 8,
      }),
      (at, cells) => {
        const interest = [{ top: 1, bottom: 6, left: 1, right: 5 }];
        const edit = (doc: SheetDoc) => {
          const edits = emptyEdits();
          for (const [r, c, clear] of cells)
            setCell(
              edits,
              r,
              c,
              clear
                ? { raw: null }
                : { write: { value: `ô ${r}:${c}`, s: doc.cell(r, c)?.s ?? null }, over: true }
            );
          edits.rows.set(2, { attrs: { ht: null, customHeight: null } });
          return doc.edited(edits).toString();
        };
        const whole = new SheetDoc(SHEET, interest);
        const pieces = new SheetDoc(cut(SHEET, at), interest);
        for (let r = 1; r <= 6; r++) {
          expect(pieces.rowTag(r)).toBe(whole.rowTag(r));
          for (let c = 1; c <= 5; c++) expect(pieces.cell(r, c)?.raw).toBe(whole.cell(r, c)?.raw);
        }
        expect(pieces.cols).toEqual(whole.cols);
        expect(edit(pieces)).toBe(edit(whole));
      }
    )
  );
});

test("a cell reference's column, read where it stands", () => {
  expect(refColumn("A1")).toBe(1);
  expect(refColumn("$AB12")).toBe(28);
  expect(refColumn("xfd1048576")).toBe(16384);
  expect(refColumn("ABCD1")).toBe(731);
  expect(refColumn("12")).toBe(0);
  expect(refColumn("")).toBe(0);
  expect(refColumn('r="G7"', 3, 5)).toBe(7);
});
