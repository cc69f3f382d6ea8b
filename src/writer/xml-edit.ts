// Editing a part's XML text in place: what the product does not own is copied character for
// character, and what it owns is spliced in at the offsets the tokenizer reports. Attributes of a
// tag are changed where they stand, added at its end, or removed with the space before them, so
// that undoing an edit gives back the very same text.

/** Text as XML character data: `&`, `<`, `>` escaped; characters XML cannot hold as Excel's `_xHHHH_`. */
export function escapeText(text: string): string {
  return text
    .replace(/_x[0-9A-Fa-f]{4}_/g, (m) => `_x005F${m}`)
    .replace(/[&<>]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : "&gt;"))
    .replace(
      // eslint-disable-next-line no-control-regex -- the characters XML 1.0 cannot hold
      /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g,
      (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`
    );
}

/** A value for a double-quoted attribute. */
export function escapeAttr(text: string): string {
  return text.replace(/[&<>"\t\n\r]/g, (c) =>
    c === "&"
      ? "&amp;"
      : c === "<"
        ? "&lt;"
        : c === ">"
          ? "&gt;"
          : c === '"'
            ? "&quot;"
            : `&#${c.charCodeAt(0)};`
  );
}

/** Characters looked at by attribute searches, for tests that bound the work (never reset here). */
export const attrWork = { steps: 0 };

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

/**
 * One attribute's place in a tag: the whole ` name="value"` (with the whitespace before it) and the
 * value. One pass over the tag, each character looked at once or twice: a start tag holding 100,000
 * spaces costs what its length costs (a regex starting at every space was quadratic).
 */
function findAttr(tag: string, name: string): { from: number; to: number; value: string } | null {
  const n = tag.length;
  let i = 1;
  // The element's name.
  while (i < n && !isSpace(tag.charCodeAt(i)) && tag[i] !== ">" && tag[i] !== "/") i++;
  let found: { from: number; to: number; value: string } | null = null;
  while (i < n && !found) {
    const ws = i;
    while (i < n && isSpace(tag.charCodeAt(i))) i++;
    if (i === ws) break; // `>` or `/>`: no attribute follows without whitespace before it
    const at = i;
    while (i < n && !isSpace(tag.charCodeAt(i)) && tag[i] !== "=" && tag[i] !== ">" && tag[i] !== "/") i++;
    const key = tag.slice(at, i);
    while (i < n && isSpace(tag.charCodeAt(i))) i++;
    if (tag[i] !== "=") {
      // A bare word: not an attribute; the next one starts after it.
      if (i === at) break;
      continue;
    }
    i++;
    while (i < n && isSpace(tag.charCodeAt(i))) i++;
    const q = tag[i];
    if (q !== '"' && q !== "'") break;
    const close = tag.indexOf(q, i + 1);
    if (close < 0) break;
    if (key === name) found = { from: ws, to: close + 1, value: tag.slice(i + 1, close) };
    i = close + 1;
  }
  // Every character before `i` was looked at once (the closing quote's search included).
  attrWork.steps += i;
  return found;
}

/** The raw (still escaped) value of an attribute of a tag's text, or undefined. */
export function attrOf(tag: string, name: string): string | undefined {
  return findAttr(tag, name)?.value;
}

/**
 * A start tag with attributes set (a string), removed (null) or left (undefined): set in place when
 * present, added before the tag's end when not. Values are raw XML (escape them first).
 */
export function withAttrs(tag: string, attrs: Record<string, string | null | undefined>): string {
  let out = tag;
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined) continue;
    const at = findAttr(out, name);
    if (at && value === null) out = out.slice(0, at.from) + out.slice(at.to);
    else if (at) {
      // The value sits just before the closing quote.
      const start = at.to - 1 - at.value.length;
      out = out.slice(0, start) + value + out.slice(at.to - 1);
    } else if (value !== null) {
      const end = out.endsWith("/>") ? out.length - 2 : out.length - 1;
      out = `${out.slice(0, end)} ${name}="${value}"${out.slice(end)}`;
    }
  }
  return out;
}

/** The qualified name a tag's text begins with (`x:row` in `<x:row r="1">`). */
export function tagName(tag: string): string {
  return /^<\/?([^\s/>]+)/.exec(tag)?.[1] ?? "";
}

/** The prefix of a qualified name, with its colon (`x:`), or "". */
export function prefixOf(qname: string): string {
  const i = qname.indexOf(":");
  return i < 0 ? "" : qname.slice(0, i + 1);
}

/** Replacements at offsets of one text, applied in one pass; insertions at one offset keep their order. */
export class Splices {
  private readonly list: { start: number; end: number; text: string; seq: number }[] = [];

  replace(start: number, end: number, text: string): void {
    this.list.push({ start, end, text, seq: this.list.length });
  }

  insert(at: number, text: string): void {
    this.replace(at, at, text);
  }

  get size(): number {
    return this.list.length;
  }

  apply(source: string): string {
    return this.pieces(source).toString();
  }

  /**
   * The edited text as pieces (slices of `source` and the texts spliced in), not joined. A source
   * that is itself pieces (a sheet cleaned, then written) is sliced piece by piece: the edited text
   * of a second run is never a second whole copy of the sheet.
   */
  pieces(source: string | Pieces): Pieces {
    if (this.list.length === 0) return typeof source === "string" ? new Pieces([source]) : source;
    // Sorted in place: the order (by `seq` where they tie) is the same whenever it is done again.
    const sorted = this.list.sort((a, b) => a.start - b.start || a.end - b.end || a.seq - b.seq);
    const out: string[] = [];
    const keep =
      typeof source === "string"
        ? (from: number, to: number) => from < to && out.push(source.slice(from, to))
        : (from: number, to: number) => source.pushRange(out, from, to);
    let at = 0;
    for (const s of sorted) {
      if (s.start < at)
        throw new Error(
          `overlapping edits at ${s.start}: ${JSON.stringify(source.slice(s.start, s.end + 40).slice(0, 200))}`
        );
      keep(at, s.start);
      if (s.text !== "") out.push(s.text);
      at = s.end;
    }
    keep(at, source.length);
    return new Pieces(out);
  }
}

/**
 * A text as the pieces it was made of: slices of a part as read and what was spliced in. A large
 * sheet's edited text is written out piece by piece (`encodedChunks`), never joined: joined, it
 * would be a second copy of the sheet (two bytes a character as soon as one piece is Vietnamese).
 */
export class Pieces {
  readonly length: number;
  /** Where each piece starts in the whole text (made when first sliced). */
  private starts: Float64Array | null = null;
  /** The piece the last slice began in: a scan slices in order. */
  private last = 0;

  constructor(readonly list: readonly string[]) {
    let n = 0;
    for (const p of list) n += p.length;
    this.length = n;
  }

  toString(): string {
    return this.list.join("");
  }

  /** The index of the piece holding offset `at` (0 ≤ at < length). */
  private pieceAt(at: number): number {
    let s = this.starts;
    if (!s) {
      s = new Float64Array(this.list.length);
      let n = 0;
      this.list.forEach((p, k) => {
        (s as Float64Array)[k] = n;
        n += p.length;
      });
      this.starts = s;
    }
    const fits = (k: number) =>
      k < s.length && (s[k] as number) <= at && at < (s[k] as number) + (this.list[k] as string).length;
    if (fits(this.last)) return this.last;
    if (fits(this.last + 1)) return ++this.last;
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((s[mid] as number) <= at) lo = mid;
      else hi = mid - 1;
    }
    // Empty pieces start where the next one does: the last of them is the one holding `at`.
    this.last = lo;
    return lo;
  }

  /** The pieces spelling `from`…`to` of the whole, pushed on `out` as slices (never joined). */
  pushRange(out: string[], from: number, to: number): void {
    if (from >= to) return;
    let k = this.pieceAt(from);
    let at = from - ((this.starts as Float64Array)[k] as number);
    let left = to - from;
    while (left > 0 && k < this.list.length) {
      const p = this.list[k] as string;
      const take = Math.min(p.length - at, left);
      if (take > 0) out.push(at === 0 && take === p.length ? p : p.slice(at, at + take));
      left -= take;
      k++;
      at = 0;
    }
  }

  /** Characters `from`…`to` of the whole text (for tags and cells: short). */
  slice(from: number, to: number): string {
    const a = Math.max(0, from);
    const b = Math.min(this.length, to);
    if (a >= b) return "";
    const k = this.pieceAt(a);
    const start = (this.starts as Float64Array)[k] as number;
    const p = this.list[k] as string;
    if (b - start <= p.length) return p.slice(a - start, b - start);
    const out: string[] = [];
    this.pushRange(out, a, b);
    return out.join("");
  }

  /** Where `ch` (one character) last stands at or before `position`, or -1. */
  lastIndexOf(ch: string, position: number): number {
    if (this.length === 0 || position < 0) return -1;
    let k = this.pieceAt(Math.min(position, this.length - 1));
    const starts = this.starts as Float64Array;
    let from = Math.min(position, this.length - 1) - (starts[k] as number);
    for (; k >= 0; k--) {
      const i = (this.list[k] as string).lastIndexOf(ch, from);
      if (i >= 0) return (starts[k] as number) + i;
      from = Infinity;
    }
    return -1;
  }

  /**
   * The text in runs of about `size` characters, for a scanner: small pieces joined, large ones cut
   * (a run never holds much more than `size`, so nothing joins a whole sheet).
   */
  *runs(size = ENCODE_CHARS): Generator<string> {
    let batch: string[] = [];
    let n = 0;
    for (const piece of this.list) {
      if (piece.length >= size) {
        if (batch.length) yield batch.join("");
        batch = [];
        n = 0;
        yield* slicesOf(piece, size);
        continue;
      }
      batch.push(piece);
      n += piece.length;
      if (n < size) continue;
      yield batch.join("");
      batch = [];
      n = 0;
    }
    if (batch.length) yield batch.join("");
  }

  /** Whether the pieces spell `text` (compared where they stand, nothing joined whole). */
  equals(text: string | Pieces): boolean {
    if (text === this) return true;
    if (this.length !== text.length) return false;
    let at = 0;
    for (const p of this.list) {
      if (typeof text === "string" ? !text.startsWith(p, at) : text.slice(at, at + p.length) !== p)
        return false;
      at += p.length;
    }
    return true;
  }
}

/** Characters encoded at a time: about 0.5–1.5 MB of bytes, never a whole sheet. */
const ENCODE_CHARS = 512 * 1024;

/** `text` cut in slices of at most ENCODE_CHARS, never between the two halves of a surrogate pair. */
function* slicesOf(text: string, size = ENCODE_CHARS): Generator<string> {
  for (let at = 0; at < text.length;) {
    let end = Math.min(text.length, at + size);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    yield text.slice(at, end);
    at = end;
  }
}

/** A text's bytes as `encodePart` gives them, some hundred kilobytes at a time. */
export function* encodedChunks(text: string | Pieces, encoding: PartEncoding): Generator<Uint8Array> {
  if (encoding === "utf8-bom") yield Buffer.from([0xef, 0xbb, 0xbf]);
  if (encoding === "utf16le") yield Buffer.from([0xff, 0xfe]);
  if (encoding === "utf16be") yield Buffer.from([0xfe, 0xff]);
  const bytes = (t: string) =>
    encoding === "utf16le"
      ? Buffer.from(t, "utf16le")
      : encoding === "utf16be"
        ? Buffer.from(t, "utf16le").swap16()
        : Buffer.from(t, "utf8");
  // Small pieces (the cells spliced in and the slices between them) go together; large ones in slices.
  let batch: string[] = [];
  let n = 0;
  for (const piece of typeof text === "string" ? [text] : text.list) {
    if (piece.length >= ENCODE_CHARS) {
      if (batch.length) yield bytes(batch.join(""));
      batch = [];
      n = 0;
      for (const slice of slicesOf(piece)) yield bytes(slice);
      continue;
    }
    batch.push(piece);
    n += piece.length;
    if (n < ENCODE_CHARS) continue;
    yield bytes(batch.join(""));
    batch = [];
    n = 0;
  }
  if (batch.length) yield bytes(batch.join(""));
}

/** How a part's text was encoded, to write it back the same way. */
export type PartEncoding = "utf8" | "utf8-bom" | "utf16le" | "utf16be";

/** A part's bytes as one text (its byte-order mark left out) and how to encode it again. */
export function decodePart(bytes: Uint8Array): { text: string; encoding: PartEncoding } {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe)
    return { text: new TextDecoder("utf-16le").decode(b.subarray(2)), encoding: "utf16le" };
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff)
    return { text: new TextDecoder("utf-16be").decode(b.subarray(2)), encoding: "utf16be" };
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf)
    return { text: b.toString("utf8", 3), encoding: "utf8-bom" };
  return { text: b.toString("utf8"), encoding: "utf8" };
}

/** Bytes of text a large part's pieces hold at least (the last one less). */
const PIECE_BYTES = 1024 * 1024;

const isNameByte = (c: number) =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45 || c === 46;

/**
 * Where the first row start tag (`<row`, `<x:row`, followed by a space, `>` or `/`) at or after
 * `from` begins in `b`, or -1: a place no cell, row or tag spans, and an ASCII `<`, so text decoded
 * on either side of it is the text decoded whole.
 */
function rowStartFrom(b: Buffer, from: number): number {
  for (
    let i = b.indexOf("row", Math.max(0, from) + 1, "latin1");
    i > 0;
    i = b.indexOf("row", i + 1, "latin1")
  ) {
    const after = b[i + 3];
    if (after !== 32 && after !== 9 && after !== 10 && after !== 13 && after !== 62 && after !== 47) continue;
    let lt = i - 1;
    if (b[lt] === 58 /* : */) {
      lt--;
      while (lt >= 0 && isNameByte(b[lt] as number)) lt--;
      if (lt === i - 2) continue;
    }
    if (b[lt] === 60 /* < */ && lt >= from) return lt;
  }
  return -1;
}

/**
 * Where the last row end tag (`</row>`, `</x:row >`) in `b` ends (after its `>`), or -1: as safe a
 * place to cut as a row's start.
 */
function lastRowEnd(b: Buffer): number {
  for (
    let i = b.lastIndexOf("row", b.length - 1, "latin1");
    i > 1;
    i = b.lastIndexOf("row", i - 1, "latin1")
  ) {
    let gt = i + 3;
    while (gt < b.length && (b[gt] === 32 || b[gt] === 9 || b[gt] === 10 || b[gt] === 13)) gt++;
    if (b[gt] !== 62 /* > */) continue;
    let lt = i - 1;
    if (b[lt] === 58 /* : */) {
      lt--;
      while (lt >= 0 && isNameByte(b[lt] as number)) lt--;
      if (lt === i - 2) continue;
    }
    if (b[lt] === 47 /* / */ && b[lt - 1] === 60 /* < */) return gt + 1;
  }
  return -1;
}

/**
 * A part's bytes, arriving in pieces (a large part inflated as it is read), as text: one string
 * when it is small, else the pieces of about a megabyte its row start tags cut it into (and a long
 * stretch after a row's end tag on its own), never joined. The bytes and the whole text are never in memory at once, and a piece that is plain ASCII
 * (a producer's padding) stays one byte a character. The same text as decodePart gives.
 */
export async function decodePartPieces(
  chunks: AsyncIterable<Buffer> | Iterable<Buffer>,
  pieceBytes = PIECE_BYTES
): Promise<{ text: string | Pieces; encoding: PartEncoding }> {
  const out: string[] = [];
  const pending: Buffer[] = [];
  let pendingBytes = 0;
  let encoding: PartEncoding | undefined;
  /** Pending bytes, then `b[0, to)`, as the next piece. */
  const flush = (b: Buffer, to: number) => {
    if (to > 0) pending.push(b.subarray(0, to));
    if (pending.length === 0) return;
    const bytes = pending.length === 1 ? (pending[0] as Buffer) : Buffer.concat(pending);
    // What follows the last row, when long (a producer's padding, the parts after the rows), is a
    // piece of its own: plain ASCII stays one byte a character beside a row in Vietnamese.
    const end = lastRowEnd(bytes);
    if (end > 0 && bytes.length - end >= pieceBytes) {
      out.push(bytes.toString("utf8", 0, end), bytes.toString("utf8", end));
    } else out.push(bytes.toString("utf8"));
    pending.length = 0;
    pendingBytes = 0;
  };
  /** A part in UTF-16, or too short to tell, is decoded whole as before. */
  let whole: Buffer[] | null = null;
  for await (let chunk of chunks) {
    if (whole) {
      whole.push(chunk);
      continue;
    }
    if (encoding === undefined) {
      const utf16 = (chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff);
      if (chunk.length < 4 || utf16) {
        whole = [chunk];
        continue;
      }
      encoding = chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf ? "utf8-bom" : "utf8";
      if (encoding === "utf8-bom") chunk = chunk.subarray(3);
    }
    let at = 0;
    for (;;) {
      const cut = rowStartFrom(chunk, at + Math.max(0, pieceBytes - pendingBytes));
      if (cut < 0) break;
      flush(chunk.subarray(at), cut - at);
      at = cut;
    }
    if (at < chunk.length) {
      pending.push(chunk.subarray(at));
      pendingBytes += chunk.length - at;
    }
  }
  if (whole) return decodePart(whole.length === 1 ? (whole[0] as Buffer) : Buffer.concat(whole));
  flush(Buffer.alloc(0), 0);
  return { text: out.length <= 1 ? (out[0] ?? "") : new Pieces(out), encoding: encoding ?? "utf8" };
}

export function encodePart(text: string, encoding: PartEncoding): Buffer {
  switch (encoding) {
    case "utf8":
      return Buffer.from(text, "utf8");
    case "utf8-bom":
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
    case "utf16le":
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    case "utf16be": {
      const le = Buffer.from(text, "utf16le");
      for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1] as number, le[i] as number];
      return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
    }
  }
}
