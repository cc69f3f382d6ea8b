import { checkSheet } from "../../src/core/checks/check";
import { parseFingerprint } from "../../src/core/model/fingerprint";
import { ownership, storedMapping } from "../../src/core/model/owned";
import { planClean, planResults } from "../../src/core/plans/write-plan";
import {
  applyPlan,
  OfficeActionError,
  readSheet,
  saveColumnMapping,
  selectCell,
} from "../../src/excel/connector";
import { template, type In } from "../helpers/grid";
import { FakeWorkbook } from "./fake-excel";
import { fakeRows, installFake, uninstallFake } from "./install-fake";

afterEach(uninstallFake);

const SHEET = "Tự đánh giá";

function officerWorkbook(
  rows: In[][] = template({ indicator: (n) => (n === 4 ? { evidence: null } : {}) }).rows
): FakeWorkbook {
  const fake = installFake();
  fake.addSheet(SHEET, fakeRows(rows));
  return fake;
}

async function checkAndWrite(fake: FakeWorkbook): Promise<{ readSyncs: number; writeSyncs: number }> {
  const before = fake.syncCount;
  const read = await readSheet(SHEET);
  const readSyncs = fake.syncCount - before;
  const sheet = read.snapshot.sheets[0]!;
  const check = checkSheet(read.snapshot, sheet);
  if (!check) throw new Error("no table");
  const mid = fake.syncCount;
  await applyPlan(planResults(read.snapshot, sheet, check, { today: "27/11/2026" }), read);
  return { readSyncs, writeSyncs: fake.syncCount - mid };
}

test("reads a snapshot the core checks exactly as it checks the same sheet from a file", async () => {
  const fake = officerWorkbook();
  const read = await readSheet();
  expect(fake.syncCount).toBe(2);
  expect(read).toMatchObject({ sheet: SHEET, activeSheet: SHEET, sheetNames: [SHEET], protected: false });
  const check = checkSheet(read.snapshot, read.snapshot.sheets[0]!);
  expect(check?.report.issues.map((i) => `${i.rule}@${i.cell}`)).toEqual(["missing-evidence@D11"]);
  expect(check?.report.unitName).toBe("Huyện An Lão");
});

// Writing takes one sync more than the values need: the result block's rows are fitted to the
// officer's column widths and font, which only Excel knows (read in one sync whatever the size).
// Requests are sized by the bytes per cell the read learns as it goes (about 28 here, not 100).
test.each([
  [20, 2, 2],
  [2000, 2, 2],
  [20000, 2, 2],
])(
  "%d rows: read in %d syncs, write in %d (a check that nothing changed, then the values with the names)",
  async (rows, readBound, writeBound) => {
    const grid: In[][] = [["TT", "Nội dung", "Số liệu", "Minh chứng", "Tự đánh giá"]];
    for (let n = 1; grid.length < rows; n++) grid.push([`CB${n}`, "nội dung", "có", "H", "Mức 2"]);
    const fake = officerWorkbook(grid);
    const { readSyncs, writeSyncs } = await checkAndWrite(fake);
    expect(readSyncs).toBe(readBound);
    expect(writeSyncs).toBe(writeBound);
    // Every request stays within Excel on the web's 5 MB (the fake refuses larger ones anyway).
    expect(Math.max(...fake.requests.map((r) => r.bytesRead + r.bytesWritten))).toBeLessThan(4_500_000);
    expect(fake.dump(SHEET)[`F${rows}`]).toBe("Mức 2");
  }
);

test("writes the results, changes no officer cell, and a second write leaves the workbook identical", async () => {
  const fake = officerWorkbook();
  const original = fake.dump(SHEET);
  await checkAndWrite(fake);
  const once = fake.dump(SHEET);
  for (const [k, v] of Object.entries(original)) expect(once[k]).toBe(v);
  expect(once.G4).toBe("Mức tính toán");
  expect(once.H11).toBe("Thiếu minh chứng");
  expect(Object.values(once)).toContain("Mức dự kiến: Mức 2 — còn 1 lỗi phải sửa trước khi gửi");
  const names = fake.names.map((n) => `${n.name}@${n.scope}`).sort();
  expect(names).toEqual([`HocTap_KQ_Cot@${SHEET}`, `HocTap_KQ_Khoi@${SHEET}`, `HocTap_VanTay@${SHEET}`]);
  // The fingerprint is hidden, a text constant (ExcelApi 1.4 reads it back through `value`).
  expect(fake.names.find((n) => n.name === "HocTap_VanTay")).toMatchObject({
    visible: false,
    formula: expect.stringMatching(/^="HT1;/),
  });
  await checkAndWrite(fake);
  expect(fake.dump(SHEET)).toEqual(once);
  expect(fake.names.map((n) => `${n.name}@${n.scope}`).sort()).toEqual(names);
  expect(fake.sheet(SHEET).cells.get("4:7")?.bold).toBe(true);

  const read = await readSheet(SHEET);
  await applyPlan(planClean(read.snapshot, SHEET), read);
  expect(fake.dump(SHEET)).toEqual(original);
  expect(fake.names).toEqual([]);
});

test("the pane reads and writes the fingerprint: a note typed into a result cell is never erased nor written over", async () => {
  const fake = officerWorkbook();
  await checkAndWrite(fake);
  const read = await readSheet(SHEET);
  expect(read.snapshot.nameValues?.map((n) => n.name)).toEqual(["HocTap_VanTay"]);
  expect(ownership(read.snapshot, SHEET).state).toBe("intact");
  // The officer empties the notes column and types a note of their own in it, then cleans.
  for (let r = 4; r <= 30; r++) fake.sheet(SHEET).cells.delete(`${r}:8`);
  fake.sheet(SHEET).cells.set("11:8", { value: "Đã bổ sung" });
  const changed = await readSheet(SHEET);
  expect(ownership(changed.snapshot, SHEET).state).toBe("changed");
  await applyPlan(planClean(changed.snapshot, SHEET), changed);
  expect(fake.dump(SHEET).H11).toBe("Đã bổ sung");
  expect(fake.dump(SHEET).G4).toBeUndefined();
  expect(fake.names).toEqual([]);
  // A second write goes round it.
  await checkAndWrite(fake);
  expect(fake.dump(SHEET).H11).toBe("Đã bổ sung");
  expect(fake.dump(SHEET).I4).toBe("Mức tính toán");
});

test("the widths the pane finds before widening are recorded, and clean gives them back", async () => {
  const fake = officerWorkbook();
  await checkAndWrite(fake);
  const read = await readSheet(SHEET);
  const fp = parseFingerprint(read.snapshot.nameValues![0]!.value)!;
  expect(fp.widths.map((w) => w.col)).toEqual([7, 8]);
  expect(fp.widths[0]!.before).toBeCloseTo(8.43, 1);
  expect(planClean(read.snapshot, SHEET).format?.widths).toEqual([
    { col: 7, width: fp.widths[0]!.before },
    { col: 8, width: fp.widths[1]!.before },
  ]);
});

test("a protected sheet is caught by the read, and nothing is queued or written", async () => {
  const fake = officerWorkbook();
  fake.sheet(SHEET).protected = true;
  const read = await readSheet(SHEET);
  expect(read.protected).toBe(true);
  const syncs = fake.syncCount;
  const check = checkSheet(read.snapshot, read.snapshot.sheets[0]!)!;
  await expect(
    applyPlan(planResults(read.snapshot, read.snapshot.sheets[0]!, check, { today: "x" }), read)
  ).rejects.toMatchObject({
    kind: "protected",
  });
  expect(fake.syncCount).toBe(syncs);
  expect(fake.names).toEqual([]);
  await expect(saveColumnMapping(read, { headerRow: 4, columns: { level: 5 } })).rejects.toBeInstanceOf(
    OfficeActionError
  );
});

test("cell-edit mode: Excel waits where it can (ExcelApi 1.11), otherwise a clear failure with nothing written", async () => {
  const fake = officerWorkbook();
  const original = fake.dump(SHEET);
  fake.cellEditMode = true;
  await expect(readSheet(SHEET)).rejects.toMatchObject({ kind: "cell-edit" });
  expect(fake.dump(SHEET)).toEqual(original);
  fake.supported.ExcelApi = "1.11";
  await checkAndWrite(fake);
  expect(fake.dump(SHEET).G4).toBe("Mức tính toán");
});

test("merged areas are read where ExcelApi 1.13 is supported, and never asked for elsewhere", async () => {
  const fake = officerWorkbook();
  fake.sheet(SHEET).merges.push("A1:F1", "B5:F5");
  expect((await readSheet(SHEET)).snapshot.sheets[0]!.merges).toEqual([]);
  fake.supported.ExcelApi = "1.13";
  expect((await readSheet(SHEET)).snapshot.sheets[0]!.merges).toEqual([
    { top: 1, left: 1, bottom: 1, right: 6 },
    { top: 5, left: 2, bottom: 5, right: 6 },
  ]);
});

test("the criteria sheet is read with the table, in the same syncs, through its used range only", async () => {
  const fake = officerWorkbook();
  fake.addSheet("Bo tieu chi", [
    ["Mã", "Loại", "Mức 1", "Mức 2", "Mức 3"],
    [4, "Tỷ lệ", "≥ 10", "≥ 20", "≥ 30"],
  ]);
  const read = await readSheet(SHEET);
  expect(fake.syncCount).toBe(2);
  // 29 rows × 6 columns of the table, 2 × 5 of the criteria sheet: values, types and formats.
  expect(fake.requests[1]?.cellsRead).toBe((29 * 6 + 2 * 5) * 3);
  expect(read.snapshot.sheets.map((s) => s.name)).toEqual([SHEET, "Bo tieu chi"]);
  const check = checkSheet(read.snapshot, read.snapshot.sheets[0]!);
  expect(check?.report.issues.map((i) => i.rule)).toContain("invalid-value");
});

test("an empty sheet reads as no table; a missing sheet is a clear failure", async () => {
  const fake = installFake();
  fake.addSheet("Trống");
  const read = await readSheet();
  expect(read.snapshot.sheets[0]?.rows.size).toBe(0);
  expect(checkSheet(read.snapshot, read.snapshot.sheets[0]!)).toBeNull();
  await expect(readSheet("Không có")).rejects.toMatchObject({ kind: "missing-sheet" });
});

test("selects a cell and remembers a column mapping the core reads back", async () => {
  const fake = officerWorkbook();
  await selectCell(SHEET, "E22");
  expect(fake.selection).toEqual({ sheet: SHEET, address: "E22" });
  const read = await readSheet(SHEET);
  const columns = { level: 5, data: 3, evidence: 4, content: 2, code: 1 };
  await saveColumnMapping(read, { headerRow: 4, columns });
  const again = await readSheet(SHEET);
  expect(storedMapping(again.snapshot, SHEET)).toEqual({ columns, headerRow: 4 });
  await saveColumnMapping(again, { headerRow: 4, columns: { level: 5 } });
  expect(fake.names.map((n) => n.name)).toEqual(["HocTap_Cot_MucDat", "HocTap_Dong_TieuDe"]);
});

test("other Office errors keep their words", async () => {
  const g = globalThis as Record<string, unknown>;
  installFake();
  g.Excel = {
    run: () => Promise.reject(Object.assign(new Error("GeneralException"), { code: "GeneralException" })),
  };
  await expect(readSheet()).rejects.toMatchObject({ kind: "other", detail: "GeneralException" });
});

test("a value far right (column XFD) makes no row longer: only the table's columns are read", async () => {
  const fake = officerWorkbook();
  const sheet = fake.sheet(SHEET);
  sheet.cells.set("2:16384", { value: "ghi chú lạc" });
  sheet.cells.set("300:16384", { value: "x" });
  const read = await readSheet(SHEET);
  // The table's six columns and eight more where the results may go; not 16,384.
  expect(read.region).toEqual({ top: 1, left: 1, bottom: 300, right: 14 });
  expect(Math.max(...fake.requests.map((r) => r.cellsRead))).toBe(300 * 14 * 3);
  const check = checkSheet(read.snapshot, read.snapshot.sheets[0]!);
  expect(check?.report.issues.map((i) => `${i.rule}@${i.cell}`)).toEqual(["missing-evidence@D11"]);
  // The results still land right of the table, and the cells read are what a write checks.
  await applyPlan(planResults(read.snapshot, read.snapshot.sheets[0]!, check!, { today: "x" }), read);
  expect(fake.dump(SHEET).G4).toBe("Mức tính toán");
});

test("the product's own columns are read even when the header zone does not reach them", async () => {
  const fake = officerWorkbook();
  fake.sheet(SHEET).cells.set("4:30", { value: "Mức tính toán" });
  fake.names.push({ name: "HocTap_KQ_Cot", scope: SHEET, ref: `'${SHEET}'!AD4:AE31` });
  const read = await readSheet(SHEET);
  expect(read.region).toEqual({ top: 1, left: 1, bottom: 29, right: 30 });
});

describe("the write checks first that the sheet still holds what was read", () => {
  async function readThenPlan(fake: FakeWorkbook) {
    const read = await readSheet(SHEET);
    const sheet = read.snapshot.sheets[0]!;
    const plan = planResults(read.snapshot, sheet, checkSheet(read.snapshot, sheet)!, { today: "x" });
    return { read, plan, before: fake.dump(SHEET), names: fake.names.length };
  }

  test.each([
    [
      "a level the officer changed",
      (f: FakeWorkbook) => f.sheet(SHEET).cells.set("11:5", { value: "Mức 3" }),
    ],
    [
      "a note typed where the results go",
      (f: FakeWorkbook) => f.sheet(SHEET).cells.set("11:7", { value: "ghi chú" }),
    ],
    [
      "a row added under the table",
      (f: FakeWorkbook) => f.sheet(SHEET).cells.set("40:1", { value: "Chỉ báo 17" }),
    ],
  ])("%s: nothing is written, and the failure says the sheet changed", async (_, change) => {
    const fake = officerWorkbook();
    const { read, plan } = await readThenPlan(fake);
    change(fake);
    const changed = fake.dump(SHEET);
    const syncs = fake.syncCount;
    await expect(applyPlan(plan, read)).rejects.toMatchObject({ kind: "changed" });
    expect(fake.dump(SHEET)).toEqual(changed);
    expect(fake.names).toEqual([]);
    expect(fake.syncCount - syncs).toBe(1);
  });

  test("the officer protecting the sheet meanwhile is caught the same way", async () => {
    const fake = officerWorkbook();
    const { read, plan, before } = await readThenPlan(fake);
    fake.sheet(SHEET).protected = true;
    await expect(applyPlan(plan, read)).rejects.toMatchObject({ kind: "protected" });
    expect(fake.dump(SHEET)).toEqual(before);
  });

  test("clearing earlier results checks them too: a note typed over a result is never erased", async () => {
    const fake = officerWorkbook();
    await checkAndWrite(fake);
    const read = await readSheet(SHEET);
    fake.sheet(SHEET).cells.set("11:8", { value: "cán bộ ghi" });
    await expect(applyPlan(planClean(read.snapshot, SHEET), read)).rejects.toMatchObject({ kind: "changed" });
    expect(fake.dump(SHEET).H11).toBe("cán bộ ghi");
  });
});
