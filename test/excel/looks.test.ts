// Xoá kết quả gives back how the officer's cells looked before the first write (borders, fills, fonts,
// alignment, number formats), as the CLI gives back the cell elements it replaced: the fingerprint
// records them (Range.getCellProperties, ExcelApi 1.9), a second run keeps the first record, and
// write → clean is the exact inverse on the fake, values and looks alike, in the same round trips.
import { checkSheet } from "../../src/core/checks/check";
import { parseFingerprint } from "../../src/core/model/fingerprint";
import { ownership } from "../../src/core/model/owned";
import { planClean, planResults } from "../../src/core/plans/write-plan";
import { applyPlan, readSheet } from "../../src/excel/connector";
import { LOOK_CELLS, parseLooks } from "../../src/excel/looks";
import { template } from "../helpers/grid";
import type { FakeWorkbook } from "./fake-excel";
import { fakeRows, installFake, uninstallFake } from "./install-fake";
import { longTable } from "./round-trips";

afterEach(uninstallFake);
const SHEET = "Tự đánh giá";
const EDGES = { top: "Continuous", bottom: "Continuous", left: "Continuous", right: "Continuous" };

/**
 * An officer's form whose grid runs on past the table: columns G and H bordered and filled down the
 * table (where the results go), a percentage format in G, a bold italic font under the table (where
 * the block goes).
 */
function prepared(version: string): FakeWorkbook {
  const fake = installFake();
  fake.supported.ExcelApi = version;
  const ws = fake.addSheet(
    SHEET,
    fakeRows(template({ indicator: (n) => (n === 4 ? { evidence: null } : {}) }).rows)
  );
  for (let r = 4; r <= 29; r++) {
    ws.cells.set(`${r}:7`, { value: "", borders: EDGES, fill: "#FFF2CC", format: "0.0%" });
    ws.cells.set(`${r}:8`, { value: "", borders: { ...EDGES, right: "Double" }, horizontal: "Right" });
  }
  for (let c = 1; c <= 6; c++)
    ws.cells.set(`32:${c}`, {
      value: "",
      bold: true,
      font: { name: "Times New Roman", size: 14, italic: true },
    });
  return fake;
}

const sheetState = (fake: FakeWorkbook) => {
  const ws = fake.sheet(SHEET);
  // A cell holding nothing and no look is no cell at all.
  const cells = [...ws.cells.entries()]
    .map(([k, c]) => [k, Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined))] as const)
    .filter(([, c]) => Object.keys(c).some((k) => k !== "value") || c.value !== "")
    .sort(([a], [b]) => a.localeCompare(b));
  return { cells, merges: [...ws.merges].sort(), heights: [...ws.rowHeights].sort() };
};

async function write(fake: FakeWorkbook): Promise<number> {
  const read = await readSheet(SHEET);
  const sheet = read.snapshot.sheets[0]!;
  const before = fake.syncCount;
  await applyPlan(planResults(read.snapshot, sheet, checkSheet(read.snapshot, sheet)!, { today: "x" }), read);
  return fake.syncCount - before;
}

async function clean(fake: FakeWorkbook): Promise<number> {
  const read = await readSheet(SHEET);
  const before = fake.syncCount;
  await applyPlan(planClean(read.snapshot, SHEET), read);
  return fake.syncCount - before;
}

async function record(): Promise<ReturnType<typeof parseLooks>> {
  const read = await readSheet(SHEET);
  return parseLooks(parseFingerprint(read.snapshot.nameValues![0]!.value)?.looks);
}

test("ExcelApi 1.9: write → clean gives the sheet back exactly, looks and number formats included, in 2 syncs each", async () => {
  const fake = prepared("1.9");
  const original = sheetState(fake);
  expect(await write(fake)).toBe(2);
  const ws = fake.sheet(SHEET);
  // The results are written over the officer's looks (the product's own look on top)…
  expect(ws.cells.get("4:7")).toMatchObject({ value: "Mức tính toán", bold: true });
  expect(ws.cells.get("32:1")?.font?.italic).toBeUndefined();
  // …and the fingerprint remembers those: a few looks, the cells as runs.
  const rec = await record();
  expect(rec?.looks.length).toBeGreaterThanOrEqual(3);
  expect(rec?.looks.length).toBeLessThanOrEqual(6);
  expect(rec?.rects.map((r) => r.range)).toEqual([
    { top: 4, left: 7, bottom: 29, right: 8 },
    { top: 31, left: 1, bottom: 35, right: 6 },
  ]);
  expect(fake.names.find((n) => n.name === "HocTap_VanTay")!.formula!.length).toBeLessThan(8192);

  expect(await clean(fake)).toBe(2);
  expect(sheetState(fake)).toEqual(original);
  expect(fake.names).toEqual([]);
});

test("a second run replaces: the same sheet as one run, and clean still gives back the officer's looks", async () => {
  const fake = prepared("1.9");
  const original = sheetState(fake);
  await write(fake);
  const once = sheetState(fake);
  const first = await record();
  expect(await write(fake)).toBe(2);
  expect(sheetState(fake)).toEqual(once);
  // The record is still the officer's looks, not the product's of the first run.
  expect(await record()).toEqual(first);
  await clean(fake);
  expect(sheetState(fake)).toEqual(original);
});

test("a signature added under the table between runs: the block's cells get the officer's looks back", async () => {
  const fake = prepared("1.9");
  const ws = fake.sheet(SHEET);
  ws.cells.set("40:5", { value: "NGƯỜI LẬP BIỂU" });
  const signed = sheetState(fake);
  ws.cells.delete("40:5");
  await write(fake);
  expect(ws.cells.get("31:1")?.value).toBe("KẾT QUẢ KIỂM TRA TỰ ĐÁNH GIÁ");
  // The officer signs under the table: the next run puts no block there (KQ holds it).
  ws.cells.set("40:5", { value: "NGƯỜI LẬP BIỂU" });
  await write(fake);
  expect(ws.cells.get("31:1")?.value ?? "").toBe("");
  expect(ws.cells.get("32:1")).toMatchObject({
    bold: true,
    font: { name: "Times New Roman", size: 14, italic: true },
  });
  expect(ws.merges).toEqual([]);
  await clean(fake);
  expect(sheetState(fake)).toEqual(signed);
});

test("ExcelApi 1.4: no cell properties asked for; cells without a look of their own are given back exactly", async () => {
  const fake = installFake();
  fake.supported.ExcelApi = "1.4";
  fake.addSheet(SHEET, fakeRows(template().rows));
  const original = sheetState(fake);
  expect(await write(fake)).toBe(2);
  const rec = await record();
  // Known empty of looks (the used range counting formats found none there): cleared cells.
  expect(rec?.looks).toEqual([]);
  expect(await clean(fake)).toBe(2);
  expect(sheetState(fake)).toEqual(original);
});

test("ExcelApi 1.4 over the officer's looks: told before anything is written; written anyway, clean clears those looks", async () => {
  const fake = prepared("1.4");
  const original = sheetState(fake);
  const values = fake.dump(SHEET);
  const read = await readSheet(SHEET);
  const sheet = read.snapshot.sheets[0]!;
  const plan = planResults(read.snapshot, sheet, checkSheet(read.snapshot, sheet)!, { today: "x" });
  // Where the cells have looks of their own: each of the plan's rectangles' box of them.
  await expect(applyPlan(plan, read)).rejects.toMatchObject({
    kind: "looks-unrecorded",
    detail: "old",
    place: { range: "G4:H29, A32:F32" },
  });
  expect(sheetState(fake)).toEqual(original);
  expect(fake.names).toEqual([]);
  // The officer, told, writes anyway: no record of what cannot be read, and clean clears those looks.
  const before = fake.syncCount;
  await applyPlan(plan, read, { looksLost: true });
  expect(fake.syncCount - before).toBe(2);
  const written = await readSheet(SHEET);
  expect(parseFingerprint(written.snapshot.nameValues![0]!.value)?.looks).toBeUndefined();
  expect(await clean(fake)).toBe(2);
  expect(fake.dump(SHEET)).toEqual(values);
  expect(fake.names).toEqual([]);
  expect(fake.sheet(SHEET).cells.get("5:7")).toEqual({ value: "" });
});

test("more cells than are read one by one: only whether they have a look is asked, in the same syncs", async () => {
  const fake = installFake();
  fake.supported.ExcelApi = "1.9";
  const rows = Math.ceil(LOOK_CELLS / 2) + 10;
  fake.addSheet(SHEET, longTable(rows));
  const original = sheetState(fake);
  expect(await write(fake)).toBe(2);
  expect(fake.sheet(SHEET).cells.get("1:6")?.value).toBe("Mức tính toán");
  const rec = await record();
  expect(rec?.looks).toEqual([]);
  expect(rec?.rects[0]?.cells.length).toBe(rows * 2);
  expect(await clean(fake)).toBe(2);
  expect(sheetState(fake)).toEqual(original);
});

test("a write Excel stops half-way: the officer's looks, widths and heights are back with the values", async () => {
  const fake = prepared("1.9");
  const ws = fake.sheet(SHEET);
  ws.columnWidths.set(7, 30);
  const original = sheetState(fake);
  const read = await readSheet(SHEET);
  const sheet = read.snapshot.sheets[0]!;
  const plan = planResults(read.snapshot, sheet, checkSheet(read.snapshot, sheet)!, { today: "x" });
  fake.failNames = /KQ_Khoi/;
  await expect(applyPlan(plan, read)).rejects.toMatchObject({ kind: "restored" });
  expect(sheetState(fake)).toEqual(original);
  expect(ws.columnWidths.get(7)).toBeCloseTo(30, 0);
  expect(fake.names).toEqual([]);
});

test("rows inserted above the table between runs: the record of the officer's looks moves with the results", async () => {
  const fake = prepared("1.9");
  const original = sheetState(fake);
  await write(fake);
  const first = await record();
  // The officer inserts three rows above the form (Excel moves the cells and the names with them).
  fake.insertRows(SHEET, 1, 3);
  const moved = sheetState(fake);
  const rec = await record();
  expect(rec?.rects.map((r) => r.range)).toEqual(first?.rects.map((r) => r.range));
  // Read through the ownership the next run and clean go by: the record where the cells now are.
  const read = await readSheet(SHEET);
  const own = ownership(read.snapshot, SHEET);
  expect(own.state).toBe("moved");
  const now = parseLooks(own.record?.looks);
  expect(now?.looks).toEqual(first?.looks);
  expect(now?.rects.map((r) => r.range)).toEqual([
    { top: 7, left: 7, bottom: 32, right: 8 },
    { top: 34, left: 1, bottom: 38, right: 6 },
  ]);
  expect(now?.rects.map((r) => r.cells)).toEqual(first?.rects.map((r) => r.cells));
  // A second run replaces the results where they now are and keeps the officer's looks recorded…
  await write(fake);
  expect(sheetState(fake)).toEqual(moved);
  expect((await record())?.looks).toEqual(first?.looks);
  // …and clean gives the officer's looks back, three rows down.
  await clean(fake);
  const down = original.cells.map(([k, c]) => [k.replace(/^\d+/, (r) => String(Number(r) + 3)), c] as const);
  expect(sheetState(fake)).toEqual({ ...original, cells: down.sort(([a], [b]) => a.localeCompare(b)) });
});

/** A long table (more cells to write than are read one by one) with the officer's looks at `cells`. */
function longWithLooks(cells: [number, number][]): FakeWorkbook {
  const fake = installFake();
  fake.supported.ExcelApi = "1.9";
  const ws = fake.addSheet(SHEET, longTable(Math.ceil(LOOK_CELLS / 2) + 10));
  for (const [r, c] of cells) ws.cells.set(`${r}:${c}`, { value: "", borders: EDGES, fill: "#DDEBF7" });
  return fake;
}

test("many cells, the officer's looks on few of them: those read one by one in one more sync, given back by clean", async () => {
  // A grid drawn on the first rows of the result columns (F and G).
  const fake = longWithLooks(
    Array.from({ length: 40 }, (_, i) => [2 + (i >> 1), 6 + (i & 1)] as [number, number])
  );
  const original = sheetState(fake);
  expect(await write(fake)).toBe(3);
  const rec = await record();
  expect(rec?.looks).toHaveLength(1);
  expect(await clean(fake)).toBe(2);
  expect(sheetState(fake)).toEqual(original);
});

test("many cells, the officer's looks over more than are read one by one: told, nothing written", async () => {
  const rows = Math.ceil(LOOK_CELLS / 2) + 10;
  const fake = longWithLooks(Array.from({ length: rows - 1 }, (_, i) => [2 + i, 6] as [number, number]));
  const original = sheetState(fake);
  fake.sheet(SHEET).cells.set(`${rows}:7`, { value: "", fill: "#DDEBF7" });
  const read = await readSheet(SHEET);
  const sheet = read.snapshot.sheets[0]!;
  const plan = planResults(read.snapshot, sheet, checkSheet(read.snapshot, sheet)!, { today: "x" });
  const before = fake.syncCount;
  await expect(applyPlan(plan, read)).rejects.toMatchObject({
    kind: "looks-unrecorded",
    detail: "many",
    place: { range: `F2:G${rows}` },
  });
  // The check that nothing changed and where the looks are: one sync, nothing queued to write.
  expect(fake.syncCount - before).toBe(1);
  fake.sheet(SHEET).cells.delete(`${rows}:7`);
  expect(sheetState(fake)).toEqual(original);
  expect(fake.names).toEqual([]);
});

test("looks too varied for the record's 8,192 characters: told, nothing written", async () => {
  const fake = prepared("1.9");
  // Each cell of the result columns its own fill: hundreds of looks.
  const ws = fake.sheet(SHEET);
  for (let r = 4; r <= 29; r++)
    for (const c of [7, 8])
      ws.cells.set(`${r}:${c}`, { value: "", fill: `#${(r * 16 + c).toString(16).padStart(6, "0")}` });
  const original = sheetState(fake);
  const read = await readSheet(SHEET);
  const sheet = read.snapshot.sheets[0]!;
  const plan = planResults(read.snapshot, sheet, checkSheet(read.snapshot, sheet)!, { today: "x" });
  await expect(applyPlan(plan, read)).rejects.toMatchObject({
    kind: "looks-unrecorded",
    detail: "many",
    place: { range: "G4:H29, A31:F35" },
  });
  expect(sheetState(fake)).toEqual(original);
  expect(fake.names).toEqual([]);
});

// Excel before 1.9 has no cell properties: a record made on a newer Excel is given back through the
// range format (fill, font, borders, alignment, protection), in the same syncs; what that cannot set
// stops the clean before anything changes, naming the cells.
describe("ExcelApi 1.8 with a record made on 1.9", () => {
  test("clean gives fills, fonts, borders and number formats back, in 2 syncs", async () => {
    const fake = prepared("1.9");
    const ws = fake.sheet(SHEET);
    ws.cells.set("6:7", {
      ...ws.cells.get("6:7")!,
      font: { color: "#C00000", underline: "Single" },
      locked: false,
    });
    ws.cells.set("7:8", {
      ...ws.cells.get("7:8")!,
      borders: { ...EDGES, bottom: "Double" },
      borderLines: { bottom: { color: "#1F4E78", weight: "Thick" } },
    });
    const original = sheetState(fake);
    await write(fake);
    fake.supported.ExcelApi = "1.8";
    expect(await clean(fake)).toBe(2);
    expect(sheetState(fake)).toEqual(original);
    expect(fake.names).toEqual([]);
  });

  test("cells a second run no longer covers (a signature added under the table) get their looks back", async () => {
    const fake = prepared("1.9");
    const ws = fake.sheet(SHEET);
    ws.cells.set("40:5", { value: "NGƯỜI LẬP BIỂU" });
    const signed = sheetState(fake);
    ws.cells.delete("40:5");
    await write(fake);
    fake.supported.ExcelApi = "1.8";
    ws.cells.set("40:5", { value: "NGƯỜI LẬP BIỂU" });
    expect(await write(fake)).toBe(2);
    expect(ws.cells.get("31:1")?.value ?? "").toBe("");
    expect(ws.cells.get("32:1")).toEqual({
      value: "",
      bold: true,
      font: { name: "Times New Roman", size: 14, italic: true },
    });
    await clean(fake);
    expect(sheetState(fake)).toEqual(signed);
  });

  test("a second run over fewer rows: the row the results left gets the officer's looks back", async () => {
    const fake = prepared("1.9");
    const ws = fake.sheet(SHEET);
    await write(fake);
    // The officer empties the table's last row: the next run's columns end a row higher.
    const last = [...ws.cells.keys()].filter((k) => k.startsWith("29:") && Number(k.slice(3)) <= 6);
    for (const k of last) ws.cells.set(k, { ...ws.cells.get(k)!, value: "" });
    fake.supported.ExcelApi = "1.8";
    expect(await write(fake)).toBe(2);
    expect(ws.cells.get("28:7")?.value).not.toBe("");
    expect(ws.cells.get("29:7")).toEqual({ value: "", borders: EDGES, fill: "#FFF2CC", format: "0.0%" });
    expect(ws.cells.get("29:8")).toEqual({
      value: "",
      borders: { ...EDGES, right: "Double" },
      horizontal: "Right",
    });
  });

  test("what the range format cannot set (a patterned fill, struck-through text): told which cells, nothing changed", async () => {
    const fake = prepared("1.9");
    const ws = fake.sheet(SHEET);
    ws.cells.set("10:7", { ...ws.cells.get("10:7")!, fillPattern: "Gray25" });
    ws.cells.set("12:8", { ...ws.cells.get("12:8")!, font: { strikethrough: true } });
    const original = sheetState(fake);
    await write(fake);
    const written = sheetState(fake);
    const names = structuredClone(fake.names);
    fake.supported.ExcelApi = "1.8";
    const read = await readSheet(SHEET);
    const before = fake.syncCount;
    await expect(applyPlan(planClean(read.snapshot, SHEET), read)).rejects.toMatchObject({
      kind: "looks-unrestorable",
      detail: "old",
      place: { range: "G10, H12" },
    });
    expect(fake.syncCount).toBe(before);
    expect(sheetState(fake)).toEqual(written);
    expect(fake.names).toEqual(names);
    // Told, the officer removes anyway: every other look comes back, those two lose what 1.8 cannot set.
    await applyPlan(planClean(read.snapshot, SHEET), read, { looksLost: true });
    const { cells } = sheetState(fake);
    const lossless = (cs: typeof cells) => cs.filter(([k]) => k !== "10:7" && k !== "12:8");
    expect(lossless(cells)).toEqual(lossless(original.cells));
    expect(ws.cells.get("10:7")).toEqual({ value: "", borders: EDGES, format: "0.0%" });
    expect(ws.cells.get("12:8")?.font).toBeUndefined();
  });

  test("too many ranges to set in one request: told, nothing changed; on 1.9 the same record comes back whole", async () => {
    const fake = installFake();
    fake.supported.ExcelApi = "1.9";
    // Ruled lines under every row of the result columns: each row a range of its own without cell properties.
    const rows = 1900;
    const ws = fake.addSheet(SHEET, longTable(rows));
    for (let r = 2; r <= rows + 1; r++)
      for (const c of [6, 7]) ws.cells.set(`${r}:${c}`, { value: "", borders: { bottom: "Continuous" } });
    const original = sheetState(fake);
    await write(fake);
    const written = sheetState(fake);
    fake.supported.ExcelApi = "1.8";
    const read = await readSheet(SHEET);
    await expect(applyPlan(planClean(read.snapshot, SHEET), read)).rejects.toMatchObject({
      kind: "looks-unrestorable",
      detail: "many",
    });
    expect(sheetState(fake)).toEqual(written);
    fake.supported.ExcelApi = "1.9";
    expect(await clean(fake)).toBe(2);
    expect(sheetState(fake)).toEqual(original);
  });
});
