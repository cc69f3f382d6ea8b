// The product's own outputs written inside the folder being summarised (`check --out-dir` there,
// `summary --out` there) are told by their marks in the package and left out of the next summary,
// said in one line; a copy with results that is its unit's only file still counts.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { unzipSync, zipSync } from "fflate";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { hoctap } from "../helpers/cli";

const EXAMPLES = join(__dirname, "..", "fixtures", "examples");
const ex = (f: string) => join(EXAMPLES, f);

test("a summary of a folder holding the tool's outputs counts each unit once and says so once", async () => {
  const dir = mkdtempSync(join(tmpdir(), "hoctap-own-"));
  const nop = join(dir, "nop");
  mkdirSync(nop);
  for (const f of ["huyen-an-duong.xlsx", "xa-an-hoa.xlsx"]) copyFileSync(ex(f), join(nop, f));
  const before = await hoctap("summary", nop, "--json");
  const units = JSON.parse(before.stdout).map((r: { unitName: string }) => r.unitName);
  expect(units).toEqual(["Huyện An Dương", "Xã An Hòa"]);

  expect((await hoctap("check", nop, "--out-dir", join(nop, "kq"))).code).toBeLessThan(2);
  expect((await hoctap("summary", nop, "--out", join(nop, "tong hop.xlsx"))).code).toBe(0);
  // A file named like an output but holding no mark is a unit's: the name alone does not skip it.
  copyFileSync(ex("thanh-pho-nguong.xlsx"), join(nop, "kq", "thanh-pho-nguong.xlsx"));

  const after = await hoctap("summary", nop, "--json");
  expect(after.code).toBe(0);
  const rows = JSON.parse(after.stdout) as { file: string; unitName: string }[];
  expect(rows.map((r) => [r.file, r.unitName])).toEqual([
    ["huyen-an-duong.xlsx", "Huyện An Dương"],
    ["kq/thanh-pho-nguong.xlsx", "Thành phố Hải Phòng"],
    ["xa-an-hoa.xlsx", "Xã An Hòa"],
  ]);
  expect(after.stderr).toEqual([
    "không tính 3 tệp do công cụ ghi ra nằm trong thư mục đang tổng hợp (bản có kết quả của tệp đã có ở đây, hoặc bảng tổng hợp): kq/huyen-an-duong.xlsx, kq/xa-an-hoa.xlsx, tong hop.xlsx; nên để tệp kết quả ở ngoài thư mục nộp bài",
  ]);
  expect(after.notes).toEqual(["3 tệp: 2 không lỗi, 1 có lỗi, 0 không đọc được"]);

  // A copy with results whose unit's own file is not among the inputs is that unit's submission.
  const alone = await hoctap("summary", join(nop, "kq", "xa-an-hoa.xlsx"), "--json");
  expect(alone.stderr).toEqual([]);
  expect(JSON.parse(alone.stdout).map((r: { unitName: string }) => r.unitName)).toEqual(["Xã An Hòa"]);
});

test("a workbook with results saved later (the add-in's, then Excel's save) is a later submission: it counts", async () => {
  const dir = mkdtempSync(join(tmpdir(), "hoctap-own-later-"));
  const nop = join(dir, "nop");
  mkdirSync(nop);
  copyFileSync(ex("xa-an-hoa.xlsx"), join(nop, "xa-an-hoa.xlsx"));
  const written = join(dir, "ket-qua.xlsx");
  expect((await hoctap("check", ex("xa-an-hoa.xlsx"), "--out", written)).code).toBe(0);
  // The same unit's file with results, saved by Excel a day later: its workbook's saved date moves.
  const parts = unzipSync(readFileSync(written));
  const core = Buffer.from(parts["docProps/core.xml"]!).toString("utf8");
  const later = core.replace(/(<dcterms:modified[^>]*>)[^<]*/, "$12026-12-08T09:00:00Z");
  expect(later).not.toBe(core);
  parts["docProps/core.xml"] = Buffer.from(later);
  writeFileSync(join(nop, "xa-an-hoa ban cuoi.xlsx"), zipSync(parts));
  const run = await hoctap("summary", nop, "--json");
  expect(run.stderr).toHaveLength(1);
  // Counted once, as a unit sent twice: the later copy, the one with results.
  expect(run.stderr[0]).toMatch(/^Xã An Hòa gửi 2 lần, chỉ tính một lần: tính “xa-an-hoa ban cuoi\.xlsx”/);
  expect(JSON.parse(run.stdout).filter((r: { notCounted?: unknown }) => !r.notCounted)).toHaveLength(1);
});
