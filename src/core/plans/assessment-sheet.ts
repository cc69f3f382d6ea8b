// The `KQ <sheet>` sheet: the dossier's *bản tổng hợp kết quả đánh giá các tiêu chí, chỉ tiêu*
// (circular 25/2023, Điều 9) for the checked sheet, A4 portrait, ready to sign: the issuing office
// beside the national motto, the title with the year and the period, the table by criterion and
// target (the set's words, the officer's figures and evidence, the officer's Đạt/Không đạt at each
// level, the computed result), the conclusion, place and date, the signature block. Below the printed
// area, for the officer only: the day checked, the counts and the first errors to fix.
import type { SheetCheck } from "../checks/check";
import { errorsLeft, resultHeadline, unitPhrase, validityText } from "../checks/headline";
import { say, type Lang } from "../model/lang";
import type { Issue } from "../model/issues";
import { withoutOptions } from "../model/officer-words";
import { cellAt, cellText, isBlank, type Cell, type SheetSnapshot } from "../model/snapshot";
import type { Framework } from "../sets/framework";
import { layerWord, levelLabel } from "../sets/words";
import { titleRows, assessmentYear } from "../table/unit";
import type { CellStyle } from "./format";
import { BODY, HEADER, SheetLayout, type LayoutCell } from "./layout";
import { layersWords, mottoBlock, signatureBlock, titleBlock } from "./dossier";
import { MARGINS } from "./print";
import { levelFill, type SheetPlan } from "./sheet-plan";
import { contentHeader } from "./template";
import { UNIT_UNKNOWN } from "./unit-words";

/** Errors and warnings listed under the paper (the sheet's notes column has them all). */
const LISTED_ISSUES = 20;
const FONT = { name: "Times New Roman", size: 12 };
const CENTER: CellStyle = { horizontal: "center" };

/** TT, the set's words, figures, evidence, one column per level, the computed result. */
function widthsFor(levels: number): number[] {
  const content = levels > 2 ? 30 : 34;
  return [6, content, 14, 13, ...Array.from({ length: levels }, () => 10), 12];
}

/** A cell as the officer reads it: a percentage as `85%`, a number with a decimal comma. */
export function shownValue(cell: Cell): string {
  const v = cell.value;
  if (typeof v === "number") {
    const pct = /%/.test(cell.format ?? "");
    const n = Math.round((pct ? v * 100 : v) * 100) / 100;
    return `${n.toLocaleString("vi-VN", { maximumFractionDigits: 2 })}${pct ? "%" : ""}`;
  }
  if (v instanceof Date)
    return `${String(v.getUTCDate()).padStart(2, "0")}/${String(v.getUTCMonth() + 1).padStart(2, "0")}/${v.getUTCFullYear()}`;
  return cellText(v);
}

/** What the officer wrote in a column for a row (the first non-blank cell down to the next row read). */
function officerText(sheet: SheetSnapshot, col: number | undefined, rows: { top: number; bottom: number }) {
  if (col === undefined) return null;
  for (let r = rows.top; r <= rows.bottom; r++) {
    const cell = cellAt(sheet, r, col);
    if (!isBlank(cell.value)) return shownValue(cell);
  }
  return null;
}

/** `Đạt` at every level up to the officer's, `Không đạt` above it; blank where no level could be read. */
function answers(self: number | null, top: number): LayoutCell[] {
  return Array.from({ length: top }, (_, i) => ({
    value: self === null ? null : self >= i + 1 ? "Đạt" : "Không đạt",
    style: CENTER,
  }));
}

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];

/** The table's two header rows, the officer's answers under one heading per level; returns them. */
function tableHeader(out: SheetLayout, fw: Framework): [number, number] {
  const top = fw.levels.length - 1;
  const first = out.line(
    [
      "TT",
      contentHeader(fw),
      "Kết quả thực hiện (số liệu)",
      "Minh chứng",
      { value: "Tự đánh giá", span: top },
      "Kết quả kiểm tra",
    ],
    HEADER
  );
  const second = out.line([null, null, null, null, ...fw.levels.slice(1).map((l) => l.vi), null], HEADER);
  for (const c of [1, 2, 3, 4, out.width]) out.merges.push({ top: first, left: c, bottom: second, right: c });
  out.resize(first, Math.max(15, out.heightOf(first) - out.heightOf(second) + 15));
  return [first, second];
}

/** What the rows need: the layout, the check, the officer's sheet. */
interface Rows {
  out: SheetLayout;
  check: SheetCheck;
  sheet: SheetSnapshot;
  /** The indicators' sheet rows, in order: an indicator's cells run down to the next one. */
  rows: number[];
}

const top = (t: Rows) => t.check.framework.levels.length - 1;

function result(t: Rows, level: number | null): LayoutCell {
  return { value: levelLabel(t.check.framework, level, "vi"), style: { ...CENTER, fill: levelFill(level) } };
}

/** A standard's or criterion's row, its words across the figures and evidence: `Đạt` at a level when all its leaves are. */
function groupRow(
  t: Rows,
  g: { tt: string; words: string; level: number | null; leaves: number[]; fill?: string }
) {
  const own = t.check.report.indicators.filter((i) => g.leaves.includes(i.number)).map((i) => i.selfLevel);
  const self = own.length === 0 || own.some((l) => l === null) ? null : Math.min(...(own as number[]));
  t.out.line(
    [
      { value: g.tt, style: CENTER },
      { value: g.words, span: 3 },
      ...answers(self, top(t)),
      result(t, g.level),
    ],
    { ...BODY, bold: true, ...(g.fill ? { fill: g.fill } : {}) }
  );
}

/** A target's row: the set's words (or the officer's), figures, evidence, answers, the result. */
function indicatorRow(t: Rows, n: number, tt: string): void {
  const { report, framework: fw, layout, lastTableRow } = t.check;
  const ind = report.indicators.find((i) => i.number === n);
  const title = fw.indicators[n - 1]?.title;
  if (!ind) {
    t.out.line([tt, title ?? null, null, null, ...answers(null, top(t)), result(t, null)], BODY);
    return;
  }
  const next = t.rows.find((r) => r > ind.row) ?? lastTableRow + 1;
  const rows = { top: ind.row, bottom: Math.min(next - 1, lastTableRow) };
  const own = officerText(t.sheet, layout.columns.content, rows);
  t.out.line(
    [
      { value: tt, style: CENTER },
      title ?? own ?? `${layerWord(fw, "indicator", "vi")} ${ind.code || tt}`,
      { value: officerText(t.sheet, layout.columns.data, rows), style: CENTER },
      { value: officerText(t.sheet, layout.columns.evidence, rows), style: CENTER },
      ...answers(ind.selfLevel, top(t)),
      result(t, ind.level),
    ],
    BODY
  );
}

function criterionRows(t: Rows, c: SheetCheck["report"]["criteria"][number]): void {
  const fw = t.check.framework;
  const def = fw.criteria[c.number - 1];
  const word = `${layerWord(fw, "criterion", "vi")} ${c.number}`;
  const leaves = def?.indicators ?? [];
  groupRow(t, {
    tt: String(c.number),
    words: def?.title ? `${word}. ${def.title}` : word,
    level: c.level,
    leaves,
  });
  // Targets are numbered `2.3` under their criterion, as officers number them; indicators by their number.
  leaves.forEach((n, k) => indicatorRow(t, n, fw.layers.standard ? String(n) : `${c.number}.${k + 1}`));
}

/** The table: each standard, criterion and target in the set's order. */
function table(out: SheetLayout, check: SheetCheck, sheet: SheetSnapshot): [number, number] {
  const { report, framework: fw } = check;
  const header = tableHeader(out, fw);
  const t: Rows = { out, check, sheet, rows: report.indicators.map((i) => i.row).sort((a, b) => a - b) };
  const placed = new Set<number>();
  report.standards.forEach((s, i) => {
    const def = fw.standards[s.number - 1];
    const word = `${layerWord(fw, "standard", "vi")} ${s.number}`;
    const leaves = s.criteria.flatMap((n) => fw.criteria[n - 1]?.indicators ?? []);
    const words = def?.title ? `${word}. ${def.title}` : word;
    groupRow(t, { tt: ROMAN[i] ?? String(s.number), words, level: s.level, leaves, fill: "F2F2F2" });
    for (const c of report.criteria.filter((x) => s.criteria.includes(x.number))) {
      placed.add(c.number);
      criterionRows(t, c);
    }
  });
  report.criteria.filter((c) => !placed.has(c.number)).forEach((c) => criterionRows(t, c));
  return header;
}

/**
 * The conclusion under the table, in a sentence an office signs: the unit reaches the level, does not
 * yet, or cannot be concluded while errors are left (with the level to expect).
 */
export function conclusionText(check: SheetCheck): string {
  const { report, framework: fw } = check;
  const { level, label } = report.recognition;
  const unit = report.unitName ?? "Đơn vị";
  const what = unitPhrase(report.unitName, fw, "vi").replace(/^(Cộng đồng học tập|Đơn vị học tập)/, "“$1”");
  const errors = report.counts.errors;
  if (errors > 0)
    return `chưa kết luận được, ${errorsLeft(errors, "vi")}${level === null ? "" : ` (mức dự kiến: ${label})`}.`;
  if (level !== null && level > 0) return `${unit} đạt ${what ? `${what} ` : ""}${label}.`;
  return `${unit} chưa đủ điều kiện công nhận${what ? ` ${what}` : ""}.`;
}

function conclusion(out: SheetLayout, check: SheetCheck): void {
  const { report } = check;
  const across = (value: string, style: CellStyle = {}) =>
    out.line([{ value, span: out.width }], { wrap: true, vertical: "top", ...style });
  out.blank();
  across(`Kết luận: ${conclusionText(check)}`, { bold: true });
  const level = report.recognition.level;
  if (level === null || level === 0) for (const r of report.recognition.reasons) across(`– ${r}`);
}

/** For the officer, below the printed paper: the day checked, the counts, the first errors to fix. */
function checkNotes(out: SheetLayout, check: SheetCheck, opts: { today: string; lang: Lang }): void {
  const { report } = check;
  const { lang } = opts;
  const across = (value: string, style: CellStyle = {}) =>
    out.line([{ value, span: out.width }], { wrap: true, vertical: "top", ...style });
  out.blank();
  out.blank();
  across(say(lang, "GHI CHÚ KIỂM TRA (không in ra)", "CHECK NOTES (not printed)"), { bold: true });
  across(`${say(lang, "Trang tính", "Sheet")}: ${report.sheet}`);
  across(`${say(lang, "Đơn vị", "Unit")}: ${report.unitName ?? UNIT_UNKNOWN[lang]}`);
  across(`${say(lang, "Ngày kiểm tra", "Checked on")}: ${opts.today}`);
  across(resultHeadline(report, lang));
  const held = validityText(report, lang);
  if (held) across(`${say(lang, "Thời hạn", "Validity")}: ${held}`);
  across(
    say(
      lang,
      `Số lỗi: ${report.counts.errors}; số cảnh báo: ${report.counts.warnings}`,
      `Errors: ${report.counts.errors}; warnings: ${report.counts.warnings}`
    )
  );
  issues(out, report.issues, report.sheet, lang);
}

/** The first errors and warnings, errors first, each at its cell. */
function issues(out: SheetLayout, list: Issue[], sheet: string, lang: Lang): void {
  if (list.length === 0) return;
  const sorted = [...list].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
  for (const i of sorted.slice(0, LISTED_ISSUES)) {
    const where = i.cell ? (i.sheet === sheet ? i.cell : `${i.sheet}!${i.cell}`) : "—";
    const kind = i.severity === "error" ? say(lang, "Lỗi", "Error") : say(lang, "Cảnh báo", "Warning");
    out.line(
      [
        { value: `${kind} · ${where}`, span: 2 },
        { value: withoutOptions(i.message), span: out.width - 2 },
      ],
      BODY
    );
  }
  if (list.length > LISTED_ISSUES)
    out.line(
      [
        {
          value: say(
            lang,
            `… và ${list.length - LISTED_ISSUES} lỗi, cảnh báo khác: xem cột “Ghi chú kiểm tra” trong bảng tự đánh giá.`,
            `… and ${list.length - LISTED_ISSUES} more: see the “Check notes” column of the sheet.`
          ),
          span: out.width,
        },
      ],
      { wrap: true }
    );
}

/** The `KQ <sheet>` sheet for a checked sheet (`sheet`: the officer's, for the figures and evidence). */
export function assessmentSummary(
  check: SheetCheck,
  opts: { today: string; lang?: Lang; sheet: SheetSnapshot }
): SheetPlan {
  const lang = opts.lang ?? "vi";
  const { report, framework: fw, layout } = check;
  const out = new SheetLayout(widthsFor(fw.levels.length - 1), FONT);
  const year = assessmentYear(titleRows(opts.sheet, (r, c) => cellAt(opts.sheet, r, c), layout.headerRow));
  mottoBlock(out, report.unitName, 2);
  titleBlock(out, fw, {
    first: `BẢN TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ CÁC ${layersWords(fw)}`,
    unitName: report.unitName,
    year,
  });
  const [first, second] = table(out, check, opts.sheet);
  conclusion(out, check);
  signatureBlock(out, out.width - 3);
  const printed = out.next - 1;
  checkNotes(out, check, { today: opts.today, lang });
  return {
    name: `KQ ${report.sheet}`,
    ...out.laid,
    widths: out.widths,
    font: out.font,
    print: {
      orientation: "portrait",
      titleRows: [first, second],
      fitTo: { wide: 1, tall: 0 },
      area: { top: 1, left: 1, bottom: printed, right: out.width },
      margins: MARGINS,
      centered: true,
    },
  };
}
