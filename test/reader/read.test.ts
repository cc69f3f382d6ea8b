// The lean reader on workbooks written part by part: what other programs write, odd but valid
// files, and every bound.
import { mkdtempSync, writeFileSync } from "node:fs";
import fc from "fast-check";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cellAt, rowNumbers, type WorkbookSnapshot } from "../../src/core/model/snapshot";
import { WorkbookFileError } from "../../src/reader/file-error";
import { READER_LIMITS } from "../../src/reader/limits";
import { snapshotFromBytes, type ReadOptions } from "../../src/reader/read";
import { overlappingMerges } from "../../src/reader/sheet-part";
import { openWorkbook, workbookSnapshot } from "../helpers/exceljs/read";
import { book, bookParts, sheetData, zipParts, type BookSpec } from "../helpers/package";

const read = (spec: BookSpec | Buffer, opts?: ReadOptions) =>
  snapshotFromBytes(Buffer.isBuffer(spec) ? spec : book(spec), opts);

async function refusal(spec: BookSpec | Buffer, opts?: ReadOptions): Promise<WorkbookFileError> {
  const e = await read(spec, opts).then(
    () => null,
    (err: unknown) => err
  );
  expect(e).toBeInstanceOf(WorkbookFileError);
  return e as WorkbookFileError;
}

const one = (body: string, extra: Partial<BookSpec> = {}) => ({ sheets: [{ name: "S", body }], ...extra });
const value = (wb: WorkbookSnapshot, row: number, col: number) => cellAt(wb.sheets[0]!, row, col);

const STYLES =
  '<numFmts count="2"><numFmt numFmtId="164" formatCode="0.0%"/><numFmt numFmtId="165" formatCode="dd/mm/yyyy"/></numFmts>' +
  '<cellStyleXfs><xf numFmtId="14"/></cellStyleXfs>' +
  '<cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="14"/><xf numFmtId="10"/><xf numFmtId="3"/></cellXfs>' +
  '<dxfs><dxf><numFmt numFmtId="164" formatCode="WRONG"/></dxf></dxfs>';

describe("values", () => {
  test("every kind of cell, with its number format", async () => {
    const wb = await read(
      one(
        sheetData({
          1:
            '<c r="A1" t="s"><v>1</v></c><c r="B1" t="inlineStr"><is><t>Mức _x0031_</t></is></c>' +
            '<c r="C1" t="inlineStr"><is><r><t>Chỉ </t></r><r><rPr><b/></rPr><t>báo</t></r><rPh><t>phonetic</t></rPh></is></c>' +
            '<c r="D1" t="b"><v>1</v></c><c r="E1" t="b"><v>0</v></c><c r="F1" t="e"><v>#DIV/0!</v></c>',
          2: '<c r="A2" s="1"><v>0.875</v></c><c r="B2" s="2"><v>45292</v></c><c r="C2" s="3"><v>45292.5</v></c><c r="D2" s="4"><v>0.5</v></c><c r="E2" s="5"><v>1234</v></c><c r="F2" t="d"><v>2024-01-05</v></c>',
          3: '<c r="A3" s="1"/><c r="B3"><v></v></c><c r="C3" t="s"><v>0</v></c>',
        }),
        { sharedStrings: ["", "Tiêu chí"], styles: STYLES }
      )
    );
    expect(value(wb, 1, 1)).toEqual({ value: "Tiêu chí" });
    expect(value(wb, 1, 2)).toEqual({ value: "Mức 1" });
    expect(value(wb, 1, 3)).toEqual({ value: "Chỉ báo" });
    expect([value(wb, 1, 4).value, value(wb, 1, 5).value, value(wb, 1, 6).value]).toEqual([
      true,
      false,
      { error: "#DIV/0!" },
    ]);
    expect(value(wb, 2, 1)).toEqual({ value: 0.875, format: "0.0%" });
    expect(value(wb, 2, 2)).toEqual({ value: new Date(Date.UTC(2024, 0, 1)), format: "dd/mm/yyyy" });
    expect(value(wb, 2, 3)).toEqual({ value: new Date(Date.UTC(2024, 0, 1, 12)), format: "mm-dd-yy" });
    expect(value(wb, 2, 4)).toEqual({ value: 0.5, format: "0.00%" });
    expect(value(wb, 2, 5)).toEqual({ value: 1234, format: "#,##0" });
    expect(value(wb, 2, 6)).toEqual({ value: new Date(Date.UTC(2024, 0, 5)) });
    // A styled empty cell and an empty <v> hold nothing; an empty shared string is an empty text.
    expect(rowNumbers(wb.sheets[0]!)).toEqual([1, 2, 3]);
    expect([...wb.sheets[0]!.rows.get(3)!.keys()]).toEqual([3]);
  });

  test("1904 dates, written either way", async () => {
    for (const flag of ['date1904="1"', 'date1904="true"']) {
      const wb = await read(
        one(sheetData({ 1: '<c r="A1" s="3"><v>0</v></c>' }), {
          styles: STYLES,
          workbookPr: `<workbookPr ${flag}/>`,
        })
      );
      expect(value(wb, 1, 1).value).toEqual(new Date(Date.UTC(1904, 0, 1)));
    }
  });

  test("formulas: cached results by type, shared formulas, and a formula never computed", async () => {
    const wb = await read(
      one(
        sheetData({
          1:
            '<c r="A1"><f>1+1</f><v>2</v></c><c r="B1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c>' +
            '<c r="C1" t="b"><f>TRUE()</f><v>1</v></c><c r="D1" t="e"><f>1/0</f><v>#DIV/0!</v></c>' +
            '<c r="E1" s="2"><f>TODAY()</f><v>45292</v></c>',
          2:
            '<c r="A2"><f t="shared" ref="A2:C2" si="0">A1*2</f><v>4</v></c><c r="B2"><f t="shared" si="0"/><v>6</v></c>' +
            '<c r="C2" s="1"><f t="shared" si="0"/></c><c r="D2"><f>A1</f></c>',
          3: '<c r="A3" t="str"><f>IF(1,"","x")</f><v></v></c>',
        }),
        { styles: STYLES }
      )
    );
    expect([1, 2, 3, 4].map((c) => value(wb, 1, c).value)).toEqual([2, "ab", true, { error: "#DIV/0!" }]);
    expect(value(wb, 1, 5)).toEqual({ value: new Date(Date.UTC(2024, 0, 1)), format: "dd/mm/yyyy" });
    expect([value(wb, 2, 1).value, value(wb, 2, 2).value]).toEqual([4, 6]);
    expect(value(wb, 2, 3)).toEqual({ value: null, uncomputed: true, format: "0.0%" });
    expect(value(wb, 2, 4)).toEqual({ value: null, uncomputed: true });
    // `<v></v>` on a text formula is the empty text it gave, not a formula never computed.
    expect(value(wb, 3, 1)).toEqual({ value: "" });
  });

  test("what other programs write: prefixes, no r attributes, strict namespaces, UTF-8 BOM", async () => {
    const prefixed = bookParts(one(""));
    prefixed["xl/worksheets/sheet1.xml"] =
      '\ufeff<x:worksheet xmlns:x="http://purl.oclc.org/ooxml/spreadsheetml/main"><x:sheetData>' +
      '<x:row><x:c t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c><x:c><x:v>2</x:v></x:c><x:c r="E1"><x:v>5</x:v></x:c><x:c><x:v>6</x:v></x:c></x:row>' +
      "<x:row/><x:row><x:c><x:v>3</x:v></x:c></x:row></x:sheetData></x:worksheet>";
    const strict = (s: string) =>
      s.replace(
        /http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships/g,
        "http://purl.oclc.org/ooxml/officeDocument/relationships"
      );
    for (const k of ["_rels/.rels", "xl/_rels/workbook.xml.rels"])
      prefixed[k] = strict(prefixed[k] as string);
    const wb = await read(zipParts(prefixed));
    const s = wb.sheets[0]!;
    expect([...s.rows.keys()]).toEqual([1, 3]);
    expect([...s.rows.get(1)!.entries()].map(([c, v]) => [c, v.value])).toEqual([
      [1, "a"],
      [2, 2],
      [5, 5],
      [6, 6],
    ]);
    expect(cellAt(s, 3, 1).value).toBe(3);
  });

  test("references, styles and types written with character references read as plain ones", async () => {
    const plain = await read(
      one(
        '<sheetData><row r="2"><c r="C2" s="1"><v>0.5</v></c><c r="D2" t="str"><v>x</v></c></row></sheetData>',
        { styles: STYLES }
      )
    );
    const coded = await read(
      one(
        '<sheetData><row r="&#50;"><c r="&#67;2" s="&#x31;"><v>0.5</v></c><c r="D&#50;" t="&#115;tr"><v>x</v></c></row></sheetData>',
        { styles: STYLES }
      )
    );
    expect(value(coded, 2, 3)).toEqual({ value: 0.5, format: "0.0%" });
    expect(value(coded, 2, 4)).toEqual({ value: "x" });
    expect(coded).toEqual(plain);
  });

  test("merges blank the cells they cover, as Excel shows them", async () => {
    const wb = await read(
      one(
        sheetData({
          1: '<c r="A1" t="inlineStr"><is><t>Title</t></is></c><c r="B1"><v>9</v></c>',
          2: '<c r="A2"><v>1</v></c>',
        }) + '<mergeCells count="2"><mergeCell ref="A1:C1"/><mergeCell ref="A5:B9"/></mergeCells>'
      )
    );
    expect(wb.sheets[0]!.merges).toEqual([
      { top: 1, left: 1, bottom: 1, right: 3 },
      { top: 5, left: 1, bottom: 9, right: 2 },
    ]);
    expect([...wb.sheets[0]!.rows.get(1)!.keys()]).toEqual([1]);
  });
});

describe("workbook", () => {
  const names =
    "<definedNames><definedName name=\"HocTap_KQ_Cot\" localSheetId=\"1\">'B ''x'''!$G$4:$H$30</definedName>" +
    "<definedName name=\"Both\">A!$A$1,'B ''x'''!$B$2:$C$3</definedName>" +
    '<definedName name="_xlnm.Print_Area" localSheetId="0">A!$A$1:$F$40</definedName>' +
    '<definedName name="Formula">SUM(A!$A$1:$A$3)*2</definedName><definedName name="Const">{1,2}</definedName><definedName name="Far">A!$XFE$1</definedName>' +
    '<definedName name="Local" localSheetId="0">$C$3</definedName></definedNames>';
  const spec: BookSpec = {
    sheets: [
      { name: "A", body: sheetData({ 1: '<c r="A1"><v>1</v></c>' }) },
      { name: "B 'x'", body: sheetData({ 1: '<c r="A1"><v>2</v></c>' }), state: "hidden" },
      { name: "C", body: "<sheetData/>", state: "veryHidden" },
    ],
    definedNames: names,
  };

  test("sheets in order with their state; names with their scope, page-setup names left out", async () => {
    const wb = await read(spec);
    expect(wb.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ["A", false],
      ["B 'x'", true],
      ["C", true],
    ]);
    expect(wb.definedNames).toEqual([
      {
        name: "HocTap_KQ_Cot",
        sheet: "B 'x'",
        refSheet: "B 'x'",
        range: { top: 4, left: 7, bottom: 30, right: 8 },
      },
      { name: "Both", refSheet: "A", range: { top: 1, left: 1, bottom: 1, right: 1 } },
      { name: "Both", refSheet: "B 'x'", range: { top: 2, left: 2, bottom: 3, right: 3 } },
      { name: "Local", sheet: "A", refSheet: "A", range: { top: 3, left: 3, bottom: 3, right: 3 } },
    ]);
  });

  test("only the sheets asked for are read; names still scope by every sheet", async () => {
    const wb = await read(spec, { sheets: (name) => name.startsWith("B") });
    expect(wb.sheets.map((s) => s.name)).toEqual(["B 'x'"]);
    expect(wb.definedNames[0]).toMatchObject({ sheet: "B 'x'" });
  });

  test("a chart sheet counts for localSheetId but is not read", async () => {
    const parts = bookParts(spec);
    parts["xl/workbook.xml"] = (parts["xl/workbook.xml"] as string).replace(
      "<sheets>",
      '<sheets><sheet name="Chart" sheetId="9" r:id="rIdC"/>'
    );
    parts["xl/_rels/workbook.xml.rels"] = (parts["xl/_rels/workbook.xml.rels"] as string).replace(
      "</Relationships>",
      '<Relationship Id="rIdC" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>'
    );
    parts["xl/chartsheets/sheet1.xml"] = "<chartsheet/>";
    const wb = await read(zipParts(parts));
    expect(wb.sheets.map((s) => s.name)).toEqual(["A", "B 'x'", "C"]);
    // localSheetId 1 is now sheet A (the chart sheet is 0).
    expect(wb.definedNames[0]).toMatchObject({ name: "HocTap_KQ_Cot", sheet: "A" });
  });

  test("a macro-enabled workbook (.xlsm) reads like any other", async () => {
    const parts = bookParts(spec);
    parts["xl/vbaProject.bin"] = new Uint8Array([1, 2, 3]);
    expect((await read(zipParts(parts))).sheets).toHaveLength(3);
  });
});

describe("refused, in words for people", () => {
  const relsToBin = (bookParts(one(""))["_rels/.rels"] as string).replace("workbook.xml", "workbook.bin");
  test.each<[string, Record<string, string | Uint8Array>, string]>([
    [
      "an OpenDocument spreadsheet",
      { mimetype: "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<x/>" },
      "ods",
    ],
    ["a binary workbook", { "_rels/.rels": relsToBin, "xl/workbook.bin": new Uint8Array(4) }, "xlsb"],
    ["a Word document", { "word/document.xml": "<w/>" }, "not-xlsx"],
  ])("%s", async (_what, parts, code) => {
    expect((await refusal(zipParts(parts))).code).toBe(code);
  });

  test("damaged: bad XML, a DOCTYPE, a missing shared string, a cell outside any row", async () => {
    for (const body of [
      "<sheetData><row r='1'><c r='A1'><v>1</v></row></sheetData>",
      sheetData({ 1: '<c r="A1" t="s"><v>7</v></c>' }),
      "<sheetData><c r='A1'><v>1</v></c></sheetData>",
      sheetData({ 1: '<c r="1A"><v>1</v></c>' }),
    ])
      expect((await refusal(one(body, { sharedStrings: ["x"] }))).code).toBe("corrupt");
    const doctype = bookParts(one(""));
    doctype["xl/workbook.xml"] =
      '<!DOCTYPE lol [<!ENTITY a "aaaaaaaa">]>' +
      (doctype["xl/workbook.xml"] as string).replace(/^<\?xml[^>]*>\n/, "");
    expect((await refusal(zipParts(doctype))).code).toBe("corrupt");
  });
});

describe("bounds: exit 2 with one line naming the bound, never unbounded memory", () => {
  test.each([
    [
      "a cell at row 200,000,000",
      sheetData({ 200000000: '<c r="A200000000"><v>1</v></c>' }),
      "rows",
      /dòng 200\.000\.000.*1\.048\.576/,
      /row 200,000,000/,
    ],
    [
      "a cell at row 4,000,000,000",
      sheetData({ 4000000000: '<c r="A4000000000"><v>1</v></c>' }),
      "rows",
      /4\.000\.000\.000/,
      /4,000,000,000/,
    ],
    [
      "a cell past XFD",
      sheetData({ 1: '<c r="XFE1"><v>1</v></c>' }),
      "cols",
      /16\.385.*XFD/,
      /column 16,385.*XFD/,
    ],
    [
      "a text past 32,767 characters",
      sheetData({ 1: `<c r="B1" t="inlineStr"><is><t>${"a".repeat(32768)}</t></is></c>` }),
      "stringChars",
      /S!B1.*32\.768/,
      /S!B1.*32,768/,
    ],
  ])("%s", async (_what, body, bound, vi, en) => {
    const e = await refusal(one(body));
    expect(e.code).toBe("too-large");
    expect(e.subject).toBe(bound);
    expect(e.say("vi")).toMatch(vi);
    expect(e.say("en")).toMatch(en);
    expect(e.say("vi")).not.toMatch(/\n/);
  });

  test("cells, shared strings, names, merges, parts: each against its own ceiling", async () => {
    const limits = { ...READER_LIMITS, cells: 3, sharedStrings: 2, names: 1, merges: 1, partBytes: 4000 };
    const cells = sheetData({
      1: '<c r="A1"><v>1</v></c><c r="B1"><v>2</v></c>',
      2: '<c r="A2"><v>1</v></c><c r="B2"><v>2</v></c>',
    });
    expect((await refusal(one(cells), { limits })).subject).toBe("cells");
    expect((await refusal(one("<sheetData/>", { sharedStrings: ["a", "b", "c"] }), { limits })).subject).toBe(
      "sharedStrings"
    );
    const twoNames =
      '<definedNames><definedName name="a">S!$A$1</definedName><definedName name="b">S!$A$1</definedName></definedNames>';
    expect((await refusal(one("<sheetData/>", { definedNames: twoNames }), { limits })).subject).toBe(
      "names"
    );
    const merges = '<sheetData/><mergeCells><mergeCell ref="A1:B1"/><mergeCell ref="A2:B2"/></mergeCells>';
    expect((await refusal(one(merges), { limits })).subject).toBe("merges");
    const big = await refusal(
      one(sheetData({ 1: `<c r="A1" t="inlineStr"><is><t>${"a".repeat(5000)}</t></is></c>` })),
      { limits }
    );
    expect(big.subject).toBe("partBytes");
    expect(big.say("en")).toMatch(/xl\/worksheets\/sheet1\.xml/);
  });

  test("a sheet holding one value in XFD on 20,000 rows is read sparse: 20,000 cells", async () => {
    const rows: Record<number, string> = {};
    for (let r = 1; r <= 20000; r++) rows[r] = `<c r="XFD${r}"><v>${r}</v></c>`;
    const wb = await read(one(sheetData(rows)));
    const s = wb.sheets[0]!;
    expect(s.rows.size).toBe(20000);
    expect(cellAt(s, 20000, 16384).value).toBe(20000);
  });
});

describe("where the ExcelJS adapter misreads, the lean reader reads what Excel shows (the known differences)", () => {
  const both = async (spec: BookSpec) => {
    const bytes = book(spec);
    const path = join(mkdtempSync(join(tmpdir(), "hoctap-known-")), "k.xlsx");
    writeFileSync(path, bytes);
    const excel = await openWorkbook(path).then(
      (o) => workbookSnapshot(o.workbook),
      (e: WorkbookFileError) => e.code
    );
    return { lean: await read(bytes), excel };
  };
  const first = (wb: WorkbookSnapshot | string) =>
    typeof wb === "string" ? wb : cellAt(wb.sheets[0]!, 1, 1).value;

  test("a number with a link stays a number (ExcelJS makes it text)", async () => {
    const spec = one(
      sheetData({ 1: '<c r="A1"><v>5</v></c>' }) +
        '<hyperlinks><hyperlink ref="A1" r:id="rIdL"/></hyperlinks>',
      {
        extra: {
          "xl/worksheets/_rels/sheet1.xml.rels":
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdL" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.vn" TargetMode="External"/></Relationships>',
        },
      }
    );
    const { lean, excel } = await both(spec);
    expect([first(lean), first(excel)]).toEqual([5, "5"]);
  });

  test("a text result in a date-formatted cell stays text (ExcelJS makes an Invalid Date)", async () => {
    const { lean, excel } = await both(
      one(sheetData({ 1: '<c r="A1" s="2" t="str"><f>A2</f><v>chưa có</v></c>' }), { styles: STYLES })
    );
    expect(first(lean)).toBe("chưa có");
    expect(Number.isNaN((first(excel) as Date).getTime())).toBe(true);
  });

  test("a formula that gave the empty text is not 'never computed'", async () => {
    const { lean, excel } = await both(one(sheetData({ 1: '<c r="A1" t="str"><f>""</f><v></v></c>' })));
    expect(value(lean, 1, 1)).toEqual({ value: "" });
    expect(cellAt((excel as WorkbookSnapshot).sheets[0]!, 1, 1)).toEqual({ value: null, uncomputed: true });
  });

  test("date1904 written as true (LibreOffice) shifts dates; a text cell's entities are decoded once", async () => {
    const spec = one(
      sheetData({ 1: '<c r="A1" s="3"><v>0</v></c><c r="B1" t="str"><v>a&amp;lt;b</v></c>' }),
      {
        styles: STYLES,
        workbookPr: '<workbookPr date1904="true"/>',
      }
    );
    const { lean, excel } = await both(spec);
    const ex = excel as WorkbookSnapshot;
    expect([first(lean), cellAt(lean.sheets[0]!, 1, 2).value]).toEqual([
      new Date(Date.UTC(1904, 0, 1)),
      "a&lt;b",
    ]);
    expect([cellAt(ex.sheets[0]!, 1, 1).value, cellAt(ex.sheets[0]!, 1, 2).value]).toEqual([
      new Date(Date.UTC(1899, 11, 30)),
      "a<b",
    ]);
  });

  test("rows without a number (allowed by the standard) are read; ExcelJS refuses the file", async () => {
    const { lean, excel } = await both(one("<sheetData><row><c><v>1</v></c></row></sheetData>"));
    expect([first(lean), excel]).toEqual([1, "corrupt"]);
  });
});

test("overlapping merges are found by the sweep exactly when some pair overlaps", () => {
  const rect = fc
    .record({
      top: fc.integer({ min: 1, max: 30 }),
      left: fc.integer({ min: 1, max: 30 }),
      h: fc.nat(6),
      w: fc.nat(6),
    })
    .map(({ top, left, h, w }) => ({ top, left, bottom: top + h, right: left + w }));
  fc.assert(
    fc.property(fc.array(rect, { maxLength: 12 }), (ms) => {
      const naive = ms.some((a, i) =>
        ms.some(
          (b, j) => i < j && a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom
        )
      );
      expect(overlappingMerges(ms)).toBe(naive);
    }),
    { numRuns: 2000 }
  );
});

test("overlapping merges: a damaged file for both readers", async () => {
  const bytes = book(
    one('<sheetData/><mergeCells><mergeCell ref="A1:C3"/><mergeCell ref="B2:D4"/></mergeCells>')
  );
  expect((await refusal(bytes)).code).toBe("corrupt");
  const path = join(mkdtempSync(join(tmpdir(), "hoctap-overlap-")), "o.xlsx");
  writeFileSync(path, bytes);
  await expect(openWorkbook(path)).rejects.toMatchObject({ code: "corrupt" });
});
