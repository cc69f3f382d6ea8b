// The `Tổng hợp` sheet laid out for A4 landscape: a title and the day, then a block of units (header,
// one row per assessed sheet, totals). Printed one page wide when that stays readable, otherwise
// across pages with the header row and the key columns (file, sheet, unit) repeated on each.
import type { Lang } from "../model/lang";
import type { PlanValue, RangeRef } from "../model/snapshot";
import { BODY, HEADER, SheetLayout, type LayoutCell } from "./layout";
import { widthFor } from "./measure";
import { fitAcross, MARGINS } from "./print";
import { levelFill, type SheetPlan } from "./sheet-plan";
import { maxOf } from "../model/max";

export interface SummaryRow {
  file: string;
  sheet: string;
  unitName: string | null;
  framework: string | null;
  level: number | null;
  label: string;
  errors: number | null;
  warnings: number | null;
  indicators: Record<string, number | null>;
  error?: string;
}

const say = (lang: Lang, vi: string, en: string) => (lang === "vi" ? vi : en);
const FONT = { name: "Times New Roman", size: 11 };
/** A printed page holds this many units. */
export const UNITS_PER_PAGE = 30;
/** File, sheet and unit: repeated on every page when the table is printed across pages. */
const KEY_COLUMNS = 3;
const CENTER = { horizontal: "center" } as const;

/** Columns before the indicators' levels. */
const FIXED = 8;

/** Each column: its header and the narrowest and widest it may be, in characters. */
function columns(lang: Lang, cb: string[]): { header: string; min: number; max: number }[] {
  return [
    { header: say(lang, "Tệp", "File"), min: 10, max: 26 },
    { header: "Sheet", min: 8, max: 18 },
    { header: say(lang, "Đơn vị", "Unit"), min: 12, max: 24 },
    { header: say(lang, "Bộ tiêu chí", "Criteria set"), min: 10, max: 18 },
    { header: say(lang, "Mức công nhận", "Recognition level"), min: 8, max: 10 },
    { header: say(lang, "Kết quả", "Result"), min: 10, max: 22 },
    { header: say(lang, "Lỗi", "Errors"), min: 5, max: 8 },
    { header: say(lang, "Cảnh báo", "Warnings"), min: 6, max: 10 },
    // Numbered under one `Mức của chỉ báo` heading: narrow columns keep the table one page wide.
    ...cb.map((_, i) => ({ header: String(i + 1), min: 3.5, max: 5 })),
  ];
}

/** Wide enough for every value on one line, within the column's bounds, never cutting a header word. */
function widthsFor(cols: ReturnType<typeof columns>, body: PlanValue[][]): number[] {
  return cols.map((c, i) => {
    const word = maxOf(
      c.header.split(" ").map((w) => widthFor(w, FONT.size, true)),
      0
    );
    const text = maxOf(
      body.map((r) => (r[i] === null || r[i] === undefined ? 0 : widthFor(String(r[i]), FONT.size))),
      0
    );
    return Math.max(word, Math.min(c.max, Math.max(c.min, text)));
  });
}

function bodyRow(r: SummaryRow, cb: string[]): LayoutCell[] {
  const fill = (level: number | null) => ({ ...CENTER, fill: levelFill(level) });
  const ok = r.error === undefined;
  return [
    { value: r.file },
    { value: r.sheet },
    { value: r.unitName },
    { value: r.framework },
    { value: r.level, style: ok ? fill(r.level) : CENTER },
    { value: r.label, style: ok ? { fill: levelFill(r.level) } : {} },
    { value: r.errors, style: CENTER },
    { value: r.warnings, style: CENTER },
    ...cb.map((k) => ({
      value: r.indicators[k] ?? null,
      style: k in r.indicators ? fill(r.indicators[k] ?? null) : CENTER,
    })),
  ];
}

function byLevel(assessed: SummaryRow[], lang: Lang): string {
  return [3, 2, 1, 0, null]
    .map((l) => [l, assessed.filter((r) => r.level === l).length] as const)
    .filter(([l, n]) => l !== null || n > 0)
    .map(
      ([l, n]) =>
        `${l === null ? say(lang, "Chưa xác định", "Undetermined") : l === 0 ? say(lang, "Không đạt", "Not achieved") : say(lang, `Mức ${l}`, `Level ${l}`)}: ${n}`
    )
    .join("; ");
}

/**
 * One block of units at the layout's next row: header, rows, totals. Returns where its parts are,
 * so that a sheet can stack several blocks.
 */
export function unitsBlock(
  out: SheetLayout,
  rows: SummaryRow[],
  cb: string[],
  opts: { lang: Lang; across: boolean }
): { first: number; header: number; body: RangeRef; totals: number } {
  const { lang } = opts;
  const cols = columns(lang, cb);
  // Two header rows: the fixed columns' headings span both; the indicators are numbered under one,
  // its words at the start when the columns go on over several pages.
  const first = out.line(
    [
      ...cols.slice(0, FIXED).map((c) => c.header),
      {
        value: say(lang, "Mức của chỉ báo", "Indicator levels"),
        span: cb.length,
        style: opts.across ? { horizontal: "left" } : {},
      },
    ],
    HEADER
  );
  const header = out.line(
    [...cols.slice(0, FIXED).map(() => null), ...cols.slice(FIXED).map((c) => c.header)],
    HEADER
  );
  for (let c = 1; c <= FIXED; c++) out.merges.push({ top: first, left: c, bottom: header, right: c });
  // The fixed headings span both rows: the first needs only what the second does not give.
  out.resize(first, Math.max(out.heightOf(header), out.heightOf(first) - out.heightOf(header)));
  const top = out.next;
  for (const r of rows) out.line(bodyRow(r, cb), BODY);
  const assessed = rows.filter((r) => r.error === undefined);
  const sum = (k: "errors" | "warnings") => assessed.reduce((s, r) => s + (r[k] ?? 0), 0);
  const totals = out.line(
    [
      // Nothing spans out of the key columns: they are repeated alone on the pages across.
      { value: say(lang, "Tổng cộng", "Total"), span: 2 },
      say(lang, `${assessed.length} đơn vị`, `${assessed.length} units`),
      { value: byLevel(assessed, lang), span: 3 },
      { value: sum("errors"), style: CENTER },
      { value: sum("warnings"), style: CENTER },
      ...cb.map(() => null),
    ],
    { ...BODY, bold: true }
  );
  return { first, header, body: { top, left: 1, bottom: totals - 1, right: cols.length }, totals };
}

/** The indicator columns: `CB1`… up to the most indicators of any unit, at least 16. */
function indicatorColumns(rows: SummaryRow[]): string[] {
  const count = maxOf(
    rows.map((r) => Object.keys(r.indicators).length),
    16
  );
  return Array.from({ length: count }, (_, i) => `CB${i + 1}`);
}

/** The `Tổng hợp` sheet. */
export function unitsSheet(
  rows: SummaryRow[],
  opts: { name: string; lang: Lang; today?: string }
): SheetPlan {
  const { lang } = opts;
  const cb = indicatorColumns(rows);
  const cols = columns(lang, cb);
  const widths = widthsFor(
    cols,
    rows.map((r) => bodyRow(r, cb).map((c) => c.value))
  );
  const tall = Math.max(1, Math.ceil(rows.length / UNITS_PER_PAGE));
  const units = rows.filter((r) => r.error === undefined).length;
  const count = say(lang, `${units} đơn vị`, `${units} units`);
  const dated = opts.today
    ? say(lang, `Ngày lập: ${opts.today} · ${count}`, `Made on ${opts.today} · ${count}`)
    : count;
  const lay = (across: boolean) => {
    const out = new SheetLayout(widths, FONT);
    // Printed across pages, the title stays within the key columns, which every page repeats.
    const span = across ? KEY_COLUMNS : cols.length;
    out.line([{ value: say(lang, "TỔNG HỢP KẾT QUẢ TỰ ĐÁNH GIÁ", "SELF-ASSESSMENT SUMMARY"), span }], {
      bold: true,
      size: 14,
      horizontal: "center",
      wrap: true,
    });
    out.line([{ value: dated, span }], { italic: true, horizontal: "center", wrap: true });
    out.blank();
    const block = unitsBlock(out, rows, cb, { lang, across });
    const chart = chartRows(out, rows, lang);
    const fit = fitAcross(widths, {
      orientation: "landscape",
      tall,
      pageRowsPoints: pageRows(out, block),
    });
    return { out, block, chart, fit };
  };
  let laid = lay(false);
  if (laid.fit.across) laid = lay(true);
  const { out, block, chart, fit } = laid;
  const breaks: number[] = [];
  if (fit.across)
    for (let r = block.header + UNITS_PER_PAGE; r < block.totals - 1; r += UNITS_PER_PAGE) breaks.push(r);
  return {
    name: opts.name,
    rows: out.rows,
    widths,
    font: FONT,
    styles: out.styles,
    merges: out.merges,
    rowHeights: out.rowHeights,
    freezeRows: block.header,
    autoFilter: { top: block.header, left: 1, bottom: block.totals - 1, right: cols.length },
    pageBreaks: breaks,
    print: {
      orientation: "landscape",
      titleRows: [block.first, block.header],
      ...(fit.across ? { titleColumns: [1, KEY_COLUMNS] as [number, number], scale: fit.scale } : {}),
      ...(fit.fitTo ? { fitTo: fit.fitTo } : {}),
      area: { top: 1, left: 1, bottom: block.totals, right: cols.length },
      margins: MARGINS,
    },
    chart,
  };
}

/** Points a page needs: the rows above the table, its header and a page of units. */
function pageRows(out: SheetLayout, block: { header: number; totals: number }): number {
  let above = 0;
  for (let r = 1; r <= block.header; r++) above += out.heightOf(r);
  let body = 0;
  for (let r = block.header + 1; r < block.totals; r++) body += out.heightOf(r);
  const perUnit = body / Math.max(1, block.totals - block.header - 1);
  return above + perUnit * UNITS_PER_PAGE + out.heightOf(block.totals);
}

/** Units per recognition level, below the printed table: the add-in draws its chart from them. */
function chartRows(out: SheetLayout, rows: SummaryRow[], lang: Lang): SheetPlan["chart"] {
  out.blank();
  out.line([say(lang, "Mức công nhận", "Recognition level"), say(lang, "Số đơn vị", "Units")], {
    bold: true,
  });
  const top = out.next;
  for (const l of [0, 1, 2, 3])
    out.line([
      l === 0 ? say(lang, "Không đạt", "Not achieved") : say(lang, `Mức ${l}`, `Level ${l}`),
      rows.filter((r) => r.error === undefined && r.level === l).length,
    ]);
  return {
    title: say(lang, "Số đơn vị theo mức công nhận", "Units by recognition level"),
    categories: { top, left: 1, bottom: top + 3, right: 1 },
    values: { top, left: 2, bottom: top + 3, right: 2 },
  };
}
