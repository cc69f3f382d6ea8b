// XML tokens: a minimal, safe tokenizer for the parts of an OOXML package. No DTD (a DOCTYPE is
// refused), no entities but the five predefined ones and numeric references, bounded nesting,
// attributes and token sizes. Two scanners, one grammar: over text, in chunks (the writer: every
// token reports where it sits in the whole text, offsets in UTF-16 code units, so it can copy
// everything around what it changes verbatim), and over bytes (the reader, below).
import { PackageError, PackageLimitError, XML_LIMITS, type XmlLimits } from "./limits";

/**
 * A tag's attributes by qualified name (`r`, `r:id`, `xml:space`), read on demand: nothing is
 * decoded or copied that is not asked for, which matters at millions of cells. Valid only during
 * the handler's call; `record()` copies them out.
 */
export interface XmlAttributes {
  get(name: string): string | undefined;
  /** The first attribute whose name ends with `:local` (`r:id`, whatever the prefix). */
  getPrefixed(local: string): string | undefined;
  readonly size: number;
  /**
   * The column of the cell reference in attribute `name` (`$AB12` → 28: its first one to three
   * letters), read where it stands; undefined when absent, 0 when it begins with no letter.
   */
  column(name: string): number | undefined;
  /** Every attribute, decoded, into a plain record with no prototype (`__proto__` is just a name). */
  record(): Record<string, string>;
}

export interface XmlHandler {
  /** An element begins; `name` is its local name (prefix dropped). An empty element is followed by close(). */
  open?(name: string, attrs: XmlAttributes, empty: boolean, start: number, end: number): void;
  close?(name: string, start: number, end: number): void;
  /** Character data (entities decoded, CDATA included, line ends normalised), between start and end. */
  text?(text: string, start: number, end: number): void;
}

const LT = 60; // <
const GT = 62; // >
const SLASH = 47;
const EQ = 61;
const Q1 = 34; // "
const Q2 = 39; // '

const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;

/** The column of a cell reference's first one to three letters, after an optional `$` (0: none). */
export function refColumn(text: string, from = 0, to = text.length): number {
  let i = from;
  if (i < to && text.charCodeAt(i) === 36 /* $ */) i++;
  let col = 0;
  for (let n = 0; n < 3 && i < to; n++, i++) {
    const c = text.charCodeAt(i) | 32;
    if (c < 97 || c > 122) break;
    col = col * 26 + c - 96;
  }
  return col;
}

export function localName(qname: string): string {
  const i = qname.indexOf(":");
  return i < 0 ? qname : qname.slice(i + 1);
}

/** The attributes of the tag being read, as positions in the scanner's text; reused tag after tag. */
class TagAttributes implements XmlAttributes {
  text = "";
  size = 0;
  /** Per attribute: name start, name end, value start, value end. */
  at: Int32Array;

  constructor(max: number) {
    this.at = new Int32Array(4 * max);
  }

  private find(name: string): number {
    const { at, text } = this;
    for (let k = 0; k < this.size; k++) {
      const from = at[4 * k] as number;
      if ((at[4 * k + 1] as number) - from === name.length && text.startsWith(name, from)) return k;
    }
    return -1;
  }

  private value(k: number): string {
    return decodeAttribute(this.text.slice(this.at[4 * k + 2], this.at[4 * k + 3]));
  }

  get(name: string): string | undefined {
    const k = this.find(name);
    return k < 0 ? undefined : this.value(k);
  }

  column(name: string): number | undefined {
    const k = this.find(name);
    if (k < 0) return undefined;
    const from = this.at[4 * k + 2] as number;
    const to = this.at[4 * k + 3] as number;
    // A reference written with character references is read decoded, as get() reads it.
    for (let i = from; i < to; i++) if (this.text.charCodeAt(i) === 38) return refColumn(this.value(k));
    return refColumn(this.text, from, to);
  }

  getPrefixed(local: string): string | undefined {
    for (let k = 0; k < this.size; k++) {
      const name = this.text.slice(this.at[4 * k], this.at[4 * k + 1]);
      if (name.endsWith(`:${local}`)) return this.value(k);
    }
    return undefined;
  }

  record(): Record<string, string> {
    const out: Record<string, string> = Object.create(null);
    for (let k = 0; k < this.size; k++)
      out[this.text.slice(this.at[4 * k], this.at[4 * k + 1])] = this.value(k);
    return out;
  }

  /** Whether the attribute just added (the last) repeats an earlier name. */
  repeated(): boolean {
    const last = this.size - 1;
    const from = this.at[4 * last] as number;
    const len = (this.at[4 * last + 1] as number) - from;
    for (let k = 0; k < last; k++) {
      const f = this.at[4 * k] as number;
      if (
        (this.at[4 * k + 1] as number) - f === len &&
        this.text.startsWith(this.text.slice(from, from + len), f)
      )
        return true;
    }
    return false;
  }
}

/** Feeds text in chunks; handler calls happen as soon as a token is complete. */
export class XmlScanner {
  private buf = "";
  /** Offset of `buf[0]` in the whole text. */
  private base = 0;
  private readonly stack: string[] = [];
  /** Local names by qualified name, for the few element names a part uses. */
  private readonly locals = new Map<string, string>();
  private rootSeen = false;
  private ended = false;

  private readonly attrs: TagAttributes;

  constructor(
    private readonly handler: XmlHandler,
    private readonly limits: XmlLimits = XML_LIMITS
  ) {
    this.attrs = new TagAttributes(limits.attributes);
  }

  write(chunk: string): void {
    if (this.ended) throw new PackageError("XML: written after its end");
    this.buf = this.buf.length === 0 ? chunk : this.buf + chunk;
    this.scan(false);
  }

  end(): void {
    this.scan(true);
    this.ended = true;
    if (this.stack.length > 0) throw new PackageError(`XML: <${this.stack.at(-1)}> is never closed`);
    if (!this.rootSeen) throw new PackageError("XML: no element");
  }

  private tooLong(chars: number): never {
    throw new PackageLimitError("tokenChars", this.limits.tokenChars, chars);
  }

  private fail(what: string): never {
    throw new PackageError(`XML: ${what}`);
  }

  /** Consumes every complete token of the buffer; keeps an incomplete tail unless `final`. */
  private scan(final: boolean): void {
    const s = this.buf;
    const n = s.length;
    let pos = 0;
    while (pos < n) {
      if (s.charCodeAt(pos) !== LT) {
        let lt = s.indexOf("<", pos);
        if (lt < 0) {
          if (!final) {
            if (n - pos > this.limits.tokenChars) this.tooLong(n - pos);
            break;
          }
          lt = n;
        }
        if (this.handler.text) this.textRun(s.slice(pos, lt), pos);
        else this.checkRun(s, pos, lt);
        pos = lt;
        continue;
      }
      const next = this.token(s, pos, final);
      if (next < 0) break; // incomplete: wait for more
      pos = next;
    }
    this.buf = s.slice(pos);
    this.base += pos;
    if (this.buf.length > this.limits.tokenChars) this.tooLong(this.buf.length);
  }

  private textRun(raw: string, at: number): void {
    if (this.stack.length === 0) {
      if (raw.trim() !== "") this.fail("text outside the root element");
      return;
    }
    if (raw.length > this.limits.tokenChars) this.tooLong(raw.length);
    const text = decodeText(raw);
    this.handler.text?.(text, this.base + at, this.base + at + raw.length);
  }

  /**
   * A text run no handler reads (the writer's sheet scan): held to the same grammar as textRun, but
   * nothing is sliced or decoded unless it holds a reference to check: at millions of cells, every
   * value copied only to be dropped was most of the garbage of a write.
   */
  private checkRun(s: string, from: number, to: number): void {
    if (this.stack.length === 0) {
      if (s.slice(from, to).trim() !== "") this.fail("text outside the root element");
      return;
    }
    if (to - from > this.limits.tokenChars) this.tooLong(to - from);
    // The next `&` of the buffer, searched natively once and used by every run before it.
    if (this.ampIn !== s || (this.ampAt >= 0 && this.ampAt < from)) {
      this.ampIn = s;
      this.ampAt = s.indexOf("&", from);
    }
    if (this.ampAt >= 0 && this.ampAt < to) decodeEntities(s.slice(from, to));
  }

  private ampIn: string | null = null;
  private ampAt = -1;

  /** One markup token at `pos` (a `<`); returns where it ends, or -1 when the buffer stops inside it. */
  private token(s: string, pos: number, final: boolean): number {
    const c1 = s.charCodeAt(pos + 1);
    if (c1 === 33 /* ! */) return this.bang(s, pos, final);
    if (c1 === 63 /* ? */) return this.until(s, pos, "?>", final, "processing instruction");
    if (c1 === SLASH) {
      const gt = s.indexOf(">", pos);
      if (gt < 0) return this.incomplete(final, "end tag");
      const open = this.stack.pop();
      // The usual `</name>`, compared where it stands; anything else (spaces) the slow way.
      const same =
        open !== undefined && gt === pos + 2 + open.length
          ? s.startsWith(open, pos + 2)
          : open === s.slice(pos + 2, gt).trim();
      if (!same) this.fail(`</${s.slice(pos + 2, gt).trim()}> closes <${open ?? "nothing"}>`);
      const local = this.locals.get(open as string) ?? localName(open as string);
      this.handler.close?.(local, this.base + pos, this.base + gt + 1);
      return gt + 1;
    }
    return this.startTag(s, pos, final);
  }

  private incomplete(final: boolean, what: string): number {
    if (final) this.fail(`unfinished ${what}`);
    return -1;
  }

  private until(s: string, pos: number, close: string, final: boolean, what: string): number {
    const end = s.indexOf(close, pos);
    return end < 0 ? this.incomplete(final, what) : end + close.length;
  }

  private bang(s: string, pos: number, final: boolean): number {
    if (s.startsWith("<!--", pos)) return this.until(s, pos, "-->", final, "comment");
    if (s.startsWith("<![CDATA[", pos)) {
      const end = s.indexOf("]]>", pos);
      if (end < 0) return this.incomplete(final, "CDATA section");
      if (this.stack.length === 0) this.fail("CDATA outside the root element");
      this.handler.text?.(s.slice(pos + 9, end), this.base + pos, this.base + end + 3);
      return end + 3;
    }
    if (s.length - pos < 9 && !final) return -1;
    // A DTD could define entities that expand without end: refused outright.
    if (s.startsWith("<!DOCTYPE", pos)) this.fail("a DOCTYPE is not allowed");
    return this.fail("unknown markup <!");
  }

  /** The few element names of a part, kept: a name seen before is not sliced again. */
  private readonly names: string[] = [];

  private nameAt(s: string, from: number, to: number): string {
    const len = to - from;
    for (const q of this.names) if (q.length === len && s.startsWith(q, from)) return q;
    const q = s.slice(from, to);
    if (this.names.length < 16) this.names.push(q);
    return q;
  }

  private startTag(s: string, pos: number, final: boolean): number {
    const n = s.length;
    let i = pos + 1;
    for (let c = s.charCodeAt(i); i < n && c > 32 && c !== GT && c !== SLASH;) c = s.charCodeAt(++i);
    if (i >= n) return this.incomplete(final, "tag");
    const qname = this.nameAt(s, pos + 1, i);
    if (qname === "") this.fail("a tag without a name");
    const attrs = this.attrs;
    attrs.text = s;
    attrs.size = 0;
    for (;;) {
      while (i < n && isSpace(s.charCodeAt(i))) i++;
      if (i >= n) return this.incomplete(final, "tag");
      const c = s.charCodeAt(i);
      if (c === GT || c === SLASH) {
        const empty = c === SLASH;
        if (empty && i + 1 >= n) return this.incomplete(final, "tag");
        if (empty && s.charCodeAt(i + 1) !== GT) this.fail(`bad tag <${qname}>`);
        const end = empty ? i + 2 : i + 1;
        // Names stop at a `<`, so one found inside the tag is in a value: not well formed.
        if (attrs.size > 0) {
          const lt = s.indexOf("<", pos + 1);
          if (lt >= 0 && lt < end) this.fail("< in an attribute value");
        }
        this.opened(qname, attrs, empty, pos, end);
        return end;
      }
      let j = i;
      for (let d = s.charCodeAt(j); j < n && d > 32 && d !== EQ && d !== GT && d !== SLASH && d !== LT;)
        d = s.charCodeAt(++j);
      const nameEnd = j;
      while (j < n && isSpace(s.charCodeAt(j))) j++;
      if (j >= n) return this.incomplete(final, "tag");
      if (s.charCodeAt(j) !== EQ || nameEnd === i) this.fail(`bad attribute in <${qname}>`);
      j++;
      while (j < n && isSpace(s.charCodeAt(j))) j++;
      if (j >= n) return this.incomplete(final, "tag");
      const q = s.charCodeAt(j);
      if (q !== Q1 && q !== Q2) this.fail(`bad attribute in <${qname}>`);
      const close = s.indexOf(q === Q1 ? '"' : "'", j + 1);
      if (close < 0) return this.incomplete(final, "attribute");
      if (attrs.size >= this.limits.attributes)
        throw new PackageLimitError("attributes", this.limits.attributes, attrs.size + 1);
      const at = attrs.at;
      const k = 4 * attrs.size++;
      at[k] = i;
      at[k + 1] = nameEnd;
      at[k + 2] = j + 1;
      at[k + 3] = close;
      if (attrs.size > 1 && attrs.repeated())
        this.fail(`attribute ${s.slice(i, nameEnd)} twice in <${qname}>`);
      i = close + 1;
      const after = s.charCodeAt(i);
      if (i < n && !isSpace(after) && after !== GT && after !== SLASH)
        this.fail(`bad attribute in <${qname}>`);
    }
  }

  private opened(qname: string, attrs: XmlAttributes, empty: boolean, pos: number, end: number): void {
    if (this.stack.length === 0) {
      if (this.rootSeen) this.fail("a second root element");
      this.rootSeen = true;
    }
    let name = this.locals.get(qname);
    if (name === undefined) {
      name = localName(qname);
      if (this.locals.size < 4096) this.locals.set(qname, name);
    }
    const start = this.base + pos;
    this.handler.open?.(name, attrs, empty, start, this.base + end);
    if (empty) {
      this.handler.close?.(name, start, this.base + end);
      return;
    }
    this.stack.push(qname);
    if (this.stack.length > this.limits.depth)
      throw new PackageLimitError("depth", this.limits.depth, this.stack.length);
  }
}

const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#x([0-9A-Fa-f]{1,6})|#([0-9]{1,7}));|&/g;
const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** The five predefined entities and numeric references; anything else is an error. */
export function decodeEntities(raw: string): string {
  if (raw.indexOf("&") < 0) return raw;
  return raw.replace(ENTITY, (whole, named?: string, hex?: string, dec?: string) => {
    if (named) return NAMED[named] as string;
    if (hex === undefined && dec === undefined) throw new PackageError(`XML: unknown entity near “${whole}”`);
    const code = hex !== undefined ? parseInt(hex, 16) : parseInt(dec as string, 10);
    const legal =
      code === 9 ||
      code === 10 ||
      code === 13 ||
      (code >= 0x20 && code <= 0xd7ff) ||
      (code >= 0xe000 && code <= 0xfffd) ||
      (code >= 0x10000 && code <= 0x10ffff);
    if (!legal) throw new PackageError(`XML: character reference ${code} is not allowed`);
    return String.fromCodePoint(code);
  });
}

function decodeText(raw: string): string {
  return decodeEntities(raw.indexOf("\r") < 0 ? raw : raw.replace(/\r\n?/g, "\n"));
}

function decodeAttribute(raw: string): string {
  // One pass over the (usually short) value: most need nothing done.
  let plain = true;
  for (let i = 0; i < raw.length && plain; i++) {
    const c = raw.charCodeAt(i);
    if (c === 38 /* & */ || c === 13 || c === 10 || c === 9) plain = false;
  }
  if (plain) return raw;
  return decodeEntities(/[\r\n\t]/.test(raw) ? raw.replace(/\r\n|[\r\n\t]/g, " ") : raw);
}

/** Runs a whole text, or its chunks in order, through a handler. */
export function parseXml(input: string | Iterable<string>, handler: XmlHandler, limits?: XmlLimits): void {
  const scanner = new XmlScanner(handler, limits);
  if (typeof input === "string") scanner.write(input);
  else for (const chunk of input) scanner.write(chunk);
  scanner.end();
}

export type XmlToken =
  | { kind: "open"; name: string; attrs: Record<string, string>; empty: boolean; start: number; end: number }
  | { kind: "close"; name: string; start: number; end: number }
  | { kind: "text"; text: string; start: number; end: number };

/** Every token of a whole text with its offsets: for a writer that splices a part. */
export function xmlTokens(xml: string, limits?: XmlLimits): XmlToken[] {
  const tokens: XmlToken[] = [];
  parseXml(
    xml,
    {
      open: (name, attrs, empty, start, end) =>
        tokens.push({ kind: "open", name, attrs: attrs.record(), empty, start, end }),
      close: (name, start, end) => tokens.push({ kind: "close", name, start, end }),
      text: (text, start, end) => tokens.push({ kind: "text", text, start, end }),
    },
    limits
  );
  return tokens;
}

// ---------------------------------------------------------------------------------------------
// The same tokenizer over bytes, for reading parts: the UTF-8 is decoded only where a handler asks
// for a value (an attribute it reads, the text of an element it wants), straight into a fresh
// string, so no part is ever one string, nothing sliced keeps a decoded chunk alive, and markup
// (most of a sheet) is never decoded at all. Offsets are in bytes. Same bounds, same errors.

/** An element name met in the part: its bytes, its local name, whether its text is wanted. */
interface NameEntry {
  bytes: Buffer;
  qname: string;
  local: string;
  text: boolean;
}

const NO_BYTES = Buffer.alloc(0);

/**
 * UTF-8 bytes to a string. Buffer's own utf8Slice (what toString("utf8", …) calls after checking
 * its arguments and looking the encoding up) where Node has it: half the cost on short values.
 */
const nativeSlice = (Buffer.prototype as unknown as { utf8Slice?: (from: number, to: number) => string })
  .utf8Slice;
const utf8: (b: Buffer, from: number, to: number) => string = nativeSlice
  ? (b, from, to) => nativeSlice.call(b, from, to)
  : (b, from, to) => b.toString("utf8", from, to);

/** The attributes of the tag being read, as byte positions; reused tag after tag. */
export class ByteAttributes implements XmlAttributes {
  bytes: Buffer = NO_BYTES;
  size = 0;
  /** Per attribute: name start, name end, value start, value end; grown as tags need (most have few). */
  at = new Int32Array(4 * 8);

  /** Room for one more attribute. */
  grow(): void {
    if (4 * (this.size + 1) <= this.at.length) return;
    const more = new Int32Array(this.at.length * 2);
    more.set(this.at);
    this.at = more;
  }

  /** The index of the attribute named `name` (ASCII), or -1. */
  find(name: string): number {
    const { at, bytes } = this;
    const len = name.length;
    outer: for (let k = 0; k < this.size; k++) {
      const from = at[4 * k] as number;
      if ((at[4 * k + 1] as number) - from !== len) continue;
      for (let i = 0; i < len; i++) if (bytes[from + i] !== name.charCodeAt(i)) continue outer;
      return k;
    }
    return -1;
  }

  /** Where attribute `k`'s raw value starts and ends in `bytes`. */
  start(k: number): number {
    return this.at[4 * k + 2] as number;
  }
  end(k: number): number {
    return this.at[4 * k + 3] as number;
  }

  column(name: string): number | undefined {
    const v = this.get(name);
    return v === undefined ? undefined : refColumn(v);
  }

  value(k: number): string {
    return decodeAttribute(utf8(this.bytes, this.start(k), this.end(k)));
  }

  get(name: string): string | undefined {
    const k = this.find(name);
    return k < 0 ? undefined : this.value(k);
  }

  private nameOf(k: number): string {
    return utf8(this.bytes, this.at[4 * k] as number, this.at[4 * k + 1] as number);
  }

  getPrefixed(local: string): string | undefined {
    for (let k = 0; k < this.size; k++) if (this.nameOf(k).endsWith(`:${local}`)) return this.value(k);
    return undefined;
  }

  record(): Record<string, string> {
    const out: Record<string, string> = Object.create(null);
    for (let k = 0; k < this.size; k++) out[this.nameOf(k)] = this.value(k);
    return out;
  }

  /** Whether the attribute just added (the last) repeats an earlier name. */
  repeated(): boolean {
    const { at, bytes } = this;
    const last = this.size - 1;
    const from = at[4 * last] as number;
    const len = (at[4 * last + 1] as number) - from;
    outer: for (let k = 0; k < last; k++) {
      const f = at[4 * k] as number;
      if ((at[4 * k + 1] as number) - f !== len) continue;
      for (let i = 0; i < len; i++) if (bytes[f + i] !== bytes[from + i]) continue outer;
      return true;
    }
    return false;
  }
}

export interface XmlByteHandler extends XmlHandler {
  open?(name: string, attrs: ByteAttributes, empty: boolean, start: number, end: number): void;
  /**
   * The elements whose own text the handler reads (local names); text elsewhere is checked but
   * never decoded. Absent: every text is reported.
   */
  readonly textIn?: ReadonlySet<string>;
}

// Short texts met again (a table's `Mức 2`, `x`, a shared string's index, a repeated number) are
// decoded once: a table of slots by their bytes, each slot the last text met there. A text's
// decoding depends on its bytes alone, so one table serves every part and workbook.
const SHORT_BYTES = 24;
const SHORT_SLOTS = 2048;
const shortBytes = new Uint8Array(SHORT_SLOTS * SHORT_BYTES);
const shortLengths = new Int8Array(SHORT_SLOTS).fill(-1);
const shortTexts: string[] = new Array<string>(SHORT_SLOTS).fill("");

/** The decoded text of `s[from, to)` (at most SHORT_BYTES), remembered for the next time. */
function shortText(s: Buffer, from: number, to: number): string {
  const len = to - from;
  let h = len;
  for (let i = from; i < to; i++) h = (Math.imul(h, 31) + (s[i] as number)) | 0;
  const slot = (h ^ (h >>> 11)) & (SHORT_SLOTS - 1);
  const at = slot * SHORT_BYTES;
  if (shortLengths[slot] === len) {
    let same = true;
    for (let i = 0; i < len && same; i++) same = shortBytes[at + i] === s[from + i];
    if (same) return shortTexts[slot] as string;
  }
  const text = decodeText(utf8(s, from, to));
  for (let i = 0; i < len; i++) shortBytes[at + i] = s[from + i] as number;
  shortLengths[slot] = len;
  shortTexts[slot] = text;
  return text;
}

/** Names a part may use before new ones are decoded each time instead of remembered. */
const MAX_NAMES = 256;

/** Feeds UTF-8 bytes in pieces; handler calls happen as soon as a token is complete. */
export class XmlByteScanner {
  private buf: Buffer = NO_BYTES;
  /** Offset of `buf[0]` in the whole part. */
  private base = 0;
  private readonly names: NameEntry[] = [];
  private readonly lastByKey: (NameEntry | undefined)[] = new Array(256);
  /** Open elements, innermost last. */
  private readonly stack: NameEntry[] = [];
  private rootSeen = false;
  private ended = false;
  private started = false;
  private readonly attrs: ByteAttributes;
  /** Bytes a token may take: its characters' bound, three bytes each at most. */
  private readonly tokenBytes: number;

  constructor(
    private readonly handler: XmlByteHandler,
    private readonly limits: XmlLimits = XML_LIMITS
  ) {
    this.attrs = new ByteAttributes();
    this.tokenBytes = 3 * limits.tokenChars;
  }

  write(piece: Uint8Array): void {
    if (this.ended) throw new PackageError("XML: written after its end");
    const b = Buffer.isBuffer(piece) ? piece : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
    this.buf = this.buf.length === 0 ? b : Buffer.concat([this.buf, b]);
    if (!this.started && this.buf.length < 3) return;
    this.start();
    this.scan(false);
  }

  /** The byte-order mark of UTF-8 is dropped (and counted in the offsets). */
  private start(): void {
    if (this.started) return;
    this.started = true;
    const b = this.buf;
    if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) {
      this.buf = b.subarray(3);
      this.base = 3;
    }
  }

  end(): void {
    this.start();
    this.scan(true);
    this.ended = true;
    if (this.stack.length > 0) throw new PackageError(`XML: <${this.stack.at(-1)?.qname}> is never closed`);
    if (!this.rootSeen) throw new PackageError("XML: no element");
  }

  private tooLong(bytes: number): never {
    throw new PackageLimitError("tokenChars", this.limits.tokenChars, Math.ceil(bytes / 3));
  }

  private fail(what: string): never {
    throw new PackageError(`XML: ${what}`);
  }

  private scan(final: boolean): void {
    const s = this.buf;
    const n = s.length;
    let pos = 0;
    while (pos < n) {
      if (s[pos] !== LT) {
        // Short runs (a cell's value) are looked through here; long ones by the native search.
        let lt = pos + 1;
        const near = Math.min(n, pos + 64);
        while (lt < near && s[lt] !== LT) lt++;
        if (lt === near && lt < n) lt = s.indexOf(LT, lt);
        if (lt < 0 || lt >= n) {
          if (!final) {
            if (n - pos > this.tokenBytes) this.tooLong(n - pos);
            break;
          }
          lt = n;
        }
        this.textRun(s, pos, lt);
        pos = lt;
        continue;
      }
      const next = this.token(s, pos, final);
      if (next < 0) break;
      pos = next;
    }
    this.buf = pos === n ? NO_BYTES : s.subarray(pos);
    this.base += pos;
    if (this.buf.length > this.tokenBytes) this.tooLong(this.buf.length);
  }

  private textRun(s: Buffer, from: number, to: number): void {
    const top = this.stack[this.stack.length - 1];
    if (top === undefined) {
      for (let i = from; i < to; i++)
        if (!isSpace(s[i] as number)) this.fail("text outside the root element");
      return;
    }
    if (to - from > this.tokenBytes) this.tooLong(to - from);
    if (!top.text || this.handler.text === undefined) return;
    if (to - from <= SHORT_BYTES && to - from <= this.limits.tokenChars) {
      this.handler.text(shortText(s, from, to), this.base + from, this.base + to);
      return;
    }
    const raw = utf8(s, from, to);
    if (raw.length > this.limits.tokenChars)
      throw new PackageLimitError("tokenChars", this.limits.tokenChars, raw.length);
    this.handler.text(decodeText(raw), this.base + from, this.base + to);
  }

  private token(s: Buffer, pos: number, final: boolean): number {
    const c1 = s[pos + 1];
    if (c1 === undefined) return this.incomplete(final, "tag");
    if (c1 === 33 /* ! */) return this.bang(s, pos, final);
    if (c1 === 63 /* ? */) return this.until(s, pos, "?>", final, "processing instruction");
    if (c1 === SLASH) return this.endTag(s, pos, final);
    return this.startTag(s, pos, final);
  }

  private incomplete(final: boolean, what: string): number {
    if (final) this.fail(`unfinished ${what}`);
    return -1;
  }

  private until(s: Buffer, pos: number, close: string, final: boolean, what: string): number {
    const end = s.indexOf(close, pos);
    return end < 0 ? this.incomplete(final, what) : end + close.length;
  }

  private bang(s: Buffer, pos: number, final: boolean): number {
    const has = (text: string) =>
      s.length - pos >= text.length && s.toString("latin1", pos, pos + text.length) === text;
    if (has("<!--")) return this.until(s, pos, "-->", final, "comment");
    if (has("<![CDATA[")) {
      const end = s.indexOf("]]>", pos);
      if (end < 0) return this.incomplete(final, "CDATA section");
      const top = this.stack[this.stack.length - 1];
      if (top === undefined) this.fail("CDATA outside the root element");
      if (end - pos - 9 > this.tokenBytes) this.tooLong(end - pos - 9);
      if (top.text) this.handler.text?.(utf8(s, pos + 9, end), this.base + pos, this.base + end + 3);
      return end + 3;
    }
    if (s.length - pos < 9 && !final) return -1;
    if (has("<!DOCTYPE")) this.fail("a DOCTYPE is not allowed");
    return this.fail("unknown markup <!");
  }

  private endTag(s: Buffer, pos: number, final: boolean): number {
    const n = s.length;
    const open = this.stack.pop();
    const want = open?.bytes;
    let i = pos + 2;
    // The usual `</name>`, compared byte by byte where it stands.
    if (want !== undefined && i + want.length < n && s[i + want.length] === GT) {
      let same = true;
      for (let k = 0; k < want.length && same; k++) same = s[i + k] === want[k];
      if (same) {
        this.handler.close?.((open as NameEntry).local, this.base + pos, this.base + i + want.length + 1);
        return i + want.length + 1;
      }
    }
    i = s.indexOf(GT, pos);
    if (i < 0) {
      if (open) this.stack.push(open);
      return this.incomplete(final, "end tag");
    }
    const name = utf8(s, pos + 2, i).trim();
    if (open === undefined || name !== open.qname)
      this.fail(`</${name}> closes <${open?.qname ?? "nothing"}>`);
    this.handler.close?.(open.local, this.base + pos, this.base + i + 1);
    return i + 1;
  }

  /** The entry of the name in `s[from, to)`, remembered for the next time. */
  private nameAt(s: Buffer, from: number, to: number): NameEntry {
    const len = to - from;
    // The name last met with this length and first byte, most often the one.
    const key = ((len & 7) << 5) | ((s[from] as number) & 31);
    const last = this.lastByKey[key];
    if (last !== undefined && last.bytes.length === len) {
      let same = true;
      for (let i = 0; i < len && same; i++) same = last.bytes[i] === s[from + i];
      if (same) return last;
    }
    const found = this.findName(s, from, to);
    this.lastByKey[key] = found;
    return found;
  }

  private findName(s: Buffer, from: number, to: number): NameEntry {
    const len = to - from;
    const names = this.names;
    outer: for (let e = 0; e < names.length; e++) {
      const b = (names[e] as NameEntry).bytes;
      if (b.length !== len) continue;
      for (let i = 0; i < len; i++) if (b[i] !== s[from + i]) continue outer;
      return names[e] as NameEntry;
    }
    const qname = utf8(s, from, to);
    const local = localName(qname);
    const entry: NameEntry = {
      bytes: Buffer.from(s.subarray(from, to)),
      qname,
      local,
      text: this.handler.textIn === undefined || this.handler.textIn.has(local),
    };
    if (names.length < MAX_NAMES) names.push(entry);
    return entry;
  }

  private startTag(s: Buffer, pos: number, final: boolean): number {
    const n = s.length;
    let i = pos + 1;
    for (let c = s[i] as number; i < n && c > 32 && c !== GT && c !== SLASH;) c = s[++i] as number;
    if (i >= n) return this.incomplete(final, "tag");
    if (i === pos + 1) this.fail("a tag without a name");
    const entry = this.nameAt(s, pos + 1, i);
    const attrs = this.attrs;
    attrs.bytes = s;
    attrs.size = 0;
    for (;;) {
      while (i < n && isSpace(s[i] as number)) i++;
      if (i >= n) return this.incomplete(final, "tag");
      const c = s[i] as number;
      if (c === GT || c === SLASH) {
        const empty = c === SLASH;
        if (empty && i + 1 >= n) return this.incomplete(final, "tag");
        if (empty && s[i + 1] !== GT) this.fail(`bad tag <${entry.qname}>`);
        const end = empty ? i + 2 : i + 1;
        this.opened(entry, empty, pos, end);
        return end;
      }
      let j = i;
      for (let d = s[j] as number; j < n && d > 32 && d !== EQ && d !== GT && d !== SLASH && d !== LT;)
        d = s[++j] as number;
      const nameEnd = j;
      while (j < n && isSpace(s[j] as number)) j++;
      if (j >= n) return this.incomplete(final, "tag");
      if (s[j] !== EQ || nameEnd === i) this.fail(`bad attribute in <${entry.qname}>`);
      j++;
      while (j < n && isSpace(s[j] as number)) j++;
      if (j >= n) return this.incomplete(final, "tag");
      const q = s[j];
      if (q !== Q1 && q !== Q2) this.fail(`bad attribute in <${entry.qname}>`);
      let close = j + 1;
      for (let d = s[close]; close < n && d !== q; d = s[++close])
        if (d === LT) this.fail("< in an attribute value");
      if (close >= n) return this.incomplete(final, "attribute");
      if (attrs.size >= this.limits.attributes)
        throw new PackageLimitError("attributes", this.limits.attributes, attrs.size + 1);
      attrs.grow();
      const at = attrs.at;
      const k = 4 * attrs.size++;
      at[k] = i;
      at[k + 1] = nameEnd;
      at[k + 2] = j + 1;
      at[k + 3] = close;
      if (attrs.size > 1 && attrs.repeated())
        this.fail(`attribute ${utf8(s, i, nameEnd)} twice in <${entry.qname}>`);
      i = close + 1;
      const after = s[i] as number;
      if (i < n && !isSpace(after) && after !== GT && after !== SLASH)
        this.fail(`bad attribute in <${entry.qname}>`);
    }
  }

  private opened(entry: NameEntry, empty: boolean, pos: number, end: number): void {
    if (this.stack.length === 0) {
      if (this.rootSeen) this.fail("a second root element");
      this.rootSeen = true;
    }
    const start = this.base + pos;
    this.handler.open?.(entry.local, this.attrs, empty, start, this.base + end);
    if (empty) {
      this.handler.close?.(entry.local, start, this.base + end);
      return;
    }
    this.stack.push(entry);
    if (this.stack.length > this.limits.depth)
      throw new PackageLimitError("depth", this.limits.depth, this.stack.length);
  }
}

/**
 * Runs a part's bytes, arriving in pieces, through a handler. UTF-8 is the rule; a part in UTF-16
 * (with its byte-order mark) is turned into UTF-8 piece by piece first.
 */
export async function scanXmlPieces(
  pieces: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  handler: XmlByteHandler,
  limits?: XmlLimits
): Promise<void> {
  const scanner = new XmlByteScanner(handler, limits);
  let utf16: TextDecoder | null | undefined;
  /** The first byte, while a lone one cannot tell the encoding yet. */
  let held: Uint8Array | null = null;
  for await (let piece of pieces) {
    if (utf16 === undefined) {
      if (held) piece = Buffer.concat([held, piece]);
      if (piece.length < 2) {
        held = piece;
        continue;
      }
      const le = piece[0] === 0xff && piece[1] === 0xfe;
      const be = piece[0] === 0xfe && piece[1] === 0xff;
      utf16 = le || be ? new TextDecoder(le ? "utf-16le" : "utf-16be") : null;
    }
    scanner.write(utf16 ? Buffer.from(utf16.decode(piece, { stream: true }), "utf8") : piece);
  }
  if (utf16 === undefined && held) scanner.write(held);
  if (utf16) scanner.write(Buffer.from(utf16.decode(), "utf8"));
  scanner.end();
}
