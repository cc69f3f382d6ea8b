// The council's verdict beside the commune's: read from the council's own columns (`Hội đồng thẩm
// định` over one column per level, `Ý kiến của Hội đồng`), both results computed by the same rules,
// every difference at the council's cell; in `hoctap check`, `summary` and the decision list.
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkSheet, checkWorkbook } from "../../src/core/checks/check";
import { councilText, councilVerdict } from "../../src/core/checks/council";
import { builtinFramework } from "../../src/core/sets/builtin";
import { readSnapshot } from "../../src/reader/read";
import { hoctap } from "../helpers/cli";
import { sheet, template, workbook } from "../helpers/grid";

const FILE = join(__dirname, "..", "fixtures", "council", "Xa An Hoa - tham dinh.xlsx");

describe("the council's columns in a commune's per-level form", () => {
  test("both results, and the two differences at the council's cells with the council's note", async () => {
    const wb = await readSnapshot(FILE);
    const c = checkWorkbook(wb, { lang: "vi" }).checked[0];
    if (!c) throw new Error("no table");
    // The commune's own result is what it was without the council's columns.
    expect(c.check.report.recognition.level).toBe(1);
    expect(c.check.report.counts).toEqual({ errors: 0, warnings: 0 });
    const v = councilVerdict(wb, c.sheet, c.check, "vi");
    expect(v).toMatchObject({
      columns: ["H", "I"],
      level: 0,
      label: "Không đạt",
      reasons: ["Chỉ tiêu 3.1 không đạt, nên đơn vị chưa đạt Mức độ 1 (Khá)."],
    });
    expect(v?.differences).toEqual([
      {
        target: "Chỉ tiêu 3.1",
        row: 19,
        cell: "H19",
        commune: "Mức độ 1 (Khá): Đạt; Mức độ 2 (Tốt): Đạt",
        council: "Mức độ 1 (Khá): Không đạt; Mức độ 2 (Tốt): Không đạt",
        note: "Biên bản họp không có chữ ký của Chủ tịch UBND xã",
        communeLevel: 2,
        councilLevel: 0,
      },
      {
        target: "Chỉ tiêu 5.1",
        row: 27,
        cell: "I27",
        commune: "Mức độ 1 (Khá): Đạt; Mức độ 2 (Tốt): Đạt",
        council: "Mức độ 1 (Khá): Đạt; Mức độ 2 (Tốt): Không đạt",
        note: "",
        communeLevel: 2,
        councilLevel: 1,
      },
    ]);
    expect(councilText(v as NonNullable<typeof v>, "en")).toMatch(
      /^The council's verdict \(column H, I\): Không đạt\n {2}2 target/
    );
  });

  test("one level column: the council's `Thẩm định` column beside it, agreeing everywhere", () => {
    const t = template({ unit: "UBND HUYỆN AN LÃO" });
    const rows = t.rows.map((r, i) => {
      const copy = [...r];
      if (i === 3) copy[6] = "Thẩm định";
      else if (i > 3 && typeof r[4] === "string") copy[6] = r[4];
      return copy;
    });
    const s = sheet("Tự đánh giá", rows);
    const wb = workbook([s]);
    const check = checkSheet(wb, s, { framework: builtinFramework("hp-2022-district") });
    if (!check) throw new Error("no table");
    const v = councilVerdict(wb, s, check, "vi");
    expect(v).toMatchObject({ columns: ["G"], level: check.report.recognition.level, differences: [] });
    expect(councilText(v as NonNullable<typeof v>, "vi")).toContain(
      "Hội đồng đồng ý với tự đánh giá ở mọi chỉ tiêu."
    );
    // Without the council's heading: no verdict.
    const plain = sheet("Tự đánh giá", t.rows);
    const none = checkSheet(workbook([plain]), plain);
    expect(none && councilVerdict(workbook([plain]), plain, none, "vi")).toBeNull();
  });
});

describe("the department's commands", () => {
  const dir = mkdtempSync(join(tmpdir(), "hoctap-hd-"));
  copyFileSync(FILE, join(dir, "Xa An Hoa - tham dinh.xlsx"));
  copyFileSync(
    join(__dirname, "..", "fixtures", "examples", "huyen-an-duong.xlsx"),
    join(dir, "huyen-an-duong.xlsx")
  );

  test("check prints the council's verdict under the commune's report; --json carries it", async () => {
    const run = await hoctap("check", join(dir, "Xa An Hoa - tham dinh.xlsx"));
    expect(run.stdout).toContain(
      "Hội đồng thẩm định (cột H, I): Không đạt\n  2 chỗ Hội đồng đánh giá khác tự đánh giá:\n" +
        "  H19  Chỉ tiêu 3.1: xã tự đánh giá Mức độ 1 (Khá): Đạt; Mức độ 2 (Tốt): Đạt; Hội đồng: Mức độ 1 (Khá): Không đạt; Mức độ 2 (Tốt): Không đạt; ý kiến: Biên bản họp không có chữ ký của Chủ tịch UBND xã\n"
    );
    const json = JSON.parse(
      (await hoctap("check", join(dir, "Xa An Hoa - tham dinh.xlsx"), "--json")).stdout
    );
    expect(json[0].council).toMatchObject({ level: 0, differences: [{ cell: "H19" }, { cell: "I27" }] });
  });

  test("summary: the verified level and the count of differences beside the unit's own; the decision list follows the council", async () => {
    const run = await hoctap("summary", dir, "--danh-sach");
    const lines = run.stdout.split("\n");
    expect(lines[0]).toMatch(/Kết quả\s+Thẩm định\s+Khác\s+Lỗi/);
    expect(lines.find((l) => l.startsWith("Xa An Hoa"))).toMatch(/Mức độ 1 \(Khá\)\s+Không đạt\s+2\s+0\s+0$/);
    // The council found the commune short: it is on no list; the district is.
    expect(run.stdout).not.toContain("1. Xã An Hòa");
    expect(run.stdout).toContain("1. Huyện An Dương");
    const out = join(dir, "..", `${dir.split("/").pop()}-th.xlsx`);
    expect((await hoctap("summary", dir, "--out", out)).code).toBe(0);
    const th = (await readSnapshot(out)).sheets.find((s) => s.name === "Tổng hợp");
    const texts: unknown[] = [];
    for (const [, row] of th?.rows ?? []) for (const [, c] of row) texts.push(c.value);
    expect(texts).toEqual(expect.arrayContaining(["Mức thẩm định", "Số chỗ khác", "Không đạt: 1"]));
  });
});
