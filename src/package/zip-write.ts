// Parts out: a zip package written from parts. A part carried over from a package being rewritten
// is copied exactly as it is stored (compressed bytes, CRC and sizes untouched, never inflated), so
// what the product does not change stays byte for byte what the officer had, and a hostile part is
// never expanded. New or changed parts are deflated by fflate.
import { Zip, ZipDeflate, type AsyncFlateStreamHandler, type ZipInputFile } from "fflate";
import { PackageError } from "./limits";
import type { PackageReader, PartEntry } from "./zip-read";

/**
 * Content made in pieces (a large sheet edited by splicing): its bytes come as they are encoded and
 * are deflated as they come, so the part is never held whole a second time (the text it was made
 * from is the only full copy).
 */
export interface Chunked {
  chunks(): Iterable<Uint8Array>;
}

export type PartData = Uint8Array | string | Chunked;

export type PartOut =
  /** New or changed content. */
  | { name: string; data: PartData }
  /** A part of `from` copied as stored; `source` names it there when the name changes. */
  | { name: string; from: PackageReader; source?: string };

// What Excel writes for every entry: stable bytes for the same parts, whatever the clock says.
const EXCEL_EPOCH = new Date(1980, 0, 1, 0, 0, 0);

/** A zip entry whose compressed bytes are already known: fflate writes them through as they are. */
class CarriedPart implements ZipInputFile {
  readonly compression: number;
  readonly crc: number;
  readonly size: number;
  readonly mtime: Date;
  ondata?: AsyncFlateStreamHandler;

  constructor(
    readonly filename: string,
    part: PartEntry
  ) {
    this.compression = part.method;
    this.crc = part.crc32;
    this.size = part.size;
    // DOS dates begin in 1980; a zero date in the source would read as 1979.
    this.mtime = part.modified.getFullYear() < 1980 ? EXCEL_EPOCH : part.modified;
  }
}

/**
 * What is pushed to the deflater at a time: fflate copies each push into its window (a push larger
 * than its buffer makes it allocate one as large as the push), so a part goes in 64 KB pieces. The
 * size is fixed, whatever the pieces the content came in: the same content deflates to the same bytes.
 */
const PUSH_BYTES = 65536;

/** A part's content as pushes of PUSH_BYTES (the last shorter). */
export function* pushesOf(data: PartData): Generator<Uint8Array> {
  if (typeof data === "string") {
    yield* pushesOf(Buffer.from(data, "utf8"));
    return;
  }
  if (data instanceof Uint8Array) {
    for (let at = 0; at < data.length; at += PUSH_BYTES) yield data.subarray(at, at + PUSH_BYTES);
    return;
  }
  let buf = new Uint8Array(PUSH_BYTES);
  let n = 0;
  for (const chunk of data.chunks())
    for (let at = 0; at < chunk.length;) {
      const k = Math.min(PUSH_BYTES - n, chunk.length - at);
      buf.set(chunk.subarray(at, at + k), n);
      n += k;
      at += k;
      if (n === PUSH_BYTES) {
        yield buf;
        buf = new Uint8Array(PUSH_BYTES);
        n = 0;
      }
    }
  if (n > 0) yield buf.subarray(0, n);
}

/** A part's content in one piece (small parts, tests). */
export function partBytes(data: PartData): Uint8Array {
  if (typeof data === "string") return Buffer.from(data, "utf8");
  if (data instanceof Uint8Array) return data;
  return Buffer.concat([...data.chunks()]);
}

/** Writes the parts, in order, as one zip; `write` receives the bytes as they are made. */
export async function writePackage(
  parts: Iterable<PartOut>,
  write: (chunk: Uint8Array) => void
): Promise<void> {
  let failure: Error | null = null;
  const zip = new Zip((err, chunk) => {
    if (err) failure ??= err;
    else write(chunk);
  });
  const seen = new Set<string>();
  for (const p of parts) {
    const k = p.name.toLowerCase();
    if (seen.has(k)) throw new PackageError("written twice", p.name);
    seen.add(k);
    if ("data" in p) {
      const file = new ZipDeflate(p.name, { level: 6 });
      file.mtime = EXCEL_EPOCH;
      zip.add(file);
      for (const push of pushesOf(p.data)) {
        file.push(push, false);
        if (failure) throw failure;
      }
      file.push(new Uint8Array(0), true);
    } else {
      const source = p.source ?? p.name;
      const entry = p.from.entry(source);
      if (!entry) throw new PackageError("missing", source);
      const file = new CarriedPart(p.name, entry);
      zip.add(file);
      const raw = await p.from.raw(source);
      (file.ondata as AsyncFlateStreamHandler)(null, raw as Uint8Array<ArrayBuffer>, true);
    }
    if (failure) throw failure;
  }
  zip.end();
  if (failure) throw failure;
}

/** The whole package in memory. */
export async function packageBytes(parts: Iterable<PartOut>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  await writePackage(parts, (c) => chunks.push(c));
  return Buffer.concat(chunks);
}

/**
 * Every part of `from` in its order, carried over unchanged, except those `replace` gives new
 * content for or `remove` names; `add` go at the end. The plan the surgical writer hands to
 * `writePackage`.
 */
export function rewritePlan(
  from: PackageReader,
  changes: {
    replace?: ReadonlyMap<string, PartData>;
    remove?: Iterable<string>;
    add?: readonly PartOut[];
  }
): PartOut[] {
  const lower = (m: Iterable<string>) => new Set([...m].map((n) => n.replace(/^\//, "").toLowerCase()));
  const removed = lower(changes.remove ?? []);
  const replaced = new Map<string, PartData>();
  for (const [n, d] of changes.replace ?? []) replaced.set(n.replace(/^\//, "").toLowerCase(), d);
  const plan: PartOut[] = [];
  for (const part of from.parts) {
    const k = part.name.toLowerCase();
    if (removed.has(k)) continue;
    const data = replaced.get(k);
    plan.push(data === undefined ? { name: part.name, from } : { name: part.name, data });
    replaced.delete(k);
  }
  const unknown = [...replaced.keys()];
  if (unknown.length > 0) throw new PackageError("replaced but not in the package", unknown.join(", "));
  return [...plan, ...(changes.add ?? [])];
}
