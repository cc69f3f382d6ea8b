// The pane reads only down to where the table ends: the officer's real forms in the fake Excel are
// checked exactly as the core checks them from the file, and a 50,000-household list under the table
// is never read; a write still reads every used row (it places its block under the last one).
import type { SheetReport } from "../../src/core/checks/check";
import { FIRST_ROWS, readSheet } from "../../src/excel/read";
import {
  checkWorkbookSheet,
  makeUnitsSummary,
  writeResults,
  type CheckOptions,
} from "../../src/taskpane/actions";
import ExcelJS from "exceljs";
import { installRawDefinedNames } from "../helpers/exceljs/names";
import { Form, indicators } from "../fixtures/forms/form";
import { layouts } from "../fixtures/forms/layouts";
import { addSeeds, formSeeds, type FakeSeed } from "./fake-forms";
import { installFake, uninstallFake } from "./install-fake";

afterEach(uninstallFake);
const opts: CheckOptions = { frameworkId: "auto", columns: {}, lang: "vi" };

function fakeWith(seeds: FakeSeed[]) {
  const fake = installFake();
  addSeeds(fake, seeds);
  fake.supported.ExcelApi = "1.13"; // merged areas are read
  return fake;
}

/** A district's form with `n` households listed under its signature (sheet `Tự đánh giá`). */
function householdSeed(n: number): FakeSeed {
  const wb = new ExcelJS.Workbook();
  installRawDefinedNames(wb);
  const f = new Form(wb, "Tự đánh giá", {
    levels: "column",
    codes: "keyword",
    twoRowHeader: false,
    sections: true,
  });
  f.committee("HUYỆN THỦY NGUYÊN");
  f.title("BẢNG TỰ ĐÁNH GIÁ CÔNG NHẬN HUYỆN HỌC TẬP");
  f.header();
  f.body(indicators(16, () => 2));
  f.signature("report");
  f.households(n);
  return formSeeds(wb)[0]!;
}
const cellsRead = (fake: ReturnType<typeof installFake>) =>
  fake.requests.reduce((n, r) => n + r.cellsRead, 0);
const seen = (r: SheetReport) => ({
  unitName: r.unitName,
  headerRow: r.table.headerRow,
  lastRow: r.table.lastRow,
  indicators: r.indicators.map((i) => [i.number, i.row, i.level]),
  recognition: r.recognition.level,
  issues: r.issues.filter((i) => i.rule !== "criteria-sheet").map((i) => `${i.rule}@${i.cell}:${i.severity}`),
});

test.each(layouts().map((l) => [l.name, l] as const))(
  "%s: the pane reads it as the core does",
  async (_n, l) => {
    const { wb, expect: want } = l.build(l.group === "households" ? "picture" : "test");
    fakeWith(formSeeds(wb));
    const { check } = await checkWorkbookSheet({ ...opts, sheet: want.sheet });
    expect(check && seen(check.report)).toEqual({
      unitName: want.unitName,
      headerRow: want.headerRow,
      lastRow: want.lastRow,
      indicators: want.indicators,
      recognition: want.recognition,
      issues: want.issues,
    });
  }
);

test("50,000 households under the table: the check reads its first 500 rows in 2 syncs, and finds the 16 indicators", async () => {
  const { wb, expect: want } = layouts()
    .find((l) => l.name === "ho-gia-dinh-1")!
    .build("test");
  const fake = fakeWith(formSeeds(wb));
  const checked = await checkWorkbookSheet(opts);
  expect(fake.syncCount).toBe(2);
  expect(checked.read).toMatchObject({ complete: false, region: { top: 1, bottom: FIRST_ROWS, left: 1 } });
  // Values, types and formats of FIRST_ROWS rows over the table's 6 columns: not 50,035 rows.
  expect(cellsRead(fake)).toBe(FIRST_ROWS * 6 * 3);
  expect(checked.check && seen(checked.check.report)).toMatchObject({
    lastRow: want.lastRow,
    indicators: want.indicators,
    recognition: want.recognition,
    issues: [],
  });
});

test("a table with no end read (a long list of indicators) is read whole, at most one sync more than a whole read", async () => {
  const grid: string[][] = [["TT", "Nội dung", "Số liệu", "Minh chứng", "Tự đánh giá"]];
  for (let n = 1; grid.length < 30000; n++) grid.push([`CB${n}`, "nội dung", "có", "H", "Mức 2"]);
  const fake = fakeWith([{ name: "S", rows: grid, merges: [], hidden: false }]);
  const checked = await checkWorkbookSheet(opts);
  expect(checked.read.complete).toBe(true);
  expect(checked.check?.report.indicators).toHaveLength(29999);
  const syncs = fake.syncCount;
  await readSheet();
  expect(syncs - (fake.syncCount - syncs)).toBeLessThanOrEqual(1);
});

test("the officer's header row far down and last row: the read goes as far as they need, not to the list’s end", async () => {
  const seed = householdSeed(30000);
  const filler = Array.from({ length: 5000 }, (_, i) => [`Đoạn báo cáo ${i + 1}`]);
  const rows = [...filler, ...seed.rows];
  const shift = (m: string) => m.replace(/\d+/g, (r) => String(Number(r) + filler.length));
  fakeWith([{ ...seed, rows, merges: seed.merges.map(shift) }]);
  const header = filler.length + seed.rows.findIndex((r) => r[0] === "TT") + 1;
  const checked = await checkWorkbookSheet({ ...opts, headerRow: header });
  expect(checked.check?.report.table.headerRow).toBe(header);
  expect(checked.check?.report.indicators).toHaveLength(16);
  expect(checked.read.complete).toBe(false);
  // The first rows, then one request's worth (sized by its payload) past them: not the list's end.
  expect(checked.read.region!.bottom).toBeLessThan(rows.length - 1000);
  const cut = await checkWorkbookSheet({ ...opts, headerRow: header, lastRow: header + 10 });
  expect(cut.check?.report.table.lastRow).toBeLessThanOrEqual(header + 10);
  expect(cut.read.complete).toBe(false);
});

test("a write reads every used row: nothing of the household list changed, no block under it (KQ has it)", async () => {
  const fake = fakeWith([householdSeed(6000)]);
  const before = fake.dump("Tự đánh giá");
  await writeResults(opts);
  const after = fake.dump("Tự đánh giá");
  for (const [k, v] of Object.entries(before)) expect(after[k]).toBe(v);
  expect(Object.values(after)).toContain("Mức tính toán");
  // The officer's list follows the table: a block below it would print far from the table.
  expect(Object.values(after)).not.toContain("KẾT QUẢ KIỂM TRA TỰ ĐÁNH GIÁ");
});

test("a summary over three sheets with household lists reads each only to its table's end, in 3 syncs with the write", async () => {
  const seed = householdSeed(20000);
  const names = ["An Lão", "Kiến Thụy", "Tiên Lãng"];
  const fake = fakeWith(names.map((name) => ({ ...seed, name })));
  await makeUnitsSummary(opts, names, "tong-hop.xlsx");
  expect(fake.requests[1]?.cellsRead).toBe(3 * FIRST_ROWS * 6 * 3);
  // Read, then the summary written in the same batch.
  expect(fake.syncCount).toBe(3);
  // The first unit under its set's title and the two-row header.
  expect(fake.dump("Tổng hợp").D7).toBe(2);
});
