// One worksheet part, read once for what the writer may touch (the rows and columns of the cells it
// writes or clears, the column widths, the merged ranges, where missing elements go) and edited by
// splicing: every other character of the part is copied as it is.
import { columnLetters, parseRange, rangeA1 } from "../core/model/a1";
import type { RangeRef } from "../core/model/snapshot";
import { WorkbookFileError } from "../reader/file-error";
import { XmlScanner } from "../package/xml";
import { attrOf, escapeText, Pieces, prefixOf, Splices, tagName, withAttrs } from "./xml-edit";

export interface CellAt {
  start: number;
  end: number;
  raw: string;
  s: number | null;
  /** It holds a value, a formula or a text: the officer's, never to be written over. */
  content: boolean;
}

/** A cell of a column asked for; its text sliced only when asked (a write reads few of them). */
class CellSpan implements CellAt {
  end = 0;
  content = false;

  constructor(
    private readonly text: string | Pieces,
    readonly col: number,
    readonly start: number,
    readonly s: number | null
  ) {}

  get raw(): string {
    return this.text.slice(this.start, this.end);
  }
}

/**
 * A row of the rows asked for: where it stands, its cells of the columns asked for and where a new
 * one goes. Light, as a second run asks for every row of a long table: arrays by the position of
 * the column in `cols` (shared by the rows asked for the same columns), no maps, no text copied.
 */
class RowAt {
  /** End of the start tag (the whole element when empty). */
  tagEnd: number;
  /** Start of the end tag (= tagEnd for an empty row). */
  closeStart: number;
  end: number;
  /** Cells in the row at all (asked for or not). */
  count = 0;
  /** Cells of the columns asked for, by their place in `cols`. */
  private found: (CellSpan | undefined)[] | null = null;
  /** Per column asked for: where a new cell goes (after the last cell left of it). */
  readonly anchors: number[];

  constructor(
    private readonly text: string | Pieces,
    readonly cols: readonly number[],
    readonly start: number,
    end: number,
    readonly empty: boolean
  ) {
    this.tagEnd = end;
    this.closeStart = end;
    this.end = end;
    this.anchors = cols.map(() => end);
  }

  /** The start tag, sliced when asked (held, it would be one more string a row). */
  get tag(): string {
    return this.text.slice(this.start, this.tagEnd);
  }

  cell(col: number): CellAt | undefined {
    const k = this.found ? this.cols.indexOf(col) : -1;
    return k < 0 ? undefined : (this.found as (CellSpan | undefined)[])[k];
  }

  anchor(col: number): number {
    return this.anchors[this.cols.indexOf(col)] as number;
  }

  /** The columns asked for that hold a cell, ascending. */
  cellCols(): number[] {
    const found = this.found;
    return found ? this.cols.filter((_, k) => found[k] !== undefined) : [];
  }

  /** A cell of column `col` ends: kept when asked for (`cell`); the columns right of it anchor after it. */
  ended(col: number, cell: CellSpan | null, end: number): void {
    const cols = this.cols;
    for (let k = 0; k < cols.length; k++) {
      const c = cols[k] as number;
      if (c > col) this.anchors[k] = end;
      else if (c === col && cell) {
        cell.end = end;
        (this.found ??= new Array<CellSpan | undefined>(cols.length))[k] = cell;
      }
    }
  }
}

export interface ColAt {
  min: number;
  max: number;
  start: number;
  end: number;
  raw: string;
}

/** A worksheet's elements after which `<mergeCells>` goes (CT_Worksheet's order). */
const BEFORE_MERGES = new Set([
  "sheetData",
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
]);

/** A cell's column: its reference's letters, else the one after the cell before it. */
const cellCol = (col: number | undefined, previous: number): number => (col ? col : previous + 1);

/** A value as a cell element: text inline (the shared strings stay untouched), numbers as numbers. */
export function cellXml(p: string, ref: string, value: string | number | null, s: number | null): string {
  return `<${p}c r="${ref}${cellTail(p, value, s)}`;
}

/** A cell element after its reference: the same for every cell of one value and format. */
function cellTail(p: string, value: string | number | null, s: number | null): string {
  const style = s === null || s === 0 ? "" : ` s="${s}"`;
  if (value === null) return `"${style}/>`;
  if (typeof value === "number")
    return `"${style}><${p}v>${Number.isFinite(value) ? String(value) : "0"}</${p}v></${p}c>`;
  return `"${style} t="inlineStr"><${p}is><${p}t xml:space="preserve">${escapeText(value)}</${p}t></${p}is></${p}c>`;
}

/**
 * Cell elements as `cellXml` writes them, each value and format's tail made once: a long table's
 * results repeat a few values, and each cell then costs its reference, not a copy of its element.
 */
class CellTexts {
  private readonly tails = new Map<string, string>();
  constructor(private readonly p: string) {}

  xml(ref: string, value: string | number | null, s: number | null): string {
    const key = `${s ?? ""}|${value === null ? "z" : typeof value === "number" ? "n" : "s"}${value ?? ""}`;
    let tail = this.tails.get(key);
    if (tail === undefined) {
      tail = cellTail(this.p, value, s);
      if (this.tails.size < 4096) {
        // One flat string, not the pieces the template made: it is kept, and shared.
        tail = tail.split("").join("");
        this.tails.set(key, tail);
      }
    }
    return `<${this.p}c r="${ref}${tail}`;
  }
}

export class SheetDoc {
  readonly rows = new Map<number, RowAt>();
  /** Rows asked for that the part lacks: where each would go, as runs of row numbers. */
  private readonly gaps: { from: number; to: number; at: number }[] = [];
  readonly cols: ColAt[] = [];
  colsAt: { start: number; end: number; empty: boolean } | null = null;
  merges: { ref: RangeRef; start: number; end: number }[] = [];
  /** `<mergeCells>`: its start tag's end, where its end tag starts, and where the element ends. */
  mergesAt: {
    start: number;
    tagEnd: number;
    close: number;
    end: number;
    empty: boolean;
    tag: string;
  } | null = null;
  /** `<dimension>`: the range the part says it uses (readers that trust it read no further). */
  dimensionAt: { start: number; end: number; tag: string; ref: RangeRef | null } | null = null;
  /** Where `<cols>` goes when absent: before `<sheetData>`. */
  private sheetDataStart = -1;
  sheetDataAt: { close: number; empty: boolean; start: number; end: number } | null = null;
  private mergesGoAt = -1;
  /** The prefix of the worksheet's elements (`x:` when the part writes `<x:c>`). */
  prefix = "";
  defaultWidth = 8.43;
  private readonly interest: RangeRef[];

  constructor(
    /** The part's text, or the pieces an earlier edit left (a second run's clean): never joined here. */
    readonly text: string | Pieces,
    interest: RangeRef[]
  ) {
    this.interest = interest.filter((r) => r.bottom >= r.top && r.right >= r.left);
    this.scan();
  }

  /** The columns asked for in a row, made once per set of ranges meeting it (rows share them). */
  private readonly colsMemo = new Map<string, number[]>();
  private colsFor(row: number): number[] {
    let key = "";
    this.interest.forEach((r, k) => {
      if (row >= r.top && row <= r.bottom) key += `${k},`;
    });
    let cols = this.colsMemo.get(key);
    if (cols) return cols;
    const set = new Set<number>();
    for (const r of this.interest)
      if (row >= r.top && row <= r.bottom) for (let c = r.left; c <= r.right; c++) set.add(c);
    cols = [...set].sort((a, b) => a - b);
    if (this.colsMemo.size < 1024) this.colsMemo.set(key, cols);
    return cols;
  }

  private wanted(row: number): boolean {
    return this.interest.some((r) => row >= r.top && row <= r.bottom);
  }

  /** The rows asked for between `from` and `to` (exclusive) that the part lacks go at `at`. */
  private gap(from: number, to: number, at: number): void {
    for (const r of this.interest) {
      const lo = Math.max(from + 1, r.top);
      const hi = Math.min(to - 1, r.bottom);
      if (lo <= hi) this.gaps.push({ from: lo, to: hi, at });
    }
  }

  private scan(): void {
    const t = this.text;
    let depth = 0;
    let inData = false;
    let rowNum = 0;
    let row: RowAt | null = null;
    let cell: CellSpan | null = null;
    let col = 0;
    let inCols = false;
    let inMerges = false;
    const scanner = new XmlScanner({
      open: (name, a, empty, start, end) => {
        depth++;
        if (depth === 1) this.prefix = prefixOf(tagName(t.slice(start, end)));
        if (depth === 2) {
          if (name === "sheetData") {
            inData = !empty;
            this.sheetDataStart = start;
            this.sheetDataAt = { start, end, close: end, empty };
          } else if (name === "cols") {
            inCols = !empty;
            this.colsAt = { start, end, empty };
          } else if (name === "mergeCells") {
            inMerges = !empty;
            this.mergesAt = { start, tagEnd: end, close: end, end, empty, tag: t.slice(start, end) };
          } else if (name === "dimension") {
            const ref = a.get("ref");
            const range = ref === undefined ? null : (parseRange(ref)?.range ?? null);
            this.dimensionAt = { start, end, tag: t.slice(start, end), ref: range };
          } else if (name === "sheetFormatPr") {
            const w = parseFloat(a.get("defaultColWidth") ?? "");
            const base = parseFloat(a.get("baseColWidth") ?? "");
            if (Number.isFinite(w)) this.defaultWidth = w;
            else if (Number.isFinite(base)) this.defaultWidth = base + 0.43 + (base === 8 ? 0 : 0.28);
          }
        } else if (depth === 3 && inData && name === "row") {
          const r = a.get("r");
          const n = r === undefined ? rowNum + 1 : parseInt(r, 10);
          if (!(n > rowNum))
            throw new WorkbookFileError("cannot-place", "", {
              vi: `các dòng của trang tính không theo thứ tự (dòng ${n} sau dòng ${rowNum}), nên không chèn được kết quả vào đúng chỗ: mở tệp trong Excel, lưu lại rồi chạy lại`,
              en: `the sheet's rows are out of order (row ${n} after row ${rowNum}), so the results cannot be placed: open the file in Excel, save it and run again`,
            });
          this.gap(rowNum, n, start);
          rowNum = n;
          col = 0;
          if (this.wanted(n)) {
            row = new RowAt(t, this.colsFor(n), start, end, empty);
            this.rows.set(n, row);
          } else row = null;
        } else if (depth === 4 && inData && name === "c") {
          col = cellCol(a.column("r"), col);
          if (row) {
            row.count++;
            // Only the columns asked for are kept (and told whether they hold content).
            const s = row.cols.includes(col) ? a.get("s") : undefined;
            cell = row.cols.includes(col)
              ? new CellSpan(t, col, start, s === undefined ? null : parseInt(s, 10))
              : null;
          }
        } else if (depth === 5 && cell && (name === "v" || name === "f" || name === "is"))
          cell.content = true;
        else if (depth === 3 && inCols && name === "col") {
          const min = parseInt(a.get("min") ?? "0", 10);
          const max = parseInt(a.get("max") ?? "0", 10);
          this.cols.push({ min, max, start, end, raw: t.slice(start, end) });
        } else if (depth === 3 && inMerges && name === "mergeCell") {
          const ref = parseRange(a.get("ref") ?? "")?.range;
          if (ref) this.merges.push({ ref, start, end });
        }
      },
      close: (name, start, end) => {
        if (depth === 4 && inData && row && name === "c") {
          row.ended(col, cell, end);
          cell = null;
        } else if (depth === 3 && inData && name === "row" && row) {
          row.closeStart = row.empty ? row.tagEnd : start;
          row.end = end;
        } else if (depth === 3 && inCols && name === "col") {
          const last = this.cols[this.cols.length - 1] as ColAt;
          last.end = end;
          last.raw = t.slice(last.start, end);
        } else if (depth === 2) {
          if (name === "sheetData") {
            inData = false;
            (this.sheetDataAt as NonNullable<SheetDoc["sheetDataAt"]>).close = start;
            this.gap(rowNum, Infinity, start);
          } else if (name === "cols") {
            inCols = false;
            (this.colsAt as NonNullable<SheetDoc["colsAt"]>).end = end;
          } else if (name === "mergeCells") {
            inMerges = false;
            const m = this.mergesAt as NonNullable<SheetDoc["mergesAt"]>;
            m.close = start;
            m.end = end;
          }
          if (BEFORE_MERGES.has(name)) this.mergesGoAt = end;
        }
        depth--;
      },
    });
    if (typeof t === "string") scanner.write(t);
    else for (const run of t.runs()) scanner.write(run);
    scanner.end();
  }

  cell(row: number, col: number): CellAt | undefined {
    return this.rows.get(row)?.cell(col);
  }

  rowTag(row: number): string | undefined {
    return this.rows.get(row)?.tag;
  }

  /** The column's width in characters as the sheet shows it. */
  width(col: number): number {
    const c = this.cols.find((x) => col >= x.min && col <= x.max);
    const w = c ? parseFloat(attrOf(c.raw, "width") ?? "") : NaN;
    const hidden = c ? attrOf(c.raw, "hidden") : undefined;
    if (hidden === "1" || hidden === "true") return 0;
    return Number.isFinite(w) ? w : this.defaultWidth;
  }

  private gapAt(row: number): number {
    const g = this.gaps.find((x) => row >= x.from && row <= x.to);
    if (!g) throw new Error(`row ${row} was not asked for`);
    return g.at;
  }

  /** The text with the edits applied. */
  apply(edits: SheetEdits): string {
    return this.edited(edits).toString();
  }

  /** The text with the edits applied, as pieces (a large sheet is written out without joining them). */
  edited(edits: SheetEdits): Pieces {
    const splices = new Splices();
    const p = this.prefix;
    const created = new Map<number, string[]>();
    const rows = new Set(edits.cells.keys());
    for (const r of edits.rows.keys()) rows.add(r);
    const none: RowCellEdits = [];
    const elements = new CellTexts(p);
    for (const r of [...rows].sort((a, b) => a - b)) {
      const at = this.rows.get(r);
      const cells = edits.cells.get(r) ?? none;
      const rowEdit = edits.rows.get(r);
      const texts: string[] = [];
      let kept = at?.count ?? 0;
      const changes: { start: number; end: number; text: string }[] = [];
      for (const [c, e] of inOrder(cells)) {
        const old = at?.cell(c);
        const text =
          "write" in e
            ? elements.xml(`${columnLetters(c)}${r}`, e.write.value, e.write.s)
            : e.raw === null
              ? ""
              : e.raw;
        if (old) {
          if ("write" in e && old.content && !e.over)
            throw new WorkbookFileError("cannot-place", "", {
              vi: `ô ${columnLetters(c)}${r}, nơi ghi kết quả, có nội dung của cán bộ mà bảng không cho thấy (thường là công thức dùng chung hoặc công thức mảng trải qua cột đó): không ghi đè; chuyển hoặc xoá công thức đó rồi chạy lại`,
              en: `cell ${columnLetters(c)}${r}, where a result goes, holds the officer's content the table does not show (usually a shared or array formula spanning that column): it is not written over; move or delete that formula and run again`,
            });
          if (text === "") kept--;
          changes.push({ start: old.start, end: old.end, text });
        } else if (text !== "") {
          kept++;
          if (at) changes.push({ start: at.anchor(c), end: at.anchor(c), text });
          else texts.push(text);
        }
      }
      if (!at) {
        if (texts.length === 0) continue;
        const tag = withAttrs(`<${p}row r="${r}">`, rowEdit?.attrs ?? {});
        const list = created.get(this.gapAt(r)) ?? [];
        list.push(`${tag}${texts.join("")}</${p}row>`);
        created.set(this.gapAt(r), list);
        continue;
      }
      if (rowEdit?.dropIfEmpty && kept === 0) {
        splices.replace(at.start, at.end, "");
        continue;
      }
      for (const ch of changes) splices.replace(ch.start, ch.end, ch.text);
      const tag = rowEdit?.tag ?? (rowEdit?.attrs ? withAttrs(at.tag, rowEdit.attrs) : at.tag);
      if (at.empty && changes.some((ch) => ch.text !== "")) {
        // `<row r="5"/>` gains cells: it opens and closes around them.
        const open = tag.replace(/\s*\/>$/, ">");
        splices.replace(at.start, at.tagEnd, open);
        splices.insert(at.tagEnd, `</${tagName(at.tag)}>`);
      } else if (tag !== at.tag) splices.replace(at.start, at.tagEnd, tag);
    }
    for (const [at, list] of created) {
      if (this.sheetDataAt?.empty && at === this.sheetDataAt.start) {
        const open = this.text.slice(this.sheetDataAt.start, this.sheetDataAt.end).replace(/\s*\/>$/, ">");
        splices.replace(
          this.sheetDataAt.start,
          this.sheetDataAt.end,
          `${open}${list.join("")}</${p}sheetData>`
        );
      } else splices.insert(at, list.join(""));
    }
    if (edits.cols) this.colEdits(edits.cols, splices);
    if (edits.merges) this.mergeEdits(edits.merges, splices);
    if (edits.dimension !== undefined && this.dimensionAt)
      splices.replace(this.dimensionAt.start, this.dimensionAt.end, edits.dimension);
    return splices.pieces(this.text);
  }

  /** Replaces the `<col>` elements meeting columns lo…hi with `raw` (all gone when `raw` is empty). */
  private colEdits(e: ColsEdit, splices: Splices): void {
    const p = this.prefix;
    const meeting = this.cols.filter((c) => c.max >= e.lo && c.min <= e.hi);
    const body = e.raw.join("");
    if (meeting.length > 0) {
      const first = meeting[0] as ColAt;
      const last = meeting[meeting.length - 1] as ColAt;
      const all = meeting.length === this.cols.length && this.colsAt && !e.keepEmpty;
      if (all && body === "")
        splices.replace((this.colsAt as { start: number }).start, (this.colsAt as { end: number }).end, "");
      else splices.replace(first.start, last.end, body);
      return;
    }
    if (body === "") return;
    if (!this.colsAt) {
      splices.insert(this.sheetDataStart, `<${p}cols>${body}</${p}cols>`);
      return;
    }
    const after = this.cols.find((c) => c.min > e.hi);
    if (after) splices.insert(after.start, body);
    else if (this.colsAt.empty) {
      const open = this.text.slice(this.colsAt.start, this.colsAt.end).replace(/\s*\/>$/, ">");
      splices.replace(this.colsAt.start, this.colsAt.end, `${open}${body}</${p}cols>`);
    } else splices.insert(this.text.lastIndexOf("<", this.colsAt.end - 1), body);
  }

  private mergeEdits(e: MergeEdits, splices: Splices): void {
    const p = this.prefix;
    const removed = this.merges.filter((m) => e.remove(m.ref));
    const left = this.merges.length - removed.length + e.add.length;
    // Every merge gone: the element goes whole (it must hold at least one), not merge by merge.
    if (!(this.mergesAt && left === 0 && !e.keepEmpty))
      for (const m of removed) splices.replace(m.start, m.end, "");
    const added = e.add.map((r) => `<${p}mergeCell ref="${rangeA1(r)}"/>`).join("");
    const at = this.mergesAt;
    if (!at) {
      if (added) splices.insert(this.mergesGoAt, `<${p}mergeCells count="${left}">${added}</${p}mergeCells>`);
      return;
    }
    if (left === 0 && !e.keepEmpty) {
      // Every merge gone: so is the element (it must hold at least one).
      splices.replace(at.start, at.end, "");
      return;
    }
    const count = attrOf(at.tag, "count") === undefined ? undefined : String(left);
    if (removed.length === 0 && added === "") return;
    const tag = withAttrs(at.tag, { count });
    if (at.empty)
      splices.replace(at.start, at.end, `${tag.replace(/\s*\/>$/, ">")}${added}</${p}mergeCells>`);
    else {
      if (tag !== at.tag) splices.replace(at.start, at.tagEnd, tag);
      if (added) splices.insert(at.close, added);
    }
  }
}

/** A row's cell edits as [column, edit] by column, ascending (as set, most often: then nothing is sorted). */
function inOrder(cells: RowCellEdits): [number, CellEdit][] {
  const out: [number, CellEdit][] = [];
  let sorted = true;
  for (let k = 0; k < cells.length; k += 2) {
    const c = cells[k] as number;
    if (out.length && c < (out[out.length - 1] as [number, CellEdit])[0]) sorted = false;
    out.push([c, cells[k + 1] as CellEdit]);
  }
  return sorted ? out : out.sort((a, b) => a[0] - b[0]);
}

/** A cell written (value and format: `s` null writes none) or given back as it was (`raw`; null: no element). */
export type CellEdit =
  { write: { value: string | number | null; s: number | null }; over?: boolean } | { raw: string | null };

export interface RowEdit {
  /** Attributes to set (string) or remove (null) on the row's start tag. */
  attrs?: Record<string, string | null>;
  /** The start tag as it was, given back whole. */
  tag?: string;
  /** Remove the row when no cell is left in it (a row the product made). */
  dropIfEmpty?: boolean;
}

export interface ColsEdit {
  lo: number;
  hi: number;
  /** The `<col>` elements to stand for columns lo…hi (and whatever the old ones covered). */
  raw: string[];
  /** Keep `<cols>` even when it ends up empty (never: Excel needs at least one). */
  keepEmpty?: boolean;
}

export interface MergeEdits {
  add: RangeRef[];
  remove: (ref: RangeRef) => boolean;
  keepEmpty?: boolean;
}

/**
 * One row's cell edits, column and edit after each other: a long table's second run edits every
 * row, and a map per row cost some 250 bytes a row.
 */
export type RowCellEdits = (number | CellEdit)[];

export interface SheetEdits {
  /** By row. */
  cells: Map<number, RowCellEdits>;
  rows: Map<number, RowEdit>;
  cols?: ColsEdit;
  merges?: MergeEdits;
  /** The `<dimension>` element written instead of the part's. */
  dimension?: string;
}

export function emptyEdits(): SheetEdits {
  return { cells: new Map(), rows: new Map() };
}

export function setCell(edits: SheetEdits, row: number, col: number, e: CellEdit): void {
  const r = edits.cells.get(row);
  if (!r) {
    edits.cells.set(row, [col, e]);
    return;
  }
  for (let k = 0; k < r.length; k += 2)
    if (r[k] === col) {
      r[k + 1] = e;
      return;
    }
  // A new array of just the size (push would make room for 17 more).
  edits.cells.set(row, r.concat(col, e));
}
