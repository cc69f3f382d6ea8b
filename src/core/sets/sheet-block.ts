// The description block of a criteria sheet that defines a whole set: one label per row in the
// first column, its value beside it (and, optionally, its English beside that), above the table.
//   Tên bộ tiêu chí | Bộ tiêu chí …           Mã bộ tiêu chí | bo-xa-2025 (optional)
//   Cấp | xã / tỉnh / huyện / thành phố / đơn vị / khác
//   Các mức | Không đạt; Mức độ 1; Mức độ 2
//   Tên gọi khác của mức | Mức độ 1: Khá; Mức độ 2: Tốt   (optional: read in officers' cells, never printed)
//   Các lớp | Tiêu chí; Chỉ tiêu   (optional; or Tiêu chuẩn; Tiêu chí; Chỉ báo)
//   Quy tắc công nhận | Đạt tất cả chỉ tiêu / Tỷ lệ đạt ≥ 80% / Điểm: Mức 1 ≥ 70%; Mức 2 ≥ 85%
//   Thời hạn công nhận (năm) | 3   (optional)
//   Công nhận là | Cộng đồng học tập cấp xã | Commune learning community   (optional)
//   Đánh số chỉ tiêu | Đánh số lại trong từng tiêu chí   (optional)
//   Không có minh chứng | Không đạt (Điều 9 khoản 3)   (optional: the text's rule)
//   Điều kiện của đơn vị | Xã thuộc vùng khó khăn | A commune … | Điều 6 khoản 5 điểm b | vung-kho-khan
//     (optional, one row per condition: its words, English, article, id)
import { bounds, cellAt, cellText, isBlank, rowCells, rowsBetween, type PlanValue } from "../model/snapshot";
import type { SheetSnapshot } from "../model/snapshot";
import { formatNumberVi, parseNumberText } from "../model/numbers";
import { fold } from "../model/text";
import type {
  Framework,
  Kind,
  Layers,
  LayerWords,
  LevelDef,
  RecognitionRule,
  UnitCondition,
} from "./framework";
import { lower } from "./words";

/** Reports a problem at a cell of the sheet (null: the whole sheet). */
export type Say = (
  row: number | null,
  col: number | null,
  indicator: number | null,
  vi: string,
  en: string
) => void;

export interface SetDescription {
  title: { vi: string; en: string };
  id: string;
  kind: Kind;
  /** Null when not given: the levels are then `Mức 1` … as many as the threshold columns. */
  levels: LevelDef[] | null;
  layers: Layers;
  recognition: RecognitionRule;
  validityYears?: number;
  /** `Tên gọi khác của mức`, resolved once the levels are known (they may come from the table). */
  aliases?: Entry;
  /** What the circulars' sets say beyond the tree (see the labels below). */
  extra: Pick<Framework, "recognisedAs" | "numbering" | "evidence" | "conditions">;
}

const LABELS = {
  title: "Tên bộ tiêu chí",
  id: "Mã bộ tiêu chí",
  kind: "Cấp",
  levels: "Các mức",
  aliases: "Tên gọi khác của mức",
  layers: "Các lớp",
  rule: "Quy tắc công nhận",
  years: "Thời hạn công nhận (năm)",
  recognisedAs: "Công nhận là",
  numbering: "Đánh số chỉ tiêu",
  evidence: "Không có minh chứng",
  condition: "Điều kiện của đơn vị",
} as const;
type Label = keyof typeof LABELS;

/** The `Cấp` of a set as officers say it (the description block writes and reads these). */
export const KIND_WORDS: Record<Kind, string> = {
  commune: "xã",
  province: "tỉnh",
  district: "huyện",
  city: "thành phố",
  unit: "đơn vị",
  other: "khác",
};

const EN_WORDS: Record<string, string> = {
  "tieu chuan": "Standard",
  "tieu chi": "Criterion",
  "chi bao": "Indicator",
  "chi tieu": "Target",
};

const labelKey = (text: string) =>
  fold(text)
    .replace(/\(.*\)|:/g, "")
    .trim();
const LABEL_OF = new Map(Object.entries(LABELS).map(([k, v]) => [labelKey(v), k as Label]));

export interface Entry {
  row: number;
  col: number;
  vi: string;
  en: string;
}

/** The block's rows above `before`: label → its value (and English) and where the value is. */
function entries(sheet: SheetSnapshot, before: number): Map<Label, Entry> {
  const out = new Map<Label, Entry>();
  const first = bounds(sheet).firstRow;
  for (const r of rowsBetween(sheet, first, before - 1)) {
    const c = [...rowCells(sheet, r)].find(([, cell]) => !isBlank(cell.value))?.[0];
    const label = c === undefined ? undefined : LABEL_OF.get(labelKey(cellText(cellAt(sheet, r, c).value)));
    if (c === undefined || !label || out.has(label)) continue;
    const text = (k: number) => cellText(cellAt(sheet, r, c + k).value).trim();
    out.set(label, { row: r, col: c + 1, vi: text(1), en: text(2) });
  }
  return out;
}

const parts = (text: string) =>
  text
    .split(";")
    .map((p) => p.trim())
    .filter(Boolean);

/** `Tỷ lệ đạt ≥ 80%`, `Điểm: Mức 1 ≥ 70%; Mức 2 ≥ 85%`, `Đạt tất cả chỉ tiêu`; null when unreadable. */
export function parseRule(text: string): RecognitionRule | null {
  const f = fold(text);
  if (/^diem\b/.test(f)) {
    const bands = [...f.matchAll(/muc(?: do)?\s*(\d+)\s*(?:≥|>=)\s*([\d.,]+)\s*%?/g)].map((m) => ({
      level: Number(m[1]),
      min: parseNumberText(String(m[2])) ?? -1,
    }));
    const ok = bands.length > 0 && bands.every((b) => b.level > 0 && b.min >= 0 && b.min <= 100);
    return ok ? { rule: "points", bands } : null;
  }
  if (/^ty le\b/.test(f)) {
    const p = parseNumberText(/(?:≥|>=)\s*([\d.,]+)/.exec(f)?.[1] ?? "");
    return p !== null && p > 0 && p <= 100 ? { rule: "share-at-least", percent: p } : null;
  }
  return /tat ca/.test(f) ? { rule: "all-at-least" } : null;
}

export function formatRule(rule: RecognitionRule, layers: Layers): string {
  if (rule.rule === "points")
    return `Điểm: ${rule.bands.map((b) => `Mức ${b.level} ≥ ${formatNumberVi(b.min)}%`).join("; ")}`;
  if (rule.rule === "share-at-least") return `Tỷ lệ đạt ≥ ${formatNumberVi(rule.percent)}%`;
  return `Đạt tất cả ${lower(layers.indicator.vi)}`;
}

/** `Chỉ tiêu` → `CT`: the initials, for `Tổng hợp`'s column heads. */
export function codeOf(word: string): string {
  const initials = fold(word)
    .split(" ")
    .map((w) => w.charAt(0))
    .join("")
    .toUpperCase()
    .replace(/[^A-Z]/g, "");
  return initials.slice(0, 4) || "X";
}

/** How each label's value is written, for the message when it cannot be read. */
const HINTS: Record<Label, string> = {
  title: "“Bộ tiêu chí xã học tập 2025”",
  id: "“bo-xa-2025”",
  kind: Object.values(KIND_WORDS)
    .map((w) => `“${w}”`)
    .join(" / "),
  levels: "“Không đạt; Mức độ 1; Mức độ 2”",
  aliases: "“Mức độ 1: Khá; Mức độ 2: Tốt” (tên mức, dấu hai chấm, các tên khác cách nhau bởi dấu phẩy)",
  layers: "“Tiêu chí; Chỉ tiêu” / “Tiêu chuẩn; Tiêu chí; Chỉ báo”",
  rule: "“Đạt tất cả chỉ tiêu” / “Tỷ lệ đạt ≥ 80%” / “Điểm: Mức 1 ≥ 70%; Mức 2 ≥ 85%”",
  years: "3",
  recognisedAs: "“Cộng đồng học tập cấp xã”",
  numbering: "“Đánh số lại trong từng tiêu chí”",
  evidence: "“Không đạt (Điều 9 khoản 3)”",
  condition: "“Xã thuộc vùng khó khăn” | English | điều khoản | vung-kho-khan",
};

/** A value that cannot be read: said at its cell, with how it is written. */
const bad = (e: Entry, label: Label, say: Say) =>
  say(
    e.row,
    e.col,
    null,
    `“${LABELS[label]}” chưa đúng: ghi như ${HINTS[label]}.`,
    `“${LABELS[label]}” is not valid: write it like ${HINTS[label]}.`
  );

function layersOf(e: Entry, say: Say): Layers {
  const vi = parts(e.vi);
  const en = parts(e.en);
  if (vi.length !== 2 && vi.length !== 3) {
    bad(e, "layers", say);
    return DEFAULT_LAYERS;
  }
  const words = vi.map((w, i): LayerWords => ({
    vi: w,
    en: (en.length === vi.length ? en[i] : undefined) ?? EN_WORDS[fold(w)] ?? w,
    code: codeOf(w),
  }));
  const [a, b, c] = words as [LayerWords, LayerWords, LayerWords | undefined];
  return c ? { standard: a, criterion: b, indicator: c } : { criterion: a, indicator: b };
}

export const DEFAULT_LAYERS: Layers = {
  criterion: { vi: "Tiêu chí", en: "Criterion", code: "TC" },
  indicator: { vi: "Chỉ tiêu", en: "Target", code: "CT" },
};

function levelsOf(e: Entry, say: Say): LevelDef[] | null {
  const vi = parts(e.vi);
  const en = parts(e.en);
  // `Mức độ 1 (Khá); Mức độ 2 (Tốt)`: level 0 goes without saying.
  if (vi.length > 0 && /^muc( do)? 1\b/.test(fold(vi[0] as string))) {
    vi.unshift("Không đạt");
    if (en.length === vi.length - 1) en.unshift("Not achieved");
  }
  if (vi.length < 2) {
    bad(e, "levels", say);
    return null;
  }
  return vi.map((v, level) => ({
    level,
    vi: v,
    en:
      (en.length === vi.length ? en[level] : undefined) ?? (level === 0 ? "Not achieved" : `Level ${level}`),
  }));
}

/** The levels with the other names officers write for them (`Mức độ 1: Khá; Mức độ 2: Tốt`). */
export function withAliases(levels: LevelDef[], e: Entry | undefined, say: Say): LevelDef[] {
  if (!e?.vi) return levels;
  const out = levels.map((l) => ({ ...l }));
  for (const part of parts(e.vi)) {
    const colon = part.indexOf(":");
    const level = colon < 0 ? undefined : out.find((l) => fold(l.vi) === fold(part.slice(0, colon)));
    const names = part
      .slice(colon + 1)
      .split(",")
      .map((n) => n.trim())
      .filter(Boolean);
    if (!level || names.length === 0) {
      bad(e, "aliases", say);
      return levels;
    }
    level.aliases = [...(level.aliases ?? []), ...names];
  }
  return out;
}

function kindOf(e: Entry, say: Say): Kind {
  const f = fold(e.vi).replace(/^cap /, "");
  const kind = (Object.keys(KIND_WORDS) as Kind[]).find((k) => fold(KIND_WORDS[k]) === f);
  if (!kind) bad(e, "kind", say);
  return kind ?? "other";
}

/** `Bộ tiêu chí công nhận xã 2025` → `bo-tieu-chi-cong-nhan-xa-2025`. */
function slug(text: string): string {
  const s = fold(text)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+/, "")
    .slice(0, 40)
    .replace(/-+$/, "");
  return s || "bo-tieu-chi";
}

function idOf(e: Entry | undefined, title: string, say: Say): string {
  const id = e?.vi.toLowerCase() ?? "";
  if (!e || /^[a-z0-9][a-z0-9-]*$/.test(id)) return id || slug(title);
  bad(e, "id", say);
  return slug(title);
}

function ruleOf(e: Entry | undefined, say: Say): RecognitionRule {
  const rule = e ? parseRule(e.vi) : { rule: "all-at-least" as const };
  if (e && !rule) bad(e, "rule", say);
  return rule ?? { rule: "all-at-least" };
}

function yearsOf(e: Entry | undefined, say: Say): number | undefined {
  if (!e || !e.vi) return undefined;
  const n = parseNumberText(e.vi);
  if (n !== null && Number.isInteger(n) && n > 0) return n;
  bad(e, "years", say);
  return undefined;
}

/** The fields beyond the tree (`Công nhận là`, `Đánh số chỉ tiêu`, `Không có minh chứng`, conditions). */
function extraOf(
  sheet: SheetSnapshot,
  before: number,
  found: Map<Label, Entry>,
  say: Say
): SetDescription["extra"] {
  const extra: SetDescription["extra"] = {};
  const as = found.get("recognisedAs");
  if (as?.vi) extra.recognisedAs = { vi: as.vi, en: as.en || as.vi };
  const numbering = found.get("numbering");
  if (numbering && /trong tung/.test(fold(numbering.vi))) extra.numbering = "per-criterion";
  else if (numbering?.vi) bad(numbering, "numbering", say);
  const evidence = found.get("evidence");
  const source =
    evidence && /^khong dat\b/.test(fold(evidence.vi)) ? /\((.+)\)\s*$/.exec(evidence.vi)?.[1] : undefined;
  if (source) extra.evidence = { missing: "not-achieved", source };
  else if (evidence?.vi) bad(evidence, "evidence", say);
  // One row per condition: its words, English, article and id in the cells after the label.
  const conditions: UnitCondition[] = [];
  for (const r of rowsBetween(sheet, bounds(sheet).firstRow, before - 1)) {
    const c = [...rowCells(sheet, r)].find(([, cell]) => !isBlank(cell.value))?.[0];
    if (c === undefined || LABEL_OF.get(labelKey(cellText(cellAt(sheet, r, c).value))) !== "condition")
      continue;
    const [vi, en, src, id] = [1, 2, 3, 4].map((k) => cellText(cellAt(sheet, r, c + k).value).trim());
    const cid = id || slug(vi ?? "");
    if (vi && /^[a-z0-9][a-z0-9-]*$/.test(cid))
      conditions.push({ id: cid, vi, en: en || vi, source: src ?? "" });
    else bad({ row: r, col: c + 1, vi: vi ?? "", en: "" }, "condition", say);
  }
  if (conditions.length > 0) extra.conditions = conditions;
  return extra;
}

/** The block above row `before`, or null when the sheet has none (it then overrides a set). */
export function readDescription(sheet: SheetSnapshot, before: number, say: Say): SetDescription | null {
  const found = entries(sheet, before);
  const title = found.get("title");
  if (!title) return null;
  if (!title.vi) bad(title, "title", say);
  const name = title.vi || "Bộ tiêu chí của bảng tính";
  const layers = found.get("layers");
  const levels = found.get("levels");
  const kind = found.get("kind");
  const description: SetDescription = {
    title: { vi: name, en: title.en || name },
    id: idOf(found.get("id"), name, say),
    kind: kind ? kindOf(kind, say) : "other",
    levels: levels ? levelsOf(levels, say) : null,
    layers: layers ? layersOf(layers, say) : DEFAULT_LAYERS,
    recognition: ruleOf(found.get("rule"), say),
    extra: extraOf(sheet, before, found, say),
  };
  const aliases = found.get("aliases");
  if (aliases) description.aliases = aliases;
  const years = yearsOf(found.get("years"), say);
  if (years !== undefined) description.validityYears = years;
  return description;
}

/** The block written for a set, with a blank row under it. */
export function descriptionRows(fw: Framework): PlanValue[][] {
  const words = (ws: (LayerWords | undefined)[], lang: "vi" | "en") =>
    ws.flatMap((w) => (w ? [w[lang]] : [])).join("; ");
  const layers = [fw.layers.standard, fw.layers.criterion, fw.layers.indicator];
  const rows: PlanValue[][] = [
    [LABELS.title, fw.title.vi, fw.title.en],
    [LABELS.id, fw.id],
    [LABELS.kind, KIND_WORDS[fw.kind]],
    [LABELS.levels, fw.levels.map((l) => l.vi).join("; "), fw.levels.map((l) => l.en).join("; ")],
    ...(fw.levels.some((l) => l.aliases?.length)
      ? [
          [
            LABELS.aliases,
            fw.levels
              .filter((l) => l.aliases?.length)
              .map((l) => `${l.vi}: ${(l.aliases ?? []).join(", ")}`)
              .join("; "),
          ],
        ]
      : []),
    [LABELS.layers, words(layers, "vi"), words(layers, "en")],
    [LABELS.rule, formatRule(fw.recognition, fw.layers)],
  ];
  if (fw.validityYears !== undefined) rows.push([LABELS.years, fw.validityYears]);
  if (fw.recognisedAs) rows.push([LABELS.recognisedAs, fw.recognisedAs.vi, fw.recognisedAs.en]);
  if (fw.numbering) rows.push([LABELS.numbering, "Đánh số lại trong từng tiêu chí"]);
  if (fw.evidence) rows.push([LABELS.evidence, `Không đạt (${fw.evidence.source})`]);
  for (const c of fw.conditions ?? []) rows.push([LABELS.condition, c.vi, c.en, c.source, c.id]);
  return [...rows, []];
}
