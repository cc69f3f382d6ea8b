// Empty bordered boxes on a printed page, read from the PDF as a person sees it: the page drawn in
// grey at 144 dpi (pdftoppm) for its lines, its words where pdftotext places them. A box is a band
// between two horizontal border lines closed by a vertical line at an end; it is empty when no
// word's centre lies inside. Only boxes below every word of the page are counted: the officer's own
// empty cells sit among the table's rows, while a block's lines spilling onto the next page across
// print as boxes under everything that page holds, or on a page of their own.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const DPI = 144;
const PX = DPI / 72;
/** Darker than this is ink (a thin border drawn at 144 dpi is grey, not black). */
const INK = 170;
/** A border line is at least this long (pixels): a quarter of the narrowest column, longer than any glyph's stroke. */
const LINE = 24;

interface Word {
  x: number;
  y: number;
  bottom: number;
}

/** Each page's words (their centres, and their bottoms), in pixels of the 144 dpi picture. */
export function words(pdf: string): Word[][] {
  const html = execFileSync("pdftotext", ["-bbox", pdf, "-"], { encoding: "utf8", maxBuffer: 64 << 20 });
  return html
    .split(/<page\b/)
    .slice(1)
    .map((page) =>
      [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">/g)].map(
        (m) => {
          const [x0, y0, x1, y1] = m.slice(1, 5).map(Number) as [number, number, number, number];
          return { x: ((x0 + x1) / 2) * PX, y: ((y0 + y1) / 2) * PX, bottom: y1 * PX };
        }
      )
    );
}

interface Gray {
  w: number;
  h: number;
  px: Uint8Array;
}

function pgm(file: string): Gray {
  const b = readFileSync(file);
  // "P5 <w> <h> <max>" then one whitespace byte, then the pixels.
  let at = 0;
  const fields: string[] = [];
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(b[at] as number))) at++;
    let f = "";
    while (!/\s/.test(String.fromCharCode(b[at] as number))) f += String.fromCharCode(b[at++] as number);
    fields.push(f);
  }
  const [, w, h] = fields.map(Number) as [number, number, number];
  return { w, h, px: b.subarray(at + 1, at + 1 + w * h) };
}

/** The pages drawn in grey, in order. */
export function drawings(pdf: string): Gray[] {
  const dir = mkdtempSync(join(tmpdir(), "hoctap-boxes-"));
  try {
    execFileSync("pdftoppm", ["-gray", "-r", String(DPI), pdf, join(dir, "p")]);
    return readdirSync(dir)
      .filter((f) => f.endsWith(".pgm"))
      .sort((a, b) => Number(/(\d+)\.pgm$/.exec(a)?.[1]) - Number(/(\d+)\.pgm$/.exec(b)?.[1]))
      .map((f) => pgm(join(dir, f)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface Line {
  y: number;
  x0: number;
  x1: number;
}

/** Horizontal border lines: runs of ink at least LINE long, a line two pixels thick counted once. */
export function lines(g: Gray): Line[] {
  const ink = (x: number, y: number) => (g.px[y * g.w + x] as number) < INK;
  const out: Line[] = [];
  let before: Line[] = [];
  for (let y = 0; y < g.h; y++) {
    const row: Line[] = [];
    for (let x = 0; x < g.w; x++) {
      if (!ink(x, y)) continue;
      let end = x;
      while (end + 1 < g.w && ink(end + 1, y)) end++;
      if (end - x + 1 >= LINE) row.push({ y, x0: x, x1: end });
      x = end;
    }
    for (const l of row) if (!before.some((p) => p.x0 <= l.x1 && l.x0 <= p.x1)) out.push(l);
    before = row;
  }
  return out;
}

/** Whether a vertical line runs at `x` (±2 px) over most of the rows from `top` to `bottom`. */
function side(g: Gray, x: number, top: number, bottom: number): boolean {
  let inked = 0;
  for (let y = top + 1; y < bottom; y++) {
    for (let dx = -2; dx <= 2; dx++) {
      const xx = x + dx;
      if (xx >= 0 && xx < g.w && (g.px[y * g.w + xx] as number) < INK) {
        inked++;
        break;
      }
    }
  }
  return bottom - top - 1 > 0 && inked >= 0.8 * (bottom - top - 1);
}

/** How many empty bordered boxes each page prints below all its words. */
export function emptyBoxesBelowText(pdf: string): number[] {
  const text = words(pdf);
  return drawings(pdf).map((g, i) => {
    const ws = text[i] ?? [];
    const lowest = ws.reduce((m, w) => Math.max(m, w.bottom), 0);
    const all = lines(g);
    let empty = 0;
    for (const l of all) {
      const above = all
        .filter((a) => a.y < l.y - 4 && a.x0 <= l.x0 + 3 && a.x1 >= l.x1 - 3)
        .reduce<Line | null>((m, a) => (m === null || a.y > m.y ? a : m), null);
      if (!above || above.y < lowest - 2) continue;
      // A merged line cut by the page's edge is closed on one side only: it still prints as a box.
      const boxed = side(g, l.x0, above.y, l.y) || side(g, l.x1, above.y, l.y);
      const filled = ws.some((w) => w.x > l.x0 && w.x < l.x1 && w.y > above.y && w.y < l.y);
      if (boxed && !filled) empty++;
    }
    return empty;
  });
}
