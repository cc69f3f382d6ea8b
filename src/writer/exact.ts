// What this writer records beyond the fingerprint, so that `clean` gives the officer's parts back
// exactly when nothing else touched the file since: the cell elements that stood where the product
// wrote (a border, a fill), the row tags it changed or made, the column elements it split, and the
// style records it appended. Kept in the fingerprint's `extra` field (deflated, base64url); another
// writer (the add-in) leaves it out, and `clean` then gives back what the fingerprint itself says.
import { deflateRawSync, inflateRawSync } from "node:zlib";
import { maxOf } from "../core/model/max";
import type { Section, StyleCounts } from "./styles";
import { withAttrs } from "./xml-edit";
import type { ColAt, ColsEdit } from "./sheet-doc";

export interface ExactRecord {
  /** Cell elements that stood in the written cells: [row, col, rows down the column, raw with r="*"]. */
  c?: [number, number, number, string][];
  /** Rows whose start tag was changed or made: [row, tag before (null: no row), tag written]. */
  r?: [number, string | null, string][];
  /** Column elements meeting lo…hi before, and the hash of those written there. */
  k?: { lo: number; hi: number; orig: string[]; wrote: string };
  /** The `<dimension>` element before the write and as written (grown over the owned cells). */
  d?: [string, string];
  /** The workbook's `<definedNames/>` before the product's names filled it, when it was empty. */
  n?: string;
  /** Style records: the counts before the product's, after them, and the count attributes before. */
  st?: { before: StyleCounts; after: StyleCounts; count: Partial<Record<Section, string | null>> };
}

/** A record this long or longer is left out: the fingerprint's name must stay within Excel's formula limit. */
const MAX_EXTRA = 5000;

export function encodeExact(rec: ExactRecord): string | undefined {
  const text = deflateRawSync(Buffer.from(JSON.stringify(rec), "utf8")).toString("base64url");
  return text.length < MAX_EXTRA ? text : undefined;
}

export function decodeExact(text: string | undefined): ExactRecord | null {
  if (!text) return null;
  try {
    const json = inflateRawSync(Buffer.from(text, "base64url"), { maxOutputLength: 1 << 20 }).toString(
      "utf8"
    );
    const rec = JSON.parse(json) as unknown;
    return rec !== null && typeof rec === "object" && !Array.isArray(rec) ? (rec as ExactRecord) : null;
  } catch {
    return null;
  }
}

/** Cell elements in runs down each column: [row, col, n, raw]. */
export function cellRuns(
  cells: { row: number; col: number; raw: string }[]
): [number, number, number, string][] {
  const sorted = [...cells].sort((a, b) => a.col - b.col || a.row - b.row);
  const runs: [number, number, number, string][] = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last && last[1] === c.col && last[0] + last[2] === c.row && last[3] === c.raw) last[2]++;
    else runs.push([c.row, c.col, 1, c.raw]);
  }
  return runs;
}

/** A cell element with its reference made a placeholder (`r="*"`), and back. */
export function unref(raw: string): string {
  return withAttrs(raw.slice(0, raw.indexOf(">") + 1), { r: "*" }) + raw.slice(raw.indexOf(">") + 1);
}

export function reref(raw: string, ref: string): string {
  return raw.replace(/\br="\*"/, `r="${ref}"`);
}

/** The `<col>` attributes apart from min and max: two elements alike but for their span. */
function body(raw: string): string {
  return withAttrs(raw, { min: null, max: null });
}

/**
 * Column elements for columns `lo`…`hi` with some widths changed (a number: that width, set by hand;
 * null: back to the default), splitting an element that spans more and keeping the rest of it as it
 * is; columns alike side by side are one element again. Returns the edit and the elements it replaces.
 */
export function colsWith(
  cols: readonly ColAt[],
  changes: ReadonlyMap<number, number | null>,
  prefix: string
): { edit: ColsEdit; orig: string[] } | null {
  if (changes.size === 0) return null;
  const keys = [...changes.keys()];
  const lo = keys.reduce((a, b) => Math.min(a, b));
  const hi = maxOf(keys, 0);
  const meeting = cols.filter((c) => c.max >= lo && c.min <= hi);
  const out: { min: number; max: number; raw: string }[] = [];
  for (const m of meeting) if (m.min < lo) out.push({ min: m.min, max: lo - 1, raw: m.raw });
  let run: { min: number; max: number; raw: string } | null = null;
  for (let c = lo; c <= hi; c++) {
    const at = meeting.find((m) => c >= m.min && c <= m.max)?.raw ?? null;
    let t = at;
    if (changes.has(c)) {
      const w = changes.get(c) as number | null;
      if (w !== null)
        t = withAttrs(t ?? `<${prefix}col min="${c}" max="${c}"/>`, { width: String(w), customWidth: "1" });
      else if (t) {
        t = withAttrs(t, { width: null, customWidth: null });
        if (/^<[^\s/>]+\s*\/>$/.test(body(t))) t = null;
      }
    }
    if (t !== null && run && run.max === c - 1 && body(run.raw) === body(t)) run.max = c;
    else {
      if (run) out.push(run);
      run = t === null ? null : { min: c, max: c, raw: t };
    }
  }
  if (run) out.push(run);
  for (const m of meeting) if (m.max > hi) out.push({ min: Math.max(m.min, hi + 1), max: m.max, raw: m.raw });
  out.sort((a, b) => a.min - b.min);
  const raw = out.map((o) => withAttrs(o.raw, { min: String(o.min), max: String(o.max) }));
  const span = {
    lo: meeting.reduce((a, m) => Math.min(a, m.min), lo),
    hi: maxOf(
      meeting.map((m) => m.max),
      hi
    ),
  };
  return { edit: { ...span, raw }, orig: meeting.map((m) => m.raw) };
}
