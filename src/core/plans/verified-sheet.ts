// The `Thẩm định <sheet>` sheet: the "bản tổng hợp kết quả đánh giá các tiêu chí, chỉ tiêu … do Hội
// đồng đánh giá … thẩm định" that goes to the decision (circulars 24 and 25/2023, Điều 9.2 and its
// like), for a sheet with the council's columns: the office and the motto, the title as verified by
// the council, each criterion and target with the unit's own Đạt / Không đạt per level beside the
// council's and the council's note, the council's conclusion, and — for a unit that falls short —
// the reasons per target, worded for the letter that must "nêu rõ lý do không đạt"; the council's
// chairman signs. A4 portrait, Times New Roman.
import type { SheetCheck } from "../checks/sheet";
import type { CouncilReading } from "../checks/council";
import { unitPhrase } from "../checks/headline";
import { cellAt, cellText } from "../model/snapshot";
import type { SheetSnapshot } from "../model/snapshot";
import type { Framework } from "../sets/framework";
import { layerWord, leafNameOf, levelLabel, lower } from "../sets/words";
import { assessmentYear, titleRows } from "../table/unit";
import type { CellStyle } from "./format";
import { BODY, HEADER, SheetLayout, type LayoutCell } from "./layout";
import { layersWords, mottoBlock, periodLine, recognitionWords } from "./dossier";
import { MARGINS } from "./print";
import type { SheetPlan } from "./sheet-plan";
import { contentHeader } from "./template";

const FONT = { name: "Times New Roman", size: 12 };
const CENTER: CellStyle = { horizontal: "center" };
const FILL = "………………………";
const upper = (t: string) => t.toLocaleUpperCase("vi");

/** TT, the words, the unit's answer per level, the council's per level, the council's note. */
function widthsFor(levels: number): number[] {
  return [8, levels > 2 ? 30 : 36, ...Array.from({ length: 2 * levels }, () => 9), 22];
}

/** `Đạt` at every level up to `level`, `Không đạt` above it; blank where no level could be read. */
function answers(level: number | null, top: number): LayoutCell[] {
  return Array.from({ length: top }, (_, i) => ({
    value: level === null ? null : level >= i + 1 ? "Đạt" : "Không đạt",
    style: CENTER,
  }));
}

interface Table {
  out: SheetLayout;
  check: SheetCheck;
  reading: CouncilReading;
  sheet: SheetSnapshot;
  top: number;
}

/** The lowest of the leaves' levels (a group is at a level when every leaf is); null when one is unread. */
function groupLevel(levels: Map<number, number | null>, leaves: number[]): number | null {
  const own = leaves.map((n) => levels.get(n));
  if (own.length === 0 || own.some((l) => l === null || l === undefined)) return null;
  return Math.min(...(own as number[]));
}

function header(t: Table): [number, number] {
  const fw = t.check.framework;
  const first = t.out.line(
    [
      "TT",
      contentHeader(fw),
      { value: "Tự đánh giá", span: t.top },
      { value: "Hội đồng thẩm định", span: t.top },
      "Ý kiến của Hội đồng",
    ],
    HEADER
  );
  const levels = fw.levels.slice(1).map((l) => l.vi);
  const second = t.out.line([null, null, ...levels, ...levels, null], HEADER);
  for (const c of [1, 2, t.out.width]) t.out.merges.push({ top: first, left: c, bottom: second, right: c });
  return [first, second];
}

/** The table: each criterion (bold) and its targets, the unit's answers beside the council's. */
function table(t: Table): [number, number] {
  const rows = header(t);
  const { check, reading, sheet } = t;
  const { framework: fw, layout } = check;
  const own = new Map(check.report.indicators.map((i) => [i.number, i.selfLevel]));
  const theirs = new Map(reading.council.report.indicators.map((i) => [i.number, i.selfLevel]));
  const note = reading.columns.note;
  for (const c of check.report.criteria) {
    const def = fw.criteria[c.number - 1];
    const leaves = def?.indicators ?? [];
    const word = `${layerWord(fw, "criterion", "vi")} ${c.number}`;
    t.out.line(
      [
        { value: String(c.number), style: CENTER },
        def?.title ? `${word}. ${def.title}` : word,
        ...answers(groupLevel(own, leaves), t.top),
        ...answers(groupLevel(theirs, leaves), t.top),
        null,
      ],
      { ...BODY, bold: true }
    );
    for (const n of leaves) {
      const ind = check.report.indicators.find((i) => i.number === n);
      const officer =
        ind && layout.columns.content
          ? cellText(cellAt(sheet, ind.row, layout.columns.content).value).trim()
          : "";
      const words = fw.indicators[n - 1]?.title ?? (officer || (ind ? leafNameOf(fw, ind, "vi") : String(n)));
      t.out.line(
        [
          { value: ind ? (ind.label ?? ind.code) : String(n), style: CENTER },
          words,
          ...answers(own.get(n) ?? null, t.top),
          ...answers(theirs.get(n) ?? null, t.top),
          ind && note !== null ? cellText(cellAt(sheet, ind.row, note).value).trim() || null : null,
        ],
        BODY
      );
    }
  }
  return rows;
}

/** The council's conclusion, in a sentence the council signs. */
export function verifiedConclusion(check: SheetCheck, reading: CouncilReading): string {
  const { report, framework: fw } = check;
  const unit = report.unitName ?? "Đơn vị";
  const what = unitPhrase(report.unitName, fw, "vi").replace(/^(Cộng đồng học tập|Đơn vị học tập)/, "“$1”");
  const { level, label } = reading.verdict;
  const open = reading.verdict.issues.filter((i) => i.severity === "error").length;
  if (open > 0)
    return `chưa kết luận được: còn ${open} ô ở cột của Hội đồng thẩm định đánh dấu chưa đúng (xem ghi chú kiểm tra).`;
  if (level !== null && level > 0) return `${unit} đạt ${what ? `${what} ` : ""}${label}.`;
  return `${unit} chưa đủ điều kiện công nhận${what ? ` ${what}` : ""}.`;
}

/**
 * Why the unit falls short in the council's reading, target by target, for the letter to the unit:
 * each target below the level the unit asked for (at least the first), with what the unit said and
 * the council's note. Empty when the council finds the unit at the level it asked for.
 */
export function shortfallLines(check: SheetCheck, reading: CouncilReading, sheet: SheetSnapshot): string[] {
  const { framework: fw, report } = check;
  const asked = Math.max(1, report.recognition.level ?? 1);
  const { verdict, council } = reading;
  if (verdict.level === null || verdict.level >= asked) return [];
  const note = reading.columns.note;
  const lines: string[] = [];
  for (const ind of council.report.indicators) {
    const level = ind.selfLevel;
    if (level === null || level >= asked) continue;
    const own = report.indicators.find((i) => i.number === ind.number);
    const short = levelLabel(fw, level + 1, "vi");
    const words = fw.indicators[ind.number - 1]?.title;
    const theirs = own?.selfLevel;
    const said =
      theirs !== null && theirs !== undefined && theirs > level
        ? ` (đơn vị tự đánh giá đạt ${levelLabel(fw, theirs, "vi")})`
        : "";
    const why = own && note !== null ? cellText(cellAt(sheet, own.row, note).value) : "";
    lines.push(
      `– ${leafNameOf(fw, ind, "vi")}${words ? ` “${words}”` : ""}: không đạt ${short}${said}${why.trim() ? `; lý do: ${why.trim()}` : ""}.`
    );
  }
  return lines;
}

function closing(out: SheetLayout, check: SheetCheck, reading: CouncilReading, sheet: SheetSnapshot): void {
  const across = (value: string, style: CellStyle = {}) =>
    out.line([{ value, span: out.width }], { wrap: true, vertical: "top", ...style });
  const { report, framework: fw } = check;
  out.blank();
  across(
    `Tự đánh giá của đơn vị: ${report.recognition.label}; Hội đồng thẩm định: ${reading.verdict.label}` +
      (reading.verdict.differences.length
        ? `; Hội đồng đánh giá khác đơn vị ở ${reading.verdict.differences.length} ${lower(layerWord(fw, "indicator", "vi"))}.`
        : "; Hội đồng đồng ý với tự đánh giá ở mọi chỉ tiêu."),
    {}
  );
  across(`Kết luận của Hội đồng: ${verifiedConclusion(check, reading)}`, { bold: true });
  const lines = shortfallLines(check, reading, sheet);
  if (lines.length === 0) return;
  across(`Lý do không đạt (để nêu trong văn bản trả lời ${report.unitName ?? "đơn vị"}):`, { italic: true });
  for (const l of lines) across(l);
}

/** The council's chairman signs, on the right; room to sign below. */
function signature(out: SheetLayout, from: number): void {
  const right = (value: string, style: CellStyle) =>
    out.line([{ value, span: out.width - from + 1 }], { horizontal: "center", ...style }, { from });
  out.blank();
  right("…………, ngày …… tháng …… năm ……", { italic: true });
  right("TM. HỘI ĐỒNG ĐÁNH GIÁ", { bold: true });
  right("CHỦ TỊCH", { bold: true });
  right("(Ký, ghi rõ họ tên)", { italic: true });
  out.line([], {}, { minHeight: 60 });
}

/** The verified bản tổng hợp of a checked sheet with the council's columns (`sheet`: the unit's, for the notes). */
export function verifiedSummary(check: SheetCheck, reading: CouncilReading, sheet: SheetSnapshot): SheetPlan {
  const { report, framework: fw, layout } = check;
  const top = fw.levels.length - 1;
  const out = new SheetLayout(widthsFor(top), FONT);
  const year = assessmentYear(titleRows(sheet, (r, c) => cellAt(sheet, r, c), layout.headerRow));
  mottoBlock(out, null, 2, [FILL, "HỘI ĐỒNG ĐÁNH GIÁ"]);
  titleLines(out, fw, report.unitName, year);
  const [first, second] = table({ out, check, reading, sheet, top });
  closing(out, check, reading, sheet);
  signature(out, out.width - 2);
  return {
    name: `Thẩm định ${report.sheet}`,
    rows: out.rows,
    widths: out.widths,
    font: out.font,
    styles: out.styles,
    merges: out.merges,
    rowHeights: out.rowHeights,
    print: {
      orientation: "portrait",
      titleRows: [first, second],
      fitTo: { wide: 1, tall: 0 },
      area: { top: 1, left: 1, bottom: out.rows.length, right: out.width },
      margins: MARGINS,
      centered: true,
    },
  };
}

/** The title: the paper's name, whose it is and that the council verified it, the year, the period, the set. */
function titleLines(out: SheetLayout, fw: Framework, unitName: string | null, year: number | null): void {
  const across = (value: string, style: CellStyle) =>
    out.line([{ value, span: out.width }], { horizontal: "center", wrap: true, ...style });
  across(`BẢN TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ CÁC ${layersWords(fw)} CỦA ${unitName ? upper(unitName) : FILL}`, {
    bold: true,
    size: 13,
  });
  across("DO HỘI ĐỒNG ĐÁNH GIÁ THẨM ĐỊNH", { bold: true, size: 13 });
  const what = recognitionWords(fw, unitName);
  across(`${what ? `${what} ` : ""}NĂM ${year ?? "……"}`, { bold: true });
  across(periodLine(year), { italic: true });
  across(`Bộ tiêu chí: ${fw.title.vi}`, { italic: true });
  out.blank();
}
