// `check --tham-dinh` on a workbook that already carries the product's results from an earlier
// `check --out`: the earlier results are taken out first, the council's columns go right beside the
// table (no empty columns where the old results were), the new results after them; valid package;
// `clean` then leaves exactly the council's columns.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkWorkbook } from "../../src/core/checks/check";
import { councilColumns } from "../../src/core/checks/council";
import { cellAt, cellText } from "../../src/core/model/snapshot";
import { readSnapshot } from "../../src/reader/read";
import { hoctap } from "../helpers/cli";
import { packageProblems } from "../helpers/validity";

const dir = mkdtempSync(join(tmpdir(), "hoctap-td-after-"));
const INPUT = join(__dirname, "..", "fixtures", "council", "Xa An Hoa - ban cuoi.xlsx");
const SHEET = "Tự đánh giá";

async function row(file: string, r: number, from: number, to: number): Promise<string[]> {
  const s = (await readSnapshot(file)).sheets.find((x) => x.name === SHEET);
  if (!s) throw new Error(SHEET);
  return Array.from({ length: to - from + 1 }, (_, i) => cellText(cellAt(s, r, from + i).value));
}

describe("--tham-dinh over an earlier run's results", () => {
  const once = join(dir, "ket-qua.xlsx");
  const council = join(dir, "tham-dinh.xlsx");

  beforeAll(async () => {
    expect((await hoctap("check", INPUT, "--out", once)).code).toBe(0);
    // The earlier results right of the table (A:G): H and I.
    expect(await row(once, 7, 8, 9)).toEqual(["Mức tính toán", "Ghi chú kiểm tra"]);
    expect((await hoctap("check", once, "--out", council, "--tham-dinh")).code).toBe(0);
  });

  test("the council's columns in H:J where the old results were, the results right after them in K:L", async () => {
    expect(packageProblems(readFileSync(council))).toEqual([]);
    expect(await row(council, 7, 8, 13)).toEqual([
      "Hội đồng thẩm định",
      "",
      "Ý kiến của Hội đồng",
      "Mức tính toán",
      "Ghi chú kiểm tra",
      "",
    ]);
    expect(await row(council, 8, 8, 9)).toEqual(["Mức độ 1 (Khá)", "Mức độ 2 (Tốt)"]);
    // Target 1.1: the commune's Đạt | Đạt copied for the council, its computed level beside.
    expect(await row(council, 11, 5, 11)).toEqual(["Đạt", "Đạt", "", "Đạt", "Đạt", "", "Mức độ 2"]);
    const wb = await readSnapshot(council);
    const c = checkWorkbook(wb, { lang: "vi" }).checked[0];
    if (!c) throw new Error("no table");
    expect(councilColumns(c.sheet, c.check)?.pairs.map((p) => [p.commune, p.council])).toEqual([
      [5, 8],
      [6, 9],
    ]);
  });

  test("clean takes the new results out and leaves the council's columns; nothing of the old results is left", async () => {
    const cleaned = join(dir, "sach.xlsx");
    expect((await hoctap("clean", council, "--out", cleaned)).code).toBe(0);
    expect(packageProblems(readFileSync(cleaned))).toEqual([]);
    expect(await row(cleaned, 7, 8, 12)).toEqual(["Hội đồng thẩm định", "", "Ý kiến của Hội đồng", "", ""]);
    expect(await row(cleaned, 11, 8, 12)).toEqual(["Đạt", "Đạt", "", "", ""]);
    const names = (await readSnapshot(cleaned)).definedNames.map((n) => n.name);
    expect(names.filter((n) => /^hoctap_/i.test(n))).toEqual([]);
  });
});
