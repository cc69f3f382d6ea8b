// The officer's edits around the `KQ` sheet between runs: the checked sheet renamed (its former KQ
// is the product's, recognised by its mark and replaced in place, said in one line), and a formula
// of the officer's pointing at a KQ sheet (kept by `clean` and by a second run, with the cell named).
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync, zipSync } from "fflate";
import { snapshotFromBytes } from "../../src/reader/read";
import { hoctap } from "../helpers/cli";
import { packageProblems } from "../helpers/validity";

const EXAMPLE = join(__dirname, "..", "fixtures", "examples", "xa-an-hoa.xlsx");
const dir = mkdtempSync(join(tmpdir(), "hoctap-kq-edits-"));
const text = (b: Uint8Array | undefined) => Buffer.from(b ?? new Uint8Array()).toString("utf8");
const sheetsOf = async (file: string) =>
  (await snapshotFromBytes(readFileSync(file))).sheets.map((s) => s.name);

/** The sheet renamed as Excel does: its `<sheet name>` and every reference in the defined names. */
function rename(file: string, from: string, to: string, out: string): void {
  const parts = unzipSync(readFileSync(file));
  const wb = text(parts["xl/workbook.xml"]);
  parts["xl/workbook.xml"] = Buffer.from(
    wb.replace(`name="${from}"`, `name="${to}"`).split(`'${from}'!`).join(`'${to}'!`)
  );
  writeFileSync(out, zipSync(parts));
}

/** A formula of the officer's in cell `ref` of sheet part 1, as Excel writes one (with its cached value). */
function withFormula(file: string, ref: string, formula: string, out: string): void {
  const parts = unzipSync(readFileSync(file));
  const sheet = text(parts["xl/worksheets/sheet1.xml"]);
  const row = Number(/\d+/.exec(ref)?.[0]);
  const cell = `<c r="${ref}" t="str"><f>${formula}</f><v>x</v></c>`;
  // Excel's save widens <dimension> over the new cell too.
  const next = sheet
    .replace(/<\/sheetData>/, `<row r="${row}">${cell}</row></sheetData>`)
    .replace(/(<dimension ref="[A-Z]+\d+:[A-Z]+)\d+"/, `$1${row}"`);
  expect(next).not.toBe(sheet);
  parts["xl/worksheets/sheet1.xml"] = Buffer.from(next);
  writeFileSync(out, zipSync(parts));
}

test("a renamed sheet's former KQ is replaced in place, said in one line; clean then leaves none", async () => {
  const first = join(dir, "lan-1.xlsx");
  expect((await hoctap("check", EXAMPLE, "--out", first)).code).toBe(0);
  expect(await sheetsOf(first)).toEqual(["Tự đánh giá", "KQ Tự đánh giá"]);
  const renamed = join(dir, "doi-ten.xlsx");
  rename(first, "Tự đánh giá", "Xã An Hòa 2025", renamed);
  const second = join(dir, "lan-2.xlsx");
  const run = await hoctap("check", renamed, "--out", second);
  expect(run.code).toBe(0);
  expect(run.stderr).toEqual([
    `${renamed}: trang tính “Xã An Hòa 2025” đã đổi tên từ lần ghi trước: trang tính kết quả cũ “KQ Tự đánh giá” được thay bằng “KQ Xã An Hòa 2025”`,
  ]);
  expect(await sheetsOf(second)).toEqual(["Xã An Hòa 2025", "KQ Xã An Hòa 2025"]);
  expect(packageProblems(readFileSync(second), second)).toEqual([]);
  // The KQ sheet kept its place and part: no second one in the package.
  expect(
    Object.keys(unzipSync(readFileSync(second))).filter((p) => p.startsWith("xl/worksheets/sheet"))
  ).toEqual(["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"]);
  // A third run is quiet and the same; clean leaves only the officer's sheet.
  const third = join(dir, "lan-3.xlsx");
  const again = await hoctap("check", second, "--out", third);
  expect(again.stderr).toEqual([]);
  expect(readFileSync(third).equals(readFileSync(second))).toBe(true);
  const clean = join(dir, "sach.xlsx");
  expect((await hoctap("clean", third, "--out", clean)).code).toBe(0);
  expect(await sheetsOf(clean)).toEqual(["Xã An Hòa 2025"]);
});

test("a KQ sheet the officer's formula uses is kept by clean and by a second run, the cell named", async () => {
  const first = join(dir, "co-cong-thuc-1.xlsx");
  expect((await hoctap("check", EXAMPLE, "--out", first)).code).toBe(0);
  const edited = join(dir, "co-cong-thuc.xlsx");
  withFormula(first, "B60", "'KQ Tự đánh giá'!C12", edited);
  const clean = join(dir, "co-cong-thuc-sach.xlsx");
  const run = await hoctap("clean", edited, "--out", clean);
  expect(run.code).toBe(0);
  expect(run.stderr).toEqual([
    `${edited}: giữ lại trang tính “KQ Tự đánh giá” vì công thức ở ô 'Tự đánh giá'!B60 dùng nó (xoá đi thì ô đó báo lỗi #REF!): muốn bỏ trang tính này, hãy sửa hoặc xoá công thức đó rồi xoá kết quả lại`,
  ]);
  expect(await sheetsOf(clean)).toEqual(["Tự đánh giá", "KQ Tự đánh giá"]);
  expect(packageProblems(readFileSync(clean), clean)).toEqual([]);
  // In English, through a name of the officer's.
  const named = join(dir, "co-ten.xlsx");
  const parts = unzipSync(readFileSync(first));
  parts["xl/workbook.xml"] = Buffer.from(
    text(parts["xl/workbook.xml"]).replace(
      "<definedNames>",
      `<definedNames><definedName name="DiemTong">'KQ Tự đánh giá'!$C$12</definedName>`
    )
  );
  writeFileSync(named, zipSync(parts));
  const en = await hoctap("clean", named, "--out", join(dir, "co-ten-sach.xlsx"), "--lang", "en");
  expect(en.stderr).toEqual([
    `${named}: sheet “KQ Tự đánh giá” kept: the name “DiemTong” uses it (removing it would leave #REF!): to remove it, change or delete that formula, then clean again`,
  ]);

  // Renamed, with the formula: the former KQ stays beside the new one, said in one line.
  const renamed = join(dir, "co-cong-thuc-doi-ten.xlsx");
  rename(edited, "Tự đánh giá", "Xã An Hòa", renamed);
  const second = join(dir, "co-cong-thuc-2.xlsx");
  const again = await hoctap("check", renamed, "--out", second);
  expect(again.stderr).toEqual([
    `${renamed}: trang tính “Xã An Hòa” đã đổi tên từ lần ghi trước: giữ lại trang tính kết quả cũ “KQ Tự đánh giá” vì công thức ở ô 'Xã An Hòa'!B60 dùng nó; kết quả mới ghi ở trang tính riêng (sửa công thức đó rồi xoá trang tính cũ nếu không cần)`,
  ]);
  expect(await sheetsOf(second)).toEqual(["Xã An Hòa", "KQ Tự đánh giá", "KQ Xã An Hòa"]);
  expect(packageProblems(readFileSync(second), second)).toEqual([]);
});
