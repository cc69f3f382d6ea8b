// A large part decoded in pieces as it is inflated (cut before its row start tags, never joined)
// against the part decoded whole: the same text, whatever the chunks the bytes arrive in (a chunk
// may end inside a letter or a tag), byte-order marks, UTF-16 and bytes that are not UTF-8 included;
// and shared strings renumbered over such pieces as over the joined text.
import fc from "fast-check";
import { renumbered } from "../../src/writer/shared-strings";
import { decodePart, decodePartPieces, Pieces } from "../../src/writer/xml-edit";

const ROW = fc.constantFrom(
  '<row r="1">',
  "<x:row r='2'>",
  "<row>",
  "<row/>",
  "<rowBreaks/>",
  "</row>",
  "</x:row >",
  "</row\n>",
  "<x:row\n>"
);
const BIT = fc.oneof(
  ROW,
  fc.constantFrom(
    '<c r="A1" t="s"><v>3</v></c>',
    "ứ",
    "😀",
    " row ",
    "<!-- <row -->",
    "a",
    "<:row>",
    " /row> ",
    "a:row>"
  ),
  fc.constantFrom("\xe1", "\x80", "\xf0\x9f"),
  fc.string({ maxLength: 4 })
);

/** Bytes: the bits as UTF-8, except the "\x.." ones, which are raw bytes (not UTF-8). */
const bytesOf = (bits: string[]) =>
  Buffer.concat(
    bits.map((b) => (/^[\x80-\xff]+$/.test(b) ? Buffer.from(b, "latin1") : Buffer.from(b, "utf8")))
  );

function chunked(b: Buffer, at: number[]): Buffer[] {
  const ends = [...new Set(at.map((a) => a % (b.length + 1)))].sort((x, y) => x - y);
  const out: Buffer[] = [];
  let from = 0;
  for (const e of [...ends, b.length]) {
    if (e > from) out.push(b.subarray(from, e));
    from = e;
  }
  return out.length ? out : [b];
}

async function* slowly(chunks: Buffer[]): AsyncGenerator<Buffer> {
  for (const c of chunks) yield c;
}

test("decoded in pieces, the same text as decoded whole, cut only at rows' start and end tags", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(BIT, { maxLength: 60 }),
      fc.constantFrom("", "\xef\xbb\xbf"),
      fc.array(fc.nat(), { maxLength: 6 }),
      fc.integer({ min: 1, max: 40 }),
      async (bits, bom, at, pieceBytes) => {
        const bytes = Buffer.concat([Buffer.from(bom, "latin1"), bytesOf(["<x>", ...bits, "</x>"])]);
        const whole = decodePart(bytes);
        const got = await decodePartPieces(slowly(chunked(bytes, at)), pieceBytes);
        expect(got.encoding).toBe(whole.encoding);
        expect(got.text.toString()).toBe(whole.text);
        if (typeof got.text === "string") return;
        const list = got.text.list;
        const rowEnd = /<\/([A-Za-z_][\w.-]*:)?row\s*>$/;
        list.forEach((p, k) => {
          // Cut before a row start tag, or after a row end tag (a long stretch after it alone).
          if (k > 0)
            expect(/^<([A-Za-z_][\w.-]*:)?row[\s>/]/.test(p) || rowEnd.test(list[k - 1] as string)).toBe(
              true
            );
          // Every piece but the last holds at least the bytes asked for, or ends a row before such a stretch.
          if (k < list.length - 1) expect(Buffer.byteLength(p) >= pieceBytes || rowEnd.test(p)).toBe(true);
        });
      }
    ),
    { numRuns: 300 }
  );
});

test("UTF-16 parts and parts too short to tell are decoded whole, as before", async () => {
  for (const bytes of [
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("<x><row/>ứ</x>", "utf16le")]),
    Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from("<x><row/>ứ</x>", "utf16le").swap16()]),
    Buffer.from("<x/"),
    Buffer.alloc(0),
  ]) {
    const got = await decodePartPieces(slowly(chunked(bytes, [1, 3, 5])), 1);
    expect(got).toEqual(decodePart(bytes));
  }
});

test("pieces equal pieces that spell the same text, however cut", () => {
  const a = new Pieces(["<x><row/>", "ứ</x>"]);
  expect(a.equals(new Pieces(["<x>", "<row/>ứ", "</x>"]))).toBe(true);
  expect(a.equals("<x><row/>ứ</x>")).toBe(true);
  expect(a.equals(new Pieces(["<x><row/>", "u</x>"]))).toBe(false);
  expect(a.equals(new Pieces(["<x><row/>ứ</x> "]))).toBe(false);
});

test("shared strings renumbered over pieces cut before rows as over the joined text", () => {
  fc.assert(
    fc.property(
      fc.array(fc.array(fc.tuple(fc.nat(9), fc.boolean()), { maxLength: 4 }), { maxLength: 8 }),
      fc.nat(9),
      fc.array(fc.nat(3), { minLength: 10, maxLength: 10 }),
      (rows, first, steps) => {
        const shift = new Int32Array(10);
        steps.reduce((n, s, k) => (shift[k] = n + (s === 0 ? 1 : 0)), 0);
        const list = rows.map(
          (cells, r) =>
            `<row r="${r + 1}">${cells
              .map(([i, shared], c) => `<c r="${"ABCD"[c]}${r + 1}"${shared ? ' t="s"' : ""}><v>${i}</v></c>`)
              .join("")}</row>`
        );
        const joined = `<sheetData>${list.join("")}</sheetData>`;
        const pieces = new Pieces([`<sheetData>`, ...list, `</sheetData>`]);
        const whole = renumbered(joined, first, shift);
        const cut = renumbered(pieces, first, shift);
        expect(cut?.toString() ?? null).toBe(whole?.toString() ?? null);
      }
    )
  );
});
