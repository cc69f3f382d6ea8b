// The lean reader proved equal to the ExcelJS adapter, cell by cell, names and merges included, over
// every workbook the project has: the fixtures, the bad-input corpus, generated officer grids, what
// the CLI writes, and random workbooks written by ExcelJS. Where ExcelJS refuses a file, the lean
// reader must refuse it too, with the same code.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import type { WorkbookSnapshot } from "../../src/core/model/snapshot";
import { WorkbookFileError } from "../../src/reader/file-error";
import { readSnapshot } from "../../src/reader/read";
import { openWorkbook, workbookSnapshot } from "../helpers/exceljs/read";
import { hoctap } from "../helpers/cli";
import { snapshotDifferences } from "../helpers/same-snapshot";
import { exampleWorkbooks } from "../fixtures/workbooks";
import { randomBook, streamBook, writeBook } from "../fixtures/random-workbooks";
import { template } from "../helpers/grid";
import { assessmentSheet } from "../fixtures/workbooks";
import ExcelJS from "exceljs";

const FIXTURES = join(__dirname, "..", "fixtures");
const tmp = mkdtempSync(join(tmpdir(), "hoctap-diff-"));

type Outcome = { snapshot: WorkbookSnapshot } | { refused: string };

async function outcome(read: () => Promise<WorkbookSnapshot>): Promise<Outcome> {
  try {
    return { snapshot: await read() };
  } catch (e) {
    if (e instanceof WorkbookFileError) return { refused: e.code };
    throw e;
  }
}

/** Both readers on one file: equal snapshots, or the same refusal. */
async function expectSame(path: string): Promise<void> {
  const lean = await outcome(() => readSnapshot(path));
  const excel = await outcome(async () => workbookSnapshot((await openWorkbook(path)).workbook));
  if ("refused" in excel || "refused" in lean) {
    expect({ path, lean: "refused" in lean ? lean.refused : "read" }).toEqual({
      path,
      lean: "refused" in excel ? excel.refused : "read",
    });
    return;
  }
  expect({ path, differences: snapshotDifferences(lean.snapshot, excel.snapshot) }).toEqual({
    path,
    differences: [],
  });
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? filesUnder(join(dir, d.name)) : /\.xls[xmb]?$/.test(d.name) ? [join(dir, d.name)] : []
  );
}

/** Files ExcelJS cannot read, which the lean reader reads as Excel does: why, for each. */
const EXCELJS_FAILS: Record<string, string> = {
  "producers/openpyxl-bang-minh-chung.xlsx":
    "an Excel Table's part named by an absolute target (/xl/tables/table1.xml), as openpyxl writes it: ExcelJS throws",
};

describe("every workbook under test/fixtures (examples and the bad-input corpus)", () => {
  const files = filesUnder(FIXTURES);
  test("there are some", () => expect(files.length).toBeGreaterThanOrEqual(13));
  test.each(files.map((f) => [f.slice(FIXTURES.length + 1), f]))(
    "%s",
    async (name, file) => {
      if (!EXCELJS_FAILS[name]) return expectSame(file);
      await expect(openWorkbook(file)).rejects.toBeDefined();
      expect((await readSnapshot(file)).sheets.length).toBeGreaterThan(0);
    },
    60000
  );
});

describe("generated officer grids", () => {
  const grids: [string, () => ExcelJS.Workbook][] = [
    ...exampleWorkbooks().map((e): [string, () => ExcelJS.Workbook] => [e.file, e.build]),
    ...(["district", "city"] as const).map((kind): [string, () => ExcelJS.Workbook] => [
      `template-${kind}`,
      () => {
        const wb = new ExcelJS.Workbook();
        assessmentSheet(
          wb,
          `Tự đánh giá ${kind}`,
          template({ kind, indicator: (n) => ({ data: { v: n / 20, f: "0.0%" } }) }).rows
        );
        return wb;
      },
    ]),
  ];
  test.each(grids)("%s", async (name, build) => {
    const path = join(tmp, `grid-${name}`);
    await build().xlsx.writeFile(path);
    await expectSame(path);
  });
});

describe("what the CLI writes (results, clean copies, summaries, templates)", () => {
  test("check --out, clean, summary --out and template outputs read the same", async () => {
    const examples = join(FIXTURES, "examples");
    const inputs = readdirSync(examples).map((f) => join(examples, f));
    const out = join(tmp, "cli");
    await hoctap("check", ...inputs, "--out-dir", out);
    const written = readdirSync(out).map((f) => join(out, f));
    expect(written).toHaveLength(inputs.length);
    await hoctap("clean", written[0] as string, "--out", join(tmp, "clean.xlsx"));
    // Districts, a city and communes of two sets: one block per set.
    await hoctap("summary", ...inputs, "--out", join(tmp, "summary.xlsx"));
    await hoctap("template", "--set", "hp-2022-city", "--out", join(tmp, "template.xlsx"));
    await hoctap("template", "--framework", "tt25-2023-xa", "--out", join(tmp, "template-xa.xlsx"));
    await hoctap("frameworks", "--export", "tt25-2023-xa", "--out", join(tmp, "set.xlsx"));
    for (const f of [
      ...written,
      join(tmp, "clean.xlsx"),
      join(tmp, "summary.xlsx"),
      join(tmp, "template.xlsx"),
      join(tmp, "template-xa.xlsx"),
      join(tmp, "set.xlsx"),
    ])
      await expectSame(f);
  }, 60000);
});

describe("random workbooks written by ExcelJS", () => {
  let n = 0;
  test("its usual writer (shared strings)", async () => {
    await fc.assert(
      fc.asyncProperty(randomBook({ entities: true }), async (b) => {
        const path = join(tmp, `random-${n++}.xlsx`);
        writeFileSync(path, await writeBook(b));
        await expectSame(path);
      }),
      { numRuns: 60 }
    );
  }, 120000);

  test("its streaming writer (text in the cells, rich text inline)", async () => {
    await fc.assert(
      // ExcelJS decodes a text cell's entities twice (`&amp;lt;` → `<`); texts that look like
      // entities are left out here, the lean reader decodes once as XML says.
      fc.asyncProperty(randomBook({ entities: false }), async (b) => {
        const path = join(tmp, `stream-${n++}.xlsx`);
        writeFileSync(path, await streamBook(b));
        await expectSame(path);
      }),
      { numRuns: 40 }
    );
  }, 120000);
});

/** Every XML part of a workbook rewritten by `edit` (same content as XML says, other bytes). */
async function rewritten(
  from: string,
  to: string,
  edit: (xml: string, part: string) => string
): Promise<void> {
  const JSZip = (await import("jszip")).default;
  const zip = await JSZip.loadAsync(readFileSync(from));
  for (const name of Object.keys(zip.files)) {
    if (!/\.(xml|rels)$/.test(name) || zip.files[name]?.dir) continue;
    zip.file(
      name,
      edit(await (zip.file(name) as { async(t: "string"): Promise<string> }).async("string"), name)
    );
  }
  writeFileSync(to, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}

/** Non-ASCII letters as character references, everywhere (attributes, texts). */
const asReferences = (xml: string) =>
  xml.replace(/[^\t\n\r\x20-\x7e]/gu, (ch) => `&#x${(ch.codePointAt(0) as number).toString(16)};`);

describe("the same workbooks in other bytes: what the byte scanner must read as XML says", () => {
  const examples = readdirSync(join(FIXTURES, "examples")).map((f) => join(FIXTURES, "examples", f));
  // The last: ExcelJS refuses prefixed sheets (a file of its own is corrupt to it); the lean reader
  // reads them as the original, as Excel does.
  const edits: [string, (xml: string, part: string) => string][] = [
    ["a UTF-8 byte-order mark on every part", (xml) => `\ufeff${xml}`],
    ["letters as character references", asReferences],
    [
      "comments, spaces inside tags and single-quoted attributes",
      (xml) =>
        xml
          .replace(/<\/c>/g, "</c><!-- ô -->")
          .replace(/<row /g, "<row  ")
          .replace(/ r="([^"]*)"/g, " r='$1' ")
          .replace(/\/>/g, " />"),
    ],
    [
      "a namespace prefix on every element of the sheets",
      (xml, part) =>
        part.includes("worksheets/")
          ? xml
              .replace(/<(\/?)([a-zA-Z]+)([ />])/g, (m, slash: string, name: string, after: string) =>
                name === "xml" ? m : `<${slash}x:${name}${after}`
              )
              .replace(
                /<x:worksheet /,
                '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
              )
          : xml,
    ],
  ];
  test.each(
    edits.flatMap(([what, edit]) =>
      examples.map((f) => [what, f.split("/").pop() as string, f, edit] as const)
    )
  )(
    "%s: %s",
    async (what, name, from, edit) => {
      const to = join(tmp, `${edits.findIndex((e) => e[0] === what)}-${name}`);
      await rewritten(from, to, edit);
      if (!what.startsWith("a namespace prefix")) await expectSame(to);
      // And the lean reader reads exactly what it reads of the original.
      expect(snapshotDifferences(await readSnapshot(to), await readSnapshot(from))).toEqual([]);
    },
    60000
  );
});
