// The shared strings a clean leaves behind. The product writes its texts inline in the cells, so a
// clean of its own output has nothing to take out here; but a program that re-saves the output
// (LibreOffice, Excel) moves those texts into `sharedStrings.xml`, and removing the cells would leave
// them in the package the unit sends. The strings that only the removed cells and sheets used are
// taken out, and the indexes of every sheet that points past them renumbered.
import { relKind } from "../package/opc";
import type { Book } from "./book";
import { Pieces } from "./xml-edit";

/** `<c …>` (any prefix), then the cell's `t` attribute and a `<v>` right after its start tag. */
const CELL = /<((?:[A-Za-z_][\w.-]*:)?)c(\s[^>]*)?>/g;
const SHARED = /\st\s*=\s*(["'])s\1/;
const VALUE = /\s*<((?:[A-Za-z_][\w.-]*:)?)v>\s*(\d+)\s*<\/\1v>/y;

/** Every shared-string reference in a sheet's text: where its number stands, and the number. */
function* references(text: string): Generator<{ at: number; end: number; index: number }> {
  CELL.lastIndex = 0;
  for (let m = CELL.exec(text); m; m = CELL.exec(text)) {
    const attrs = m[2] ?? "";
    // `<c …/>` holds no value.
    if (attrs.endsWith("/") || !SHARED.test(attrs)) continue;
    VALUE.lastIndex = CELL.lastIndex;
    const v = VALUE.exec(text);
    if (!v) continue;
    const digits = v[2] as string;
    const end = VALUE.lastIndex - `</${v[1] ?? ""}v>`.length;
    const at = text.lastIndexOf(digits, end);
    CELL.lastIndex = VALUE.lastIndex;
    yield { at, end: at + digits.length, index: Number(digits) };
  }
}

/**
 * How many times each shared string is used in a sheet's text; an edited sheet read piece by piece
 * (edits splice whole cells, so no cell spans two pieces).
 */
export function usedStrings(text: string | Pieces, into = new Map<number, number>()): Map<number, number> {
  for (const piece of typeof text === "string" ? [text] : text.list)
    for (const r of references(piece)) into.set(r.index, (into.get(r.index) ?? 0) + 1);
  return into;
}

/** The `<si>` items of a shared-strings part, as spans of its text. */
function items(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const open = /<((?:[A-Za-z_][\w.-]*:)?)si(?:\s[^>]*)?(\/)?>/g;
  for (let m = open.exec(text); m; m = open.exec(text)) {
    if (m[2]) {
      out.push({ start: m.index, end: open.lastIndex });
      continue;
    }
    const close = `</${m[1] ?? ""}si>`;
    const end = text.indexOf(close, open.lastIndex);
    if (end < 0) break;
    out.push({ start: m.index, end: end + close.length });
    open.lastIndex = end + close.length;
  }
  return out;
}

/** The workbook's shared-strings part, when it has one. */
function sharedStringsPart(book: Book): string | null {
  const rel = book.rels.rels.find((r) => !r.external && relKind(r.type) === "sharedStrings");
  if (!rel) return null;
  const folder = book.workbookPart.slice(0, book.workbookPart.lastIndexOf("/") + 1);
  const part = rel.target.startsWith("/") ? rel.target.slice(1) : `${folder}${rel.target}`;
  return book.pkg.has(part) ? part : null;
}

/**
 * After a clean: the strings the cleaned and removed sheets used before, and that no sheet uses now,
 * are taken out of the shared strings, every sheet's references renumbered and the counts updated.
 * Strings no sheet used before (a producer's own leftovers) stay: only what the clean removed goes.
 * Returns how many were taken out.
 */
export async function dropUnusedStrings(book: Book, touched: readonly string[]): Promise<number> {
  const part = sharedStringsPart(book);
  if (!part || touched.length === 0) return 0;
  const before = new Map<number, number>();
  for (const t of touched) usedStrings(await book.original(t), before);
  if (before.size === 0) return 0;
  const now = new Map<number, number>();
  const sheets: string[] = [];
  for (const i of book.wb.sheets.keys()) {
    if (book.wb.finalIndex(i) < 0) continue;
    const sheet = book.sheetPart(i);
    if (!sheet) continue;
    sheets.push(sheet);
    usedStrings(await book.current(sheet), now);
  }
  const sst = await book.text(part);
  const list = items(sst);
  const gone = new Set([...before.keys()].filter((k) => !now.has(k) && k < list.length));
  if (gone.size === 0) return 0;
  // New index of each old one: the old less the dropped before it.
  const shift = new Int32Array(list.length);
  let removed = 0;
  let first = list.length;
  for (let k = 0; k < list.length; k++) {
    if (gone.has(k)) {
      removed++;
      first = Math.min(first, k);
    }
    shift[k] = removed;
  }
  for (const sheet of sheets) {
    const text = renumbered(await book.current(sheet), first, shift);
    if (text) book.setText(sheet, text);
  }
  const kept: string[] = [];
  let from = 0;
  list.forEach((s, k) => {
    if (!gone.has(k)) return;
    kept.push(sst.slice(from, s.start));
    from = s.end;
  });
  kept.push(sst.slice(from));
  let total = 0;
  for (const n of now.values()) total += n;
  book.setText(part, recount(kept.join(""), list.length - gone.size, total));
  return gone.size;
}

/**
 * A sheet's text with every shared-string reference past `first` (and inside `shift`) lowered by
 * `shift`; null when none is. Renumbered piece by piece as the text stands (no cell spans two
 * pieces), never joined.
 */
export function renumbered(text: string | Pieces, first: number, shift: Int32Array): Pieces | null {
  const pieces: string[] = [];
  let changed = false;
  for (const piece of typeof text === "string" ? [text] : text.list) {
    let from = 0;
    for (const r of references(piece)) {
      if (r.index <= first || r.index >= shift.length) continue;
      pieces.push(piece.slice(from, r.at), String(r.index - (shift[r.index] as number)));
      from = r.end;
    }
    pieces.push(from === 0 ? piece : piece.slice(from));
    changed ||= from > 0;
  }
  return changed ? new Pieces(pieces) : null;
}

/** The `<sst>` start tag's `count` (references) and `uniqueCount` (items), where it states them. */
function recount(text: string, unique: number, count: number): string {
  return text.replace(/<((?:[A-Za-z_][\w.-]*:)?)sst\b[^>]*>/, (tag) =>
    tag
      .replace(/(\suniqueCount\s*=\s*)(["'])\d*\2/, `$1$2${unique}$2`)
      .replace(/(\scount\s*=\s*)(["'])\d*\2/, `$1$2${count}$2`)
  );
}
