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
import { featureWorkbook } from "../fixtures/features";

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

/** The output with one part's text changed by `fn`, written to `out`. */
function editPart(file: string, part: string, fn: (xml: string) => string, out: string): void {
  const parts = unzipSync(readFileSync(file));
  const next = fn(text(parts[part]));
  expect(next).not.toBe(text(parts[part]));
  parts[part] = Buffer.from(next);
  writeFileSync(out, zipSync(parts));
}

/** A formula cell of the officer's in a new row, as Excel saves it (`<dimension>` widened over it). */
function withCell(sheet: string, ref: string, inner: string): string {
  const row = Number(/\d+/.exec(ref)?.[0]);
  return sheet
    .replace(/<\/sheetData>/, `<row r="${row}"><c r="${ref}" t="str">${inner}</c></row></sheetData>`)
    .replace(/(<dimension ref="[A-Z]+\d+:[A-Z]+)\d+"/, `$1${row}"`);
}

/** Elements put after the sheet's merges, where the schema's order has them (before the page margins). */
const afterMerges = (xml: string) => (sheet: string) => sheet.replace("<pageMargins", `${xml}<pageMargins`);

test("clean keeps a KQ sheet an INDIRECT text, a conditional format, a data validation or a hyperlink uses, saying which in one line", async () => {
  const first = join(dir, "dung-kq-1.xlsx");
  expect((await hoctap("check", EXAMPLE, "--out", first)).code).toBe(0);
  const KQ = "KQ Tự đánh giá";
  const cases: [string, (xml: string) => string, string][] = [
    [
      "indirect",
      (x) => withCell(x, "B60", `<f>INDIRECT("'"&amp;"${KQ}"&amp;"'!C12")</f><v>x</v>`),
      `giữ lại trang tính “${KQ}” vì công thức ở ô 'Tự đánh giá'!B60 dùng nó (xoá đi thì ô đó báo lỗi #REF!): muốn bỏ trang tính này, hãy sửa hoặc xoá công thức đó rồi xoá kết quả lại`,
    ],
    [
      "dinh-dang",
      afterMerges(
        `<conditionalFormatting sqref="D9:D24"><cfRule type="expression" priority="1"><formula>'${KQ}'!$C$12="Đạt"</formula></cfRule></conditionalFormatting>`
      ),
      `giữ lại trang tính “${KQ}” vì định dạng có điều kiện ở vùng 'Tự đánh giá'!D9:D24 dùng nó (xoá đi thì quy tắc định dạng đó hỏng): muốn bỏ trang tính này, hãy sửa hoặc xoá quy tắc định dạng đó (Trang đầu › Định dạng có điều kiện › Quản lý quy tắc) rồi xoá kết quả lại`,
    ],
    [
      "xac-thuc",
      afterMerges(
        `<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="C9:C10"><formula1>'${KQ}'!$B$12:$B$14</formula1></dataValidation></dataValidations>`
      ),
      `giữ lại trang tính “${KQ}” vì quy tắc xác thực dữ liệu ở vùng 'Tự đánh giá'!C9:C10 dùng nó (xoá đi thì danh sách chọn ở đó hỏng): muốn bỏ trang tính này, hãy sửa hoặc xoá quy tắc đó (Dữ liệu › Xác thực dữ liệu) rồi xoá kết quả lại`,
    ],
    [
      "lien-ket",
      afterMerges(
        `<hyperlinks><hyperlink ref="B3" location="'${KQ}'!A1" display="Xem kết quả"/></hyperlinks>`
      ),
      `giữ lại trang tính “${KQ}” vì siêu liên kết ở ô 'Tự đánh giá'!B3 dùng nó (xoá đi thì liên kết đó hỏng): muốn bỏ trang tính này, hãy sửa hoặc xoá liên kết đó rồi xoá kết quả lại`,
    ],
  ];
  for (const [name, fn, line] of cases) {
    const edited = join(dir, `dung-kq-${name}.xlsx`);
    editPart(first, "xl/worksheets/sheet1.xml", fn, edited);
    expect(packageProblems(readFileSync(edited), edited)).toEqual([]);
    const clean = join(dir, `dung-kq-${name}-sach.xlsx`);
    const run = await hoctap("clean", edited, "--out", clean);
    expect(run.code).toBe(0);
    expect(run.stderr).toEqual([`${edited}: ${line}`]);
    expect(await sheetsOf(clean)).toEqual(["Tự đánh giá", KQ]);
    expect(packageProblems(readFileSync(clean), clean)).toEqual([]);
  }
  // Without any of them the KQ goes, and a text naming the sheet outside INDIRECT keeps nothing.
  const plain = join(dir, "dung-kq-chu.xlsx");
  editPart(
    first,
    "xl/worksheets/sheet1.xml",
    (x) => withCell(x, "B60", `<f>LEN("${KQ}")</f><v>14</v>`),
    plain
  );
  const clean = join(dir, "dung-kq-chu-sach.xlsx");
  const run = await hoctap("clean", plain, "--out", clean);
  expect(run.stderr).toEqual([]);
  expect(await sheetsOf(clean)).toEqual(["Tự đánh giá"]);
});

test("a chart's series or a pivot table's source on a KQ sheet keeps it: clean says so, a renamed sheet's second run writes beside it", async () => {
  const input = join(dir, "bieu-do.xlsx");
  writeFileSync(input, await featureWorkbook());
  const first = join(dir, "bieu-do-1.xlsx");
  expect((await hoctap("check", input, "--out", first)).code).toBeLessThan(2);
  const KQ = "KQ Tự đánh giá";
  expect(await sheetsOf(first)).toContain(KQ);
  const chart = join(dir, "bieu-do-kq.xlsx");
  editPart(
    first,
    "xl/charts/chart1.xml",
    (x) => x.replace("'Danh mục'!$B$1:$B$4", `'${KQ}'!$C$12:$C$15`),
    chart
  );
  const clean = join(dir, "bieu-do-kq-sach.xlsx");
  const run = await hoctap("clean", chart, "--out", clean);
  expect(run.stderr).toEqual([
    `${chart}: giữ lại trang tính “${KQ}” vì biểu đồ trên trang tính “Tự đánh giá” dùng nó (xoá đi thì biểu đồ mất số liệu): muốn bỏ trang tính này, hãy sửa hoặc xoá nguồn số liệu của biểu đồ đó rồi xoá kết quả lại`,
  ]);
  expect(await sheetsOf(clean)).toContain(KQ);
  expect(packageProblems(readFileSync(clean), clean)).toEqual([]);
  // Renamed: the former KQ stays beside the new one, the chart named.
  const renamed = join(dir, "bieu-do-doi-ten.xlsx");
  rename(chart, "Tự đánh giá", "Xã An Hòa", renamed);
  const second = join(dir, "bieu-do-2.xlsx");
  const again = await hoctap("check", renamed, "--out", second);
  expect(again.stderr).toContain(
    `${renamed}: trang tính “Xã An Hòa” đã đổi tên từ lần ghi trước: giữ lại trang tính kết quả cũ “${KQ}” vì biểu đồ trên trang tính “Xã An Hòa” dùng nó; kết quả mới ghi ở trang tính riêng (sửa nguồn số liệu của biểu đồ đó rồi xoá trang tính cũ nếu không cần)`
  );
  expect(packageProblems(readFileSync(second), second)).toEqual([]);
  // A pivot table's source, in English.
  const pivot = join(dir, "pivot-kq.xlsx");
  editPart(
    first,
    "xl/pivotCache/pivotCacheDefinition1.xml",
    (x) => x.replace('sheet="Danh mục"', `sheet="${KQ}"`),
    pivot
  );
  const en = await hoctap("clean", pivot, "--out", join(dir, "pivot-kq-sach.xlsx"), "--lang", "en");
  expect(en.stderr).toEqual([
    `${pivot}: sheet “${KQ}” kept: the officer's PivotTable uses it (removing it would leave a PivotTable with no source): to remove it, change or delete that PivotTable's source, then clean again`,
  ]);
});

test("a KQ whose name was cut at 31 characters is still known after the officer renames the sheet", async () => {
  const long = "Tự đánh giá cộng đồng học tập năm 2025";
  const input = join(dir, "ten-dai.xlsx");
  rename(EXAMPLE, "Tự đánh giá", long, input);
  const first = join(dir, "ten-dai-1.xlsx");
  expect((await hoctap("check", input, "--out", first)).code).toBe(0);
  const [, kq] = await sheetsOf(first);
  expect(kq).toHaveLength(31);
  expect(long.startsWith((kq as string).slice(3))).toBe(true);
  const renamed = join(dir, "ten-dai-doi-ten.xlsx");
  rename(first, long, "Xã An Hòa", renamed);
  const second = join(dir, "ten-dai-2.xlsx");
  const run = await hoctap("check", renamed, "--out", second);
  expect(run.stderr).toEqual([
    `${renamed}: trang tính “Xã An Hòa” đã đổi tên từ lần ghi trước: trang tính kết quả cũ “${kq}” được thay bằng “KQ Xã An Hòa”`,
  ]);
  expect(await sheetsOf(second)).toEqual(["Xã An Hòa", "KQ Xã An Hòa"]);
  expect(packageProblems(readFileSync(second), second)).toEqual([]);
});
