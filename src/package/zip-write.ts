// Parts out: a zip package written from parts. A part carried over from a package being rewritten
// is copied exactly as it is stored (compressed bytes, CRC and sizes untouched, never inflated), so
// what the product does not change stays byte for byte what the officer had, and a hostile part is
// never expanded. New or changed parts are deflated by fflate.
import { Zip, ZipDeflate, type AsyncFlateStreamHandler, type ZipInputFile } from "fflate";
import { PackageError } from "./limits";
import type { PackageReader, PartEntry } from "./zip-read";

export type PartOut =
  /** New or changed content. */
  | { name: string; data: Uint8Array | string }
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
      file.push(typeof p.data === "string" ? Buffer.from(p.data, "utf8") : p.data, true);
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
    replace?: ReadonlyMap<string, Uint8Array | string>;
    remove?: Iterable<string>;
    add?: readonly PartOut[];
  }
): PartOut[] {
  const lower = (m: Iterable<string>) => new Set([...m].map((n) => n.replace(/^\//, "").toLowerCase()));
  const removed = lower(changes.remove ?? []);
  const replaced = new Map<string, Uint8Array | string>();
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
