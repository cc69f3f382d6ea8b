// The criteria sheet's table, cell by cell: its header (`Mã | Nội dung | Loại | Mức 1 … | Minh chứng
// bắt buộc | Tiêu chuẩn | Tiêu chí | Điểm`), and what each cell of a row says.
import { bounds, cellAt, cellText, isBlank, rowCells, rowsBetween, type CellValue } from "../model/snapshot";
import type { SheetSnapshot } from "../model/snapshot";
import { fold } from "../model/text";
import { parseNumberText } from "../model/numbers";
import { MEASURES, type Layers, type Measure } from "./framework";

export const MEASURE_LABELS: Record<Measure, string> = {
  level: "Mức",
  percent: "Tỷ lệ",
  number: "Số",
  yesno: "Có/Không",
};

export function parseMeasure(value: CellValue): Measure | null {
  const f = fold(cellText(value)).replace(/\s/g, "");
  const found = MEASURES.find((m) => fold(MEASURE_LABELS[m]).replace(/\s/g, "") === f);
  if (found) return found;
  if (/^(mucdo|level)$/.test(f)) return "level";
  if (/^(tyle|%|phantram|percent)$/.test(f)) return "percent";
  if (/^(solieu|number|giatri)$/.test(f)) return "number";
  if (/^(co\/khong|cokhong|yes\/no|yesno)$/.test(f)) return "yesno";
  return null;
}

/** A word matched literally in a regular expression. */
export const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** `7`, `CB7`, `CB 07`, `Chỉ báo 7`, `Chỉ tiêu 7` → 7; `leaf` adds the set's own word. */
export function parseIndicatorCode(value: CellValue, leaf = "chi bao"): number | null {
  if (typeof value === "number") return Number.isInteger(value) && value > 0 ? value : null;
  const f = fold(cellText(value));
  const word = escape(leaf);
  const m = new RegExp(`^(?:(?:chi bao|chi tieu|cb|${word})\\s*)?0*(\\d{1,4})\\.?$`).exec(f);
  return m ? Number(m[1]) : null;
}

export type Column =
  | "code"
  | "title"
  | "measure"
  | "evidence"
  | "standard"
  | "criterion"
  | "points"
  | `level${number}`
  // The circulars' words, figures and standards (sheet-words.ts); `source` on a criterion's row.
  | `words${number}`
  | "letter"
  | "appliesTo"
  | "figures"
  | "standardReached"
  | "source";

/** The header words of the circulars' columns, as written and read. */
export const WORD_COLUMNS = {
  letter: "Ký hiệu",
  appliesTo: "Áp dụng cho",
  figures: "Số liệu cần đạt",
  standardReached: "Chuẩn cần đạt",
  source: "Căn cứ",
} as const;

/** Words a header cell may use, the set's own layer words among them. */
function headerColumn(text: string, layers: Layers): Column | null {
  const f = fold(text)
    .replace(/\(.*\)/g, "")
    .trim();
  const lvl = /^muc(?: do)?\s*(\d{1,2})$/.exec(f);
  if (lvl) return `level${Number(lvl[1])}`;
  const words = /^loi muc(?: do)?\s*(\d{1,2})$/.exec(f);
  if (words) return `words${Number(words[1])}`;
  const named = (Object.keys(WORD_COLUMNS) as (keyof typeof WORD_COLUMNS)[]).find(
    (k) => fold(WORD_COLUMNS[k]) === f
  );
  if (named) return named;
  if (/^(ma|ma chi bao|ma chi tieu|chi bao|stt|tt)$/.test(f)) return "code";
  if (/^(noi dung|ten chi bao|ten chi tieu|chi bao \/ noi dung)$/.test(f)) return "title";
  if (/^(loai|loai chi bao|cach do)$/.test(f)) return "measure";
  if (f.startsWith("minh chung")) return "evidence";
  if (f === "tieu chuan" || (layers.standard && f === fold(layers.standard.vi))) return "standard";
  if (f === "tieu chi" || f === fold(layers.criterion.vi)) return "criterion";
  if (/^diem( toi da)?$/.test(f)) return "points";
  return null;
}

export interface SheetHeader {
  row: number;
  cols: Map<Column, number>;
}

/** Rows searched for the header: a description block may sit above it. */
const HEADER_ROWS = 30;

/** The header: the first row near the top with a `Mã` and a `Mức 1` column. */
export function findHeader(sheet: SheetSnapshot, layers: Layers): SheetHeader | null {
  const first = bounds(sheet).firstRow;
  for (const r of rowsBetween(sheet, first, first + HEADER_ROWS - 1)) {
    const cols = new Map<Column, number>();
    for (const [c, cell] of rowCells(sheet, r)) {
      const col = headerColumn(cellText(cell.value), layers);
      if (col && !cols.has(col)) cols.set(col, c);
    }
    if (cols.has("code") && cols.has("level1")) return { row: r, cols };
  }
  return null;
}

/** How many threshold columns the header has (`Mức 1` … `Mức N` without a gap). */
export function thresholdColumns(header: SheetHeader): number {
  let n = 0;
  while (header.cols.has(`level${n + 1}`)) n++;
  return n;
}

/** `Có` / `Không` for the evidence column; undefined when blank, null when unreadable. */
export function parseYesNo(value: CellValue): boolean | null | undefined {
  if (isBlank(value)) return undefined;
  const f = fold(cellText(value));
  if (/^(co|x|yes|bat buoc)$/.test(f)) return true;
  if (/^(khong|no)$/.test(f)) return false;
  return null;
}

/** A number of zero or more (points), a positive whole number (a place in the tree); null otherwise. */
export function numberIn(value: CellValue): number | null {
  if (isBlank(value)) return null;
  return typeof value === "number" ? value : parseNumberText(cellText(value));
}

export function placeIn(value: CellValue): number | null {
  const n = numberIn(value);
  return n !== null && Number.isInteger(n) && n > 0 ? n : null;
}

/** A row's cell in a column of the header, blank when the header has no such column. */
export function cellOf(sheet: SheetSnapshot, header: SheetHeader, row: number, col: Column): CellValue {
  const c = header.cols.get(col);
  return c === undefined ? null : cellAt(sheet, row, c).value;
}
