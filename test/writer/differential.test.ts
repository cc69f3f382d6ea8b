// The writer proved against what it was given, part by part, over every workbook the project has
// (the examples, the bad-input corpus, the real forms of every layout) and the workbook carrying the
// features an ExcelJS round trip lost: after `check --out` every part the product does not own is
// carried over as stored; the parts it touches are the input's apart from its cells, names and
// sheets; `clean` of the output gives back every part of the input, byte for byte; and a second run
// writes exactly the first run's output.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { cellAt } from "../../src/core/model/snapshot";
import { snapshotFromBytes } from "../../src/reader/read";
import { isOwned } from "../../src/core/model/owned";
import { badInputs } from "../fixtures/bad-inputs";
import { layouts } from "../fixtures/forms/layouts";
import { featureWorkbook } from "../fixtures/features";
import { cleaned, written } from "../helpers/writer-run";
import {
  ownedOn,
  parts,
  storedParts,
  stylesWithoutAppended,
  withoutOwned,
  withoutParts,
  workbookWithoutOwned,
} from "../helpers/parts";

const FIXTURES = join(__dirname, "..", "fixtures");

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? filesUnder(join(dir, d.name)) : /\.xls[xmb]?$/.test(d.name) ? [join(dir, d.name)] : []
  );
}

const text = (b: Buffer | undefined) => (b ?? Buffer.alloc(0)).toString("utf8");

const DIMENSION = /<(?:\w+:)?dimension\b[^>]*\/>/;
/** A sheet's XML with the `<dimension>` element of another (the input's). */
const withDimensionOf = (xml: string, from: string) => {
  const d = DIMENSION.exec(from)?.[0];
  return d === undefined ? xml : xml.replace(DIMENSION, d);
};

/** Every promise of the writer on one input. */
async function proveOn(name: string, input: Buffer): Promise<"written" | "refused"> {
  const out = await written(input);
  if (out === null) return "refused";
  const before = parts(input);
  const after = parts(out);
  const inStored = await storedParts(input);
  const outStored = await storedParts(out);
  const inSnap = await snapshotFromBytes(input);
  const outSnap = await snapshotFromBytes(out);

  // Parts: none lost; new ones are only the product's sheets.
  for (const p of before.keys())
    expect({ name, part: p, kept: after.has(p) }).toEqual({ name, part: p, kept: true });
  const added = [...after.keys()].filter((p) => !before.has(p));
  for (const p of added)
    expect({ name, added: p }).toEqual({ name, added: expect.stringMatching(/worksheets\/sheet\d+\.xml$/) });

  // Which sheets the product wrote in, and where each part is.
  const wbPart = [...before.keys()].find((p) => /workbook\.xml$/.test(p) && !p.includes("_rels")) as string;
  const writtenIn = outSnap.sheets.filter((s) => ownedOn(outSnap, s.name).length > 0).map((s) => s.name);
  const touchedSheets = new Map<string, string>();
  const rels = text(before.get(wbPart.replace(/([^/]+)$/, "_rels/$1.rels")));
  const ids = [
    ...text(before.get(wbPart)).matchAll(/<(?:\w+:)?sheet\b[^>]*?\bname="([^"]*)"[^>]*?\b\w+:id="([^"]+)"/g),
  ];
  for (const [, sheetName, rid] of ids) {
    const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels);
    const t = (target?.[1] ?? target?.[2] ?? "").replace(/^\//, "");
    const part = t.startsWith("xl/") ? t : `xl/${t}`;
    const decoded = (sheetName as string)
      .replace(/&amp;/g, "&")
      .replace(/&apos;/g, "'")
      .replace(/&quot;/g, '"');
    if (writtenIn.includes(decoded)) touchedSheets.set(part, decoded);
  }
  const touched = new Set([
    wbPart,
    wbPart.replace(/([^/]+)$/, "_rels/$1.rels"),
    "[Content_Types].xml",
    ...touchedSheets.keys(),
  ]);
  const styles = [...before.keys()].find((p) => /styles\.xml$/.test(p));
  if (styles) touched.add(styles);

  // Every part the product does not own: exactly as stored (compressed bytes and all).
  for (const [p, raw] of inStored)
    if (!touched.has(p))
      expect({ name, part: p, same: raw.equals(outStored.get(p) as Buffer) }).toEqual({
        name,
        part: p,
        same: true,
      });

  // The parts it touches: the input's, apart from its cells, names and sheets (and `<dimension>`,
  // grown over the owned cells: validity.test.ts checks it covers them).
  for (const [p, sheet] of touchedSheets) {
    const owned = ownedOn(outSnap, sheet);
    const xml = withDimensionOf(text(after.get(p)), text(before.get(p)));
    expect({ name, part: p, xml: withoutOwned(xml, owned) }).toEqual({
      name,
      part: p,
      xml: withoutOwned(text(before.get(p)), owned),
    });
  }
  const writtenIdx = writtenIn.map((s) => outSnap.sheets.findIndex((x) => x.name === s));
  const sheetsBefore = (text(before.get(wbPart)).match(/<(\w+:)?sheet\b/g) ?? []).length;
  expect({ name, wb: workbookWithoutOwned(text(after.get(wbPart)), sheetsBefore, writtenIdx) }).toEqual({
    name,
    wb: workbookWithoutOwned(text(before.get(wbPart)), sheetsBefore, writtenIdx),
  });
  for (const p of [wbPart.replace(/([^/]+)$/, "_rels/$1.rels"), "[Content_Types].xml"])
    expect({ name, part: p, xml: withoutParts(text(after.get(p)), added) }).toEqual({
      name,
      part: p,
      xml: text(before.get(p)),
    });
  if (styles)
    expect({
      name,
      styles: stylesWithoutAppended(text(after.get(styles)), text(before.get(styles))),
    }).toEqual({ name, styles: text(before.get(styles)) });

  // Read back: every officer cell as it was (value and format), outside the product's ranges.
  const changed: string[] = [];
  for (const s of inSnap.sheets) {
    const o = outSnap.sheets.find((x) => x.name === s.name);
    expect(o).toBeDefined();
    const owned = ownedOn(outSnap, s.name);
    for (const [r, cells] of s.rows)
      for (const [c, cell] of cells)
        if (!isOwned(owned, r, c) && JSON.stringify(cellAt(o!, r, c)) !== JSON.stringify(cell))
          changed.push(`${s.name}!${r}:${c}`);
  }
  expect({ name, changed }).toEqual({ name, changed: [] });

  // A second run writes exactly the first run's output; clean gives the input back, part by part.
  const again = await written(out);
  expect({
    name,
    same:
      again !== null &&
      parts(again).size === after.size &&
      [...parts(again)].every(([p, b]) => b.equals(after.get(p) as Buffer)),
  }).toEqual({ name, same: true });
  const back = await cleaned(out);
  expect(back).not.toBeNull();
  const restored = parts(back as Buffer);
  expect({ name, parts: [...restored.keys()].sort() }).toEqual({ name, parts: [...before.keys()].sort() });
  for (const [p, b] of before)
    expect({ name, part: p, xml: text(restored.get(p)) }).toEqual({ name, part: p, xml: text(b) });
  return "written";
}

/** Inputs that are already the product's output: clean does not give them back (test/writer/resaved.test.ts). */
const ALREADY_WRITTEN = new Set(["producers/libreoffice-ket-qua-xa-an-hoa.xlsx"]);

describe("every workbook under test/fixtures (examples and the bad-input corpus)", () => {
  const files = filesUnder(FIXTURES).filter((f) => !ALREADY_WRITTEN.has(f.slice(FIXTURES.length + 1)));
  test("there are some", () => expect(files.length).toBeGreaterThanOrEqual(13));
  // What the corpus says each bad input is: refused (exit 2) or checked, and so written.
  const expected = new Map(badInputs().map((b) => [b.file, b.expect.exit === 2 ? "refused" : "written"]));
  test.each(files.map((f) => [f.slice(FIXTURES.length + 1), f]))(
    "%s",
    async (n, file) => {
      const outcome = await proveOn(file, readFileSync(file));
      expect(outcome).toBe(expected.get(n.replace(/^bad\//, "")) ?? "written");
    },
    120000
  );
});

describe("the real forms, every layout and variant", () => {
  test.each(layouts().map((l) => [l.name, l] as const))(
    "%s",
    async (_n, layout) => {
      const wb = layout.build("test").wb as ExcelJS.Workbook;
      expect(await proveOn(layout.name, Buffer.from(await wb.xlsx.writeBuffer()))).toBe("written");
    },
    120000
  );
});

describe("a workbook with everything an ExcelJS round trip lost", () => {
  test("text boxes, sparklines, cross-sheet validation, threaded comments, external links, custom properties, dynamic arrays, protection, names by formula, first page numbers, Times New Roman 13, charts and pivots", async () => {
    expect(await proveOn("features", await featureWorkbook())).toBe("written");
  }, 120000);
});
