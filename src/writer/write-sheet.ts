// Pass B of a write into an officer's sheet (after `cleanSheet` took an earlier run's out): the
// plan's cells with their looks as new cell formats, the owned columns' widths, the block's heights
// and merges, the names and the print area grown. What was there before each change is kept for
// the fingerprint, so that `clean` gives it back exactly.
import { contains, qualifiedRange, rangeA1 } from "../core/model/a1";
import { textHash } from "../core/model/fingerprint";
import { NAME_PRINT_AREA, NAME_RESULT_COLUMNS } from "../core/model/owned";
import type { RangeRef } from "../core/model/snapshot";
import { boundingBox, type PrintAreaChange, type StyledRange } from "../core/plans/format";
import { lineCount, rowPoints } from "../core/plans/measure";
import { printAreaStep } from "../core/plans/print";
import type { Seen } from "../core/plans/record";
import { blockRange, type WritePlan } from "../core/plans/write-plan";
import type { Book } from "./book";
import { cellRuns, colsWith, unref, type ExactRecord } from "./exact";
import { dropNames, printArea, within, type Pending } from "./results";
import { emptyEdits, setCell, SheetDoc, type CellEdit, type SheetEdits } from "./sheet-doc";
import type { Look, Styles } from "./styles";
import { attrOf, withAttrs } from "./xml-edit";

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
  private readonly keys: string[];

  constructor(
    private readonly doc: SheetDoc,
    private readonly styles: Styles,
    private readonly ranges: StyledRange[]
  ) {
    this.keys = ranges.map((s) => JSON.stringify(s.style));
  }

  xf(row: number, col: number, bold: boolean): number {
    const applied: number[] = [];
    this.ranges.forEach((s, k) => contains(s.range, row, col) && applied.push(k));
    const sources = applied.map((k) => {
      const like = (this.ranges[k] as StyledRange).like;
      return like ? formatAt(this.doc, like.row ?? row, like.col) : -1;
    });
    const own = formatAt(this.doc, row, col);
    const key = `${own}|${bold}|${applied.map((k, n) => `${sources[n]}:${this.keys[k]}`).join("|")}`;
    let xf = this.memo.get(key);
    if (xf === undefined) {
      let look: Look = this.styles.look(own);
      if (bold) look = this.styles.styled(look, { bold: true });
      applied.forEach((k, n) => {
        const s = this.ranges[k] as StyledRange;
        if (s.like) look = { ...this.styles.look(sources[n] as number), numFmtId: look.numFmtId };
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

/** One write in progress: the sheet read, the edits queued, what was there before. */
interface Writing {
  plan: WritePlan;
  doc: SheetDoc;
  blocks: RangeRef[];
  edits: SheetEdits;
  exact: ExactRecord;
  seen: { widths: Map<number, number | null>; heights: Map<number, number | null> };
  /** The font size of each block row's first cell (for the heights fitted to text). */
  fontSize: Map<number, number>;
  /** The widths the write gives the owned columns. */
  width: Map<number, number>;
}

/** The plan's values, each cell in its new format; a cell element standing there is kept for clean. */
function writeCells(w: Writing, looks: Looks): void {
  const before: { row: number; col: number; raw: string }[] = [];
  // The same value in the same format is one edit, shared: a long table repeats a few.
  const shared = new Map<string, CellEdit>();
  const edit = (value: string | number | null, s: number): CellEdit => {
    const key = `${s}|${value === null ? "z" : typeof value === "number" ? "n" : "s"}${value ?? ""}`;
    let e = shared.get(key);
    if (!e) {
      e = { write: { value, s } };
      if (shared.size < 4096) shared.set(key, e);
    }
    return e;
  };
  w.plan.blocks.forEach((b, n) => {
    const range = w.blocks[n] as RangeRef;
    const bold = new Set(b.boldRows ?? []);
    for (let r = range.top; r <= range.bottom; r++)
      for (let c = range.left; c <= range.right; c++) {
        const s = looks.xf(r, c, bold.has(r - range.top));
        if (c === range.left) w.fontSize.set(r, looks.size(s));
        const old = w.doc.cell(r, c);
        if (old) before.push({ row: r, col: c, raw: unref(old.raw) });
        setCell(w.edits, r, c, edit(b.values[r - range.top]?.[c - range.left] ?? null, s));
      }
  });
  if (before.length) w.exact.c = cellRuns(before);
}

/** The owned columns' widths; the widths they had before go to the fingerprint. */
function writeWidths(w: Writing): void {
  const columns = w.plan.given
    ? (boundingBox(w.blocks) ?? undefined)
    : w.plan.names.find((n) => n.name.toLowerCase() === NAME_RESULT_COLUMNS.toLowerCase())?.range;
  for (const x of w.plan.format?.widths ?? []) {
    if (x.width === null || !columns || x.col < columns.left || x.col > columns.right) continue;
    const c = w.doc.cols.find((e) => x.col >= e.min && x.col <= e.max);
    const had = c ? parseFloat(attrOf(c.raw, "width") ?? "") : NaN;
    w.seen.widths.set(x.col, Number.isFinite(had) ? had : null);
    w.width.set(x.col, x.width);
  }
  const cols = colsWith(w.doc.cols, w.width, w.doc.prefix);
  if (!cols) return;
  w.edits.cols = cols.edit;
  w.exact.k = {
    lo: cols.edit.lo,
    hi: cols.edit.hi,
    orig: cols.orig,
    wrote: textHash(cols.edit.raw.join("")),
  };
}

/** The block's row heights (fitted to their text at the widths written); row tags before, for clean. */
function writeHeights(w: Writing): void {
  const widthOf = (c: number) => w.width.get(c) ?? w.doc.width(c);
  for (const h of w.plan.format?.rowHeights ?? []) {
    if (!w.blocks.some((b) => h.row >= b.top && h.row <= b.bottom)) continue;
    let height: number | null;
    if ("height" in h) height = h.height;
    else {
      let width = 0;
      for (let c = h.fit.range.left; c <= h.fit.range.right; c++) width += widthOf(c);
      const size = w.fontSize.get(h.row) ?? 11;
      height = rowPoints(lineCount(h.fit.text, width, size, h.fit.bold), size);
    }
    // Cells given to the officer (the council's headings) only ever make the officer's row taller.
    if (w.plan.given && height !== null && height <= givenRowHeight(w.doc.rowTag(h.row))) continue;
    w.edits.rows.set(h.row, {
      attrs: height === null ? { ht: null, customHeight: null } : { ht: String(height), customHeight: "1" },
    });
  }
  const tags: [number, string | null, string][] = [];
  for (const r of new Set([...w.edits.cells.keys(), ...w.edits.rows.keys()])) {
    const tag = w.doc.rowTag(r);
    const wrote = withAttrs(tag ?? `<${w.doc.prefix}row r="${r}">`, w.edits.rows.get(r)?.attrs ?? {});
    if (tag === undefined || wrote !== tag) tags.push([r, tag ?? null, wrote]);
    if (tag !== undefined && w.edits.rows.has(r)) {
      const ht = parseFloat(attrOf(tag, "ht") ?? "");
      const custom = ["1", "true"].includes(attrOf(tag, "customHeight") ?? "");
      w.seen.heights.set(r, custom && Number.isFinite(ht) ? ht : null);
    }
  }
  if (tags.length) w.exact.r = tags;
}

/** A row's height as the officer left it: its own, else about Excel's default. */
function givenRowHeight(tag: string | undefined): number {
  const ht = parseFloat((tag && attrOf(tag, "ht")) ?? "");
  return Number.isFinite(ht) ? ht : 15.75;
}

/** `<dimension>` grown to hold the blocks written (openpyxl's read-only mode reads no further). */
function growDimension(w: Writing): void {
  const dim = w.doc.dimensionAt;
  if (!dim?.ref || w.blocks.length === 0) return;
  const grown = { ...dim.ref };
  for (const b of w.blocks) {
    grown.top = Math.min(grown.top, b.top);
    grown.left = Math.min(grown.left, b.left);
    grown.bottom = Math.max(grown.bottom, b.bottom);
    grown.right = Math.max(grown.right, b.right);
  }
  if (rangeA1(grown) === rangeA1(dim.ref)) return;
  const tag = withAttrs(dim.tag, { ref: rangeA1(grown) });
  w.edits.dimension = tag;
  w.exact.d = [dim.tag, tag];
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
  const likes = styled.flatMap(({ like, range }) =>
    !like
      ? []
      : [
          like.row !== undefined
            ? { top: like.row, bottom: like.row, left: like.col, right: like.col }
            : { ...range, left: like.col, right: like.col },
        ]
  );
  // After cleanSheet, the cleaned text's pieces, read where they stand (never joined into a second copy).
  const doc = new SheetDoc(await book.current(part), [...blocks, ...likes]);
  const w: Writing = {
    plan,
    doc,
    blocks,
    edits: emptyEdits(),
    exact: {},
    seen: { widths: new Map(), heights: new Map() },
    fontSize: new Map(),
    width: new Map(),
  };
  writeCells(w, new Looks(doc, styles, styled));
  writeWidths(w);
  writeHeights(w);
  growDimension(w);
  const merges = (plan.format?.merges ?? []).filter((m) => blocks.some((b) => within(m, b)));
  if (merges.length) w.edits.merges = { add: merges, remove: () => false };
  book.setText(part, doc.edited(w.edits));

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
  const seen: Seen = { ...w.seen };
  const id = book.wb.sheets[i]?.sheetId;
  if (id) seen.sheetId = String(id);
  return { sheet: i, plan, seen, exact: w.exact };
}
