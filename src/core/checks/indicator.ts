// One indicator row: its level (one level column, or one column per level), its figure and its
// evidence, each read anywhere in the indicator's merged block and reported at the block's top cell.
import { columnLetters } from "../model/a1";
import { cellText, isBlank, isCellError, type Cell } from "../model/snapshot";
import type { Rule } from "../model/issues";
import { fold } from "../model/text";
import { isThresholdScored, type Framework, type IndicatorDef } from "../sets/framework";
import type { CellReader, TableLayout } from "../table/header";
import { levelsOf, readMarks } from "../table/level-marks";
import { formatLevel, parseLevel } from "../table/levels";
import type { SheetIndicator } from "../table/structure";
import { parseValue } from "../table/values";
import { levelLabel } from "./messages";
import { figuresLevel, statedPercents } from "./figures";
import { hasStandardLevels, standardLevel, statedStandard } from "./standard";
import { computedLevel, type Level } from "./scoring";
import type { IssueParams } from "./issue-messages";
import type { Push } from "./sink";

export interface IndicatorResult {
  number: number;
  /** The code as the sheet writes it (`b)`, `II.3`, `Chỉ báo 7`). */
  code: string;
  /**
   * How messages name it after the set's word (`4.2 (b)`: chỉ tiêu 2 của tiêu chí 4, coded b) in
   * the sheet; `7` for `Chỉ báo 7`), never a running number where the set numbers per criterion.
   */
  label?: string;
  row: number;
  selfLevel: Level;
  computedLevel: Level;
  level: Level;
}

export interface RowContext {
  /** Whether a condition of the unit holds (`vung-kho-khan`): it chooses a figure's thresholds. */
  holds?: (id: string) => boolean;
  layout: TableLayout;
  at: CellReader;
  framework: Framework;
  top: number;
  push: Push;
  lang: "vi" | "en";
}

/** The first cell of a column in the block that holds something (or a formula never computed). */
function blockCell(ctx: RowContext, ind: SheetIndicator, col: number): Cell {
  for (let r = ind.row; r <= ind.bottom; r++) {
    const cell = ctx.at(r, col);
    if (cell.uncomputed || !isBlank(cell.value)) return cell;
  }
  return { value: null };
}

/** Reports a formula never computed, an error value or a blank cell; true when the cell had one. */
function cellProblem(ctx: RowContext, ind: SheetIndicator, col: number, cell: Cell, blank: Rule): boolean {
  if (cell.uncomputed) ctx.push("error", "uncomputed-formula", ind.row, col, ind.number);
  else if (isCellError(cell.value))
    ctx.push("error", "formula-error", ind.row, col, ind.number, { error: cell.value.error });
  else if (isBlank(cell.value)) ctx.push("error", blank, ind.row, col, ind.number);
  else return false;
  return true;
}

/** `applies: false`: `Không áp dụng` for a target about other units. */
type SelfLevel = { level: Level; col: number | undefined; applies?: false };

function perLevel(ind: SheetIndicator, ctx: RowContext): SelfLevel {
  const cols = levelsOf(ctx.layout.levelColumns ?? [], ctx.top);
  const cells = cols.map((l) => ({ ...l, cell: blockCell(ctx, ind, l.col) }));
  const read = readMarks(cells, ctx.top);
  if (read.ok)
    return {
      level: read.level,
      col: (cols.find((l) => l.level === read.level && !l.notAchieved) ?? cols.find((l) => l.notAchieved))
        ?.col,
    };
  const { row, number } = ind;
  const span = `${columnLetters(cols[0]?.col ?? 1)}–${columnLetters(cols[cols.length - 1]?.col ?? 1)}`;
  // A per-level column may stand for a level the set does not have: name it as its header does.
  const levelName = (l: number) =>
    l <= ctx.top ? levelLabel(ctx.framework, l, ctx.lang) : formatLevel(l, ctx.lang);
  if (read.problem === "blank")
    ctx.push("error", "missing-level", row, read.col, number, { why: "marks", columns: span });
  else if (read.problem === "pair-blank")
    ctx.push("error", "missing-level", row, read.col, number, {
      why: "pair-blank",
      text: levelName(read.level),
    });
  else if (read.problem === "pair-both")
    ctx.push("error", "invalid-level", row, read.col, number, {
      why: "pair-both",
      text: levelName(read.level),
    });
  else if (read.problem === "uncomputed") ctx.push("error", "uncomputed-formula", row, read.col, number);
  else if (read.problem === "formula-error")
    ctx.push("error", "formula-error", row, read.col, number, { error: read.error });
  else if (read.problem === "not-a-mark")
    ctx.push("error", "invalid-level", row, read.col, number, { why: "marks", text: read.text });
  else if (read.problem === "several-marks")
    ctx.push("error", "invalid-level", row, read.col, number, {
      why: "several-marks",
      text: read.levels.map(levelName).join(", "),
    });
  else if (read.problem === "achieved-above")
    ctx.push("error", "invalid-level", row, read.col, number, {
      why: "achieved-above",
      text: levelName(read.level),
      below: levelName(read.below),
    });
  else ctx.push("error", "invalid-level", row, read.col, number, { text: levelName(read.level) });
  return { level: null, col: read.col };
}

function singleLevel(ind: SheetIndicator, ctx: RowContext, col: number): SelfLevel {
  const { row, number } = ind;
  const cell = blockCell(ctx, ind, col);
  if (cell.uncomputed) {
    ctx.push("error", "uncomputed-formula", row, col, number);
    return { level: null, col };
  }
  const parsed = parseLevel(cell.value, ctx.framework.levels);
  if (parsed.ok) return { level: parsed.level, col };
  if (parsed.problem === "blank") ctx.push("error", "missing-level", row, col, number);
  else if (parsed.problem === "formula-error")
    ctx.push("error", "formula-error", row, col, number, { error: parsed.error });
  else if (parsed.problem === "which-level")
    ctx.push("error", "invalid-level", row, col, number, { why: "which-level" });
  else ctx.push("error", "invalid-level", row, col, number, { text: cellText(cell.value) });
  return { level: null, col };
}

const NOT_APPLICABLE = /^(khong ap dung|kad|n\/a)$/;

/**
 * `Không áp dụng` in a level cell: for a target about some units only (`appliesTo`), it does not hold
 * the unit back (the set's notes state this assumption); elsewhere it is an error at the cell.
 */
function notApplicable(ind: SheetIndicator, ctx: RowContext): SelfLevel | null {
  const cols = ctx.layout.levelColumns?.map((l) => l.col) ?? [ctx.layout.columns.level];
  for (const col of cols) {
    if (col === undefined) continue;
    const cell = blockCell(ctx, ind, col);
    if (!NOT_APPLICABLE.test(fold(cellText(cell.value)))) continue;
    const def = ctx.framework.indicators[ind.number - 1];
    if (def?.appliesTo || def?.wording?.some((w) => w.appliesTo))
      return { level: ctx.top, col, applies: false };
    ctx.push("error", "invalid-level", ind.row, col, ind.number, {
      why: "not-applicable",
      text: cellText(cell.value),
    });
    return { level: null, col };
  }
  return null;
}

function selfLevel(ind: SheetIndicator, ctx: RowContext): SelfLevel {
  const na = notApplicable(ind, ctx);
  if (na) return na;
  if (ctx.layout.levelColumns) return perLevel(ind, ctx);
  const col = ctx.layout.columns.level;
  return col === undefined ? { level: null, col } : singleLevel(ind, ctx, col);
}

/** The level the figure reaches (null when it cannot be read, or reads two ways at two levels). */
function dataLevel(
  ind: SheetIndicator,
  def: IndicatorDef | undefined,
  ctx: RowContext
): { computed: Level; ok: boolean } {
  const col = ctx.layout.columns.data;
  const scored = def !== undefined && isThresholdScored(def);
  const none = { computed: null, ok: !scored };
  if (col === undefined) return none;
  const { row, number } = ind;
  const cell = blockCell(ctx, ind, col);
  if (cellProblem(ctx, ind, col, cell, "missing-value") || !scored || def.measure === "level") return none;
  const v = parseValue(cell, def.measure);
  if (!v.ok) {
    if (v.problem === "out-of-range") ctx.push("error", "out-of-range", row, col, number, { value: v.value });
    else if (v.problem === "not-a-number")
      ctx.push("error", "invalid-value", row, col, number, { text: v.text });
    return none;
  }
  const computed = computedLevel(def, v.value);
  if (v.alternative === undefined) return { computed, ok: true };
  // 0,93 may be 0,93 % or 93 %: the same level both ways is a warning; two levels, an error.
  const other = computedLevel(def, v.alternative);
  const label = (l: Level) => levelLabel(ctx.framework, l, ctx.lang);
  const same = computed === other;
  ctx.push(same ? "warning" : "error", "ambiguous-value", row, col, number, {
    value: v.value,
    read: v.value,
    alt: v.alternative,
    readLabel: label(computed),
    altLabel: label(other),
  });
  return same ? { computed, ok: true } : { computed: null, ok: false };
}

const PLACEHOLDER = /^(-+|—+|–+|x|0|khong co|chua co|khong|chua|n\/?a|\.+|…+|_+|\/)$/;

/** Reports missing evidence for a level claimed; true when it is missing. */
function checkEvidence(
  ind: SheetIndicator,
  def: IndicatorDef | undefined,
  self: Level,
  ctx: RowContext
): boolean {
  const col = ctx.layout.columns.evidence;
  if (col === undefined || !def?.evidenceRequired || self === null || self < 1) return false;
  const cell = blockCell(ctx, ind, col);
  // The text's rule, when the set states one: “không có minh chứng phù hợp → không đạt”.
  const rule = ctx.framework.evidence ? { source: ctx.framework.evidence.source } : {};
  const text = cellText(cell.value);
  if (isBlank(cell.value) && !cell.uncomputed) {
    ctx.push("error", "missing-evidence", ind.row, col, ind.number, rule);
    return true;
  }
  if (cellProblem(ctx, ind, col, cell, "missing-evidence")) return false;
  if (!PLACEHOLDER.test(fold(text))) return false;
  ctx.push("error", "missing-evidence", ind.row, col, ind.number, { text, ...rule });
  return true;
}

/**
 * A target of figures that must all hold (`62%; 14%` for 5.2): the level they reach, when the data
 * cell states them; an error when it states another number of them; null when it states none.
 */
function figuresRead(
  ind: SheetIndicator,
  def: IndicatorDef | undefined,
  ctx: RowContext
): { computed: Level; ok: boolean } | null {
  const col = ctx.layout.columns.data;
  if (!def?.figures || col === undefined) return null;
  const cell = blockCell(ctx, ind, col);
  const values = statedPercents(cell);
  if (values === null) return null;
  if (values.length !== def.figures.length) {
    ctx.push("error", "invalid-value", ind.row, col, ind.number, {
      why: "figures",
      text: cellText(cell.value),
      expected: def.figures.map((f) => f.what).join("; "),
    });
    return { computed: null, ok: false };
  }
  return { computed: figuresLevel(def.figures, values, ctx.top, ctx.holds ?? (() => false)), ok: true };
}

/** `said`: what the data cell says, when the level is read from its words (a standard held). */
type DataRead = { computed: Level; ok: boolean; said?: string };

/**
 * A target met by holding a standard (`phổ cập giáo dục tiểu học` mức độ 2 / 3): the level the
 * standard's level written in the data cell reaches (`Đạt chuẩn … mức độ 3`, `mức 2`, `Chưa đạt`);
 * null when the cell names no one level of it.
 */
function standardRead(ind: SheetIndicator, def: IndicatorDef | undefined, ctx: RowContext): DataRead | null {
  const col = ctx.layout.columns.data;
  if (!hasStandardLevels(def?.standard) || col === undefined) return null;
  const held = statedStandard(cellText(blockCell(ctx, ind, col).value));
  if (held === null) return null;
  const { what } = def.standard;
  return {
    computed: standardLevel(def.standard, held, ctx.top),
    ok: true,
    said: held === "not" ? `chưa đạt chuẩn ${what}` : `đạt chuẩn ${what} mức độ ${held}`,
  };
}

/** The text's words for a level of the target, with their article: what that level requires. */
function required(def: IndicatorDef | undefined, level: number): IssueParams {
  const w = def?.wording?.find((x) => x.level === level);
  return w ? { expected: w.text, source: w.source } : {};
}

export function scoreIndicator(ind: SheetIndicator, ctx: RowContext): IndicatorResult {
  const def = ctx.framework.indicators[ind.number - 1];
  const self = selfLevel(ind, ctx);
  const figures = self.applies === false ? null : (figuresRead(ind, def, ctx) ?? standardRead(ind, def, ctx));
  const data: DataRead = figures ?? dataLevel(ind, def, ctx);
  const noEvidence = self.applies !== false && checkEvidence(ind, def, self.level, ctx);
  const scored = figures !== null || (def !== undefined && isThresholdScored(def));
  const { computed } = data;
  if (
    scored &&
    self.level !== null &&
    computed !== null &&
    self.level !== computed &&
    self.col !== undefined
  ) {
    const severity = self.level > computed ? "error" : "warning";
    ctx.push(severity, "level-mismatch", ind.row, self.col, ind.number, {
      self: self.level,
      computed,
      ...(data.said ? { text: data.said, ...required(def, Math.max(self.level, computed)) } : {}),
    });
  }
  // Threshold-scored: the computed level stands; otherwise the self-assessed level does. Under the
  // text's evidence rule, a target without evidence is not achieved (circular 24/2023, Điều 9.3, 15.3).
  const claimed: Level = self.level === null ? null : scored ? (data.ok ? computed : null) : self.level;
  const level = noEvidence && ctx.framework.evidence?.missing === "not-achieved" ? 0 : claimed;
  return {
    number: ind.number,
    code: ind.code,
    row: ind.row,
    selfLevel: self.level,
    computedLevel: computed,
    level,
  };
}
