// The zip's central directory, read in one pass over its bytes: the entries' names, sizes, methods,
// checksums and where their local headers are. A reader that never extracts files to disk needs no
// more; what it must refuse, it refuses here (the rules yauzl applied before: names that climb out
// or are absolute, stored entries whose two sizes differ, spanned archives, anything out of bounds).
// Zip64 is read: its end records and each entry's extra field give sizes and offsets past 4 GB.
import * as zlib from "node:zlib";
import { PackageError, PackageLimitError, type PackageLimits } from "./limits";

/** Random access to the package's bytes: an open file or a buffer. */
export interface ByteSource {
  readonly size: number;
  /** Reads up to `length` bytes at `position` into `buffer` at `offset`; returns how many. */
  read(buffer: Buffer, offset: number, length: number, position: number): number;
}

/** One entry of the central directory. */
export class ZipEntry {
  constructor(
    /** The name as stored in the zip (`xl/worksheets/sheet1.xml`). */
    readonly name: string,
    /** Uncompressed bytes, as declared. */
    readonly size: number,
    readonly compressedSize: number,
    /** 0 stored, 8 deflated. */
    readonly method: number,
    readonly crc32: number,
    /** General purpose flags; bit 0: encrypted. */
    readonly flags: number,
    /** Where the entry's local header starts. */
    readonly localOffset: number,
    private readonly dosDate: number,
    private readonly dosTime: number,
    /** Seconds since 1970 from an Info-ZIP timestamp field, when the entry has one. */
    private readonly unixTime: number | undefined
  ) {}

  get encrypted(): boolean {
    return (this.flags & 1) !== 0;
  }

  /** When the entry was last changed: the Info-ZIP timestamp, else the DOS date in local time. */
  get modified(): Date {
    if (this.unixTime !== undefined) return new Date(this.unixTime * 1000);
    const d = this.dosDate;
    const t = this.dosTime;
    return new Date(
      ((d >> 9) & 0x7f) + 1980,
      ((d >> 5) & 0xf) - 1,
      d & 0x1f,
      (t >> 11) & 0x1f,
      (t >> 5) & 0x3f,
      (t & 0x1f) * 2
    );
  }
}

const EOCD = 0x06054b50;
const EOCD64 = 0x06064b50;
const EOCD64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_COMMENT = 0xffff;

/** Reads exactly `length` bytes at `position`; PackageError when the source ends first. */
export function readExactly(source: ByteSource, length: number, position: number, what: string): Buffer {
  if (position < 0 || position + length > source.size) throw new PackageError(`${what} out of bounds`);
  const buf = Buffer.allocUnsafe(length);
  let got = 0;
  while (got < length) {
    const n = source.read(buf, got, length - got, position + got);
    if (n <= 0) throw new PackageError(`${what} truncated`);
    got += n;
  }
  return buf;
}

/** A 64-bit little-endian size or offset, refused past what a double holds exactly. */
function u64(b: Buffer, at: number): number {
  const v = b.readUInt32LE(at) + b.readUInt32LE(at + 4) * 0x100000000;
  if (!Number.isSafeInteger(v)) throw new PackageError("not a zip: a zip64 field too large");
  return v;
}

// Node 20.15+ has a native CRC-32; where it is missing, an Info-ZIP name is taken unchecked.
const nodeCrc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;

// Code page 437's upper half: names without the UTF-8 flag are in it (the zip spec's default).
const CP437_HIGH =
  "ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0";

function cp437(b: Buffer, from: number, to: number): string {
  let ascii = true;
  for (let i = from; i < to && ascii; i++) ascii = (b[i] as number) < 0x80;
  if (ascii) return b.toString("latin1", from, to);
  let s = "";
  for (let i = from; i < to; i++) {
    const c = b[i] as number;
    s += c < 0x80 ? String.fromCharCode(c) : CP437_HIGH[c - 0x80];
  }
  return s;
}

/** What yauzl's strict names refused: a name that is absolute, has a backslash or climbs out with `..`. */
function badName(name: string): string | null {
  if (name.includes("\\")) return `invalid characters in fileName: ${name}`;
  if (/^[a-zA-Z]:/.test(name) || name.startsWith("/")) return `absolute path: ${name}`;
  if (name.split("/").includes("..")) return `invalid relative path: ${name}`;
  return null;
}

/** Where the central directory is and how many entries it declares (zip64's end records when they say more). */
function findDirectory(source: ByteSource): { count: number; offset: number; size: number } {
  const size = source.size;
  if (size < 22) throw new PackageError("not a zip: too short for its end record");
  const tailLength = Math.min(size, 22 + MAX_COMMENT);
  const tail = readExactly(source, tailLength, size - tailLength, "not a zip: the end record");
  let at = -1;
  for (let i = tail.length - 22; i >= 0; i--)
    if (tail.readUInt32LE(i) === EOCD && i + 22 + tail.readUInt16LE(i + 20) <= tail.length) {
      at = i;
      break;
    }
  if (at < 0) throw new PackageError("not a zip: end of central directory record signature not found");
  const eocdAt = size - tailLength + at;
  if (tail.readUInt16LE(at + 4) !== 0 || tail.readUInt16LE(at + 6) !== 0)
    throw new PackageError("not a zip: multi-disk zip files are not supported");
  let count = tail.readUInt16LE(at + 10);
  let dirSize = tail.readUInt32LE(at + 12);
  let offset = tail.readUInt32LE(at + 16);
  if (count === 0xffff || dirSize === 0xffffffff || offset === 0xffffffff) {
    // Zip64: the locator just before the end record says where the zip64 end record is.
    if (eocdAt < 20) throw new PackageError("not a zip: zip64 locator missing");
    const locator = readExactly(source, 20, eocdAt - 20, "not a zip: the zip64 locator");
    if (locator.readUInt32LE(0) !== EOCD64_LOCATOR)
      throw new PackageError("not a zip: zip64 locator missing");
    const end = readExactly(source, 56, u64(locator, 8), "not a zip: the zip64 end record");
    if (end.readUInt32LE(0) !== EOCD64) throw new PackageError("not a zip: bad zip64 end record");
    count = u64(end, 32);
    dirSize = u64(end, 40);
    offset = u64(end, 48);
  }
  if (offset + dirSize > size) throw new PackageError("not a zip: the central directory is out of bounds");
  return { count, offset, size: dirSize };
}

/** Every entry of the central directory, directories included; the entries bound checked before any is read. */
export function readCentralDirectory(source: ByteSource, limits: PackageLimits): ZipEntry[] {
  const dir = findDirectory(source);
  if (dir.count > limits.entries) throw new PackageLimitError("entries", limits.entries, dir.count);
  const b = readExactly(source, dir.size, dir.offset, "not a zip: the central directory");
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let k = 0; k < dir.count; k++) {
    if (p + 46 > b.length || b.readUInt32LE(p) !== CENTRAL)
      throw new PackageError("bad central directory: invalid central directory file header signature");
    const flags = b.readUInt16LE(p + 8);
    const method = b.readUInt16LE(p + 10);
    const nameLength = b.readUInt16LE(p + 28);
    const extraLength = b.readUInt16LE(p + 30);
    const next = p + 46 + nameLength + extraLength + b.readUInt16LE(p + 32);
    if (next > b.length) throw new PackageError("bad central directory: an entry runs past its end");
    const nameAt = p + 46;
    const extraAt = nameAt + nameLength;
    let name: string | undefined;
    let compressedSize = b.readUInt32LE(p + 20);
    let size = b.readUInt32LE(p + 24);
    let localOffset = b.readUInt32LE(p + 42);
    let unixTime: number | undefined;
    for (let x = extraAt; x + 4 <= extraAt + extraLength;) {
      const id = b.readUInt16LE(x);
      const length = b.readUInt16LE(x + 2);
      const data = x + 4;
      if (data + length > extraAt + extraLength) break;
      if (id === 0x0001) {
        // Zip64: the 8-byte values of the fields whose 4-byte values are all ones, in this order.
        let q = data;
        const take = (): number => {
          if (q + 8 > data + length) throw new PackageError("bad central directory: zip64 field too short");
          const v = u64(b, q);
          q += 8;
          return v;
        };
        if (size === 0xffffffff) size = take();
        if (compressedSize === 0xffffffff) compressedSize = take();
        if (localOffset === 0xffffffff) localOffset = take();
      } else if (id === 0x5455 && length >= 5 && ((b[data] as number) & 1) !== 0) {
        unixTime = b.readInt32LE(data + 1);
      } else if (id === 0x7075 && length >= 6 && b[data] === 1 && !(flags & 0x800)) {
        // Info-ZIP's UTF-8 name, used only while it matches the name field (its CRC says so).
        const stored = b.subarray(nameAt, extraAt);
        if (nodeCrc32 === undefined || nodeCrc32(stored) >>> 0 === b.readUInt32LE(data + 1))
          name = b.toString("utf8", data + 5, data + length);
      }
      x = data + length;
    }
    name ??= flags & 0x800 ? b.toString("utf8", nameAt, extraAt) : cp437(b, nameAt, extraAt);
    const bad = badName(name);
    if (bad) throw new PackageError(`bad central directory: ${bad}`);
    if (method === 0 && compressedSize !== size)
      throw new PackageError(
        `bad central directory: compressed/uncompressed size mismatch for stored file: ${compressedSize} != ${size}`
      );
    entries.push(
      new ZipEntry(
        name,
        size,
        compressedSize,
        method,
        b.readUInt32LE(p + 16),
        flags,
        localOffset,
        b.readUInt16LE(p + 14),
        b.readUInt16LE(p + 12),
        unixTime
      )
    );
    p = next;
  }
  return entries;
}

/** Where an entry's data starts: after its local header, whose own name and extra lengths count. */
export function dataStart(source: ByteSource, entry: ZipEntry): number {
  const header = readExactly(source, 30, entry.localOffset, "bad local header:");
  if (header.readUInt32LE(0) !== LOCAL) throw new PackageError("bad local header: invalid signature");
  const start = entry.localOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  if (start + entry.compressedSize > source.size)
    throw new PackageError("bad local header: the data runs past the end of the file");
  return start;
}
