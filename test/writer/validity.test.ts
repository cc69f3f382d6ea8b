// Every package the product writes is one Excel opens without a repair, checked by a checker that
// does not use the product's reader (test/helpers/validity.ts: saxes with namespaces, the schema's
// order, content types, relationships, names, merges, tables, dimension): `check --out`, `clean`,
// `summary --out` into the workbook and the template, over every workbook under test/fixtures (the
// examples, the bad-input corpus, the producers' files: openpyxl, xlsxwriter, LibreOffice), every
// real form and the workbook of features. The checker is first shown to catch each defect.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type ExcelJS from "exceljs";
import { templateSheet } from "../../src/core/plans/template";
import { unitsSheet, type SummaryRow } from "../../src/core/plans/units-sheet";
import { BUILTIN_FRAMEWORKS } from "../../src/core/sets/builtin";
import { packageBytes } from "../../src/package/zip-write";
import { blankBook, sheetParts } from "../../src/writer/write";
import { featureWorkbook } from "../fixtures/features";
import { layouts } from "../fixtures/forms/layouts";
import { bookParts, sheetData, zipParts } from "../helpers/package";
import { packageProblems, sheetNameProblem } from "../helpers/validity";
import { cleaned, open, written } from "../helpers/writer-run";

const FIXTURES = join(__dirname, "..", "fixtures");

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? filesUnder(join(dir, d.name)) : /\.xls[xm]$/.test(d.name) ? [join(dir, d.name)] : []
  );
}

const units: SummaryRow[] = [
  {
    file: "xa-an-hoa.xlsx",
    sheet: "Tự đánh giá",
    unitName: "Xã An Hòa",
    framework: "tt25-2023-xa",
    level: 2,
    label: "Mức độ 2",
    errors: 0,
    warnings: 0,
    indicators: { CT1: 2, CT2: 1 },
  },
];

/** `summary --out INTO`: the Tổng hợp sheet added to a workbook. */
async function summarised(bytes: Uint8Array): Promise<Buffer> {
  const { pkg, snapshot } = await open(bytes);
  try {
    const plan = unitsSheet(units, { name: "Tổng hợp", lang: "vi", today: "15/12/2026" });
    return await packageBytes((await sheetParts(pkg, snapshot, plan)).parts);
  } finally {
    pkg.close();
  }
}

/** Every output of one input, each with its problems (none expected). */
/** Past this size (the 50,000- and 100,000-row sheets of the corpus) `check --out` alone is checked: each pass takes seconds. */
const LARGE = 1024 * 1024;

async function outputsOf(input: Buffer, name = "in.xlsx"): Promise<Record<string, string[]>> {
  const out = await written(input);
  if (out === null) return {};
  const result: Record<string, string[]> = { "check --out": packageProblems(out, name) };
  if (input.length > LARGE) return result;
  const again = await written(out);
  result["check --out, again"] = again ? packageProblems(again, name) : ["not written"];
  const back = await cleaned(out);
  result.clean = back ? packageProblems(back, name) : ["clean wrote nothing"];
  result["summary --out"] = packageProblems(await summarised(out), name);
  return result;
}

const none = (r: Record<string, string[]>) => Object.fromEntries(Object.keys(r).map((k) => [k, []]));

/** The test helper's package with the content type Excel wants for relationships parts. */
function typed(parts: Record<string, string | Uint8Array>): Buffer {
  parts["[Content_Types].xml"] = (parts["[Content_Types].xml"] as string).replace(
    "<Default ",
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default `
  );
  return zipParts(parts);
}

describe("the checker catches what Excel repairs", () => {
  const sheet = (body = sheetData({ 1: `<c r="A1" t="inlineStr"><is><t>x</t></is></c>` })) => ({
    name: "S",
    body,
  });
  test("a clean package passes", () =>
    expect(packageProblems(typed(bookParts({ sheets: [sheet()] })))).toEqual([]));

  test("an unbound prefix (openpyxl's r: declared on each sheet, not on the root)", () => {
    const parts = bookParts({ sheets: [sheet()] });
    parts["xl/workbook.xml"] = (parts["xl/workbook.xml"] as string).replace(/ xmlns:r="[^"]*"/, "");
    expect(packageProblems(typed(parts)).join("\n")).toMatch(
      /xl\/workbook\.xml: not well-formed XML: .*prefix/
    );
  });

  test("merges in an Excel Table, overlapping merges, rows and cells out of order, a short dimension", () => {
    const body =
      `<dimension ref="A1:B2"/>` +
      sheetData({ 1: `<c r="B1"><v>1</v></c><c r="A1"><v>1</v></c>`, 3: `<c r="C3"><v>1</v></c>` }) +
      `<mergeCells count="2"><mergeCell ref="A5:B6"/><mergeCell ref="B6:C7"/></mergeCells><tableParts count="1"><tablePart r:id="rT"/></tableParts>`;
    const parts = bookParts({ sheets: [{ name: "S", body }] });
    parts["xl/worksheets/_rels/sheet1.xml.rels"] =
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/table" Target="../tables/table1.xml"/></Relationships>`;
    parts["xl/tables/table1.xml"] =
      `<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="1" name="T" displayName="T" ref="A5:D9"/>`;
    const problems = packageProblems(typed(parts)).join("\n");
    expect(problems).toMatch(/cell A1 after column 2/);
    expect(problems).toMatch(/merges A5:B6 and B6:C7 overlap/);
    expect(problems).toMatch(/merge A5:B6 inside the table A5:D9/);
    expect(problems).toMatch(/<dimension ref="A1:B2"> does not cover/);
  });

  test("sheet names, names twice in a scope, a formula past 8,192 characters, macros under .xlsx", () => {
    expect(sheetNameProblem("Tu danh gia xa An Hoa nam 2'")).toMatch(/ends with '/);
    expect(sheetNameProblem("x".repeat(32))).toMatch(/past 31/);
    const parts = bookParts({
      sheets: [sheet()],
      definedNames: `<definedNames><definedName name="A" localSheetId="0">S!$A$1</definedName><definedName name="a" localSheetId="0">S!$A$2</definedName><definedName name="L">"${"x".repeat(8200)}"</definedName></definedNames>`,
    });
    parts["[Content_Types].xml"] = (parts["[Content_Types].xml"] as string).replace(
      "</Types>",
      `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/></Types>`
    );
    const problems = packageProblems(typed(parts), "KQ.xlsx").join("\n");
    expect(problems).toMatch(/name a defined twice in sheet 0/);
    expect(problems).toMatch(/formula of 8202 characters/);
    expect(problems).toMatch(/macro-enabled workbook under a name that is not \.xlsm/);
  });
});

describe("every output is valid: every workbook under test/fixtures", () => {
  const files = filesUnder(FIXTURES);
  test("the producers' files are among them", () =>
    expect(files.filter((f) => f.includes(`${join("fixtures", "producers")}`)).length).toBeGreaterThanOrEqual(
      8
    ));
  test.each(files.map((f) => [f.slice(FIXTURES.length + 1), f]))(
    "%s",
    async (_n, file) => {
      const outputs = await outputsOf(readFileSync(file), file);
      expect(outputs).toEqual(none(outputs));
    },
    120000
  );
});

describe("every output is valid: the real forms and the workbook of features", () => {
  test.each(layouts().map((l) => [l.name, l] as const))(
    "%s",
    async (_n, layout) => {
      const wb = layout.build("test").wb as ExcelJS.Workbook;
      const outputs = await outputsOf(Buffer.from(await wb.xlsx.writeBuffer()));
      expect(Object.keys(outputs)).toContain("check --out");
      expect(outputs).toEqual(none(outputs));
    },
    120000
  );
  test("features", async () => {
    const outputs = await outputsOf(await featureWorkbook());
    expect(outputs).toEqual(none(outputs));
  }, 120000);
});

test("the templates of every built-in set, and a summary to a new file", async () => {
  for (const fw of BUILTIN_FRAMEWORKS) {
    const blank = await blankBook();
    const made = await packageBytes((await sheetParts(blank.pkg, blank.snapshot, templateSheet(fw))).parts);
    expect({ set: fw.id, problems: packageProblems(made) }).toEqual({ set: fw.id, problems: [] });
  }
  const blank = await blankBook();
  const plan = unitsSheet(units, { name: "Tổng hợp", lang: "vi", today: "15/12/2026" });
  expect(
    packageProblems(await packageBytes((await sheetParts(blank.pkg, blank.snapshot, plan)).parts))
  ).toEqual([]);
});
