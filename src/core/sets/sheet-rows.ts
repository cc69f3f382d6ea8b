// The criteria sheet's rows under its header: group rows (`Tiêu chí 2` with its title) and leaf
// rows (a leaf's wording, measure, thresholds per level, evidence rule, points and place in the tree).
import { cellAt, cellText, isBlank, lastRow, rowsBetween, type CellValue } from "../model/snapshot";
import type { SheetSnapshot } from "../model/snapshot";
import { fold, romanToNumber } from "../model/text";
import type {
  Figure,
  IndicatorDef,
  Layers,
  LevelWording,
  Measure,
  StandardReached,
  Threshold,
} from "./framework";
import { parseFigures, parseStandard, parseWording } from "./sheet-words";
import type { Say } from "./sheet-block";
import {
  cellOf,
  escape,
  numberIn,
  parseMeasure,
  parseYesNo,
  placeIn,
  type Column,
  type SheetHeader,
  WORD_COLUMNS,
} from "./sheet-columns";
import { a1 } from "../model/a1";
import { parseThreshold } from "./thresholds";
import { parseNumberText } from "../model/numbers";

/** Rows read at most: a criteria set has tens of leaves, never thousands. */
export const MAX_ROWS = 500;

export interface GroupRow {
  layer: "standard" | "criterion";
  number: number;
  title?: string;
  source?: string;
}

export interface LeafRow {
  row: number;
  code: CellValue;
  /** Its place: the `Tiêu chuẩn` / `Tiêu chí` columns, else the group rows above it. */
  standard: number | null;
  criterion: number | null;
}

/** `Tiêu chí 2`, `Tiêu chuẩn II` (or the set's own words): a group row's layer and number. */
function groupOf(code: string, layers: Layers): { layer: GroupRow["layer"]; number: number } | null {
  const f = fold(code);
  const words = (w: string | undefined, fixed: string) => [fixed, ...(w ? [escape(fold(w))] : [])].join("|");
  const s = new RegExp(`^(?:${words(layers.standard?.vi, "tieu chuan")})\\s*(\\d+|[ivx]+)\\.?$`).exec(f);
  if (s?.[1]) return { layer: "standard", number: Number(s[1]) || (romanToNumber(s[1]) ?? 0) };
  const c = new RegExp(`^(?:${words(layers.criterion.vi, "tieu chi")})\\s*(\\d+)\\.?$`).exec(f);
  return c?.[1] ? { layer: "criterion", number: Number(c[1]) } : null;
}

/** Thresholds must get stricter level by level, all in one direction. */
export function inOrder(ts: (Threshold | null)[]): boolean {
  const given = ts.filter((t): t is Threshold => t !== null);
  if (given.some((t) => t.op === "yes")) return given.every((t) => t.op === "yes");
  const cmp = given as Extract<Threshold, { value: number }>[];
  const up = cmp.every((t) => t.op === ">=" || t.op === ">");
  const down = cmp.every((t) => t.op === "<=" || t.op === "<");
  if (!up && !down) return false;
  // Each threshold against the one of the level below it.
  return cmp.slice(1).every((t, i) => {
    const below = cmp[i] as { value: number };
    return up ? t.value >= below.value : t.value <= below.value;
  });
}

export interface RowContext {
  sheet: SheetSnapshot;
  header: SheetHeader;
  top: number;
  say: Say;
}

/** Thresholds for levels 1..top; null when one cannot be read or they are out of order (said). */
function thresholdsOf(
  ctx: RowContext,
  row: number,
  measure: Measure | undefined
): (Threshold | null)[] | null {
  const { header, say } = ctx;
  const out: (Threshold | null)[] = [];
  let unread = false;
  // Every unreadable threshold of the row said at once, not one per round of fixes.
  for (let k = 1; k <= ctx.top; k++) {
    const col = header.cols.get(`level${k}`) ?? null;
    const parsed = parseThreshold(col === null ? { value: null } : cellAt(ctx.sheet, row, col));
    if (parsed.ok) out.push(parsed.threshold);
    else {
      unread = true;
      // A bare figure (`80%`) lacks only its direction: say which two it could be.
      const bare = parseNumberText(parsed.text.replace(/\s*%$/, "")) !== null;
      say(
        row,
        col,
        null,
        bare
          ? `Ngưỡng “${parsed.text}” của Mức ${k} thiếu dấu so sánh: ghi “≥ ${parsed.text}” (đạt khi số liệu từ ${parsed.text} trở lên) hoặc “≤ ${parsed.text}”.`
          : `Ngưỡng “${parsed.text}” của Mức ${k} không đọc được: ghi như “≥ 70”, “≤ 1,5”, “> 50” hoặc “Có”, hoặc để trống.`,
        bare
          ? `Threshold “${parsed.text}” for level ${k} has no direction: write “≥ ${parsed.text}” (met from ${parsed.text} up) or “≤ ${parsed.text}”.`
          : `Threshold “${parsed.text}” for level ${k} cannot be read: write it like “≥ 70”, “≤ 1,5”, “> 50” or “Có”, or leave it blank.`
      );
    }
  }
  if (unread) return null;
  if (measure !== "level" && !inOrder(out)) {
    say(
      row,
      header.cols.get("level1") ?? null,
      null,
      `Ngưỡng ở dòng ${row} không theo thứ tự: mức cao hơn phải có ngưỡng chặt hơn, cùng một chiều (đều “≥” hoặc đều “≤”).`,
      `The thresholds on row ${row} are out of order: a higher level needs a stricter threshold, all in one direction (all “≥” or all “≤”).`
    );
    return null;
  }
  return out;
}

/** The circulars' words, figures and standards of a leaf row (sheet-words.ts); an unreadable cell is said. */
function wordsOf(ctx: RowContext, row: number, def: Partial<IndicatorDef>): void {
  const { sheet, header, say } = ctx;
  const text = (col: Column) => cellText(cellOf(sheet, header, row, col)).trim();
  const wording = Array.from({ length: ctx.top }, (_, k) => parseWording(text(`words${k + 1}`), k + 1));
  if (wording.some(Boolean)) def.wording = wording.filter((w): w is LevelWording => w !== null);
  const letter = text("letter");
  if (letter) def.letter = letter;
  const appliesTo = text("appliesTo");
  if (appliesTo) def.appliesTo = appliesTo;
  const parsed = [
    ["figures", parseFigures, "công dân … : ≥ 50% | ≥ 60% [vung-kho-khan: ≥ 40% | ≥ 50%]"],
    [
      "standardReached",
      parseStandard,
      "phổ cập giáo dục tiểu học (Nghị định số 20/2014/NĐ-CP): mức độ 2 | mức độ 3",
    ],
  ] as const;
  for (const [col, parse, like] of parsed) {
    if (!text(col)) continue;
    const value = parse(text(col));
    if (col === "figures" && value) def.figures = value as Figure[];
    else if (value) def.standard = value as StandardReached;
    else
      say(
        row,
        header.cols.get(col) ?? null,
        null,
        `Ô ${a1(row, header.cols.get(col) ?? 1)} (“${WORD_COLUMNS[col]}”) chưa đọc được: ghi như “${like}”.`,
        `${a1(row, header.cols.get(col) ?? 1)} (“${WORD_COLUMNS[col]}”) cannot be read: write it like “${like}”.`
      );
  }
}

/** What one leaf row says, each readable cell a field; an unreadable cell is said and left out. */
export function leafOf(ctx: RowContext, row: number): Partial<IndicatorDef> {
  const { sheet, header, say } = ctx;
  const at = (col: Column) => cellOf(sheet, header, row, col);
  const where = (col: Column) => header.cols.get(col) ?? null;
  const def: Partial<IndicatorDef> = {};
  const title = cellText(at("title")).trim();
  if (title) def.title = title;
  const measureCell = at("measure");
  const measure = isBlank(measureCell) ? undefined : parseMeasure(measureCell);
  if (measure) def.measure = measure;
  else if (measure === null)
    say(
      row,
      where("measure"),
      null,
      `Loại “${cellText(measureCell)}” không hợp lệ: ghi Mức, Tỷ lệ, Số hoặc Có/Không.`,
      `Kind “${cellText(measureCell)}” is not valid: write Mức, Tỷ lệ, Số or Có/Không.`
    );
  const thresholds = thresholdsOf(ctx, row, measure ?? undefined);
  if (thresholds) def.thresholds = thresholds;
  const evidence = parseYesNo(at("evidence"));
  if (evidence === null)
    say(
      row,
      where("evidence"),
      null,
      "Cột “Minh chứng bắt buộc” chỉ ghi Có hoặc Không.",
      "“Minh chứng bắt buộc” takes Có or Không."
    );
  else if (evidence !== undefined) def.evidenceRequired = evidence;
  wordsOf(ctx, row, def);
  const points = numberIn(at("points"));
  if (points !== null && points >= 0) def.points = points;
  else if (!isBlank(at("points")))
    say(
      row,
      where("points"),
      null,
      "Điểm phải là một số không âm.",
      "Points must be a number of zero or more."
    );
  return def;
}

/** Every group and leaf row under the header, in order; a leaf's place falls back on the groups above it. */
export function readRows(
  sheet: SheetSnapshot,
  header: SheetHeader,
  layers: Layers
): { groups: GroupRow[]; leaves: LeafRow[] } {
  const groups: GroupRow[] = [];
  const leaves: LeafRow[] = [];
  let standard: number | null = null;
  let criterion: number | null = null;
  const last = Math.min(lastRow(sheet), header.row + MAX_ROWS);
  for (const r of rowsBetween(sheet, header.row + 1, last)) {
    const code = cellOf(sheet, header, r, "code");
    if (isBlank(code)) continue;
    const group = groupOf(cellText(code), layers);
    if (group) {
      const title = cellText(cellOf(sheet, header, r, "title")).trim();
      const source = cellText(cellOf(sheet, header, r, "source")).trim();
      groups.push({ ...group, ...(title ? { title } : {}), ...(source ? { source } : {}) });
      if (group.layer === "standard") [standard, criterion] = [group.number, null];
      else criterion = group.number;
      continue;
    }
    leaves.push({
      row: r,
      code,
      standard: placeIn(cellOf(sheet, header, r, "standard")) ?? standard,
      criterion: placeIn(cellOf(sheet, header, r, "criterion")) ?? criterion,
    });
  }
  return { groups, leaves };
}
