// Parts in: a zip package read part by part. The central directory (the zip's own table of
// contents, as the spec says, never the local headers' copies) is read once by zip-directory.ts;
// only the parts asked for are read from disk, each found through its local header, and each is
// inflated by Node's zlib with its declared size as a hard ceiling, so a zip bomb stops at that size
// instead of filling memory.
import { readSync } from "node:fs";
import * as zlib from "node:zlib";
import { PACKAGE_LIMITS, PackageError, PackageLimitError, type PackageLimits } from "./limits";
import { dataStart, readCentralDirectory, type ByteSource, type ZipEntry } from "./zip-directory";

export type { ByteSource } from "./zip-directory";

/** One part of the package as its zip entry describes it. */
export interface PartEntry {
  /** The part name as stored in the zip (`xl/worksheets/sheet1.xml`). */
  name: string;
  /** Uncompressed bytes, as declared; reading checks it. */
  size: number;
  compressedSize: number;
  /** 0 stored, 8 deflated. */
  method: number;
  crc32: number;
  modified: Date;
}

export function fileSource(fd: number, size: number): ByteSource {
  return { size, read: (buffer, offset, length, position) => readSync(fd, buffer, offset, length, position) };
}

export function bufferSource(bytes: Uint8Array): ByteSource {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return {
    size: buf.length,
    read: (buffer, offset, length, position) => buf.copy(buffer, offset, position, position + length),
  };
}

// Node 20.15+ has a native CRC-32; where it is missing, sizes alone are checked.
const crc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

const key = (name: string) => name.replace(/^\//, "").toLowerCase();

/**
 * Parts up to this size are inflated in one call; larger ones piece by piece. One call costs a
 * fifth of the CPU of a stream (whose every piece is a trip through the thread pool: 100 ms more on
 * a 25 MB sheet) for the part's size in memory at once: a sheet of some 100,000 ordinary rows.
 */
const WHOLE_PART_BYTES = 32 * 1024 * 1024;

export class PackageReader {
  private readonly byName = new Map<string, ZipEntry>();
  private total = 0;
  readonly parts: readonly PartEntry[];

  private constructor(
    private readonly source: ByteSource,
    private readonly limits: PackageLimits,
    entries: readonly ZipEntry[]
  ) {
    this.parts = entries;
    for (const part of entries) {
      const k = key(part.name);
      // Part names are case-insensitive: two entries for one name make the package ambiguous.
      if (this.byName.has(k)) throw new PackageError("two entries for one part", part.name);
      this.byName.set(k, part);
    }
  }

  /** Reads the central directory; PackageError when it is not a zip, PackageLimitError when too many entries. */
  static open(source: ByteSource, limits: PackageLimits = PACKAGE_LIMITS): Promise<PackageReader> {
    // Synchronous underneath (a buffer, or a file read with readSync); a promise for the callers.
    try {
      return Promise.resolve(PackageReader.openSync(source, limits));
    } catch (e) {
      return Promise.reject(e as Error);
    }
  }

  static openSync(source: ByteSource, limits: PackageLimits = PACKAGE_LIMITS): PackageReader {
    const entries = readCentralDirectory(source, limits).filter((e) => !e.name.endsWith("/"));
    return new PackageReader(source, limits, entries);
  }

  /** The entry of a part, looked up case-insensitively (a leading `/` is ignored). */
  entry(name: string): PartEntry | undefined {
    return this.byName.get(key(name));
  }

  has(name: string): boolean {
    return this.byName.has(key(name));
  }

  /** Decompressed bytes of every part read so far. */
  get bytesRead(): number {
    return this.total;
  }

  /**
   * One part, decompressed and checked against its declared size (and CRC where Node has one).
   * `maxBytes` lowers the per-part bound for parts that are small by nature.
   */
  async read(name: string, maxBytes = this.limits.partBytes): Promise<Buffer> {
    const part = this.admit(name, maxBytes);
    const raw = this.rawBytes(part);
    const data = part.method === 0 ? raw : inflate(raw, part);
    if (data.length !== part.size) throw new PackageError("shorter than its entry says", part.name);
    if (crc32 && crc32(data) >>> 0 !== part.crc32 >>> 0)
      throw new PackageError("damaged (checksum differs)", part.name);
    this.total += part.size;
    return data;
  }

  /**
   * One part in pieces, with the same bounds and checks as read(): a large part is inflated as it is
   * consumed (in zlib's thread, while the caller works on the piece before), so it is never whole in
   * memory; a small one comes in one piece.
   */
  async *pieces(
    name: string,
    maxBytes = this.limits.partBytes,
    wholeBytes = WHOLE_PART_BYTES
  ): AsyncGenerator<Buffer> {
    const part = this.admit(name, maxBytes);
    if (part.method === 0 || part.size <= wholeBytes) {
      yield await this.read(name, maxBytes);
      return;
    }
    const inflater = zlib.createInflateRaw({ chunkSize: 1024 * 1024 });
    inflater.end(this.rawBytes(part));
    let got = 0;
    let crc = 0;
    try {
      for await (const piece of inflater as AsyncIterable<Buffer>) {
        got += piece.length;
        if (got > part.size) throw new PackageError("larger than its entry says", part.name);
        if (crc32) crc = crc32(piece, crc);
        yield piece;
      }
    } catch (e) {
      if (e instanceof PackageError) throw e;
      throw new PackageError("cannot be decompressed", part.name);
    } finally {
      inflater.destroy();
    }
    if (got !== part.size) throw new PackageError("shorter than its entry says", part.name);
    if (crc32 && crc >>> 0 !== part.crc32 >>> 0)
      throw new PackageError("damaged (checksum differs)", part.name);
    this.total += part.size;
  }

  /** A part's bytes exactly as stored in the zip (still compressed), for carrying it over unchanged. */
  async raw(name: string): Promise<Buffer> {
    return Promise.resolve(this.rawBytes(this.locate(name)));
  }

  close(): void {
    // Nothing held: the source's owner closes it.
  }

  /** A part about to be read: it exists, can be read, and fits its bound and what is left of the total. */
  private admit(name: string, maxBytes: number): ZipEntry {
    const part = this.locate(name);
    const cap = Math.min(maxBytes, this.limits.partBytes);
    if (part.size > cap) throw new PackageLimitError("partBytes", cap, part.size, part.name);
    if (this.total + part.size > this.limits.totalBytes)
      throw new PackageLimitError("totalBytes", this.limits.totalBytes, this.total + part.size, part.name);
    return part;
  }

  private locate(name: string): ZipEntry {
    const part = this.byName.get(key(name));
    if (!part) throw new PackageError("missing", name);
    if (part.encrypted) throw new PackageError("encrypted entry", part.name);
    if (part.method !== 0 && part.method !== 8)
      throw new PackageError(`compression method ${part.method} is not supported`, part.name);
    return part;
  }

  private rawBytes(part: ZipEntry): Buffer {
    // Deflate never grows data by more than a few bytes per 16 KB block: anything bigger is not
    // what the entry claims, and must not make us allocate it.
    if (part.compressedSize > part.size + Math.ceil(part.size / 1000) + 64)
      throw new PackageError("compressed data larger than the part", part.name);
    let start: number;
    try {
      start = dataStart(this.source, part);
    } catch (e) {
      throw new PackageError((e as Error).message, part.name);
    }
    const raw = Buffer.allocUnsafe(part.compressedSize);
    let got = 0;
    while (got < raw.length) {
      const n = this.source.read(raw, got, raw.length - got, start + got);
      if (n <= 0) throw new PackageError("truncated", part.name);
      got += n;
    }
    return raw;
  }
}

function inflate(raw: Buffer, part: PartEntry): Buffer {
  try {
    // maxOutputLength: zlib stops at the declared size instead of expanding a bomb to its end.
    // chunkSize a little over the declared size: the part is inflated into one buffer of its own
    // size, never into 16 KB pieces joined at the end (twice the part in memory, twice the copying).
    return zlib.inflateRawSync(raw, { maxOutputLength: Math.max(1, part.size), chunkSize: part.size + 64 });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new PackageError(
      code === "ERR_BUFFER_TOO_LARGE" ? "larger than its entry says" : "cannot be decompressed",
      part.name
    );
  }
}
