// Ghi kết quả on a signed form (the officer's lines under the table) writes no block there, so the
// pane writes `KQ <sheet>` with the results, as the CLI does, and says so; a second write replaces
// it; Xoá kết quả removes it, giving back the workbook as it was. On an unsigned form the block goes
// under the table and no `KQ` is added, but one made before is kept current.
import {
  makeAssessmentSheet,
  removeResults,
  writeResults,
  type CheckOptions,
} from "../../src/taskpane/actions";
import { template } from "../helpers/grid";
import type { FakeWorkbook } from "./fake-excel";
import { fakeRows, installFake, uninstallFake } from "./install-fake";

afterEach(uninstallFake);
const SHEET = "Tự đánh giá";
const opts: CheckOptions = { frameworkId: "auto", columns: {}, lang: "vi", sheet: SHEET };
const HEAD = "KẾT QUẢ KIỂM TRA TỰ ĐÁNH GIÁ";

function form(signed: boolean): FakeWorkbook {
  const fake = installFake();
  fake.supported.ExcelApi = "1.13";
  const ws = fake.addSheet(SHEET, fakeRows(template().rows));
  if (signed) {
    ws.cells.set("33:5", { value: "TM. ỦY BAN NHÂN DÂN" });
    ws.cells.set("34:5", { value: "CHỦ TỊCH" });
  }
  return fake;
}
const sheetNames = (fake: FakeWorkbook) => fake.sheets.map((s) => s.name);

test("a signed form: no block, KQ written with the results and named in the note; Xoá kết quả removes both", async () => {
  const fake = form(true);
  const original = fake.dump(SHEET);
  const first = await writeResults(opts);
  expect(first.note).toEqual({ summary: "KQ Tự đánh giá", blockless: true });
  expect(sheetNames(fake)).toEqual([SHEET, "KQ Tự đánh giá"]);
  const after = fake.dump(SHEET);
  expect(Object.values(after)).toContain("Mức tính toán");
  expect(Object.values(after)).not.toContain(HEAD);
  // KQ holds the headline the block would have held.
  expect(Object.values(fake.dump("KQ Tự đánh giá")).join(" ")).toMatch(/Đề nghị công nhận|Mức dự kiến/);

  // A second write replaces KQ: still one.
  const second = await writeResults(opts);
  expect(second.note?.summary).toBe("KQ Tự đánh giá");
  expect(sheetNames(fake)).toEqual([SHEET, "KQ Tự đánh giá"]);
  expect(fake.dump(SHEET)).toEqual(after);

  await removeResults(opts);
  expect(sheetNames(fake)).toEqual([SHEET]);
  expect(fake.dump(SHEET)).toEqual(original);
});

test("an unsigned form: the block under the table, no KQ added; a KQ made before is kept current", async () => {
  const fake = form(false);
  const written = await writeResults(opts);
  expect(written.note).toBeUndefined();
  expect(sheetNames(fake)).toEqual([SHEET]);
  expect(Object.values(fake.dump(SHEET))).toContain(HEAD);

  await makeAssessmentSheet(opts);
  const again = await writeResults(opts);
  expect(again.note).toEqual({ summary: "KQ Tự đánh giá" });
  expect(sheetNames(fake)).toEqual([SHEET, "KQ Tự đánh giá"]);
  await removeResults(opts);
  expect(sheetNames(fake)).toEqual([SHEET]);
});

test("a workbook whose structure is protected: the results in the table, and the note says KQ could not be added", async () => {
  const fake = form(true);
  fake.structureProtected = true;
  const written = await writeResults(opts);
  expect(written.note).toEqual({ summaryRefused: true });
  expect(sheetNames(fake)).toEqual([SHEET]);
  expect(Object.values(fake.dump(SHEET))).toContain("Mức tính toán");
});
