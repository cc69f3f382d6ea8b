// Criteria sets as files: `--framework ID|FILE.json|FILE.xlsx`, `frameworks --export … --out
// FILE.json|FILE.xlsx`, `template --framework` (and its old `--set`), the commune set at work.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { builtinFramework } from "../../src/core/sets/builtin";
import type { Framework } from "../../src/core/sets/framework";
import { loadFramework } from "../../src/core/sets/schema";
import { hoctap } from "../helpers/cli";
import { layouts } from "../fixtures/forms/layouts";
import { template } from "../helpers/grid";

const dir = mkdtempSync(join(tmpdir(), "hoctap-sets-"));
const at = (f: string) => join(dir, f);
const held = ({ notes: _n, source: _s, version: _v, ...rest }: Framework) => rest;
beforeAll(async () => {
  for (const name of ["xa-dat-khong-dat", "bo-rieng-don-vi"]) {
    const { wb } = layouts()
      .find((l) => l.name === name)!
      .build("test");
    await wb.xlsx.writeFile(at(`${name}.xlsx`));
  }
});

test("a commune's form is checked with tt25-2023-xa, in the set's words, with the validity estimate", async () => {
  const run = await hoctap("check", at("xa-dat-khong-dat.xlsx"));
  expect(run.code).toBe(0);
  // The set by its title, never its id, in the text report.
  expect(run.stdout).toContain(
    "Bộ tiêu chí: Tiêu chí đánh giá, công nhận “Cộng đồng học tập” cấp xã (Thông tư 25/2023/TT-BGDĐT)"
  );
  expect(run.stdout).not.toContain("tt25-2023-xa");
  // Codes that only repeat the target's name (1.1 beside 1.1) get no column of their own.
  expect(run.stdout).toContain("  Chỉ tiêu  Tự ĐG  Tính  Mức\n  1.1       2      —     2");
  expect(run.stdout).toContain("Đề nghị công nhận: Xã An Hòa — Cộng đồng học tập cấp xã — Mức độ 1");
  expect(run.stdout).toContain(
    "Thời hạn (ước tính từ năm đánh giá 2025 ở tiêu đề; bảng tính không có ngày quyết định): đến hết năm 2029 nếu được công nhận năm 2026."
  );
  const [report] = JSON.parse((await hoctap("check", at("xa-dat-khong-dat.xlsx"), "--json")).stdout);
  expect(report).toMatchObject({
    framework: {
      id: "tt25-2023-xa",
      kind: "commune",
      layers: { criterion: { name: "Tiêu chí", code: "TC" }, indicator: { name: "Chỉ tiêu", code: "CT" } },
      levels: ["Không đạt", "Mức độ 1", "Mức độ 2"],
      validityYears: 3,
    },
    standards: [],
    recognition: {
      level: 1,
      validity: { years: 3, assessedYear: 2025, recognisedIn: 2026, validThrough: 2029 },
    },
  });
  expect(report.criteria).toHaveLength(5);
  expect(report.indicators.map((i: { code: string }) => i.code).slice(-1)).toEqual(["5.2"]);
});

test("frameworks --export: a built-in as JSON, valid under the schema, and as a workbook that reads back", async () => {
  expect((await hoctap("frameworks", "--export", "tt25-2023-xa", "--out", at("xa.json"))).code).toBe(0);
  const json = loadFramework(JSON.parse(readFileSync(at("xa.json"), "utf8")));
  expect(json).toEqual({ ok: true, framework: builtinFramework("tt25-2023-xa") });
  const printed = await hoctap("frameworks", "--export", "hp-2022-city");
  expect(JSON.parse(printed.stdout).id).toBe("hp-2022-city");

  const made = await hoctap("frameworks", "--export", "tt25-2023-xa", "--out", at("xa.xlsx"));
  expect(made.stdout).toBe(
    `Đã ghi bộ tiêu chí vào ${at("xa.xlsx")}: Tiêu chí đánh giá, công nhận “Cộng đồng học tập” cấp xã (Thông tư 25/2023/TT-BGDĐT)\n`
  );
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(at("xa.xlsx"));
  const ws = wb.getWorksheet("Bộ tiêu chí")!;
  expect([ws.getCell("A1").value, ws.getCell("B1").value]).toEqual([
    "Tên bộ tiêu chí",
    builtinFramework("tt25-2023-xa")!.title.vi,
  ]);
  // The workbook's set, exported again as JSON: the same set (notes, source, version aside).
  expect((await hoctap("frameworks", "--export", at("xa.xlsx"), "--out", at("xa-2.json"))).code).toBe(0);
  const back = JSON.parse(readFileSync(at("xa-2.json"), "utf8")) as Framework;
  // Whole: the circular's words at each level with their articles, figures, standards, conditions,
  // the other names of its levels.
  expect(held(back)).toEqual(held(builtinFramework("tt25-2023-xa")!));
});

test("check --framework FILE.json or FILE.xlsx; a bad set file is one clear line and exit 2", async () => {
  const json = await hoctap("check", at("xa-dat-khong-dat.xlsx"), "--framework", at("xa.json"), "--json");
  expect(JSON.parse(json.stdout)[0].framework.id).toBe("tt25-2023-xa");
  // A form checked with a set of another shape: the structure says so, in that set's words.
  const district = await hoctap("check", at("xa-dat-khong-dat.xlsx"), "--framework", "hp-2022-district");
  expect(district.code).toBe(1);
  expect(district.stdout).toContain("cần 16 chỉ báo, bảng có 15 chỉ báo");
  // The unit's workbook checked with the set another workbook carries.
  await hoctap("frameworks", "--export", at("bo-rieng-don-vi.xlsx"), "--out", at("don-vi.xlsx"));
  const unit = await hoctap("check", at("bo-rieng-don-vi.xlsx"), "--framework", at("don-vi.xlsx"), "--json");
  expect(JSON.parse(unit.stdout)[0].framework).toMatchObject({
    id: "don-vi-hoc-tap-2025",
    levels: ["Chưa đạt", "Đạt"],
  });

  const bad = JSON.parse(readFileSync(at("xa.json"), "utf8"));
  bad.indicators[2].measure = "grade";
  writeFileSync(at("bad.json"), JSON.stringify(bad));
  const refused = await hoctap("check", at("xa-dat-khong-dat.xlsx"), "--framework", at("bad.json"));
  expect(refused.code).toBe(2);
  expect(refused.stderr).toHaveLength(1);
  expect(refused.stderr[0]).toMatch(/^bộ tiêu chí “.*bad\.json” không hợp lệ: indicators\.2\.measure: /);
  const tree = JSON.parse(readFileSync(at("xa.json"), "utf8"));
  tree.criteria[0].indicators = [1, 2];
  writeFileSync(at("tree.json"), JSON.stringify(tree));
  expect((await hoctap("check", at("xa-dat-khong-dat.xlsx"), "--framework", at("tree.json"))).stderr).toEqual(
    [
      `bộ tiêu chí “${at("tree.json")}” không hợp lệ: criteria: the criteria must hold every indicator once, in order`,
    ]
  );
  writeFileSync(at("broken.json"), "{ not json");
  expect(
    (await hoctap("check", at("xa-dat-khong-dat.xlsx"), "--framework", at("broken.json"))).stderr[0]
  ).toMatch(/^không đọc được bộ tiêu chí “.*broken\.json”: /);
  expect(
    (await hoctap("check", at("x.xlsx"), "--framework", at("nowhere.json"), "--lang", "en")).stderr[0]
  ).toMatch(/^cannot read the criteria set “.*nowhere\.json”: ENOENT/);
  // A workbook whose criteria sheet only overrides thresholds, or that has none, defines no set.
  const plain = await hoctap("frameworks", "--export", at("xa-dat-khong-dat.xlsx"));
  expect(plain.stderr[0]).toMatch(/không có trang tính “Bộ tiêu chí”$/);
  const override = new ExcelJS.Workbook();
  override.addWorksheet("Bộ tiêu chí").addRow(["Mã", "Nội dung", "Loại", "Mức 1"]);
  await override.xlsx.writeFile(at("override.xlsx"));
  expect((await hoctap("frameworks", "--export", at("override.xlsx"))).stderr[0]).toMatch(
    /không mô tả một bộ tiêu chí \(thiếu dòng “Tên bộ tiêu chí” phía trên bảng\)/
  );
  const broken = new ExcelJS.Workbook();
  const ws = broken.addWorksheet("Bộ tiêu chí");
  ws.addRow(["Tên bộ tiêu chí", "Bộ hỏng"]);
  ws.addRow(["Cấp", "quận"]);
  await broken.xlsx.writeFile(at("broken.xlsx"));
  expect((await hoctap("frameworks", "--export", at("broken.xlsx"))).stderr[0]).toMatch(
    /^bộ tiêu chí trong “.*broken\.xlsx” không hợp lệ: B2: “Cấp” chưa đúng: ghi như “xã” \/ “tỉnh”.*; Trang tính “Bộ tiêu chí” không có dòng tiêu đề/
  );
  expect((await hoctap("frameworks", "--export", at("not-there.xlsx"))).stderr[0]).toMatch(
    /not-there\.xlsx: /
  );
});

test("template --framework ID|FILE (and --set): a blank form in the set's words that checks back", async () => {
  expect((await hoctap("template", "--framework", "tt25-2023-xa", "--out", at("mau-xa.xlsx"))).code).toBe(0);
  const [r] = JSON.parse((await hoctap("check", at("mau-xa.xlsx"), "--json")).stdout);
  expect(r.framework.id).toBe("tt25-2023-xa");
  const rules = r.issues.map((i: { rule: string }) => i.rule);
  // The per-level form, blank: each target's first pair unmarked, at the target's Đạt cell.
  expect([rules.length, rules.filter((x: string) => x === "missing-level").length]).toEqual([15, 15]);
  expect((await hoctap("template", "--set", at("xa.json"), "--out", at("mau-2.xlsx"))).code).toBe(0);
  expect(
    (await hoctap("template", "--framework", at("don-vi.xlsx"), "--out", at("mau-3.xlsx"))).stdout
  ).toContain("— bộ tiêu chí: Đơn vị học tập (áp dụng tại xã, 2025)");
  const [unit] = JSON.parse(
    (await hoctap("check", at("mau-3.xlsx"), "--framework", at("don-vi.xlsx"), "--json")).stdout
  );
  expect(unit.indicators).toHaveLength(9);
});

test("frameworks lists the layers and level labels of every built-in", async () => {
  const en = (await hoctap("frameworks", "--lang", "en")).stdout;
  expect(en).toContain("kind: commune; 5 criteria, 15 targets");
  expect(en).toContain("levels: Not achieved, Level 1, Level 2; recognition held 3 years");
  const failed = await hoctap(
    "frameworks",
    "--export",
    "tt25-2023-xa",
    "--out",
    join(dir, "no", "such", "x.json")
  );
  expect(failed.code).toBe(2);
  expect(failed.stderr[0]).toMatch(/^không ghi được tệp kết quả/);
});

test("check --dieu-kien vung-kho-khan: the lower thresholds of criterion 5, said in --json", async () => {
  const { rows } = template({
    kind: "commune",
    indicator: (n) => (n === 15 ? { data: "45%; 11%", level: "Mức độ 1" } : {}),
  });
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Tự đánh giá");
  rows.forEach((r) => ws.addRow(r.map((v) => (v === undefined ? null : v))));
  await wb.xlsx.writeFile(at("xa-kho-khan.xlsx"));
  const plain = JSON.parse((await hoctap("check", at("xa-kho-khan.xlsx"), "--json")).stdout)[0];
  expect(plain.indicators[14]).toMatchObject({ computedLevel: 0, level: 0 });
  expect(plain.issues.map((i: { rule: string }) => i.rule)).toEqual(["level-mismatch"]);
  const run = await hoctap("check", at("xa-kho-khan.xlsx"), "--dieu-kien", "vung-kho-khan", "--json");
  const [r] = JSON.parse(run.stdout);
  expect(r.conditions).toEqual([
    { id: "vung-kho-khan", label: "Xã thuộc vùng khó khăn", holds: true, from: "chosen" },
  ]);
  expect(r.indicators[14]).toMatchObject({ computedLevel: 1, level: 1 });
  expect(r.issues).toEqual([]);
});
