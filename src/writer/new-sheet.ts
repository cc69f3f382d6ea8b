// A sheet the product makes (KQ, Tổng hợp, the template), written as worksheet XML from its plan:
// values (texts inline), the looks as cell formats appended to the workbook's styles (its default
// font untouched; the plan's own font on every written cell), widths, heights, merges, dropdowns,
// frozen header, auto-filter, A4 page setup and page breaks. Print titles, print area and the
// auto-filter's range are names of the sheet, returned for the workbook part.
import { maxOf } from "../core/model/max";
import { columnLetters, qualifiedRange, quoteSheetName, rangeA1 } from "../core/model/a1";
import type { CellStyle } from "../core/plans/format";
import { lineCount, rowPoints } from "../core/plans/measure";
import type { SheetPlan } from "../core/plans/sheet-plan";
import { cellXml } from "./sheet-doc";
import type { Look, Styles } from "./styles";
import { escapeAttr } from "./xml-edit";

export interface SheetName {
  name: string;
  text: string;
  hidden?: boolean;
}

/** Each cell's look, in the order the adapters always applied them: font, bold rows, fills, styles. */
function looks(plan: SheetPlan, styles: Styles): Map<number, Map<number, number>> {
  // Looks alike are one object, so that each becomes one cell format.
  const canon = new Map<string, Look>();
  const keyOf = new Map<Look, string>();
  const canonical = (l: Look): Look => {
    if (keyOf.has(l)) return l;
    const k = JSON.stringify(l);
    const found = canon.get(k);
    if (found) return found;
    canon.set(k, l);
    keyOf.set(l, k);
    return l;
  };
  const memo = new Map<string, Look>();
  const over = (l: Look, s: CellStyle): Look => {
    const from = canonical(l);
    const key = `${keyOf.get(from) as string}\u0001${JSON.stringify(s)}`;
    let out = memo.get(key);
    if (!out) {
      out = canonical(styles.styled(from, s));
      memo.set(key, out);
    }
    return out;
  };
  const under: CellStyle = plan.font ? { font: plan.font.name, size: plan.font.size } : {};
  const base = over(styles.base(), under);
  const cells = new Map<number, Map<number, Look>>();
  const get = (r: number, c: number) => cells.get(r)?.get(c) ?? base;
  const set = (r: number, c: number, l: Look) => {
    const row = cells.get(r) ?? new Map<number, Look>();
    row.set(c, l);
    cells.set(r, row);
  };
  const bold = new Set(plan.boldRows ?? []);
  plan.rows.forEach((row, i) =>
    row.forEach((v, j) => {
      if (v !== null && v !== undefined) set(i + 1, j + 1, bold.has(i) ? over(base, { bold: true }) : base);
    })
  );
  for (const f of plan.fills ?? [])
    for (let r = f.range.top; r <= f.range.bottom; r++)
      for (let c = f.range.left; c <= f.range.right; c++) set(r, c, over(get(r, c), { fill: f.color }));
  for (const s of plan.styles ?? [])
    for (let r = s.range.top; r <= s.range.bottom; r++)
      for (let c = s.range.left; c <= s.range.right; c++) {
        const from = s.like ? get(s.like.row ?? r, s.like.col) : over(get(r, c), under);
        set(r, c, over(from, s.style));
      }
  const xfs = new Map<Look, number>();
  const out = new Map<number, Map<number, number>>();
  for (const [r, row] of cells) {
    const o = new Map<number, number>();
    for (const [c, l] of row) {
      let xf = xfs.get(l);
      if (xf === undefined) xfs.set(l, (xf = styles.xf(l)));
      o.set(c, xf);
    }
    out.set(r, o);
  }
  return out;
}

function fontSize(styles: Styles, xf: number | undefined, plan: SheetPlan): number {
  if (xf === undefined) return plan.font?.size ?? 11;
  const m = /<(?:\w+:)?sz\s+val="([\d.]+)"/.exec(styles.look(xf).font);
  return m ? parseFloat(m[1] as string) : 11;
}

function heights(
  plan: SheetPlan,
  styles: Styles,
  xf: Map<number, Map<number, number>>
): Map<number, number | null> {
  const out = new Map<number, number | null>();
  const widthOf = (c: number) => plan.widths?.[c - 1] ?? 8.43;
  for (const h of plan.rowHeights ?? []) {
    if ("height" in h) out.set(h.row, h.height);
    else {
      let w = 0;
      for (let c = h.fit.range.left; c <= h.fit.range.right; c++) w += widthOf(c);
      const size = fontSize(styles, xf.get(h.row)?.get(h.fit.range.left), plan);
      out.set(h.row, rowPoints(lineCount(h.fit.text, w, size, h.fit.bold), size));
    }
  }
  return out;
}

function pageXml(plan: SheetPlan): string {
  const p = plan.print;
  if (!p) return `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`;
  const m = p.margins ?? { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75 };
  const fit = p.fitTo
    ? ` fitToWidth="${p.fitTo.wide}" fitToHeight="${p.fitTo.tall}"`
    : ` scale="${p.scale ?? 100}"`;
  return (
    (p.centered ? `<printOptions horizontalCentered="1"/>` : "") +
    `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="0.3" footer="0.3"/>` +
    `<pageSetup paperSize="9"${fit} orientation="${p.orientation}"/>`
  );
}

/** The worksheet part of a product sheet, and the names it needs (`name` is its final name). */
export function sheetXml(
  plan: SheetPlan,
  name: string,
  styles: Styles,
  ns: string
): { xml: string; names: SheetName[] } {
  const xf = looks(plan, styles);
  const rowHeights = heights(plan, styles, xf);
  const width = maxOf(
    plan.rows.map((r) => r.length),
    1
  );
  const lastRow = Math.max(maxOf(xf.keys(), 1), maxOf(rowHeights.keys(), plan.rows.length));
  const rows: string[] = [];
  for (let r = 1; r <= lastRow; r++) {
    const styled = xf.get(r);
    const values = plan.rows[r - 1] ?? [];
    const cols = new Set<number>(styled?.keys() ?? []);
    values.forEach((v, j) => v !== null && v !== undefined && cols.add(j + 1));
    const h = rowHeights.get(r);
    if (cols.size === 0 && (h === undefined || h === null)) continue;
    const cells = [...cols]
      .sort((a, b) => a - b)
      .map((c) => cellXml("", `${columnLetters(c)}${r}`, values[c - 1] ?? null, styled?.get(c) ?? null));
    const ht = h === undefined || h === null ? "" : ` ht="${h}" customHeight="1"`;
    rows.push(`<row r="${r}"${ht}>${cells.join("")}</row>`);
  }
  const used = rangeA1({ top: 1, left: 1, bottom: lastRow, right: width });
  const fitPr = plan.print?.fitTo ? `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>` : "";
  const frozen = plan.freezeRows
    ? `<pane ySplit="${plan.freezeRows}" topLeftCell="A${plan.freezeRows + 1}" activePane="bottomLeft" state="frozen"/>`
    : "";
  const cols = (plan.widths ?? [])
    .map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`)
    .join("");
  const merges = plan.merges?.length
    ? `<mergeCells count="${plan.merges.length}">${plan.merges.map((m) => `<mergeCell ref="${rangeA1(m)}"/>`).join("")}</mergeCells>`
    : "";
  const lists = (plan.validations ?? []).map((v) => {
    const list = `"${v.list.join(",")}"`;
    return (
      `<dataValidation type="list" allowBlank="1" showErrorMessage="1" errorTitle="Mức không hợp lệ"` +
      ` error="${escapeAttr(`Chọn một trong: ${v.list.join(", ")}`)}" sqref="${rangeA1(v.range)}">` +
      `<formula1>${list.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</formula1></dataValidation>`
    );
  });
  const validations = lists.length
    ? `<dataValidations count="${lists.length}">${lists.join("")}</dataValidations>`
    : "";
  const breaks = plan.pageBreaks?.length
    ? `<rowBreaks count="${plan.pageBreaks.length}" manualBreakCount="${plan.pageBreaks.length}">` +
      plan.pageBreaks.map((r) => `<brk id="${r}" max="16383" man="1"/>`).join("") +
      `</rowBreaks>`
    : "";
  const filter = plan.autoFilter ? `<autoFilter ref="${rangeA1(plan.autoFilter)}"/>` : "";
  const xml =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="${ns}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    `${fitPr}<dimension ref="${used}"/><sheetViews><sheetView workbookViewId="0">${frozen}</sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>${cols ? `<cols>${cols}</cols>` : ""}` +
    `<sheetData>${rows.join("")}</sheetData>${filter}${merges}${validations}${pageXml(plan)}${breaks}</worksheet>`;

  const names: SheetName[] = [];
  const q = quoteSheetName(name);
  const t = plan.print?.titleRows;
  const c = plan.print?.titleColumns;
  if (t || c)
    names.push({
      name: "_xlnm.Print_Titles",
      text: [
        ...(c ? [`${q}!$${columnLetters(c[0])}:$${columnLetters(c[1])}`] : []),
        ...(t ? [`${q}!$${t[0]}:$${t[1]}`] : []),
      ].join(","),
    });
  if (plan.print?.area) names.push({ name: "_xlnm.Print_Area", text: qualifiedRange(name, plan.print.area) });
  if (plan.autoFilter)
    names.push({ name: "_xlnm._FilterDatabase", text: qualifiedRange(name, plan.autoFilter), hidden: true });
  return { xml, names };
}
