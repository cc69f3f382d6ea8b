// How an officer's sheet prints, read as its part streams by: page setup, margins, paper, breaks,
// print area and repeated rows, the first rows' heights (a row tag cut between two pieces) and the
// columns' widths; Excel's defaults where the sheet says nothing.
import { unzipSync, zipSync } from "fflate";
import { PackageReader, bufferSource } from "../../src/package/zip-read";
import { sheetExtras } from "../../src/writer/areas";
import { HEIGHT_ROWS, RowHeights } from "../../src/writer/sheet-page";
import { pageFootForm } from "../fixtures/forms/page-foot";
import { open } from "../helpers/writer-run";

test("the form's own page setup, heights and widths", async () => {
  const { wb, lastRow } = pageFootForm({ pad: 30, scale: 85, margins: [0.7, 0.5, 0.75, 0.75], titles: true });
  const { pkg, snapshot } = await open(Buffer.from(await wb.xlsx.writeBuffer()));
  pkg.close();
  const page = snapshot.sheets[0]?.page;
  expect(page).toMatchObject({
    orientation: "portrait",
    scale: 85,
    margins: { left: 0.7, right: 0.5, top: 0.75, bottom: 0.75 },
    titleRows: [7, 10],
    breaks: [],
    defaultHeight: 15,
  });
  expect(page?.fitTo).toBeUndefined();
  expect(page?.paper).toBeUndefined();
  expect(page?.heights.get(6)).toBe(45);
  expect(page?.heights.get(lastRow)).toBeGreaterThan(20);
  expect(page?.widths).toContainEqual([2, 2, 42]);

  const fitted = pageFootForm({ pad: 0, fit: true, printArea: true });
  const read = await open(Buffer.from(await fitted.wb.xlsx.writeBuffer()));
  read.pkg.close();
  expect(read.snapshot.sheets[0]?.page).toMatchObject({
    fitTo: { wide: 1, tall: 0 },
    area: { top: 1, left: 1, bottom: fitted.lastRow, right: 8 },
  });
});

test("a sheet that says nothing: Excel's defaults; Letter paper, breaks, hidden rows", async () => {
  const xml =
    `<worksheet><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><sheetFormatPr baseColWidth="10" defaultRowHeight="16"/>` +
    `<sheetData><row r="2" hidden="1"><c r="A2"><v>1</v></c></row><row r="3" ht="40" customHeight="1"/></sheetData>` +
    `<pageSetup paperSize="1" orientation="landscape"/><rowBreaks count="2" manualBreakCount="2">` +
    `<brk id="30" max="16383" man="1"/><brk id="12" max="16383" man="1"/></rowBreaks></worksheet>`;
  const pkg = await PackageReader.open(bufferSource(zipSync({ "s.xml": Buffer.from(xml) })));
  const rows = new RowHeights();
  const extras = await sheetExtras(pkg, "s.xml", undefined, rows);
  pkg.close();
  expect([...rows.heights]).toEqual([
    [2, 0],
    [3, 40],
  ]);
  expect(rows.done).toBe(true);
  expect(extras.map((e) => e.slice(0, 12))).toEqual([
    "<sheetPr><pa",
    "<sheetFormat",
    "<pageSetup p",
    "<rowBreaks c",
  ]);
});

test("row tags cut between pieces are read whole; rows past the measured ones are not kept", () => {
  const rows = new RowHeights();
  rows.scan(`<sheetData><row r="1" ht="2`);
  rows.scan(`0" customHeight="1"><c/></row><row`);
  rows.scan(` ht="30"></row><row r="${HEIGHT_ROWS + 1}" ht="50">`);
  expect([...rows.heights]).toEqual([
    [1, 20],
    [2, 30],
  ]);
  expect(rows.done).toBe(true);
  rows.scan(`<row r="3" ht="9">`);
  expect(rows.heights.has(3)).toBe(false);
});

test("Letter paper, fitted by sheetPr alone (one page by one), the officer's breaks in order", async () => {
  const { wb } = pageFootForm({ pad: 0 });
  const parts = unzipSync(new Uint8Array(await wb.xlsx.writeBuffer()));
  const sheet = Buffer.from(parts["xl/worksheets/sheet1.xml"] as Uint8Array).toString("utf8");
  const edited = sheet
    .replace(/<sheetFormatPr[^>]*>/, `<sheetFormatPr baseColWidth="10" defaultRowHeight="16"/>`)
    .replace(/<pageMargins[^>]*>/, "")
    .replace(/<pageSetup[^>]*>/, `<pageSetup paperSize="1" orientation="landscape"/>`)
    .replace(
      "</worksheet>",
      `<rowBreaks count="2" manualBreakCount="2"><brk id="30" man="1"/><brk id="12" man="1"/></rowBreaks></worksheet>`
    )
    .replace(
      /<sheetPr[^>]*\/>|<sheetPr>.*?<\/sheetPr>|(?=<dimension)/,
      `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>`
    );
  parts["xl/worksheets/sheet1.xml"] = Buffer.from(edited);
  const { pkg, snapshot } = await open(zipSync(parts));
  pkg.close();
  const page = snapshot.sheets[0]?.page;
  expect(page).toMatchObject({
    orientation: "landscape",
    scale: 100,
    fitTo: { wide: 1, tall: 1 },
    paper: { width: 612, height: 792 },
    breaks: [12, 30],
    defaultHeight: 16,
    defaultWidth: 10.43,
  });
  expect(page?.margins).toBeUndefined();
});
