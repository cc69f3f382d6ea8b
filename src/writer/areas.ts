// The officer's Excel Tables, as areas the product's cells must stay out of: a result block merged
// inside a table makes Excel remove the table on opening (and its body rows look empty to the
// check). Read from each sheet's table parts (their `ref`), never from the sheet itself.
import type { RangeRef, WorkbookSnapshot } from "../core/model/snapshot";
import { readRelationships, relKind } from "../package/opc";
import type { PackageReader } from "../package/zip-read";
import { Book } from "./book";

/** A table part's start tag is at its head; 64 KB holds it whatever comes before. */
const HEAD_BYTES = 64 * 1024;

function rangeOf(ref: string): RangeRef | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/.exec(ref.trim());
  if (!m) return null;
  const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const top = parseInt(m[2] as string, 10);
  const left = col(m[1] as string);
  return {
    top,
    left,
    bottom: m[4] ? parseInt(m[4], 10) : top,
    right: m[3] ? col(m[3]) : left,
  };
}

/** Each sheet's Excel Tables put in its snapshot (`areas`), for the plans to keep clear of. */
export async function addOfficerAreas(pkg: PackageReader, snapshot: WorkbookSnapshot): Promise<void> {
  if (!pkg.parts.some((p) => /(^|\/)tables\/[^/]+\.xml$/i.test(p.name))) return;
  const book = await Book.open(pkg);
  for (const [i, s] of book.wb.sheets.entries()) {
    const part = book.sheetPart(i);
    const sheet = snapshot.sheets.find((x) => x.name === s.name);
    if (!part || !sheet) continue;
    const areas: RangeRef[] = [];
    for (const r of await readRelationships(pkg, part)) {
      if (r.external || relKind(r.type) !== "table" || !pkg.has(r.target)) continue;
      const head = (await pkg.read(r.target)).subarray(0, HEAD_BYTES).toString("utf8");
      const ref = /<(?:[\w.-]+:)?table\b[^>]*?\sref\s*=\s*["']([^"']+)["']/.exec(head)?.[1];
      const range = ref ? rangeOf(ref) : null;
      if (range) areas.push(range);
    }
    if (areas.length) sheet.areas = areas;
  }
}
