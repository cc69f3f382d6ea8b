// What the pane writes never touches an officer's cell, an Excel Table or an officer's merged area,
// says so naming the cell, and an Office failure half-way leaves the sheet as it was read. The fake
// models the Excel behaviour each case meets (see the head of fake-excel.ts for the documents).
import { checkSheet } from "../../src/core/checks/check";
import { planResults } from "../../src/core/plans/write-plan";
import { summarySheet } from "../../src/core/plans/summary";
import { addSheetFromPlan, applyPlan, readSheet } from "../../src/excel/connector";
import { checkWorkbookSheet, writeResults, type CheckOptions } from "../../src/taskpane/actions";
import { template } from "../helpers/grid";
import { FakeOfficeError, FakeWorkbook, OPERATION_BYTES, PAYLOAD_LIMIT_BYTES } from "./fake-excel";
import { fakeRows, installFake, uninstallFake } from "./install-fake";

afterEach(uninstallFake);
const SHEET = "Tự đánh giá";
const opts: CheckOptions = { frameworkId: "auto", columns: {}, lang: "vi", sheet: SHEET };

function officer(): { fake: FakeWorkbook; last: number } {
  const fake = installFake();
  const rows = fakeRows(template().rows);
  fake.addSheet(SHEET, rows);
  return { fake, last: rows.length };
}

async function planned() {
  const read = await readSheet(SHEET);
  const sheet = read.snapshot.sheets[0]!;
  const plan = planResults(read.snapshot, sheet, checkSheet(read.snapshot, sheet)!, { today: "01/12/2026" });
  return { read, plan };
}

describe("the fake models what the write meets in Excel", () => {
  test("cells inside a table cannot be merged; a merge over merged areas makes one", async () => {
    const { fake, last } = officer();
    fake.sheet(SHEET).tables.push({ name: "MinhChung", ref: `A${last + 2}:D${last + 5}` });
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets
          .getItem(SHEET)
          .getRange(`A${last + 3}:C${last + 3}`)
          .merge(false);
        await ctx.sync();
      })
    ).rejects.toMatchObject({ code: "InvalidOperation" });
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(SHEET);
      ws.getRange("H1:I1").merge(false);
      ws.getRange("I1:J2").merge(false);
      await ctx.sync();
    });
    expect(fake.sheet(SHEET).merges).toEqual(["H1:J2"]);
  });

  test("writing in the row under a table or the column right of it grows the table", async () => {
    const { fake } = officer();
    fake.sheet(SHEET).tables.push({ name: "T", ref: "K1:L3" });
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(SHEET);
      ws.getRange("K4:L5").values = [
        ["a", "b"],
        ["c", "d"],
      ];
      ws.getRange("M1:M2").values = [["x"], ["y"]];
      ws.getRange("K7").values = [["far"]];
      await ctx.sync();
    });
    expect(fake.sheet(SHEET).tables).toEqual([{ name: "T", ref: "K1:M5" }]);
  });

  test("a workbook whose structure is protected refuses a new sheet", async () => {
    const { fake } = officer();
    fake.structureProtected = true;
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.add("Mới");
        await ctx.sync();
      })
    ).rejects.toMatchObject({ code: "AccessDenied" });
    expect(fake.sheets.map((s) => s.name)).toEqual([SHEET]);
  });

  test("operations count towards the 5 MB of a request, not only values", async () => {
    const { fake } = officer();
    const ops = Math.ceil(PAYLOAD_LIMIT_BYTES / OPERATION_BYTES) + 1;
    await expect(
      fake.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem(SHEET);
        for (let i = 0; i < ops; i++) ws.getRange("Z1").format.font.bold = true;
        await ctx.sync();
      })
    ).rejects.toBeInstanceOf(FakeOfficeError);
    expect(fake.sheet(SHEET).cells.get("1:26")).toBeUndefined();
  });
});

describe("the pane checks the target before writing, and says where", () => {
  test("an evidence list kept as an Excel Table right under the table: nothing written, the cell and table named", async () => {
    const { fake, last } = officer();
    // (Still empty: the result block goes right under the table, where the Table is. Under the
    // officer's own lines there is no block: KQ holds it.)
    fake.sheet(SHEET).tables.push({ name: "MinhChung", ref: `A${last + 2}:D${last + 8}` });
    const before = fake.dump(SHEET);
    const { read, plan } = await planned();
    expect(read.tables).toEqual([
      { name: "MinhChung", range: { top: last + 2, left: 1, bottom: last + 8, right: 4 } },
    ]);
    const syncs = fake.syncCount;
    const failed = await applyPlan(plan, read).catch((e: unknown) => e);
    expect(failed).toMatchObject({ kind: "table", place: { table: "MinhChung" } });
    expect((failed as { place: { cell: string } }).place.cell).toMatch(/^[A-D]\d+$/);
    expect(fake.syncCount).toBe(syncs); // refused before anything was queued
    expect(fake.dump(SHEET)).toEqual(before);
    expect(fake.names).toEqual([]);
    expect(fake.sheet(SHEET).tables[0]?.ref).toBe(`A${last + 2}:D${last + 8}`);
  });

  test("a table right of the table, where the result columns go: refused, the table left as it was", async () => {
    const { fake } = officer();
    fake.sheet(SHEET).tables.push({ name: "GhiChu", ref: "H3:I6" });
    const { read, plan } = await planned();
    await expect(applyPlan(plan, read)).rejects.toMatchObject({ kind: "table", place: { table: "GhiChu" } });
    expect(fake.sheet(SHEET).tables[0]?.ref).toBe("H3:I6");
  });

  test("an officer's merged area where the result columns go: refused, naming the cell and the area", async () => {
    const { fake } = officer();
    fake.supported.ExcelApi = "1.13";
    fake.sheet(SHEET).merges.push("G10:H11");
    const before = fake.dump(SHEET);
    const { read, plan } = await planned();
    await expect(applyPlan(plan, read)).rejects.toMatchObject({
      kind: "merged",
      place: { cell: "G10", range: "G10:H11" },
    });
    expect(fake.dump(SHEET)).toEqual(before);
    expect(fake.sheet(SHEET).merges).toEqual(["G10:H11"]);
  });

  test("a table made between the check and the write: the write's own check finds it, nothing written", async () => {
    const { fake, last } = officer();
    const { read, plan } = await planned();
    fake.sheet(SHEET).tables.push({ name: "Moi", ref: `A${last + 20}:B${last + 22}` });
    const before = fake.dump(SHEET);
    await expect(applyPlan(plan, read)).rejects.toMatchObject({ kind: "changed" });
    expect(fake.dump(SHEET)).toEqual(before);
  });

  test("an AutoFilter applied between the check and the write over where the results go: nothing written, the cell and filter named", async () => {
    const { fake, last } = officer();
    fake.supported.ExcelApi = "1.9";
    const { read, plan } = await planned();
    // The officer filters the table with the columns right of it (Data → Filter over A4:H…, the header row down).
    fake.sheet(SHEET).autoFilter = `A4:H${last}`;
    const before = fake.dump(SHEET);
    const syncs = fake.syncCount;
    await expect(applyPlan(plan, read)).rejects.toMatchObject({
      kind: "filtered",
      place: { cell: "G4", range: `A4:H${last}` },
    });
    // Found by the write's own check, in its one sync: nothing queued to write.
    expect(fake.syncCount - syncs).toBe(1);
    expect(fake.dump(SHEET)).toEqual(before);
    expect(fake.names).toEqual([]);
    // A filter over the officer's own columns only is the officer's: the results go beside it.
    fake.sheet(SHEET).autoFilter = `A4:F${last}`;
    const again = await planned();
    await applyPlan(again.plan, again.read);
    expect(fake.dump(SHEET).G4).toBe("Mức tính toán");
  });

  test("Ghi kết quả with a table in the way: the pane's action reports it, the sheet untouched", async () => {
    const { fake, last } = officer();
    fake.supported.ExcelApi = "1.9"; // the pages known: the block would go where the table is
    fake.sheet(SHEET).tables.push({ name: "MinhChung", ref: `A${last + 2}:D${last + 8}` });
    const before = fake.dump(SHEET);
    await expect(writeResults(opts)).rejects.toMatchObject({ kind: "table" });
    expect(fake.dump(SHEET)).toEqual(before);
  });
});

describe("an Office failure half-way leaves nothing half written", () => {
  test("a first write that fails at its names: the values it wrote are taken back, no name left", async () => {
    const { fake } = officer();
    const before = fake.dump(SHEET);
    const { read, plan } = await planned();
    fake.failNames = /KQ_Khoi/;
    await expect(applyPlan(plan, read)).rejects.toMatchObject({ kind: "restored" });
    expect(fake.dump(SHEET)).toEqual(before);
    expect(fake.names.filter((n) => n.scope === SHEET)).toEqual([]);
    expect(fake.sheet(SHEET).merges).toEqual([]);
  });

  test("a second write that fails: the first write's results, merges, names and record are back as they were", async () => {
    const { fake } = officer();
    fake.supported.ExcelApi = "1.13"; // the earlier merges are read, so they can be made again
    await writeResults(opts);
    const written = fake.dump(SHEET);
    const merges = [...fake.sheet(SHEET).merges].sort();
    const names = fake.names.map((n) => ({ ...n })).sort((a, b) => a.name.localeCompare(b.name));
    const { read, plan } = await planned();
    fake.failNames = /KQ_Khoi/;
    await expect(applyPlan(plan, read)).rejects.toMatchObject({ kind: "restored" });
    expect(fake.dump(SHEET)).toEqual(written);
    expect([...fake.sheet(SHEET).merges].sort()).toEqual(merges);
    const after = fake.names.map((n) => ({ ...n })).sort((a, b) => a.name.localeCompare(b.name));
    expect(after.map((n) => [n.name, n.ref, n.formula])).toEqual(
      names.map((n) => [n.name, n.ref, n.formula])
    );
    // The sheet restored is the sheet as written: the next check reads it so.
    expect((await checkWorkbookSheet(opts)).check).not.toBeNull();
  });

  test("after writing, the cells are read back in the same request: a write in 2 syncs as before", async () => {
    const { fake } = officer();
    const { read, plan } = await planned();
    const syncs = fake.syncCount;
    await applyPlan(plan, read);
    expect(fake.syncCount - syncs).toBe(2);
  });
});

test("workbook structure protection: a clear refusal before any sheet is added (ExcelApi 1.7), and after it without", async () => {
  const { fake } = officer();
  fake.structureProtected = true;
  fake.supported.ExcelApi = "1.7";
  await expect(addSheetFromPlan(summarySheet([]))).rejects.toMatchObject({ kind: "workbook-protected" });
  fake.supported.ExcelApi = "1.4";
  await expect(addSheetFromPlan(summarySheet([]))).rejects.toMatchObject({ kind: "workbook-protected" });
  expect(fake.sheets.map((s) => s.name)).toEqual([SHEET]);
});

test("an Excel without the pane's baseline (ExcelApi 1.4): a clear failure, nothing asked of it", async () => {
  const { fake } = officer();
  fake.supported.ExcelApi = "1.3";
  await expect(checkWorkbookSheet(opts)).rejects.toMatchObject({ kind: "too-old" });
  expect(fake.syncCount).toBe(0);
});
