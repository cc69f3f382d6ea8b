// The criteria sheet (*Bộ tiêu chí*): the format officers edit in Excel. With a description block
// (`Tên bộ tiêu chí` …) above its table it defines a whole set — any count, any tree, any levels;
// without one, its rows override the chosen set's leaves (the official thresholds). Written back out
// from any set, it reads back the same (up to what a sheet cannot hold: notes, source, version).
import { a1 } from "../model/a1";
import type { Issue } from "../model/issues";
import type { Lang } from "../model/lang";
import { bounds, cellText, type PlanValue, type SheetSnapshot } from "../model/snapshot";
import { fold } from "../model/text";
import { maxLevel, structureProblems, type Framework, type IndicatorDef } from "./framework";
import { descriptionRows, readDescription, withAliases, type Say, type SetDescription } from "./sheet-block";
import {
  findHeader,
  MEASURE_LABELS,
  parseIndicatorCode,
  thresholdColumns,
  WORD_COLUMNS,
} from "./sheet-columns";
import { formatFigures, formatStandard, formatWording } from "./sheet-words";
import { leafOf, readRows, type LeafRow, type RowContext } from "./sheet-rows";
import { buildTree, dottedCodes, withTitles, type Placed } from "./sheet-tree";
import { formatThreshold } from "./thresholds";
import { layerWord, lower, plainLevels } from "./words";

export { parseIndicatorCode } from "./sheet-columns";

export const CRITERIA_SHEET_NAME = "Bộ tiêu chí";
/** The description block lies within this many rows of the top. */
const BLOCK_ROWS = 30;

export function isCriteriaSheetName(name: string): boolean {
  return fold(name) === "bo tieu chi";
}

export interface CriteriaSheetResult {
  framework: Framework;
  issues: Issue[];
}

function sayer(sheet: SheetSnapshot, lang: Lang): { issues: Issue[]; say: Say } {
  const issues: Issue[] = [];
  const say: Say = (row, col, indicator, vi, en) =>
    issues.push({
      severity: "error",
      rule: "criteria-sheet",
      sheet: sheet.name,
      cell: row !== null && col !== null ? a1(row, col) : null,
      row,
      indicator,
      message: lang === "vi" ? vi : en,
    });
  return { issues, say };
}

/** Problems said while reading a leaf's row name that leaf, once it has its number. */
function numberIssues(issues: Issue[], numberAt: Map<number, number>): void {
  for (const i of issues)
    if (i.row !== null && i.indicator === null) i.indicator = numberAt.get(i.row) ?? null;
}

const noHeader = (sheet: SheetSnapshot, say: Say) =>
  say(
    null,
    null,
    null,
    `Trang tính “${sheet.name}” không có dòng tiêu đề với cột “Mã” và “Mức 1”: thêm dòng tiêu đề Mã | Nội dung | Loại | Mức 1 | Mức 2 | … | Minh chứng bắt buộc.`,
    `Sheet “${sheet.name}” has no header row with “Mã” and “Mức 1” columns: add the header Mã | Nội dung | Loại | Mức 1 | Mức 2 | … | Minh chứng bắt buộc.`
  );

/** A set that breaks the model's rules is not used: the sheet says why. */
function checked(sheet: SheetSnapshot, fw: Framework, say: Say): Framework | null {
  const broken = structureProblems(fw)[0];
  if (!broken) return fw;
  say(
    null,
    null,
    null,
    `Trang tính “${sheet.name}” tạo ra bộ tiêu chí không hợp lệ (${broken.path.join(".")}: ${broken.message}); dùng bộ tiêu chí có sẵn.`,
    `Sheet “${sheet.name}” makes an invalid criteria set (${broken.path.join(".")}: ${broken.message}); the built-in set is used.`
  );
  return null;
}

/** A leaf's fields over what it had: thresholds only where measured by a figure. */
function merged(current: IndicatorDef, row: Partial<IndicatorDef>, n: number): IndicatorDef {
  const { title, thresholds, ...rest } = row;
  const next: IndicatorDef = { ...current, ...rest, number: n };
  // A title that only repeats the code (`Chỉ báo 7`) is not a title.
  if (title && parseIndicatorCode(title) !== n) next.title = title;
  const scored = next.measure !== "level" && (thresholds ?? next.thresholds ?? []).some((t) => t !== null);
  if (!scored) delete next.thresholds;
  else if (thresholds) next.thresholds = thresholds;
  return next;
}

/** The leaf a row's code names in the set: `7`, `CB7`, `Chỉ tiêu 7`, or `2.3` in a set of criteria and targets. */
function leafNumber(code: LeafRow["code"], fw: Framework, dotted: Map<string, number>): number | null {
  const n =
    parseIndicatorCode(code, fold(fw.layers.indicator.vi)) ??
    dotted.get(cellText(code).trim().replace(/\.$/, ""));
  return n !== undefined && n !== null && fw.indicators[n - 1] ? n : null;
}

/** Each leaf row over the base leaf its code names; an unknown or repeated code is said and skipped. */
function overrideLeaves(
  ctx: RowContext,
  base: Framework,
  leaves: LeafRow[],
  issues: Issue[],
  lang: Lang
): { indicators: IndicatorDef[]; placed: Map<number, LeafRow> } {
  const indicators = base.indicators.map((i) => ({ ...i }));
  const placed = new Map<number, LeafRow>();
  const dotted = dottedCodes(base);
  const word = layerWord(base, "indicator", lang);
  const col = ctx.header.cols.get("code") as number;
  for (const leaf of leaves) {
    const n = leafNumber(leaf.code, base, dotted);
    const prior = n === null ? undefined : placed.get(n);
    if (n === null)
      ctx.say(
        leaf.row,
        col,
        null,
        `Mã “${cellText(leaf.code)}” không phải ${lower(word)} nào của bộ tiêu chí (1–${indicators.length}): sửa mã hoặc xoá dòng này.`,
        `Code “${cellText(leaf.code)}” is not a ${lower(word)} of the criteria set (1–${indicators.length}): fix the code or delete the row.`
      );
    else if (prior)
      ctx.say(
        leaf.row,
        col,
        n,
        `${word} ${n} đã có ở dòng ${prior.row}: mỗi ${lower(word)} chỉ ghi một dòng.`,
        `${word} ${n} is already on row ${prior.row}: give each one row.`
      );
    else {
      placed.set(n, leaf);
      const before = issues.length;
      indicators[n - 1] = merged(indicators[n - 1] as IndicatorDef, leafOf(ctx, leaf.row), n);
      numberIssues(issues.slice(before), new Map([[leaf.row, n]]));
    }
  }
  return { indicators, placed };
}

/** The sheet's tree when it places every leaf of the set (columns or group rows), else the set's own. */
function overrideTree(
  base: Framework,
  placed: Map<number, LeafRow>
): Pick<Framework, "standards" | "criteria"> {
  const withStandards = base.standards.length > 0;
  const all = [...placed].map(([n, l]): Placed | null =>
    l.criterion === null || (withStandards && l.standard === null)
      ? null
      : { n, standard: l.standard, criterion: l.criterion }
  );
  return placed.size === base.indicators.length && all.every(Boolean)
    ? buildTree(all as Placed[], withStandards)
    : base;
}

/** Rows override `base`'s leaves; the tree is the sheet's when it places every leaf. */
function overrideSet(sheet: SheetSnapshot, base: Framework, lang: Lang): CriteriaSheetResult {
  const { issues, say } = sayer(sheet, lang);
  const header = findHeader(sheet, base.layers);
  if (!header) {
    noHeader(sheet, say);
    return { framework: base, issues };
  }
  const ctx: RowContext = { sheet, header, top: maxLevel(base), say };
  const { groups, leaves } = readRows(sheet, header, base.layers);
  const { indicators, placed } = overrideLeaves(ctx, base, leaves, issues, lang);
  const word = lower(layerWord(base, "indicator", lang));
  const framework: Framework = {
    ...base,
    indicators,
    ...withTitles(overrideTree(base, placed), groups, base),
    notes: [
      ...base.notes,
      {
        part: "criteria-sheet",
        basis: "officer",
        text: `Ngưỡng và quy định của từng ${word} lấy từ sheet “${sheet.name}” của bảng tính.`,
      },
    ],
  };
  return { framework: checked(sheet, framework, say) ?? base, issues };
}

/** A leaf of a defined set: its row's fields over the defaults (self-assessed, evidence required). */
function newLeaf(row: Partial<IndicatorDef>, n: number): IndicatorDef {
  return merged({ number: n, measure: "level", evidenceRequired: true }, row, n);
}

/** Leaves placed in the tree, in set order (standard, criterion, row); an unplaced one is said. */
function placedLeaves(leaves: LeafRow[], d: SetDescription, col: number, say: Say): LeafRow[] {
  const crit = layerWord(d, "criterion", "vi");
  const ok = leaves.filter((l) => l.criterion !== null && (!d.layers.standard || l.standard !== null));
  for (const l of leaves.filter((x) => !ok.includes(x)))
    say(
      l.row,
      col,
      null,
      `Dòng ${l.row} chưa thuộc ${lower(crit)} nào: ghi số vào cột “${crit}”${d.layers.standard ? ` và “${d.layers.standard.vi}”` : ""}, hoặc đặt dòng dưới dòng “${crit} 1”…`,
      `Row ${l.row} is under no ${lower(d.layers.criterion.en)}: fill in its “${crit}”${d.layers.standard ? ` and “${d.layers.standard.vi}”` : ""} column, or put it under a “${crit} 1”… row.`
    );
  return ok.sort(
    (a, b) =>
      (a.standard ?? 0) - (b.standard ?? 0) || (a.criterion ?? 0) - (b.criterion ?? 0) || a.row - b.row
  );
}

/** The whole set the sheet defines, or null when it cannot be built (said). */
function definedSet(sheet: SheetSnapshot, d: SetDescription, say: Say, issues: Issue[]): Framework | null {
  const header = findHeader(sheet, d.layers);
  if (!header) {
    noHeader(sheet, say);
    return null;
  }
  const levels = withAliases(d.levels ?? plainLevels(thresholdColumns(header)), d.aliases, say);
  const ctx: RowContext = { sheet, header, top: levels.length - 1, say };
  const { groups, leaves } = readRows(sheet, header, d.layers);
  const placed = placedLeaves(leaves, d, header.cols.get("code") as number, say);
  if (placed.length === 0) {
    say(
      null,
      null,
      null,
      `Trang tính “${sheet.name}” chưa có ${lower(layerWord(d, "indicator", "vi"))} nào dưới dòng tiêu đề.`,
      `Sheet “${sheet.name}” has no ${lower(d.layers.indicator.en)} under its header.`
    );
    return null;
  }
  // A set numbered per criterion keeps each target's code as the text numbers it (`4.2`).
  const code = (l: LeafRow) => {
    const c = cellText(l.code).trim();
    return d.extra.numbering && /^\d+(\.\d+)+$/.test(c) ? { code: c } : {};
  };
  const indicators = placed.map((l, i) => newLeaf({ ...code(l), ...leafOf(ctx, l.row) }, i + 1));
  numberIssues(issues, new Map(placed.map((l, i) => [l.row, i + 1])));
  const tree = buildTree(
    placed.map((l, i) => ({ n: i + 1, standard: l.standard, criterion: l.criterion as number })),
    d.layers.standard !== undefined
  );
  const fw: Framework = {
    id: d.id,
    title: d.title,
    kind: d.kind,
    layers: d.layers,
    recognition: d.recognition,
    ...(d.validityYears !== undefined ? { validityYears: d.validityYears } : {}),
    ...d.extra,
    version: "bảng tính",
    source: { document: `Trang tính “${sheet.name}” của bảng tính` },
    levels,
    ...withTitles(tree, groups),
    indicators,
    notes: [
      {
        part: "criteria-sheet",
        basis: "officer",
        text: `Bộ tiêu chí do cán bộ định nghĩa trong sheet “${sheet.name}” của bảng tính.`,
      },
    ],
  };
  return checked(sheet, fw, say);
}

/**
 * The set a criteria sheet defines with its description block, or null when it has none; its
 * `framework` is null when the block is there but no valid set can be built (the issues say why).
 */
export function readDefinedSet(
  sheet: SheetSnapshot,
  lang: Lang = "vi"
): { framework: Framework | null; issues: Issue[] } | null {
  const { issues, say } = sayer(sheet, lang);
  const d = readDescription(sheet, bounds(sheet).firstRow + BLOCK_ROWS, say);
  return d ? { framework: definedSet(sheet, d, say, issues), issues } : null;
}

/** Applies a criteria sheet: a whole set when it describes one, else an override of `base`. */
export function readCriteriaSheet(
  sheet: SheetSnapshot,
  base: Framework,
  lang: Lang = "vi"
): CriteriaSheetResult {
  const defined = readDefinedSet(sheet, lang);
  if (defined) return { framework: defined.framework ?? base, issues: defined.issues };
  return overrideSet(sheet, base, lang);
}

/** The circulars' columns a set needs (only those some leaf or criterion fills). */
function wordColumns(fw: Framework): { header: string[]; leaf: (ind: IndicatorDef) => PlanValue[] } {
  const has = (k: keyof IndicatorDef) => fw.indicators.some((i) => i[k] !== undefined);
  const cols: (readonly [string, (ind: IndicatorDef) => PlanValue])[] = [
    ...(has("letter") ? [[WORD_COLUMNS.letter, (i: IndicatorDef) => i.letter ?? null] as const] : []),
    ...(has("wording")
      ? Array.from({ length: maxLevel(fw) }, (_, k) => {
          const w = (i: IndicatorDef) => i.wording?.find((x) => x.level === k + 1);
          return [`Lời mức ${k + 1}`, (i: IndicatorDef) => (w(i) ? formatWording(w(i)!) : null)] as const;
        })
      : []),
    ...(has("appliesTo")
      ? [[WORD_COLUMNS.appliesTo, (i: IndicatorDef) => i.appliesTo ?? null] as const]
      : []),
    ...(has("figures")
      ? [[WORD_COLUMNS.figures, (i: IndicatorDef) => (i.figures ? formatFigures(i.figures) : null)] as const]
      : []),
    ...(has("standard")
      ? [
          [
            WORD_COLUMNS.standardReached,
            (i: IndicatorDef) => (i.standard ? formatStandard(i.standard) : null),
          ] as const,
        ]
      : []),
  ];
  return { header: cols.map(([h]) => h), leaf: (ind) => cols.map(([, f]) => f(ind)) };
}

/** One leaf's row: its code as officers write it (`2.3` in a set of criteria and targets). */
function leafRow(fw: Framework, n: number, code: string, place: (number | null)[]): PlanValue[] {
  const ind = fw.indicators[n - 1] as IndicatorDef;
  return [
    code,
    ind.title ?? null,
    MEASURE_LABELS[ind.measure],
    ...Array.from({ length: maxLevel(fw) }, (_, k) => formatThreshold(ind.thresholds?.[k] ?? null)),
    ind.evidenceRequired ? "Có" : "Không",
    ...place,
    ind.points ?? null,
    ...wordColumns(fw).leaf(ind),
  ];
}

/**
 * The criteria sheet for a set, as rows of cell values, ready for either adapter: the header, the
 * group rows with their titles and the leaves (an override of the set; `describedSheetRows` adds
 * the block that makes it the whole set). A criterion's article goes in `Căn cứ` on its row.
 */
export function criteriaSheetRows(fw: Framework): PlanValue[][] {
  const { standard, criterion } = fw.layers;
  const sources = fw.criteria.some((c) => c.source !== undefined);
  const header: PlanValue[] = [
    "Mã",
    "Nội dung",
    "Loại",
    ...Array.from({ length: maxLevel(fw) }, (_, i) => `Mức ${i + 1}`),
    "Minh chứng bắt buộc",
    ...(standard ? [standard.vi] : []),
    criterion.vi,
    "Điểm",
    ...wordColumns(fw).header,
    ...(sources ? [WORD_COLUMNS.source] : []),
  ];
  const dotted = new Map([...dottedCodes(fw)].map(([code, n]) => [n, code]));
  const rows: PlanValue[][] = [header];
  const groups = standard
    ? fw.standards
    : [{ number: 0, title: undefined, criteria: fw.criteria.map((c) => c.number) }];
  for (const s of groups) {
    if (standard) rows.push([`${standard.vi} ${s.number}`, s.title ?? null]);
    for (const c of s.criteria.map((n) => fw.criteria[n - 1] as Framework["criteria"][number])) {
      const row: PlanValue[] = [`${criterion.vi} ${c.number}`, c.title ?? null];
      if (c.source) row[header.length - 1] = c.source;
      rows.push(Array.from(row, (v) => v ?? null));
      for (const n of c.indicators)
        rows.push(leafRow(fw, n, dotted.get(n) ?? String(n), [...(standard ? [s.number] : []), c.number]));
    }
  }
  return rows;
}

/** The whole set as a criteria sheet: its description block above its rows (what reads back as that set). */
export function describedSheetRows(fw: Framework): PlanValue[][] {
  return [...descriptionRows(fw), ...criteriaSheetRows(fw)];
}
