// A real spreadsheet client reads every kind of workbook the CLI writes: LibreOffice (headless)
// converts each sheet to CSV, and the CSV holds the results, the levels and the officer's cells.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { hoctap } from "../helpers/cli";

const EXAMPLES = join(__dirname, "..", "fixtures", "examples");
const dir = mkdtempSync(join(tmpdir(), "hoctap-lo-"));
const soffice = ["/usr/bin/soffice", "/usr/bin/libreoffice"].find(existsSync);

/** RFC 4180 CSV, as LibreOffice writes it. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = "";
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") endCell();
    else if (ch === "\n") {
      endCell();
      rows.push(row);
      row = [];
    } else if (ch !== "\r") cell += ch;
  }
  if (cell || row.length) {
    endCell();
    rows.push(row);
  }
  return rows;
}

const sheetCsv = (file: string, sheet: string) =>
  parseCsv(readFileSync(join(dir, "csv", `${file.replace(/\.xlsx$/, "")}-${sheet}.csv`), "utf8"));
const at = (rows: string[][], a1: string) => {
  const m = /^([A-Z]+)(\d+)$/.exec(a1) as RegExpExecArray;
  const col = [...(m[1] as string)].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
  return rows[Number(m[2]) - 1]?.[col - 1] ?? "";
};

beforeAll(async () => {
  if (!soffice)
    throw new Error("LibreOffice is missing: apt-get install -y libreoffice-calc-nogui (.ci/run does)");
  expect(
    (await hoctap("check", join(EXAMPLES, "huyen-tien-lang-co-loi.xlsx"), "--out", join(dir, "ket-qua.xlsx")))
      .code
  ).toBe(1);
  expect((await hoctap("clean", join(dir, "ket-qua.xlsx"), "--out", join(dir, "ban-sach.xlsx"))).code).toBe(
    0
  );
  const all = ["huyen-an-duong.xlsx", "huyen-tien-lang-co-loi.xlsx", "thanh-pho-nguong.xlsx"].map((f) =>
    join(EXAMPLES, f)
  );
  expect((await hoctap("summary", ...all, "--out", join(dir, "tong-hop.xlsx"))).code).toBe(0);
  expect((await hoctap("template", "--set", "hp-2022-city", "--out", join(dir, "mau.xlsx"))).code).toBe(0);
  execFileSync(
    soffice,
    [
      "--headless",
      `-env:UserInstallation=file://${join(dir, "profile")}`,
      "--convert-to",
      "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
      "--outdir",
      join(dir, "csv"),
      ...["ket-qua.xlsx", "ban-sach.xlsx", "tong-hop.xlsx", "mau.xlsx"].map((f) => join(dir, f)),
    ],
    { stdio: "pipe", timeout: 120000 }
  );
}, 180000);

test("the results: the officer's cells, the computed levels, the result block, the KQ sheet", () => {
  const rows = sheetCsv("ket-qua.xlsx", "Tu danh gia 2022");
  expect(at(rows, "A1")).toBe("UBND HUYỆN TIÊN LÃNG");
  expect(at(rows, "A7")).toBe("Chỉ báo 1");
  expect(at(rows, "E7")).toBe("Đạt mức 2");
  expect(at(rows, "G4")).toBe("Mức tính toán");
  expect(at(rows, "G7")).toBe("Mức 2");
  expect(at(rows, "H11")).toBe("Thiếu minh chứng");
  expect(at(rows, "G18")).toBe("Chưa xác định");
  expect(rows.map((r) => r[0])).toContain("Chưa đủ điều kiện công nhận");
  const kq = sheetCsv("ket-qua.xlsx", "KQ Tu danh gia 2022");
  expect(kq[1]?.slice(0, 2)).toEqual(["Đơn vị", "Huyện Tiên Lãng"]);
  expect(kq[4]?.slice(0, 3)).toEqual(["Mức công nhận", "", "Chưa xác định"]);
});

test("clean: the officer's sheet as it was, and nothing else", () => {
  const rows = sheetCsv("ban-sach.xlsx", "Tu danh gia 2022");
  expect(at(rows, "E7")).toBe("Đạt mức 2");
  expect(rows.every((r) => r.length <= 6 || r.slice(6).every((c) => c === ""))).toBe(true);
  expect(rows.map((r) => r[0])).not.toContain("KẾT QUẢ KIỂM TRA TỰ ĐÁNH GIÁ");
  expect(existsSync(join(dir, "csv", "ban-sach-KQ Tu danh gia 2022.csv"))).toBe(false);
});

test("the summary: one row per unit, levels and totals", () => {
  const rows = sheetCsv("tong-hop.xlsx", "Tổng hợp");
  expect(rows[0]?.slice(0, 8)).toEqual([
    "Tệp",
    "Sheet",
    "Đơn vị",
    "Bộ tiêu chí",
    "Mức công nhận",
    "Kết quả",
    "Lỗi",
    "Cảnh báo",
  ]);
  expect(rows.slice(1, 4).map((r) => [r[2], r[4]])).toEqual([
    ["Huyện An Dương", "2"],
    ["Huyện Tiên Lãng", ""],
    ["Thành phố Hải Phòng", "2"],
  ]);
  expect(rows[4]?.[0]).toBe("Tổng cộng");
});

test("the template: the set's rows, ready to fill", () => {
  const rows = sheetCsv("mau.xlsx", "Tự đánh giá");
  expect(rows[3]?.slice(0, 5)).toEqual([
    "TT",
    "Tiêu chuẩn, tiêu chí, chỉ báo",
    "Kết quả thực hiện (số liệu)",
    "Mã minh chứng",
    "Tự đánh giá",
  ]);
  expect(rows.filter((r) => r[0]?.startsWith("Chỉ báo"))).toHaveLength(20);
});
