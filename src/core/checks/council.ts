// The council's verdict beside the commune's (circular 25/2023 Điều 9.2: the district council checks
// the dossier, and its own "bản tổng hợp … do Hội đồng đánh giá cấp huyện thẩm định" goes to the
// decision). The council writes its answer for each target in columns of its own headed `Hội đồng
// thẩm định` / `Thẩm định` — one column, or one per level under that heading — and may add a note
// column (`Ý kiến của Hội đồng`). Its result is the commune's table read again with the council's
// answers in place of the commune's: the same set, the same rules; every target where the two differ
// is listed at the council's cell.
import { a1 } from "../model/a1";
import type { Lang } from "../model/lang";
import {
  cellAt,
  cellText,
  type SheetSnapshot,
  type SnapshotRow,
  type WorkbookSnapshot,
} from "../model/snapshot";
import { fold } from "../model/text";
import { leafName, levelLabel } from "../sets/words";
import { levelOfHeader } from "../table/header-words";
import { checkSheet, type SheetCheck } from "./sheet";

/** Where the council answered: its column for each of the commune's level columns, and its note column. */
export interface CouncilColumns {
  /** Pairs of the commune's column and the council's, one per level column (one pair for a single level column). */
  pairs: { commune: number; council: number; level: number | null }[];
  note: number | null;
}

export interface Difference {
  /** The target as the set words it: `chỉ tiêu 3.2`. */
  target: string;
  row: number;
  /** The council's cell (A1). */
  cell: string;
  commune: string;
  council: string;
  /** What the council wrote in its note column on the target's row. */
  note: string;
  /** The target's level as each reads it. */
  communeLevel: number | null;
  councilLevel: number | null;
}

/** Plain data: crosses threads and goes into --json. */
export interface Verdict {
  /** The council's columns, by letter. */
  columns: string[];
  level: number | null;
  label: string;
  /** What keeps the unit from recognition in the council's reading: for the letter to a commune that falls short. */
  reasons: string[];
  differences: Difference[];
}

const COUNCIL = /\b(tham dinh|hoi dong)\b/;
const NOTE = /\b(y kien|ghi chu|nhan xet|ly do)\b/;

/** The council's heading's columns: the merged area it heads, or its own column. */
function spanOf(sheet: SheetSnapshot, row: number, col: number): number[] {
  const m = sheet.merges.find((r) => r.top <= row && r.bottom >= row && r.left <= col && r.right >= col);
  if (!m) return [col];
  return Array.from({ length: m.right - m.left + 1 }, (_, i) => m.left + i);
}

/** The level a council column stands for: its own words after the council's (`Thẩm định – Mức độ 1`) or the row below. */
function levelOf(sheet: SheetSnapshot, row: number, col: number, own: string): number | null {
  const after = own
    .split(/[:–—-]/)
    .slice(1)
    .join(" ")
    .trim();
  if (after && levelOfHeader(after) !== null) return levelOfHeader(after);
  const below = cellText(cellAt(sheet, row + 1, col).value);
  return below ? levelOfHeader(below) : null;
}

/** The council's columns in the table's header, matched with the commune's level columns; null when there are none. */
export function councilColumns(sheet: SheetSnapshot, check: SheetCheck): CouncilColumns | null {
  const { layout } = check;
  const commune =
    layout.levelColumns ?? (layout.columns.level ? [{ col: layout.columns.level, level: null }] : []);
  const own = new Set(commune.map((c) => c.col));
  const found: { col: number; level: number | null }[] = [];
  let note: number | null = null;
  for (let row = layout.headerRow; row < layout.headerRow + Math.max(2, layout.headerRows); row++) {
    for (const [col] of sheet.rows.get(row) ?? new Map()) {
      const text = cellText(cellAt(sheet, row, col).value);
      const f = fold(text);
      if (own.has(col) || !COUNCIL.test(f)) continue;
      if (NOTE.test(f)) note ??= col;
      else
        for (const c of spanOf(sheet, row, col))
          if (!found.some((x) => x.col === c)) found.push({ col: c, level: levelOf(sheet, row, c, text) });
    }
  }
  if (found.length === 0 || commune.length === 0) return null;
  const pairs =
    commune.length === 1 && found.length === 1
      ? [
          {
            commune: (commune[0] as { col: number }).col,
            council: (found[0] as { col: number }).col,
            level: null,
          },
        ]
      : commune.flatMap((c) => {
          const match = found.find((f) => f.level !== null && f.level === c.level);
          return match ? [{ commune: c.col, council: match.col, level: c.level }] : [];
        });
  return pairs.length === commune.length ? { pairs, note } : null;
}

/** The commune's sheet with the council's answers in the commune's level columns, on the table's rows. */
function councilSheet(
  sheet: SheetSnapshot,
  cols: CouncilColumns,
  top: number,
  bottom: number
): SheetSnapshot {
  const rows = new Map<number, SnapshotRow>();
  for (const [r, row] of sheet.rows) rows.set(r, new Map(row));
  for (let r = top; r <= bottom; r++) {
    const row = new Map(rows.get(r) ?? []);
    for (const p of cols.pairs) {
      const cell = cellAt(sheet, r, p.council);
      if (cellText(cell.value) === "" && !cell.uncomputed) row.delete(p.commune);
      else row.set(p.commune, cell);
    }
    rows.set(r, row);
  }
  return { ...sheet, rows };
}

const answer = (sheet: SheetSnapshot, row: number, cols: number[], labels: (string | null)[]) =>
  cols
    .map((c, i) => {
      const t = cellText(cellAt(sheet, row, c).value).trim() || "—";
      return labels[i] ? `${labels[i]}: ${t}` : t;
    })
    .join("; ");

/** Every target where the council's answer differs from the commune's, at the council's cell. */
function differencesOf(
  sheet: SheetSnapshot,
  check: SheetCheck,
  council: SheetCheck,
  cols: CouncilColumns,
  lang: Lang
): Difference[] {
  const { framework } = check;
  const labels = cols.pairs.map((p) => (p.level === null ? null : levelLabel(framework, p.level, lang)));
  const councilLevel = new Map(council.report.indicators.map((i) => [i.number, i.selfLevel]));
  const differences: Difference[] = [];
  for (const ind of check.report.indicators) {
    const mine = cols.pairs.map((p) => fold(cellText(cellAt(sheet, ind.row, p.commune).value).trim()));
    const theirs = cols.pairs.map((p) => fold(cellText(cellAt(sheet, ind.row, p.council).value).trim()));
    const at = cols.pairs.findIndex((_, i) => mine[i] !== theirs[i]);
    if (at < 0) continue;
    differences.push({
      target: leafName(framework, ind.code, ind.number, lang),
      row: ind.row,
      cell: a1(ind.row, (cols.pairs[at] as { council: number }).council),
      commune: answer(
        sheet,
        ind.row,
        cols.pairs.map((p) => p.commune),
        labels
      ),
      council: answer(
        sheet,
        ind.row,
        cols.pairs.map((p) => p.council),
        labels
      ),
      note: cols.note === null ? "" : cellText(cellAt(sheet, ind.row, cols.note).value).trim(),
      communeLevel: ind.selfLevel,
      councilLevel: councilLevel.get(ind.number) ?? null,
    });
  }
  return differences;
}

/** The council's result and every target where it differs from the commune's; null when the sheet has no council columns. */
export function councilVerdict(
  wb: WorkbookSnapshot,
  sheet: SheetSnapshot,
  check: SheetCheck,
  lang: Lang
): Verdict | null {
  const cols = councilColumns(sheet, check);
  if (!cols) return null;
  const { layout, framework } = check;
  const top = layout.headerRow + layout.headerRows;
  const shadow = councilSheet(sheet, cols, top, check.lastTableRow);
  const levels = layout.levelColumns;
  const council = checkSheet(
    { ...wb, sheets: wb.sheets.map((s) => (s.name === sheet.name ? shadow : s)) },
    shadow,
    {
      framework,
      lang,
      columns: layout.columns,
      headerRow: layout.headerRow,
      lastRow: check.lastTableRow,
      ...(levels ? { levelColumns: { left: levels[0]?.col ?? 0, right: levels.at(-1)?.col ?? 0 } } : {}),
    }
  );
  if (!council) return null;
  const differences = differencesOf(sheet, check, council, cols, lang);
  return {
    columns: cols.pairs.map((p) => a1(1, p.council).replace(/\d+$/, "")),
    level: council.report.recognition.level,
    label: council.report.recognition.label,
    reasons: council.report.recognition.reasons,
    differences,
  };
}

/** A sheet's report with the council's verdict beside it, when the sheet has the council's columns. */
export type CouncilReport = SheetCheck["report"] & { council?: Verdict };

export function withCouncil(
  wb: WorkbookSnapshot,
  checked: { sheet: SheetSnapshot; check: SheetCheck },
  lang: Lang
): CouncilReport {
  const council = councilVerdict(wb, checked.sheet, checked.check, lang);
  return council ? { ...checked.check.report, council } : checked.check.report;
}

/** The verdict for people: the council's result, then each difference at its cell, then why it falls short. */
export function councilText(v: Verdict, lang: Lang): string {
  const vi = lang === "vi";
  const lines = [
    vi
      ? `Hội đồng thẩm định (cột ${v.columns.join(", ")}): ${v.label}`
      : `The council's verdict (column ${v.columns.join(", ")}): ${v.label}`,
  ];
  lines.push(
    v.differences.length === 0
      ? vi
        ? "  Hội đồng đồng ý với tự đánh giá ở mọi chỉ tiêu."
        : "  The council agrees with the self-assessment on every target."
      : vi
        ? `  ${v.differences.length} chỗ Hội đồng đánh giá khác tự đánh giá:`
        : `  ${v.differences.length} target(s) where the council differs:`
  );
  for (const d of v.differences)
    lines.push(
      vi
        ? `  ${d.cell}  ${d.target}: xã tự đánh giá ${d.commune}; Hội đồng: ${d.council}${d.note ? `; ý kiến: ${d.note}` : ""}`
        : `  ${d.cell}  ${d.target}: self-assessed ${d.commune}; council: ${d.council}${d.note ? `; note: ${d.note}` : ""}`
    );
  if (v.reasons.length) lines.push(...v.reasons.map((r) => `  ${vi ? "Lý do" : "Why"}: ${r}`));
  return lines.join("\n");
}
