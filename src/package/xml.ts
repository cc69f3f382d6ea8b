// XML tokens: a minimal, safe tokenizer for the parts of an OOXML package. No DTD (a DOCTYPE is
// refused), no entities but the five predefined ones and numeric references, bounded nesting,
// attributes and token sizes. Input comes in string chunks, so a large part is never one string;
// every token reports where it sits in the whole text (offsets in UTF-16 code units), so a writer
// can copy everything around what it changes verbatim.
import { PackageError, PackageLimitError, XML_LIMITS, type XmlLimits } from "./limits";

/** Attributes by qualified name (`r`, `r:id`, `xml:space`); no prototype, so any name is plain data. */
export type XmlAttributes = Record<string, string>;

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

export function localName(qname: string): string {
  const i = qname.indexOf(":");
  return i < 0 ? qname : qname.slice(i + 1);
}

/** Feeds text in chunks; handler calls happen as soon as a token is complete. */
export class XmlScanner {
  private buf = "";
  /** Offset of `buf[0]` in the whole text. */
  private base = 0;
  private readonly stack: string[] = [];
  private rootSeen = false;
  private ended = false;

  constructor(
    private readonly handler: XmlHandler,
    private readonly limits: XmlLimits = XML_LIMITS
  ) {}

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
        this.textRun(s.slice(pos, lt), pos);
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

  /** One markup token at `pos` (a `<`); returns where it ends, or -1 when the buffer stops inside it. */
  private token(s: string, pos: number, final: boolean): number {
    const c1 = s.charCodeAt(pos + 1);
    if (c1 === 33 /* ! */) return this.bang(s, pos, final);
    if (c1 === 63 /* ? */) return this.until(s, pos, "?>", final, "processing instruction");
    if (c1 === SLASH) {
      const gt = s.indexOf(">", pos);
      if (gt < 0) return this.incomplete(final, "end tag");
      const qname = s.slice(pos + 2, gt).trim();
      const open = this.stack.pop();
      if (open !== qname) this.fail(`</${qname}> closes <${open ?? "nothing"}>`);
      this.handler.close?.(localName(qname), this.base + pos, this.base + gt + 1);
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

  private startTag(s: string, pos: number, final: boolean): number {
    const n = s.length;
    let i = pos + 1;
    while (i < n && !isSpace(s.charCodeAt(i)) && s.charCodeAt(i) !== GT && s.charCodeAt(i) !== SLASH) i++;
    if (i >= n) return this.incomplete(final, "tag");
    const qname = s.slice(pos + 1, i);
    if (qname === "") this.fail("a tag without a name");
    const attrs: XmlAttributes = Object.create(null);
    let count = 0;
    for (;;) {
      while (i < n && isSpace(s.charCodeAt(i))) i++;
      if (i >= n) return this.incomplete(final, "tag");
      const c = s.charCodeAt(i);
      if (c === GT || c === SLASH) {
        const empty = c === SLASH;
        if (empty && i + 1 >= n) return this.incomplete(final, "tag");
        if (empty && s.charCodeAt(i + 1) !== GT) this.fail(`bad tag <${qname}>`);
        const end = empty ? i + 2 : i + 1;
        this.opened(qname, attrs, empty, pos, end);
        return end;
      }
      let j = i;
      for (let d = s.charCodeAt(j); j < n && d !== EQ && !isSpace(d) && d !== GT && d !== SLASH && d !== LT;)
        d = s.charCodeAt(++j);
      const name = s.slice(i, j);
      while (j < n && isSpace(s.charCodeAt(j))) j++;
      if (j >= n) return this.incomplete(final, "tag");
      if (s.charCodeAt(j) !== EQ || name === "") this.fail(`bad attribute in <${qname}>`);
      j++;
      while (j < n && isSpace(s.charCodeAt(j))) j++;
      if (j >= n) return this.incomplete(final, "tag");
      const q = s.charCodeAt(j);
      if (q !== Q1 && q !== Q2) this.fail(`bad attribute in <${qname}>`);
      const close = s.indexOf(q === Q1 ? '"' : "'", j + 1);
      if (close < 0) return this.incomplete(final, "attribute");
      if (++count > this.limits.attributes)
        throw new PackageLimitError("attributes", this.limits.attributes, count);
      if (name in attrs) this.fail(`attribute ${name} twice in <${qname}>`);
      attrs[name] = decodeAttribute(s.slice(j + 1, close));
      i = close + 1;
      if (i < n && !isSpace(s.charCodeAt(i)) && s.charCodeAt(i) !== GT && s.charCodeAt(i) !== SLASH)
        this.fail(`bad attribute in <${qname}>`);
    }
  }

  private opened(qname: string, attrs: XmlAttributes, empty: boolean, pos: number, end: number): void {
    if (this.stack.length === 0) {
      if (this.rootSeen) this.fail("a second root element");
      this.rootSeen = true;
    }
    const name = localName(qname);
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
  if (raw.indexOf("<") >= 0) throw new PackageError("XML: < in an attribute value");
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
  | { kind: "open"; name: string; attrs: XmlAttributes; empty: boolean; start: number; end: number }
  | { kind: "close"; name: string; start: number; end: number }
  | { kind: "text"; text: string; start: number; end: number };

/** Every token of a whole text with its offsets: for a writer that splices a part. */
export function xmlTokens(xml: string, limits?: XmlLimits): XmlToken[] {
  const tokens: XmlToken[] = [];
  parseXml(
    xml,
    {
      open: (name, attrs, empty, start, end) => tokens.push({ kind: "open", name, attrs, empty, start, end }),
      close: (name, start, end) => tokens.push({ kind: "close", name, start, end }),
      text: (text, start, end) => tokens.push({ kind: "text", text, start, end }),
    },
    limits
  );
  return tokens;
}

const CHUNK = 1 << 20;

/**
 * A part's bytes as text in chunks of about a megabyte, each ending just before a `<`: that byte
 * never sits inside a multi-byte UTF-8 character, so every chunk decodes on its own. UTF-16 parts
 * (with their byte-order mark) are decoded whole.
 */
export function* xmlChunks(bytes: Uint8Array, chunkBytes = CHUNK): Generator<string> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) {
    yield new TextDecoder(buf[0] === 0xff ? "utf-16le" : "utf-16be").decode(buf);
    return;
  }
  let at = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  while (at < buf.length) {
    let cut = at + chunkBytes;
    if (cut >= buf.length) cut = buf.length;
    else {
      const lt = buf.indexOf(LT, cut);
      cut = lt < 0 ? buf.length : lt;
      // A run with no markup longer than any token may be: refused before it becomes one string.
      if (cut - at > chunkBytes + 3 * XML_LIMITS.tokenChars)
        throw new PackageLimitError(
          "tokenChars",
          XML_LIMITS.tokenChars,
          Math.floor((cut - at - chunkBytes) / 3)
        );
    }
    yield buf.toString("utf8", at, cut);
    at = cut;
  }
}
