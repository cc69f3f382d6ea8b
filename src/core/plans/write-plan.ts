// The write plan: the cells the product writes into an officer's sheet, as a few 2-D blocks plus the
// defined names that mark them as the product's own. Pure; the ExcelJS and Office adapters apply it.
import type { SheetCheck } from "../checks/check";
import type { PlanValue } from "../model/snapshot";
import { levelLabel } from "../checks/messages";
import { type Lang } from "../model/lang";
import { issueNote } from "../checks/issue-messages";
import { resultHeadline, validityLine } from "../checks/headline";
import { layerWord } from "../sets/words";
import { isMappingName, NAME_RESULT_BLOCK, NAME_RESULT_COLUMNS, type Ownership } from "../model/owned";
import { ownedByProduct } from "./owned-cells";
import { bucketFor, rangeHashes, type FingerprintPart } from "../model/fingerprint";
import type { RangeRef, SheetSnapshot, WorkbookSnapshot } from "../model/snapshot";
import type { Issue } from "../model/issues";
import { maxOf } from "../model/max";
import type { WriteFormat } from "./format";
import { cleanFormat, resultFormat } from "./result-layout";
import { blockPrintsApart, blockSpan } from "./block-page";
import {
  boundedText,
  clearOfMerges,
  EXCEL_ROWS,
  freeColumns,
  lastOfficerRow,
  officerMerges,
  runsInto,
  type PlanBound,
} from "./placement";

export { lastOfficerRow, type PlanBound } from "./placement";

export interface WriteBlock {
  top: number;
  left: number;
  /** Rows of values; null leaves a cell blank. */
  values: PlanValue[][];
  /** Bold rows (indices into values), for headings. */
  boldRows?: number[];
}

/**
 * What the writer records in the fingerprint name: the hashes of what the plan writes, and what it
 * changes of the officer's. A `before` left out is for the writer to fill with what it finds there.
 */
export interface PlanRecord {
  parts: FingerprintPart[];
  widths: { col: number; before?: number | null }[];
  heights: { row: number; before?: number | null }[];
}

export interface WritePlan {
  sheet: string;
  /** Cells the product wrote before and still hold what it wrote: emptied first, so a second run replaces. */
  clear: RangeRef[];
  blocks: WriteBlock[];
  /** Sheet-scoped names to (re)define over the new blocks. */
  names: { name: string; range: RangeRef }[];
  /** Sheet-scoped product names to delete (those not redefined). */
  removeNames: string[];
  /** How the written cells look (cleared ranges lose their look first), and the print area. */
  format?: WriteFormat;
  /** The fingerprint to record (a plan that writes nothing has none: the old record goes). */
  record?: PlanRecord;
  /** What was left out or cut to stay within Excel's bounds. */
  bounds?: PlanBound[];
  /**
   * Cells given to the officer once written (the council's columns): no name, no fingerprint, never
   * cleaned; the widths of the blocks' columns are set as the format says.
   */
  given?: true;
  /** Why no result block goes under the table, where one would (the results are then on `KQ` only). */
  blockless?: Blockless;
}

/**
 * Why the block stays on `KQ` only: the officer's lines follow the table (a signature), it would
 * print on another page than the table's last row, the sheet's pages are not known (an Excel that
 * does not tell them), or the part of a table wider than its page that prints on its first page
 * across is too narrow to hold the block legibly.
 */
export type Blockless = "officer-lines" | "apart" | "pages-unknown" | "narrow";

export interface PlanOptions {
  lang?: Lang;
  /** The day checked, as the officer reads it (`27/11/2026`): passed in so the core stays pure. */
  today: string;
  /** A column's width in characters, where the caller knows it (Excel's default is assumed otherwise). */
  columnWidth?: (col: number) => number | undefined;
  /** The reader could not tell how the sheet prints (the pane on an Excel before ExcelApi 1.9): no block under the table. */
  pagesUnknown?: boolean;
}

/** The rectangle a block writes: its rows, and as wide as its widest row. */
export function blockRange(b: WriteBlock): RangeRef {
  const width = maxOf(
    b.values.map((r) => r.length),
    1
  );
  return { top: b.top, left: b.left, bottom: b.top + b.values.length - 1, right: b.left + width - 1 };
}

/** Hashes of what the blocks write, under the names they are written with. */
export function blockParts(blocks: { name: string; block: WriteBlock }[]): FingerprintPart[] {
  const ranges = blocks.map((b) => blockRange(b.block));
  const bucket = bucketFor(ranges);
  return blocks.map(({ name, block }, i) => {
    const range = ranges[i] as RangeRef;
    const hashes = rangeHashes(
      range,
      bucket,
      (r, c) => block.values[r - block.top]?.[c - block.left] ?? null
    );
    return { name, range, bucket, hashes };
  });
}

export { unitPhrase } from "../checks/headline";

/** The day as officers write it: `27/11/2026`. */
export function formatDay(d: Date): string {
  return `${String(d.getDate()).padStart(2, "0")}/${String(d.getMonth() + 1).padStart(2, "0")}/${d.getFullYear()}`;
}

export function resultLines(check: SheetCheck, opts: PlanOptions): string[] {
  const lang = opts.lang ?? "vi";
  const vi = lang === "vi";
  const { report, framework } = check;
  const level = report.recognition.level;
  const lines = [vi ? "KẾT QUẢ KIỂM TRA TỰ ĐÁNH GIÁ" : "SELF-ASSESSMENT CHECK RESULT"];
  lines.push(resultHeadline(report, lang));
  if (level === null || level === 0) lines.push(...report.recognition.reasons.map((r) => `– ${r}`));
  const held = validityLine(report, lang);
  if (held) lines.push(held);
  lines.push(`${vi ? "Bộ tiêu chí" : "Criteria set"}: ${framework.title[lang]}`);
  lines.push(`${vi ? "Ngày kiểm tra" : "Checked on"}: ${opts.today}`);
  lines.push(
    vi
      ? `Số lỗi: ${report.counts.errors}; số cảnh báo: ${report.counts.warnings}`
      : `Errors: ${report.counts.errors}; warnings: ${report.counts.warnings}`
  );
  return lines;
}

/** Each indicator row's notes, issues grouped by row once (not filtered per indicator). */
function notesByRow(check: SheetCheck, sheet: string, lang: Lang): Map<number, string | null> {
  const byRow = new Map<number, Issue[]>();
  for (const i of check.report.issues) {
    if (i.sheet !== sheet || i.rule === "criteria-sheet" || i.row === undefined || i.row === null) continue;
    const list = byRow.get(i.row) ?? [];
    list.push(i);
    byRow.set(i.row, list);
  }
  const leaf = layerWord(check.framework, "indicator", lang);
  const out = new Map<number, string | null>();
  for (const ind of check.report.indicators) {
    const levels = { self: ind.selfLevel ?? 0, computed: ind.computedLevel ?? 0, leaf };
    const notes = new Set((byRow.get(ind.row) ?? []).map((i) => issueNote(i.rule, lang, levels)));
    out.set(ind.row, notes.size ? [...notes].join("; ") : null);
  }
  return out;
}

/**
 * The two result columns: the header, then a level (and notes) on every section and indicator row —
 * except a row whose officer's text runs on into them (a criterion's title over empty cells): that
 * row's level stays in `KQ` rather than cut the officer's words.
 */
function resultColumns(
  check: SheetCheck,
  at: { sheet: SheetSnapshot; ours: RangeRef[]; merges: RangeRef[] },
  col: number,
  opts: PlanOptions,
  cut: PlanBound[]
): WriteBlock {
  const sheet = at.sheet.name;
  const lang = opts.lang ?? "vi";
  const { layout, report, framework, lastTableRow } = check;
  const rowValues = new Map<number, PlanValue[]>();
  rowValues.set(layout.headerRow, [
    lang === "vi" ? "Mức tính toán" : "Computed level",
    lang === "vi" ? "Ghi chú kiểm tra" : "Check notes",
  ]);
  for (const g of [...report.standards, ...report.criteria])
    if (g.row !== null) rowValues.set(g.row, [levelLabel(framework, g.level, lang), null]);
  const notes = notesByRow(check, sheet, lang);
  for (const ind of report.indicators) {
    const note = notes.get(ind.row) ?? null;
    rowValues.set(ind.row, [
      levelLabel(framework, ind.level, lang),
      note === null ? null : boundedText(note, { row: ind.row, col: col + 1 }, cut),
    ]);
  }
  for (const row of rowValues.keys())
    if (row !== layout.headerRow && runsInto(at.sheet, { row, col, ...at }, opts.columnWidth))
      rowValues.delete(row);
  return {
    top: layout.headerRow,
    left: col,
    values: Array.from(
      { length: lastTableRow - layout.headerRow + 1 },
      (_, i) => rowValues.get(layout.headerRow + i) ?? [null, null]
    ),
    boldRows: [0],
  };
}

/**
 * The result block right under the table, clear of the officer's merges; null past Excel's last row,
 * and null when the officer's own lines follow the table (a signature, the recipients): below them
 * it would print apart from the table, often alone on a page of its own. Then the results stay on
 * `KQ` only, which holds all the block says. (`planResults` also leaves it to `KQ` where the
 * officer's pages would print it apart from the table's last row, or where a table wider than its
 * page leaves too narrow a first page across for it: see block-page.ts.)
 */
function resultBlock(
  check: SheetCheck,
  opts: PlanOptions,
  at: { sheet: SheetSnapshot; ours: RangeRef[]; merges: RangeRef[]; right: number },
  bounds: PlanBound[]
): WriteBlock | null {
  const { layout, lastTableRow } = check;
  if (lastOfficerRow(at.sheet, at.ours) > lastTableRow) return null;
  const lines = resultLines(check, opts);
  const below = lastTableRow + 2;
  const top = clearOfMerges(below, lines.length, layout, at.merges);
  if (top + lines.length - 1 > EXCEL_ROWS) {
    bounds.push({ kind: "block", top, lines: lines.length });
    return null;
  }
  // Each line spans the table's columns on its first page across (merged by the format), so the
  // block owns all of them; a table that fits its page, its whole width.
  const across = Array.from({ length: at.right - layout.left }, () => null);
  return {
    top,
    left: layout.left,
    values: lines.map((l, i) => [boundedText(l, { row: top + i, col: layout.left }, bounds), ...across]),
    boldRows: [0, 1],
  };
}

/** Whether the block, laid on the officer's pages with the widths this write sets, parts from the table. */
function printsApart(
  sheet: SheetSnapshot,
  check: SheetCheck,
  block: WriteBlock,
  format: WriteFormat
): boolean {
  const bold = new Set(block.boldRows ?? []);
  return blockPrintsApart(
    sheet,
    {
      lastTableRow: check.lastTableRow,
      top: block.top,
      lines: block.values.map((v, i) => ({ text: String(v[0] ?? ""), bold: bold.has(i) })),
      left: block.left,
      right: blockRange(block).right,
    },
    { widths: format.widths, cover: format.printArea?.kind === "extend" ? format.printArea.cover : [] }
  );
}

/** What the fingerprint keeps of this write: hashes of the blocks, and the widths and heights as they were before. */
function writeRecord(
  own: Ownership,
  format: WriteFormat,
  blocks: { name: string; block: WriteBlock }[]
): PlanRecord {
  const columns = blocks.find((b) => b.name === NAME_RESULT_COLUMNS)?.block;
  const block = blocks.find((b) => b.name === NAME_RESULT_BLOCK)?.block;
  const ownCols = columns ? [columns.left, columns.left + 1] : [];
  const widthBefore = (col: number) => own.record?.widths.find((x) => x.col === col);
  const heightBefore = (row: number) => own.record?.heights.find((x) => x.row === row);
  return {
    parts: blockParts(blocks),
    widths: format.widths
      .filter((w) => ownCols.includes(w.col))
      .map((w) => {
        const before = widthBefore(w.col);
        return before ? { col: w.col, before: before.before } : { col: w.col };
      }),
    heights: (block?.values ?? []).map((_, i) => {
      const row = (block as WriteBlock).top + i;
      const before = heightBefore(row);
      return before ? { row, before: before.before } : { row };
    }),
  };
}

/** The block under the table, or why it stays on `KQ` only; with the format that writes what is placed. */
function placedBlock(
  check: SheetCheck,
  opts: PlanOptions,
  at: { sheet: SheetSnapshot; ours: RangeRef[]; merges: RangeRef[] },
  bounds: PlanBound[],
  formatWith: (b: WriteBlock | null) => WriteFormat
): { block: WriteBlock | null; blockless?: Blockless; format: WriteFormat } {
  const { layout, lastTableRow } = check;
  // A table wider than its page: the block's lines span only what prints on its first page across.
  const span = blockSpan(at.sheet, layout.left, layout.right);
  const block = span.narrow ? null : resultBlock(check, opts, { ...at, right: span.right }, bounds);
  if (!block) {
    const why: Blockless | undefined =
      lastOfficerRow(at.sheet, at.ours) > lastTableRow ? "officer-lines" : span.narrow ? "narrow" : undefined;
    return { block: null, ...(why ? { blockless: why } : {}), format: formatWith(null) };
  }
  const format = formatWith(block);
  // A block that would print on a page apart from the table stays on `KQ` only, as under a signature;
  // so does one whose pages cannot be known.
  const why: Blockless | undefined = opts.pagesUnknown
    ? "pages-unknown"
    : printsApart(at.sheet, check, block, format)
      ? "apart"
      : undefined;
  return why ? { block: null, blockless: why, format: formatWith(null) } : { block, format };
}

export function planResults(
  wb: WorkbookSnapshot,
  sheet: SheetSnapshot,
  check: SheetCheck,
  opts: PlanOptions
): WritePlan {
  const own = ownedByProduct(wb, sheet.name);
  const ours = own.ours;
  const merges = officerMerges(sheet, ours);
  const { layout, report, lastTableRow } = check;
  const bounds: PlanBound[] = [];
  const col = freeColumns(sheet, ours, merges, {
    from: layout.right + 1,
    top: layout.headerRow,
    bottom: lastTableRow,
  });
  const blocks: { name: string; block: WriteBlock }[] = [];
  if (col === null) bounds.push({ kind: "columns" });
  else
    blocks.push({
      name: NAME_RESULT_COLUMNS,
      block: resultColumns(check, { sheet, ours, merges }, col, opts, bounds),
    });
  const formatWith = (b: WriteBlock | null) =>
    resultFormat(wb, sheet.name, {
      layout,
      columns: blocks.find((x) => x.name === NAME_RESULT_COLUMNS)?.block,
      block: b ?? undefined,
      bodyRow: report.indicators[0]?.row ?? layout.headerRow + 1,
      own,
    });
  const { block, blockless, format } = placedBlock(check, opts, { sheet, ours, merges }, bounds, formatWith);
  if (block) blocks.push({ name: NAME_RESULT_BLOCK, block });

  const names = blocks.map((b) => ({ name: b.name, range: blockRange(b.block) }));
  const kept = new Set(names.map((n) => n.name.toLowerCase()));
  const plan: WritePlan = {
    sheet: sheet.name,
    clear: ours,
    blocks: blocks.map((b) => b.block),
    names,
    removeNames: [...new Set(own.named.map((n) => n.name).filter((n) => !kept.has(n.toLowerCase())))],
    format,
    record: writeRecord(own, format, blocks),
  };
  if (bounds.length) plan.bounds = bounds;
  if (blockless) plan.blockless = blockless;
  return plan;
}

/**
 * Removes what the product wrote and still holds as written: gives back the officer's workbook for
 * sending, with the widths, heights and print area the product changed. Cells the officer changed
 * stay; an officer's copy of a sheet is left as it is.
 */
export function planClean(wb: WorkbookSnapshot, sheet: string): WritePlan {
  const own = ownedByProduct(wb, sheet);
  const empty: WritePlan = { sheet, clear: [], blocks: [], names: [], removeNames: [] };
  if (own.state === "copied") return empty;
  // The officer's own column choice (the pane's Chọn cột) is a setting, not a result: it stays.
  const ours = (n: { name: string }) => /^hoctap_/i.test(n.name) && !isMappingName(n.name);
  const names = wb.definedNames.filter((n) => n.refSheet === sheet && ours(n));
  const values = (wb.nameValues ?? []).filter((n) => n.sheet === sheet && ours(n));
  return {
    ...empty,
    clear: own.ours,
    removeNames: [...new Set([...names, ...values].map((n) => n.name))],
    format: cleanFormat(wb, sheet, own),
  };
}
