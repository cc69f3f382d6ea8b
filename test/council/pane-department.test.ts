// The pane on a department's workbook (its own Tổng hợp, one sheet per commune, one carrying the
// council's columns): the summary shows the self-assessed and the verified level with the count of
// differences, as `hoctap summary` does; Danh sách công nhận lists each unit once at the council's
// level where it gave one, leaves off the unit with errors open (said in one line), in 5 syncs.
import { join } from "node:path";
import ExcelJS from "exceljs";
import { makeDecisionList } from "../../src/taskpane/council-actions";
import { makeUnitsSummary, type CheckOptions } from "../../src/taskpane/actions";
import { template } from "../helpers/grid";
import { installRawDefinedNames } from "../helpers/exceljs/names";
import { addSeeds, formSeeds } from "../excel/fake-forms";
import { fakeRows, installFake, uninstallFake } from "../excel/install-fake";
import type { FakeWorkbook } from "../excel/fake-excel";

const opts: CheckOptions = { frameworkId: "auto", columns: {}, lang: "vi", sheet: "Tổng hợp" };
const UNITS = ["Xã 1", "Xã 2", "Xã An Hòa", "Xã Tân Lập"];

async function seed(fake: FakeWorkbook, file: string, name: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  installRawDefinedNames(wb);
  await wb.xlsx.readFile(join(__dirname, "..", "fixtures", "council", file));
  const [first] = formSeeds(wb);
  if (!first) throw new Error(file);
  addSeeds(fake, [{ ...first, name }]);
}

async function department(): Promise<FakeWorkbook> {
  const fake = installFake();
  fake.supported = { ExcelApi: "1.13" };
  fake.addSheet("Tổng hợp", [["TỔNG HỢP KẾT QUẢ CÁC XÃ"], [], ["STT", "Xã", "Mức"]]);
  for (const n of [1, 2])
    fake.addSheet(`Xã ${n}`, fakeRows(template({ kind: "commune", unit: `UBND XÃ ${n}` }).rows));
  await seed(fake, "Xa An Hoa - tham dinh.xlsx", "Xã An Hòa");
  await seed(fake, "Xa Tan Lap.xlsx", "Xã Tân Lập");
  return fake;
}

const texts = (fake: FakeWorkbook, sheet: string) => Object.values(fake.dump(sheet)).map(String);

afterEach(uninstallFake);

test("Tổng hợp: the council's level and its differences beside the unit's own", async () => {
  const fake = await department();
  const { made } = await makeUnitsSummary(opts, UNITS, "So GD.xlsx");
  const cells = fake.dump(made);
  const values = Object.values(cells).map(String);
  expect(values).toEqual(
    expect.arrayContaining(["TỔNG HỢP KẾT QUẢ TỰ ĐÁNH GIÁ VÀ THẨM ĐỊNH", "Mức thẩm định", "Số chỗ khác"])
  );
  // An Hòa's row: its own Mức độ 1, the council's Không đạt, 2 targets judged otherwise.
  const row = Object.entries(cells)
    .find(([, v]) => v === "Xã An Hòa")?.[0]
    .replace(/^[A-Z]+/, "");
  const rowValues = Object.entries(cells)
    .filter(([k]) => k.replace(/^[A-Z]+/, "") === row)
    .map(([, v]) => v);
  expect(rowValues).toEqual(expect.arrayContaining(["Mức độ 1", "Không đạt", 2]));
  // Under the table, each difference at the council's cell in its sheet, as `hoctap summary` writes it.
  const at = values.indexOf("Chỗ Hội đồng thẩm định đánh giá khác tự đánh giá, tại ô của Hội đồng:");
  expect(at).toBeGreaterThan(0);
  expect(values.slice(at + 1, at + 3).map((v) => v.split(":")[0])).toEqual([
    "Xã An Hòa — So GD.xlsx, Xã An Hòa, ô H19, Chỉ tiêu 3.1",
    "Xã An Hòa — So GD.xlsx, Xã An Hòa, ô I27, Chỉ tiêu 5.1",
  ]);
});

test("Danh sách công nhận: each unit at the council's level where it gave one; the unit with errors left off, said why", async () => {
  const fake = await department();
  const before = fake.syncCount;
  const { made, leftOff, checked } = await makeDecisionList(opts, UNITS, "So GD.xlsx");
  // The units read and the list written in one batch (3), the pane's sheet checked again (2).
  expect(fake.syncCount - before).toBe(5);
  expect(made).toBe("Danh sách công nhận");
  expect(checked.read.sheet).toBe("Tổng hợp");
  const list = texts(fake, made);
  expect(list).toContain("DANH SÁCH");
  expect(list).toEqual(expect.arrayContaining(["Xã 1", "Xã 2"]));
  // The council found An Hòa short (Không đạt): not on the list; Tân Lập has an error open.
  expect(list).not.toContain("Xã An Hòa");
  expect(list).not.toContain("Xã Tân Lập");
  expect(list.some((v) => v.startsWith("(Kèm theo Quyết định số"))).toBe(true);
  expect(leftOff).toEqual([
    "Xã Tân Lập (So GD.xlsx, Xã Tân Lập): chưa đưa vào danh sách công nhận vì bảng còn 1 lỗi; sửa các lỗi rồi tổng hợp lại.",
  ]);
});
