// The `Tổng hợp` sheet laid out for A4 landscape: a title and the day, then one titled block of units
// per criteria set (header, one row per assessed sheet, totals), each with its own leaf columns and
// words: `chỉ tiêu` of one set and `chỉ báo` of another are never mixed. Printed one page wide when
// that stays readable, otherwise across pages with the key columns (file, sheet, unit) on each.
import { say, type Lang } from "../model/lang";
import type { PlanValue, RangeRef } from "../model/snapshot";
import { BODY, HEADER, SheetLayout, type LayoutCell } from "./layout";
import { widthFor } from "./measure";
import { fitAcross, MARGINS } from "./print";
import { levelFill, type SheetPlan } from "./sheet-plan";
import { maxOf } from "../model/max";
import { levelLabel, levelLabels, lower, plainLevels } from "../sets/words";

export interface SummaryRow {
  file: string;
  sheet: string;
  unitName: string | null;
  framework: string | null;
  level: number | null;
  label: string;
  errors: number | null;
  warnings: number | null;
  /** Leaf levels by the set's code and number: `CT1`, `CT2`… */
  indicators: Record<string, number | null>;
  error?: string;
  /** The council's verdict (thẩm định): its level and how many targets it judged otherwise. */
  verified?: { level: number | null; label: string; differences: number };
  /** The set's words for the block: its title, the leaf's word, level labels 0..N. */
  set?: { title: string; leaf: string; levels: string[] };
}

const FONT = { name: "Times New Roman", size: 11 };
/** A printed page holds this many units. */
export const UNITS_PER_PAGE = 30;
/** File, sheet and unit: repeated on every page when the table is printed across pages. */
const KEY_COLUMNS = 3;
const CENTER = { horizontal: "center" } as const;

/** Columns before the indicators' levels: two more with the council's verdict. */
const fixedOf = (council: boolean) => (council ? 10 : 8);

/** Each column: its header and the narrowest and widest it may be, in characters. */
function columns(lang: Lang, cb: string[], council = false): { header: string; min: number; max: number }[] {
  return [
    { header: say(lang, "Tệp", "File"), min: 10, max: 26 },
    { header: "Sheet", min: 8, max: 18 },
    { header: say(lang, "Đơn vị", "Unit"), min: 12, max: 24 },
    { header: say(lang, "Bộ tiêu chí", "Criteria set"), min: 10, max: 18 },
    { header: say(lang, "Mức công nhận", "Recognition level"), min: 8, max: 10 },
    { header: say(lang, "Kết quả", "Result"), min: 10, max: 22 },
    // The council's verdict beside the unit's own: its level and the targets it judged otherwise.
    ...(council
      ? [
          { header: say(lang, "Mức thẩm định", "Verified level"), min: 10, max: 18 },
          { header: say(lang, "Số chỗ khác", "Differences"), min: 6, max: 8 },
        ]
      : []),
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

function bodyRow(r: SummaryRow, cb: string[], council = false): LayoutCell[] {
  const fill = (level: number | null) => ({ ...CENTER, fill: levelFill(level) });
  const ok = r.error === undefined;
  return [
    { value: r.file },
    { value: r.sheet },
    { value: r.unitName },
    { value: r.framework },
    { value: r.level, style: ok ? fill(r.level) : CENTER },
    { value: r.label, style: ok ? { fill: levelFill(r.level) } : {} },
    ...(council
      ? [
          r.verified
            ? { value: r.verified.label, style: { fill: levelFill(r.verified.level) } }
            : { value: null },
          { value: r.verified?.differences ?? null, style: CENTER },
        ]
      : []),
    { value: r.errors, style: CENTER },
    { value: r.warnings, style: CENTER },
    ...cb.map((k) => ({
      value: r.indicators[k] ?? null,
      style: k in r.indicators ? fill(r.indicators[k] ?? null) : CENTER,
    })),
  ];
}

/** `Không đạt`, `Mức 1`… when a set gives no labels. */
function labelsFor(levels: string[] | undefined, top: number, lang: Lang): string[] {
  return levels ?? levelLabels({ levels: plainLevels(top) }, lang);
}

/** Units at each level, the top level first, in the set's labels. */
function byLevel(assessed: SummaryRow[], lang: Lang, levels?: string[]): string {
  const labels = labelsFor(levels, 3, lang);
  return [...labels.map((_, l) => l).reverse(), null]
    .map((l) => [l, assessed.filter((r) => r.level === l).length] as const)
    .filter(([l, n]) => l !== null || n > 0)
    .map(([l, n]) => `${l === null ? levelLabel({ levels: [] }, null, lang) : labels[l]}: ${n}`)
    .join("; ");
}

/** Units verified at each level, only the levels some unit is at (`Không đạt: 1`); null when none carries a verdict. */
function byVerified(assessed: SummaryRow[], lang: Lang, levels?: string[]): string | null {
  const verified = assessed.filter((r) => r.verified);
  if (verified.length === 0) return null;
  const labels = labelsFor(levels, 3, lang);
  const at = [...labels.map((_, l) => l).reverse(), null].map(
    (l) => [l, verified.filter((r) => (r.verified?.level ?? null) === l).length] as const
  );
  return at
    .filter(([, n]) => n > 0)
    .map(([l, n]) => `${l === null ? levelLabel({ levels: [] }, null, lang) : labels[l]}: ${n}`)
    .join("; ");
}

/** The units' totals: how many, at each level, their errors and warnings. */
function totalsRow(
  out: SheetLayout,
  rows: SummaryRow[],
  cb: string[],
  opts: { lang: Lang; levels?: string[]; council?: boolean }
): number {
  const { lang } = opts;
  const assessed = rows.filter((r) => r.error === undefined);
  const sum = (k: "errors" | "warnings") => assessed.reduce((s, r) => s + (r[k] ?? 0), 0);
  return out.line(
    [
      // Nothing spans out of the key columns: they are repeated alone on the pages across.
      { value: say(lang, "Tổng cộng", "Total"), span: 2 },
      say(lang, `${assessed.length} đơn vị`, `${assessed.length} units`),
      { value: byLevel(assessed, lang, opts.levels), span: 3 },
      ...(opts.council
        ? [
            { value: byVerified(assessed, lang, opts.levels) },
            { value: assessed.reduce((n, r) => n + (r.verified?.differences ?? 0), 0), style: CENTER },
          ]
        : []),
      { value: sum("errors"), style: CENTER },
      { value: sum("warnings"), style: CENTER },
      ...cb.map(() => null),
    ],
    { ...BODY, bold: true }
  );
}

/**
 * One block of units at the layout's next row: header, rows, totals (none for files that could not
 * be read). Returns where its parts are, so that a sheet can stack several blocks.
 */
export function unitsBlock(
  out: SheetLayout,
  rows: SummaryRow[],
  cb: string[],
  opts: { lang: Lang; across: boolean; leaf?: string; levels?: string[]; totals?: boolean; council?: boolean }
): { first: number; header: number; body: RangeRef; totals: number } {
  const { lang } = opts;
  const council = opts.council === true;
  const FIXED = fixedOf(council);
  const leaf = opts.leaf ?? say(lang, "chỉ báo", "Indicator");
  const cols = columns(lang, cb, council);
  // Two header rows: the fixed columns' headings span both; the indicators are numbered under one,
  // its words at the start when the columns go on over several pages.
  const heading = say(lang, `Mức của ${lower(leaf)}`, `${leaf} levels`);
  const first = out.line(
    [
      ...cols.slice(0, FIXED).map((c) => c.header),
      ...(cb.length
        ? [{ value: heading, span: cb.length, style: opts.across ? { horizontal: "left" as const } : {} }]
        : []),
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
  for (const r of rows) out.line(bodyRow(r, cb, council), BODY);
  const bottom = out.next - 1;
  const totals = opts.totals === false ? bottom : totalsRow(out, rows, cb, opts);
  return { first, header, body: { top, left: 1, bottom, right: cols.length }, totals };
}

interface Block {
  /** The block's title line: the set, or the files that could not be read. */
  title: string;
  rows: SummaryRow[];
  /** Its leaf columns: `CT1`… up to the most leaves of any of its units. */
  cb: string[];
  leaf?: string;
  levels?: string[];
  /** False for the files that could not be read: nothing to total. */
  totals?: boolean;
}

/** The set's code, from a row's keys (`CT3` → `CT`). */
const codeOf = (r: SummaryRow) => /^(\D+)\d+$/.exec(Object.keys(r.indicators)[0] ?? "")?.[1] ?? "CB";

/** One block per set, in the order the sets first appear; unreadable files with the one set, or in a block of their own. */
function blocksOf(rows: SummaryRow[], lang: Lang): Block[] {
  const sets = new Map<string, SummaryRow[]>();
  for (const r of rows.filter((x) => x.error === undefined))
    sets.set(r.framework ?? "", [...(sets.get(r.framework ?? "") ?? []), r]);
  const failed = rows.filter((r) => r.error !== undefined);
  const blocks: Block[] = [...sets].map(([id, rs]) => {
    const set = rs[0]?.set;
    const count = maxOf(
      rs.map((r) => Object.keys(r.indicators).length),
      1
    );
    return {
      title: set ? set.title : `${say(lang, "Bộ tiêu chí", "Criteria set")}: ${id}`,
      rows: rs,
      cb: Array.from({ length: count }, (_, i) => `${codeOf(rs[0] as SummaryRow)}${i + 1}`),
      ...(set ? { leaf: set.leaf, levels: set.levels } : {}),
    };
  });
  const only = blocks.length === 1 ? blocks[0] : undefined;
  if (rows.length === 0) blocks.push({ title: "", rows: [], cb: [] });
  else if (only) only.rows = [...only.rows, ...failed];
  else if (failed.length > 0 || blocks.length === 0)
    blocks.push({
      title: say(lang, "Tệp, sheet không đọc được", "Files and sheets that could not be read"),
      rows: failed,
      cb: [],
      // With no set at all, the one block still says how many units (none).
      totals: blocks.length === 0,
    });
  return blocks;
}

type Laid = {
  out: SheetLayout;
  parts: ReturnType<typeof unitsBlock>[];
  /** The last printed row: the last totals, or the notes below them. */
  end: number;
  chart: SheetPlan["chart"];
  fit: ReturnType<typeof fitAcross>;
};

/** Lays the sheet out once: one page wide, or across pages with the title within the key columns. */
function lay(
  blocks: Block[],
  widths: number[],
  opts: { lang: Lang; dated: string; across: boolean; tall: number; notes?: string[]; council: boolean }
): Laid {
  const { lang, across } = opts;
  const out = new SheetLayout(widths, FONT);
  // Printed across pages, the titles stay within the key columns, which every page repeats.
  const span = across ? KEY_COLUMNS : widths.length;
  out.line([{ value: say(lang, "TỔNG HỢP KẾT QUẢ TỰ ĐÁNH GIÁ", "SELF-ASSESSMENT SUMMARY"), span }], {
    bold: true,
    size: 14,
    horizontal: "center",
    wrap: true,
  });
  out.line([{ value: opts.dated, span }], { italic: true, horizontal: "center", wrap: true });
  const parts = blocks.map((b, i) => {
    out.blank();
    if (i > 0) out.blank();
    if (b.title) out.line([{ value: b.title, span }], { bold: true, wrap: true });
    return unitsBlock(out, b.rows, b.cb, {
      lang,
      across,
      leaf: b.leaf,
      levels: b.levels,
      totals: b.totals,
      council: opts.council,
    });
  });
  // What the department should know of the count (units sent twice), printed under the table.
  if (opts.notes?.length) out.blank();
  for (const note of opts.notes ?? []) out.line([{ value: note, span }], { italic: true, wrap: true });
  const end = out.next - 1;
  const chart = chartRows(out, blocks, lang);
  const fit = fitAcross(widths, {
    orientation: "landscape",
    tall: opts.tall,
    pageRowsPoints: pageRows(out, parts[0] as Laid["parts"][number]),
  });
  return { out, parts, end, chart, fit };
}

/** Page breaks: before each block after the first, and every 30 units when printed across pages. */
function breaksOf(laid: Laid): number[] {
  const breaks: number[] = [];
  laid.parts.forEach((p, i) => {
    if (i > 0) breaks.push(p.first - 2);
    if (laid.fit.across)
      for (let r = p.header + UNITS_PER_PAGE; r < p.totals - 1; r += UNITS_PER_PAGE) breaks.push(r);
  });
  return breaks;
}

/** The `Tổng hợp` sheet. */
export function unitsSheet(
  rows: SummaryRow[],
  opts: { name: string; lang: Lang; today?: string; notes?: string[] }
): SheetPlan {
  const { lang } = opts;
  const blocks = blocksOf(rows, lang);
  const widest = maxOf(
    blocks.map((b) => b.cb.length),
    0
  );
  // The council's two columns when any unit carries its verdict.
  const council = rows.some((r) => r.verified !== undefined);
  const cols = columns(
    lang,
    Array.from({ length: widest }, (_, i) => String(i + 1)),
    council
  );
  const widths = widthsFor(
    cols,
    blocks.flatMap((b) => b.rows.map((r) => bodyRow(r, b.cb, council).map((c) => c.value)))
  );
  const units = rows.filter((r) => r.error === undefined).length;
  const count = say(lang, `${units} đơn vị`, `${units} units`);
  const dated = opts.today
    ? say(lang, `Ngày lập: ${opts.today} · ${count}`, `Made on ${opts.today} · ${count}`)
    : count;
  // Pages tall: each block begins a page of its own, 30 units a page.
  const tall = blocks.reduce((n, b) => n + Math.max(1, Math.ceil(b.rows.length / UNITS_PER_PAGE)), 0);
  const notes = opts.notes ?? [];
  let laid = lay(blocks, widths, { lang, dated, across: false, tall, notes, council });
  if (laid.fit.across) laid = lay(blocks, widths, { lang, dated, across: true, tall, notes, council });
  const { out, parts, chart, fit } = laid;
  const first = parts[0] as Laid["parts"][number];
  // One block: its header frozen, filtered and repeated on every page; several: each starts a page.
  const one = parts.length === 1;
  return {
    name: opts.name,
    rows: out.rows,
    widths,
    font: FONT,
    styles: out.styles,
    merges: out.merges,
    rowHeights: out.rowHeights,
    ...(one
      ? {
          freezeRows: first.header,
          autoFilter: { top: first.header, left: 1, bottom: first.body.bottom, right: cols.length },
        }
      : {}),
    pageBreaks: breaksOf(laid),
    print: {
      orientation: "landscape",
      ...(one ? { titleRows: [first.first, first.header] as [number, number] } : {}),
      ...(fit.across ? { titleColumns: [1, KEY_COLUMNS] as [number, number], scale: fit.scale } : {}),
      ...(fit.fitTo ? { fitTo: fit.fitTo } : {}),
      area: { top: 1, left: 1, bottom: laid.end, right: cols.length },
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
function chartRows(out: SheetLayout, blocks: Block[], lang: Lang): SheetPlan["chart"] {
  out.blank();
  out.line([say(lang, "Mức công nhận", "Recognition level"), say(lang, "Số đơn vị", "Units")], {
    bold: true,
  });
  const top = out.next;
  // One set: its own labels; several: levels by number, up to the highest scale.
  const highest = maxOf(
    blocks.map((b) => (b.levels?.length ?? 4) - 1),
    3
  );
  const labels = labelsFor(blocks.length === 1 ? blocks[0]?.levels : undefined, highest, lang);
  const rows = blocks.flatMap((b) => b.rows).filter((r) => r.error === undefined);
  labels.forEach((label, l) => out.line([label, rows.filter((r) => r.level === l).length]));
  return {
    title: say(lang, "Số đơn vị theo mức công nhận", "Units by recognition level"),
    categories: { top, left: 1, bottom: top + labels.length - 1, right: 1 },
    values: { top, left: 2, bottom: top + labels.length - 1, right: 2 },
  };
}
