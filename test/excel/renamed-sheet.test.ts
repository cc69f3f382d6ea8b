// The officer renames a checked sheet: the pane finds the `KQ` sheet it made under the former name
// (its record names the sheet it was made for by the sheet's id, which a rename keeps; a `KQ` the CLI
// made, by the hash of the former name in the sheet's own record) and replaces it rather than add a
// second one — a name cut at 31 characters included; Xoá kết quả removes it. A `KQ` an officer's
// formula or name uses is kept, and the pane says where it is used (or that Excel cannot say).
import {
  makeAssessmentSheet,
  removeResults,
  writeResults,
  type CheckOptions,
} from "../../src/taskpane/actions";
import { parseFingerprint } from "../../src/core/model/fingerprint";
import { FORMULA_CELLS } from "../../src/excel/product-sheets";
import { template } from "../helpers/grid";
import type { FakeWorkbook } from "./fake-excel";
import { fakeRows, installFake, uninstallFake } from "./install-fake";

afterEach(uninstallFake);
const opts = (sheet: string): CheckOptions => ({ frameworkId: "auto", columns: {}, lang: "vi", sheet });

function officer(name: string, version = "1.13"): FakeWorkbook {
  const fake = installFake();
  fake.supported.ExcelApi = version;
  fake.addSheet(name, fakeRows(template().rows));
  return fake;
}
const sheetNames = (fake: FakeWorkbook) => fake.sheets.map((s) => s.name);

test("made, renamed, made again: the former KQ is replaced, one KQ left, in one sync more", async () => {
  const fake = officer("Tự đánh giá");
  const first = await makeAssessmentSheet(opts("Tự đánh giá"));
  expect(first.made).toBe("KQ Tự đánh giá");
  expect(first.note).toEqual({});
  const kq = fake.names.find((n) => n.scope === "KQ Tự đánh giá" && n.name === "HocTap_VanTay")!;
  expect(
    parseFingerprint(kq.formula!.replace(/^=/, "").replace(/"&"/g, "").replace(/^"|"$/g, ""))?.source
  ).toBe(fake.sheet("Tự đánh giá").id.replace(/\W/g, ""));
  fake.renameSheet("Tự đánh giá", "Tự đánh giá 2024");
  const before = fake.syncCount;
  const again = await makeAssessmentSheet(opts("Tự đánh giá 2024"));
  // The check (2), whether an officer's formula uses the former KQ (1), the new sheet (2).
  expect(fake.syncCount - before).toBe(5);
  expect(again.made).toBe("KQ Tự đánh giá 2024");
  expect(again.note).toEqual({ was: "KQ Tự đánh giá" });
  expect(sheetNames(fake)).toEqual(["Tự đánh giá 2024", "KQ Tự đánh giá 2024"]);
  // Xoá kết quả removes it.
  const cleaned = await removeResults(opts("Tự đánh giá 2024"));
  expect(cleaned.note).toEqual({ was: "KQ Tự đánh giá 2024" });
  expect(sheetNames(fake)).toEqual(["Tự đánh giá 2024"]);
  expect(fake.names).toEqual([]);
});

test("a long name cut at 31 characters: the cut KQ is recognised after the rename", async () => {
  const long = "Tự đánh giá xã An Hoà năm 2024 bản";
  const fake = officer(long);
  const first = await makeAssessmentSheet(opts(long));
  expect(first.made).toHaveLength(31);
  fake.renameSheet(long, "Tự đánh giá An Hoà");
  const again = await makeAssessmentSheet(opts("Tự đánh giá An Hoà"));
  expect(again.note).toEqual({ was: first.made });
  expect(sheetNames(fake)).toEqual(["Tự đánh giá An Hoà", "KQ Tự đánh giá An Hoà"]);
});

test("an officer's formula uses the former KQ: it is kept, and the pane names the cell", async () => {
  const fake = officer("Tự đánh giá");
  await makeAssessmentSheet(opts("Tự đánh giá"));
  const report = fake.addSheet("Báo cáo");
  report.cells.set("5:2", { value: 2, formula: "='KQ Tự đánh giá'!C12" });
  fake.renameSheet("Tự đánh giá", "TĐG 2024");
  const again = await makeAssessmentSheet(opts("TĐG 2024"));
  expect(again.note).toEqual({
    kept: { sheet: "KQ Tự đánh giá", usedBy: { cell: "B5", on: "Báo cáo" } },
  });
  expect(sheetNames(fake)).toEqual(["TĐG 2024", "KQ Tự đánh giá", "Báo cáo", "KQ TĐG 2024"]);
  expect(report.cells.get("5:2")?.formula).toBe("='KQ Tự đánh giá'!C12");
  // Xoá kết quả removes the KQ nobody uses, keeps the one used, and says so.
  const cleaned = await removeResults(opts("TĐG 2024"));
  expect(cleaned.note).toEqual({
    was: "KQ TĐG 2024",
    kept: { sheet: "KQ Tự đánh giá", usedBy: { cell: "B5", on: "Báo cáo" } },
  });
  expect(sheetNames(fake)).toEqual(["TĐG 2024", "KQ Tự đánh giá", "Báo cáo"]);
});

test("an officer's name uses the KQ: kept, on any Excel", async () => {
  const fake = officer("Tự đánh giá");
  await makeAssessmentSheet(opts("Tự đánh giá"));
  fake.names.push({ name: "MucXa", ref: "'KQ Tự đánh giá'!$C$12" });
  fake.renameSheet("Tự đánh giá", "Xã An Hoà");
  expect((await makeAssessmentSheet(opts("Xã An Hoà"))).note).toEqual({
    kept: { sheet: "KQ Tự đánh giá", usedBy: { name: "MucXa" } },
  });
  fake.supported.ExcelApi = "1.12";
  expect((await removeResults(opts("Xã An Hoà"))).note).toEqual({
    was: "KQ Xã An Hoà",
    kept: { sheet: "KQ Tự đánh giá", usedBy: { name: "MucXa" } },
  });
  expect(sheetNames(fake)).toEqual(["Xã An Hoà", "KQ Tự đánh giá"]);
});

describe("before ExcelApi 1.13 (no getDirectDependents), the other sheets' formulas are read", () => {
  test("none uses the KQ: Xoá kết quả removes it, the sheets as before the write", async () => {
    const fake = officer("Tự đánh giá", "1.12");
    fake.addSheet("Báo cáo").cells.set("2:2", { value: 3, formula: "=SUM('Tự đánh giá'!C8:C9)" });
    const before = sheetNames(fake);
    await makeAssessmentSheet(opts("Tự đánh giá"));
    expect(sheetNames(fake)).toContain("KQ Tự đánh giá");
    expect((await removeResults(opts("Tự đánh giá"))).note).toEqual({ was: "KQ Tự đánh giá" });
    expect(sheetNames(fake)).toEqual(before);
  });

  test("Excel 2019 (1.8): Ghi kết quả puts the results on KQ (pages unknown); Xoá kết quả takes KQ away again", async () => {
    const fake = officer("Tự đánh giá", "1.8");
    fake.addSheet("Báo cáo").cells.set("2:2", { value: 3, formula: "=SUM('Tự đánh giá'!C8:C9)" });
    const before = sheetNames(fake);
    const written = await writeResults(opts("Tự đánh giá"));
    expect(written.note?.blocklessWhy).toBe("pages-unknown");
    expect(sheetNames(fake)).toContain("KQ Tự đánh giá");
    expect((await removeResults(opts("Tự đánh giá"))).note).toEqual({ was: "KQ Tự đánh giá" });
    expect(sheetNames(fake)).toEqual(before);
  });

  test("a formula on another sheet uses it: kept, and the cell named", async () => {
    const fake = officer("Tự đánh giá", "1.12");
    await makeAssessmentSheet(opts("Tự đánh giá"));
    const report = fake.addSheet("Báo cáo");
    report.cells.set("5:3", { value: 2, formula: "=INDIRECT(\"'KQ Tự đánh giá'!C\"&12)" });
    expect((await removeResults(opts("Tự đánh giá"))).note).toEqual({
      kept: { sheet: "KQ Tự đánh giá", usedBy: { cell: "C5", on: "Báo cáo" } },
    });
    expect(sheetNames(fake)).toEqual(["Tự đánh giá", "KQ Tự đánh giá", "Báo cáo"]);
  });

  test("too many cells to read in one response: kept, and the pane says this Excel cannot tell", async () => {
    const fake = officer("Tự đánh giá", "1.12");
    await makeAssessmentSheet(opts("Tự đánh giá"));
    // A household list as long as the limit, one cell wide beside one more column.
    const list = fake.addSheet("Danh sách hộ");
    list.cells.set("1:1", { value: "Hộ" });
    list.cells.set(`${FORMULA_CELLS / 2 + 1}:2`, { value: "x" });
    expect((await removeResults(opts("Tự đánh giá"))).note).toEqual({
      kept: { sheet: "KQ Tự đánh giá", usedBy: { unknown: true } },
    });
  });
});

test("an officer's copy of the KQ is never taken for the product's: neither replaced nor removed", async () => {
  const fake = officer("Tự đánh giá");
  await makeAssessmentSheet(opts("Tự đánh giá"));
  // Move or Copy: the copy carries the sheet's names, its record written under another name.
  const copy = fake.addSheet("KQ Tự đánh giá (2)");
  copy.cells = new Map(fake.sheet("KQ Tự đánh giá").cells);
  for (const n of fake.names.filter((x) => x.scope === "KQ Tự đánh giá"))
    fake.names.push({ ...n, scope: copy.name, ref: n.ref.replace("'KQ Tự đánh giá'", `'${copy.name}'`) });
  fake.renameSheet("Tự đánh giá", "Mới");
  await makeAssessmentSheet(opts("Mới"));
  await removeResults(opts("Mới"));
  expect(sheetNames(fake)).toEqual(["Mới", "KQ Tự đánh giá (2)"]);
});

test("a KQ without the sheet's id in its record (the CLI's): found by the former name the sheet's own record keeps", async () => {
  const fake = officer("Tự đánh giá");
  await writeResults(opts("Tự đánh giá"));
  await makeAssessmentSheet(opts("Tự đánh giá"));
  const kq = fake.names.find((n) => n.scope === "KQ Tự đánh giá" && n.name === "HocTap_VanTay")!;
  kq.formula = kq.formula!.replace(/;O\w+/, "");
  fake.renameSheet("Tự đánh giá", "Tự đánh giá (sửa)");
  const again = await makeAssessmentSheet(opts("Tự đánh giá (sửa)"));
  expect(again.note).toEqual({ was: "KQ Tự đánh giá" });
  expect(sheetNames(fake)).toEqual(["Tự đánh giá (sửa)", "KQ Tự đánh giá (sửa)"]);
});

test("results written, then the sheet renamed: still the product's (the record keeps the sheet's id), replaced and removed", async () => {
  const fake = officer("Tự đánh giá");
  await writeResults(opts("Tự đánh giá"));
  const written = fake.dump("Tự đánh giá");
  fake.renameSheet("Tự đánh giá", "TĐG");
  await writeResults(opts("TĐG"));
  expect(fake.dump("TĐG")).toEqual(written);
  await removeResults(opts("TĐG"));
  expect(fake.dump("TĐG").G4).toBeUndefined();
  expect(fake.names).toEqual([]);
});
