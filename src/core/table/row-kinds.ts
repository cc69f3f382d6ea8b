// What a row under the header is, by what it holds, with no criteria set needed: the column-number
// row (`(1) (2) …`), a repeated header, a section or indicator row, or the first row of what follows
// the table (a date line, a signature title, `Nơi nhận:`, a second table's title or header).
import { cellText, isBlank, rowCells, type SheetSnapshot } from "../model/snapshot";
import { fold, romanToNumber } from "../model/text";
import type { CellReader, TableLayout } from "./header";
import { headerScore } from "./header-words";

export type RowKind = "standard" | "criterion" | "indicator";

/** A section or indicator row as its code says: a keyword, a Roman numeral, or a dotted number. */
export type CodedRow =
  { kind: RowKind; code: string; carried: number | null } | { kind: "dotted"; code: string; depth: number };

/** The non-blank texts of one row, by column, read through the officer's cells. */
export function texts(sheet: SheetSnapshot, at: CellReader, row: number): Map<number, string> {
  const out = new Map<number, string>();
  for (const [c, cell] of rowCells(sheet, row)) {
    const t = cellText((at.plain ? cell : at(row, c)).value);
    if (t) out.set(c, t);
  }
  return out;
}

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
export function isColumnNumbers(row: Map<number, string>): boolean {
  if (row.size < 3) return false;
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
export function endsTable(row: Map<number, string>): boolean {
  const folded = [...row.values()].map((t) => fold(t)).filter((f) => f.length <= 80);
  if (folded.some((f) => SIGNATURE.some((re) => re.test(f)))) return true;
  if (new Set(folded).size === 1 && LIST_TITLE.test(folded[0] as string)) return true;
  // A second table's header: its number column's title, beside another header word.
  const coded = folded.some((f) => headerScore(f)?.role === "code");
  return coded && row.size >= 2;
}

/** The same words in the same columns as the header: a header repeated on the next page. */
export function repeatsHeader(row: Map<number, string>, header: Map<number, string>): boolean {
  if (row.size !== header.size) return false;
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
