// The ExcelJS adapter's formatting: applies the core's styles, row heights and page setup to a
// worksheet. ExcelJS shares one style object between all cells of a file that have the same look,
// so a cell's style is always replaced by a fresh object, never changed in place.
import type ExcelJS from "exceljs";
import type { CellStyle, PrintSetup, RowHeight, SheetFont, StyledRange } from "../core/plans/format";
import { lineCount, rowPoints } from "../core/plans/measure";
import type { RangeRef } from "../core/model/snapshot";
import { parseRange } from "../core/model/a1";

const DEFAULT_WIDTH = 8.43;
const DEFAULT_FONT: Partial<ExcelJS.Font> = { name: "Calibri", family: 2, size: 11 };
const thin = (): Partial<ExcelJS.Borders> => ({
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
});

/** `base` with `style` laid over it, as a new style object. */
export function styled(base: Partial<ExcelJS.Style>, style: CellStyle): Partial<ExcelJS.Style> {
  const next: Partial<ExcelJS.Style> = { ...base };
  const font: Partial<ExcelJS.Font> = { ...base.font };
  if (style.font !== undefined) font.name = style.font;
  if (style.size !== undefined) font.size = style.size;
  if (style.bold !== undefined) font.bold = style.bold;
  if (style.italic !== undefined) font.italic = style.italic;
  // A font without a name is drawn in some other font: complete it with the default ExcelJS writes.
  if (Object.keys(font).length) next.font = font.name ? font : { ...DEFAULT_FONT, ...font };
  const alignment: Partial<ExcelJS.Alignment> = { ...base.alignment };
  if (style.wrap !== undefined) alignment.wrapText = style.wrap;
  if (style.horizontal !== undefined) alignment.horizontal = style.horizontal;
  if (style.vertical !== undefined) alignment.vertical = style.vertical;
  if (Object.keys(alignment).length) next.alignment = alignment;
  if (style.border === "thin") next.border = thin();
  if (style.border === "none") next.border = {};
  if (style.fill === "none") next.fill = { type: "pattern", pattern: "none" };
  else if (style.fill !== undefined)
    next.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${style.fill}` } };
  return next;
}

/** The look of `source` (font, fill, borders, alignment) on `target`'s other settings (its number format). */
function likeCell(target: ExcelJS.Cell, source: ExcelJS.Cell): Partial<ExcelJS.Style> {
  const { font, fill, border, alignment } = source.style;
  const look: Partial<ExcelJS.Style> = { ...target.style };
  for (const [k, v] of Object.entries({ font, fill, border, alignment }) as [
    keyof ExcelJS.Style,
    unknown,
  ][]) {
    if (v === undefined) delete look[k];
    else (look as Record<string, unknown>)[k] = structuredClone(v);
  }
  return look;
}

function* cells(ws: ExcelJS.Worksheet, r: RangeRef): Generator<[ExcelJS.Cell, number]> {
  for (let row = r.top; row <= r.bottom; row++)
    for (let col = r.left; col <= r.right; col++) yield [ws.getCell(row, col), row];
}

/** Applies styled ranges in order; `font` is laid under each (a product sheet's own font). */
export function applyStyles(ws: ExcelJS.Worksheet, styles: StyledRange[], font?: SheetFont): void {
  const under: CellStyle = font ? { font: font.name, size: font.size } : {};
  for (const s of styles) {
    for (const [cell, row] of cells(ws, s.range)) {
      const base = s.like ? likeCell(cell, ws.getCell(s.like.row ?? row, s.like.col)) : cell.style;
      cell.style = styled(styled(base, s.like ? {} : under), s.style);
    }
  }
}

/** Gives cleared cells back a plain look: their column's, as a new cell would have. */
export function clearLook(ws: ExcelJS.Worksheet, r: RangeRef): void {
  for (const [cell] of cells(ws, r)) cell.style = { ...ws.getColumn(Number(cell.col)).style };
}

/** Undoes the merges lying inside a range (the product's own, never one reaching outside it). */
export function unmergeWithin(ws: ExcelJS.Worksheet, r: RangeRef): void {
  const merges = ((ws.model as { merges?: string[] }).merges ?? []).filter((m) => {
    const p = parseRange(m)?.range;
    return (
      p !== undefined && p.top >= r.top && p.bottom <= r.bottom && p.left >= r.left && p.right <= r.right
    );
  });
  for (const m of merges) ws.unMergeCells(m);
}

function columnsWidth(ws: ExcelJS.Worksheet, r: RangeRef): number {
  const fallback = ws.properties.defaultColWidth ?? DEFAULT_WIDTH;
  let width = 0;
  for (let c = r.left; c <= r.right; c++) width += ws.getColumn(c).width ?? fallback;
  return width;
}

export function applyRowHeights(ws: ExcelJS.Worksheet, heights: RowHeight[]): void {
  for (const h of heights) {
    const row = ws.getRow(h.row);
    if ("height" in h) {
      row.height = h.height ?? (undefined as unknown as number);
      continue;
    }
    const size = ws.getCell(h.row, h.fit.range.left).font?.size ?? 11;
    const lines = lineCount(h.fit.text, columnsWidth(ws, h.fit.range), size, h.fit.bold);
    row.height = rowPoints(lines, size);
  }
}

/** A4 page setup; the print area and titles are written as names by the caller. */
export function applyPageSetup(ws: ExcelJS.Worksheet, p: PrintSetup): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation: p.orientation,
    fitToPage: p.fitTo !== undefined,
    ...(p.fitTo ? { fitToWidth: p.fitTo.wide, fitToHeight: p.fitTo.tall } : { scale: p.scale ?? 100 }),
    ...(p.margins ? { margins: { ...p.margins, header: 0.3, footer: 0.3 } } : {}),
    ...(p.centered ? { horizontalCentered: true } : {}),
  };
}
