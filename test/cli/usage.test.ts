// The command line's own mistakes, said in the officer's language with what would have been valid;
// and the commands that rewrite a workbook keep what they do not write, and write nothing for nothing.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync, zipSync } from "fflate";
import { hoctap } from "../helpers/cli";

const EXAMPLES = join(__dirname, "..", "fixtures", "examples");
const ex = (f: string) => join(EXAMPLES, f);
const dir = mkdtempSync(join(tmpdir(), "hoctap-usage-"));

test.each([
  [
    ["fly"],
    "không có lệnh “fly”; các lệnh: check, clean, summary, template, frameworks (xem: hoctap --help)",
  ],
  [
    ["chek", "a.xlsx"],
    "không có lệnh “chek”; có phải “check”? Các lệnh: check, clean, summary, template, frameworks (xem: hoctap --help)",
  ],
  [["check"], 'lệnh check cần ít nhất một tệp .xlsx, thư mục hoặc mẫu, ví dụ: hoctap check "D:\\Nop bai"'],
  [["check", "a.xlsx", "--lang", "fr"], "--lang không nhận “fr”; chọn một trong: vi, en"],
  [
    ["template", "--out", "x.xlsx"],
    'lệnh template cần tuỳ chọn --framework <mã|tệp> (các bộ tiêu chí: tt25-2023-xa, hp-2022-district, hp-2022-city, tt25-2023-tinh, tt25-2023-huyen, tt24-2023-don-vi-huyen, tt24-2023-don-vi-tinh), ví dụ: hoctap template --framework tt25-2023-xa --out "Mau.xlsx"',
  ],
  // --out given without its value: the value is missing (not the option), said with an example.
  [["check", "a.xlsx", "--out"], '--out cần một tên tệp ngay sau nó, ví dụ: --out "KQ.xlsx"'],
  [["check", "a.xlsx", "--out", "--json"], '--out cần một tên tệp ngay sau nó, ví dụ: --out "KQ.xlsx"'],
  [["check", "a.xlsx", "--header-row"], "--header-row cần một số dòng ngay sau nó, ví dụ: --header-row 5"],
  [
    ["template", "--out", "x.xlsx", "--framework"],
    "--framework cần một bộ tiêu chí ngay sau nó, ví dụ: --framework tt25-2023-xa (các bộ tiêu chí: tt25-2023-xa, hp-2022-district, hp-2022-city, tt25-2023-tinh, tt25-2023-huyen, tt24-2023-don-vi-huyen, tt24-2023-don-vi-tinh, hoặc một tệp .json / .xlsx)",
  ],
  [["clean", "a.xlsx"], 'lệnh clean cần tuỳ chọn --out, ví dụ: hoctap clean "KQ.xlsx" --out "Gui di.xlsx"'],
  [
    ["check", "a.xlsx", "--out", "kq.ods"],
    "tệp kết quả “kq.ods” cần có đuôi .xlsx (hoặc .xlsm khi bảng tính có macro): công cụ ghi bảng tính Excel",
  ],
  [
    ["clean", "a.xlsx", "--out", "sach"],
    "tệp kết quả “sach” cần có đuôi .xlsx (hoặc .xlsm khi bảng tính có macro): công cụ ghi bảng tính Excel",
  ],
  [
    ["clean", "a.xlsx", "b.xlsx", "--out", "c.xlsx"],
    "lệnh clean nhận đúng 1 tệp; với nhiều tệp hãy chạy lại từng tệp (đường dẫn có dấu cách thì đặt trong ngoặc kép)",
  ],
  [
    ["fly", "--lang", "en"],
    "no command “fly”; commands: check, clean, summary, template, frameworks (see: hoctap --help)",
  ],
  [[], "chọn một lệnh: check, clean, summary, template, frameworks (xem: hoctap --help)"],
  [
    ["--lang=en"],
    "no option “--lang=en” before a command; commands: check, clean, summary, template, frameworks (see: hoctap --help)",
  ],
  [
    ["template", "--set", "hp-2099", "--out", "x.xlsx"],
    "không có bộ tiêu chí “hp-2099”; chọn một trong: tt25-2023-xa, hp-2022-district, hp-2022-city, tt25-2023-tinh, tt25-2023-huyen, tt24-2023-don-vi-huyen, tt24-2023-don-vi-tinh, hoặc một tệp .json / .xlsx (xem thêm: hoctap frameworks)",
  ],
  // A set's id typed with its accent, or only its start: the closest ids first.
  [
    ["check", "a.xlsx", "--framework", "tt25-2023-xã"],
    "không có bộ tiêu chí “tt25-2023-xã”; có phải “tt25-2023-xa”? Các bộ tiêu chí: auto, tt25-2023-xa, hp-2022-district, hp-2022-city, tt25-2023-tinh, tt25-2023-huyen, tt24-2023-don-vi-huyen, tt24-2023-don-vi-tinh, hoặc một tệp .json / .xlsx (xem thêm: hoctap frameworks)",
  ],
  [
    ["template", "--framework", "tt25", "--out", "x.xlsx", "--lang", "en"],
    "no criteria set “tt25”; did you mean “tt25-2023-xa” or “tt25-2023-tinh” or “tt25-2023-huyen”? Sets: tt25-2023-xa, hp-2022-district, hp-2022-city, tt25-2023-tinh, tt25-2023-huyen, tt24-2023-don-vi-huyen, tt24-2023-don-vi-tinh, or a .json / .xlsx file (see: hoctap frameworks)",
  ],
  [
    ["template", "--framework", "bo.txt", "--out", "x.xlsx"],
    "không có bộ tiêu chí “bo.txt”; chọn một trong: tt25-2023-xa, hp-2022-district, hp-2022-city, tt25-2023-tinh, tt25-2023-huyen, tt24-2023-don-vi-huyen, tt24-2023-don-vi-tinh, hoặc một tệp .json / .xlsx (xem thêm: hoctap frameworks)",
  ],
  [
    ["frameworks", "--export", "tt25-2023-xa", "--out", "bo.csv"],
    "--out cần tệp .json hoặc .xlsx, không phải “bo.csv”",
  ],
  [
    ["check", "a.xlsx", "--map", "data=C:D"],
    "--map không hợp lệ: “data=C:D”. Ví dụ: --map level=F,data=D,evidence=E (cột theo mức: --map level=F:I); vai trò: level, data, evidence, content, code",
  ],
])("%j", async (args, message) => {
  const run = await hoctap(...args);
  expect(run.code).toBe(2);
  expect(run.stderr.at(-1)).toBe(message);
  expect(run.stderr.join(" ")).not.toMatch(/error:|required|unknown|Allowed|Did you mean/);
  // Never "hoctap: hoctap check …": the line's own prefix is the program's name.
  expect(run.stderr.join(" ")).not.toMatch(/^hoctap /);
});

test("an unknown option lists the command's options", async () => {
  const run = await hoctap("check", "a.xlsx", "--bogus");
  expect(run.stderr).toEqual([
    "lệnh check không có tuỳ chọn “--bogus”; các tuỳ chọn: --framework, --sheet, --json, --out, --out-dir, --force, --map, --header-row, --last-row, --dieu-kien, --include-hidden, --tham-dinh, --chi-tiet, --lang",
  ]);
  // A misspelled option: the closest one first.
  expect((await hoctap("check", "a.xlsx", "--jsn")).stderr).toEqual([
    "lệnh check không có tuỳ chọn “--jsn”; có phải “--json”? Các tuỳ chọn: --framework, --sheet, --json, --out, --out-dir, --force, --map, --header-row, --last-row, --dieu-kien, --include-hidden, --tham-dinh, --chi-tiet, --lang",
  ]);
  expect((await hoctap("summary", "a.xlsx", "--include-hiden", "--lang", "en")).stderr).toEqual([
    "the summary command has no option “--include-hiden”; did you mean “--include-hidden”? Options: --out, --json, --include-hidden, --danh-sach, --force, --lang",
  ]);
  expect((await hoctap("--help")).code).toBe(0);
});

test("--map level=F:I reads one column per level", async () => {
  // huyen-an-duong has its levels in E: read E:F as per-level columns, every row is a bad mark.
  const run = await hoctap("check", ex("huyen-an-duong.xlsx"), "--map", "level=E:F", "--json");
  const [report] = JSON.parse(run.stdout);
  expect(report.table.columns.level).toBe("E:F");
  expect(report.issues[0]).toMatchObject({ rule: "invalid-level", cell: "E7" });
});

test("clean writes nothing when there is nothing to remove; clean and summary --out keep what they do not write", async () => {
  const out = join(dir, "sach.xlsx");
  const nothing = await hoctap("clean", ex("huyen-an-duong.xlsx"), "--out", out);
  expect(nothing).toMatchObject({ code: 0, stderr: [] });
  expect(nothing.stdout).toBe(
    `${ex("huyen-an-duong.xlsx")} không có kết quả nào của add-in: không ghi tệp ${out}\n`
  );
  expect(existsSync(out)).toBe(false);

  const written = join(dir, "ket-qua.xlsx");
  await hoctap("check", ex("huyen-an-duong.xlsx"), "--out", written);
  const chart = Buffer.from('<?xml version="1.0"?><c:chartSpace xmlns:c="urn:x"/>');
  const withChart = join(dir, "bieu-do.xlsx");
  writeFileSync(withChart, zipSync({ ...unzipSync(readFileSync(written)), "xl/charts/chart1.xml": chart }));
  const cleaned = join(dir, "sach-2.xlsx");
  const clean = await hoctap("clean", withChart, "--out", cleaned);
  expect(clean).toMatchObject({ code: 0, stderr: [] });
  expect(Buffer.from(unzipSync(readFileSync(cleaned))["xl/charts/chart1.xml"]!)).toEqual(chart);
  const target = join(dir, "tong-hop.xlsx");
  copyFileSync(withChart, target);
  const summary = await hoctap("summary", ex("huyen-an-duong.xlsx"), "--out", target);
  expect(summary).toMatchObject({ code: 0, stderr: [] });
  expect(Buffer.from(unzipSync(readFileSync(target))["xl/charts/chart1.xml"]!)).toEqual(chart);
});

test("template and frameworks --export never write over a workbook already there", async () => {
  const officers = join(dir, "bang cua can bo.xlsx");
  copyFileSync(ex("huyen-an-duong.xlsx"), officers);
  const before = readFileSync(officers);
  for (const args of [
    ["template", "--framework", "tt25-2023-xa", "--out", officers],
    ["frameworks", "--export", "tt25-2023-xa", "--out", officers],
  ]) {
    const run = await hoctap(...args);
    expect(run.code).toBe(2);
    expect(run.stderr).toEqual([
      `đã có tệp “${officers}”: chọn tên khác, hoặc xoá tệp đó trước (công cụ không ghi đè một bảng tính có sẵn)`,
    ]);
  }
  expect(readFileSync(officers).equals(before)).toBe(true);
});

test("an output already there is replaced only when the tool wrote it, or with --force", async () => {
  // The help of each writing command names --force.
  for (const command of ["check", "clean", "summary"]) {
    const help = await hoctap("help", command);
    expect(help.stdout).toMatch(/--force\s+\S/);
  }
  const officers = join(dir, "bao cao quy 3.xlsx");
  copyFileSync(ex("xa-an-hoa.xlsx"), officers);
  const before = readFileSync(officers);
  const input = ex("huyen-an-duong.xlsx");
  const refused = (file: string, act: string) => [
    `đã có tệp “${file}” và đó không phải bản do công cụ ghi ra: công cụ không ghi đè bảng tính này; hãy chọn tên khác, hoặc ${act}`,
  ];
  const replace = "thêm --force nếu muốn thay tệp đó";
  for (const args of [
    ["check", input, "--out", officers],
    ["summary", input, "--out", officers],
  ]) {
    const run = await hoctap(...args);
    expect(run.code).toBe(2);
    expect(run.stderr).toEqual(
      refused(
        officers,
        args[0] === "summary" ? "thêm --force để ghi trang tính tổng hợp vào chính tệp đó" : replace
      )
    );
    expect(readFileSync(officers).equals(before)).toBe(true);
  }
  // --out-dir: an officer's workbook where a copy would go is refused before anything is written.
  const outDir = join(dir, "ket qua force");
  const inputs = join(dir, "nop force");
  mkdirSync(inputs, { recursive: true });
  mkdirSync(outDir, { recursive: true });
  copyFileSync(input, join(inputs, "a.xlsx"));
  copyFileSync(ex("xa-an-hoa.xlsx"), join(inputs, "b.xlsx"));
  copyFileSync(officers, join(outDir, "b.xlsx"));
  const dirRun = await hoctap("check", inputs, "--out-dir", outDir);
  expect(dirRun.code).toBe(2);
  expect(dirRun.stderr).toEqual(refused(join(outDir, "b.xlsx"), replace));
  expect(existsSync(join(outDir, "a.xlsx"))).toBe(false);

  // The tool's own output is replaced by a second run, without --force.
  const kq = join(dir, "kq force.xlsx");
  expect((await hoctap("check", input, "--out", kq)).code).toBe(0);
  expect((await hoctap("check", input, "--out", kq)).code).toBe(0);
  // clean onto an officer's workbook: refused; with --force it is replaced.
  const cleanRun = await hoctap("clean", kq, "--out", officers);
  expect(cleanRun).toMatchObject({ code: 2, stderr: refused(officers, replace) });
  expect(readFileSync(officers).equals(before)).toBe(true);
  expect((await hoctap("clean", kq, "--out", officers, "--force")).code).toBe(0);
  expect(readFileSync(officers).equals(before)).toBe(false);
  // --force on check replaces, on summary writes the sheet into the officer's workbook.
  const other = join(dir, "bao cao khac.xlsx");
  copyFileSync(ex("xa-an-hoa.xlsx"), other);
  expect((await hoctap("check", input, "--out", other, "--force")).code).toBe(0);
  const summaryTarget = join(dir, "so theo doi.xlsx");
  copyFileSync(ex("xa-an-hoa.xlsx"), summaryTarget);
  const forced = await hoctap("summary", input, "--out", summaryTarget, "--force");
  expect(forced.code).toBe(0);
  // And the summary workbook, now the tool's, takes the next summary without --force.
  expect((await hoctap("summary", input, "--out", summaryTarget)).code).toBe(0);
  // In English too.
  const en = await hoctap("check", input, "--out", join(outDir, "b.xlsx"), "--lang", "en");
  expect(en.stderr).toEqual([
    `“${join(outDir, "b.xlsx")}” already exists and is not a file the tool wrote: it is not written over; choose another name, or add --force to replace it`,
  ]);
});
