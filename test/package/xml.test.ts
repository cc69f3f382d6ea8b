import fc from "fast-check";
import { PackageError, PackageLimitError } from "../../src/package/limits";
import { decodeEntities, parseXml, scanXmlPieces, xmlTokens, type XmlToken } from "../../src/package/xml";

const SHEET =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="r">' +
  '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t xml:space="preserve"> Mức 2 &amp; &#7843;&#x1EA1;</t></is></c></row></sheetData>' +
  '<!-- a comment with <c> inside --><x:ext xmlns:x="x"><![CDATA[a < b]]></x:ext>' +
  '<hyperlinks><hyperlink ref="A1" r:id="rId1" display="[&gt;=70]0 > 5"/></hyperlinks></worksheet>';

test("tokens carry local names, decoded attributes and text, and their offsets in the text", () => {
  const tokens = xmlTokens(SHEET);
  const open = tokens.filter((t) => t.kind === "open").map((t) => t.name);
  expect(open).toEqual([
    "worksheet",
    "sheetData",
    "row",
    "c",
    "v",
    "c",
    "is",
    "t",
    "ext",
    "hyperlinks",
    "hyperlink",
  ]);
  const texts = tokens.filter((t): t is Extract<XmlToken, { kind: "text" }> => t.kind === "text");
  expect(texts.map((t) => t.text)).toEqual(["0", " Mức 2 & ảạ", "a < b"]);
  const link = tokens.find((t) => t.kind === "open" && t.name === "hyperlink") as Extract<
    XmlToken,
    { kind: "open" }
  >;
  expect({ ...link.attrs }).toEqual({ ref: "A1", "r:id": "rId1", display: "[>=70]0 > 5" });
  expect(link.empty).toBe(true);
  // Every token's offsets cut exactly its source out of the text.
  for (const t of tokens) {
    const src = SHEET.slice(t.start, t.end);
    if (t.kind === "open") expect(src).toMatch(new RegExp(`^<(\\w+:)?${t.name}[\\s/>]`));
    // An empty element's close is its own tag again.
    if (t.kind === "close")
      expect(src).toMatch(new RegExp(`^</(\\w+:)?${t.name}>$|^<(\\w+:)?${t.name}.*/>$`));
  }
  const cdata = texts[2] as { start: number; end: number };
  expect(SHEET.slice(cdata.start, cdata.end)).toBe("<![CDATA[a < b]]>");
});

test("any split of the text into chunks gives the same tokens as the whole", () => {
  const whole = xmlTokens(SHEET);
  fc.assert(
    fc.property(fc.uniqueArray(fc.integer({ min: 1, max: SHEET.length - 1 }), { maxLength: 12 }), (cuts) => {
      const points = [0, ...cuts.sort((a, b) => a - b), SHEET.length];
      const chunks = points.slice(1).map((p, i) => SHEET.slice(points[i], p));
      const got: XmlToken[] = [];
      parseXml(chunks, {
        open: (name, attrs, empty, start, end) =>
          got.push({ kind: "open", name, attrs: attrs.record(), empty, start, end }),
        close: (name, start, end) => got.push({ kind: "close", name, start, end }),
        // A text may arrive in pieces when a chunk ends inside it: join them as the whole gives it.
        text: (text, start, end) => {
          const last = got.at(-1);
          if (last?.kind === "text" && last.end === start && !SHEET.startsWith("<![CDATA[", start))
            got[got.length - 1] = { ...last, text: last.text + text, end };
          else got.push({ kind: "text", text, start, end });
        },
      });
      expect(got).toEqual(whole);
    }),
    { numRuns: 200 }
  );
});

test.each([
  ['<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>', /DOCTYPE/],
  ["<x>&a;</x>", /unknown entity/],
  ["<x>a & b</x>", /unknown entity/],
  ["<x>&#0;</x>", /not allowed/],
  ["<x>&#xD800;</x>", /not allowed/],
  ["<x><y></x>", /closes/],
  ["<x>", /never closed/],
  ["<x/><y/>", /second root/],
  ["text<x/>", /outside the root/],
  ['<x a="1" a="2"/>', /twice/],
  ["<x a=1/>", /bad attribute/],
  ['<x a="<"/>', /< in an attribute/],
  ["", /no element/],
  ["<x><!-- never ends</x>", /unfinished comment/],
])("refused: %s", (xml, message) => {
  expect(() => xmlTokens(xml)).toThrow(PackageError);
  expect(() => xmlTokens(xml)).toThrow(message);
});

test("nesting, attributes and token sizes are bounded", () => {
  const deep = "<a>".repeat(20) + "</a>".repeat(20);
  expect(() => xmlTokens(deep, { depth: 10, attributes: 10, tokenChars: 1000 })).toThrow(
    expect.objectContaining({ bound: "depth", limit: 10 })
  );
  const many = `<a ${Array.from({ length: 11 }, (_, i) => `a${i}="1"`).join(" ")}/>`;
  expect(() => xmlTokens(many, { depth: 10, attributes: 10, tokenChars: 1000 })).toThrow(
    expect.objectContaining({ bound: "attributes", actual: 11 })
  );
  const long = `<a>${"x".repeat(2000)}</a>`;
  expect(() =>
    parseXml([long.slice(0, 1500), long.slice(1500)], {}, { depth: 10, attributes: 10, tokenChars: 1000 })
  ).toThrow(expect.objectContaining({ bound: "tokenChars" }));
  expect(xmlTokens(deep, { depth: 20, attributes: 10, tokenChars: 1000 })).toHaveLength(40);
});

test("line ends and attribute whitespace are normalised as XML says; references are kept", () => {
  const [, text] = xmlTokens('<a b="x\r\ny\tz&#10;">1\r\n2\r3</a>') as [
    Extract<XmlToken, { kind: "open" }>,
    Extract<XmlToken, { kind: "text" }>,
  ];
  expect(xmlTokens('<a b="x\r\ny\tz&#10;"/>')[0]).toMatchObject({ attrs: { b: "x y z\n" } });
  expect(text.text).toBe("1\n2\n3");
});

test("decodeEntities: the five, decimal and hex references", () => {
  expect(decodeEntities("&lt;&gt;&amp;&quot;&apos;&#65;&#x1F600;")).toBe(`<>&"'A😀`);
  expect(decodeEntities("plain")).toBe("plain");
});

test("a run of text with no markup, longer than any token, is refused before it is decoded", async () => {
  const bytes = Buffer.concat([
    Buffer.from("<a>"),
    Buffer.alloc(13 * 1024 * 1024 + 10, 0x61),
    Buffer.from("</a>"),
  ]);
  const pieces = Array.from({ length: Math.ceil(bytes.length / 1048576) }, (_, i) =>
    bytes.subarray(i * 1048576, (i + 1) * 1048576)
  );
  let texts = 0;
  await expect(scanXmlPieces(pieces, { text: () => texts++ })).rejects.toBeInstanceOf(PackageLimitError);
  expect(texts).toBe(0);
});

test("attribute names are plain data: __proto__, constructor and toString are attributes like any other", () => {
  const [open] = xmlTokens('<a __proto__="x" constructor="y"/>') as [Extract<XmlToken, { kind: "open" }>];
  expect(Object.keys(open.attrs)).toEqual(["__proto__", "constructor"]);
  expect(open.attrs["__proto__"]).toBe("x");
  expect("toString" in open.attrs).toBe(false);
  expect(Object.getPrototypeOf(open.attrs)).toBeNull();
  const [plain] = xmlTokens("<a/>") as [Extract<XmlToken, { kind: "open" }>];
  expect("toString" in plain.attrs || "hasOwnProperty" in plain.attrs).toBe(false);
});

test("a handler reads attributes on demand, by name or by local name whatever the prefix", () => {
  const seen: unknown[] = [];
  parseXml('<x:sheet xmlns:x="m" name="A &amp; B" rel:id="rId7" state="hidden"/>', {
    open: (_name, a) => seen.push(a.get("name"), a.get("state"), a.get("nope"), a.getPrefixed("id"), a.size),
  });
  expect(seen).toEqual(["A & B", "hidden", undefined, "rId7", 4]);
});

test("an end tag may carry spaces before its >; a prefixed one closes its own element", () => {
  expect(
    xmlTokens('<x:a xmlns:x="m"><x:b></x:b ><c/></x:a  >').map(
      (t) => `${t.kind}:${"name" in t ? t.name : ""}`
    )
  ).toEqual(["open:a", "open:b", "close:b", "open:c", "close:c", "close:a"]);
  expect(() => xmlTokens("<x:a><x:b></x:c></x:a>")).toThrow(/closes <x:b>/);
});

test.each([
  ["<x>&a;</x>", /unknown entity/],
  ["<x>a & b</x>", /unknown entity/],
  ["<x>&#0;</x>", /not allowed/],
  ["text<x/>", /outside the root/],
  ["<x/>text", /outside the root/],
])("refused when no handler reads the text either: %s", (xml, message) => {
  // The writer's scan reads no text: its runs are looked through, not decoded, under the same rules.
  for (let cut = 0; cut <= xml.length; cut++)
    expect(() => parseXml([xml.slice(0, cut), xml.slice(cut)], {})).toThrow(message);
});

test("text no handler reads: a reference anywhere in a run is checked, however the text is cut", () => {
  const xml = `<x>${" ".repeat(50)}<y/>${" ".repeat(30)}&amp; &#7843;${" ".repeat(20)}<y/>\u00a0</x>`;
  for (let cut = 0; cut <= xml.length; cut++)
    expect(() => parseXml([xml.slice(0, cut), xml.slice(cut)], {})).not.toThrow();
  const bad = xml.replace("&amp;", "&bad;");
  for (let cut = 0; cut <= bad.length; cut++)
    expect(() => parseXml([bad.slice(0, cut), bad.slice(cut)], {})).toThrow(/unknown entity/);
});
