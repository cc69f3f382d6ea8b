// The council's verdict beside the commune's (circular 25/2023 Điều 9.2: the district council checks
// the dossier, and its own "bản tổng hợp … do Hội đồng đánh giá cấp huyện thẩm định" goes to the
// decision). The council writes its answer for each target in columns of its own headed `Hội đồng
// thẩm định` / `Thẩm định` — one column, or one per level under that heading — and may add a note
// column (`Ý kiến của Hội đồng`). Its result is the commune's table read again with the council's
// answers in place of the commune's: the same set, the same rules; every target where the two differ
// is listed at the council's cell.
import { a1, columnLetters } from "../model/a1";
import { say, type Lang } from "../model/lang";
import {
  cellAt,
  cellText,
  type SheetSnapshot,
  type SnapshotRow,
  type WorkbookSnapshot,
} from "../model/snapshot";
import { fold } from "../model/text";
import { leafNameOf, levelLabel } from "../sets/words";
import type { LevelColumn } from "../table/header";
import { levelOfHeader } from "../table/header-words";
import { countIssues, type Issue } from "../model/issues";
import { checkSheet, type SheetCheck } from "./sheet";

/** Where the council answered: its column for each of the commune's level columns, and its note column. */
export interface CouncilColumns {
  /** Pairs of the commune's column and the council's, one per level column (one pair for a single level column). */
  pairs: { commune: number; council: number; level: number | null; notAchieved?: true }[];
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
  /** What the council's own marks leave unread (both Đạt and Không đạt marked…), each at the council's cell. */
  issues: Issue[];
}

export const COUNCIL = /\b(tham dinh|hoi dong)\b/;
const NOTE = /\b(y kien|ghi chu|nhan xet|ly do)\b/;
const NOT_ACHIEVED = /^(khong dat|chua dat|kd)$/;

const mergeAt = (sheet: SheetSnapshot, row: number, col: number) =>
  sheet.merges.find((r) => r.top <= row && r.bottom >= row && r.left <= col && r.right >= col);

/** The council's heading's columns: the merged area it heads, or its own column. */
function spanOf(sheet: SheetSnapshot, row: number, col: number): number[] {
  const m = mergeAt(sheet, row, col);
  if (!m) return [col];
  return Array.from({ length: m.right - m.left + 1 }, (_, i) => m.left + i);
}

/** The text shown at a cell: a merge's top-left text over the whole merge. */
function shownText(sheet: SheetSnapshot, row: number, col: number): string {
  const m = mergeAt(sheet, row, col);
  return cellText(cellAt(sheet, m ? m.top : row, m ? m.left : col).value);
}

/**
 * The level a council column stands for — its own words after the council's (`Thẩm định – Mức độ 1`)
 * or the header's rows below — and whether it is a level's `Không đạt` column.
 */
function levelOf(
  sheet: SheetSnapshot,
  at: { row: number; bottom: number; col: number },
  own: string
): { level: number | null; notAchieved: boolean } {
  const after = own
    .split(/[:–—-]/)
    .slice(1)
    .join(" ")
    .trim();
  let level = after ? levelOfHeader(after) : null;
  let notAchieved = false;
  for (let r = at.row + 1; r <= at.bottom; r++) {
    const below = shownText(sheet, r, at.col);
    const f = fold(below).trim();
    if (NOT_ACHIEVED.test(f)) notAchieved = true;
    else if (f !== "dat" && below) level ??= levelOfHeader(below);
  }
  return { level: level ?? (notAchieved ? 0 : null), notAchieved };
}

type Found = { col: number; level: number | null; notAchieved: boolean };

/**
 * The council's column answering a commune's level column: same level, and same side of a `Đạt |
 * Không đạt` pair. Where each level has one column, the council's `Không đạt` answers only the
 * commune's own `Không đạt` column: a `Đạt | Không đạt` pair naming no level says nothing of which
 * level the council means, and is never read as one (see `unnamedPair`).
 */
function matchOf(c: LevelColumn, found: Found[], pairs: boolean): Found | undefined {
  if (!pairs) return found.find((f) => f.level !== null && f.level === c.level);
  return found.find((f) => f.level === c.level && f.notAchieved === (c.notAchieved === true));
}

/** The council's `Đạt | Không đạt` naming no level (its `Đạt` column reads no level either). */
const unnamedPair = (found: Found[]) =>
  found.some((f) => f.notAchieved) && found.some((f) => !f.notAchieved && f.level === null);

/** What the header holds of the council's: its heading's cell, its columns as read, its note column. */
interface CouncilHeading {
  commune: LevelColumn[];
  found: Found[];
  note: number | null;
  /** The first council heading met (row, column, words), for a message about its columns. */
  at: { row: number; col: number; text: string } | null;
}

function councilHeading(sheet: SheetSnapshot, check: SheetCheck): CouncilHeading {
  const { layout } = check;
  const commune: LevelColumn[] =
    layout.levelColumns ?? (layout.columns.level ? [{ col: layout.columns.level, level: 0 }] : []);
  const own = new Set(commune.map((c) => c.col));
  const found: Found[] = [];
  let note: number | null = null;
  let at: CouncilHeading["at"] = null;
  const bottom = layout.headerRow + Math.max(2, layout.headerRows) - 1;
  for (let row = layout.headerRow; row <= bottom; row++) {
    for (const [col] of sheet.rows.get(row) ?? new Map()) {
      const text = cellText(cellAt(sheet, row, col).value);
      const f = fold(text);
      if (own.has(col) || !COUNCIL.test(f)) continue;
      if (NOTE.test(f)) note ??= col;
      else {
        at ??= { row, col, text };
        for (const c of spanOf(sheet, row, col))
          if (!found.some((x) => x.col === c))
            found.push({ col: c, ...levelOf(sheet, { row, bottom, col: c }, text) });
      }
    }
  }
  return { commune, found, note, at };
}

function matched({ commune, found, note }: CouncilHeading): CouncilColumns | null {
  if (found.length === 0 || commune.length === 0) return null;
  const paired = commune.some((c) => c.notAchieved);
  // Against one column per level (or one level column), a pair naming no level cannot be matched.
  if (!paired && unnamedPair(found)) return null;
  const pairs: CouncilColumns["pairs"] =
    commune.length === 1 && found.length === 1
      ? [{ commune: (commune[0] as LevelColumn).col, council: (found[0] as Found).col, level: null }]
      : commune.flatMap((c) => {
          const match = matchOf(c, found, paired);
          if (!match) return [];
          return [
            {
              commune: c.col,
              council: match.col,
              level: c.level,
              ...(c.notAchieved ? { notAchieved: true as const } : {}),
            },
          ];
        });
  return pairs.length === commune.length ? { pairs, note } : null;
}

/** Whether the header has the council's heading at all (read or not): its columns are the council's, never added twice. */
export const hasCouncilHeading = (sheet: SheetSnapshot, check: SheetCheck): boolean =>
  councilHeading(sheet, check).at !== null;

/** The council's columns in the table's header, matched with the commune's level columns; null when there are none. */
export function councilColumns(sheet: SheetSnapshot, check: SheetCheck): CouncilColumns | null {
  return matched(councilHeading(sheet, check));
}

const span = (cols: number[]) => {
  const sorted = [...cols].sort((a, b) => a - b);
  const first = columnLetters(sorted[0] as number);
  const last = columnLetters(sorted[sorted.length - 1] as number);
  return first === last ? first : `${first}–${last}`;
};

/**
 * The council's heading is there but its columns do not answer the unit's level columns (a `Đạt |
 * Không đạt` naming no level over a form of one column per level, a level without the council's
 * column): no verdict is guessed, and the council is told at its heading's cell what to write.
 */
export function councilUnread(sheet: SheetSnapshot, check: SheetCheck, lang: Lang): Issue | null {
  const h = councilHeading(sheet, check);
  if (!h.at || h.commune.length === 0 || matched(h)) return null;
  const fw = check.framework;
  const vi = lang === "vi";
  const theirs = span(h.found.map((f) => f.col));
  const perLevel = check.layout.levelColumns !== undefined;
  const paired = h.commune.some((c) => c.notAchieved);
  const ownCols = span(h.commune.map((c) => c.col));
  const names = h.commune
    .filter((c) => !c.notAchieved)
    .map((c) => {
      const cols = h.commune.filter((x) => x.level === c.level).map((x) => x.col);
      return `${span(cols)}: ${levelLabel(fw, c.level, lang)}`;
    })
    .join(", ");
  const missing = h.commune.filter((c) => !c.notAchieved && !matchOf(c, h.found, false));
  const why = unnamedPair(h.found)
    ? vi
      ? "các cột “Đạt”, “Không đạt” của Hội đồng không ghi mức nào"
      : "the council's “Đạt”, “Không đạt” columns name no level"
    : missing.length === 0
      ? vi
        ? "các cột của Hội đồng không khớp với các cột mức của đơn vị"
        : "the council's columns do not match the unit's level columns"
      : vi
        ? `không có cột của Hội đồng cho ${missing.map((c) => levelLabel(fw, c.level, lang)).join(", ")}`
        : `no council column for ${missing.map((c) => levelLabel(fw, c.level, lang)).join(", ")}`;
  const what = paired
    ? vi
      ? `bảng của đơn vị ghi mỗi mức một cặp cột Đạt | Không đạt (${names}); dưới “${h.at.text}” đặt cho mỗi mức một cặp cột Đạt | Không đạt dưới tên mức, như các cột ${ownCols}, rồi kiểm tra lại`
      : `the unit's table has a Đạt | Không đạt pair per level (${names}); under “${h.at.text}”, give each level its own Đạt | Không đạt pair under the level's name, as in columns ${ownCols}, then check again`
    : perLevel
      ? vi
        ? `bảng của đơn vị ghi mỗi mức một cột (${names}); dưới “${h.at.text}” đặt mỗi mức một cột, ghi tên mức ở đầu cột như các cột ${ownCols}, rồi kiểm tra lại`
        : `the unit's table has a column per level (${names}); under “${h.at.text}”, give each level its own column headed with the level's name as in columns ${ownCols}, then check again`
      : vi
        ? `dưới “${h.at.text}” để một cột ghi mức như cột ${ownCols}, rồi kiểm tra lại`
        : `under “${h.at.text}”, keep one column holding the level as column ${ownCols} does, then check again`;
  const cell = a1(h.at.row, h.at.col);
  return {
    severity: "warning",
    rule: "missing-column",
    sheet: sheet.name,
    cell,
    row: h.at.row,
    indicator: null,
    message: vi
      ? `Hội đồng thẩm định: chưa đọc được kết quả thẩm định ở cột ${theirs} (${cell}): ${why}. Cách sửa: ${what}.`
      : `The council: its verdict in column ${theirs} (${cell}) cannot be read: ${why}. To fix: ${what}.`,
  };
}

/**
 * The commune's sheet with the council's answers in the commune's level columns, on the rows the
 * commune answers (targets, criteria, standards): the numbering row (`(8) (9)` over the council's
 * columns) and the headings' rows stay the commune's.
 */
function councilSheet(sheet: SheetSnapshot, cols: CouncilColumns, check: SheetCheck): SheetSnapshot {
  const { report } = check;
  const answered = [
    ...report.indicators.map((i) => i.row),
    ...[...report.criteria, ...report.standards].flatMap((g) => (g.row === null ? [] : [g.row])),
  ];
  const rows = new Map<number, SnapshotRow>();
  for (const [r, row] of sheet.rows) rows.set(r, new Map(row));
  for (const r of answered) {
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

const MARK = /^(x|✓|✔|√|1|true|dat)$/;

/** One level's pair as a person reads it: `Đạt`, `Không đạt`, both, or nothing marked (`—`). */
function pairWords(yes: string, no: string, lang: Lang): string {
  const achieved = MARK.test(yes);
  const not = no !== "" || NOT_ACHIEVED.test(yes);
  if (achieved && not) return say(lang, "cả Đạt và Không đạt", "both Đạt and Không đạt");
  if (achieved) return "Đạt";
  if (not) return "Không đạt";
  return yes ? yes : "—";
}

/** One side's answer on a row (the commune's or the council's): each level's words, or the one level cell's text. */
function answer(
  sheet: SheetSnapshot,
  row: number,
  cols: { col: number; level: number | null; notAchieved?: true }[],
  fw: SheetCheck["framework"],
  lang: Lang
): string {
  const text = (col: number) => cellText(cellAt(sheet, row, col).value).trim();
  const out: string[] = [];
  for (const c of cols) {
    if (c.notAchieved) continue;
    const label = c.level === null ? null : levelLabel(fw, c.level, lang);
    const no = cols.find((x) => x.notAchieved && x.level === c.level);
    const words = no ? pairWords(fold(text(c.col)), fold(text(no.col)), lang) : text(c.col) || "—";
    out.push(label ? `${label}: ${words}` : words);
  }
  return out.join("; ");
}

/** Every target where the council's answer differs from the commune's, at the council's cell. */
function differencesOf(
  sheet: SheetSnapshot,
  check: SheetCheck,
  council: SheetCheck,
  cols: CouncilColumns,
  lang: Lang
): Difference[] {
  const { framework } = check;
  const councilLevel = new Map(council.report.indicators.map((i) => [i.number, i.selfLevel]));
  const side = (who: "commune" | "council") => cols.pairs.map((p) => ({ ...p, col: p[who] }));
  const differences: Difference[] = [];
  for (const ind of check.report.indicators) {
    const mine = cols.pairs.map((p) => fold(cellText(cellAt(sheet, ind.row, p.commune).value).trim()));
    const theirs = cols.pairs.map((p) => fold(cellText(cellAt(sheet, ind.row, p.council).value).trim()));
    const at = cols.pairs.findIndex((_, i) => mine[i] !== theirs[i]);
    if (at < 0) continue;
    differences.push({
      target: leafNameOf(framework, ind, lang),
      row: ind.row,
      cell: a1(ind.row, (cols.pairs[at] as { council: number }).council),
      commune: answer(sheet, ind.row, side("commune"), framework, lang),
      council: answer(sheet, ind.row, side("council"), framework, lang),
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
  return councilReading(wb, sheet, check, lang)?.verdict ?? null;
}

/** The council's reading of a sheet: its columns, the sheet checked with its answers, and the verdict (for its papers). */
export interface CouncilReading {
  columns: CouncilColumns;
  council: SheetCheck;
  verdict: Verdict;
}

/** The unit's level columns, first to last (never empty where the layout has them). */
const levelSpan = (levels: LevelColumn[]) => ({
  left: Math.min(...levels.map((l) => l.col)),
  right: Math.max(...levels.map((l) => l.col)),
});

export function councilReading(
  wb: WorkbookSnapshot,
  sheet: SheetSnapshot,
  check: SheetCheck,
  lang: Lang
): CouncilReading | null {
  const cols = councilColumns(sheet, check);
  if (!cols) return null;
  const { layout, framework } = check;
  const shadow = councilSheet(sheet, cols, check);
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
      ...(levels ? { levelColumns: levelSpan(levels) } : {}),
    }
  );
  if (!council) return null;
  const differences = differencesOf(sheet, check, council, cols, lang);
  const verdict = {
    columns: cols.pairs.map((p) => columnLetters(p.council)),
    level: council.report.recognition.level,
    label: council.report.recognition.label,
    reasons: council.report.recognition.reasons,
    differences,
    issues: councilIssues(council, cols, lang),
  };
  return { columns: cols, council, verdict };
}

const MARK_RULES = new Set<Issue["rule"]>([
  "missing-level",
  "invalid-level",
  "formula-error",
  "uncomputed-formula",
]);

/**
 * The council's marks that cannot be read, as the commune's are (both `Đạt` and `Không đạt`, a mark
 * missing, words that are not a mark): the council's reading's errors on the targets' rows, moved
 * from the commune's columns to the council's own cells.
 */
function councilIssues(council: SheetCheck, cols: CouncilColumns, lang: Lang): Issue[] {
  const letters = new Map(cols.pairs.map((p) => [columnLetters(p.commune), columnLetters(p.council)]));
  const rows = new Set(council.report.indicators.map((i) => i.row));
  const first = cols.pairs[0] as CouncilColumns["pairs"][number];
  const last = cols.pairs[cols.pairs.length - 1] as CouncilColumns["pairs"][number];
  const span = [
    `${columnLetters(first.commune)}–${columnLetters(last.commune)}`,
    `${columnLetters(first.council)}–${columnLetters(last.council)}`,
  ];
  return council.report.issues.flatMap((i) => {
    if (i.severity !== "error" || !MARK_RULES.has(i.rule) || i.cell === null || i.row === null) return [];
    const theirs = letters.get(i.cell.replace(/\d+$/, ""));
    if (!rows.has(i.row) || theirs === undefined) return [];
    const cell = `${theirs}${i.row}`;
    const text = i.message
      .split(i.cell)
      .join(cell)
      .split(span[0] as string)
      .join(span[1] as string);
    return [{ ...i, cell, message: `${say(lang, "Hội đồng thẩm định", "The council")}: ${text}` }];
  });
}

/** A sheet's report with the council's verdict beside it, when the sheet has the council's columns. */
export type CouncilReport = SheetCheck["report"] & { council?: Verdict };

export function withCouncil(
  wb: WorkbookSnapshot,
  checked: { sheet: SheetSnapshot; check: SheetCheck },
  lang: Lang
): CouncilReport {
  const council = councilVerdict(wb, checked.sheet, checked.check, lang);
  if (!council) {
    const unread = councilUnread(checked.sheet, checked.check, lang);
    if (!unread) return checked.check.report;
    const issues = [...checked.check.report.issues, unread];
    return { ...checked.check.report, issues, counts: countIssues(issues) };
  }
  // The council's unreadable marks are the sheet's errors too: the file is not ready for the decision.
  const issues = [...checked.check.report.issues, ...council.issues];
  return { ...checked.check.report, issues, counts: countIssues(issues), council };
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
