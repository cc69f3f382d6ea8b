// Where the officer's own formulas point at a sheet the product made: a `KQ` sheet referred to by a
// formula (`='KQ Tự đánh giá'!C12`) or by a name of the officer's is theirs to keep, since removing
// or renaming it would leave `#REF!` in their cells.
import { columnLetters } from "../core/model/a1";
import { isProductName } from "../core/model/owned";
import { decodeEntities } from "../package/xml";
import type { Book } from "./book";
import { attrOf } from "./xml-edit";

const FORMULA = /<((?:[A-Za-z_][\w.-]*:)?)f(?:\s[^>]*)?>([^<]*)<\/\1f>/g;

/** Whether a formula's text refers to the sheet (`'KQ X'!…`, or `KQ!…` for a plain name). */
export function refersTo(formula: string, sheet: string): boolean {
  const f = formula.toLocaleLowerCase("vi");
  const s = sheet.toLocaleLowerCase("vi");
  if (f.includes(`'${s.replace(/'/g, "''")}'!`)) return true;
  if (!/^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet)) return false;
  for (let at = f.indexOf(`${s}!`); at >= 0; at = f.indexOf(`${s}!`, at + 1)) {
    const before = f[at - 1];
    if (before === undefined || !/[\p{L}\p{N}_.'[]/u.test(before)) return true;
  }
  return false;
}

/** The address of the cell whose start tag ends just before `at` (`<c r="B7" …>`), else "". */
function cellBefore(text: string, at: number): string {
  const open = text.lastIndexOf("<", at - 1);
  const tag = open >= 0 ? text.slice(open, at) : "";
  const r = attrOf(tag, "r");
  if (r) return r;
  return "";
}

/**
 * The first place among the officer's sheets and names that refers to `sheet`: `'Tự đánh giá'!B50`
 * or a name; null when none does. `skip`: the sheets not to look in (the product's own).
 */
export async function officerReference(
  book: Book,
  sheet: string,
  skip: ReadonlySet<number>
): Promise<{ sheet: string; cell: string } | { name: string } | null> {
  for (const [i, s] of book.wb.sheets.entries()) {
    if (skip.has(i) || book.wb.finalIndex(i) < 0) continue;
    const part = book.sheetPart(i);
    if (!part) continue;
    const text = await book.text(part);
    FORMULA.lastIndex = 0;
    for (let m = FORMULA.exec(text); m; m = FORMULA.exec(text))
      if (m[2] && refersTo(decodeEntities(m[2]), sheet))
        return { sheet: s.name, cell: cellBefore(text, m.index) || columnLetters(1) };
  }
  for (const n of book.wb.names)
    if (!isProductName(n.name) && !n.name.startsWith("_xlnm.") && refersTo(n.text, sheet))
      return { name: n.name };
  return null;
}
