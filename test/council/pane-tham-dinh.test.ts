// The pane's "Thêm cột Hội đồng thẩm định" on the fake Excel: the council's columns written through
// the connector as the CLI writes them (pre-filled with the commune's answers), in a constant number
// of syncs; what the council types there is the council's (Xoá kết quả leaves it, a second click
// writes nothing); over earlier results, the council's columns go beside the table and the results after.
import { join } from "node:path";
import ExcelJS from "exceljs";
import { councilColumns, councilVerdict } from "../../src/core/checks/council";
import { addCouncilColumns } from "../../src/taskpane/council-actions";
import { removeResults, writeResults, type CheckOptions } from "../../src/taskpane/actions";
import { installRawDefinedNames } from "../helpers/exceljs/names";
import { addSeeds, formSeeds } from "../excel/fake-forms";
import { installFake, uninstallFake } from "../excel/install-fake";
import type { FakeWorkbook } from "../excel/fake-excel";

const SHEET = "Tự đánh giá";
const opts: CheckOptions = { frameworkId: "auto", columns: {}, lang: "vi", sheet: SHEET };

async function fakeOf(file: string): Promise<FakeWorkbook> {
  const wb = new ExcelJS.Workbook();
  installRawDefinedNames(wb);
  await wb.xlsx.readFile(join(__dirname, "..", "fixtures", "council", file));
  const fake = installFake();
  addSeeds(fake, formSeeds(wb));
  fake.supported = { ExcelApi: "1.13" };
  return fake;
}

const cells = (fake: FakeWorkbook, from: string, to: string, row: number) => {
  const dump = fake.dump(SHEET);
  const out: (string | number | boolean | null)[] = [];
  for (let c = from.charCodeAt(0); c <= to.charCodeAt(0); c++)
    out.push(dump[`${String.fromCharCode(c)}${row}`] ?? null);
  return out;
};

afterEach(uninstallFake);

describe("Thêm cột Hội đồng thẩm định", () => {
  test("the council's columns beside the table, pre-filled with the commune's answers, its heading merged over them", async () => {
    const fake = await fakeOf("Xa An Hoa - ban cuoi.xlsx");
    const before = fake.syncCount;
    const { checked, changed } = await addCouncilColumns(opts);
    const syncs = fake.syncCount - before;
    expect(changed).toBeUndefined();
    expect(cells(fake, "H", "J", 7)).toEqual(["Hội đồng thẩm định", null, "Ý kiến của Hội đồng"]);
    expect(cells(fake, "H", "J", 8)).toEqual(["Mức độ 1 (Khá)", "Mức độ 2 (Tốt)", null]);
    // The numbering row stays blank; each target's marks copied (1.1: Đạt, Đạt; 4.1 on row 23).
    expect(cells(fake, "H", "J", 9)).toEqual([null, null, null]);
    expect(cells(fake, "E", "I", 11)).toEqual(["Đạt", "Đạt", null, "Đạt", "Đạt"]);
    expect(cells(fake, "H", "I", 23)).toEqual(cells(fake, "E", "F", 23));
    expect(fake.sheet(SHEET).merges).toEqual(expect.arrayContaining(["H7:I7", "J7:J8"]));
    // The read (2), the write's check and write (2), the check after (2): constant, whatever the table's size.
    expect(syncs).toBe(6);
    // No name, no fingerprint: nothing marks them as the product's.
    expect(fake.names.filter((n) => /^hoctap_/i.test(n.name))).toEqual([]);
    const sheet = checked.read.snapshot.sheets.find((s) => s.name === SHEET);
    if (!sheet || !checked.check) throw new Error("no table");
    expect(councilColumns(sheet, checked.check)?.pairs.map((p) => [p.commune, p.council])).toEqual([
      [5, 8],
      [6, 9],
    ]);
    expect(councilVerdict(checked.read.snapshot, sheet, checked.check, "vi")?.differences).toEqual([]);
  });

  test("the council's entries are its own: Ghi kết quả goes after them, Xoá kết quả leaves them, a second click writes nothing", async () => {
    const fake = await fakeOf("Xa An Hoa - ban cuoi.xlsx");
    await addCouncilColumns(opts);
    // The council judges 3.1 short of Mức độ 1 and writes why.
    const row31 = Object.entries(fake.dump(SHEET)).find(([k, v]) => /^A\d+$/.test(k) && v === "3.1")?.[0];
    const r = Number(row31?.slice(1));
    fake.sheet(SHEET).cells.set(`${r}:8`, { value: "Không đạt" });
    fake.sheet(SHEET).cells.set(`${r}:9`, { value: "Không đạt" });
    fake.sheet(SHEET).cells.set(`${r}:10`, { value: "Chưa có minh chứng" });
    const council = { ...fake.dump(SHEET) };
    const written = await writeResults(opts);
    expect(cells(fake, "K", "L", 7)).toEqual(["Mức tính toán", "Ghi chú kiểm tra"]);
    const check = written.checked.check;
    const sheet = written.checked.read.snapshot.sheets.find((s) => s.name === SHEET);
    if (!check || !sheet) throw new Error("no table");
    const verdict = councilVerdict(written.checked.read.snapshot, sheet, check, "vi");
    expect(verdict?.differences.map((d) => [d.cell, d.target, d.commune, d.council, d.note])).toEqual([
      [
        `H${r}`,
        "Chỉ tiêu 3.1",
        "Mức độ 1: Đạt; Mức độ 2: Đạt",
        "Mức độ 1: Không đạt; Mức độ 2: Không đạt",
        "Chưa có minh chứng",
      ],
    ]);
    await removeResults(opts);
    expect(fake.dump(SHEET)).toEqual(council);
    const again = fake.syncCount;
    await addCouncilColumns(opts);
    expect(fake.dump(SHEET)).toEqual(council);
    // Only the read: nothing to write.
    expect(fake.syncCount - again).toBe(2);
  });

  test("over earlier results: taken out, the council's columns where they were, the results written again after them", async () => {
    const fake = await fakeOf("Xa An Hoa - ban cuoi.xlsx");
    await writeResults(opts);
    expect(cells(fake, "H", "I", 7)).toEqual(["Mức tính toán", "Ghi chú kiểm tra"]);
    const before = fake.syncCount;
    const { checked } = await addCouncilColumns(opts);
    expect(cells(fake, "H", "L", 7)).toEqual([
      "Hội đồng thẩm định",
      null,
      "Ý kiến của Hội đồng",
      "Mức tính toán",
      "Ghi chú kiểm tra",
    ]);
    expect(cells(fake, "H", "K", 11)).toEqual(["Đạt", "Đạt", null, "Mức độ 2"]);
    // Reads of 2 syncs and writes of 2: the read, the clean, the read, the council's columns, the
    // results (their own read and write), and `KQ` written again with them (the form is signed: no
    // block under its table).
    expect(fake.syncCount - before).toBe(14);
    expect(checked.check?.report.indicators.length).toBe(15);
  });
});
