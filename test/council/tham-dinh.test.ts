// `check --out --tham-dinh`: the council's columns added beside a commune's per-level form,
// pre-filled with its answers; what the council types there is its own (a second run keeps it,
// `clean` leaves it); both results, every difference at its cell, contradictory council marks an
// error at the council's cell; every package written valid.
import { copyFileSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { checkWorkbook } from "../../src/core/checks/check";
import { councilColumns } from "../../src/core/checks/council";
import { cellAt, cellText } from "../../src/core/model/snapshot";
import { readSnapshot } from "../../src/reader/read";
import { perLevelLayouts } from "../fixtures/forms/per-level";
import { hoctap } from "../helpers/cli";
import { packageProblems } from "../helpers/validity";

const dir = mkdtempSync(join(tmpdir(), "hoctap-td-"));

async function form(name: string): Promise<string> {
  const layout = perLevelLayouts().find((l) => l.name === name);
  if (!layout) throw new Error(name);
  const file = join(dir, `${name}.xlsx`);
  await layout.build("test").wb.xlsx.writeFile(file);
  return file;
}

async function texts(file: string, sheet: string, row: number, from: number, to: number) {
  const s = (await readSnapshot(file)).sheets.find((x) => x.name === sheet);
  if (!s) throw new Error(sheet);
  return Array.from({ length: to - from + 1 }, (_, i) => cellText(cellAt(s, row, from + i).value));
}

/** The council's edits, as a council member types them in Excel (ExcelJS stands in for it). */
async function edit(file: string, out: string, sheet: string, cells: Record<string, string | null>) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(sheet);
  for (const [a1, v] of Object.entries(cells)) ws.getCell(a1).value = v;
  await wb.xlsx.writeFile(out);
}

describe("the council's columns on a per-level Đạt | Không đạt form (two header rows)", () => {
  const SHEET = "Bản tổng hợp";
  let input: string;
  const first = join(dir, "hai-dong-tham-dinh.xlsx");

  beforeAll(async () => {
    input = await form("xa-tung-muc-hai-dong");
  });

  test("a pair per level headed by the council, a note column, pre-filled with the commune's marks; the results beyond", async () => {
    const run = await hoctap("check", input, "--out", first, "--tham-dinh");
    expect(run.code).toBe(0);
    expect(packageProblems(readFileSync(first))).toEqual([]);
    // Table A:H; the council's I:L and its note M; the product's results from N.
    expect(await texts(first, SHEET, 7, 9, 15)).toEqual([
      "Hội đồng thẩm định – Mức độ 1",
      "",
      "Hội đồng thẩm định – Mức độ 2",
      "",
      "Ý kiến của Hội đồng",
      "Mức tính toán",
      "Ghi chú kiểm tra",
    ]);
    expect(await texts(first, SHEET, 8, 9, 12)).toEqual(["Đạt", "Không đạt", "Đạt", "Không đạt"]);
    // The commune's own marks copied (row 11: target 1.1, x at both levels); the numbering row left blank.
    expect(await texts(first, SHEET, 11, 3, 6)).toEqual(await texts(first, SHEET, 11, 9, 12));
    expect(await texts(first, SHEET, 9, 9, 13)).toEqual(["", "", "", "", ""]);
    expect(run.stdout).toContain("Hội đồng thẩm định (cột I, J, K, L): Mức độ 1");
    expect(run.stdout).toContain("Hội đồng đồng ý với tự đánh giá ở mọi chỉ tiêu.");
    // Read back, the table is still the commune's (its levels from C:F), the council's pairs matched by level.
    const wb = await readSnapshot(first);
    const c = checkWorkbook(wb, { lang: "vi" }).checked[0];
    if (!c) throw new Error("no table");
    expect(c.check.layout.levelColumns?.map((l) => l.col)).toEqual([3, 4, 5, 6]);
    expect(councilColumns(c.sheet, c.check)).toEqual({
      pairs: [
        { commune: 3, council: 9, level: 1 },
        { commune: 4, council: 10, level: 1, notAchieved: true },
        { commune: 5, council: 11, level: 2 },
        { commune: 6, council: 12, level: 2, notAchieved: true },
      ],
      note: 13,
    });
  });

  test("the council's changes are kept by a second run; both results, each difference at its cell; both marks an error at the council's cell", async () => {
    const edited = join(dir, "hai-dong-hoi-dong.xlsx");
    await edit(first, edited, SHEET, {
      I11: null,
      J11: "x",
      K11: null,
      L11: "x",
      M11: "Chưa có kế hoạch tuyên truyền năm 2025",
      J12: "x",
    });
    const second = join(dir, "hai-dong-lan-hai.xlsx");
    const run = await hoctap("check", edited, "--out", second, "--tham-dinh");
    expect(packageProblems(readFileSync(second))).toEqual([]);
    // The council's entries as it left them; no second set of columns.
    expect(await texts(second, SHEET, 11, 9, 13)).toEqual([
      "",
      "x",
      "",
      "x",
      "Chưa có kế hoạch tuyên truyền năm 2025",
    ]);
    expect(await texts(second, SHEET, 7, 14, 16)).toEqual(["Mức tính toán", "Ghi chú kiểm tra", ""]);
    // The result beside a long council note is written (the note wraps in its column).
    expect((await texts(second, SHEET, 11, 14, 14))[0]).toBe("Mức độ 2");
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      "LỖI I12 Hội đồng thẩm định: Chỉ tiêu 1.2 (b) được đánh dấu cả Đạt và Không đạt ở Mức độ 1 (ô I12): chỉ đánh dấu một trong hai cột."
    );
    expect(run.stdout).toContain(
      "  I11  Chỉ tiêu 1.1 (a): xã tự đánh giá Mức độ 1: Đạt; Mức độ 2: Đạt; Hội đồng: Mức độ 1: Không đạt; Mức độ 2: Không đạt; ý kiến: Chưa có kế hoạch tuyên truyền năm 2025"
    );
    expect(run.stdout).toContain(
      "  J12  Chỉ tiêu 1.2 (b): xã tự đánh giá Mức độ 1: Đạt; Mức độ 2: Đạt; Hội đồng: Mức độ 1: cả Đạt và Không đạt; Mức độ 2: Đạt"
    );
    // The council's marks read right: the contradiction left out, its verdict on 1.1 is Không đạt.
    const json = JSON.parse((await hoctap("check", second, "--json")).stdout);
    expect(json[0].council.differences.map((d: { cell: string }) => d.cell)).toEqual(["I11", "J12"]);
    expect(json[0].council.issues).toEqual([
      expect.objectContaining({ rule: "invalid-level", cell: "I12", severity: "error" }),
    ]);
    expect(json[0].counts.errors).toBe(1);
  });

  test("clean takes the product's results out and leaves the council's columns as the council left them", async () => {
    const second = join(dir, "hai-dong-lan-hai.xlsx");
    const cleaned = join(dir, "hai-dong-sach.xlsx");
    expect((await hoctap("clean", second, "--out", cleaned)).code).toBe(0);
    expect(packageProblems(readFileSync(cleaned))).toEqual([]);
    expect(await texts(cleaned, SHEET, 7, 9, 15)).toEqual([
      "Hội đồng thẩm định – Mức độ 1",
      "",
      "Hội đồng thẩm định – Mức độ 2",
      "",
      "Ý kiến của Hội đồng",
      "",
      "",
    ]);
    expect(await texts(cleaned, SHEET, 11, 9, 14)).toEqual([
      "",
      "x",
      "",
      "x",
      "Chưa có kế hoạch tuyên truyền năm 2025",
      "",
    ]);
  });
});

describe("other forms", () => {
  test("three header rows (Kết quả tự đánh giá over the levels over the pairs): one council heading over all", async () => {
    const input = await form("xa-tung-muc-ba-dong");
    const out = join(dir, "ba-dong-tham-dinh.xlsx");
    const run = await hoctap("check", input, "--out", out, "--tham-dinh");
    expect(packageProblems(readFileSync(out))).toEqual([]);
    const sheet = "Tổng hợp tiêu chí";
    expect(await texts(out, sheet, 7, 9, 13)).toEqual([
      "Hội đồng thẩm định",
      "",
      "",
      "",
      "Ý kiến của Hội đồng",
    ]);
    expect(await texts(out, sheet, 8, 9, 12)).toEqual(["Mức độ 1", "", "Mức độ 2", ""]);
    expect(await texts(out, sheet, 9, 9, 12)).toEqual(["Đạt", "Không đạt", "Đạt", "Không đạt"]);
    expect(run.stdout).toContain("Hội đồng thẩm định (cột I, J, K, L): Không đạt");
    expect(run.stdout).toContain("Hội đồng đồng ý với tự đánh giá ở mọi chỉ tiêu.");
  });

  test("one level column: one council column beside it; without --out the option is refused", async () => {
    const input = join(__dirname, "..", "fixtures", "examples", "huyen-an-duong.xlsx");
    const out = join(dir, "huyen-tham-dinh.xlsx");
    const run = await hoctap("check", input, "--out", out, "--tham-dinh");
    expect(packageProblems(readFileSync(out))).toEqual([]);
    expect(run.stdout).toMatch(/Hội đồng thẩm định \(cột [A-Z]+\): /);
    expect(run.stdout).toContain("Hội đồng đồng ý với tự đánh giá ở mọi chỉ tiêu.");
    const refused = await hoctap("check", input, "--tham-dinh");
    expect(refused.code).toBe(2);
    expect(refused.stderr.join("\n")).toContain("--tham-dinh thêm cột của Hội đồng vào bản ghi ra");
  });
});

describe("the verified bản tổng hợp (`Thẩm định <sheet>`)", () => {
  const values = async (file: string, name: string) => {
    const s = (await readSnapshot(file)).sheets.find((x) => x.name === name);
    const out: string[] = [];
    for (const [, row] of s?.rows ?? []) for (const [, c] of row) out.push(cellText(c.value));
    return out;
  };

  test("titled as verified by the council, both answers side by side, the council's conclusion and the reasons per target for the letter", async () => {
    const input = join(__dirname, "..", "fixtures", "council", "Xa An Hoa - tham dinh.xlsx");
    const out = join(dir, "an-hoa-ket-qua.xlsx");
    expect((await hoctap("check", input, "--out", out)).code).toBe(0);
    expect(packageProblems(readFileSync(out))).toEqual([]);
    const wb = await readSnapshot(out);
    expect(wb.sheets.map((s) => s.name)).toEqual(["Tự đánh giá", "KQ Tự đánh giá", "Thẩm định Tự đánh giá"]);
    const text = await values(out, "Thẩm định Tự đánh giá");
    expect(text).toEqual(
      expect.arrayContaining([
        "HỘI ĐỒNG ĐÁNH GIÁ",
        "BẢN TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ CÁC TIÊU CHÍ, CHỈ TIÊU CỦA XÃ AN HÒA",
        "DO HỘI ĐỒNG ĐÁNH GIÁ THẨM ĐỊNH",
        "Tự đánh giá",
        "Hội đồng thẩm định",
        "Ý kiến của Hội đồng",
        "Biên bản họp không có chữ ký của Chủ tịch UBND xã",
        "Kết luận của Hội đồng: Xã An Hòa chưa đủ điều kiện công nhận “Cộng đồng học tập” cấp xã.",
        "Lý do không đạt (để nêu trong văn bản trả lời Xã An Hòa):",
        "– Chỉ tiêu 3.1: không đạt Mức độ 1 (đơn vị tự đánh giá đạt Mức độ 2); lý do: Biên bản họp không có chữ ký của Chủ tịch UBND xã.",
        "TM. HỘI ĐỒNG ĐÁNH GIÁ",
      ])
    );
    // A unit without the council's columns gets no such sheet.
    const plain = join(dir, "an-duong-ket-qua.xlsx");
    await hoctap(
      "check",
      join(__dirname, "..", "fixtures", "examples", "huyen-an-duong.xlsx"),
      "--out",
      plain
    );
    expect((await readSnapshot(plain)).sheets.map((s) => s.name)).not.toContain("Thẩm định Tổng hợp");
    expect((await readSnapshot(plain)).sheets.some((s) => s.name.startsWith("Thẩm định"))).toBe(false);
  });
});

describe("the department's folder with the council's copy beside the unit's file", () => {
  test("the council's copy (a `check --tham-dinh` output) is counted, the unit's own file named in one line, not left out as a results copy", async () => {
    const folder = mkdtempSync(join(tmpdir(), "hoctap-td-inbox-"));
    const own = join(folder, "Xa An Hoa.xlsx");
    copyFileSync(join(__dirname, "..", "fixtures", "examples", "xa-an-hoa.xlsx"), own);
    const council = join(folder, "Xa An Hoa - tham dinh.xlsx");
    expect((await hoctap("check", own, "--out", council, "--tham-dinh")).code).toBe(0);
    const run = await hoctap("summary", folder, "--danh-sach");
    const rows = run.stdout.split("\n").filter((l) => l.includes("Xã An Hòa"));
    expect(rows[0]).toMatch(
      /^Xa An Hoa - tham dinh\.xlsx\s+Tự đánh giá\s+Xã An Hòa\s+1\s+Mức độ 1\s+Mức độ 1\s+0/
    );
    expect(run.stdout).toContain("1. Xã An Hòa (Theo kết quả thẩm định của Hội đồng)");
    expect(run.stderr.find((l) => l.startsWith("Xã An Hòa"))).toMatch(
      /^Xã An Hòa có 2 bản, chỉ tính một lần: tính bản có cột Hội đồng thẩm định “Xa An Hoa - tham dinh\.xlsx” \(.*\), không tính “Xa An Hoa\.xlsx” \(.*\)$/
    );
    expect(run.stderr.join("\n")).not.toContain("không tính 1 tệp do công cụ ghi ra");
  });
});
