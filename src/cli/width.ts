// Text laid out in columns on a terminal by what it shows, not by its code units: Vietnamese names
// written decomposed (NFD, as macOS writes file names: “Hòa” as o + U+0300) count their marks as
// nothing, and CJK or emoji count two cells. Not the `string-width` package: its maintained line is
// ESM-only (the CLI's tests run CommonJS) and what is needed here is a few lines over Intl.Segmenter.

const segmenter = new Intl.Segmenter("vi", { granularity: "grapheme" });

/** Ranges of East Asian Wide and Fullwidth characters (Unicode's EastAsianWidth W and F, main blocks). */
const WIDE: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f],
  [0x231a, 0x231b],
  [0x2329, 0x232a],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xa960, 0xa97f],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe10, 0xfe19],
  [0xfe30, 0xfe6f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1f300, 0x1f64f],
  [0x1f900, 0x1f9ff],
  [0x20000, 0x2fffd],
  [0x30000, 0x3fffd],
];

const ZERO = /^[\p{Mn}\p{Me}\p{Cf}\p{Cc}]+$/u;
const EMOJI = /\p{Emoji_Presentation}/u;

function isWide(code: number): boolean {
  return WIDE.some(([from, to]) => code >= from && code <= to);
}

/** How many terminal cells one grapheme takes: 0, 1 or 2. */
function cells(grapheme: string): number {
  if (ZERO.test(grapheme)) return 0;
  if (EMOJI.test(grapheme)) return 2;
  return isWide(grapheme.codePointAt(0) ?? 0) ? 2 : 1;
}

/** The text as it should be printed: composed (NFC), so every terminal draws “Hòa” alike. */
export const shown = (text: string): string => text.normalize("NFC");

/** The cells a text takes on a terminal. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const { segment } of segmenter.segment(shown(text))) width += cells(segment);
  return width;
}

/**
 * The text cut to at most `width` cells, whole graphemes only, marked “…” where cut: at its end, or
 * at its start for a path (`…/An Lao/Xa An Hoa.xlsx`: the file's own name is what tells it apart).
 */
export function cutToWidth(text: string, width: number, keep: "start" | "end" = "start"): string {
  const s = shown(text);
  if (displayWidth(s) <= width) return s;
  const graphemes = [...segmenter.segment(s)].map((g) => g.segment);
  if (keep === "end") graphemes.reverse();
  const kept: string[] = [];
  let used = 0;
  for (const g of graphemes) {
    const w = cells(g);
    if (used + w > width - 1) break;
    kept.push(g);
    used += w;
  }
  return keep === "end" ? `…${kept.reverse().join("")}` : `${kept.join("")}…`;
}

/** The text cut to `width` cells (see `cutToWidth`) and padded with spaces to exactly `width`. */
export function padToWidth(text: string, width: number, keep: "start" | "end" = "start"): string {
  const s = cutToWidth(text, width, keep);
  return s + " ".repeat(Math.max(0, width - displayWidth(s)));
}
