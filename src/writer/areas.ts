// Areas of the officer's the product's cells must stay out of. Excel Tables: a result block merged
// inside a table makes Excel remove the table on opening (and its body rows look empty to the
// check), read from each sheet's table parts (their `ref`). Empty columns the officer prepared:
// hidden ones, and cells that carry a data validation (a list to pick from, a number to enter) are
// theirs, not free, though they hold nothing yet; read from the sheet's `<cols>` and its data
// validations as the part streams by, never whole in memory.
import { namedOwned, ownership } from "../core/model/owned";
import type { RangeRef, WorkbookSnapshot } from "../core/model/snapshot";
import { lastOfficerRow } from "../core/plans/placement";
import { readRelationships, relKind } from "../package/opc";
import type { PackageReader } from "../package/zip-read";
import { Book } from "./book";
import { RowHeights, sheetPage } from "./sheet-page";
import { attrOf } from "./xml-edit";

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

const ELEMENT =
  /<((?:[A-Za-z_][\w.-]*:)?)(cols|dataValidations|sheetPr|sheetFormatPr|pageMargins|pageSetup|rowBreaks)\b/g;

/**
 * The `<cols>`, data-validation and page elements of a sheet part, as text, the part read in pieces;
 * `rows` hears every piece for the row heights.
 */
export async function sheetExtras(
  pkg: PackageReader,
  part: string,
  /** Parts larger than this come in pieces (tests make it small). */
  wholeBytes?: number,
  rows?: RowHeights
): Promise<string[]> {
  const found: string[] = [];
  let inside: { close: string; text: string } | null = null;
  let carry = "";
  for await (const piece of pkg.pieces(part, undefined, wholeBytes)) {
    // Latin-1 keeps every byte one character: the tags sought are ASCII, whatever else the part holds.
    const latin = piece.toString("latin1");
    rows?.scan(latin);
    let text = carry + latin;
    carry = "";
    for (;;) {
      if (inside) {
        const end = text.indexOf(inside.close);
        if (end < 0) {
          // The end tag may be cut between two pieces: keep its length back.
          const keep = Math.max(0, text.length - inside.close.length);
          inside.text += text.slice(0, keep);
          carry = text.slice(keep);
          break;
        }
        found.push(inside.text + text.slice(0, end + inside.close.length));
        text = text.slice(end + inside.close.length);
        inside = null;
        continue;
      }
      ELEMENT.lastIndex = 0;
      const m = ELEMENT.exec(text);
      if (!m) {
        carry = text.slice(-64);
        break;
      }
      const gt = text.indexOf(">", m.index);
      if (gt < 0) {
        carry = text.slice(m.index);
        break;
      }
      if (text[gt - 1] === "/") {
        found.push(text.slice(m.index, gt + 1));
        text = text.slice(gt + 1);
        continue;
      }
      inside = { close: `</${m[1] ?? ""}${m[2]}>`, text: "" };
      text = text.slice(m.index);
    }
  }
  return found;
}

const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/** The ranges of a `sqref` (`H7:H29 J7`, `H:H`); whole rows (`7:7`) are left out. */
function sqrefRanges(sqref: string, lastRow: number): RangeRef[] {
  const out: RangeRef[] = [];
  for (const item of sqref.trim().split(/\s+/)) {
    const m = /^\$?([A-Z]{1,3})\$?(\d*)(?::\$?([A-Z]{1,3})\$?(\d*))?$/.exec(item);
    if (!m) continue;
    const top = m[2] ? parseInt(m[2], 10) : 1;
    const bottom = m[4] ? parseInt(m[4], 10) : m[3] ? lastRow : m[2] ? top : lastRow;
    out.push({ top, bottom, left: col(m[1] as string), right: m[3] ? col(m[3]) : col(m[1] as string) });
  }
  return out;
}

/**
 * The prepared columns as areas: every hidden column and every validated cell, down to the officer's
 * last row (a whole column hidden or validated is the officer's where the results would go, never
 * below, where the block goes).
 */
export function preparedAreas(extras: string[], lastRow: number): RangeRef[] {
  const out: RangeRef[] = [];
  if (lastRow < 1) return out;
  for (const el of extras) {
    if (!/^<(?:[\w.-]+:)?(?:cols|dataValidations)\b/.test(el)) continue;
    if (/^<(?:[\w.-]+:)?cols\b/.test(el)) {
      for (const m of el.matchAll(/<(?:[\w.-]+:)?col\b[^>]*>/g)) {
        const hidden = attrOf(m[0], "hidden");
        const min = parseInt(attrOf(m[0], "min") ?? "", 10);
        const max = parseInt(attrOf(m[0], "max") ?? "", 10);
        if ((hidden === "1" || hidden === "true") && min > 0 && max >= min)
          out.push({ top: 1, bottom: lastRow, left: min, right: Math.min(max, 16384) });
      }
      continue;
    }
    for (const m of el.matchAll(/<(?:[\w.-]+:)?dataValidation\b[^>]*>/g)) {
      const sqref = attrOf(m[0], "sqref");
      if (sqref) out.push(...sqrefRanges(sqref, lastRow));
    }
    // Excel's own extension (a list kept on another sheet): the ranges in `<xm:sqref>`.
    for (const m of el.matchAll(/<((?:[\w.-]+:)?)sqref>([^<]*)<\/\1sqref>/g))
      out.push(...sqrefRanges(m[2] as string, lastRow));
  }
  return out.map((r) => ({ ...r, bottom: Math.min(r.bottom, lastRow) })).filter((r) => r.top <= r.bottom);
}

/** Columns within the product's range, over rows that meet it: the product's columns, hidden or validated by the officer. */
const onOwned = (r: RangeRef, o: RangeRef) =>
  r.left >= o.left && r.right <= o.right && r.top <= o.bottom && r.bottom >= o.top;

/**
 * Each sheet's Excel Tables and prepared columns put in its snapshot (`areas`), for the plans to keep
 * clear of, and how it prints (`page`), for the plans to keep the result block with the table.
 */
export async function addOfficerAreas(pkg: PackageReader, snapshot: WorkbookSnapshot): Promise<void> {
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
    // What the product wrote itself (its result columns hidden by the officer) stays the product's.
    const named = namedOwned(snapshot, s.name).map((n) => n.range);
    // Down to the officer's last row (the product's own block below it is not theirs).
    const last = lastOfficerRow(sheet, ownership(snapshot, s.name).ours);
    const rows = new RowHeights();
    const extras = await sheetExtras(pkg, part, undefined, rows);
    for (const a of preparedAreas(extras, last)) if (!named.some((o) => onOwned(a, o))) areas.push(a);
    if (areas.length) sheet.areas = areas;
    sheet.page = sheetPage(book, i, extras, rows);
  }
}
