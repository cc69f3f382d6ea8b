// A department's batch as it arrives: the officers' real forms in one folder per district, Excel's
// lock files and other documents beside them, two districts sending the same file name. The CLI
// expands folders and wildcards itself, mirrors the folders in --out-dir, and closes with a tally.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import ExcelJS from "exceljs";
import { hoctap } from "../helpers/cli";
import { layouts, type Expected } from "../fixtures/forms/layouts";

const root = mkdtempSync(join(tmpdir(), "hoctap-forms-"));
const inbox = join(root, "Nop bai");
const wanted = new Map<string, Expected>();

beforeAll(async () => {
  for (const layout of layouts()) {
    const folder = join(inbox, layout.group);
    mkdirSync(folder, { recursive: true });
    const { wb, expect } = layout.build("picture");
    await wb.xlsx.writeFile(join(folder, `${layout.name}.xlsx`));
    wanted.set(join(folder, `${layout.name}.xlsx`), expect);
  }
  // Two districts send the same file name.
  for (const district of ["anlao", "kienthuy"]) {
    mkdirSync(join(inbox, district), { recursive: true });
    const { wb, expect } = layouts()[0]!.build("picture");
    await wb.xlsx.writeFile(join(inbox, district, "Bang tu danh gia.xlsx"));
    wanted.set(join(inbox, district, "Bang tu danh gia.xlsx"), expect);
  }
  writeFileSync(join(inbox, "anlao", "~$Bang tu danh gia.xlsx"), "lock");
  writeFileSync(join(inbox, "anlao", "Cong van.docx"), "not a workbook");
}, 60000);

test("a folder: every form read to the right indicators, levels, unit and recognition", async () => {
  const out = join(root, "Ket qua");
  const run = await hoctap("check", inbox, "--json", "--out-dir", out);
  const reports = JSON.parse(run.stdout) as {
    file: string;
    sheet: string;
    unitName: string;
    indicators: { number: number; row: number; level: number | null }[];
    recognition: { level: number | null };
    framework: { id: string };
    issues: { rule: string; cell: string; severity: string }[];
  }[];
  expect(reports.map((r) => r.file).sort()).toEqual([...wanted.keys()].sort());
  for (const r of reports) {
    const want = wanted.get(r.file)!;
    expect([r.file, r.sheet, r.unitName, r.recognition.level]).toEqual([
      r.file,
      want.sheet,
      want.unitName,
      want.recognition,
    ]);
    expect(r.indicators.map((i) => [i.number, i.row, i.level])).toEqual(want.indicators);
    // The commune's forms find the circular-25 set by their shape; a workbook's own set wins.
    expect(r.framework.id).toBe(want.framework ?? "hp-2022-district");
    expect(
      r.issues.filter((i) => i.rule !== "criteria-sheet").map((i) => `${i.rule}@${i.cell}:${i.severity}`)
    ).toEqual(want.issues);
  }
  expect(run.code).toBe(1);
  // Skipped once, counted; the hidden draft and the hidden-only workbook each say so.
  const withErrors = [...wanted.values()].filter((w) => w.issues.some((i) => i.endsWith(":error"))).length;
  expect(withErrors).toBe(6);
  expect(run.notes).toEqual([
    "bỏ qua 1 tệp khoá ~$ của Excel và 1 tệp không phải bảng tính (“Cong van.docx”)",
    `${wanted.size} tệp: ${wanted.size - withErrors} không lỗi, ${withErrors} có lỗi, 0 không đọc được`,
  ]);
  expect(run.stderr.some((l) => /bỏ qua trang tính ẩn “Nháp”/.test(l))).toBe(true);
  expect(run.stderr.some((l) => /mọi trang tính có bảng tự đánh giá đều đang ẩn/.test(l))).toBe(true);
  // --out-dir mirrors the folders: the two same-named files both have their result.
  const written = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? written(join(dir, e.name)) : [relative(out, join(dir, e.name))]
    );
  expect(written(out).sort()).toEqual([...wanted.keys()].map((f) => relative(inbox, f)).sort());
}, 60000);

test("a unit's workbook in an older or other format, found in a folder, is named with how to fix it", async () => {
  const dir = join(root, "Nop bai cu");
  mkdirSync(dir, { recursive: true });
  const { wb } = layouts()[0]!.build("picture");
  await wb.xlsx.writeFile(join(dir, "Xa moi.xlsx"));
  writeFileSync(join(dir, "Xa cu.xls"), Buffer.from("d0cf11e0a1b11ae1", "hex"));
  writeFileSync(join(dir, "Xa khac.ods"), "PK not really");
  const run = await hoctap("summary", dir);
  expect(run.code).toBe(0);
  expect(run.stderr.filter((l) => /Xa cu\.xls|Xa khac\.ods/.test(l))).toHaveLength(2);
  expect(run.stderr.find((l) => l.includes("Xa cu.xls"))).toMatch(/\.xlsx/);
  expect(run.notes).toEqual(["3 tệp: 1 không lỗi, 0 có lỗi, 2 không đọc được"]);
}, 60000);

test("wildcards are expanded by the tool (Windows passes them through); the summary shows paths from the common folder", async () => {
  const run = await hoctap(
    "summary",
    join(inbox, "*", "Bang tu danh gia.xlsx"),
    join(inbox, "standard", "hanh-chinh-*.xlsx"),
    // Every row, those of a unit met twice too (the table shows each unit once).
    "--json"
  );
  expect(run.code).toBe(0);
  expect((JSON.parse(run.stdout) as { file: string }[]).map((r) => r.file)).toEqual([
    "anlao/Bang tu danh gia.xlsx",
    "kienthuy/Bang tu danh gia.xlsx",
    "standard/hanh-chinh-1.xlsx",
    "standard/hanh-chinh-2.xlsx",
    "standard/hanh-chinh-3.xlsx",
    "standard/hanh-chinh-xa.xlsx",
  ]);
  expect(run.notes).toEqual(["6 tệp: 6 không lỗi, 0 có lỗi, 0 không đọc được"]);
  const none = await hoctap("summary", join(inbox, "*.ods"));
  expect(none).toMatchObject({
    code: 2,
    // One line, not one for the pattern and another for the nothing it left to read.
    stderr: [`không có tệp nào khớp với “${join(inbox, "*.ods")}”`],
  });
}, 60000);

test("hidden sheets: left out by default, in with --include-hidden, named by --sheet", async () => {
  const file = join(inbox, "hidden-draft", "nhap-an.xlsx");
  const plain = JSON.parse((await hoctap("check", file, "--json")).stdout);
  expect(plain.map((r: { sheet: string }) => r.sheet)).toEqual(["Tự đánh giá"]);
  const all = await hoctap("check", file, "--json", "--include-hidden");
  expect(JSON.parse(all.stdout).map((r: { sheet: string }) => r.sheet)).toEqual(["Nháp", "Tự đánh giá"]);
  expect(all.code).toBe(1);
  const named = await hoctap("check", file, "--json", "--sheet", "nhap");
  expect(JSON.parse(named.stdout).map((r: { sheet: string }) => r.sheet)).toEqual(["Nháp"]);
  const summary = await hoctap("summary", file, "--json");
  expect(JSON.parse(summary.stdout)).toHaveLength(1);
  // Written with --include-hidden: the draft's KQ stays hidden like the draft, the other's shows.
  const out = join(root, "nhap-an-kq.xlsx");
  expect((await hoctap("check", file, "--include-hidden", "--out", out)).code).toBe(1);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
    ["Nháp", "hidden"],
    ["Tự đánh giá", "visible"],
    ["KQ Nháp", "hidden"],
    ["KQ Tự đánh giá", "visible"],
  ]);
});

test("--last-row and --header-row choose the table by hand", async () => {
  const file = join(inbox, "standard", "hanh-chinh-1.xlsx");
  const want = wanted.get(file)!;
  const cut = await hoctap("check", file, "--json", "--last-row", String(want.indicators[14]![1]));
  const [report] = JSON.parse(cut.stdout);
  expect(report.indicators).toHaveLength(15);
  expect(report.issues[0].rule).toBe("structure-count");
  const header = await hoctap("check", file, "--json", "--header-row", String(want.headerRow));
  expect(JSON.parse(header.stdout)[0].recognition.level).toBe(want.recognition);
  const bad = await hoctap("check", file, "--last-row", "cuối");
  expect(bad).toMatchObject({
    code: 2,
    stderr: ["--last-row cần một số dòng từ 1 đến 1048576, không phải “cuối”"],
  });
});

test("a long list of issues is capped on the terminal, never in --json; the single big file says what it is doing", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Tự đánh giá");
  ws.addRow(["TT", "Nội dung", "Số liệu", "Minh chứng", "Tự đánh giá"]);
  for (let i = 1; i <= 1200; i++) ws.addRow([`CB${i}`, "nội dung", "có", "H", null]);
  const file = join(root, "nhieu-loi.xlsx");
  await wb.xlsx.writeFile(file);
  const run = await hoctap("check", file, "--out", join(root, "nhieu-loi-kq.xlsx"));
  expect(run.stdout).toContain("  … và 1.151 lỗi khác (xem đủ bằng --json)");
  expect(run.stdout).toContain("  … và 1.100 chỉ báo khác");
  expect(run.stdout.split("\n").length).toBeLessThan(200);
  expect(run.steps.map((s) => /^Đang (đọc|kiểm tra|ghi)/.exec(s)?.[0])).toEqual([
    "Đang đọc",
    "Đang kiểm tra",
    "Đang ghi",
  ]);
  const json = JSON.parse((await hoctap("check", file, "--json")).stdout);
  expect(json[0].issues).toHaveLength(1201);
});

test("an explicitly named .xls gets its own message, even when it is not an OLE file inside", async () => {
  const xls = join(root, "Bao cao.xls");
  writeFileSync(xls, "<html><table><tr><td>TT</td></tr></table></html>");
  const run = await hoctap("check", xls);
  expect(run).toMatchObject({
    code: 2,
    stderr: [`${xls}: là tệp Excel cũ (.xls): mở trong Excel và lưu lại dạng .xlsx`],
  });
  expect(existsSync(xls)).toBe(true);
});

test("a previous run's results inside --out-dir are not inputs", async () => {
  const out = join(root, "Ket qua 2");
  expect((await hoctap("check", join(inbox, "standard"), "--out-dir", out)).code).toBe(0);
  const again = await hoctap("check", out, "--out-dir", out);
  expect(again).toMatchObject({ code: 2, stderr: ["mọi tệp đều nằm trong thư mục kết quả --out-dir"] });
  const both = await hoctap("check", root, "--out-dir", out, "--json");
  expect(JSON.parse(both.stdout).some((r: { file: string }) => r.file.startsWith(out))).toBe(false);
}, 60000);
