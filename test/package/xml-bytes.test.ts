// The byte scanner (what the reader reads parts with) against the string scanner (what the writer
// splices with): the same tokens, names, attributes, texts and errors, whatever the pieces the
// bytes arrive in — a piece may end inside a tag, an attribute or a multi-byte letter.
import fc from "fast-check";
import { PackageError, PackageLimitError, type XmlLimits } from "../../src/package/limits";
import { scanXmlPieces, xmlTokens, type XmlByteHandler } from "../../src/package/xml";

type Tok = [kind: string, name: string, detail?: unknown];

const SHEET =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="r">' +
  '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t xml:space="preserve"> Mức 2 &amp; &#7843;&#x1EA1;\r\n</t></is></c></row>' +
  '<row r="2"><c r="A2" s="3"><f>SUM(A1)</f><v>1.5</v></c><c r="Đ2" t="str" ghi-chú="Tự đánh giá ‘x’"><v>Đạt ✓ 😀</v></c></row></sheetData>' +
  '<!-- a comment with <c> inside --><x:ext xmlns:x="x"><![CDATA[a < b]]></x:ext>' +
  '<hyperlinks><hyperlink ref=\'A1\' r:id="rId1" display="[&gt;=70]0 &#10;> 5"/></hyperlinks></worksheet >';

/** The string scanner's tokens, texts run together (a chunk may split a text, never markup). */
function expected(xml: string): Tok[] {
  const out: Tok[] = [];
  for (const t of xmlTokens(xml)) {
    if (t.kind === "open") out.push(["open", t.name, { ...t.attrs, "/": t.empty }]);
    else if (t.kind === "close") out.push(["close", t.name]);
    else if (out.at(-1)?.[0] === "text") (out.at(-1) as Tok)[2] += t.text;
    else out.push(["text", "", t.text]);
  }
  return out;
}

async function scanned(pieces: Uint8Array[], textIn?: Set<string>, limits?: XmlLimits): Promise<Tok[]> {
  const out: Tok[] = [];
  const handler: XmlByteHandler = {
    ...(textIn ? { textIn } : {}),
    open: (name, attrs, empty) => out.push(["open", name, { ...attrs.record(), "/": empty }]),
    close: (name) => out.push(["close", name]),
    text: (text) => {
      if (out.at(-1)?.[0] === "text") (out.at(-1) as Tok)[2] += text;
      else out.push(["text", "", text]);
    },
  };
  await scanXmlPieces(pieces, handler, limits);
  return out;
}

const cut = (bytes: Uint8Array, points: number[]) => {
  const at = [0, ...[...new Set(points)].sort((a, b) => a - b), bytes.length];
  return at.slice(1).map((p, i) => bytes.subarray(at[i], p));
};

test("the same tokens as the string scanner, whatever the pieces (cut inside letters and tags too)", async () => {
  const bytes = Buffer.from(SHEET, "utf8");
  const whole = expected(SHEET);
  expect(await scanned([bytes])).toEqual(whole);
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 12 }),
      async (points) => {
        expect(await scanned(cut(bytes, points))).toEqual(whole);
      }
    ),
    { numRuns: 300 }
  );
  // Every single cut point, byte by byte.
  for (let p = 1; p < bytes.length; p++) expect(await scanned(cut(bytes, [p]))).toEqual(whole);
});

test("a byte-order mark, UTF-8 or UTF-16, is read as the string scanner reads the text", async () => {
  const whole = expected(SHEET);
  const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SHEET, "utf8")]);
  expect(await scanned(cut(bom, [1, 2, 50]))).toEqual(whole);
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SHEET, "utf16le")]);
  expect(await scanned(cut(le, [1, 3, 101, 102]))).toEqual(whole);
  const be = Buffer.from(le);
  be.swap16();
  expect(await scanned([be])).toEqual(whole);
});

test("text only where the handler reads it: the rest is never decoded, markup all the same", async () => {
  const got = await scanned([Buffer.from(SHEET, "utf8")], new Set(["v"]));
  expect(got.filter((t) => t[0] === "text").map((t) => t[2])).toEqual(["0", "1.5", "Đạt ✓ 😀"]);
  expect(got.filter((t) => t[0] !== "text")).toEqual(expected(SHEET).filter((t) => t[0] !== "text"));
  // Text never read is never decoded: its entities are not looked at either.
  await expect(scanned([Buffer.from("<x><y>&a;</y></x>")], new Set(["v"]))).resolves.toBeDefined();
});

test.each([
  ['<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>', /DOCTYPE/],
  ["<x>&a;</x>", /unknown entity/],
  ["<x>a & b</x>", /unknown entity/],
  ["<x>&#0;</x>", /not allowed/],
  ["<x><y></x>", /closes/],
  ["<x:a><x:b></x:c></x:a>", /closes <x:b>/],
  ["<x>", /never closed/],
  ["<x/><y/>", /second root/],
  ["text<x/>", /outside the root/],
  ['<x a="1" a="2"/>', /twice/],
  ["<x a=1/>", /bad attribute/],
  ['<x a="<"/>', /< in an attribute/],
  ["", /no element/],
  ["<x><!-- never ends</x>", /unfinished comment/],
  ["<x a='1", /unfinished/],
  ["< x/>", /without a name/],
])("refused as the string scanner refuses: %s", async (xml, message) => {
  expect(() => xmlTokens(xml)).toThrow(message);
  await expect(scanned([Buffer.from(xml, "utf8")])).rejects.toThrow(PackageError);
  await expect(scanned([Buffer.from(xml, "utf8")])).rejects.toThrow(message);
});

test("nesting, attributes and token sizes are bounded, in characters as the string scanner counts", async () => {
  const limits = { depth: 10, attributes: 10, tokenChars: 1000 };
  const deep = Buffer.from("<a>".repeat(20) + "</a>".repeat(20));
  await expect(scanned([deep], undefined, limits)).rejects.toEqual(
    expect.objectContaining({ bound: "depth", limit: 10 })
  );
  const many = Buffer.from(`<a ${Array.from({ length: 11 }, (_, i) => `a${i}="1"`).join(" ")}/>`);
  await expect(scanned([many], undefined, limits)).rejects.toEqual(
    expect.objectContaining({ bound: "attributes", actual: 11 })
  );
  // 2,000 characters of text: over the bound whether read, skipped, or waiting for its end.
  const long = Buffer.from(`<a>${"x".repeat(2000)}</a>`);
  await expect(scanned([long], undefined, limits)).rejects.toBeInstanceOf(PackageLimitError);
  await expect(scanned(cut(long, [1500]), undefined, limits)).rejects.toBeInstanceOf(PackageLimitError);
  const letters = Buffer.from(`<a>${"ạ".repeat(1200)}</a>`);
  await expect(scanned([letters], undefined, limits)).rejects.toEqual(
    expect.objectContaining({ bound: "tokenChars" })
  );
  await expect(scanned([Buffer.from(`<a>${"ạ".repeat(900)}</a>`)], undefined, limits)).resolves.toHaveLength(
    3
  );
});

test("short texts met again (decoded once, remembered by their bytes) are read as the string scanner reads them", async () => {
  // Many short texts, repeated and colliding in the memory's slots, across parts, with entities,
  // line ends and letters of every length around the memory's bound (24 bytes).
  const text = fc.oneof(
    fc.constantFrom(
      "Mức 2",
      "x",
      "0",
      "12",
      "&amp;",
      "a\r\nb",
      "a\rb",
      "&#7843;",
      "Đạt",
      "ạ".repeat(8),
      "y".repeat(24)
    ),
    fc.string({ maxLength: 26 }).map((s) => s.replace(/[<&\]]/g, "_")),
    fc.integer({ min: 0, max: 5000 }).map(String)
  );
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.array(text, { maxLength: 40 }), { minLength: 1, maxLength: 4 }),
      async (parts) => {
        for (const texts of parts) {
          const xml = `<r>${texts.map((t) => `<v>${t}</v>`).join("")}</r>`;
          expect(await scanned([Buffer.from(xml, "utf8")], new Set(["v"]))).toEqual(expected(xml));
        }
      }
    ),
    { numRuns: 200 }
  );
  // A short text with an unknown entity is refused every time it is met, never remembered.
  for (let i = 0; i < 2; i++)
    await expect(scanned([Buffer.from("<x>&zz;</x>")])).rejects.toThrow(/unknown entity/);
  // Under a bound smaller than the memory's, short texts are still bounded.
  const tight = { depth: 10, attributes: 10, tokenChars: 4 };
  await expect(scanned([Buffer.from("<a>xxxxxx</a>")], undefined, tight)).rejects.toBeInstanceOf(
    PackageLimitError
  );
  await expect(scanned([Buffer.from("<a>xxxx</a>")], undefined, tight)).resolves.toHaveLength(3);
});
