// The list that goes with the decision: units recognised at each level, one page per set and level,
// in the annex's shape; as a sheet (`summary --danh-sach --out`) and as text (`summary --danh-sach`).
import { copyFileSync, mkdtempSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  decisionSheet,
  decisionText,
  leftOffLines,
  type DecisionUnit,
} from "../../src/core/plans/decision-list";
import { readSnapshot } from "../../src/reader/read";
import { hoctap } from "../helpers/cli";

const FIX = join(__dirname, "..", "fixtures");

const set = {
  id: "tt25-2023-xa",
  title: "Tiêu chí đánh giá, công nhận “Cộng đồng học tập” cấp xã",
  levels: ["Không đạt", "Mức độ 1", "Mức độ 2"],
};
const unit = (name: string, level: number | null, year: number | null = 2025, note = ""): DecisionUnit => ({
  name,
  set,
  level,
  year,
  note,
});

describe("decisionSheet", () => {
  const units = [
    unit("Xã A", 2),
    unit("Xã B", 1),
    unit("Xã C", 0),
    unit("Xã D", 2, 2024, "Theo kết quả thẩm định của Hội đồng"),
    unit("Xã E", 2),
    unit("Xã F", null),
  ];
  const plan = decisionSheet(units, { lang: "vi" });
  const text = plan.rows.map((r) => r.filter((v) => v !== null).join(" | "));

  test("a page per level from level 1 up, each with motto, title with the level and the year, the decision's line, the table", () => {
    expect(text.filter((t) => t.startsWith("ĐƠN VỊ ĐƯỢC CÔNG NHẬN"))).toEqual([
      "ĐƠN VỊ ĐƯỢC CÔNG NHẬN ĐẠT MỨC ĐỘ 1 NĂM 2025",
      // The year most of the level's units were assessed for.
      "ĐƠN VỊ ĐƯỢC CÔNG NHẬN ĐẠT MỨC ĐỘ 2 NĂM 2025",
    ]);
    expect(text.filter((t) => t.includes("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))).toHaveLength(2);
    expect(
      text.filter((t) => t === "(Kèm theo Quyết định số ……/QĐ-…… ngày …… tháng …… năm …… của ………………)")
    ).toHaveLength(2);
    const second = text.indexOf("ĐƠN VỊ ĐƯỢC CÔNG NHẬN ĐẠT MỨC ĐỘ 2 NĂM 2025");
    expect(text.slice(second)).toEqual(
      expect.arrayContaining([
        "STT | Tên đơn vị | Mức công nhận | Ghi chú",
        "1 | Xã A | Mức độ 2",
        "2 | Xã D | Mức độ 2 | Theo kết quả thẩm định của Hội đồng",
        "3 | Xã E | Mức độ 2",
        "Danh sách có 3 đơn vị./.",
      ])
    );
    // Units not recognised (level 0, undetermined) are on no page.
    expect(text.some((t) => t.includes("Xã C") || t.includes("Xã F"))).toBe(false);
  });

  test("A4 portrait in Times New Roman, a page break after each list but the last, the print area the whole", () => {
    expect(plan.font).toEqual({ name: "Times New Roman", size: 13 });
    expect(plan.print).toEqual(
      expect.objectContaining({ orientation: "portrait", fitTo: { wide: 1, tall: 0 } })
    );
    expect(plan.pageBreaks).toEqual([text.indexOf("Danh sách có 1 đơn vị./.") + 1]);
    expect(plan.print?.area?.bottom).toBe(plan.rows.length);
  });

  test("no unit recognised: one line saying so; the year left for the office when no title says it", () => {
    const none = decisionSheet([unit("Xã C", 0)], { lang: "vi" });
    expect(none.rows.flat().filter(Boolean)).toEqual([
      "Không có đơn vị nào được công nhận trong 1 đơn vị đã kiểm tra.",
    ]);
    const noYear = decisionSheet([unit("Xã A", 1, null)], { lang: "en" });
    expect(noYear.rows.flat()).toContain("UNITS RECOGNISED AT MỨC ĐỘ 1 FOR …………");
    expect(decisionText([unit("Xã C", 0)], "en")).toBe("No unit is recognised.\n");
  });
});

describe("hoctap summary --danh-sach", () => {
  const dir = mkdtempSync(join(tmpdir(), "hoctap-ds-"));
  for (const [from, to] of [
    ["council/Xa An Hoa.xlsx", "Xa An Hoa.xlsx"],
    ["council/Xa An Hoa - ban cuoi.xlsx", "Xa An Hoa - ban cuoi.xlsx"],
    ["examples/huyen-an-duong.xlsx", "huyen-an-duong.xlsx"],
    ["examples/huyen-tien-lang-co-loi.xlsx", "huyen-tien-lang-co-loi.xlsx"],
  ] as const) {
    copyFileSync(join(FIX, from), join(dir, to));
    utimesSync(join(dir, to), new Date(), new Date());
  }

  test("prints the list after the table, each unit once", async () => {
    const run = await hoctap("summary", dir, "--danh-sach");
    expect(run.code).toBe(0);
    const list = run.stdout.split("\n\n").slice(1).join("\n\n");
    expect(list).toBe(
      "Đơn vị được công nhận đạt Mức 2 — Bộ tiêu chí thí điểm công nhận quận/huyện học tập (Hải Phòng, 2022): 1 đơn vị\n" +
        "    1. Huyện An Dương\n\n" +
        "Đơn vị được công nhận đạt Mức độ 1 năm 2025 — Tiêu chí đánh giá, công nhận “Cộng đồng học tập” cấp xã (Thông tư 25/2023/TT-BGDĐT): 1 đơn vị\n" +
        "    1. Xã An Hòa\n"
    );
    // The unit whose check still has errors is named, with why and what to do, in one line.
    expect(run.stderr.filter((l) => l.includes("chưa đưa vào danh sách"))).toEqual([
      "Huyện Tiên Lãng (huyen-tien-lang-co-loi.xlsx, Tu danh gia 2022): chưa đưa vào danh sách công nhận vì bảng còn 4 lỗi; sửa các lỗi rồi tổng hợp lại.",
    ]);
  });

  test("a unit with errors left is on no list, whatever its level; errors in the council's columns said so", () => {
    const held = { ...unit("Xã G", 2), errors: 2, councilErrors: 1, from: "Xa G.xlsx, Tự đánh giá" };
    expect(decisionText([unit("Xã A", 2), held], "vi")).not.toContain("Xã G");
    expect(leftOffLines([unit("Xã A", 2), held], "vi")).toEqual([
      "Xã G (Xa G.xlsx, Tự đánh giá): chưa đưa vào danh sách công nhận vì bảng còn 2 lỗi, 1 ở cột của Hội đồng thẩm định; sửa các lỗi rồi tổng hợp lại.",
    ]);
    expect(decisionSheet([held], { lang: "vi" }).rows.flat()).not.toContain("Xã G");
  });

  test("--out writes `Tổng hợp` and `Danh sách công nhận`", async () => {
    const out = join(dir, "..", `${dir.split("/").pop()}-ds.xlsx`);
    const run = await hoctap("summary", dir, "--danh-sach", "--out", out);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`Đã ghi trang tính “Tổng hợp” và “Danh sách công nhận” vào ${out}\n`);
    const wb = await readSnapshot(out);
    expect(wb.sheets.map((s) => s.name)).toEqual(["Tổng hợp", "Danh sách công nhận"]);
    const list = wb.sheets[1];
    const values: unknown[] = [];
    for (const [, row] of list?.rows ?? []) for (const [, c] of row) values.push(c.value);
    expect(values).toContain("Xã An Hòa");
    expect(values).toContain("Huyện An Dương");
    expect(values).not.toContain("Huyện Tiên Lãng");
    // A second run replaces both sheets, no copies.
    await hoctap("summary", dir, "--danh-sach", "--out", out);
    expect((await readSnapshot(out)).sheets.map((s) => s.name)).toEqual(["Tổng hợp", "Danh sách công nhận"]);
  });
});
