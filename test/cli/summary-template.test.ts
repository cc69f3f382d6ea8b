import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { unzipSync, zipSync } from "fflate";
import { readFileSync } from "node:fs";
import JSZip from "jszip";
import { rawNames } from "../helpers/exceljs/names";
import { loadWorkbook } from "../helpers/exceljs/read";
import { hoctap } from "../helpers/cli";

const NOT_EXCEL =
  "không phải tệp Excel (có thể là tệp PDF, Word hay ảnh): xin đơn vị gửi lại tệp Excel (.xlsx)";
import { template } from "../helpers/grid";
import { assessmentSheet } from "../fixtures/workbooks";

const EXAMPLES = join(__dirname, "..", "fixtures", "examples");
const ex = (f: string) => join(EXAMPLES, f);
const dir = mkdtempSync(join(tmpdir(), "hoctap-sum-"));

async function workbookXml(path: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  return (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
}

async function sheetValues(path: string, sheet: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.getWorksheet(sheet);
  const rows: unknown[][] = [];
  ws?.eachRow((row, r) => (rows[r - 1] = (row.values as unknown[]).slice(1)));
  return rows;
}

describe("hoctap summary", () => {
  test("prints a table, one row per assessed sheet and one per unreadable file; exit 0", async () => {
    const inbox = join(dir, "nop-bai");
    mkdirSync(join(inbox, "an duong"), { recursive: true });
    copyFileSync(ex("huyen-an-duong.xlsx"), join(inbox, "an duong", "huyen-an-duong.xlsx"));
    copyFileSync(ex("thanh-pho-nguong.xlsx"), join(inbox, "thanh-pho-nguong.xlsx"));
    const bad = join(inbox, "bad.xlsx");
    writeFileSync(bad, "not a workbook");
    const run = await hoctap(
      "summary",
      join(inbox, "an duong", "huyen-an-duong.xlsx"),
      join(inbox, "thanh-pho-nguong.xlsx"),
      bad
    );
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split("\n");
    expect(lines).toHaveLength(5);
    // Each file by its path from the folder they share.
    expect(lines[2]).toMatch(/^an duong\/huyen-an-duong\.xlsx\s+Tự đánh giá\s+Huyện An Dương\s+2\s+Mức 2/);
    expect(lines[3]).toMatch(
      /^thanh-pho-nguong\.xlsx\s+Tự đánh giá\s+Thành phố Hải Phòng\s+2\s+Mức dự kiến: Mức 2/
    );
    expect(lines[4]).toMatch(/^bad\.xlsx.*Không đọc được: không phải tệp Excel/);
    expect(run.stderr).toEqual([`${bad}: ${NOT_EXCEL}`]);
    expect(run.notes).toEqual(["3 tệp: 1 không lỗi, 1 có lỗi, 1 không đọc được"]);
  });

  test("--json prints the rows", async () => {
    const run = await hoctap("summary", ex("huyen-tien-lang-co-loi.xlsx"), "--json");
    const rows = JSON.parse(run.stdout);
    expect(rows).toEqual([
      expect.objectContaining({
        file: "huyen-tien-lang-co-loi.xlsx",
        unitName: "Huyện Tiên Lãng",
        level: null,
        errors: 4,
      }),
    ]);
    expect(rows[0].indicators.CB9).toBeNull();
    expect(rows[0].indicators.CB1).toBe(2);
  });

  test("--out writes a formatted `Tổng hợp` sheet, and replaces only its own sheet on a second run", async () => {
    const out = join(dir, "tong-hop.xlsx");
    const files = [ex("huyen-an-duong.xlsx"), ex("huyen-tien-lang-co-loi.xlsx")];
    expect((await hoctap("summary", ...files, "--out", out)).code).toBe(0);
    const rows = await sheetValues(out, "Tổng hợp");
    // A title and the day, the set's title, a two-row header; the indicators numbered under one heading.
    expect(rows[0]?.[0]).toBe("TỔNG HỢP KẾT QUẢ TỰ ĐÁNH GIÁ");
    expect(rows[1]?.[0]).toMatch(/^Ngày lập: \d\d\/\d\d\/\d{4} · 2 đơn vị$/);
    expect(rows[3]?.[0]).toBe("Bộ tiêu chí thí điểm công nhận quận/huyện học tập (Hải Phòng, 2022)");
    expect(rows[4]?.slice(0, 8)).toEqual([
      "Tệp",
      "Trang tính",
      "Đơn vị",
      "Mức công nhận",
      "Kết quả",
      "Lỗi",
      "Cảnh báo",
      "Mức của chỉ báo",
    ]);
    expect(rows[5]?.slice(7)).toEqual(Array.from({ length: 16 }, (_, i) => String(i + 1)));
    expect(rows.slice(6, 8).map((r) => [r[2], r[3], r[4]])).toEqual([
      ["Huyện An Dương", 2, "Mức 2"],
      ["Huyện Tiên Lãng", undefined, "Chưa xác định"],
    ]);
    expect(rows[8]?.slice(0, 3)).toEqual(["Tổng cộng", "Tổng cộng", "2 đơn vị"]);
    const wb = await loadWorkbook(out);
    const ws = wb.getWorksheet("Tổng hợp")!;
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 6 });
    expect(ws.autoFilter).toBe("A6:W8");
    expect((ws.getCell("D7").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFC7DDF2");
    expect(ws.getCell("A7").border).toMatchObject({ top: { style: "thin" }, right: { style: "thin" } });
    expect(ws.getCell("A7").font).toMatchObject({ name: "Times New Roman", size: 11 });
    // A4 landscape at one legible scale (23 narrow columns stay above 70 %), the header rows repeated.
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "landscape",
      printTitlesRow: "5:6",
      printArea: "A1:W9",
    });
    expect(ws.pageSetup.fitToPage).toBeFalsy();
    expect(ws.pageSetup.scale).toBeGreaterThanOrEqual(70);
    expect(ws.getRow(5).height).toBeGreaterThan(15);

    // A city among the districts: a block of its own, with its own 20 columns, on its own page.
    const mixed = join(dir, "tong-hop-2-bo.xlsx");
    expect((await hoctap("summary", ...files, ex("thanh-pho-nguong.xlsx"), "--out", mixed)).code).toBe(0);
    const both = await sheetValues(mixed, "Tổng hợp");
    const city = both.findIndex(
      (r) => r?.[0] === "Bộ tiêu chí thí điểm công nhận thành phố học tập (Hải Phòng, 2022)"
    );
    expect(city).toBeGreaterThan(8);
    expect(both[city + 2]?.slice(7)).toEqual(Array.from({ length: 20 }, (_, i) => String(i + 1)));
    expect([both[city + 3]?.[2], both[city + 3]?.[4]]).toEqual([
      "Thành phố Hải Phòng",
      "Mức dự kiến: Mức 2 — còn 1 lỗi phải sửa trước khi gửi",
    ]);
    const mixedWs = (await loadWorkbook(mixed)).getWorksheet("Tổng hợp")!;
    expect(mixedWs.autoFilter).toBeUndefined();
    expect(mixedWs.pageSetup.printArea).toBe(`A1:AA${city + 5}`);

    // The officer adds a sheet of their own named like ours in another workbook run: it is never touched.
    const again = await loadWorkbook(out);
    again.addWorksheet("Ghi chú").getCell("A1").value = "của phòng";
    await again.xlsx.writeFile(out);
    expect((await hoctap("summary", files[0] as string, "--out", out)).code).toBe(0);
    const after = new ExcelJS.Workbook();
    await after.xlsx.readFile(out);
    // Ours is replaced where it stands; theirs is kept.
    expect(after.worksheets.map((w) => w.name)).toEqual(["Tổng hợp", "Ghi chú"]);
    expect((await sheetValues(out, "Tổng hợp")).length).toBeLessThan(rows.length);
  });

  test("a sheet the officer named `Tổng hợp` is kept; ours becomes `Tổng hợp (2)`", async () => {
    const out = join(dir, "officer.xlsx");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Tổng hợp").getCell("A1").value = "bảng của phòng";
    await wb.xlsx.writeFile(out);
    // The department's own workbook takes the summary when asked (--force); never without a word.
    expect((await hoctap("summary", ex("huyen-an-duong.xlsx"), "--out", out)).code).toBe(2);
    await hoctap("summary", ex("huyen-an-duong.xlsx"), "--out", out, "--force");
    expect((await sheetValues(out, "Tổng hợp"))[0]).toEqual(["bảng của phòng"]);
    expect((await sheetValues(out, "Tổng hợp (2)"))[4]?.[0]).toBe("Tệp");
  });

  test("exit 2 when no input could be read", async () => {
    const run = await hoctap("summary", join(dir, "none.xlsx"));
    expect(run.code).toBe(2);
    expect(run.stderr.at(-1)).toBe("không đọc được tệp nào: chưa có bảng tổng hợp");
  });
});

describe("hoctap template", () => {
  test("a template that checks to exactly one missing level and one missing value per indicator", async () => {
    for (const [set, n] of [
      ["hp-2022-district", 16],
      ["hp-2022-city", 20],
    ] as const) {
      const out = join(dir, `${set}.xlsx`);
      const made = await hoctap("template", "--set", set, "--out", out);
      expect(made.code).toBe(0);
      const run = await hoctap("check", out, "--json");
      const [report] = JSON.parse(run.stdout);
      expect(report.framework.id).toBe(set);
      const rules = report.issues.map((i: { rule: string }) => i.rule);
      expect(rules.filter((r: string) => r === "missing-level")).toHaveLength(n);
      expect(rules.filter((r: string) => r === "missing-value")).toHaveLength(n);
      expect(rules).toHaveLength(2 * n);
    }
  });

  test("dropdowns, A4 print setup and a valid print-titles name", async () => {
    const out = join(dir, "mau.xlsx");
    await hoctap("template", "--set", "hp-2022-district", "--out", out);
    const wb = await loadWorkbook(out);
    const ws = wb.getWorksheet("Tự đánh giá")!;
    expect(ws.getCell("E12").dataValidation).toMatchObject({
      type: "list",
      formulae: ['"Không đạt,Mức 1,Mức 2,Mức 3"'],
    });
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape" });
    expect(rawNames(wb)).toEqual([]); // print titles are read back into pageSetup by ExcelJS
    expect(ws.pageSetup.printTitlesRow).toBe("9:9");
  });

  test("print titles stay valid on a sheet name with an apostrophe", async () => {
    // The officer's file, as Excel writes it: the sheet name quoted, its apostrophe doubled.
    const wb = new ExcelJS.Workbook();
    assessmentSheet(wb, "Huyện An Lão's", template().rows);
    const parts = unzipSync(new Uint8Array(await wb.xlsx.writeBuffer()));
    const q = "&apos;Huyện An Lão&apos;&apos;s&apos;";
    parts["xl/workbook.xml"] = Buffer.from(
      Buffer.from(parts["xl/workbook.xml"]!)
        .toString("utf8")
        .replace(
          /<definedNames>[\s\S]*?<\/definedNames>|(<\/sheets>)/,
          (m, sheets?: string) =>
            `${sheets ?? ""}<definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">${q}!$A$1:$F$29</definedName><definedName name="_xlnm.Print_Titles" localSheetId="0">${q}!$4:$4</definedName></definedNames>`
        ),
      "utf8"
    );
    const out = join(dir, "apostrophe.xlsx");
    writeFileSync(out, zipSync(parts));
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(out);
    expect(back.worksheets[0]?.pageSetup).toMatchObject({ printTitlesRow: "4:4", printArea: "A1:F29" });
    // And through a check --out of that file.
    const checked = join(dir, "apostrophe-out.xlsx");
    expect((await hoctap("check", out, "--out", checked)).code).toBe(0);
    const again = await loadWorkbook(checked);
    expect(again.worksheets[0]?.pageSetup.printTitlesRow).toBe("4:4");
    // The officer's print area grows to hold the result columns (G:H) and block (rows 31–35), and
    // is kept, hidden, under the product's name; clean gives it back.
    expect(again.worksheets[0]?.pageSetup.printArea).toBe("A1:H35");
    expect(rawNames(again).find((n) => n.name === "HocTap_VungIn")).toEqual({
      name: "HocTap_VungIn",
      ranges: ["'Huyện An Lão''s'!$A$1:$F$29"],
      localSheetId: 0,
      hidden: true,
    });
    expect(await workbookXml(checked)).toMatch(
      /<definedName name="HocTap_VungIn" localSheetId="0" hidden="1">/
    );
    const twice = join(dir, "apostrophe-twice.xlsx");
    expect((await hoctap("check", checked, "--out", twice)).code).toBe(0);
    const second = await loadWorkbook(twice);
    expect(second.worksheets[0]?.pageSetup.printArea).toBe("A1:H35");
    expect(rawNames(second).filter((n) => n.name === "HocTap_VungIn")).toHaveLength(1);
    const cleaned = join(dir, "apostrophe-clean.xlsx");
    expect((await hoctap("clean", twice, "--out", cleaned)).code).toBe(0);
    const back2 = await loadWorkbook(cleaned);
    expect(back2.worksheets[0]?.pageSetup.printArea).toBe("A1:F29");
    expect(rawNames(back2)).toEqual([]);
  });

  test("an unknown set is a usage error", async () => {
    expect(await hoctap("template", "--set", "nope", "--out", join(dir, "x.xlsx"))).toMatchObject({
      code: 2,
    });
  });
});

describe("the summary sheet of one assessment", () => {
  test("check --out adds `KQ <sheet>`; a second run replaces it; clean removes it", async () => {
    const once = join(dir, "kq-once.xlsx");
    const twice = join(dir, "kq-twice.xlsx");
    const clean = join(dir, "kq-clean.xlsx");
    await hoctap("check", ex("huyen-an-duong.xlsx"), "--out", once);
    const rows = await sheetValues(once, "KQ Tự đánh giá");
    expect(rows[1]?.[0]).toBe("HUYỆN AN DƯƠNG");
    expect(rows[3]?.[0]).toBe("BẢN TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ CÁC TIÊU CHUẨN, TIÊU CHÍ, CHỈ BÁO");
    expect(rows.map((r) => r[0])).toContain("Kết luận: Huyện An Dương đạt Huyện học tập Mức 2.");
    const kq = (await loadWorkbook(once)).getWorksheet("KQ Tự đánh giá")!;
    expect(kq.pageSetup).toMatchObject({ orientation: "portrait", fitToWidth: 1, fitToHeight: 0 });
    await hoctap("check", once, "--out", twice);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(twice);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Tự đánh giá", "KQ Tự đánh giá"]);
    await hoctap("clean", twice, "--out", clean);
    const cleaned = new ExcelJS.Workbook();
    await cleaned.xlsx.readFile(clean);
    expect(cleaned.worksheets.map((w) => w.name)).toEqual(["Tự đánh giá"]);
  });
});

describe("outputs that cannot be written", () => {
  const nowhere = join(dir, "khong-co-thu-muc", "ra.xlsx");

  test("check --out: the report stands, one clear line says the copy was not written, exit 2", async () => {
    const run = await hoctap("check", ex("huyen-an-duong.xlsx"), "--out", nowhere, "--json");
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toEqual([
      expect.objectContaining({ sheet: "Tự đánh giá", recognition: expect.objectContaining({ level: 2 }) }),
    ]);
    expect(run.stderr).toEqual([
      `${ex("huyen-an-duong.xlsx")}: không ghi được tệp kết quả “${nowhere}”: kiểm tra thư mục có tồn tại, có quyền ghi và tệp không đang mở trong Excel`,
    ]);
  });

  test("template, summary and clean say so too", async () => {
    const template = await hoctap("template", "--set", "hp-2022-city", "--out", nowhere);
    expect(template.code).toBe(2);
    expect(template.stderr[0]).toMatch(/^không ghi được tệp kết quả/);
    const summary = await hoctap("summary", ex("huyen-an-duong.xlsx"), "--out", nowhere);
    expect(summary.code).toBe(2);
    expect(summary.stderr.at(-1)).toMatch(/^không ghi được tệp kết quả/);
    const notWorkbook = join(dir, "ghi-chu.xlsx");
    writeFileSync(notWorkbook, "ghi chú");
    const onText = await hoctap("summary", ex("huyen-an-duong.xlsx"), "--out", notWorkbook, "--force");
    expect(onText).toMatchObject({ code: 2, stderr: [`${notWorkbook}: ${NOT_EXCEL}`] });
    const withResults = join(dir, "co-ket-qua.xlsx");
    await hoctap("check", ex("huyen-an-duong.xlsx"), "--out", withResults);
    const clean = await hoctap("clean", withResults, "--out", nowhere);
    expect(clean.code).toBe(2);
    expect(clean.stderr[0]).toContain("không ghi được tệp kết quả");
  });
});
