// The list that goes with the recognition decision: the units recognised at each level, in the usual
// shape of a decision's annex — the issuing body and the motto, `DANH SÁCH` with the level and the
// year, the line `(Kèm theo Quyết định số …/QĐ-… ngày … của …)` left for the office to fill, then
// STT, unit, level and a note column; one page per set and level, A4 portrait, Times New Roman.
import { say, type Lang } from "../model/lang";
import type { CellStyle } from "./format";
import { BODY, HEADER, SheetLayout } from "./layout";
import { MARGINS } from "./print";
import type { SheetPlan } from "./sheet-plan";
import { sentTwice } from "./duplicates";
import type { SummaryEntry } from "./summary";

export const DECISION_SHEET = "Danh sách công nhận";

/** One unit on the list: its name, the set it was assessed by, the level it is recognised at. */
export interface DecisionUnit {
  name: string;
  set: { id: string; title: string; levels: string[] };
  level: number | null;
  /** The year assessed, when the unit's title says it. */
  year: number | null;
  /** What the department should know beside the unit (verified by the council…); empty for the office to write. */
  note: string;
  /** Where it came from: the file (and sheet), to name a unit left off. */
  from?: string;
  /** Errors still open in its check (its own, or in the council's columns): it stays off the list until they are fixed. */
  errors?: number;
  /** How many of those errors are in the council's columns. */
  councilErrors?: number;
}

const FONT = { name: "Times New Roman", size: 13 };
/** STT, unit, level, note: 88 characters, within A4 portrait's width at Times New Roman 13. */
const WIDTHS = [6, 36, 20, 26];
const ALL = WIDTHS.length;
const BLANK_FILL = "…………";

/** Each unit once (a unit sent twice by its later copy), at the council's level where it gave one, else as assessed. */
export function decisionUnits(entries: SummaryEntry[], lang: Lang): DecisionUnit[] {
  return sentTwice(entries).counted.flatMap((e) => {
    const r = e.report;
    if (!r) return [];
    const errors = r.counts.errors;
    const councilErrors = r.council?.issues.filter((i) => i.severity === "error").length ?? 0;
    return [
      {
        name: r.unitName ?? e.file,
        set: { id: r.framework.id, title: r.framework.title, levels: r.framework.levels },
        level: r.council ? r.council.level : r.recognition.level,
        year: r.recognition.validity?.assessedYear ?? null,
        note: r.council ? say(lang, "Theo kết quả thẩm định của Hội đồng", "As verified by the council") : "",
        from: e.sheet ? `${e.file}, ${e.sheet}` : e.file,
        ...(errors > 0 ? { errors, ...(councilErrors > 0 ? { councilErrors } : {}) } : {}),
      },
    ];
  });
}

interface Group {
  set: DecisionUnit["set"];
  level: number;
  units: DecisionUnit[];
}

/**
 * The units left off the list because their check still has errors, one line each: who, where, why,
 * and what to do.
 */
export function leftOffLines(units: DecisionUnit[], lang: Lang): string[] {
  return units.flatMap((u) => {
    if (!u.errors) return [];
    // A unit its sheet does not name goes by its file: said once, as a unit without a name.
    const from = u.from?.replace(/^, /, "");
    const unnamed = !!u.from && (u.from === u.name || u.from.startsWith(`${u.name}, `));
    const who = unnamed
      ? say(lang, `Đơn vị chưa rõ tên (${from})`, `A unit without a name (${from})`)
      : u.name + (from ? ` (${from})` : "");
    const council = u.councilErrors
      ? say(
          lang,
          `, ${u.councilErrors} ở cột của Hội đồng thẩm định`,
          `, ${u.councilErrors} in the council's columns`
        )
      : "";
    // Only the council's: the council fixes them, not the unit.
    if (u.councilErrors === u.errors)
      return [
        say(
          lang,
          `${who}: chưa đưa vào danh sách công nhận vì cột của Hội đồng thẩm định còn ${u.errors} lỗi; Hội đồng sửa các lỗi đó rồi tổng hợp lại.`,
          `${who}: left off the list: the council's columns have ${u.errors} error(s); the council fixes them, then summarise again.`
        ),
      ];
    return [
      say(
        lang,
        `${who}: chưa đưa vào danh sách công nhận vì bảng còn ${u.errors} lỗi${council}; sửa các lỗi rồi tổng hợp lại.`,
        `${who}: left off the list: ${u.errors} error(s) still open${council}; fix them and summarise again.`
      ),
    ];
  });
}

/** One group per set and level (from level 1 up), the units in the order given; a unit with errors left open is on none. */
function groupsOf(units: DecisionUnit[]): Group[] {
  const groups = new Map<string, Group>();
  for (const u of units) {
    if (u.level === null || u.level < 1 || (u.errors ?? 0) > 0) continue;
    const key = `${u.set.id}\u0000${u.level}`;
    const g = groups.get(key) ?? { set: u.set, level: u.level, units: [] };
    g.units.push(u);
    groups.set(key, g);
  }
  return [...groups.values()].sort(
    (a, b) =>
      units.findIndex((u) => u.set.id === a.set.id) - units.findIndex((u) => u.set.id === b.set.id) ||
      a.level - b.level
  );
}

/** The year most of the group's units were assessed for; null when none says. */
function yearOf(units: DecisionUnit[]): number | null {
  const counts = new Map<number, number>();
  for (const u of units) if (u.year !== null) counts.set(u.year, (counts.get(u.year) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? null;
}

/** The issuing body (left, for the office to fill) and the national motto (right). */
function motto(out: SheetLayout, lang: Lang): void {
  const left = { span: 2, style: { horizontal: "center" as const, wrap: true } };
  const right = { span: 2, style: { horizontal: "center" as const, bold: true, wrap: true } };
  out.line(
    [
      { ...left, value: BLANK_FILL.repeat(3) },
      { ...right, value: say(lang, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIET NAM") },
    ],
    { size: 12 }
  );
  out.line(
    [
      { ...left, value: BLANK_FILL.repeat(3), style: { ...left.style, bold: true } },
      { ...right, value: say(lang, "Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness") },
    ],
    { size: 12 }
  );
}

const CENTER = { horizontal: "center" as const, wrap: true };

/** `DANH SÁCH`, the level and the year, the set, and the decision's line left for the office to fill. */
function title(out: SheetLayout, label: string, g: Group, lang: Lang): void {
  const year = yearOf(g.units) ?? BLANK_FILL;
  const line = (value: string, look: CellStyle) => out.line([{ value, span: ALL }], { ...CENTER, ...look });
  line(say(lang, "DANH SÁCH", "LIST"), { bold: true, size: 14 });
  line(
    say(
      lang,
      `ĐƠN VỊ ĐƯỢC CÔNG NHẬN ĐẠT ${label.toLocaleUpperCase("vi")} NĂM ${year}`,
      `UNITS RECOGNISED AT ${label.toLocaleUpperCase("en")} FOR ${year}`
    ),
    { bold: true }
  );
  line(g.set.title, {});
  line(
    say(
      lang,
      "(Kèm theo Quyết định số ……/QĐ-…… ngày …… tháng …… năm …… của ………………)",
      "(Annexed to Decision No. ……/QĐ-…… of …… by ………………)"
    ),
    { italic: true }
  );
}

/** One page: motto, title, the table, the count. Returns the page's last row. */
function page(out: SheetLayout, g: Group, lang: Lang): number {
  const label = g.set.levels[g.level] ?? say(lang, `Mức ${g.level}`, `Level ${g.level}`);
  motto(out, lang);
  out.blank();
  title(out, label, g, lang);
  out.blank();
  out.line(
    [
      say(lang, "STT", "No."),
      say(lang, "Tên đơn vị", "Unit"),
      say(lang, "Mức công nhận", "Level"),
      say(lang, "Ghi chú", "Note"),
    ],
    HEADER
  );
  g.units.forEach((u, i) =>
    out.line(
      [
        { value: i + 1, style: { horizontal: "center" } },
        u.name,
        { value: label, style: { horizontal: "center" } },
        u.note || null,
      ],
      BODY,
      { minHeight: 22 }
    )
  );
  const count = say(
    lang,
    `Danh sách có ${g.units.length} đơn vị./.`,
    `${g.units.length} unit(s) on the list.`
  );
  return out.line([{ value: count, span: ALL }], { italic: true });
}

/** The decision list: one page per set and level recognised; a line saying so when no unit is recognised. */
export function decisionSheet(units: DecisionUnit[], opts: { lang: Lang }): SheetPlan {
  const { lang } = opts;
  const out = new SheetLayout(WIDTHS, FONT);
  const groups = groupsOf(units);
  const breaks: number[] = [];
  groups.forEach((g, i) => {
    const end = page(out, g, lang);
    if (i < groups.length - 1) breaks.push(end);
  });
  if (groups.length === 0)
    out.line(
      [
        {
          value: say(
            lang,
            `Không có đơn vị nào được công nhận trong ${units.length} đơn vị đã kiểm tra.`,
            `No unit is recognised among the ${units.length} checked.`
          ),
          span: ALL,
        },
      ],
      { wrap: true }
    );
  return {
    name: DECISION_SHEET,
    ...out.laid,
    widths: WIDTHS,
    font: FONT,
    pageBreaks: breaks,
    print: {
      orientation: "portrait",
      fitTo: { wide: 1, tall: 0 },
      area: { top: 1, left: 1, bottom: out.rows.length, right: ALL },
      margins: MARGINS,
      centered: true,
    },
  };
}

/** The list as text (the CLI's output): a heading per set and level, one numbered line per unit. */
export function decisionText(units: DecisionUnit[], lang: Lang): string {
  const groups = groupsOf(units);
  if (groups.length === 0)
    return say(lang, "Không có đơn vị nào được công nhận.", "No unit is recognised.") + "\n";
  return groups
    .map((g) => {
      const label = g.set.levels[g.level] ?? say(lang, `Mức ${g.level}`, `Level ${g.level}`);
      const year = yearOf(g.units);
      const head = say(
        lang,
        `Đơn vị được công nhận đạt ${label}${year ? ` năm ${year}` : ""} — ${g.set.title}: ${g.units.length} đơn vị`,
        `Units recognised at ${label}${year ? ` for ${year}` : ""} — ${g.set.title}: ${g.units.length}`
      );
      const rows = g.units.map(
        (u, i) => `  ${String(i + 1).padStart(3)}. ${u.name}${u.note ? ` (${u.note})` : ""}`
      );
      return [head, ...rows].join("\n");
    })
    .join("\n\n")
    .concat("\n");
}
