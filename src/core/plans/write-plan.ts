// The write plan: the cells the product writes into an officer's sheet, as a few 2-D blocks plus the
// defined names that mark them as the product's own. Pure; the ExcelJS and Office adapters apply it.
import type { SheetCheck } from "../checks/check";
import type { PlanValue } from "../model/snapshot";
import { levelLabel } from "../checks/messages";
import { type Lang } from "../model/lang";
import { issueNote } from "../checks/issue-messages";
import { resultHeadline, validityLine } from "../checks/headline";
import { layerWord } from "../sets/words";
import { NAME_RESULT_BLOCK, NAME_RESULT_COLUMNS, isOwned, ownedRanges } from "../model/owned";
import {
  cellAt,
  isBlank,
  rowCells,
  rowNumbers,
  rowsBetween,
  type RangeRef,
  type SheetSnapshot,
  type WorkbookSnapshot,
} from "../model/snapshot";
import { maxOf } from "../model/max";
import type { WriteFormat } from "./format";
import { cleanFormat, resultFormat } from "./result-layout";

export interface WriteBlock {
  top: number;
  left: number;
  /** Rows of values; null leaves a cell blank. */
  values: PlanValue[][];
  /** Bold rows (indices into values), for headings. */
  boldRows?: number[];
}

export interface WritePlan {
  sheet: string;
  /** Ranges the product wrote before: emptied first, so a second run replaces instead of adding. */
  clear: RangeRef[];
  blocks: WriteBlock[];
  /** Sheet-scoped names to (re)define over the new blocks. */
  names: { name: string; range: RangeRef }[];
  /** Sheet-scoped product names to delete (those not redefined). */
  removeNames: string[];
  /** How the written cells look (cleared ranges lose their look first), and the print area. */
  format?: WriteFormat;
}

export interface PlanOptions {
  lang?: Lang;
  /** The day checked, as the officer reads it (`27/11/2026`): passed in so the core stays pure. */
  today: string;
}

function blockRange(b: WriteBlock): RangeRef {
  const width = maxOf(
    b.values.map((r) => r.length),
    1
  );
  return { top: b.top, left: b.left, bottom: b.top + b.values.length - 1, right: b.left + width - 1 };
}

/** The first pair of columns right of the table that holds nothing of the officer's. */
function freeColumns(
  sheet: SheetSnapshot,
  owned: RangeRef[],
  from: number,
  top: number,
  bottom: number
): number {
  const officerCell = (r: number, c: number) => !isOwned(owned, r, c) && !isBlank(cellAt(sheet, r, c).value);
  const columnFree = (c: number) => {
    for (const r of rowsBetween(sheet, top, bottom)) if (officerCell(r, c)) return false;
    return true;
  };
  let c = from;
  while (!(columnFree(c) && columnFree(c + 1))) c++;
  return c;
}

/** The last row holding anything of the officer's (a signature block included). */
export function lastOfficerRow(sheet: SheetSnapshot, owned: RangeRef[]): number {
  const rows = rowNumbers(sheet);
  for (let i = rows.length - 1; i >= 0; i--) {
    const r = rows[i] as number;
    for (const [c, cell] of rowCells(sheet, r)) if (!isBlank(cell.value) && !isOwned(owned, r, c)) return r;
  }
  return 0;
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
  lines.push(`${vi ? "Bộ tiêu chí" : "Criteria set"}: ${framework.title[lang]} (${framework.id})`);
  lines.push(`${vi ? "Ngày kiểm tra" : "Checked on"}: ${opts.today}`);
  lines.push(
    vi
      ? `Số lỗi: ${report.counts.errors}; số cảnh báo: ${report.counts.warnings}`
      : `Errors: ${report.counts.errors}; warnings: ${report.counts.warnings}`
  );
  return lines;
}

/** The two result columns beside the table: each group's and leaf's level, each leaf's problems in a few words. */
function resultColumns(sheet: SheetSnapshot, check: SheetCheck, col: number, lang: Lang): WriteBlock {
  const { layout, report, framework, lastTableRow } = check;
  const rowValues = new Map<number, PlanValue[]>();
  rowValues.set(layout.headerRow, [
    lang === "vi" ? "Mức tính toán" : "Computed level",
    lang === "vi" ? "Ghi chú kiểm tra" : "Check notes",
  ]);
  for (const g of [...report.standards, ...report.criteria])
    if (g.row !== null) rowValues.set(g.row, [levelLabel(framework, g.level, lang), null]);
  const leaf = layerWord(framework, "indicator", lang);
  for (const ind of report.indicators) {
    const notes = new Set(
      report.issues
        .filter((i) => i.sheet === sheet.name && i.row === ind.row && i.rule !== "criteria-sheet")
        .map((i) =>
          issueNote(i.rule, lang, { self: ind.selfLevel ?? 0, computed: ind.computedLevel ?? 0, leaf })
        )
    );
    rowValues.set(ind.row, [
      levelLabel(framework, ind.level, lang),
      notes.size ? [...notes].join("; ") : null,
    ]);
  }
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

export function planResults(
  wb: WorkbookSnapshot,
  sheet: SheetSnapshot,
  check: SheetCheck,
  opts: PlanOptions
): WritePlan {
  const lang = opts.lang ?? "vi";
  const owned = ownedRanges(wb, sheet.name);
  const { layout, report, lastTableRow } = check;
  const col = freeColumns(sheet, owned, layout.right + 1, layout.headerRow, lastTableRow);
  const columns = resultColumns(sheet, check, col, lang);
  const blockTop = Math.max(lastOfficerRow(sheet, owned), lastTableRow) + 2;
  // Each line spans the table's width (merged by the format), so the block owns all of it.
  const across = Array.from({ length: layout.right - layout.left }, () => null);
  const block: WriteBlock = {
    top: blockTop,
    left: layout.left,
    values: resultLines(check, opts).map((l) => [l, ...across]),
    boldRows: [0, 1],
  };
  return {
    sheet: sheet.name,
    clear: owned,
    blocks: [columns, block],
    names: [
      { name: NAME_RESULT_COLUMNS, range: blockRange(columns) },
      { name: NAME_RESULT_BLOCK, range: blockRange(block) },
    ],
    removeNames: [],
    format: resultFormat(wb, sheet.name, {
      layout,
      columns,
      block,
      bodyRow: report.indicators[0]?.row ?? layout.headerRow + 1,
      owned,
    }),
  };
}

/** Removes every owned cell and name: gives back the officer's workbook for sending. */
export function planClean(wb: WorkbookSnapshot, sheet: string): WritePlan {
  const names = wb.definedNames.filter((n) => n.refSheet === sheet && /^hoctap_/i.test(n.name));
  return {
    sheet,
    clear: ownedRanges(wb, sheet),
    blocks: [],
    names: [],
    removeNames: [...new Set(names.map((n) => n.name))],
    format: cleanFormat(wb, sheet, ownedRanges(wb, sheet)),
  };
}
