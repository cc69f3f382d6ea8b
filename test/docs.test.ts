// The README and the guides hold together: a README of a few screens that keeps its two commands,
// every link to a file or a picture that is there, every anchor to a heading that exists.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { BUILTIN_FRAMEWORKS } from "../src/core/sets/builtin";

const ROOT = join(__dirname, "..");
const DOCS = [
  join(ROOT, "README.md"),
  ...readdirSync(join(ROOT, "docs"))
    .filter((f) => f.endsWith(".md"))
    .map((f) => join(ROOT, "docs", f)),
];

/** A heading's anchor as GitHub makes it: lower case, punctuation dropped, spaces as hyphens. */
function slug(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

const anchors = (file: string) =>
  new Set(
    readFileSync(file, "utf8")
      .split("\n")
      .filter((l) => /^#{1,6} /.test(l))
      .map((l) => slug(l.replace(/^#+ /, "")))
  );

test("the README is short, points to the guides and keeps npm test and npm run demo", () => {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  expect(readme.split("\n").length).toBeLessThanOrEqual(100);
  expect(readme).toMatch(/^npm test$/m);
  expect(readme).toMatch(/npm run demo/);
  for (const guide of ["huong-dan-can-bo.md", "developer-guide.md", "bo-tieu-chi.md", "trien-khai.md"])
    expect(readme).toContain(`docs/${guide}`);
});

test.each(DOCS.map((f) => [f.slice(ROOT.length + 1), f]))(
  "%s: every link and picture is there",
  (_, file) => {
    const text = readFileSync(file, "utf8").replace(/```[\s\S]*?```/g, "");
    const broken: string[] = [];
    for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^(https?:|mailto:)/.test(target!)) continue;
      const [path, anchor] = target!.split("#");
      const to = path ? resolve(dirname(file), decodeURI(path)) : file;
      if (!existsSync(to)) broken.push(target!);
      else if (anchor && to.endsWith(".md") && !anchors(to).has(decodeURI(anchor))) broken.push(target!);
    }
    expect(broken).toEqual([]);
  }
);

test("the slug is GitHub's", () => {
  expect(slug("Bảng tính khi in / How the written sheets print")).toBe(
    "bảng-tính-khi-in--how-the-written-sheets-print"
  );
  expect(slug("The `hoctap` command: reference")).toBe("the-hoctap-command-reference");
  expect(slug("2. Công cụ `hoctap` trên Windows, từng bước")).toBe("2-công-cụ-hoctap-trên-windows-từng-bước");
});

test("the README's table of built-in sets gives each set's shape as its data has it", () => {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  for (const fw of BUILTIN_FRAMEWORKS.filter((f) => f.id.startsWith("tt")))
    expect(readme).toContain(`(${fw.criteria.map((c) => c.indicators.length).join("-")})`);
});
