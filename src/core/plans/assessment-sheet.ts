// The `KQ <sheet>` sheet: one assessment as a one-page A4 portrait report — title, unit, set, day,
// recognition, standards and criteria with their levels, indicators per level, errors and warnings.
import type { SheetCheck } from "../checks/check";
import { levelLabel } from "../checks/messages";
import { resultLabel, validityText } from "../checks/headline";
import { say, type Lang } from "../model/lang";
import type { Issue } from "../model/issues";
import type { Framework } from "../sets/framework";
import { layerWord, lower } from "../sets/words";
import { BODY, HEADER, SheetLayout, type LayoutCell } from "./layout";
import { MARGINS } from "./print";
import { levelFill, type SheetPlan } from "./sheet-plan";
import type { CellStyle } from "./format";

/** At most this many issues are listed: the report stays on one page. */
const LISTED_ISSUES = 6;
const FONT = { name: "Times New Roman", size: 12 };
const WIDTHS = [22, 50, 20];
const LABEL = { ...BODY, bold: true };

/** The words of the report, apart from its layout: the set's own for its layers. */
function words(lang: Lang, fw: Framework) {
  const word = (l: "standard" | "criterion" | "indicator") => layerWord(fw, l, lang);
  const leaf = lower(word("indicator"));
  return {
    title: say(lang, "KẾT QUẢ KIỂM TRA TỰ ĐÁNH GIÁ", "SELF-ASSESSMENT CHECK"),
    sheet: (name: string) => say(lang, `Bảng tự đánh giá: ${name}`, `Sheet: ${name}`),
    unit: say(lang, "Đơn vị", "Unit"),
    set: say(lang, "Bộ tiêu chí", "Criteria set"),
    day: say(lang, "Ngày kiểm tra", "Checked on"),
    recognition: say(lang, "Mức công nhận", "Recognition level"),
    reasons: say(lang, "Lý do", "Why"),
    validity: say(lang, "Thời hạn", "Validity"),
    errors: say(lang, "Số lỗi", "Errors"),
    warnings: say(lang, "Số cảnh báo", "Warnings"),
    group: fw.layers.standard ? `${word("standard")}, ${lower(word("criterion"))}` : word("criterion"),
    groupTitle: say(lang, "Nội dung", "Title"),
    level: say(lang, "Mức", "Level"),
    standard: (n: number) => `${word("standard")} ${n}`,
    criterion: (n: number) => `${word("criterion")} ${n}`,
    indicatorLevel: say(lang, `Mức của ${leaf}`, `${word("indicator")} level`),
    indicators: say(lang, `Số ${leaf}`, `${word("indicator")}s`),
    chart: say(lang, `Số ${leaf} theo mức`, `${word("indicator")}s by level`),
    share: say(lang, "Tỷ lệ", "Share"),
    issues: say(lang, "Lỗi và cảnh báo", "Errors and warnings"),
    where: say(lang, "Ô", "Cell"),
    what: say(lang, "Nội dung", "What to fix"),
    error: say(lang, "Lỗi", "Error"),
    warning: say(lang, "Cảnh báo", "Warning"),
    none: say(lang, "Không có lỗi hay cảnh báo.", "No errors or warnings."),
    more: (n: number) =>
      say(
        lang,
        `… và ${n} lỗi, cảnh báo khác: xem cột “Ghi chú kiểm tra” trong bảng tự đánh giá.`,
        `… and ${n} more: see the “Check notes” column of the sheet.`
      ),
  };
}

type Words = ReturnType<typeof words>;

/** The `KQ <sheet>` sheet: the unit, the set, the day, the result, standards and criteria, counts. */
export function assessmentSummary(check: SheetCheck, opts: { today: string; lang?: Lang }): SheetPlan {
  const lang = opts.lang ?? "vi";
  const { report, framework } = check;
  const w = words(lang, framework);
  const out = new SheetLayout(WIDTHS, FONT);
  out.line([{ value: w.title, span: 3 }], { bold: true, size: 15, horizontal: "center" });
  out.line([{ value: w.sheet(report.sheet), span: 3 }], { italic: true, horizontal: "center" });
  out.blank();
  const info = (label: string, value: string | number, look: CellStyle = {}) =>
    out.line(
      [
        { value: label, style: LABEL },
        { value, span: 2, style: { horizontal: "left", ...look } },
      ],
      BODY
    );
  info(w.unit, report.unitName ?? "");
  info(w.set, `${framework.title[lang]} (${framework.id})`);
  info(w.day, opts.today);
  info(w.recognition, resultLabel(report, lang), {
    bold: true,
    fill: levelFill(report.recognition.level),
  });
  if (report.recognition.reasons.length) info(w.reasons, report.recognition.reasons.join("\n"));
  const held = validityText(report, lang);
  if (held) info(w.validity, held);
  info(w.errors, report.counts.errors);
  info(w.warnings, report.counts.warnings);
  out.blank();
  groups(out, check, w, lang);
  out.blank();
  const first = levels(out, check, w, lang);
  out.blank();
  issues(out, report.issues, report.sheet, w);
  return {
    name: `KQ ${report.sheet}`,
    rows: out.rows,
    widths: out.widths,
    font: out.font,
    styles: out.styles,
    merges: out.merges,
    rowHeights: out.rowHeights,
    print: { orientation: "portrait", fitTo: { wide: 1, tall: 1 }, margins: MARGINS, centered: true },
    chart: {
      title: w.chart,
      categories: { top: first.top, left: 1, bottom: first.bottom, right: 1 },
      values: { top: first.top, left: 2, bottom: first.bottom, right: 2 },
    },
  };
}

/** Standards and criteria with their titles (where the set has them) and levels. */
function groups(out: SheetLayout, check: SheetCheck, w: Words, lang: Lang): void {
  const { report, framework } = check;
  const titled = hasTitles(framework);
  const name = (code: string): LayoutCell => ({ value: code, span: titled ? 1 : 2 });
  out.line(titled ? [w.group, w.groupTitle, w.level] : [{ value: w.group, span: 2 }, w.level], HEADER);
  const level = (l: number | null): LayoutCell => ({
    value: levelLabel(framework, l, lang),
    style: { horizontal: "center", fill: levelFill(l) },
  });
  const criterion = (c: (typeof report.criteria)[number]) => {
    const title = framework.criteria[c.number - 1]?.title;
    out.line([name(w.criterion(c.number)), ...(titled ? [title ?? null] : []), level(c.level)], BODY);
  };
  for (const s of report.standards) {
    const title = framework.standards[s.number - 1]?.title;
    out.line([name(w.standard(s.number)), ...(titled ? [title ?? null] : []), level(s.level)], {
      ...BODY,
      bold: true,
    });
    report.criteria.filter((c) => s.criteria.includes(c.number)).forEach(criterion);
  }
  // Criteria under no standard (a set of criteria and targets only).
  const placed = new Set(report.standards.flatMap((s) => s.criteria));
  report.criteria.filter((c) => !placed.has(c.number)).forEach(criterion);
}

function hasTitles(fw: Framework): boolean {
  return fw.standards.some((s) => s.title) || fw.criteria.some((c) => c.title);
}

/** Indicators per level; returns the rows the add-in's chart draws from. */
function levels(out: SheetLayout, check: SheetCheck, w: Words, lang: Lang): { top: number; bottom: number } {
  const { report, framework } = check;
  out.line([w.indicatorLevel, w.indicators, w.share], HEADER);
  const top = out.next;
  const total = report.indicators.length;
  for (const l of [...framework.levels.map((x) => x.level), null]) {
    const n = report.indicators.filter((i) => i.level === l).length;
    if (l === null && n === 0) continue;
    const share = total
      ? `${Math.round((n / total) * 1000) / 10}%`.replace(".", lang === "vi" ? "," : ".")
      : "";
    out.line(
      [
        { value: levelLabel(framework, l, lang), style: { fill: levelFill(l) } },
        { value: n, style: { horizontal: "center" } },
        { value: share, style: { horizontal: "center" } },
      ],
      BODY
    );
  }
  return { top, bottom: out.next - 1 };
}

/** The first errors and warnings, errors first, each at its cell. */
function issues(out: SheetLayout, list: Issue[], sheet: string, w: Words): void {
  out.line([{ value: w.issues, span: 3 }], { bold: true });
  if (list.length === 0) {
    out.line([{ value: w.none, span: 3 }], BODY);
    return;
  }
  out.line([w.where, { value: w.what, span: 2 }], HEADER);
  const sorted = [...list].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
  for (const i of sorted.slice(0, LISTED_ISSUES)) {
    const where = i.cell ? (i.sheet === sheet ? i.cell : `${i.sheet}!${i.cell}`) : "—";
    out.line(
      [`${i.severity === "error" ? w.error : w.warning} · ${where}`, { value: i.message, span: 2 }],
      BODY
    );
  }
  if (list.length > LISTED_ISSUES) out.line([{ value: w.more(list.length - LISTED_ISSUES), span: 3 }], BODY);
}
