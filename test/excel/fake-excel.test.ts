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
});
