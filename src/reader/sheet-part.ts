// One worksheet part → a sparse SheetSnapshot: only cells that hold something are kept, in one
// pass over the part's XML, with Excel's own bounds on rows, columns and text enforced as it goes.
import { a1, parseRange } from "../core/model/a1";
import {
  PackedSheetBuilder,
  type CellValue,
  type RangeRef,
  type SheetSnapshot,
} from "../core/model/snapshot";
import { PackageError } from "../package/limits";
import { readXmlPart } from "../package/opc";
import type { ByteAttributes, XmlAttributes, XmlByteHandler } from "../package/xml";
import type { PackageReader } from "../package/zip-read";
import { isDateFormat, isoDate, serialToDate, unescapeX } from "./cell-values";
import { tooLarge, type ReaderLimits } from "./limits";

export interface SheetContext {
  strings: readonly string[];
  formats: readonly (string | undefined)[];
  date1904: boolean;
  limits: ReaderLimits;
  /** Cells stored so far in the workbook, against `limits.cells`. */
  cells: { count: number };
}

const AMP = 38;

/**
 * The column of an `A1`-style reference in bytes (its letters; the row comes from the `<row>`), 0
 * when it has none; -1 when it holds a character reference (read from its decoded text instead).
 */
function columnAt(b: Uint8Array, from: number, to: number): number {
  let col = 0;
  for (let i = from; i < to; i++) {
    const c = b[i] as number;
    if (c === AMP) return -1;
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else if (c === 36 /* $ */) continue;
    else break;
    if (col > 1e9) break; // far past XFD already; the caller refuses it
  }
  return col;
}

/** The same from a decoded text. */
function columnOf(ref: string): number {
  const b = Buffer.from(ref, "latin1");
  return Math.max(0, columnAt(b, 0, b.length));
}

/** A style index as parseInt reads it (leading digits), 0 when there are none; -1 for a character reference. */
function indexAt(b: Uint8Array, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (b[i] === AMP) return -1;
  let i = from;
  while (i < to && (b[i] === 32 || b[i] === 9 || b[i] === 10 || b[i] === 13)) i++;
  for (; i < to; i++) {
    const c = (b[i] as number) - 48;
    if (c < 0 || c > 9 || n > 1e9) break;
    n = n * 10 + c;
  }
  return n;
}

/** A row number: digits only, at most ten of them (past Excel's last row either way). */
function rowNumberAt(a: ByteAttributes, k: number): number {
  const b = a.bytes;
  const from = a.start(k);
  const to = a.end(k);
  let n = 0;
  let ok = to > from && to - from <= 10;
  for (let i = from; i < to && ok; i++) {
    const c = (b[i] as number) - 48;
    ok = c >= 0 && c <= 9;
    n = n * 10 + c;
  }
  if (ok) return n;
  // Written with character references (valid XML, if odd): its decoded text must be digits.
  const text = a.value(k);
  if (!/^\d{1,10}$/.test(text)) throw new PackageError(`bad row number “${text.slice(0, 20)}”`);
  return parseInt(text, 10);
}

/** A cell's `t`: the usual ones without decoding anything. */
function typeAt(a: ByteAttributes, k: number): string {
  const b = a.bytes;
  const from = a.start(k);
  const len = a.end(k) - from;
  const c = b[from];
  if (len === 1) {
    if (c === 115) return "s";
    if (c === 110) return "n";
    if (c === 98) return "b";
    if (c === 101) return "e";
    if (c === 100) return "d";
  } else if (len === 3 && c === 115 && b[from + 1] === 116 && b[from + 2] === 114) return "str";
  return a.value(k);
}

class CellReader {
  col = 0;
  style = 0;
  type: string | undefined;
  formula = false;
  /** Text of <v>, undefined when the cell has no <v> element. */
  v: string | undefined;
  inline = "";
  hasInline = false;

  /** One pass over the tag's attributes: `r`, `s` and `t` are all a cell says that matters. */
  reset(a: ByteAttributes, previous: number): void {
    let col = -1;
    this.style = 0;
    this.type = undefined;
    const b = a.bytes;
    for (let k = 0; k < a.size; k++) {
      const name = a.at[4 * k] as number;
      if ((a.at[4 * k + 1] as number) - name !== 1) continue;
      const c = b[name];
      if (c === 114 /* r */) {
        col = columnAt(b, a.start(k), a.end(k));
        if (col < 0) col = columnOf(a.value(k));
      } else if (c === 115 /* s */) {
        this.style = indexAt(b, a.start(k), a.end(k));
        if (this.style < 0) this.style = parseInt(a.value(k), 10) || 0;
      } else if (c === 116 /* t */) this.type = typeAt(a, k);
    }
    this.col = col < 0 ? previous + 1 : col;
    this.formula = false;
    this.v = undefined;
    this.inline = "";
    this.hasInline = false;
  }
}

const TEXT_IN = new Set(["v", "t", "f"]);

class SheetHandler implements XmlByteHandler {
  readonly textIn = TEXT_IN;
  readonly builder = new PackedSheetBuilder();
  readonly merges: RangeRef[] = [];
  private inData = false;
  private row = 0;
  private inCell = false;
  private readonly cell = new CellReader();
  private capture: "v" | "f" | "t" | null = null;
  private inIs = false;
  private phonetic = 0;

  constructor(
    private readonly name: string,
    private readonly ctx: SheetContext
  ) {}

  open(tag: string, a: ByteAttributes): void {
    if (this.inCell) return this.openInCell(tag, a);
    if (tag === "c" && this.inData) {
      if (this.row === 0) throw new PackageError("a cell outside any row");
      this.cell.reset(a, this.cell.col);
      const limit = this.ctx.limits.cols;
      if (this.cell.col > limit) throw tooLarge("cols", limit, this.cell.col, this.name);
      if (this.cell.col < 1)
        throw new PackageError(`bad cell reference “${(a.get("r") ?? "").slice(0, 20)}”`);
      this.inCell = true;
    } else if (tag === "row" && this.inData) {
      const k = a.find("r");
      this.row = k < 0 ? this.row + 1 : rowNumberAt(a, k);
      const limit = this.ctx.limits.rows;
      if (this.row > limit) throw tooLarge("rows", limit, this.row, this.name);
      if (this.row < 1) throw new PackageError("row 0");
      this.cell.col = 0;
    } else if (tag === "sheetData") this.inData = true;
    else if (tag === "mergeCell") this.merge(a.get("ref"));
  }

  private openInCell(tag: string, a: XmlAttributes): void {
    if (tag === "v") {
      this.capture = "v";
      this.cell.v ??= "";
    } else if (tag === "f") {
      this.capture = "f";
      // A shared formula's other cells carry only t="shared" and si: a formula all the same.
      if (a.size > 0 && a.get("t") !== undefined) this.cell.formula = true;
    } else if (tag === "is") this.inIs = true;
    else if (tag === "rPh") this.phonetic++;
    else if (tag === "t" && this.inIs && this.phonetic === 0) {
      this.capture = "t";
      this.cell.hasInline = true;
    }
  }

  text(t: string): void {
    const cap = this.capture;
    if (cap === "v") this.cell.v += t;
    else if (cap === "t") this.cell.inline += t;
    else if (cap === "f" && t !== "") this.cell.formula = true;
  }

  close(tag: string): void {
    if (!this.inCell) {
      if (tag === "sheetData") this.inData = false;
      return;
    }
    if (tag === "c") {
      this.inCell = false;
      this.store();
    } else if (tag === "is") this.inIs = false;
    else if (tag === "rPh") this.phonetic--;
    else if (tag === this.capture) this.capture = null;
  }

  private merge(ref: string | undefined): void {
    const parsed = ref === undefined ? null : parseRange(ref);
    if (!parsed || parsed.range.right > this.ctx.limits.cols || parsed.range.bottom > this.ctx.limits.rows)
      return;
    if (this.merges.length >= this.ctx.limits.merges)
      throw tooLarge("merges", this.ctx.limits.merges, this.merges.length + 1, this.name);
    this.merges.push(parsed.range);
  }

  private store(): void {
    const c = this.cell;
    const format = c.style > 0 ? this.ctx.formats[c.style] : undefined;
    let value: CellValue | undefined;
    if (c.formula) value = c.v === undefined ? undefined : this.result(c.v, format);
    else {
      value = this.plain(format);
      if (value === null) return;
    }
    const counter = this.ctx.cells;
    if (++counter.count > this.ctx.limits.cells)
      throw tooLarge("cells", this.ctx.limits.cells, counter.count);
    // A formula with no result: never computed (its format kept, as for any cell).
    if (value === undefined) this.builder.set(this.row, c.col, null, format, true);
    else this.builder.set(this.row, c.col, value, format);
  }

  /**
   * A formula's cached result. ExcelJS cannot tell `<v></v>` (a formula that gave "") from no
   * `<v>` at all (never computed); here the first is the empty text it is. A date format applies
   * to numbers only (ExcelJS turns a text result in a date-formatted cell into an Invalid Date).
   */
  private result(v: string, format: string | undefined): CellValue | undefined {
    switch (this.cell.type) {
      case "str":
        return this.bounded(v);
      case "b":
        return v === "" ? undefined : parseInt(v, 10) !== 0;
      case "e":
        return v === "" ? undefined : { error: v };
      default:
        return v === "" ? undefined : this.number(v, format);
    }
  }

  private plain(format: string | undefined): CellValue {
    const { v, type } = this.cell;
    if (type === "inlineStr") {
      if (this.cell.hasInline && this.cell.inline !== "") return this.bounded(unescapeX(this.cell.inline));
      return v ? this.bounded(v) : null;
    }
    if (!v) return null;
    switch (type) {
      case "s": {
        const s = this.ctx.strings[parseInt(v, 10)];
        if (s === undefined) throw new PackageError(`shared string ${v.slice(0, 12)} does not exist`);
        return s;
      }
      case "str":
        return this.bounded(v);
      case "b":
        return parseInt(v, 10) !== 0;
      case "e":
        return { error: v };
      case "d":
        return isoDate(v) ?? this.bounded(v);
      default:
        return this.number(v, format);
    }
  }

  private number(v: string, format: string | undefined): number | Date {
    const n = parseFloat(v);
    return isDateFormat(format) ? serialToDate(n, this.ctx.date1904) : n;
  }

  private bounded(s: string): string {
    const limit = this.ctx.limits.stringChars;
    if (s.length > limit)
      throw tooLarge("stringChars", limit, s.length, `${this.name}!${a1(this.row, this.cell.col)}`);
    return s;
  }
}

/**
 * Overlapping merges make a damaged file (Excel repairs it, ExcelJS refuses it): refused here too.
 * A sweep down the merges' top rows, those spanning it kept sorted by left edge: each new one
 * need only be compared with its two neighbours.
 */
export function overlappingMerges(merges: readonly RangeRef[]): boolean {
  const byTop = [...merges].sort((a, b) => a.top - b.top);
  let active: RangeRef[] = [];
  let soonestEnd = Infinity;
  for (const m of byTop) {
    if (soonestEnd < m.top) {
      active = active.filter((x) => x.bottom >= m.top);
      soonestEnd = Infinity;
      for (const x of active) soonestEnd = Math.min(soonestEnd, x.bottom);
    }
    let lo = 0;
    let hi = active.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((active[mid] as RangeRef).left <= m.left) lo = mid + 1;
      else hi = mid;
    }
    const before = active[lo - 1];
    const after = active[lo];
    if ((before && before.right >= m.left) || (after && after.left <= m.right)) return true;
    active.splice(lo, 0, m);
    soonestEnd = Math.min(soonestEnd, m.bottom);
  }
  return false;
}

/** Reads a worksheet part into a snapshot named `name`; merged-over cells are blanked, as Excel shows them. */
export async function readSheetPart(
  pkg: PackageReader,
  part: string,
  name: string,
  hidden: boolean,
  ctx: SheetContext
): Promise<SheetSnapshot> {
  const handler = new SheetHandler(name, ctx);
  await readXmlPart(pkg, part, handler);
  if (overlappingMerges(handler.merges)) throw new PackageError("merged ranges overlap", part);
  handler.builder.blankMerged(handler.merges);
  return handler.builder.build(name, handler.merges, hidden);
}
