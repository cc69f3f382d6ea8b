// The results in an officer's sheet, surgically (this file: pass A; write-sheet.ts: pass B): first what a clean would do (the cells the product
// still owns emptied or given back as they stood, widths, heights, merges and the print area as the
// officer had them), then the new results (cells, their looks as new formats, widths, heights,
// merges, names, the print area grown). A second run is thus a clean and a first run, and `clean`
// after a run gives back the parts as they were.
import { columnLetters, parseRange, qualifiedRange, rangeA1 } from "../core/model/a1";
import { textHash, type Fingerprint } from "../core/model/fingerprint";
import { NAME_PRINT_AREA } from "../core/model/owned";
import type { RangeRef } from "../core/model/snapshot";
import type { PrintAreaChange } from "../core/plans/format";
import { printAreaStep } from "../core/plans/print";
import type { Seen } from "../core/plans/record";
import type { WritePlan } from "../core/plans/write-plan";
import type { Book } from "./book";
import { colsWith, decodeExact, reref, type ExactRecord } from "./exact";
import { emptyEdits, setCell, SheetDoc, type CellEdit, type SheetEdits } from "./sheet-doc";
import { decodeEntities } from "../package/xml";
import { parseLooks, recordedLook, type Look } from "../core/model/looks-record";
import { recordedXf } from "./recorded-looks";

const PRINT_AREA = "_xlnm.Print_Area";

/** A cell taken out: one edit shared by every cell a clean empties. */
const CLEARED: CellEdit = Object.freeze({ raw: null });

/** A write waiting for its fingerprint (the style counts are known only once every sheet is written). */
export interface Pending {
  sheet: number;
  plan: WritePlan;
  seen: Seen;
  exact: ExactRecord;
}

export const within = (r: RangeRef, outer: RangeRef) =>
  r.top >= outer.top && r.bottom <= outer.bottom && r.left >= outer.left && r.right <= outer.right;

/** The sheet's print area name and the range it holds (`other`: several areas, whole columns…). */
export function printArea(book: Book, i: number) {
  const el = book.wb.namesOf(i).find((n) => n.name.toLowerCase() === PRINT_AREA.toLowerCase());
  const text = el ? decodeEntities(book.wb.nameRaw(el)) : null;
  const range: RangeRef | null | "other" =
    text === null ? null : (!text.includes(",") && parseRange(text)?.range) || "other";
  return { el, range };
}

export function dropNames(book: Book, i: number, names: string[]): void {
  const drop = new Set(names.map((n) => n.toLowerCase()));
  const sheet = book.wb.sheets[i]?.name ?? "";
  for (const n of book.wb.names) {
    if (!drop.has(n.name.toLowerCase())) continue;
    const scoped = n.localSheetId === i;
    const global = n.localSheetId === undefined && parseRange(n.text)?.sheet === sheet;
    if (scoped || global) book.wb.dropName(n);
  }
}

/** Pass A: what `plan` (a clean) says, on sheet `i`. */
export async function cleanSheet(
  book: Book,
  i: number,
  plan: WritePlan,
  record: Fingerprint | null
): Promise<void> {
  const part = book.sheetPart(i);
  if (!part) return;
  const x = decodeExact(record?.extra);
  const format = plan.format;
  const rows = (x?.r ?? []).filter(([r]) => plan.clear.some((c) => r >= c.top && r <= c.bottom));
  const heights = (format?.rowHeights ?? []).flatMap((h) => ("height" in h ? [h] : []));
  const interest = [
    ...plan.clear,
    ...rows.map(([r]) => ({ top: r, bottom: r, left: 1, right: 1 })),
    ...heights.map((h) => ({ top: h.row, bottom: h.row, left: 1, right: 1 })),
  ];
  // The text as an earlier edit of this write left it, in pieces: never joined into a second copy.
  const doc = new SheetDoc(await book.current(part), interest);
  const edits = emptyEdits();
  const orig = new Map<string, string>();
  for (const [r, c, n, raw] of x?.c ?? []) for (let k = 0; k < n; k++) orig.set(`${r + k}:${c}`, raw);
  const looked = x ? null : recordedLooks(book, doc.prefix, record);
  for (const range of plan.clear)
    for (const [r, row] of doc.rows) {
      if (r < range.top || r > range.bottom) continue;
      for (const c of row.cellCols())
        if (c >= range.left && c <= range.right) {
          const before = orig.get(`${r}:${c}`);
          const look = before === undefined ? (looked?.(r, c) ?? null) : null;
          setCell(
            edits,
            r,
            c,
            before !== undefined
              ? { raw: reref(before, `${columnLetters(c)}${r}`) }
              : look !== null
                ? { raw: look }
                : CLEARED
          );
        }
    }
  // A cell the pane's record gives a look that the saved sheet holds no element for: made.
  if (looked)
    for (const range of plan.clear)
      for (let r = range.top; r <= range.bottom; r++)
        for (let c = range.left; c <= range.right; c++) {
          const raw = doc.rows.get(r)?.cell(c) !== undefined ? null : looked(r, c);
          if (raw) setCell(edits, r, c, { raw });
        }
  const exactRows = new Set<number>();
  for (const [r, before, wrote] of rows) {
    if (doc.rowTag(r) !== wrote) continue;
    exactRows.add(r);
    edits.rows.set(
      r,
      before === null ? { attrs: { ht: null, customHeight: null }, dropIfEmpty: true } : { tag: before }
    );
  }
  for (const h of heights)
    if (!exactRows.has(h.row) && doc.rowTag(h.row) !== undefined)
      edits.rows.set(h.row, {
        attrs:
          h.height === null ? { ht: null, customHeight: null } : { ht: String(h.height), customHeight: "1" },
      });
  restoreCols(doc, edits, x, format?.widths ?? []);
  if (x?.d && doc.dimensionAt?.tag === x.d[1]) edits.dimension = x.d[0];
  const unmerge = format?.unmerge ?? [];
  if (unmerge.length) edits.merges = { add: [], remove: (m) => unmerge.some((u) => within(m, u)) };
  book.setText(part, doc.edited(edits));

  if (format?.printArea) restorePrintArea(book, i, format.printArea);
  dropNames(book, i, plan.removeNames);
}

/**
 * The pane's record of how the cells looked before its first write (the fingerprint's `L`; the CLI's
 * own exact record is `X`): each recorded cell as an empty cell in a format holding its look, as the
 * pane's *Xoá kết quả* gives it back. Null without such a record.
 */
function recordedLooks(
  book: Book,
  prefix: string,
  record: Fingerprint | null
): ((row: number, col: number) => string | null) | null {
  const rec = parseLooks(record?.looks);
  if (!rec || rec.looks.length === 0) return null;
  const xfs = new Map<Look, number>();
  return (row, col) => {
    const look = recordedLook(rec, row, col);
    if (!look) return null;
    let s = xfs.get(look);
    if (s === undefined) xfs.set(look, (s = recordedXf(book.styles, look)));
    return `<${prefix}c r="${columnLetters(col)}${row}" s="${s}"/>`;
  };
}

function restoreCols(
  doc: SheetDoc,
  edits: SheetEdits,
  x: ExactRecord | null,
  widths: { col: number; width: number | null }[]
): void {
  if (widths.length === 0) return;
  const k = x?.k;
  if (k) {
    const now = doc.cols.filter((c) => c.max >= k.lo && c.min <= k.hi).map((c) => c.raw);
    if (textHash(now.join("")) === k.wrote) {
      edits.cols = { lo: k.lo, hi: k.hi, raw: k.orig };
      return;
    }
  }
  const changed = colsWith(doc.cols, new Map(widths.map((w) => [w.col, w.width])), doc.prefix);
  if (changed) edits.cols = changed.edit;
}

function restorePrintArea(book: Book, i: number, change: PrintAreaChange): void {
  const { el, range } = printArea(book, i);
  const step = printAreaStep(change, range);
  if (!step.set || !el) return;
  const kept = book.wb.namesOf(i).find((n) => n.name.toLowerCase() === NAME_PRINT_AREA.toLowerCase());
  const sheet = book.wb.sheets[i]?.name ?? "";
  // The officer's own text, exactly as it was written, when it is the range to give back.
  const same = kept && rangeA1(parseRange(kept.text)?.range ?? step.set) === rangeA1(step.set);
  if (same && kept) book.wb.setNameText(el, kept.raw, true);
  else book.wb.setNameText(el, qualifiedRange(sheet, step.set));
}
