// Text measured the way a printed sheet needs it: how wide a column must be for a text, how many
// lines a wrapped text takes, how tall its row must be. Estimates from typical glyph widths of Times
// New Roman and Calibri (the fonts officers' forms use), erring wide so that nothing is cut.
// Column widths are in Excel's unit: characters of the default font's digit (Calibri 11, 7 px).

const PX_PER_CHAR = 7;
const CELL_PADDING_PX = 5;
const PT_PER_PX = 0.75;

// Advance widths in thousandths of an em, the wider of Times New Roman and Calibri for each letter.
const LOWER = [
  479, 525, 444, 525, 498, 333, 500, 525, 278, 278, 500, 278, 799, 525, 527, 525, 525, 349, 391, 335, 525,
  500, 722, 500, 500, 444,
];
const UPPER = [
  722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722,
  722, 944, 722, 722, 611,
];
const OTHER: Record<string, number> = {
  " ": 250,
  ".": 250,
  ",": 250,
  ":": 278,
  ";": 278,
  "-": 333,
  "(": 333,
  ")": 333,
  "/": 386,
  "—": 1000,
  "–": 500,
  "…": 1000,
  "%": 833,
  "“": 444,
  "”": 444,
};

/** Width of one character, in em, from its base letter (diacritics do not widen a letter). */
function em(ch: string): number {
  const base = ch.normalize("NFD").charAt(0).replace("đ", "d").replace("Đ", "D");
  const code = base.charCodeAt(0);
  if (code >= 97 && code <= 122) return (LOWER[code - 97] as number) / 1000;
  if (code >= 65 && code <= 90) return (UPPER[code - 65] as number) / 1000;
  if (code >= 48 && code <= 57) return 0.507;
  return (OTHER[ch] ?? 600) / 1000;
}

/** Printed width of a text, in points. */
export function textPoints(text: string, size: number, bold = false): number {
  let ems = 0;
  for (const ch of text) ems += em(ch);
  return ems * size * (bold ? 1.08 : 1);
}

/** Column width (characters) that shows a text on one line. */
export function widthFor(text: string, size: number, bold = false): number {
  return (
    Math.ceil(((textPoints(text, size, bold) / PT_PER_PX + CELL_PADDING_PX) / PX_PER_CHAR) * 10) / 10 + 0.5
  );
}

/** Points a column of `width` characters takes on paper. */
export function widthPoints(width: number): number {
  return (width * PX_PER_CHAR + CELL_PADDING_PX) * PT_PER_PX;
}

/** Column width (characters) of a column `points` wide, as Office.js measures it. */
export function pointsToWidth(points: number): number {
  return Math.max(0, (points / PT_PER_PX - CELL_PADDING_PX) / PX_PER_CHAR);
}

/** How many lines a text takes when wrapped at word boundaries in a cell `width` characters wide. */
export function lineCount(text: string, width: number, size: number, bold = false): number {
  const room = width * PX_PER_CHAR * PT_PER_PX - 2;
  const space = textPoints(" ", size, bold);
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    let used = 0;
    lines++;
    for (const word of paragraph.split(" ").filter(Boolean)) {
      const w = textPoints(word, size, bold);
      if (used > 0 && used + space + w <= room) {
        used += space + w;
        continue;
      }
      if (used > 0) lines++;
      // A word longer than the cell is broken across lines.
      const extra = Math.max(0, Math.ceil(w / room) - 1);
      lines += extra;
      used = w - extra * room;
    }
  }
  return lines;
}

/** Height of a row holding `lines` lines of text at `size` points. */
export function rowPoints(lines: number, size: number): number {
  return Math.ceil((Math.max(1, lines) * size * 1.25 + 3) * 4) / 4;
}
