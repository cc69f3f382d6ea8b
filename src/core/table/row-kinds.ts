// What a row under the header is, by what it holds, with no criteria set needed: the column-number
// row (`(1) (2) …`), a repeated header, a section or indicator row, or the first row of what follows
// the table (a date line, a signature title, `Nơi nhận:`, a second table's title or header).
import { cellText, isBlank, rowCellsInto, type Cell, type SheetSnapshot } from "../model/snapshot";
import { fold, romanToNumber } from "../model/text";
import type { CellReader, TableLayout } from "./header";
import { headerScore } from "./header-words";

export type RowKind = "standard" | "criterion" | "indicator";

/** A section or indicator row as its code says: a keyword, a Roman numeral, or a dotted number. */
export type CodedRow =
  { kind: RowKind; code: string; carried: number | null } | { kind: "dotted"; code: string; depth: number };

/** What the row tests read of a row's texts: a Map, or a RowTexts. */
export type RowTextsLike = Pick<
  ReadonlyMap<number, string>,
  "size" | "get" | "values" | typeof Symbol.iterator
>;

/**
 * One row's non-blank texts by column. Refilled row after row by a pass down a long table, its
 * arrays keeping their room (a Map and an iterator a row were some 110 MB of allocation on
 * 100,000 rows).
 */
export class RowTexts implements RowTextsLike {
  /** Columns in the row's order and their texts, the first `size` of each. */
  readonly cols: number[] = [];
  readonly list: string[] = [];
  size = 0;

  /** Empties the row and fills it with the non-blank texts of `cols` and `cells`' first `count`. */
  fill(row: number, at: CellReader, cols: readonly number[], cells: readonly Cell[], count: number): void {
    let n = 0;
    for (let k = 0; k < count; k++) {
      const c = cols[k] as number;
      const t = cellText((at.plain ? (cells[k] as Cell) : at(row, c)).value);
      if (t) {
        this.cols[n] = c;
        this.list[n++] = t;
      }
    }
    this.size = n;
  }

  get(col: number): string | undefined {
    for (let k = 0; k < this.size; k++) if (this.cols[k] === col) return this.list[k];
    return undefined;
  }

  *values(): MapIterator<string> {
    for (let k = 0; k < this.size; k++) yield this.list[k] as string;
  }

  *[Symbol.iterator](): MapIterator<[number, string]> {
    for (let k = 0; k < this.size; k++) yield [this.cols[k] as number, this.list[k] as string];
  }
}

// One row's cells as stored, refilled by each call (texts never calls itself).
const rowCols: number[] = [];
const rowCellList: Cell[] = [];

/** The non-blank texts of one row, by column, read through the officer's cells (into `out`, emptied first). */
export function texts(sheet: SheetSnapshot, at: CellReader, row: number, out = new RowTexts()): RowTexts {
  const count = rowCellsInto(sheet, row, rowCols, rowCellList);
  out.fill(row, at, rowCols, rowCellList, count);
  // The cells are the snapshot's: none kept alive here once read.
  for (let k = 0; k < count; k++) rowCellList[k] = NONE;
  return out;
}
const NONE: Cell = { value: null };

// A number the row carries, unless it is the start of a dotted code (`Chỉ tiêu 1.2`: by order).
const N = "(\\d+(?!\\d|\\.\\d))?";
const KEYWORDS: [RegExp, RowKind][] = [
  [/^tieu chuan\b\s*(\d+(?!\d|\.\d)|[ivx]+\b)?/, "standard"],
  [new RegExp(`^tieu chi\\b\\s*${N}`), "criterion"],
  [new RegExp(`^(?:chi bao|chi tieu)\\b\\s*${N}`), "indicator"],
  [/^(?:cb|ct)\s*\.?\s*(?=\d)(\d+(?!\d|\.\d))?/, "indicator"],
];

function keyword(text: string): { kind: RowKind; number: number | null } | null {
  const f = fold(text);
  for (const [re, kind] of KEYWORDS) {
    const m = re.exec(f);
    if (m) return { kind, number: m[1] ? Number(m[1]) || romanToNumber(m[1]) : null };
  }
  return null;
}

const DOTTED = /^\d{1,3}(\.\d{1,3})*\.?$/;

/** The row's kind from its code cell (or the start of its content), when either says it. */
export function codedRow(code: string, content: string): CodedRow | null {
  const kw = keyword(code) ?? keyword(content);
  if (kw)
    return {
      kind: kw.kind,
      code: code || content.split(/[:–-]|\.(?!\d)/)[0]?.trim() || content,
      carried: kw.number,
    };
  if (code && romanToNumber(code) !== null) return { kind: "standard", code, carried: null };
  if (DOTTED.test(code)) return { kind: "dotted", code, depth: code.replace(/\.$/, "").split(".").length };
  return null;
}

const NUMBER_TOKEN = /^\(?\s*(\d{1,2}|[a-z])\s*\)?$/i;

/** `(1) (2) … (6)`, `1 2 3 …`, `A B C …`: the row numbering the header's columns. */
export function isColumnNumbers(row: RowTextsLike): boolean {
  if (row.size < 3) return false;
  // Most rows fail on their first text: no list made for them.
  if (row instanceof RowTexts && !NUMBER_TOKEN.test(row.list[0] as string)) return false;
  const tokens = [...row.values()];
  return tokens.every((t) => NUMBER_TOKEN.test(t)) && new Set(tokens).size === tokens.length;
}

const SIGNATURE = [
  /^(t\/m|tm\.|kt\.|tl\.|tuq\.|q\.)\s*\S/,
  /^tm\s+(uy ban|ubnd)/,
  /^(nguoi lap( bieu)?|nguoi tong hop|chu tich|pho chu tich|truong phong|pho truong phong|giam doc|pho giam doc|thu truong( don vi)?|xac nhan( cua .*)?|noi nhan)\s*:?$/,
  /^\((ky|da ky)\b.*\)$/,
  /^([^,]{0,40},?\s*)?ngay\b[\s\d.…_/]*thang\b[\s\d.…_]*nam\b[\s\d.…_]*$/,
];
const LIST_TITLE = /^((\d+|[ivx]+)[.)]\s*)?(danh muc|danh sach|phu luc|bang ke)\b/;

/** A row that is not the table's any more: the signature block, or another table's title or header. */
export function endsTable(row: RowTextsLike): boolean {
  const folded = [...row.values()].map((t) => fold(t)).filter((f) => f.length <= 80);
  if (folded.some((f) => SIGNATURE.some((re) => re.test(f)))) return true;
  if (new Set(folded).size === 1 && LIST_TITLE.test(folded[0] as string)) return true;
  // A second table's header: its number column's title, beside another header word.
  const coded = folded.some((f) => headerScore(f)?.role === "code");
  return coded && row.size >= 2;
}

/** The same words in the same columns as the header: a header repeated on the next page. */
export function repeatsHeader(row: RowTextsLike, header: RowTextsLike): boolean {
  if (row.size !== header.size) return false;
  if (row instanceof RowTexts) {
    for (let k = 0; k < row.size; k++)
      if (fold(header.get(row.cols[k] as number) ?? "") !== fold(row.list[k] as string)) return false;
    return true;
  }
  for (const [c, t] of row) if (fold(header.get(c) ?? "") !== fold(t)) return false;
  return true;
}

/** An uncoded row filled in like an indicator (its content, and a level or evidence) is one. */
export function filledLikeIndicator(
  layout: TableLayout,
  at: CellReader,
  row: number,
  content: string
): boolean {
  if (!content) return false;
  const { level, evidence } = layout.columns;
  const cols = [...(layout.levelColumns ?? []).map((l) => l.col), level, evidence];
  return cols.some((c) => c !== undefined && !isBlank(at(row, c).value));
}
