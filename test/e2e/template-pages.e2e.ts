// The blank templates as LibreOffice prints them: no criterion's heading alone at the foot of a
// page. Each built-in set's template goes to PDF; on every page, the last heading printed has the
// first target under it on the same page (the page breaks the template sets keep them together).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { BUILTIN_FRAMEWORKS } from "../../src/core/sets/builtin";
import { hoctap } from "../helpers/cli";
import { convert, pictures, requireTools } from "./render";

const PICTURES = join(__dirname, "..", "..", "test-results", "print", "templates");
const dir = mkdtempSync(join(tmpdir(), "hoctap-template-pages-"));

/** Each page's lines as pdftotext lays them out (columns kept apart), blank lines left out. */
function pageLines(pdf: string): string[][] {
  const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8", maxBuffer: 64 << 20 });
  const pages = text.split("\f");
  if (pages.at(-1)?.trim() === "") pages.pop();
  return pages.map((p) => p.split("\n").filter((l) => l.trim() !== ""));
}

/** A heading row: `Tiêu chuẩn 2`, `Tiêu chí 3`, `IV  Tiêu chí 4: …` (the circulars' roman numerals). */
const HEADING = /^\s*(?:[IVX]+\s+)?(?:Tiêu chuẩn|Tiêu chí) \d+\b/;
/** A target's row: `Chỉ báo 12`, `a)`, `2.3`. */
const TARGET = /^\s*(?:Chỉ báo \d+|Chỉ tiêu \d+|[a-zđ]\)|\d+\.\d+)(?:\s|$)/;

beforeAll(async () => {
  requireTools();
  const files: string[] = [];
  for (const fw of BUILTIN_FRAMEWORKS) {
    const file = join(dir, `${fw.id}.xlsx`);
    expect((await hoctap("template", "--framework", fw.id, "--out", file)).code).toBe(0);
    files.push(file);
  }
  convert(files, "pdf", dir, join(dir, "profile"));
}, 300000);

test.each(BUILTIN_FRAMEWORKS.map((f) => f.id))("%s: no heading alone at the foot of a page", (id) => {
  const pdf = join(dir, `${id}.pdf`);
  pictures(pdf, PICTURES, 50);
  const pages = pageLines(pdf);
  expect(pages.length).toBeGreaterThan(1);
  pages.forEach((lines, p) => {
    const last = lines.map((l) => HEADING.test(l)).lastIndexOf(true);
    if (last < 0) return;
    // Under the last heading of the page, its first target on the same page.
    const after = lines.slice(last + 1);
    expect({ page: p + 1, heading: lines[last]?.trim(), target: after.some((l) => TARGET.test(l)) }).toEqual({
      page: p + 1,
      heading: lines[last]?.trim(),
      target: true,
    });
  });
});
