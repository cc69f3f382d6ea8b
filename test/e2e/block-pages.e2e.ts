// The result block as LibreOffice prints it under an unsigned officer's table whose end falls near a
// page foot: never alone on a page, never cut across two. Commune forms (motto, title, three header
// rows, the (1)(2)… row, merged cells, the circular's long words, rows of varied heights) with the
// officer's own page setup (landscape at 100 %, portrait at 85 % with wide margins and the header
// repeated, fitted to a page wide with a print area), the table's end swept across a page foot; each
// copy written by `check --out` goes to PDF and is read page by page. Before the block was laid on
// pages, 27 of 123 such forms (every 15 points of the sweep) printed it alone on the next page or cut
// in two.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { pageFootForm, type PageFootForm } from "../fixtures/forms/page-foot";
import { hoctap } from "../helpers/cli";
import { convert, pictures, requireTools } from "./render";

const PICTURES = join(__dirname, "..", "..", "test-results", "print", "block-pages");
const dir = mkdtempSync(join(tmpdir(), "hoctap-block-pages-"));

const VARIANTS: Record<string, Omit<PageFootForm, "pad">> = {
  s100: { scale: 100, orientation: "landscape" },
  s85: { scale: 85, margins: [0.7, 0.5, 0.75, 0.75], titles: true },
  fit: { fit: true, printArea: true, titles: true },
};
/** Tables ending near a page foot (each printed the block alone or cut before), then well clear of one. */
const NEAR: [string, number[]][] = [
  ["s100", [0, 345, 360, 375, 390, 435, 450, 465, 480, 495]],
  ["s85", [15, 30, 45, 60, 75, 90, 105, 120, 135, 150]],
];
const CLEAR: [string, number[]][] = [
  ["s100", [30, 120, 240]],
  ["s85", [195, 300, 450, 600]],
  ["fit", [0, 150, 300, 420]],
];
const named = (sweep: [string, number[]][]) => sweep.flatMap(([v, pads]) => pads.map((pad) => `${v}-${pad}`));
const clear = named(CLEAR);
const cases = [...named(NEAR), ...clear];

/** Each page's text in reading order, whitespace folded. */
function pages(pdf: string): string[] {
  const text = execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8", maxBuffer: 64 << 20 });
  const all = text.split("\f");
  if (all.at(-1)?.trim() === "") all.pop();
  return all.map((p) => p.replace(/\s+/g, " "));
}

beforeAll(async () => {
  requireTools();
  const outs: string[] = [];
  for (const name of cases) {
    const [variant, pad] = name.split("-") as [string, string];
    const { wb } = pageFootForm({ pad: Number(pad), ...VARIANTS[variant] });
    const file = join(dir, `${name}.xlsx`);
    await wb.xlsx.writeFile(file);
    const out = join(dir, `ket-qua-${name}.xlsx`);
    expect((await hoctap("check", file, "--out", out)).code).toBe(0);
    outs.push(out);
  }
  convert(outs, "pdf", dir, join(dir, "profile"));
}, 300000);

const HEAD = "KẾT QUẢ KIỂM TRA TỰ ĐÁNH GIÁ";
const TAIL = /Số lỗi: \d+; số cảnh báo: \d+/;
/** A target's row of the officer's table (`Chỉ tiêu 2: Xã đạt chuẩn …`). */
const TARGET = /Chỉ tiêu \d+: \S/;

/** Where the block prints: the page of its first and last lines, and whether a target row is on it. */
function blockOn(name: string): { head: number; tail: number; withTable: boolean } | null {
  const all = pages(join(dir, `ket-qua-${name}.pdf`));
  const head = all.findIndex((p) => p.includes(HEAD));
  if (head < 0) return null;
  const tail = all.findIndex((p) => TAIL.test(p));
  const page = all[head] as string;
  return { head: head + 1, tail: tail + 1, withTable: TARGET.test(page.slice(0, page.indexOf(HEAD))) };
}

test.each(cases)("%s: the block prints with the table's last rows, or on KQ only", (name) => {
  pictures(join(dir, `ket-qua-${name}.pdf`), PICTURES, 40);
  const at = blockOn(name);
  if (at === null) return;
  expect(at).toEqual({ head: at.head, tail: at.head, withTable: true });
});

test("a table ending clear of a page foot keeps its block under it", () => {
  expect(clear.filter((c) => blockOn(c) === null)).toEqual([]);
});
