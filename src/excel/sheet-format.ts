// The Office connector's formatting: the looks, sizes and page setup the core plans, with Office.js.
// What is newer than the ExcelApi 1.4 baseline is used only where Excel has it: copying a look and
// the page setup (print area, titles, scaling, page breaks) need 1.9; older Excel gets the look the
// plan states without the copied one, and the workbook's own page setup.
import { a1, columnLetters, contains, parseRange, rangeA1 } from "../core/model/a1";
import { NAME_PRINT_AREA } from "../core/model/owned";
import type { RangeRef } from "../core/model/snapshot";
import type { CellStyle, PrintSetup, RowHeight, StyledRange, WriteFormat } from "../core/plans/format";
import { lineCount, pointsToWidth, rowPoints, widthPoints } from "../core/plans/measure";
import { printAreaStep } from "../core/plans/print";
import type { SheetPlan } from "../core/plans/sheet-plan";
import type { PlanRecord } from "../core/plans/write-plan";
import { supported } from "./office-run";
import { restoreLooks } from "./looks";

const HORIZONTAL = { left: "Left", center: "Center", right: "Right" } as const;
const VERTICAL = { top: "Top", middle: "Center", bottom: "Bottom" } as const;
const INCH = 72;
/** Excel's standard column width, in characters: what a column the product no longer widens goes back to. */
const DEFAULT_WIDTH = 8.43;

/** Lays a style over a range (ExcelApi 1.1). */
function applyStyle(range: Excel.Range, style: CellStyle, box: RangeRef): void {
  const f = range.format;
  if (style.font !== undefined) f.font.name = style.font;
  if (style.size !== undefined) f.font.size = style.size;
  if (style.bold !== undefined) f.font.bold = style.bold;
  if (style.italic !== undefined) f.font.italic = style.italic;
  if (style.wrap !== undefined) f.wrapText = style.wrap;
  if (style.horizontal) f.horizontalAlignment = HORIZONTAL[style.horizontal];
  if (style.vertical) f.verticalAlignment = VERTICAL[style.vertical];
  if (style.fill === "none") f.fill.clear();
  else if (style.fill) f.fill.color = `#${style.fill}`;
  if (style.border) {
    const edges: `${Excel.BorderIndex}`[] = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"];
    // Inside edges only where the range has them.
    if (box.bottom > box.top) edges.push("InsideHorizontal");
    if (box.right > box.left) edges.push("InsideVertical");
    for (const e of edges) {
      const border = f.borders.getItem(e);
      border.style = style.border === "thin" ? "Continuous" : "None";
      if (style.border === "thin") border.weight = "Thin";
    }
  }
}

/** Styled ranges in order: the look of a cell first where Excel can copy it (1.9), then the style. */
function applyStyles(ws: Excel.Worksheet, styles: StyledRange[]): void {
  const copy = supported("1.9");
  for (const s of styles) {
    const target = ws.getRange(rangeA1(s.range));
    if (s.like && copy) {
      const source =
        s.like.row !== undefined
          ? a1(s.like.row, s.like.col)
          : rangeA1({ ...s.range, left: s.like.col, right: s.like.col });
      target.copyFrom(ws.getRange(source), "Formats");
    }
    applyStyle(target, s.style, s.range);
  }
}

/** Fixed heights, consecutive equal rows in one call; `null` gives rows their automatic height. */
function applyHeights(ws: Excel.Worksheet, heights: { row: number; height: number | null }[]): void {
  const sorted = [...heights].sort((a, b) => a.row - b.row);
  for (let i = 0; i < sorted.length;) {
    const { row, height } = sorted[i] as { row: number; height: number | null };
    let n = 1;
    while (sorted[i + n]?.row === row + n && sorted[i + n]?.height === height) n++;
    const rows = ws.getRangeByIndexes(row - 1, 0, n, 1);
    if (height === null) rows.format.autofitRows();
    else rows.format.rowHeight = height;
    i += n;
  }
}

const fixed = (h: RowHeight): h is { row: number; height: number | null } => "height" in h;

function pageSetup(ws: Excel.Worksheet, p: PrintSetup): void {
  const layout = ws.pageLayout;
  layout.orientation = p.orientation === "landscape" ? "Landscape" : "Portrait";
  layout.paperSize = "A4";
  if (p.titleRows) layout.setPrintTitleRows(`$${p.titleRows[0]}:$${p.titleRows[1]}`);
  if (p.titleColumns)
    layout.setPrintTitleColumns(`$${columnLetters(p.titleColumns[0])}:$${columnLetters(p.titleColumns[1])}`);
  // `tall: 0` (as many pages as needed) is said by leaving the vertical count out.
  layout.zoom = p.fitTo
    ? { horizontalFitToPages: p.fitTo.wide, ...(p.fitTo.tall ? { verticalFitToPages: p.fitTo.tall } : {}) }
    : { scale: p.scale ?? 100 };
  if (p.margins) {
    const points = (inches: number) => Math.round(inches * INCH * 100) / 100;
    layout.leftMargin = points(p.margins.left);
    layout.rightMargin = points(p.margins.right);
    layout.topMargin = points(p.margins.top);
    layout.bottomMargin = points(p.margins.bottom);
  }
  if (p.centered) layout.centerHorizontally = true;
  if (p.area) layout.setPrintArea(rangeA1(p.area));
}

/** The formatting part of a product sheet (`addSheetFromPlan`): queued, no sync. */
export function formatSheet(ws: Excel.Worksheet, plan: SheetPlan, width: number): void {
  const rows = plan.rows.length;
  if (plan.font && rows) {
    const all = ws.getRangeByIndexes(0, 0, rows, width).format.font;
    all.name = plan.font.name;
    all.size = plan.font.size;
  }
  for (const r of plan.boldRows ?? []) ws.getRangeByIndexes(r, 0, 1, width).format.font.bold = true;
  plan.widths?.forEach((w, i) => (ws.getRangeByIndexes(0, i, 1, 1).format.columnWidth = widthPoints(w)));
  for (const f of plan.fills ?? []) ws.getRange(rangeA1(f.range)).format.fill.color = `#${f.color}`;
  applyStyles(ws, plan.styles ?? []);
  for (const m of plan.merges ?? []) ws.getRange(rangeA1(m)).merge(false);
  applyHeights(ws, (plan.rowHeights ?? []).filter(fixed));
  if (plan.freezeRows && supported("1.7")) ws.freezePanes.freezeRows(plan.freezeRows);
  if (plan.autoFilter && supported("1.9")) ws.autoFilter.apply(ws.getRange(rangeA1(plan.autoFilter)));
  if (supported("1.8")) {
    for (const v of plan.validations ?? []) {
      ws.getRange(rangeA1(v.range)).dataValidation.rule = {
        list: { inCellDropDown: true, source: v.list.join(",") },
      };
    }
  }
  if (supported("1.9")) {
    if (plan.print) pageSetup(ws, plan.print);
    // A break above the row after each: a new page starts below it.
    for (const r of plan.pageBreaks ?? []) ws.horizontalPageBreaks.add(ws.getRangeByIndexes(r, 0, 1, 1));
  }
}

/** The sheet's print area now: one plain range, none, or something the product leaves alone. */
function printAreaOf(area: Excel.RangeAreas): RangeRef | null | "other" {
  if (area.isNullObject) return null;
  const address = area.address;
  return (!address.includes(",") && parseRange(address)?.range) || "other";
}

type WrittenPlan = { clear: RangeRef[]; format?: WriteFormat; record?: PlanRecord };
type Loaded<T> = T & { columns: Excel.RangeFormat[]; font: { size: number } };

/** What only Excel knows and the look of the written cells needs, loaded by the write's first sync. */
export interface FormatReads {
  fits: Loaded<Extract<RowHeight, { fit: unknown }>>[];
  area: Excel.RangeAreas | null;
  /** The widths the product's columns have before it widens them, for the fingerprint (clean gives them back). */
  widths: { col: number; format: Excel.RangeFormat }[];
}

/** The widths read before the write, in characters, for the fingerprint's record. */
export function seenWidths(reads: FormatReads): Map<number, number | null> {
  return new Map(
    reads.widths.map((w) => [w.col, Math.round(pointsToWidth(w.format.columnWidth) * 100) / 100])
  );
}

/**
 * Queues the loads `formatWritten` needs — the widths and font under each line to fit (the font of
 * the cell its look is copied from, else of the cell itself), the print area (1.9) — so that they
 * ride with the write's first sync, the check that nothing changed, instead of one of their own.
 */
export function queueFormatReads(ws: Excel.Worksheet, plan: WrittenPlan): FormatReads {
  const f = plan.format;
  const widths = (plan.record?.widths ?? [])
    .filter((w) => w.before === undefined)
    .map((w) => ({
      col: w.col,
      format: ws.getRangeByIndexes(0, w.col - 1, 1, 1).format.load("columnWidth"),
    }));
  if (!f) return { fits: [], area: null, widths };
  const fits = f.rowHeights.flatMap((h) => {
    if (fixed(h)) return [];
    const { range } = h.fit;
    const columns = Array.from({ length: range.right - range.left + 1 }, (_, i) =>
      ws.getRangeByIndexes(0, range.left - 1 + i, 1, 1).format.load("columnWidth")
    );
    const styled = f.styles.filter((st) => contains(st.range, range.top, range.left));
    const size = styled.map((st) => st.style?.size).find((x) => x !== undefined);
    const like = styled.find((st) => st.like)?.like;
    const source = like && supported("1.9") ? a1(like.row ?? range.top, like.col) : a1(range.top, range.left);
    const font = size !== undefined ? { size } : ws.getRange(source).format.font.load("size");
    return [{ ...h, columns, font }];
  });
  const area =
    f.printArea && supported("1.9") ? ws.pageLayout.getPrintAreaOrNullObject().load("address") : null;
  return { fits, area, widths };
}

/**
 * The look of what a write plan wrote into an officer's sheet, queued by `applyPlan` once the values
 * are: earlier merges and looks undone (the officer's looks from before the first write given back,
 * `lastLooks` being the last record's), widths, copied looks, merges and heights, each line's row
 * fitted from what `queueFormatReads` loaded, the print area grown (1.9). No sync of its own.
 */
export function formatWritten(
  ws: Excel.Worksheet,
  plan: WrittenPlan,
  reads: FormatReads,
  lastLooks?: string
): void {
  const f = plan.format;
  if (!f) return;
  for (const r of f.unmerge) ws.getRange(rangeA1(r)).unmerge();
  for (const r of plan.clear) ws.getRange(rangeA1(r)).clear("Formats");
  restoreLooks(ws, lastLooks, plan.clear);
  for (const w of f.widths)
    ws.getRangeByIndexes(0, w.col - 1, 1, 1).format.columnWidth = widthPoints(w.width ?? DEFAULT_WIDTH);
  applyStyles(ws, f.styles);
  for (const m of f.merges) ws.getRange(rangeA1(m)).merge(false);
  applyHeights(ws, f.rowHeights.filter(fixed));
  for (const h of reads.fits) {
    const width = h.columns.reduce((s, c) => s + pointsToWidth(c.columnWidth), 0);
    const lines = lineCount(h.fit.text, width, h.font.size, h.fit.bold);
    ws.getRangeByIndexes(h.row - 1, 0, 1, 1).format.rowHeight = rowPoints(lines, h.font.size);
  }
  const { area } = reads;
  if (area && f.printArea) {
    const step = printAreaStep(f.printArea, printAreaOf(area));
    if (step.set) ws.pageLayout.setPrintArea(rangeA1(step.set));
    const kept = f.printArea.kind === "extend" && f.printArea.recorded !== null;
    if (kept && (step.record || step.dropRecord)) ws.names.getItem(NAME_PRINT_AREA).delete();
    if (step.record) ws.names.add(NAME_PRINT_AREA, ws.getRange(rangeA1(step.record))).visible = false;
  }
}
