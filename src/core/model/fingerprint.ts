// What the product wrote, remembered in the workbook itself: a hidden sheet-scoped name holding a
// short hash of every cell (or small group of cells) the product wrote, the sheet it wrote them on,
// and what it changed of the officer's (column widths, row heights). `clean` and a second run then
// remove only cells still holding what was written: a note the officer typed into an owned cell, or
// an officer's copy of a sheet (copying a sheet copies its names), stays the officer's.
// The name's formula is a text constant, so Office.js reads and writes it at ExcelApi 1.4 (`value`).
import { parseRange, rangeA1 } from "./a1";
import type { CellValue, PlanValue, RangeRef } from "./snapshot";

export const NAME_FINGERPRINT = "HocTap_VanTay";
const VERSION = "HT1";

/** The hashes of one named range the product wrote, cell after cell, row by row, `bucket` cells each. */
export interface FingerprintPart {
  /** The product name of the range (`HocTap_KQ_Cot`, `HocTap_KQ_Khoi`, `HocTap_KQ_Sheet`). */
  name: string;
  range: RangeRef;
  bucket: number;
  hashes: string[];
}

/** A column the product widened: its width before (characters; null: the sheet's default). */
export interface WidthRecord {
  col: number;
  before: number | null;
}

/** A row the product made taller: its height before (points; null: automatic). */
export interface HeightRecord {
  row: number;
  before: number | null;
}

export interface Fingerprint {
  /** Hash of the name of the sheet written on: a copy of the sheet has another name. */
  sheet: string;
  /** The sheet's own id where the writer knows one (a file's `sheetId`): a renamed sheet keeps it. */
  sheetId?: string;
  parts: FingerprintPart[];
  widths: WidthRecord[];
  heights: HeightRecord[];
  /** The writer's own record (the CLI's exact restore of the parts it touched); others keep it out. */
  extra?: string;
  /**
   * The add-in's record of how the written cells looked before (fill, font, borders, alignment,
   * number format), opaque here: `clean` in Excel gives them back. Only `[\w.,:=*!-]`.
   */
  looks?: string;
  /** A product sheet's: the sheet it was made for, by an id that survives a rename (the add-in's). */
  source?: string;
}

// ---------------------------------------------------------------------------------------------
// Hashes

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/** FNV-1a over UTF-16 code units, continued from `h`. */
function fnv(text: string, h = 0x811c9dc5): number {
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** 30 bits of a hash in five characters. */
function b64(h: number): string {
  let s = "";
  for (let i = 0; i < 5; i++) s += B64[(h >>> (6 * i)) & 63];
  return s;
}

export function textHash(text: string): string {
  return b64(fnv(text));
}

/** A cell's content as one string: the same value read by any reader gives the same string. */
export function cellToken(v: CellValue | PlanValue | undefined): string {
  if (v === null || v === undefined || v === "") return "";
  if (typeof v === "string") return `s${v}`;
  if (typeof v === "number") return `n${String(v)}`;
  if (typeof v === "boolean") return v ? "b1" : "b0";
  if (v instanceof Date) return `d${v.getTime()}`;
  return `e${v.error}`;
}

/** At most this many hashes in a whole record: the name stays far below Excel's 8,192-character formula. */
export const MAX_HASHES = 600;

const cellCount = (r: RangeRef) => (r.bottom - r.top + 1) * (r.right - r.left + 1);

/** The bucket size that keeps every part's hashes within MAX_HASHES together. */
export function bucketFor(ranges: RangeRef[]): number {
  const cells = ranges.reduce((s, r) => s + cellCount(r), 0);
  return Math.max(1, Math.ceil(cells / MAX_HASHES));
}

/** Hashes of a range's cells, `bucket` at a time in row order; `at` gives each cell's content. */
export function rangeHashes(
  range: RangeRef,
  bucket: number,
  at: (row: number, col: number) => CellValue | PlanValue | undefined
): string[] {
  const hashes: string[] = [];
  let h = 0x811c9dc5;
  let n = 0;
  for (let r = range.top; r <= range.bottom; r++)
    for (let c = range.left; c <= range.right; c++) {
      // A separator keeps `ab|c` and `a|bc` apart.
      h = fnv(`${cellToken(at(r, c))}\u0001`, h);
      if (++n === bucket) {
        hashes.push(b64(h));
        h = 0x811c9dc5;
        n = 0;
      }
    }
  if (n > 0) hashes.push(b64(h));
  return hashes;
}

// ---------------------------------------------------------------------------------------------
// The name's text

/** Excel refuses a text constant longer than 255 characters in a formula: longer ones are joined. */
const LITERAL = 255;

const NUMBER = /^-?\d+(\.\d+)?$/;

/** The fingerprint as the text the name evaluates to. */
export function fingerprintText(fp: Fingerprint): string {
  const fields = [VERSION, `S${fp.sheet}`];
  if (fp.sheetId !== undefined && /^\w+$/.test(fp.sheetId)) fields.push(`I${fp.sheetId}`);
  for (const p of fp.parts) fields.push(`P${p.name}@${rangeA1(p.range)}*${p.bucket}=${p.hashes.join("")}`);
  const num = (n: number | null) => (n === null ? "" : String(Math.round(n * 1e6) / 1e6));
  if (fp.widths.length) fields.push(`W${fp.widths.map((w) => `${w.col}:${num(w.before)}`).join(",")}`);
  if (fp.heights.length) fields.push(`H${fp.heights.map((h) => `${h.row}:${num(h.before)}`).join(",")}`);
  if (fp.extra && /^[\w.,:=@*+/-]*$/.test(fp.extra)) fields.push(`X${fp.extra}`);
  if (fp.looks && /^[\w.,:=*!-]*$/.test(fp.looks)) fields.push(`L${fp.looks}`);
  if (fp.source && /^[\w-]+$/.test(fp.source)) fields.push(`O${fp.source}`);
  return fields.join(";");
}

/** The fingerprint as a formula: text constants joined by `&` (without the leading `=`). */
export function fingerprintFormula(fp: Fingerprint): string {
  const text = fingerprintText(fp);
  const literals: string[] = [];
  for (let i = 0; i < text.length || literals.length === 0; i += LITERAL)
    literals.push(`"${text.slice(i, i + LITERAL)}"`);
  return literals.join("&");
}

/**
 * The text a formula of text constants joined by `&` evaluates to (`"ab"&"c"` → `abc`, quotes
 * doubled inside); null when the formula is anything else.
 */
export function formulaText(formula: string): string | null {
  const f = formula.trim().replace(/^=/, "");
  const literal = /\s*"((?:[^"]|"")*)"\s*(&|$)/y;
  let out = "";
  let at = 0;
  while (at < f.length) {
    literal.lastIndex = at;
    const m = literal.exec(f);
    if (!m) return null;
    out += (m[1] as string).replace(/""/g, '"');
    at = literal.lastIndex;
    if (m[2] === "" && at < f.length) return null;
  }
  return at === 0 ? null : out;
}

function records(text: string): { key: number; before: number | null }[] | null {
  const out: { key: number; before: number | null }[] = [];
  for (const item of text.split(",")) {
    const [k, v] = item.split(":");
    if (!k || !/^\d+$/.test(k) || v === undefined || (v !== "" && !NUMBER.test(v))) return null;
    out.push({ key: Number(k), before: v === "" ? null : Number(v) });
  }
  return out;
}

function part(text: string): FingerprintPart | null {
  const m = /^(\w+)@([A-Z]+\d+(?::[A-Z]+\d+)?)\*(\d+)=([\w-]*)$/.exec(text);
  const range = m ? parseRange(m[2] as string)?.range : undefined;
  if (!m || !range || (m[4] as string).length % 5 !== 0) return null;
  const bucket = Number(m[3]);
  const hashes = (m[4] as string).match(/.{5}/g) ?? [];
  if (bucket < 1 || hashes.length !== Math.ceil(cellCount(range) / bucket)) return null;
  return { name: m[1] as string, range, bucket, hashes };
}

/** A fingerprint from the text its name evaluates to; null when it is not one (or damaged). */
export function parseFingerprint(text: string): Fingerprint | null {
  const fields = text.split(";");
  if (fields[0] !== VERSION) return null;
  const fp: Fingerprint = { sheet: "", parts: [], widths: [], heights: [] };
  for (const f of fields.slice(1)) {
    const body = f.slice(1);
    switch (f[0]) {
      case "S":
        fp.sheet = body;
        break;
      case "I":
        fp.sheetId = body;
        break;
      case "P": {
        const p = part(body);
        if (!p) return null;
        fp.parts.push(p);
        break;
      }
      case "W":
      case "H": {
        const list = records(body);
        if (!list) return null;
        if (f[0] === "W") fp.widths = list.map((x) => ({ col: x.key, before: x.before }));
        else fp.heights = list.map((x) => ({ row: x.key, before: x.before }));
        break;
      }
      case "X":
        fp.extra = body;
        break;
      case "L":
        fp.looks = body;
        break;
      case "O":
        fp.source = body;
        break;
      default:
        break; // a field of a later version: ignored
    }
  }
  return fp.sheet === "" ? null : fp;
}

/**
 * The add-in's looks record (Fingerprint.looks: `looks!A1:B2=runs!…`) with each rectangle moved as
 * the officer's inserted rows or columns moved the range it was read for: `shift` gives the move of
 * a rectangle, or null when its cells are no longer where they were (it is dropped). Undefined when
 * no rectangle is left.
 */
export function movedLooks(
  text: string,
  shift: (range: RangeRef) => { rows: number; cols: number } | null
): string | undefined {
  const [dict = "", ...rects] = text.split("!");
  const out: string[] = [];
  for (const r of rects) {
    const at = r.indexOf("=");
    const range = at > 0 ? parseRange(r.slice(0, at))?.range : undefined;
    const s = range && shift(range);
    if (!range || !s) continue;
    const { top, bottom, left, right } = range;
    const moved = { top: top + s.rows, bottom: bottom + s.rows, left: left + s.cols, right: right + s.cols };
    out.push(`${rangeA1(moved)}${r.slice(at)}`);
  }
  return out.length ? [dict, ...out].join("!") : undefined;
}

/** Whether the record was written on this sheet: same name, or (a renamed sheet) the same id. */
export function writtenOn(fp: Fingerprint, sheet: string, sheetId?: string): boolean {
  return fp.sheet === textHash(sheet) || (sheetId !== undefined && fp.sheetId === sheetId);
}
