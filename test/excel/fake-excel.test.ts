import { FakeWorkbook } from "./fake-excel";

// The fake must behave like Office, or tests over it prove nothing.
describe("the fake Excel keeps Office's semantics", () => {
  test("reading a property that was not loaded and synced throws", async () => {
    const fake = new FakeWorkbook();
    fake.addSheet("S", [["a", 1]]);
    await fake.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem("S").getRange("A1:B1");
      expect(() => range.values).toThrow(/is not available/);
      range.load("values");
      expect(() => range.values).toThrow(/is not available/);
      await ctx.sync();
      expect(range.values).toEqual([["a", 1]]);
      expect(() => range.address).toThrow(/is not available/);
    });
  });

  test("work is queued until sync, applied in order; a failing operation stops the rest", async () => {
    const fake = new FakeWorkbook();
    fake.addSheet("S");
    await expect(
      fake.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("S");
        ws.getRange("A1").values = [["first"]];
        expect(fake.dump("S")).toEqual({});
        ws.getRange("A1:B1").values = [["too short"]];
        ws.getRange("A2").values = [["never"]];
        await ctx.sync();
      })
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    expect(fake.dump("S")).toEqual({ A1: "first" });
    expect(fake.syncCount).toBe(1);
  });

  test("injected errors: a protected sheet, cell-edit mode", async () => {
    const fake = new FakeWorkbook();
    fake.addSheet("S").protected = true;
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("S").getRange("A1").values = [["x"]];
        await ctx.sync();
      })
    ).rejects.toMatchObject({ code: "AccessDenied" });
    fake.sheet("S").protected = false;
    fake.cellEditMode = true;
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("S").getRange("A1").values = [["x"]];
        await ctx.sync();
      })
    ).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
    expect(fake.dump("S")).toEqual({});
    await fake.run({ delayForCellEdit: true }, async (ctx) => {
      ctx.workbook.worksheets.getItem("S").getRange("A1").values = [["x"]];
      await ctx.sync();
    });
    expect(fake.dump("S")).toEqual({ A1: "x" });
  });

  test("null objects, used ranges, names, merged areas behind their requirement set", async () => {
    const fake = new FakeWorkbook();
    fake
      .addSheet("S", [
        [null, null],
        [null, "b"],
      ])
      .merges.push("B2:C2");
    await fake.run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject("Nope");
      missing.load("isNullObject");
      const used = ctx.workbook.worksheets.getItem("S").getUsedRangeOrNullObject(true);
      used.load("address,rowIndex,columnIndex");
      ctx.workbook.worksheets
        .getItem("S")
        .names.add("N", ctx.workbook.worksheets.getItem("S").getRange("A1:B2"));
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect([used.address, used.rowIndex, used.columnIndex]).toEqual(["S!B2", 1, 1]);
      expect(() => used.getMergedAreasOrNullObject()).toThrow(/not available/);
    });
    expect(fake.names).toEqual([{ name: "N", scope: "S", ref: "S!A1:B2" }]);
    fake.supported.ExcelApi = "1.13";
    await fake.run(async (ctx) => {
      const areas = ctx.workbook.worksheets.getItem("S").getRange("A1:D4").getMergedAreasOrNullObject();
      areas.load("address");
      await ctx.sync();
      expect(areas.address).toBe("S!B2:C2");
    });
  });

  test("looks: borders by edge, copies tiled as Excel pastes, formats cleared, merges undone", async () => {
    const fake = new FakeWorkbook();
    fake.supported.ExcelApi = "1.9";
    const s = fake.addSheet("S", [["a", "b"]]);
    s.cells.set("1:1", { value: "a", bold: true, fill: "#FF0000", font: { size: 13 } });
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("S");
      const box = ws.getRange("B2:C3");
      box.format.borders.getItem("EdgeTop").style = "Continuous";
      box.format.borders.getItem("InsideVertical").style = "Continuous";
      ws.getRange("A4:A5").copyFrom(ws.getRange("A1"), "Formats");
      ws.getRange("A1:B1").merge(false);
      ws.getRange("B1").unmerge();
      ws.getRange("A1").clear("Formats");
      const size = ws.getRange("A4").format.font.load("size");
      const width = ws.getRange("Z1").format.load("columnWidth");
      const area = ws.pageLayout.getPrintAreaOrNullObject().load("address");
      await ctx.sync();
      expect([size.size, width.columnWidth, area.isNullObject]).toEqual([13, 48, true]);
      // The values a request carries count against Excel's limits; a look does not.
      expect(fake.requests.at(-1)?.cellsWritten).toBe(0);
    });
    expect(s.cells.get("2:2")?.borders).toEqual({ top: "Continuous", right: "Continuous" });
    expect(s.cells.get("3:3")?.borders).toEqual({ left: "Continuous" });
    expect(s.cells.get("5:1")).toEqual({ value: "", bold: true, fill: "#FF0000", font: { size: 13 } });
    expect(s.cells.get("1:1")).toEqual({ value: "a" });
    expect(s.merges).toEqual([]);
  });

  test("copying a look, page setup and page breaks need ExcelApi 1.9; a name can be hidden", async () => {
    const fake = new FakeWorkbook();
    fake.addSheet("S");
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("S");
      expect(() => ws.getRange("A1").copyFrom("B1", "Formats")).toThrow(/1\.9/);
      expect(() => ws.pageLayout).toThrow(/1\.9/);
      expect(() => ws.horizontalPageBreaks).toThrow(/1\.9/);
      ws.names.add("N", ws.getRange("A1")).visible = false;
      await ctx.sync();
    });
    expect(fake.names).toEqual([{ name: "N", scope: "S", ref: "S!A1", visible: false }]);
  });
});

describe("the fake Excel takes written values as Excel documents it", () => {
  const write = async (fake: FakeWorkbook, values: (string | number)[][]) =>
    fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("S").getRange(`A1:A${values.length}`).values = values;
      await ctx.sync();
    });

  test("a string beginning =, + or - becomes a formula; numbers and TRUE typed as text convert; an apostrophe keeps text", async () => {
    const fake = new FakeWorkbook();
    fake.addSheet("S");
    await write(fake, [
      ['=HYPERLINK("http://x")'],
      ["+84 912 345"],
      ["- thiếu minh chứng"],
      ["2024"],
      ["-5"],
      ["TRUE"],
      ['\'=HYPERLINK("http://x")'],
      ["'2024"],
      ["Mức 2"],
      ["-"],
    ]);
    const cells = [...Array(10).keys()].map((i) => fake.sheet("S").cells.get(`${i + 1}:1`));
    expect(cells.map((c) => c?.formula ?? null)).toEqual([
      '=HYPERLINK("http://x")',
      "+84 912 345",
      "- thiếu minh chứng",
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(cells.map((c) => c?.value)).toEqual([
      "#NAME?",
      "#NAME?",
      "#NAME?",
      2024,
      -5,
      true,
      '=HYPERLINK("http://x")',
      "2024",
      "Mức 2",
      "-",
    ]);
    expect(cells[6]?.quotePrefix).toBe(true);
    // Clearing the contents takes the formula and the apostrophe with them.
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("S").getRange("A1:A10").clear("Contents");
      await ctx.sync();
    });
    expect([...fake.sheet("S").cells.values()].some((c) => c.formula || c.quotePrefix)).toBe(false);
  });

  test("Excel on the web's 5 MB payload limit: a request too large is refused whole", async () => {
    const fake = new FakeWorkbook();
    fake.addSheet("S");
    const big = Array.from({ length: 60000 }, () => ["x".repeat(100)]);
    await expect(write(fake, big)).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(fake.dump("S")).toEqual({});
    fake.payloadLimitBytes = Infinity; // desktop Excel
    await write(fake, big);
    fake.payloadLimitBytes = 5 * 1024 * 1024;
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("S").getRange("A1:A60000").load("values");
        await ctx.sync();
      })
    ).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
    expect(fake.requests.at(-1)?.bytesRead).toBeGreaterThan(6_000_000);
  });

  test("a range's used range is the used part of that range only", async () => {
    const fake = new FakeWorkbook();
    const s = fake.addSheet("S", [
      [null, "a"],
      [null, null, "b"],
    ]);
    s.cells.set("1:16384", { value: "far" });
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("S");
      const zone = ws.getRange("A1:J30").getUsedRangeOrNullObject(true);
      const empty = ws.getRange("A5:J9").getUsedRangeOrNullObject(true);
      zone.load("address");
      empty.load("address");
      await ctx.sync();
      expect(zone.address).toBe("S!B1:C2");
      expect(empty.isNullObject).toBe(true);
    });
  });
});

// A look is what Excel reports: a property set to what a cell without a look reports is no look, so a
// look lost shows as missing, never hidden behind a default written as if it were the officer's.
describe("the fake Excel keeps a cell's look as Excel reports it", () => {
  test("defaults set through the 1.1 format API leave no look; a white fill, a line, a colour are looks", async () => {
    const fake = new FakeWorkbook();
    fake.supported.ExcelApi = "1.9";
    const ws = fake.addSheet("S");
    await fake.run(async (ctx) => {
      const f = ctx.workbook.worksheets.getItem("S").getRange("A1:B2").format;
      f.font.bold = false;
      f.font.name = "Calibri";
      f.font.size = 11;
      f.font.color = "#000000";
      f.font.underline = "None";
      f.fill.clear();
      f.wrapText = false;
      f.horizontalAlignment = "General";
      f.verticalAlignment = "Bottom";
      f.borders.getItem("EdgeTop").style = "None";
      f.protection.locked = true;
      f.indentLevel = 0;
      await ctx.sync();
    });
    expect([...ws.cells.values()]).toEqual([{ value: "" }, { value: "" }, { value: "" }, { value: "" }]);
    await fake.run(async (ctx) => {
      const f = ctx.workbook.worksheets.getItem("S").getRange("A1").format;
      f.fill.color = "#FFFFFF";
      f.font.color = "#FF0000";
      f.borders.getItem("EdgeBottom").style = "Continuous";
      f.borders.getItem("EdgeBottom").color = "#0000FF";
      f.borders.getItem("EdgeBottom").weight = "Thin";
      f.protection.locked = false;
      await ctx.sync();
    });
    expect(ws.cells.get("1:1")).toEqual({
      value: "",
      fill: "#FFFFFF",
      font: { color: "#FF0000" },
      borders: { bottom: "Continuous" },
      borderLines: { bottom: { color: "#0000FF" } },
      locked: false,
    });
  });

  test("what cell properties set reads back alike through the 1.1 API, and the newer parts need their set", async () => {
    const fake = new FakeWorkbook();
    fake.supported.ExcelApi = "1.9";
    const ws = fake.addSheet("S");
    const look = {
      format: {
        fill: { color: "#FFF2CC", pattern: "Gray25" },
        font: { name: "Times New Roman", size: 13, bold: true, strikethrough: true },
        indentLevel: 2,
        textOrientation: 90,
      },
    };
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets
        .getItem("S")
        .getRange("A1")
        .setCellProperties([[look]]);
      await ctx.sync();
    });
    expect(ws.cells.get("1:1")).toEqual({
      value: "",
      fill: "#FFF2CC",
      fillPattern: "Gray25",
      bold: true,
      font: { name: "Times New Roman", size: 13, strikethrough: true },
      indent: 2,
      orientation: 90,
    });
    fake.supported.ExcelApi = "1.8";
    await fake.run(async (ctx) => {
      const f = ctx.workbook.worksheets.getItem("S").getRange("A2").format;
      expect(() => (f.font.strikethrough = true)).toThrow(/1\.9/);
      expect(() => (f.fill.pattern = "Gray25")).toThrow(/1\.9/);
      expect(() => (f.indentLevel = 1)).toThrow(/1\.9/);
      f.textOrientation = 90;
      await ctx.sync();
    });
    expect(ws.cells.get("2:1")).toEqual({ value: "", orientation: 90 });
  });
});

describe("the fake Excel tells a sheet's pages as Office.js documents them (ExcelApi 1.9)", () => {
  test("page layout, print area, repeated rows, breaks, row and column properties", async () => {
    const fake = new FakeWorkbook();
    fake.supported.ExcelApi = "1.9";
    const s = fake.addSheet("S", [["a"]]);
    s.rowHeights.set(2, 30);
    (s.hiddenRows = new Set()).add(3);
    s.columnWidths.set(2, 100);
    s.hiddenColumns.add(3);
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("S");
      const fresh = ws.pageLayout.load("orientation,paperSize,zoom,leftMargin,topMargin");
      const none = ws.pageLayout.getPrintTitleRowsOrNullObject().load("rowIndex,rowCount");
      await ctx.sync();
      // A sheet never set up: Excel's defaults (portrait, 100 %, Normal margins in points).
      expect([fresh.orientation, fresh.paperSize, fresh.zoom, fresh.leftMargin, fresh.topMargin]).toEqual([
        "Portrait",
        "A4",
        { scale: 100 },
        50.4,
        54,
      ]);
      expect(none.isNullObject).toBe(true);
      const layout = ws.pageLayout;
      layout.orientation = "Landscape";
      layout.zoom = { horizontalFitToPages: 1 };
      layout.leftMargin = 36;
      layout.setPrintTitleRows("$4:$6");
      layout.setPrintArea("A1:D20");
      ws.horizontalPageBreaks.add(ws.getRange("A11"));
      await ctx.sync();
      const read = ws.pageLayout.load("orientation,zoom,leftMargin");
      const titles = ws.pageLayout.getPrintTitleRowsOrNullObject().load("rowIndex,rowCount");
      const area = ws.pageLayout.getPrintAreaOrNullObject().load("address");
      const breaks = ws.horizontalPageBreaks.load("items/rowIndex");
      const rows = ws
        .getRange("A1:A3")
        .getRowProperties({ rowIndex: true, rowHidden: true, format: { rowHeight: true } });
      const cols = ws
        .getRange("A1:C1")
        .getColumnProperties({ columnHidden: true, format: { columnWidth: true } });
      await ctx.sync();
      expect([read.orientation, read.zoom, read.leftMargin]).toEqual([
        "Landscape",
        { horizontalFitToPages: 1 },
        36,
      ]);
      expect([titles.rowIndex, titles.rowCount, area.address]).toEqual([3, 3, "S!A1:D20"]);
      // The break above row 11: its rowIndex is row 11's, zero-based.
      expect(breaks.items.map((b) => b.rowIndex)).toEqual([10]);
      expect(rows.value).toEqual([
        { rowIndex: 0, rowHidden: false, format: { rowHeight: 15 } },
        { rowIndex: 1, rowHidden: false, format: { rowHeight: 30 } },
        { rowIndex: 2, rowHidden: true, format: { rowHeight: 0 } },
      ]);
      expect(cols.value).toEqual([
        { columnHidden: false, format: { columnWidth: 48 } },
        { columnHidden: false, format: { columnWidth: 100 } },
        { columnHidden: true, format: { columnWidth: 0 } },
      ]);
    });
  });
});
