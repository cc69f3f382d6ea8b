// `check --tham-dinh` (and the pane's equivalent): the council's columns added beside the commune's
// table for the district council to verify (circular 25/2023 Điều 9.2) — `Hội đồng thẩm định` over
// a copy of the commune's level columns (per-level `Đạt | Không đạt` pairs, one column per level, or
// the one level column), pre-filled with the commune's own answers for the council to change, and
// `Ý kiến của Hội đồng` for its notes. Once written they are the council's: the plan is `given` (no
// name, no fingerprint), so `clean` leaves them and a second run finds them and writes nothing.
import type { SheetCheck } from "../checks/sheet";
import { hasCouncilHeading } from "../checks/council";
import { say, type Lang } from "../model/lang";
import {
  cellAt,
  cellText,
  isBlank,
  type CellValue,
  rowCells,
  type PlanValue,
  type RangeRef,
  type SheetSnapshot,
} from "../model/snapshot";
import { isOwned } from "../model/owned";
import type { LevelColumn } from "../table/header";
import type { RowHeight, StyledRange } from "./format";
import type { WritePlan } from "./write-plan";

const HEADING = { vi: "Hội đồng thẩm định", en: "Hội đồng thẩm định" };
const NOTE = { vi: "Ý kiến của Hội đồng", en: "Ý kiến của Hội đồng" };
/** Widths in characters: a level column, the one level column, the note. */
const WIDTH = { pair: 10, single: 14, note: 30 };

/** The commune's answer as the council's copy holds it (a ticked box as `x`). */
function copied(v: CellValue): PlanValue {
  if (typeof v === "string" || typeof v === "number") return v;
  if (v === true) return "x";
  return v === false || isBlank(v) ? null : cellText(v);
}

const mergeAt = (sheet: SheetSnapshot, row: number, col: number) =>
  sheet.merges.find((m) => m.top <= row && m.bottom >= row && m.left <= col && m.right >= col);

/**
 * The first column right of the officer's cells and merges in the table's rows. The product's
 * earlier results (`owned`) do not count: they are taken out first, so the council's columns go right
 * beside the table and the results after them, with no gap where the old results were.
 */
function firstFree(
  sheet: SheetSnapshot,
  rows: { top: number; bottom: number; from: number },
  owned: RangeRef[]
) {
  let right = rows.from - 1;
  for (let r = rows.top; r <= rows.bottom; r++)
    for (const [c, cell] of rowCells(sheet, r))
      if (!isBlank(cell.value) && !isOwned(owned, r, c)) right = Math.max(right, c);
  const inside = (m: RangeRef) =>
    owned.some((o) => o.top <= m.top && o.left <= m.left && o.bottom >= m.bottom && o.right >= m.right);
  for (const m of sheet.merges)
    if (m.bottom >= rows.top && m.top <= rows.bottom && !inside(m)) right = Math.max(right, m.right);
  return right + 1;
}

/** The header's rows over the commune's level columns, copied beside them with the council's heading on top. */
function headerCells(
  sheet: SheetSnapshot,
  check: SheetCheck,
  commune: LevelColumn[],
  left: number,
  lang: Lang
): { values: Map<string, PlanValue>; merges: RangeRef[] } {
  const { headerRow, headerRows } = check.layout;
  const bottom = headerRow + headerRows - 1;
  const index = new Map(commune.map((c, i) => [c.col, i]));
  const values = new Map<string, PlanValue>();
  const merges: RangeRef[] = [];
  const heading = lang === "vi" ? HEADING.vi : HEADING.en;
  // The commune's level columns under one heading (`Kết quả tự đánh giá`, or the one level column):
  // the council's heading takes its place over all of the council's.
  const first = commune[0] as LevelColumn;
  const over = mergeAt(sheet, headerRow, first.col);
  const oneHeading =
    commune.length === 1 || commune.every((c) => mergeAt(sheet, headerRow, c.col) === over && over);
  let from = headerRow;
  if (oneHeading) {
    const down = Math.min(bottom, over ? over.bottom : headerRow);
    values.set(`${headerRow}:${left}`, heading);
    const area = { top: headerRow, left, bottom: down, right: left + commune.length - 1 };
    if (area.bottom > area.top || area.right > area.left) merges.push(area);
    from = down + 1;
  }
  for (let r = from; r <= bottom; r++)
    commune.forEach((c, i) => {
      const m = mergeAt(sheet, r, c.col);
      if (m && (m.top !== r || m.left !== c.col)) return;
      const text = cellAt(sheet, r, c.col).value;
      const own = text === null || text === undefined ? null : String(text);
      values.set(`${r}:${left + i}`, r === headerRow && own ? `${heading} – ${own}` : own);
      if (!m) return;
      const right = index.get(Math.min(m.right, (commune[commune.length - 1] as LevelColumn).col));
      const area = { top: r, left: left + i, bottom: Math.min(m.bottom, bottom), right: left + (right ?? i) };
      if (area.bottom > area.top || area.right > area.left) merges.push(area);
    });
  return { values, merges };
}

/** Each header row tall enough for the longest of the council's headings on it (across its merged columns). */
function headingHeights(
  head: { values: Map<string, PlanValue>; merges: RangeRef[] },
  top: number,
  bottom: number,
  widths: { pair: number; note: number }
): RowHeight[] {
  const out: RowHeight[] = [];
  for (let r = top; r <= bottom; r++) {
    let best: { range: RangeRef; text: string; width: number } | null = null;
    for (const [key, value] of head.values) {
      const [row, col] = key.split(":").map(Number) as [number, number];
      if (row !== r || typeof value !== "string" || col === widths.note) continue;
      const m = head.merges.find((x) => x.top === r && x.left === col);
      if (m && m.bottom > r) continue;
      const range = m ?? { top: r, left: col, bottom: r, right: col };
      const width = (range.right - range.left + 1) * widths.pair;
      if (!best || value.length / width > best.text.length / best.width) best = { range, text: value, width };
    }
    if (best) out.push({ row: r, fit: { range: best.range, text: best.text, bold: true } });
  }
  return out;
}

/** The headings, then the commune's answers on its targets' and criteria's rows; the numbering row (`(5) (6)`) blank. */
function columnValues(
  sheet: SheetSnapshot,
  check: SheetCheck,
  commune: LevelColumn[],
  at: { left: number; note: number; bottom: number; head: Map<string, PlanValue> }
): PlanValue[][] {
  const { layout, report, lastTableRow } = check;
  const answered = new Set([
    ...report.indicators.map((i) => i.row),
    ...[...report.criteria, ...report.standards].flatMap((g) => (g.row === null ? [] : [g.row])),
  ]);
  const values: PlanValue[][] = [];
  for (let r = layout.headerRow; r <= lastTableRow; r++) {
    const row: PlanValue[] = commune.map((c, i) =>
      r <= at.bottom
        ? (at.head.get(`${r}:${at.left + i}`) ?? null)
        : answered.has(r)
          ? copied(cellAt(sheet, r, c.col).value)
          : null
    );
    row.push(r <= at.bottom ? (at.head.get(`${r}:${at.note}`) ?? null) : null);
    values.push(row);
  }
  return values;
}

/**
 * The council's columns to add to a checked sheet, or null when the sheet already has them (the
 * council's entries are kept, even those its check cannot read: it is told why) or has no level
 * column to copy. `owned`: the product's earlier results
 * on the sheet (`ownedRanges`), which the caller takes out before writing these.
 */
export function planCouncilColumns(
  sheet: SheetSnapshot,
  check: SheetCheck,
  lang: Lang,
  owned: RangeRef[] = []
): WritePlan | null {
  if (hasCouncilHeading(sheet, check)) return null;
  const { layout, lastTableRow } = check;
  const commune: LevelColumn[] =
    layout.levelColumns ?? (layout.columns.level ? [{ col: layout.columns.level, level: 0 }] : []);
  if (commune.length === 0) return null;
  const left = firstFree(
    sheet,
    { top: layout.headerRow, bottom: lastTableRow, from: layout.right + 1 },
    owned
  );
  const note = left + commune.length;
  const head = headerCells(sheet, check, commune, left, lang);
  const bottom = layout.headerRow + layout.headerRows - 1;
  head.values.set(`${layout.headerRow}:${note}`, say(lang, NOTE.vi, NOTE.en));
  if (bottom > layout.headerRow) head.merges.push({ top: layout.headerRow, left: note, bottom, right: note });
  const values = columnValues(sheet, check, commune, { left, note, bottom, head: head.values });
  const whole = (col: number, like: number, style: StyledRange["style"] = {}): StyledRange => ({
    range: { top: layout.headerRow, left: col, bottom: lastTableRow, right: col },
    like: { col: like },
    style,
  });
  const styles: StyledRange[] = [
    ...commune.map((c, i) => whole(left + i, c.col)),
    whole(note, layout.columns.note ?? (commune[commune.length - 1] as LevelColumn).col, { wrap: true }),
    // The headings as the commune's header reads: bold, centred, wrapped.
    {
      range: { top: layout.headerRow, left, bottom, right: note },
      style: { bold: true, horizontal: "center", vertical: "middle", wrap: true, border: "thin" },
    },
  ];
  const width = commune.length === 1 ? WIDTH.single : WIDTH.pair;
  return {
    sheet: sheet.name,
    clear: [],
    blocks: [{ top: layout.headerRow, left, values }],
    names: [],
    removeNames: [],
    given: true,
    format: {
      widths: [...commune.map((_, i) => ({ col: left + i, width })), { col: note, width: WIDTH.note }],
      styles,
      merges: head.merges,
      unmerge: [],
      // The council's headings on their rows, wrapped within their columns.
      rowHeights: headingHeights(head, layout.headerRow, bottom, { pair: width, note }),
    },
  };
}
