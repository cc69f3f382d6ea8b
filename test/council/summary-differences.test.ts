// The department's one command gives the council's differences at their cells: under the summary's
// table as text, and under the `Tổng hợp` table written with --out (the pane's `Tổng hợp` is the same
// plan); only the copy counted speaks, a unit sent twice once.
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { differenceLines } from "../../src/core/plans/summary";
import { readSnapshot } from "../../src/reader/read";
import { hoctap } from "../helpers/cli";

const COUNCIL = join(__dirname, "..", "fixtures", "council");
const EXAMPLES = join(__dirname, "..", "fixtures", "examples");

const H19 =
  "Xã An Hòa — Xa An Hoa - tham dinh.xlsx, Tự đánh giá, ô H19, Chỉ tiêu 3.1: tự đánh giá Mức độ 1: Đạt; Mức độ 2: Đạt; Hội đồng: Mức độ 1: Không đạt; Mức độ 2: Không đạt; ý kiến: Biên bản họp không có chữ ký của Chủ tịch UBND xã";
const I27 =
  "Xã An Hòa — Xa An Hoa - tham dinh.xlsx, Tự đánh giá, ô I27, Chỉ tiêu 5.1: tự đánh giá Mức độ 1: Đạt; Mức độ 2: Đạt; Hội đồng: Mức độ 1: Đạt; Mức độ 2: Không đạt";

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), "hoctap-differences-"));
  for (const f of ["Xa An Hoa.xlsx", "Xa An Hoa - tham dinh.xlsx"])
    copyFileSync(join(COUNCIL, f), join(dir, f));
  copyFileSync(join(EXAMPLES, "huyen-an-duong.xlsx"), join(dir, "huyen-an-duong.xlsx"));
  return dir;
}

test("summary: under the table, each difference at the council's cell, the unit sent twice speaking once", async () => {
  const run = await hoctap("summary", folder());
  const lines = run.stdout.split("\n");
  const at = lines.indexOf("Chỗ Hội đồng thẩm định đánh giá khác tự đánh giá, tại ô của Hội đồng:");
  expect(at).toBeGreaterThan(0);
  expect(lines.slice(at + 1, at + 3)).toEqual([H19, I27]);
  expect(run.stdout.split(", ô H19,")).toHaveLength(2);
  expect(run.code).toBe(0);
});

test("summary --out: the same lines under the Tổng hợp table, after the line naming the unit sent twice", async () => {
  const dir = folder();
  const out = join(dir, "..", `${dir.split("/").pop()}-tong-hop.xlsx`);
  expect((await hoctap("summary", dir, "--out", out)).code).toBe(0);
  const th = (await readSnapshot(out)).sheets.find((s) => s.name === "Tổng hợp");
  const texts: string[] = [];
  for (const [, row] of [...(th?.rows ?? [])].sort((a, b) => a[0] - b[0]))
    for (const [, c] of row) if (typeof c.value === "string") texts.push(c.value);
  const twice = texts.findIndex((t) => t.startsWith("Xã An Hòa có 2 bản, chỉ tính một lần"));
  const heading = texts.indexOf("Chỗ Hội đồng thẩm định đánh giá khác tự đánh giá, tại ô của Hội đồng:");
  expect(twice).toBeGreaterThan(0);
  expect(heading).toBeGreaterThan(twice);
  expect(texts.slice(heading + 1, heading + 3)).toEqual([H19, I27]);
}, 60_000);

test("no difference anywhere: nothing said", () => {
  expect(differenceLines([{ file: "a.xlsx", sheet: "S" }], "en")).toEqual([]);
});
