// The criteria sheet (*Bộ tiêu chí*): the format officers edit in Excel to bring the official
// thresholds. Read from a snapshot (overriding the chosen set) and written back out from a set.
import { a1 } from "../model/a1";
import {
  structureProblems,
  MEASURES,
  maxLevel,
  type Framework,
  type IndicatorDef,
  type Measure,
  type Threshold,
} from "./framework";
import type { Issue } from "../model/issues";
import type { Lang } from "../model/lang";
import {
  bounds,
  cellAt,
  cellText,
  isBlank,
  lastRow,
  rowCells,
  rowsBetween,
  type CellValue,
  type SheetSnapshot,
} from "../model/snapshot";
import { fold } from "../model/text";
import { formatThreshold, parseThreshold } from "./thresholds";
import { parseNumberText } from "../model/numbers";
import type { PlanValue } from "../model/snapshot";

export const CRITERIA_SHEET_NAME = "Bộ tiêu chí";
/** Rows read at most: a criteria set has tens of indicators, never thousands. */
const MAX_ROWS = 500;

export function isCriteriaSheetName(name: string): boolean {
  return fold(name) === "bo tieu chi";
}

const MEASURE_LABELS: Record<Measure, string> = {
  level: "Mức",
  percent: "Tỷ lệ",
  number: "Số",
  yesno: "Có/Không",
};

function parseMeasure(value: CellValue): Measure | null {
  const f = fold(cellText(value)).replace(/\s/g, "");
  const found = MEASURES.find((m) => fold(MEASURE_LABELS[m]).replace(/\s/g, "") === f);
  if (found) return found;
  if (/^(mucdo|level)$/.test(f)) return "level";
  if (/^(tyle|%|phantram|percent)$/.test(f)) return "percent";
  if (/^(solieu|number|giatri)$/.test(f)) return "number";
  if (/^(co\/khong|cokhong|yes\/no|yesno)$/.test(f)) return "yesno";
  return null;
}

/** `7`, `CB7`, `CB 07`, `Chỉ báo 7` → 7. */
export function parseIndicatorCode(value: CellValue): number | null {
  if (typeof value === "number") return Number.isInteger(value) && value > 0 ? value : null;
  const m = /^(?:(?:chi bao|chi tieu|cb)\s*)?0*(\d{1,4})\.?$/.exec(fold(cellText(value)));
  return m ? Number(m[1]) : null;
}

type Column =
  "code" | "title" | "measure" | "evidence" | "standard" | "criterion" | "points" | `level${number}`;

function headerColumn(text: string): Column | null {
  const f = fold(text);
  const lvl = /^muc\s*(\d)$/.exec(f);
  if (lvl) return `level${Number(lvl[1])}`;
  if (/^(ma|ma chi bao|chi bao|stt|tt)$/.test(f)) return "code";
  if (/^(noi dung|ten chi bao|chi bao \/ noi dung)$/.test(f)) return "title";
  if (/^(loai|loai chi bao|cach do)$/.test(f)) return "measure";
  if (f.startsWith("minh chung")) return "evidence";
  if (f === "tieu chuan") return "standard";
  if (f === "tieu chi") return "criterion";
  if (/^diem( toi da)?$/.test(f)) return "points";
  return null;
}

function findHeader(sheet: SheetSnapshot): { row: number; cols: Map<Column, number> } | null {
  const first = bounds(sheet).firstRow;
  for (const r of rowsBetween(sheet, first, first + 9)) {
    const cols = new Map<Column, number>();
    for (const [c, cell] of rowCells(sheet, r)) {
      const col = headerColumn(cellText(cell.value));
      if (col && !cols.has(col)) cols.set(col, c);
    }
    if (cols.has("code") && cols.has("level1")) return { row: r, cols };
  }
  return null;
}

const say = (lang: Lang, vi: string, en: string) => (lang === "vi" ? vi : en);

/** Thresholds must get stricter level by level, all in one direction. */
function inOrder(ts: (Threshold | null)[]): boolean {
  const given = ts.filter((t): t is Threshold => t !== null);
  if (given.some((t) => t.op === "yes")) return given.every((t) => t.op === "yes");
  const cmp = given as Extract<Threshold, { value: number }>[];
  const up = cmp.every((t) => t.op === ">=" || t.op === ">");
  const down = cmp.every((t) => t.op === "<=" || t.op === "<");
  if (!up && !down) return false;
  // Each threshold against the one of the level below it.
  return cmp.slice(1).every((t, i) => {
    const below = cmp[i] as { value: number };
    return up ? t.value >= below.value : t.value <= below.value;
  });
}

export interface CriteriaSheetResult {
  framework: Framework;
  issues: Issue[];
}

/** Applies a criteria sheet to a base set: rows override its indicators; bad rows are reported and skipped. */
export function readCriteriaSheet(
  sheet: SheetSnapshot,
  base: Framework,
  lang: Lang = "vi"
): CriteriaSheetResult {
  const issues: Issue[] = [];
  const problem = (
    row: number | null,
    col: number | null,
    indicator: number | null,
    vi: string,
    en: string
  ) =>
    issues.push({
      severity: "error",
      rule: "criteria-sheet",
      sheet: sheet.name,
      cell: row !== null && col !== null ? a1(row, col) : null,
      row,
      indicator,
      message: say(lang, vi, en),
    });
  const header = findHeader(sheet);
  if (!header) {
    problem(
      null,
      null,
      null,
      `Sheet “${sheet.name}” không có dòng tiêu đề với cột “Mã” và “Mức 1”: thêm dòng tiêu đề Mã | Nội dung | Loại | Mức 1 | Mức 2 | Mức 3 | Minh chứng bắt buộc.`,
      `Sheet “${sheet.name}” has no header row with “Mã” and “Mức 1” columns: add the header Mã | Nội dung | Loại | Mức 1 | Mức 2 | Mức 3 | Minh chứng bắt buộc.`
    );
    return { framework: base, issues };
  }
  const top = maxLevel(base);
  const col = (c: Column) => header.cols.get(c);
  const indicators: IndicatorDef[] = base.indicators.map((i) => ({ ...i }));
  const placed = new Map<number, { standard: number | null; criterion: number | null; row: number }>();
  for (const r of rowsBetween(sheet, header.row + 1, Math.min(lastRow(sheet), header.row + MAX_ROWS))) {
    const codeCol = col("code") as number;
    const codeValue = cellAt(sheet, r, codeCol).value;
    if (isBlank(codeValue)) continue;
    const n = parseIndicatorCode(codeValue);
    const current = n !== null ? indicators[n - 1] : undefined;
    if (n === null || !current) {
      problem(
        r,
        codeCol,
        null,
        `Mã “${cellText(codeValue)}” không phải chỉ báo nào của bộ tiêu chí (1–${indicators.length}): sửa mã hoặc xoá dòng này.`,
        `Code “${cellText(codeValue)}” is not an indicator of the criteria set (1–${indicators.length}): fix the code or delete the row.`
      );
      continue;
    }
    if (placed.has(n)) {
      problem(
        r,
        codeCol,
        n,
        `Chỉ báo ${n} đã có ở dòng ${placed.get(n)?.row}: mỗi chỉ báo chỉ ghi một dòng.`,
        `Indicator ${n} is already on row ${placed.get(n)?.row}: give each indicator one row.`
      );
      continue;
    }
    const next: IndicatorDef = { ...current };
    const titleCol = col("title");
    const title = titleCol ? cellText(cellAt(sheet, r, titleCol).value) : "";
    if (title && parseIndicatorCode(title) !== n) next.title = title;
    const measureCol = col("measure");
    if (measureCol && !isBlank(cellAt(sheet, r, measureCol).value)) {
      const m = parseMeasure(cellAt(sheet, r, measureCol).value);
      if (m) next.measure = m;
      else
        problem(
          r,
          measureCol,
          n,
          `Loại “${cellText(cellAt(sheet, r, measureCol).value)}” không hợp lệ: ghi Mức, Tỷ lệ, Số hoặc Có/Không.`,
          `Kind “${cellText(cellAt(sheet, r, measureCol).value)}” is not valid: write Mức, Tỷ lệ, Số or Có/Không.`
        );
    }
    const thresholds: (Threshold | null)[] = [];
    let thresholdsOk = true;
    for (let k = 1; k <= top; k++) {
      const c = col(`level${k}`);
      const parsed = c ? parseThreshold(cellAt(sheet, r, c)) : ({ ok: true, threshold: null } as const);
      if (parsed.ok) thresholds.push(parsed.threshold);
      else {
        thresholdsOk = false;
        problem(
          r,
          c ?? null,
          n,
          `Ngưỡng “${parsed.text}” của Mức ${k} không đọc được: ghi như “≥ 70”, “≤ 1,5”, “> 50” hoặc “Có”, hoặc để trống.`,
          `Threshold “${parsed.text}” for level ${k} cannot be read: write it like “≥ 70”, “≤ 1,5”, “> 50” or “Có”, or leave it blank.`
        );
      }
    }
    if (thresholdsOk && !inOrder(thresholds)) {
      thresholdsOk = false;
      problem(
        r,
        col("level1") ?? null,
        n,
        `Ngưỡng của chỉ báo ${n} không theo thứ tự: mức cao hơn phải có ngưỡng chặt hơn, cùng một chiều (đều “≥” hoặc đều “≤”).`,
        `The thresholds of indicator ${n} are out of order: a higher level needs a stricter threshold, all in one direction (all “≥” or all “≤”).`
      );
    }
    if (thresholdsOk) {
      if (next.measure === "level" || thresholds.every((t) => t === null)) delete next.thresholds;
      else next.thresholds = thresholds;
    }
    const evCol = col("evidence");
    if (evCol && !isBlank(cellAt(sheet, r, evCol).value)) {
      const f = fold(cellText(cellAt(sheet, r, evCol).value));
      if (/^(co|x|yes|bat buoc)$/.test(f)) next.evidenceRequired = true;
      else if (/^(khong|no)$/.test(f)) next.evidenceRequired = false;
      else
        problem(
          r,
          evCol,
          n,
          "Cột “Minh chứng bắt buộc” chỉ ghi Có hoặc Không.",
          "“Minh chứng bắt buộc” takes Có or Không."
        );
    }
    const pointsCol = col("points");
    if (pointsCol && !isBlank(cellAt(sheet, r, pointsCol).value)) {
      const v = cellAt(sheet, r, pointsCol).value;
      const p = typeof v === "number" ? v : parseNumberText(cellText(v));
      if (p !== null && p >= 0) next.points = p;
      else
        problem(r, pointsCol, n, "Điểm phải là một số không âm.", "Points must be a number of zero or more.");
    }
    const place = (c: Column) => {
      const at = col(c);
      const v = at ? cellAt(sheet, r, at).value : null;
      const num = isBlank(v) ? null : typeof v === "number" ? v : parseNumberText(cellText(v));
      return num !== null && Number.isInteger(num) && num > 0 ? num : null;
    };
    placed.set(n, { standard: place("standard"), criterion: place("criterion"), row: r });
    indicators[n - 1] = next;
  }
  const framework: Framework = {
    ...base,
    indicators,
    standards: treeFromSheet(base, placed) ?? base.standards,
    notes: [
      ...base.notes,
      {
        part: "criteria-sheet",
        basis: "officer",
        text: `Ngưỡng và quy định của từng chỉ báo lấy từ sheet “${sheet.name}” của bảng tính.`,
      },
    ],
  };
  const broken = structureProblems(framework)[0];
  if (broken) {
    problem(
      null,
      null,
      null,
      `Sheet “${sheet.name}” tạo ra bộ tiêu chí không hợp lệ (${broken.message}); dùng bộ tiêu chí có sẵn.`,
      `Sheet “${sheet.name}” makes an invalid criteria set (${broken.message}); the built-in set is used.`
    );
    return { framework: base, issues };
  }
  return { framework, issues };
}

/** The tree given by the `Tiêu chuẩn` and `Tiêu chí` columns, when every indicator is placed. */
function treeFromSheet(
  base: Framework,
  placed: Map<number, { standard: number | null; criterion: number | null }>
): Framework["standards"] | null {
  if (placed.size !== base.indicators.length) return null;
  const entries = [...placed.entries()].sort((a, b) => a[0] - b[0]);
  if (entries.some(([, p]) => p.standard === null || p.criterion === null)) return null;
  const standards = new Map<number, Map<number, number[]>>();
  for (const [n, p] of entries) {
    const criteria = standards.get(p.standard as number) ?? new Map<number, number[]>();
    criteria.set(p.criterion as number, [...(criteria.get(p.criterion as number) ?? []), n]);
    standards.set(p.standard as number, criteria);
  }
  const standardTitles = new Map(base.standards.map((st) => [st.number, st.title] as const));
  const criterionTitles = new Map(
    base.standards.flatMap((st) => st.criteria.map((c) => [c.number, c.title] as const))
  );
  const titled = <T extends object>(obj: T, title: string | undefined) => (title ? { ...obj, title } : obj);
  return [...standards.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([s, criteria]) =>
      titled(
        {
          number: s,
          criteria: [...criteria.entries()]
            .sort((a, b) => a[0] - b[0])
            .map(([c, indicators]) => titled({ number: c, indicators }, criterionTitles.get(c))),
        },
        standardTitles.get(s)
      )
    );
}

/** The criteria sheet for a set, as rows of cell values (header first), ready for either adapter. */
export function criteriaSheetRows(fw: Framework): PlanValue[][] {
  const top = maxLevel(fw);
  const place = new Map<number, { s: number; c: number }>();
  for (const s of fw.standards)
    for (const c of s.criteria) for (const n of c.indicators) place.set(n, { s: s.number, c: c.number });
  const header: PlanValue[] = [
    "Mã",
    "Nội dung",
    "Loại",
    ...Array.from({ length: top }, (_, i) => `Mức ${i + 1}`),
    "Minh chứng bắt buộc",
    "Tiêu chuẩn",
    "Tiêu chí",
    "Điểm",
  ];
  const rows = fw.indicators.map((ind): PlanValue[] => [
    ind.number,
    ind.title ?? `Chỉ báo ${ind.number}`,
    MEASURE_LABELS[ind.measure],
    ...Array.from({ length: top }, (_, k) => formatThreshold(ind.thresholds?.[k] ?? null)),
    ind.evidenceRequired ? "Có" : "Không",
    // A valid set places every indicator in its tree.
    (place.get(ind.number) as { s: number }).s,
    (place.get(ind.number) as { c: number }).c,
    ind.points ?? null,
  ]);
  return [header, ...rows];
}
