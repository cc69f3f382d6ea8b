// Attributes found and changed in one pass over a tag: a start tag holding 100,000 spaces costs
// what its length costs. The work is counted (characters looked at), never timed.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync, zipSync } from "fflate";
import { attrOf, attrWork, withAttrs } from "../../src/writer/xml-edit";
import { hoctap } from "../helpers/cli";
import { packageProblems } from "../helpers/validity";

const EXAMPLE = join(__dirname, "..", "fixtures", "examples", "xa-an-hoa.xlsx");

test("attributes read, set, added and removed where they stand", () => {
  const tag = `<row r="7" spans="1:7"  ht='20.25' customHeight="1" x14ac:dyDescent="0.25">`;
  expect(attrOf(tag, "ht")).toBe("20.25");
  expect(attrOf(tag, "r")).toBe("7");
  expect(attrOf(tag, "x14ac:dyDescent")).toBe("0.25");
  expect(attrOf(tag, "dyDescent")).toBeUndefined();
  // A name inside another's value is not an attribute.
  expect(attrOf(`<c t="s r=&quot;9&quot;" r="B2"/>`, "r")).toBe("B2");
  expect(attrOf(`<c r = "A1"/>`, "r")).toBe("A1");
  expect(withAttrs(tag, { ht: null, customHeight: null })).toBe(
    `<row r="7" spans="1:7" x14ac:dyDescent="0.25">`
  );
  expect(withAttrs(tag, { ht: "30" })).toBe(
    `<row r="7" spans="1:7"  ht='30' customHeight="1" x14ac:dyDescent="0.25">`
  );
  expect(withAttrs(`<row r="7"/>`, { ht: "30", customHeight: "1" })).toBe(
    `<row r="7" ht="30" customHeight="1"/>`
  );
});

test("a tag of 100,000 spaces is read once per search, not once per space", () => {
  const spaces = " ".repeat(100000);
  const tag = `<row r="7"${spaces}spans="1:7"${spaces}>`;
  const before = attrWork.steps;
  expect(attrOf(tag, "spans")).toBe("1:7");
  expect(attrOf(tag, "ht")).toBeUndefined();
  expect(withAttrs(tag, { ht: "30" })).toBe(`<row r="7"${spaces}spans="1:7"${spaces} ht="30">`);
  // Four searches (two inside withAttrs' set), each at most the tag's length.
  expect(attrWork.steps - before).toBeLessThanOrEqual(4 * tag.length);
});

test("check --out of a row whose start tag holds 100,000 spaces: work bounded by the file's size, output valid", async () => {
  const parts = unzipSync(readFileSync(EXAMPLE));
  const sheet = Buffer.from(parts["xl/worksheets/sheet1.xml"]!).toString("utf8");
  const spaced = sheet.replace(/<row r="8"/, `<row r="8"${" ".repeat(100000)}`);
  expect(spaced).not.toBe(sheet);
  parts["xl/worksheets/sheet1.xml"] = Buffer.from(spaced);
  const dir = mkdtempSync(join(tmpdir(), "hoctap-spaces-"));
  const input = join(dir, "khoang-trang.xlsx");
  writeFileSync(input, zipSync(parts));
  const out = join(dir, "ket-qua.xlsx");
  const before = attrWork.steps;
  const run = await hoctap("check", input, "--out", out);
  expect(run.code).toBe(0);
  // Every attribute search over the whole write looks at twice the sheet's characters (208,275 for
  // 108,905 here), bounded at four times; the regex it replaces took 18 s of CPU on this file.
  expect(attrWork.steps - before).toBeLessThanOrEqual(4 * spaced.length);
  expect(packageProblems(readFileSync(out), out)).toEqual([]);
  const again = join(dir, "lan-2.xlsx");
  expect((await hoctap("check", out, "--out", again)).code).toBe(0);
  expect(packageProblems(readFileSync(again), again)).toEqual([]);
});
