// Giving recorded looks back where Excel has no cell properties (before ExcelApi 1.9): through the
// range format — Excel.RangeFill (color: a solid fill), Excel.RangeFont (name, size, color, bold,
// italic, underline), Excel.RangeBorder (style, color, weight), alignment and wrapping (ExcelApi 1.1),
// Excel.FormatProtection (1.2), textOrientation (1.7). Cells of one look in a column are one range,
// and neighbouring columns alike one rectangle, all queued with the rest of the request. What that API
// cannot set (a patterned fill, strikethrough, an indent: 1.9) is found before anything is written.
import { rangeA1 } from "../core/model/a1";
import { CLEARED, lookProperties, type Look, type LookRecord } from "../core/model/looks-record";
import type { RangeRef } from "../core/model/snapshot";
import { OPERATION_BYTES } from "./payload";
import { supported } from "./office-run";

type Line = { style?: string; color?: string; weight?: string };
interface LookFormat {
  fill?: { color?: string; pattern?: string };
  font?: {
    name?: string;
    size?: number;
    color?: string;
    bold?: boolean;
    italic?: boolean;
    underline?: string;
    strikethrough?: boolean;
  };
  borders?: Partial<Record<"top" | "bottom" | "left" | "right", Line>>;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
  indentLevel?: number;
  textOrientation?: number;
  protection?: { locked?: boolean; formulaHidden?: boolean };
}

const formatOf = (look: Look) => (lookProperties(look).format ?? {}) as LookFormat;

/**
 * Operations a request may carry for the looks given back this way: with OPERATION_BYTES each, about
 * 900 KB, inside the room the values' budget (4 MB) leaves under Excel on the web's 5 MB.
 */
export const LOOK_OPERATIONS = 3000;

/** What of a look the range format of this Excel cannot set (empty: all of it). */
export function unsettable(look: Look): string[] {
  const f = formatOf(look);
  const out: string[] = [];
  const pattern = f.fill?.pattern;
  if (pattern && pattern !== "None" && pattern !== "Solid") out.push("pattern");
  if (f.font?.strikethrough === true) out.push("strikethrough");
  if (f.indentLevel) out.push("indent");
  if (f.textOrientation && !supported("1.7")) out.push("orientation");
  return out;
}

/** Two edges drawn alike (or neither drawn): one line between two cells can be both. */
function same(a: Line | undefined, b: Line | undefined): boolean {
  const sa = a?.style ?? "None";
  const sb = b?.style ?? "None";
  if (sa === "None" || sb === "None") return sa === sb;
  return sa === sb && a?.color === b?.color && a?.weight === b?.weight;
}

/** One setter of a range's format. */
type Step = (f: Excel.RangeFormat) => void;

/** A line's setters on one border of a range: its style, then colour and weight where not the default. */
function lineSteps(index: `${Excel.BorderIndex}`, line: Line): Step[] {
  const steps: Step[] = [(f) => void (f.borders.getItem(index).style = line.style as Excel.BorderLineStyle)];
  if (line.color && line.color !== "#000000")
    steps.push((f) => void (f.borders.getItem(index).color = line.color as string));
  if (line.weight && line.weight !== "Thin")
    steps.push((f) => void (f.borders.getItem(index).weight = line.weight as Excel.BorderWeight));
  return steps;
}

/**
 * The setters that give a cleared range of cells of one look that look (a cleared cell has the Normal
 * style: only what differs from it is set, save the font, whose Normal the record cannot know).
 */
function steps(look: Look, box: RangeRef): { box: RangeRef; steps: Step[] }[] {
  const f = formatOf(look);
  const all: Step[] = [];
  const fill = f.fill;
  if (fill?.pattern === "Solid" && fill.color) all.push((x) => void (x.fill.color = fill.color as string));
  const font = f.font ?? {};
  if (font.name) all.push((x) => void (x.font.name = font.name as string));
  if (font.size) all.push((x) => void (x.font.size = font.size as number));
  if (font.color) all.push((x) => void (x.font.color = font.color as string));
  if (font.bold) all.push((x) => void (x.font.bold = true));
  if (font.italic) all.push((x) => void (x.font.italic = true));
  if (font.underline && font.underline !== "None")
    all.push((x) => void (x.font.underline = font.underline as Excel.RangeUnderlineStyle));
  const h = f.horizontalAlignment;
  if (h && h !== "General") all.push((x) => void (x.horizontalAlignment = h as Excel.HorizontalAlignment));
  const v = f.verticalAlignment;
  if (v && v !== "Bottom") all.push((x) => void (x.verticalAlignment = v as Excel.VerticalAlignment));
  if (f.wrapText) all.push((x) => void (x.wrapText = true));
  if (f.textOrientation && supported("1.7"))
    all.push((x) => void (x.textOrientation = f.textOrientation as number));
  if (f.protection?.locked === false) all.push((x) => void (x.protection.locked = false));
  if (f.protection?.formulaHidden === true) all.push((x) => void (x.protection.formulaHidden = true));
  const out = [{ box, steps: all }];
  // Borders: a range's outer edges, and its inside lines where the cells' facing edges are alike
  // (Excel draws one line between two cells); otherwise row by row.
  const b = f.borders ?? {};
  const drawn = (e: "top" | "bottom" | "left" | "right") => (b[e]?.style ?? "None") !== "None";
  const parts =
    box.bottom > box.top && !same(b.top, b.bottom)
      ? Array.from({ length: box.bottom - box.top + 1 }, (_, i) => ({
          ...box,
          top: box.top + i,
          bottom: box.top + i,
        }))
      : [box];
  for (const part of parts) {
    const lines: Step[] = [];
    if (drawn("top")) lines.push(...lineSteps("EdgeTop", b.top as Line));
    if (drawn("bottom")) lines.push(...lineSteps("EdgeBottom", b.bottom as Line));
    if (drawn("left")) lines.push(...lineSteps("EdgeLeft", b.left as Line));
    if (drawn("right")) lines.push(...lineSteps("EdgeRight", b.right as Line));
    if (part.bottom > part.top && drawn("top")) lines.push(...lineSteps("InsideHorizontal", b.top as Line));
    if (part.right > part.left && drawn("left")) lines.push(...lineSteps("InsideVertical", b.left as Line));
    if (lines.length) out.push({ box: part, steps: lines });
  }
  return out.filter((o) => o.steps.length > 0);
}

/** Cells of one look: each column's runs, neighbouring columns' identical runs joined (left and right alike). */
function rectangles(rec: LookRecord, box: RangeRef): { box: RangeRef; look: number }[] {
  const out: { box: RangeRef; look: number }[] = [];
  const open = new Map<string, { box: RangeRef; look: number }>();
  for (const { range: r, cells } of rec.rects) {
    const top = Math.max(r.top, box.top);
    const bottom = Math.min(r.bottom, box.bottom);
    const left = Math.max(r.left, box.left);
    const right = Math.min(r.right, box.right);
    if (top > bottom || left > right) continue;
    const height = r.bottom - r.top + 1;
    for (let col = left; col <= right; col++) {
      for (let row = top; row <= bottom;) {
        const at = cells[(col - r.left) * height + (row - r.top)];
        let end = row;
        while (end + 1 <= bottom && cells[(col - r.left) * height + (end + 1 - r.top)] === at) end++;
        if (at !== CLEARED && at !== undefined) {
          const k = `${row}:${end}:${at}`;
          const prev = open.get(k);
          const look = rec.looks[at] as Look;
          const b = formatOf(look).borders ?? {};
          if (prev && prev.box.right === col - 1 && same(b.left, b.right)) prev.box.right = col;
          else {
            const next = { box: { top: row, left: col, bottom: end, right: col }, look: at };
            open.set(k, next);
            out.push(next);
          }
        }
        row = end + 1;
      }
    }
  }
  return out;
}

/** The ranges and setters giving `rec`'s looks back over `box` (cleared first), without cell properties. */
export function formatSteps(rec: LookRecord, box: RangeRef): { box: RangeRef; steps: Step[] }[] {
  return rectangles(rec, box).flatMap(({ box: b, look }) => steps(rec.looks[look] as Look, b));
}

/** The request bytes of giving `rec`'s looks back over `ranges` this way (a range and each setter). */
export function formatBytes(rec: LookRecord, ranges: RangeRef[]): number {
  return ranges.reduce(
    (n, r) => n + formatSteps(rec, r).reduce((m, s) => m + (1 + s.steps.length) * OPERATION_BYTES, 0),
    0
  );
}

/** Queues the setters giving `rec`'s looks back over `box` (already cleared of formats). */
export function queueFormatLooks(ws: Excel.Worksheet, rec: LookRecord, box: RangeRef): void {
  for (const s of formatSteps(rec, box)) {
    const f = ws.getRange(rangeA1(s.box)).format;
    for (const step of s.steps) step(f);
  }
}

/** The cells of `ranges` whose recorded look this Excel cannot set without cell properties, as boxes. */
export function unsettableCells(rec: LookRecord, ranges: RangeRef[]): RangeRef[] {
  const out: RangeRef[] = [];
  for (const r of ranges)
    for (const { box, look } of rectangles(rec, r))
      if (unsettable(rec.looks[look] as Look).length) out.push(box);
  return out;
}

export const cellsText = (boxes: RangeRef[]): string => boxes.map(rangeA1).join(", ");
