// Security over the built add-in: what the browser runs and what the manifest asks for.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { DIST } from "./harness";
import { BUILTIN_FRAMEWORKS } from "../../src/core/sets/builtin";

const js = readdirSync(DIST).filter((f) => f.endsWith(".js"));

test("the built-in sets reach the pane as data beside it, every one in the CLI's order", () => {
  const sets = JSON.parse(readFileSync(join(DIST, "sets.json"), "utf8")) as {
    id: string;
    notes: unknown[];
  }[];
  expect(sets.map((s) => s.id)).toEqual(BUILTIN_FRAMEWORKS.map((f) => f.id));
  expect(sets.every((s) => s.notes.length === 0)).toBe(true);
});

test("no eval or Function constructor anywhere in the bundle", () => {
  expect(js.length).toBeGreaterThan(0);
  for (const f of js) {
    const code = readFileSync(join(DIST, f), "utf8");
    expect({ f, hits: code.match(/(^|[^\w$.])(eval|Function)\s*\(|new\s+Function\b/g) ?? [] }).toEqual({
      f,
      hits: [],
    });
  }
});

test("the pane's Content-Security-Policy allows scripts only from itself and the Office CDN", () => {
  const html = readFileSync(join(DIST, "taskpane.html"), "utf8");
  const csp = /http-equiv=["']?Content-Security-Policy["']?\s+content="([^"]+)"/.exec(html)?.[1] ?? "";
  const directives = Object.fromEntries(
    csp
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .map(([k, ...v]) => [k, v])
  );
  expect(directives["script-src"]).toEqual(["'self'", "https://appsforoffice.microsoft.com"]);
  expect(directives["default-src"]).toEqual(["'self'"]);
  expect(directives["object-src"]).toEqual(["'none'"]);
  expect(directives["style-src"]).toEqual(["'self'", "'unsafe-inline'"]);
  expect(csp).not.toMatch(/unsafe-eval/);
  // Every script the page loads is its own or Office.js.
  const scripts = [...html.matchAll(/<script[^>]*\bsrc=["']?([^"'\s>]+)/g)].map((m) => m[1]);
  expect(scripts).toHaveLength(2);
  expect(
    scripts.every(
      (s) => s === "https://appsforoffice.microsoft.com/lib/1/hosted/office.js" || !/^[a-z]+:/i.test(s ?? "")
    )
  ).toBe(true);
});

test("the production manifest asks for no more than ReadWriteDocument and points at one origin", () => {
  const manifest = readFileSync(join(DIST, "manifest.xml"), "utf8");
  expect([...manifest.matchAll(/<Permissions>(\w+)<\/Permissions>/g)].map((m) => m[1])).toEqual([
    "ReadWriteDocument",
  ]);
  const origins = new Set([...manifest.matchAll(/https:\/\/[^"<]+/g)].map((m) => new URL(m[0]).origin));
  expect(origins.size).toBe(1);
  expect([...origins][0]).not.toBe("https://localhost:3000");
});

// Issue 22's aim is 120,000 B. Every feature in (sets as data in dist/sets.json, English words in
// strings-en.json fetched for an English Office only), the pane measured ~128,300 B on React DOM and
// ~93,500 B on Preact's compatibility layer (webpack.config.js). The bound holds that line, well
// under the aim, so a feature that adds weight says so here. The council's part (issue 21: its
// columns written and read in the pane — council.ts, council-columns.ts — and its card; the
// department's decision list — decision-list.ts, duplicates.ts): ~99,850 B; with the per-level blank
// form's later changes (814a7fe) ~100,370 B. Issue 19's pane part (the officer's looks given back,
// prepared columns, a renamed sheet's KQ: src/excel/looks.ts, product-sheets.ts, their notices):
// ~103,650 B; reading INDIRECT's texts when a KQ is in use (one refersTo for the writer and the pane):
// 103,736 B. The council's errors counted in the pane's status and Lỗi tab, and why its columns cannot
// be read (a Đạt | Không đạt pair naming no level, told at its heading in both languages): 104,724 B;
// the decision list offered in Tạo trang tính too (DecisionPart.tsx): 105,087 B; the council's
// differences at their cells under Tổng hợp (summary.ts differenceLines): 105,295 B; how to fix its
// columns beside the per-level pairs too: 105,354 B. Issue 20: the
// result block laid on the officer's pages (block-page.ts, the same write plan as the CLI's), KQ
// written with the results on a signed form and its notices: 106,377 B. Issue 19: telling the
// officer before writing over looks the pane cannot record (the message, its “Vẫn ghi”, the cells
// read one by one among many): 107,265 B. Issue 20: the officer's pages read for a write
// (read-page.ts: page layout, print area, breaks, row heights, column widths) so the block goes where
// the CLI puts it, and the notices saying why it went to KQ: 108,318 B. Issue 22: a long table's rows
// read into one RowTexts refilled row after row, no Map, iterator or entry a row (row-kinds.ts,
// snapshot.ts rowCellsInto; the pane reads 50,000-row tables too), and the check's tables by
// indicator number and row in arrays, not Maps (model/by-number.ts): +446 B before the merge
// (107,295 → 107,741), 108,814 B after it. Issue 19: the officer's looks given back on Excel before
// 1.9 through the range format (looks-format.ts), the message when they cannot be with its “Vẫn xoá”
// (the council's columns too), an AutoFilter over where the results go found by the write's own
// check and its message: +1,689 B before the merge (107,265 → 108,954), 110,470 B after it. Issue 20:
// the block spanning a wide table's first page across (blockSpan, its notice in both languages):
// 110,874 B. Issue 19: on Excel before 1.13 Xoá kết quả reads the other sheets' formulas to know
// whether a KQ is used (formulasUsing), so KQ goes again instead of staying: 111,067 B.
test("the pane's JavaScript stays within its budget: 111,200 bytes gzipped, every feature in", () => {
  const total = js.reduce((n, f) => n + gzipSync(readFileSync(join(DIST, f)), { level: 9 }).length, 0);
  expect(total).toBeLessThanOrEqual(111_200);
  // React DOM is not in it: the pane runs on preact/compat.
  expect(
    js.some((f) =>
      /reactjs\.org\/docs\/error-decoder|react\.dev\/errors/.test(readFileSync(join(DIST, f), "utf8"))
    )
  ).toBe(false);
  // The focus-management library Fluent's TabList and Accordion bring is not in it.
  expect(js.some((f) => /createTabster|getMover/.test(readFileSync(join(DIST, f), "utf8")))).toBe(false);
});
