import { existsSync, mkdtempSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { unzipSync, zipSync } from "fflate";
import { installRawDefinedNames } from "../helpers/exceljs/names";
import { hoctap } from "../helpers/cli";
import { exampleWorkbooks } from "../fixtures/workbooks";

const EXAMPLES = join(__dirname, "..", "fixtures", "examples");
const ex = (f: string) => join(EXAMPLES, f);
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "hoctap-"));
});

async function cells(path: string): Promise<Map<string, string>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const out = new Map<string, string>();
  wb.eachSheet((ws) =>
    ws.eachRow((row, r) =>
      row.eachCell((c, col) => void out.set(`${ws.name}!${r}:${col}`, JSON.stringify(c.value)))
    )
  );
  return out;
}

describe("hoctap check", () => {
  test("a clean workbook: exit 0 and a readable Vietnamese report", async () => {
    const run = await hoctap("check", ex("huyen-an-duong.xlsx"));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Đơn vị: Huyện An Dương");
    expect(run.stdout).toContain("Không có lỗi hay cảnh báo.");
    expect(run.stdout).toContain("Đề nghị công nhận: Huyện An Dương — Huyện học tập — Mức 2\n  – ");
    // The level is said once, in the headline.
    expect(run.stdout).not.toContain("Mức công nhận");
    expect(run.stderr).toEqual([]);
  });

  test("errors: exit 1, each at its cell; --json prints the contract", async () => {
    const run = await hoctap("check", ex("huyen-tien-lang-co-loi.xlsx"), "--json");
    expect(run.code).toBe(1);
    const [report] = JSON.parse(run.stdout);
    expect(report).toMatchObject({
      schemaVersion: 1,
      file: ex("huyen-tien-lang-co-loi.xlsx"),
      sheet: "Tu danh gia 2022",
      unitName: "Huyện Tiên Lãng",
      framework: { id: "hp-2022-district", kind: "district" },
      recognition: { level: null, label: "Chưa xác định" },
      counts: { errors: 4, warnings: 0 },
    });
    expect(report.issues.map((i: { rule: string; cell: string }) => `${i.rule}@${i.cell}`)).toEqual([
      "missing-evidence@D11",
      "formula-error@C16",
      "invalid-level@E18",
      "missing-level@E22",
    ]);
    expect(Object.keys(report.indicators[0])).toEqual([
      "number",
      "code",
      "row",
      "selfLevel",
      "computedLevel",
      "level",
    ]);
    expect(Object.keys(report.criteria[0])).toEqual(["number", "code", "row", "level", "indicators"]);
    expect(Object.keys(report.standards[0])).toEqual(["number", "code", "row", "level", "criteria"]);
  });

  test("--lang en, --sheet, --framework", async () => {
    const en = await hoctap("check", ex("huyen-tien-lang-co-loi.xlsx"), "--lang", "en");
    expect(en.stdout).toContain("Recognition: Undetermined");
    expect(en.stdout).toMatch(/ERROR D11 Indicator 4 claims a level/);
    // Rule codes are for --json, and the text report only with --chi-tiet.
    expect(en.stdout).not.toMatch(/\[[a-z-]+\]/);
    const codes = await hoctap("check", ex("huyen-tien-lang-co-loi.xlsx"), "--lang", "en", "--chi-tiet");
    expect(codes.stdout).toMatch(/ERROR D11 \[missing-evidence\] Indicator 4 claims a level/);
    const verbose = await hoctap("check", ex("huyen-tien-lang-co-loi.xlsx"), "--verbose");
    expect(verbose.stdout).toMatch(/LỖI D11 \[missing-evidence\] Chỉ báo 4 tự đánh giá/);
    const sheet = await hoctap("check", ex("thanh-pho-nguong.xlsx"), "--sheet", "Bộ tiêu chí");
    expect(sheet.code).toBe(2);
    expect(sheet.stderr[0]).toContain("trang tính “Bộ tiêu chí” không có bảng tự đánh giá");
    const forced = await hoctap("check", ex("huyen-an-duong.xlsx"), "--framework", "hp-2022-city", "--json");
    expect(JSON.parse(forced.stdout)[0].issues.map((i: { rule: string }) => i.rule)).toContain(
      "structure-count"
    );
    const unknown = await hoctap("check", ex("huyen-an-duong.xlsx"), "--framework", "hp-2099");
    expect(unknown).toMatchObject({
      code: 2,
      stderr: [
        "không có bộ tiêu chí “hp-2099”; chọn một trong: auto, tt25-2023-xa, hp-2022-district, hp-2022-city, hoặc một tệp .json / .xlsx (xem thêm: hoctap frameworks)",
      ],
    });
  });

  test("--map overrides detected columns; a bad --map is a usage error", async () => {
    const mapped = await hoctap("check", ex("huyen-an-duong.xlsx"), "--map", "level=D,evidence=E", "--json");
    expect(JSON.parse(mapped.stdout)[0].issues[0]).toMatchObject({ rule: "invalid-level", cell: "D7" });
    const bad = await hoctap("check", ex("huyen-an-duong.xlsx"), "--map", "muc=Q");
    expect(bad.code).toBe(2);
    expect(bad.stderr[0]).toMatch(/^--map không hợp lệ/);
  });

  test("thresholds from the criteria sheet: computed levels, over- and under-claims", async () => {
    const run = await hoctap("check", ex("thanh-pho-nguong.xlsx"), "--json");
    const [r] = JSON.parse(run.stdout);
    expect(r.framework.kind).toBe("city");
    expect(
      r.issues.map(
        (i: { rule: string; severity: string; cell: string }) => `${i.rule}:${i.severity}@${i.cell}`
      )
    ).toEqual(["level-mismatch:error@E22", "level-mismatch:warning@E28"]);
    expect(r.recognition.level).toBe(2);
    expect(run.code).toBe(1);
  });

  test("--out writes the results, leaves every officer cell, and a second run changes nothing", async () => {
    const input = ex("huyen-an-duong.xlsx");
    const before = readFileSync(input);
    const once = join(dir, "once.xlsx");
    const twice = join(dir, "twice.xlsx");
    expect((await hoctap("check", input, "--out", once)).code).toBe(0);
    expect(readFileSync(input).equals(before)).toBe(true);
    const original = await cells(input);
    const written = await cells(once);
    for (const [k, v] of original) expect(written.get(k)).toBe(v);
    expect([...written.values()]).toContain(
      JSON.stringify("Đề nghị công nhận: Huyện An Dương — Huyện học tập — Mức 2")
    );
    expect((await hoctap("check", once, "--out", twice)).code).toBe(0);
    expect(await cells(twice)).toEqual(written);
    // The report of the written copy is the same as the original's.
    const a = JSON.parse((await hoctap("check", input, "--json")).stdout)[0];
    const b = JSON.parse((await hoctap("check", once, "--json")).stdout)[0];
    expect({ ...b, file: "" }).toEqual({ ...a, file: "" });
  });

  test("clean restores the officer's cells exactly", async () => {
    const written = join(dir, "written.xlsx");
    const clean = join(dir, "clean.xlsx");
    await hoctap("check", ex("huyen-tien-lang-co-loi.xlsx"), "--out", written);
    const run = await hoctap("clean", written, "--out", clean);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Đã xoá kết quả của add-in ở 1 trang tính");
    expect(await cells(clean)).toEqual(await cells(ex("huyen-tien-lang-co-loi.xlsx")));
    expect((await hoctap("clean", clean, "--out", clean)).code).toBe(2);
  });

  test("several files: --out-dir, the highest exit code wins, --out refuses several inputs", async () => {
    const outDir = join(dir, "many");
    const run = await hoctap(
      "check",
      ex("huyen-an-duong.xlsx"),
      ex("huyen-tien-lang-co-loi.xlsx"),
      "--out-dir",
      outDir,
      "--json"
    );
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toHaveLength(2);
    expect((await cells(join(outDir, "huyen-an-duong.xlsx"))).size).toBeGreaterThan(0);
    const refused = await hoctap(
      "check",
      ex("huyen-an-duong.xlsx"),
      ex("thanh-pho-nguong.xlsx"),
      "--out",
      join(dir, "x.xlsx")
    );
    expect(refused.code).toBe(2);
    expect((await hoctap("check", ex("huyen-an-duong.xlsx"), "--out", ex("huyen-an-duong.xlsx"))).code).toBe(
      2
    );
  });

  test("bad files: exit 2, one clear line each, a JSON error record, never a stack trace", async () => {
    const empty = join(dir, "empty.xlsx");
    writeFileSync(empty, "");
    const csv = join(dir, "bang.xlsx");
    writeFileSync(csv, "TT,Nội dung\n1,abc\n");
    const truncated = join(dir, "cut.xlsx");
    writeFileSync(truncated, readFileSync(ex("huyen-an-duong.xlsx")).subarray(0, 2000));
    const xls = join(dir, "old.xls");
    writeFileSync(
      xls,
      Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)])
    );
    const encrypted = join(dir, "secret.xlsx");
    writeFileSync(
      encrypted,
      Buffer.concat([
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
        Buffer.from("EncryptionInfo", "utf16le"),
      ])
    );
    const noTable = join(dir, "notable.xlsx");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1").getCell("A1").value = "Danh sách";
    await wb.xlsx.writeFile(noTable);
    const files = [join(dir, "missing.xlsx"), empty, csv, truncated, xls, encrypted, noTable];
    const run = await hoctap("check", ...files, "--json");
    expect(run.code).toBe(2);
    const records = JSON.parse(run.stdout);
    expect(records.map((r: { error: { code: string } }) => r.error.code)).toEqual([
      "not-found",
      "empty",
      "not-xlsx",
      "corrupt",
      "old-xls",
      "encrypted",
      "no-table",
    ]);
    expect(run.stderr).toHaveLength(files.length);
    for (const line of run.stderr) {
      expect(line).not.toMatch(/\n|\bat \w+ \(|Error:/);
      expect(line).toMatch(/[ạ-ỹđ]/);
    }
  });

  test("nothing is lost: a chart part comes through as stored; macros kept, only under an .xlsm name", async () => {
    const parts = unzipSync(readFileSync(ex("huyen-an-duong.xlsx")));
    const chart = Buffer.from('<?xml version="1.0"?><c:chartSpace xmlns:c="urn:x"/>');
    const types = Buffer.from(parts["[Content_Types].xml"]!)
      .toString("utf8")
      .replace(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
      );
    expect(types).toMatch(/macroEnabled/);
    const withChart = join(dir, "chart.xlsm");
    writeFileSync(
      withChart,
      zipSync({
        ...parts,
        "[Content_Types].xml": Buffer.from(types),
        "xl/charts/chart1.xml": chart,
        "xl/vbaProject.bin": new Uint8Array([1, 2, 3]),
      })
    );
    // Under an .xlsx name Excel refuses a macro-enabled package: nothing is written, the report stands.
    const wrong = join(dir, "chart-out.xlsx");
    const run = await hoctap("check", withChart, "--out", wrong);
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/huyen|Huyện|Kết luận|KẾT/i);
    expect(run.stderr).toEqual([
      `${withChart}: không ghi tệp kết quả “${wrong}”: sổ làm việc có macro (VBA), Excel chỉ mở được khi tên tệp có đuôi .xlsm: đặt tên có đuôi .xlsm`,
    ]);
    expect(existsSync(wrong)).toBe(false);
    const out = join(dir, "chart-out.xlsm");
    expect((await hoctap("check", withChart, "--out", out)).stderr).toEqual([]);
    const written = unzipSync(readFileSync(out));
    expect(Buffer.from(written["xl/charts/chart1.xml"]!)).toEqual(chart);
    expect([...written["xl/vbaProject.bin"]!]).toEqual([1, 2, 3]);
    // And a workbook without macros is never written under .xlsm.
    const plain = await hoctap("check", ex("huyen-an-duong.xlsx"), "--out", join(dir, "plain.xlsm"));
    expect(plain.stderr.join("\n")).toMatch(/không có macro.*đuôi \.xlsx/);
    expect(existsSync(join(dir, "plain.xlsm"))).toBe(false);
  });
});

describe("hoctap frameworks", () => {
  test("--json lists the built-in sets with their counts, layers and levels", async () => {
    const run = await hoctap("frameworks", "--json");
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([
      expect.objectContaining({
        id: "tt25-2023-xa",
        kind: "commune",
        standards: 0,
        criteria: 5,
        indicators: 15,
        levels: [0, 1, 2],
        labels: ["Không đạt", "Mức độ 1 (Khá)", "Mức độ 2 (Tốt)"],
        layers: ["Tiêu chí", "Chỉ tiêu"],
        validityYears: 3,
      }),
      expect.objectContaining({
        id: "hp-2022-district",
        kind: "district",
        standards: 3,
        criteria: 6,
        indicators: 16,
        levels: [0, 1, 2, 3],
        layers: ["Tiêu chuẩn", "Tiêu chí", "Chỉ báo"],
      }),
      expect.objectContaining({
        id: "hp-2022-city",
        kind: "city",
        standards: 3,
        criteria: 6,
        indicators: 20,
        levels: [0, 1, 2, 3],
      }),
    ]);
  });
  test("readable list, in English on request", async () => {
    const vi = (await hoctap("frameworks")).stdout;
    expect(vi).toContain("3 tiêu chuẩn, 6 tiêu chí, 16 chỉ báo");
    expect(vi).toContain("cấp: xã; 5 tiêu chí, 15 chỉ tiêu");
    expect(vi).toContain("mức: Không đạt, Mức độ 1 (Khá), Mức độ 2 (Tốt); công nhận có giá trị 3 năm");
    expect((await hoctap("frameworks", "--lang", "en")).stdout).toContain(
      "3 standards, 6 criteria, 20 indicators"
    );
  });
  test("unknown commands and options are usage errors", async () => {
    expect((await hoctap("fly")).code).toBe(2);
    expect((await hoctap("check")).code).toBe(2);
  });
});

test("the example workbooks exist for the demo", () => {
  expect(exampleWorkbooks().map((e) => e.file)).toHaveLength(5);
});

describe("defensive parsing", () => {
  test("prototype keys in options, criteria sheets and names are plain text, never lookups", async () => {
    const proto = await hoctap("check", ex("huyen-an-duong.xlsx"), "--map", "__proto__=F");
    expect(proto.code).toBe(2);
    expect(proto.stderr[0]).toMatch(/^--map không hợp lệ/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();

    const wb = new ExcelJS.Workbook();
    const names = installRawDefinedNames(wb);
    const { template } = await import("../helpers/grid");
    const { assessmentSheet } = await import("../fixtures/workbooks");
    assessmentSheet(wb, "Tự đánh giá", template().rows);
    const crit = wb.addWorksheet("Bộ tiêu chí");
    crit.addRow(["Mã", "Nội dung", "Loại", "Mức 1", "__proto__", "constructor"]);
    crit.addRow(["__proto__", "polluted", "Tỷ lệ", "≥ 1"]);
    crit.addRow([3, "__proto__", "constructor", "≥ 1"]);
    // (ExcelJS's own name store would crash on this name; the adapter's does not look names up.)
    names.push(
      { name: "__proto__", ranges: ["'Tự đánh giá'!$A$1"], localSheetId: 0 },
      { name: "constructor", ranges: ["'Tự đánh giá'!$B$1"] }
    );
    const path = join(dir, "proto.xlsx");
    await wb.xlsx.writeFile(path);
    const run = await hoctap("check", path, "--json");
    const [report] = JSON.parse(run.stdout);
    expect(report.issues.map((i: { rule: string; cell: string }) => `${i.rule}@${i.cell}`)).toEqual([
      "criteria-sheet@A2",
      "criteria-sheet@C3",
    ]);
    expect(report.recognition.level).toBe(2);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // On a terminal, a cell of the criteria sheet is named with its sheet, as Excel writes it.
    const text = await hoctap("check", path);
    expect(text.stdout).toMatch(/ {2}LỖI 'Bộ tiêu chí'!A2 /);
  });
});
