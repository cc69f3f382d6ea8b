// The words an officer reads from hoctap: help in Vietnamese, no rule codes or set ids in the text
// report, and every usage mistake said with what to do (quotes for spaces, the sheets that exist,
// the Excel file to ask for again); columns aligned by what a terminal shows.
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { formatNumberVi } from "../../src/core/model/numbers";
import { cutToWidth, displayWidth, padToWidth } from "../../src/cli/width";
import { hoctap } from "../helpers/cli";
import { sheet, template } from "../helpers/grid";
import { snapshotXlsx } from "../helpers/snapshot-xlsx";

const EXAMPLES = join(__dirname, "..", "fixtures", "examples");
const ex = (f: string) => join(EXAMPLES, f);
const dir = mkdtempSync(join(tmpdir(), "hoctap-words-"));

describe("help", () => {
  test("hoctap --help and each command's help speak Vietnamese, English beside", async () => {
    const top = await hoctap("--help");
    expect(top.code).toBe(0);
    for (const title of ["Cách dùng / Usage:", "Tuỳ chọn / Options:", "Lệnh / Commands:"])
      expect(top.stdout).toContain(title);
    expect(top.stdout).toContain("hiện hướng dẫn này / show this help");
    expect(top.stdout).toContain("help <lệnh>");
    // Every kind of built-in set is named, so an officer of a learning unit or a province sees theirs.
    const about = top.stdout.replace(/\s+/g, " ");
    for (const words of [
      "xã, huyện, tỉnh (Thông tư 25/2023)",
      "đơn vị học tập (Thông tư 24/2023)",
      "Hải Phòng",
    ])
      expect(about).toContain(words);
    for (const command of ["check", "clean", "summary", "template", "frameworks"]) {
      const run = await hoctap(command, "--help");
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^Cách dùng \/ Usage: hoctap /);
      expect(run.stdout).toContain("Tuỳ chọn / Options:");
      // Nothing of commander's English left: no bare titles, no "display help", no "(default: …)".
      expect(run.stdout).not.toMatch(
        /^(Usage|Options|Commands|Arguments):|display help|\((default|choices):/m
      );
      expect(run.stdout).not.toContain("[options]");
    }
    const check = await hoctap("help", "check");
    expect(check.stdout).toContain("--chi-tiet");
    expect(check.stdout.replace(/\s+/g, " ")).toContain("(chọn / choices: vi, en; mặc định / default: vi)");
    expect(check.stdout).toContain("--out <tệp>");
  });
});

describe("the text report", () => {
  test("names the set by its title and shows no rule code unless asked (--chi-tiet)", async () => {
    const run = await hoctap("check", ex("huyen-tien-lang-co-loi.xlsx"));
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      "Bộ tiêu chí: Bộ tiêu chí thí điểm công nhận quận/huyện học tập (Hải Phòng, 2022)"
    );
    expect(run.stdout).toContain("— trang tính “Tu danh gia 2022”");
    expect(run.stdout).not.toMatch(/hp-2022|\[[a-z-]+\]/);
    expect(run.stdout).toContain("  LỖI D11 Chỉ báo 4 tự đánh giá đạt mức nhưng chưa có mã minh chứng");
    const codes = await hoctap("check", ex("huyen-tien-lang-co-loi.xlsx"), "--chi-tiet");
    expect(codes.stdout).toContain("  LỖI D11 [missing-evidence] Chỉ báo 4");
    // --json keeps the codes whatever the flag.
    const [json] = JSON.parse((await hoctap("check", ex("huyen-tien-lang-co-loi.xlsx"), "--json")).stdout);
    expect(json.issues[0].rule).toMatch(/^[a-z-]+$/);
  });

  test("1E+308 is said as the cell shows it, never “Infinity”", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(ex("thanh-pho-nguong.xlsx"));
    const ws = wb.worksheets[0]!;
    ws.getCell("C17").value = 1e308;
    ws.getCell("C28").value = 1e308;
    ws.getCell("C28").numFmt = "0%";
    const path = join(dir, "lon.xlsx");
    await wb.xlsx.writeFile(path);
    const run = await hoctap("check", path);
    expect(run.stdout).toContain("LỖI C17 Số liệu 1E+308 của chỉ báo 8 nằm ngoài khoảng cho phép");
    expect(run.stdout).toContain("LỖI C28 Số liệu 1E+308 của chỉ báo 16 nằm ngoài khoảng cho phép");
    expect(run.stdout).not.toContain("Infinity");
    expect([
      formatNumberVi(1e308),
      formatNumberVi(-1.5e20),
      formatNumberVi(87.5),
      formatNumberVi(1e-9),
    ]).toEqual(["1E+308", "-1,5E+20", "87,5", "1E-9"]);
  });
});

describe("usage mistakes say what to do", () => {
  const folder = join(dir, "Nop bai");
  mkdirSync(folder);
  const file = join(folder, "Xa An Hoa.xlsx");
  copyFileSync(ex("xa-an-hoa.xlsx"), file);

  test("a path with spaces typed without quotes: one line, the command to type", async () => {
    const run = await hoctap("check", ...file.split(" "));
    expect(run.code).toBe(2);
    expect(run.stderr).toEqual([
      `không tìm thấy “${dir}/Nop”, “bai/Xa”, “An”, “Hoa.xlsx”: đường dẫn có dấu cách phải đặt trong ngoặc kép, ví dụ: hoctap check "${file}"`,
    ]);
    // A folder, and a file that is not there either: still one line, with the quotes.
    expect((await hoctap("summary", ...folder.split(" "))).stderr).toEqual([
      `không tìm thấy “${dir}/Nop”, “bai”: đường dẫn có dấu cách phải đặt trong ngoặc kép, ví dụ: hoctap summary "${folder}"`,
    ]);
    const missing = join(folder, "khong co.xlsx");
    expect((await hoctap("check", ...missing.split(" "), "--lang", "en")).stderr).toEqual([
      `file “${missing}” not found (if it is one path with spaces, put it in quotes: hoctap check "${missing}" --lang en)`,
    ]);
    // clean takes one file: the pieces are not "too many files".
    expect((await hoctap("clean", ...file.split(" "), "--out", join(dir, "sach.xlsx"))).stderr).toEqual([
      `không tìm thấy “${dir}/Nop”, “bai/Xa”, “An”, “Hoa.xlsx”: đường dẫn có dấu cách phải đặt trong ngoặc kép, ví dụ: hoctap clean "${file}" --out ${join(dir, "sach.xlsx")}`,
    ]);
    // Two files that are simply not there are two files, each said on its own.
    const two = await hoctap("check", join(dir, "a.xlsx"), join(dir, "b.xlsx"));
    expect(two.stderr).toEqual([
      `${join(dir, "a.xlsx")}: không tìm thấy tệp`,
      `${join(dir, "b.xlsx")}: không tìm thấy tệp`,
    ]);
  });

  test("an option's value cut at a space: --out, --sheet", async () => {
    const out = join(dir, "Ket qua", "KQ An Hoa.xlsx");
    expect((await hoctap("check", file, "--out", ...out.split(" "))).stderr).toEqual([
      `--out “${dir}/Ket” bị cắt ở dấu cách: đường dẫn có dấu cách phải đặt trong ngoặc kép, ví dụ: --out "${out}"`,
    ]);
    expect((await hoctap("check", file, "--sheet", "Tự", "đánh", "giá")).stderr).toEqual([
      `--sheet “Tự” bị cắt ở dấu cách: tên có dấu cách phải đặt trong ngoặc kép, ví dụ: --sheet "Tự đánh giá"`,
    ]);
  });

  test('a folder typed "D:\\Nop bai\\" in Command Prompt (the \\ keeps the quote): the path as it should be', async () => {
    const said = (piece: string) =>
      `“${piece}” chứa dấu ngoặc kép: trong Command Prompt, dấu \\ ngay trước ngoặc kép đóng giữ lại ngoặc kép đó; bỏ dấu \\ ở cuối đường dẫn, ví dụ: `;
    const alone = await hoctap("check", `${folder}"`);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toEqual([`${said(`${folder}"`)}hoctap check "${folder}"`]);
    // The words after it, up to the next quote, arrive in the same piece.
    const merged = `${folder}" --out-dir ${join(dir, "Ket")}`;
    expect((await hoctap("summary", merged, "qua")).stderr).toEqual([
      `${said(merged)}hoctap summary "${folder}"`,
    ]);
    const out = `${join(dir, "Ket qua")}"`;
    expect((await hoctap("check", folder, "--out-dir", out)).stderr).toEqual([
      `${said(out)}--out-dir "${join(dir, "Ket qua")}"`,
    ]);
  });

  test("a command copied from Word or Zalo, its quotes curly: the command with straight quotes", async () => {
    const said =
      'lệnh có ngoặc kép cong “ ” (thường do chép từ Word, Zalo hay thư điện tử), Command Prompt không hiểu là ngoặc kép: gõ ngoặc kép thẳng " từ bàn phím, ví dụ: ';
    const run = await hoctap(
      "check",
      ...`“${file}”`.split(" "),
      "--out-dir",
      ...`“${join(dir, "Ket qua")}”`.split(" ")
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toEqual([`${said}hoctap check "${file}" --out-dir "${join(dir, "Ket qua")}"`]);
    // A path that came whole keeps its quotes in the example; a sheet's name cut at its spaces too.
    expect((await hoctap("check", file, "--sheet", "“Tự", "đánh", "giá”")).stderr).toEqual([
      `${said}hoctap check "${file}" --sheet "Tự đánh giá"`,
    ]);
  });

  test("a wildcard that matches nothing: one line", async () => {
    const pattern = join(folder, "*.xls");
    expect((await hoctap("check", pattern)).stderr).toEqual([`không có tệp nào khớp với “${pattern}”`]);
    // Beside files it does find, the pattern that found none is said, and the rest read.
    const mixed = await hoctap("summary", pattern, file);
    expect(mixed.stderr).toEqual([`không có tệp nào khớp với “${pattern}”`]);
    expect(mixed.code).toBe(0);
  });

  test("an unknown --sheet lists the sheets there are; a sheet without a table is said so", async () => {
    const run = await hoctap("check", ex("thanh-pho-nguong.xlsx"), "--sheet", "Tong hop");
    expect(run.code).toBe(2);
    expect(run.stderr).toEqual([
      `${ex("thanh-pho-nguong.xlsx")}: không có trang tính “Tong hop”; các trang tính trong tệp: “Tự đánh giá”, “Bộ tiêu chí” (ví dụ: --sheet "Tự đánh giá")`,
    ]);
    // The same through --out (the writer's reading), and in --json with its code.
    const out = await hoctap(
      "check",
      ex("thanh-pho-nguong.xlsx"),
      "--sheet",
      "Tong hop",
      "--out",
      join(dir, "o.xlsx")
    );
    expect(out.stderr[0]).toContain("các trang tính trong tệp: “Tự đánh giá”, “Bộ tiêu chí”");
    const json = await hoctap("check", ex("thanh-pho-nguong.xlsx"), "--sheet", "Tong hop", "--json");
    expect(JSON.parse(json.stdout)[0].error.code).toBe("no-sheet");
  });

  test("a PDF (or any file that is not Excel) asks for the Excel file again", async () => {
    const pdf = join(dir, "Bao cao.pdf");
    writeFileSync(pdf, "%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n");
    const renamed = join(dir, "xa-b.xlsx");
    writeFileSync(renamed, "%PDF-1.4\n%%EOF\n");
    const run = await hoctap("check", pdf, renamed);
    expect(run.code).toBe(2);
    const said =
      "không phải tệp Excel (có thể là tệp PDF, Word hay ảnh): xin đơn vị gửi lại tệp Excel (.xlsx)";
    expect(run.stderr).toEqual([`${pdf}: ${said}`, `${renamed}: ${said}`]);
  });
});

describe("columns by display width", () => {
  test("width counts what a terminal shows: marks nothing, CJK and emoji two", () => {
    const nfd = "Xã An Hòa".normalize("NFD");
    expect(nfd.length).toBeGreaterThan("Xã An Hòa".length);
    expect(displayWidth(nfd)).toBe(9);
    expect(displayWidth("Nguyễn Thị Ánh")).toBe(14);
    expect(displayWidth("北京市")).toBe(6);
    expect(displayWidth("Tốt 👍")).toBe(6);
    expect(padToWidth(nfd, 12)).toBe("Xã An Hòa   ");
    expect(cutToWidth("北京市朝阳区", 7)).toBe("北京市…");
    expect(cutToWidth("Huyện Thủy Nguyên".normalize("NFD"), 8)).toBe("Huyện T…");
    expect(cutToWidth("nop-bai/An Lao/Xa An Hoa.xlsx", 16, "end")).toBe("…/Xa An Hoa.xlsx");
  });

  test("the summary's table lines up names written in NFD (as macOS writes them) and wide names", async () => {
    const folder = join(dir, "tong-hop");
    mkdirSync(folder);
    const names = ["Xã An Hòa.xlsx".normalize("NFD"), "北京.xlsx", "Huyện Thủy Nguyên.xlsx"];
    copyFileSync(ex("xa-an-hoa.xlsx"), join(folder, names[0]!));
    copyFileSync(ex("huyen-an-duong.xlsx"), join(folder, names[1]!));
    copyFileSync(ex("huyen-tien-lang-co-loi.xlsx"), join(folder, names[2]!));
    const run = await hoctap("summary", folder);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^Tệp +Trang tính +Đơn vị/);
    // Every column starts at the same terminal cell on every line.
    const starts = (line: string) => {
      let from = 0;
      return line.split(/ {2,}/).map((cell) => {
        const at = line.indexOf(cell, from);
        from = at + cell.length;
        return displayWidth(line.slice(0, at));
      });
    };
    const heading = starts(lines[0]!);
    for (const line of lines.slice(2)) expect(starts(line).slice(0, 3)).toEqual(heading.slice(0, 3));
    expect(run.stdout).toContain("Xã An Hòa.xlsx"); // printed composed (NFC)
    expect(run.stdout).not.toContain("Xã An Hòa.xlsx".normalize("NFD"));
  });

  test("a unit its sheet does not name: “(chưa rõ)” in the summary's table, as in Tổng hợp", async () => {
    const file = join(dir, "khong-ten.xlsx");
    writeFileSync(file, snapshotXlsx([sheet("Tự đánh giá", template({ unit: "BẢNG ĐIỂM" }).rows)]));
    const run = await hoctap("summary", file);
    expect(run.code).toBe(0);
    expect(run.stdout.split("\n")[2]).toMatch(/^khong-ten\.xlsx +Tự đánh giá +\(chưa rõ\) +2 /);
    // Left off the list of recognised units for an error: said once, as a unit without a name.
    const wrong = join(dir, "khong-ten-loi.xlsx");
    const rows = template({
      unit: "BẢNG ĐIỂM",
      indicator: (n) => (n === 1 ? { level: undefined } : {}),
    }).rows;
    writeFileSync(wrong, snapshotXlsx([sheet("Tự đánh giá", rows)]));
    expect((await hoctap("summary", wrong, "--danh-sach")).stderr).toContain(
      `Đơn vị chưa rõ tên (khong-ten-loi.xlsx, Tự đánh giá): chưa đưa vào danh sách công nhận vì bảng còn 1 lỗi; sửa các lỗi rồi tổng hợp lại.`
    );
  });
});
