// The results in an officer's sheet, surgically: first what a clean would do (the cells the product
// still owns emptied or given back as they stood, widths, heights, merges and the print area as the
// officer had them), then the new results (cells, their looks as new formats, widths, heights,
// merges, names, the print area grown). A second run is thus a clean and a first run, and `clean`
// after a run gives back the parts as they were.
import { columnLetters, contains, parseRange, qualifiedRange, rangeA1 } from "../core/model/a1";
import { textHash, type Fingerprint } from "../core/model/fingerprint";
import { COLUMN_NAMES, NAME_PRINT_AREA, NAME_RESULT_COLUMNS, ROW_NAMES } from "../core/model/owned";
import type { RangeRef } from "../core/model/snapshot";
import type { PrintAreaChange, StyledRange } from "../core/plans/format";
import { lineCount, rowPoints } from "../core/plans/measure";
import { printAreaStep } from "../core/plans/print";
import type { Seen } from "../core/plans/record";
import type { WritePlan } from "../core/plans/write-plan";
import type { Book } from "./book";
import { cellRuns, colsWith, decodeExact, reref, unref, type ExactRecord } from "./exact";
import { emptyEdits, setCell, SheetDoc, type SheetEdits } from "./sheet-doc";
import type { Look, Styles } from "./styles";
import { decodeEntities } from "../package/xml";
import { attrOf, withAttrs } from "./xml-edit";

const PRINT_AREA = "_xlnm.Print_Area";
/** The officer's own mapping survives a second run (only `clean` removes it). */
const MAPPING = new Set(
  [...Object.values(COLUMN_NAMES), ...Object.values(ROW_NAMES)].map((n) => n.toLowerCase())
);

/** A write waiting for its fingerprint (the style counts are known only once every sheet is written). */
export interface Pending {
  sheet: number;
  plan: WritePlan;
  seen: Seen;
  exact: ExactRecord;
}

const within = (r: RangeRef, outer: RangeRef) =>
  r.top >= outer.top && r.bottom <= outer.bottom && r.left >= outer.left && r.right <= outer.right;

/** The sheet's print area name and the range it holds (`other`: several areas, whole columns…). */
function printArea(book: Book, i: number) {
  const el = book.wb.namesOf(i).find((n) => n.name.toLowerCase() === PRINT_AREA.toLowerCase());
  const text = el ? decodeEntities(book.wb.nameRaw(el)) : null;
  const range: RangeRef | null | "other" =
    text === null ? null : (!text.includes(",") && parseRange(text)?.range) || "other";
  return { el, range };
}

function dropNames(book: Book, i: number, names: string[]): void {
  const drop = new Set(names.map((n) => n.toLowerCase()));
  const sheet = book.wb.sheets[i]?.name ?? "";
  for (const n of book.wb.names) {
    if (!drop.has(n.name.toLowerCase())) continue;
    const scoped = n.localSheetId === i;
    const global = n.localSheetId === undefined && parseRange(n.text)?.sheet === sheet;
    if (scoped || global) book.wb.dropName(n);
  }
}

/** Pass A: what `plan` (a clean) says, on sheet `i`; `keepMapping` for a second run. */
export async function cleanSheet(
  book: Book,
  i: number,
  plan: WritePlan,
  record: Fingerprint | null,
  opts: { keepMapping: boolean }
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
  const text = await book.text(part);
  const doc = new SheetDoc(text, interest);
  const edits = emptyEdits();
  const orig = new Map<string, string>();
  for (const [r, c, n, raw] of x?.c ?? []) for (let k = 0; k < n; k++) orig.set(`${r + k}:${c}`, raw);
  for (const range of plan.clear)
    for (const [r, row] of doc.rows) {
      if (r < range.top || r > range.bottom) continue;
      for (const c of row.cells.keys())
        if (c >= range.left && c <= range.right) {
          const before = orig.get(`${r}:${c}`);
          setCell(edits, r, c, {
            raw: before === undefined ? null : reref(before, `${columnLetters(c)}${r}`),
          });
        }
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
  const unmerge = format?.unmerge ?? [];
  if (unmerge.length) edits.merges = { add: [], remove: (m) => unmerge.some((u) => within(m, u)) };
  book.setText(part, doc.apply(edits));

  if (format?.printArea) restorePrintArea(book, i, format.printArea);
  dropNames(
    book,
    i,
    plan.removeNames.filter((n) => !(opts.keepMapping && MAPPING.has(n.toLowerCase())))
  );
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

// ---------------------------------------------------------------------------------------------
// Pass B

/** The format a cell shows now: its own, else its row's, else its column's, else the default. */
function formatAt(doc: SheetDoc, row: number, col: number): number {
  const cell = doc.cell(row, col);
  if (cell) return cell.s ?? 0;
  const tag = doc.rowTag(row);
  if (tag && ["1", "true"].includes(attrOf(tag, "customFormat") ?? ""))
    return parseInt(attrOf(tag, "s") ?? "0", 10) || 0;
  const c = doc.cols.find((x) => col >= x.min && col <= x.max);
  return c ? parseInt(attrOf(c.raw, "style") ?? "0", 10) || 0 : 0;
}

/** Each written cell's format: its look, laid over by bold rows and the plan's styles in order. */
class Looks {
  private readonly memo = new Map<string, number>();

  constructor(
    private readonly doc: SheetDoc,
    private readonly styles: Styles,
    private readonly plan: WritePlan
  ) {}

  xf(row: number, col: number, bold: boolean): number {
    const applied: StyledRange[] = (this.plan.format?.styles ?? []).filter((s) =>
      contains(s.range, row, col)
    );
    const sources = applied.map((s) => (s.like ? formatAt(this.doc, s.like.row ?? row, s.like.col) : -1));
    const own = formatAt(this.doc, row, col);
    const key = `${own}|${bold}|${applied.map((s, k) => `${sources[k]}:${JSON.stringify(s.style)}`).join("|")}`;
    let xf = this.memo.get(key);
    if (xf === undefined) {
      let look: Look = { ...this.styles.look(own), numFmtId: this.styles.look(own).numFmtId };
      if (bold) look = this.styles.styled(look, { bold: true });
      applied.forEach((s, k) => {
        if (s.like) look = { ...this.styles.look(sources[k] as number), numFmtId: look.numFmtId };
        look = this.styles.styled(look, s.style);
      });
      xf = this.styles.xf(look);
      this.memo.set(key, xf);
    }
    return xf;
  }

  size(xf: number): number {
    const m = /<(?:\w+:)?sz\s+val="([\d.]+)"/.exec(this.styles.look(xf).font);
    return m ? parseFloat(m[1] as string) : 11;
  }
}

const blockRange = (b: WritePlan["blocks"][number]): RangeRef => ({
  top: b.top,
  left: b.left,
  bottom: b.top + b.values.length - 1,
  right: b.left + Math.max(1, ...b.values.map((r) => r.length)) - 1,
});

/** Pass B: the plan's new results on sheet `i` (after cleanSheet); the fingerprint waits in the result. */
export async function writeSheet(
  book: Book,
  i: number,
  plan: WritePlan,
  styles: Styles
): Promise<Pending | null> {
  const part = book.sheetPart(i);
  if (!part) return null;
  const sheet = book.wb.sheets[i]?.name ?? "";
  const blocks = plan.blocks.map(blockRange);
  const styled = (plan.format?.styles ?? []).filter((s) => blocks.some((b) => within(s.range, b)));
  const likes = styled.flatMap((s) =>
    s.like
      ? [
          s.like.row !== undefined
            ? { top: s.like.row, bottom: s.like.row, left: s.like.col, right: s.like.col }
            : { ...s.range, left: s.like.col, right: s.like.col },
        ]
      : []
  );
  const doc = new SheetDoc(await book.text(part), [...blocks, ...likes]);
  const looks = new Looks(doc, styles, {
    ...plan,
    format: plan.format && { ...plan.format, styles: styled },
  });
  const edits = emptyEdits();
  const exact: ExactRecord = {};
  const before: { row: number; col: number; raw: string }[] = [];
  const fontSize = new Map<number, number>();
  plan.blocks.forEach((b, n) => {
    const range = blocks[n] as RangeRef;
    const bold = new Set(b.boldRows ?? []);
    for (let r = range.top; r <= range.bottom; r++)
      for (let c = range.left; c <= range.right; c++) {
        const value = b.values[r - range.top]?.[c - range.left] ?? null;
        const s = looks.xf(r, c, bold.has(r - range.top));
        if (c === range.left) fontSize.set(r, looks.size(s));
        const old = doc.cell(r, c);
        if (old) before.push({ row: r, col: c, raw: unref(old.raw) });
        setCell(edits, r, c, { write: { value, s } });
      }
  });
  if (before.length) exact.c = cellRuns(before);
  const seen: Seen = { widths: new Map(), heights: new Map() };

  // Widths of the columns written.
  const columns = plan.names.find((n) => n.name.toLowerCase() === NAME_RESULT_COLUMNS.toLowerCase())?.range;
  const widths = (plan.format?.widths ?? []).filter(
    (w) => w.width !== null && columns !== undefined && w.col >= columns.left && w.col <= columns.right
  );
  const width = new Map<number, number>();
  for (const w of widths) {
    const c = doc.cols.find((x) => w.col >= x.min && w.col <= x.max);
    const had = c ? parseFloat(attrOf(c.raw, "width") ?? "") : NaN;
    (seen.widths as Map<number, number | null>).set(w.col, Number.isFinite(had) ? had : null);
    width.set(w.col, w.width as number);
  }
  const cols = colsWith(doc.cols, width, doc.prefix);
  if (cols) {
    edits.cols = cols.edit;
    exact.k = {
      lo: cols.edit.lo,
      hi: cols.edit.hi,
      orig: cols.orig,
      wrote: textHash(cols.edit.raw.join("")),
    };
  }
  const widthOf = (c: number) => width.get(c) ?? doc.width(c);

  // Heights of the rows written.
  const rowTags: [number, string | null, string][] = [];
  for (const h of plan.format?.rowHeights ?? []) {
    if (!blocks.some((b) => h.row >= b.top && h.row <= b.bottom)) continue;
    let height: number | null;
    if ("height" in h) height = h.height;
    else {
      let w = 0;
      for (let c = h.fit.range.left; c <= h.fit.range.right; c++) w += widthOf(c);
      const size = fontSize.get(h.row) ?? 11;
      height = rowPoints(lineCount(h.fit.text, w, size, h.fit.bold), size);
    }
    edits.rows.set(h.row, {
      attrs: height === null ? { ht: null, customHeight: null } : { ht: String(height), customHeight: "1" },
    });
  }
  for (const r of new Set([...edits.cells.keys(), ...edits.rows.keys()])) {
    const tag = doc.rowTag(r);
    const attrs = edits.rows.get(r)?.attrs ?? {};
    const wrote = withAttrs(tag ?? `<${doc.prefix}row r="${r}">`, attrs);
    if (tag === undefined || wrote !== tag) rowTags.push([r, tag ?? null, wrote]);
    if (tag !== undefined && edits.rows.has(r)) {
      const ht = parseFloat(attrOf(tag, "ht") ?? "");
      const custom = ["1", "true"].includes(attrOf(tag, "customHeight") ?? "");
      (seen.heights as Map<number, number | null>).set(r, custom && Number.isFinite(ht) ? ht : null);
    }
  }
  if (rowTags.length) exact.r = rowTags;
  const merges = (plan.format?.merges ?? []).filter((m) => blocks.some((b) => within(m, b)));
  if (merges.length) edits.merges = { add: merges, remove: () => false };
  book.setText(part, doc.apply(edits));

  // Names: the blocks', then the print area grown.
  dropNames(
    book,
    i,
    plan.names.map((n) => n.name)
  );
  const at = book.wb.finalIndex(i);
  for (const n of plan.names)
    book.wb.addName({ name: n.name, sheet: at, text: qualifiedRange(sheet, n.range) });
  // The sheet is as the officer had it once cleaned: nothing recorded of an earlier run counts.
  const area = plan.format?.printArea;
  if (area?.kind === "extend") growPrintArea(book, i, at, { ...area, recorded: null, previous: null });
  const id = book.wb.sheets[i]?.sheetId;
  if (id) seen.sheetId = String(id);
  return { sheet: i, plan, seen, exact };
}

function growPrintArea(book: Book, i: number, at: number, change: PrintAreaChange): void {
  const { el, range } = printArea(book, i);
  const step = printAreaStep(change, range);
  const sheet = book.wb.sheets[i]?.name ?? "";
  const kept = book.wb.namesOf(i).find((n) => n.name.toLowerCase() === NAME_PRINT_AREA.toLowerCase());
  if ((step.record || step.dropRecord) && kept) book.wb.dropName(kept);
  if (step.record && el)
    book.wb.addName({ name: NAME_PRINT_AREA, sheet: at, text: book.wb.nameRaw(el), raw: true, hidden: true });
  if (step.set && el) book.wb.setNameText(el, qualifiedRange(sheet, step.set));
}
