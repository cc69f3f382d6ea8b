// The product's output re-saved by LibreOffice (its own profile), then cleaned: no text of the
// results left in the package, which stays valid and opens in LibreOffice again.
import { mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { hoctap } from "../helpers/cli";
import { packageProblems } from "../helpers/validity";
import { convert, soffice } from "./render";

const EXAMPLES = join(__dirname, "..", "fixtures", "examples");

test("check --out, re-saved by LibreOffice, cleaned: nothing of the results in sharedStrings.xml", async () => {
  if (!soffice)
    throw new Error("LibreOffice is missing: apt-get install -y libreoffice-calc-nogui (.ci/run does)");
  const dir = mkdtempSync(join(tmpdir(), "hoctap-resaved-"));
  for (const name of ["xa-an-hoa", "huyen-tien-lang-co-loi"]) {
    const out = join(dir, `${name}.xlsx`);
    expect((await hoctap("check", join(EXAMPLES, `${name}.xlsx`), "--out", out)).code).toBeLessThan(2);
    const re = join(dir, "re");
    mkdirSync(re, { recursive: true });
    convert([out], "xlsx", re, join(dir, "profile"));
    const resaved = join(re, `${name}.xlsx`);
    // The results' column heading is written on every form (a signed one keeps its block on KQ only).
    expect(Buffer.from(unzipSync(readFileSync(resaved))["xl/sharedStrings.xml"]!).toString()).toContain(
      "Mức tính toán"
    );
    const clean = join(dir, `${name}.sach.xlsx`);
    const run = await hoctap("clean", resaved, "--out", clean);
    expect(run.code).toBe(0);
    const bytes = readFileSync(clean);
    const sst = Buffer.from(unzipSync(bytes)["xl/sharedStrings.xml"]!).toString();
    for (const word of ["KẾT QUẢ KIỂM TRA", "GHI CHÚ KIỂM TRA", "Đề nghị công nhận", "Mức tính toán"])
      expect(sst).not.toContain(word);
    expect(packageProblems(bytes, clean)).toEqual([]);
    const csv = join(dir, "csv");
    convert([clean], "csv", csv, join(dir, "profile"));
    expect(readFileSync(join(csv, `${name}.sach.csv`), "utf8")).not.toContain("Mức tính toán");
  }
}, 600000);
