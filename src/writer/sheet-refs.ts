// Where the officer's own work points at a sheet the product made: a `KQ` sheet referred to by a
// cell's formula (`='KQ Tự đánh giá'!C12`, or a text INDIRECT turns into a reference), a name of the
// officer's, a conditional format's or a data validation's formula (in the sheet or in Excel's x14
// extension), a hyperlink, a chart's series (`<c:f>`) or a pivot table's source is theirs to keep:
// removing or renaming it would leave `#REF!`, broken rules, an empty chart.
import { columnLetters } from "../core/model/a1";
import { isProductName } from "../core/model/owned";
import { refersTo } from "../core/model/sheet-refs";
import { readRelationships, relKind } from "../package/opc";
import { decodeEntities } from "../package/xml";
import type { Book } from "./book";
import { attrOf, type Pieces } from "./xml-edit";

/** What of the officer's uses a product sheet: the first place found. */
export type SheetUse =
  /** A cell's formula. */
  | { sheet: string; cell: string }
  /** A defined name of the officer's. */
  | { name: string }
  /** A conditional format's or a data validation's formula, over `range` of `sheet`. */
  | { sheet: string; range: string; rule: "format" | "validation" }
  /** A hyperlink in `cell` of `sheet`. */
  | { sheet: string; link: string }
  /** A chart's data, the chart drawn on `sheet` (when a sheet's drawing holds it). */
  | { chart: string; sheet?: string }
  /** A pivot table's source. */
  | { pivot: string };

const lower = (s: string) => s.toLocaleLowerCase("vi");

/** The tags a sheet's formulas stand in, the cell or the rule around them, and where the rules apply. */
const TAG =
  /<(\/?)(?:[A-Za-z_][\w.-]*:)?(c|conditionalFormatting|dataValidation|f|formula|formula1|formula2|sqref|hyperlink)(?=[\s/>])([^>]*)>([^<]*)/g;

/** The first use of `sheet` in one officer's sheet's text (read piece by piece: a tag never spans two). */
function foundInSheet(text: string | Pieces, name: string, sheet: string): SheetUse | null {
  let cell = "";
  /** The conditional format or validation being read: where it applies, and whether it uses the sheet. */
  let rule: { kind: "format" | "validation"; range: string; uses: boolean } | null = null;
  for (const piece of typeof text === "string" ? [text] : text.list) {
    TAG.lastIndex = 0;
    for (let m = TAG.exec(piece); m; m = TAG.exec(piece)) {
      const [, close, tag, attrs, body] = m as unknown as [string, string, string, string, string];
      const selfClosing = attrs.endsWith("/");
      if (tag === "c") cell = close ? "" : (attrOf(`<c${attrs}>`, "r") ?? "");
      else if (tag === "conditionalFormatting" || tag === "dataValidation") {
        if (!close) {
          rule = {
            kind: tag === "dataValidation" ? "validation" : "format",
            range: attrOf(`<x${attrs}>`, "sqref") ?? "",
            uses: false,
          };
          if (selfClosing) rule = null;
        } else if (rule?.kind === (tag === "dataValidation" ? "validation" : "format")) {
          if (rule.uses) return { sheet: name, range: rule.range.split(/\s+/)[0] ?? "", rule: rule.kind };
          rule = null;
        }
      } else if (tag === "sqref" && !close && rule) rule.range ||= body.trim();
      else if (tag === "hyperlink" && !close) {
        const location = attrOf(`<x${attrs}>`, "location");
        if (location && refersTo(decodeEntities(location), sheet))
          return { sheet: name, link: attrOf(`<x${attrs}>`, "ref") ?? "" };
      } else if (!close && !selfClosing && body && refersTo(decodeEntities(body), sheet)) {
        if (rule) rule.uses = true;
        else return { sheet: name, cell: cell || columnLetters(1) };
      }
    }
  }
  return null;
}

/** A chart's series and titles (`<c:f>`, `<cx:f>`) or a pivot cache's source naming `sheet`. */
function usesInPart(text: string, sheet: string, pivot: boolean): boolean {
  if (pivot) {
    for (const m of text.matchAll(/<(?:[A-Za-z_][\w.-]*:)?worksheetSource\b[^>]*>/g)) {
      const source = attrOf(m[0], "sheet");
      if (source !== undefined && lower(decodeEntities(source)) === lower(sheet)) return true;
    }
    return false;
  }
  for (const m of text.matchAll(/<((?:[A-Za-z_][\w.-]*:)?)f(?:\s[^>]*)?>([^<]*)<\/\1f>/g))
    if (m[2] && refersTo(decodeEntities(m[2]), sheet)) return true;
  return false;
}

/** The sheet whose drawing holds a chart part, when one does. */
async function chartSheet(book: Book, chart: string): Promise<string | undefined> {
  for (const [i, s] of book.wb.sheets.entries()) {
    const part = book.sheetPart(i);
    if (!part || !book.hasRels(part)) continue;
    for (const r of await readRelationships(book.pkg, part)) {
      if (r.external || relKind(r.type) !== "drawing") continue;
      const inner = await readRelationships(book.pkg, r.target);
      if (inner.some((x) => !x.external && x.target === chart)) return s.name;
    }
  }
  return undefined;
}

/** Charts and pivot caches: parts of their own, read as they are stored (small by nature). */
async function foundInParts(book: Book, sheet: string): Promise<SheetUse | null> {
  for (const p of book.pkg.parts) {
    const chart = /(^|\/)charts\/chart[^/]*\.xml$/i.test(p.name) || /\/chartEx[^/]*\.xml$/i.test(p.name);
    const pivot = /pivotCacheDefinition[^/]*\.xml$/i.test(p.name);
    if (!chart && !pivot) continue;
    const text = Buffer.from(await book.pkg.read(p.name)).toString("utf8");
    if (!usesInPart(text, sheet, pivot)) continue;
    if (pivot) return { pivot: p.name };
    const on = await chartSheet(book, p.name);
    return on === undefined ? { chart: p.name } : { chart: p.name, sheet: on };
  }
  return null;
}

/**
 * The first place among the officer's sheets, names, charts and pivot tables that uses `sheet`;
 * null when none does. `skip`: the sheets not to look in (the product's own).
 */
export async function officerReference(
  book: Book,
  sheet: string,
  skip: ReadonlySet<number>
): Promise<SheetUse | null> {
  for (const [i, s] of book.wb.sheets.entries()) {
    if (skip.has(i) || book.wb.finalIndex(i) < 0) continue;
    const part = book.sheetPart(i);
    if (!part) continue;
    const found = foundInSheet(await book.current(part), s.name, sheet);
    if (found) return found;
  }
  for (const n of book.wb.names)
    if (!isProductName(n.name) && !n.name.startsWith("_xlnm.") && refersTo(n.text, sheet))
      return { name: n.name };
  return foundInParts(book, sheet);
}
