// Empty columns the officer prepared right of the table are theirs, not free: a hidden column, or
// cells carrying a data validation (a list to pick from), whether Excel keeps it in the sheet or in
// its extension. The result columns go past them; a second run writes the same.
import { unzipSync, zipSync } from "fflate";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PackageReader, bufferSource } from "../../src/package/zip-read";
import { preparedAreas, sheetExtras } from "../../src/writer/areas";
import { packageProblems } from "../helpers/validity";
import { open, written } from "../helpers/writer-run";

const EXAMPLE = join(__dirname, "..", "fixtures", "examples", "xa-an-hoa.xlsx");
const text = (b: Uint8Array | undefined) => Buffer.from(b ?? new Uint8Array()).toString("utf8");

/** The example with its sheet edited; the table ends at G, the results went to H:I. */
function edited(edit: (sheet: string) => string): Buffer {
  const parts = unzipSync(readFileSync(EXAMPLE));
  const sheet = text(parts["xl/worksheets/sheet1.xml"]);
  const next = edit(sheet);
  expect(next).not.toBe(sheet);
  parts["xl/worksheets/sheet1.xml"] = Buffer.from(next);
  return Buffer.from(zipSync(parts));
}

const HIDDEN_H = (s: string) =>
  s.replace("</cols>", `<col min="8" max="8" width="12" hidden="1" customWidth="1"/></cols>`);
const LIST_IN_I = (s: string) =>
  s.replace(
    "</mergeCells>",
    `</mergeCells><dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="I9:I29"><formula1>"Đạt,Chưa đạt"</formula1></dataValidation></dataValidations>`
  );
const EXT_LIST_IN_J = (s: string) =>
  s.replace(
    "</worksheet>",
    `<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:dataValidation type="list" allowBlank="1"><x14:formula1><xm:f>'Tự đánh giá'!$A$1:$A$2</xm:f></x14:formula1><xm:sqref>J7:J29</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst></worksheet>`
  );

/** Where the result columns went: the first column of the product's `HocTap_KQ_Cot`. */
async function resultColumns(bytes: Buffer): Promise<string> {
  const { pkg, snapshot } = await open(bytes);
  pkg.close();
  const name = snapshot.definedNames.find((n) => n.name === "HocTap_KQ_Cot");
  return name
    ? `${String.fromCharCode(64 + name.range.left)}:${String.fromCharCode(64 + name.range.right)}`
    : "";
}

test("the example's results go right of the table, to H:I", async () =>
  expect(await resultColumns((await written(readFileSync(EXAMPLE))) as Buffer)).toBe("H:I"));

test.each([
  ["a hidden column H", HIDDEN_H, "I:J"],
  ["a list to pick from in I", LIST_IN_I, "J:K"],
  ["a hidden H and a list in I", (s: string) => LIST_IN_I(HIDDEN_H(s)), "J:K"],
  [
    "a list kept in Excel's extension, in J, after a hidden H and a list in I",
    (s: string) => EXT_LIST_IN_J(LIST_IN_I(HIDDEN_H(s))),
    "K:L",
  ],
])("%s: the results go past it", async (_n, edit, where) => {
  const input = edited(edit);
  const out = (await written(input)) as Buffer;
  expect(await resultColumns(out)).toBe(where);
  expect(packageProblems(out)).toEqual([]);
  // A second run writes the same.
  const again = (await written(out)) as Buffer;
  expect(again.equals(out)).toBe(true);
});

test("the product's own result columns hidden by the officer stay the product's", async () => {
  const first = (await written(readFileSync(EXAMPLE))) as Buffer;
  const parts = unzipSync(first);
  const sheet = text(parts["xl/worksheets/sheet1.xml"]);
  // H:I hidden, whatever the cols element holds for them now.
  const hidden = sheet.replace(/<col min="8"[^>]*\/>/, (c) => c.replace("/>", ` hidden="1"/>`));
  expect(hidden).not.toBe(sheet);
  parts["xl/worksheets/sheet1.xml"] = Buffer.from(hidden);
  expect(await resultColumns((await written(Buffer.from(zipSync(parts)))) as Buffer)).toBe("H:I");
});

test("the elements are found in a part read in pieces, an end tag cut between two", async () => {
  const head = `<worksheet><cols><col min="3" max="5" hidden="1"/></cols><sheetData><row r="1"><c r="A1"><v>1</v></c>`;
  const tail = `</row></sheetData><dataValidations count="1"><dataValidation sqref="H2:H9 K:K"/>`;
  // `</dataValidations>` starts 5 bytes before the first piece's end (pieces of 1 MiB).
  const pad = " ".repeat(1024 * 1024 - 5 - head.length - tail.length);
  const xml = `${head}${pad}${tail}</dataValidations></worksheet>`;
  const pkg = await PackageReader.open(bufferSource(zipSync({ "s.xml": Buffer.from(xml) })));
  const pieces: number[] = [];
  for await (const p of pkg.pieces("s.xml", undefined, 1)) pieces.push(p.length);
  expect(pieces[0]).toBe(1024 * 1024);
  const extras = await sheetExtras(pkg, "s.xml", 1);
  pkg.close();
  expect(extras).toEqual([
    `<cols><col min="3" max="5" hidden="1"/></cols>`,
    `<dataValidations count="1"><dataValidation sqref="H2:H9 K:K"/></dataValidations>`,
  ]);
  expect(preparedAreas(extras, 20)).toEqual([
    { top: 1, bottom: 20, left: 3, right: 5 },
    { top: 2, bottom: 9, left: 8, right: 8 },
    { top: 1, bottom: 20, left: 11, right: 11 },
  ]);
});
