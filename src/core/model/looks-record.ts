// The add-in's record of how the officer's cells looked before its first write (the fingerprint's `L`
// field): a few distinct looks, then each rectangle's cells column by column as runs of one look.
// A look is the values Excel's cell properties give (Range.getCellProperties, ExcelApi 1.9) in a fixed
// order, then the number format. The pane writes and reads it (src/excel/looks.ts); the CLI's clean
// reads it too, so a workbook checked in the pane and cleaned by the CLI gets the same looks back.
import { parseRange, rangeA1 } from "./a1";
import type { RangeRef } from "./snapshot";

/** A border edge's properties, as Excel's cell properties name them. */
export const EDGE = { style: true, color: true, weight: true };

/** The format's properties besides borders and protection (the pane loads those its own way). */
export const LOOK_FORMAT = {
  fill: { color: true, pattern: true },
  font: {
    name: true,
    size: true,
    color: true,
    bold: true,
    italic: true,
    underline: true,
    strikethrough: true,
  },
  horizontalAlignment: true,
  verticalAlignment: true,
  wrapText: true,
  indentLevel: true,
  textOrientation: true,
};

/** The properties a look holds, as Excel's cell properties nest them. */
const FIELDS = {
  format: {
    ...LOOK_FORMAT,
    borders: { top: EDGE, bottom: EDGE, left: EDGE, right: EDGE },
    protection: { locked: true, formulaHidden: true },
  },
};

function paths(o: object, at: string[] = []): string[][] {
  return Object.entries(o).flatMap(([k, v]) => (v === true ? [[...at, k]] : paths(v as object, [...at, k])));
}
/** Every property as a path (`format.fill.color`), in the record's order: a look is their values. */
export const LOOK_PATHS = paths(FIELDS);

/** The values at LOOK_PATHS, then the number format. */
export type Look = unknown[];
/** A cell the record leaves out looks as a cleared cell (no look of its own). */
export const CLEARED = "";

/** The record: looks (each once), then each rectangle's cells column by column. */
export interface LookRecord {
  looks: Look[];
  /** Each cell's look by index, CLEARED for a cell with none of its own. */
  rects: { range: RangeRef; cells: (number | typeof CLEARED)[] }[];
}

function encode(look: Look): string {
  const bytes = new TextEncoder().encode(JSON.stringify(look));
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function decode(text: string): Look | null {
  try {
    const bin = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
    const look = JSON.parse(
      new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)))
    ) as unknown;
    return Array.isArray(look) && look.length === LOOK_PATHS.length + 1 ? look : null;
  } catch {
    return null;
  }
}

/** A look from cell properties (nested as Excel gives them) and a number format. */
export function lookOf(props: object, format: string): Look {
  return [
    ...LOOK_PATHS.map(
      (p) => p.reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], props) ?? null
    ),
    format,
  ];
}

/** The cell properties of a look, nested as Excel sets them (what it does not know left out). */
export function lookProperties(look: Look): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  LOOK_PATHS.forEach((p, i) => {
    const v = look[i];
    if (v === null || v === undefined) return;
    let o = out;
    for (const k of p.slice(0, -1)) o = (o[k] ??= {}) as Record<string, unknown>;
    o[p[p.length - 1] as string] = v;
  });
  return out;
}

/** A look's number format (`General` when it has none). */
export function lookFormat(look: Look): string {
  return String(look[LOOK_PATHS.length] ?? "General");
}

export function lookText(rec: LookRecord): string {
  const rects = rec.rects.map(({ range, cells }) => {
    const runs: string[] = [];
    for (let i = 0; i < cells.length;) {
      let n = 1;
      while (cells[i + n] === cells[i]) n++;
      runs.push(`${cells[i]}*${n}`);
      i += n;
    }
    return `${rangeA1(range)}=${runs.join(",")}`;
  });
  return [rec.looks.map(encode).join("."), ...rects].join("!");
}

export function parseLooks(text: string | undefined): LookRecord | null {
  if (!text) return null;
  const [dict = "", ...rest] = text.split("!");
  const looks = dict ? dict.split(".").map(decode) : [];
  if (looks.some((l) => l === null)) return null;
  const rects: LookRecord["rects"] = [];
  for (const r of rest) {
    const [a1, runs = ""] = r.split("=");
    const range = parseRange(a1 ?? "")?.range;
    if (!range) return null;
    const cells: LookRecord["rects"][number]["cells"] = [];
    for (const run of runs.split(",")) {
      const m = /^(\d*)\*(\d+)$/.exec(run);
      if (!m) return null;
      const at = m[1] === "" ? CLEARED : Number(m[1]);
      if (at !== CLEARED && at >= looks.length) return null;
      for (let k = 0; k < Number(m[2]); k++) cells.push(at);
    }
    if (cells.length !== (range.bottom - range.top + 1) * (range.right - range.left + 1)) return null;
    rects.push({ range, cells });
  }
  return { looks: looks as Look[], rects };
}

/** The recorded look of a cell, CLEARED, or undefined when the record has none. */
export function recordedLook(
  rec: LookRecord | null,
  row: number,
  col: number
): Look | typeof CLEARED | undefined {
  for (const { range: r, cells } of rec?.rects ?? []) {
    if (row < r.top || row > r.bottom || col < r.left || col > r.right) continue;
    const at = cells[(col - r.left) * (r.bottom - r.top + 1) + (row - r.top)];
    return at === CLEARED || at === undefined ? CLEARED : rec?.looks[at];
  }
  return undefined;
}
