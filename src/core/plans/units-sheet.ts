// The `Tổng hợp` sheet laid out for A4 landscape: a title and the day, then one titled block of units
// per criteria set (header, one row per assessed sheet, totals), each with its own leaf columns and
// words: `chỉ tiêu` of one set and `chỉ báo` of another are never mixed. Printed at one legible scale
// (never under MIN_SCALE), in reading order: each block starts a page of its own; a block too wide for
// the page is split into page-wide parts, one below the other, the unit's columns repeated in each;
// a block longer than a page goes on to the next with its header repeated.
import { say, type Lang } from "../model/lang";
import type { PlanValue, RangeRef } from "../model/snapshot";
import { BODY, HEADER, SheetLayout, type LayoutCell } from "./layout";
import { widthFor } from "./measure";
import { columnsPoints, MARGINS, MIN_SCALE, printable } from "./print";
import { levelFill, type SheetPlan } from "./sheet-plan";
import { maxOf } from "../model/max";
import { UNIT_UNKNOWN_SHORT } from "./unit-words";
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
  /**
   * The set's words for the block: its title, the leaf's word, level labels 0..N, and the set's names
   * of its leaves (`codes[n-1]`: `4.2`, chỉ tiêu 2 của tiêu chí 4) when they are not running numbers.
   */
  set?: { title: string; leaf: string; levels: string[]; codes?: string[] };
}

const FONT = { name: "Times New Roman", size: 11 };
const CENTER = { horizontal: "center" } as const;

/** Columns before the indicators' levels: two more with the council's verdict. */
const fixedOf = (council: boolean) => (council ? 9 : 7);
/** The share of a page's height the rows are counted to fill. */
const PAGE_USED = 0.85;
/** The scale a block split into parts is printed at, at least (one part prints at MIN_SCALE or more). */
const SPLIT_SCALE = 80;

/** Each column: its header and the narrowest and widest it may be, in characters. */
function columns(
  lang: Lang,
  cb: string[],
  council = false,
  names?: string[]
): { header: string; min: number; max: number }[] {
  return [
    { header: say(lang, "Tệp", "File"), min: 10, max: 26 },
    { header: say(lang, "Trang tính", "Sheet"), min: 8, max: 18 },
    { header: say(lang, "Đơn vị", "Unit"), min: 12, max: 24 },
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
    ...cb.map((k) => ({ header: leafHeader(k, names), min: 3.5, max: 5 })),
  ];
}

/** A leaf column's heading: the set's name of the leaf (`4.2`), else its number (`CT7` → `7`). */
function leafHeader(k: string, names?: string[]): string {
  const n = /\d+$/.exec(k)?.[0];
  return (n !== undefined ? names?.[Number(n) - 1] : undefined) ?? n ?? k;
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

function bodyRow(r: SummaryRow, cb: string[], lang: Lang, council = false): LayoutCell[] {
  const fill = (level: number | null) => ({ ...CENTER, fill: levelFill(level) });
  const ok = r.error === undefined;
  return [
    { value: r.file },
    { value: r.sheet },
    // A unit its sheet does not name: the word the CLI uses (an unread file has its error instead).
    { value: r.unitName ?? (ok ? UNIT_UNKNOWN_SHORT[lang] : null) },
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
      { value: byLevel(assessed, lang, opts.levels), span: 2 },
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
  opts: {
    lang: Lang;
    leaf?: string;
    levels?: string[];
    totals?: boolean;
    /** The units the totals count (all of a block's, when its rows go over several pages). */
    counted?: SummaryRow[];
    council?: boolean;
    /** The set's names of its leaves (`codes` of the rows' set). */
    names?: string[];
  }
): { first: number; header: number; body: RangeRef; totals: number } {
  const { lang } = opts;
  const council = opts.council === true;
  const FIXED = fixedOf(council);
  const leaf = opts.leaf ?? say(lang, "chỉ báo", "Indicator");
  const cols = columns(lang, cb, council, opts.names);
  // Two header rows: the fixed columns' headings span both; the indicators are numbered under one,
  // its words at the start when the columns go on over several pages.
  const heading = say(lang, `Mức của ${lower(leaf)}`, `${leaf} levels`);
  const first = out.line(
    [
      ...cols.slice(0, FIXED).map((c) => c.header),
      ...(cb.length ? [{ value: heading, span: cb.length }] : []),
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
  for (const r of rows) out.line(bodyRow(r, cb, lang, council), BODY);
  const bottom = out.next - 1;
  const totals = opts.totals === false ? bottom : totalsRow(out, opts.counted ?? rows, cb, opts);
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
  /** The set's names of its leaves, when not running numbers. */
  names?: string[];
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
      ...(set?.codes ? { names: set.codes } : {}),
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

/** A block's page-wide part: its title and the leaves it shows (all of them when it is not split). */
interface Part {
  block: Block;
  title: string;
  cb: string[];
}

/** Each block in as few parts as keep it at `scale`: the leaves shared out evenly, in order. */
function partsOf(blocks: Block[], perPart: number, lang: Lang): Part[] {
  return blocks.flatMap((b) => {
    const n = Math.max(1, Math.ceil(b.cb.length / perPart));
    const size = Math.ceil(b.cb.length / n);
    return Array.from({ length: n }, (_, i) => {
      const cb = b.cb.slice(i * size, (i + 1) * size);
      const leaf = lower(b.leaf ?? say(lang, "chỉ báo", "indicator"));
      const range = `${leafHeader(cb[0] ?? "", b.names)}–${leafHeader(cb.at(-1) ?? "", b.names)}`;
      const title =
        n === 1
          ? b.title
          : `${b.title} — ${say(lang, `phần ${i + 1}/${n}: ${leaf} ${range}`, `part ${i + 1}/${n}: ${leaf}s ${range}`)}`;
      return { block: b, title, cb };
    });
  });
}

/** Points the unit's columns and one leaf column take at 100 %. */
function pointsOf(widths: number[], FIXED: number): { fixed: number; leaf: number } {
  const leaf =
    maxOf(
      widths.slice(FIXED).map((w) => columnsPoints([w])),
      0
    ) || columnsPoints([5]);
  return { fixed: columnsPoints(widths.slice(0, FIXED)), leaf };
}

/** The largest scale (at most 100 %) at which `points` fit the landscape page's width. */
const fits = (points: number) => Math.min(100, Math.floor((printable("landscape").width / points) * 100));

/**
 * The leaves a part may hold: the widest block whole when it stays at MIN_SCALE or more, otherwise
 * as many leaves as fit beside the unit's columns at SPLIT_SCALE.
 */
function leavesPerPart(widths: number[], widest: number, FIXED: number): number {
  const { fixed, leaf } = pointsOf(widths, FIXED);
  if (fits(fixed + leaf * widest) >= MIN_SCALE) return Math.max(1, widest);
  const page = printable("landscape").width;
  return Math.max(1, Math.floor((page / (SPLIT_SCALE / 100) - fixed) / leaf));
}

/**
 * The one scale every part prints at: the widest part printed, not the widest block's part (a set
 * of 12 leaves kept whole beside a set of 20 split in two parts of 10 sets the page).
 */
function scaleShowing(widths: number[], shown: number, FIXED: number): number {
  const { fixed, leaf } = pointsOf(widths, FIXED);
  return Math.max(MIN_SCALE, fits(fixed + leaf * shown));
}

interface Laid {
  out: SheetLayout;
  blocks: ReturnType<typeof unitsBlock>[];
  breaks: number[];
}

/** Points the rows from `from` to the layout's end take. */
function heightFrom(out: SheetLayout, from: number): number {
  let h = 0;
  for (let r = from; r < out.next; r++) h += out.heightOf(r);
  return h;
}

/**
 * A part's units in pages: as many as fit under its title and header with the totals row, the
 * first page below whatever is above it (`above` points).
 */
function pagesOf(
  p: Part,
  widths: number[],
  page: number,
  above: number,
  opts: { lang: Lang; council: boolean }
): SummaryRow[][] {
  const { lang, council } = opts;
  const probe = new SheetLayout(widths, FONT);
  probe.line([{ value: p.title, span: widths.length }], { bold: true, wrap: true });
  unitsBlock(probe, [], p.cb, { lang, leaf: p.block.leaf, totals: false, council, names: p.block.names });
  const head = heightFrom(probe, 1);
  const totals = rowPointsOf(probe, bodyRow(p.block.rows[0] ?? emptyRow, p.cb, lang, council));
  const pages: SummaryRow[][] = [[]];
  let used = above + head + totals;
  for (const r of p.block.rows) {
    const h = rowPointsOf(probe, bodyRow(r, p.cb, lang, council));
    const current = pages[pages.length - 1] as SummaryRow[];
    if (current.length > 0 && used + h > page) {
      pages.push([r]);
      used = head + totals + h;
    } else {
      current.push(r);
      used += h;
    }
  }
  return pages;
}

const emptyRow: SummaryRow = {
  file: "",
  sheet: "",
  unitName: null,
  framework: null,
  level: null,
  label: "",
  errors: null,
  warnings: null,
  indicators: {},
};

function rowPointsOf(probe: SheetLayout, cells: LayoutCell[]): number {
  return probe.heightOf(probe.line(cells, BODY));
}

/**
 * Lays the parts out one below the other, each from a page of its own; a part longer than a page at
 * `scale` goes on to the next after a break with its title and header written again. One part on one
 * page or more: the page setup repeats its header instead (it stays one table to filter).
 */
function lay(
  parts: Part[],
  widths: number[],
  opts: { lang: Lang; dated: string; scale: number; council: boolean }
): Laid {
  const { lang } = opts;
  const out = new SheetLayout(widths, FONT);
  const across = widths.length;
  const title = opts.council
    ? say(lang, "TỔNG HỢP KẾT QUẢ TỰ ĐÁNH GIÁ VÀ THẨM ĐỊNH", "SELF-ASSESSMENT AND VERIFICATION SUMMARY")
    : say(lang, "TỔNG HỢP KẾT QUẢ TỰ ĐÁNH GIÁ", "SELF-ASSESSMENT SUMMARY");
  out.line([{ value: title, span: across }], {
    bold: true,
    size: 14,
    horizontal: "center",
    wrap: true,
  });
  out.line([{ value: opts.dated, span: across }], { italic: true, horizontal: "center", wrap: true });
  out.blank();
  // A page's rows, erring short: a printer's header and footer and rounded heights take some of it.
  const page = (printable("landscape").height * PAGE_USED) / (opts.scale / 100);
  const breaks: number[] = [];
  const blocks: Laid["blocks"] = [];
  const one = parts.length === 1;
  parts.forEach((p, i) => {
    if (i > 0) breaks.push(out.next - 1);
    const pages = one
      ? [p.block.rows]
      : pagesOf(p, widths, page, i === 0 ? heightFrom(out, 1) : 0, { lang, council: opts.council });
    pages.forEach((units, k) => {
      if (k > 0) breaks.push(out.next - 1);
      const title = k === 0 ? p.title : `${p.title} ${say(lang, "(tiếp theo)", "(continued)")}`;
      if (title) out.line([{ value: title, span: across }], { bold: true, wrap: true });
      const last = k === pages.length - 1;
      const block = unitsBlock(out, units, p.cb, {
        lang,
        leaf: p.block.leaf,
        levels: p.block.levels,
        totals: last ? p.block.totals : false,
        counted: p.block.rows,
        council: opts.council,
        ...(p.block.names ? { names: p.block.names } : {}),
      });
      if (k === 0) blocks.push(block);
    });
  });
  return { out, blocks, breaks };
}

/** The widths of every column, up to the widest block's leaves, for what the rows hold. */
function allWidths(blocks: Block[], widest: number, lang: Lang, council: boolean): number[] {
  const all = columns(
    lang,
    Array.from({ length: widest }, (_, i) => `CB${i + 1}`),
    council
  );
  return widthsFor(
    all,
    blocks.flatMap((b) => b.rows.map((r) => bodyRow(r, b.cb, lang, council).map((c) => c.value)))
  );
}

/** What the department should know of the count (units sent twice), printed under the table. */
function notesUnder(out: SheetLayout, notes: string[]): void {
  if (notes.length) out.blank();
  for (const note of notes) out.line([{ value: note, span: out.width }], { italic: true, wrap: true });
}

/** `Ngày lập: 27/11/2026 · 5 đơn vị`, or the count alone. */
function datedLine(rows: SummaryRow[], lang: Lang, today?: string): string {
  const units = rows.filter((r) => r.error === undefined).length;
  const count = say(lang, `${units} đơn vị`, `${units} units`);
  return today ? say(lang, `Ngày lập: ${today} · ${count}`, `Made on ${today} · ${count}`) : count;
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
  const FIXED = fixedOf(council);
  const first = allWidths(blocks, widest, lang, council);
  const dated = datedLine(rows, lang, opts.today);
  const parts = partsOf(blocks, leavesPerPart(first, widest, FIXED), lang);
  // As many leaf columns as the widest part shows: no empty column to print across.
  const shown = maxOf(
    parts.map((p) => p.cb.length),
    0
  );
  const widths = first.slice(0, FIXED + shown);
  const scale = scaleShowing(widths, shown, FIXED);
  const { out, blocks: laid, breaks } = lay(parts, widths, { lang, dated, scale, council });
  notesUnder(out, opts.notes ?? []);
  const printed = out.next - 1;
  const chart = chartRows(out, blocks, lang);
  const one = laid.length === 1 ? laid[0] : undefined;
  return {
    name: opts.name,
    ...out.laid,
    widths,
    font: FONT,
    // One table: its header frozen, filtered and repeated on every page.
    ...(one
      ? {
          freezeRows: one.header,
          autoFilter: { top: one.header, left: 1, bottom: one.body.bottom, right: widths.length },
        }
      : {}),
    pageBreaks: breaks,
    print: {
      orientation: "landscape",
      ...(one ? { titleRows: [one.first, one.header] as [number, number] } : {}),
      scale,
      area: { top: 1, left: 1, bottom: printed, right: widths.length },
      margins: MARGINS,
    },
    chart,
  };
}

/**
 * Units per recognition level, below the printed table: the add-in draws its chart from them, beside
 * them (below the print area too, so the chart covers no printed cell).
 */
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
    at: { top: top - 1, left: 4, bottom: top + 14, right: 10 },
  };
}
