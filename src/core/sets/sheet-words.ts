// What the circulars' sets say of a leaf beyond its thresholds, in cells an officer can read and edit:
//   Lời mức 1 …      the target's words at that level, then `Căn cứ: Điều 6 khoản 5 điểm b` (and
//                    `Áp dụng cho: …` when the level's words are about some units only)
//   Số liệu cần đạt  one line per figure: `công dân … : ≥ 50% | ≥ 60% [vung-kho-khan: ≥ 40% | ≥ 50%]`
//                    (`[điều kiện, Người học: …]` when the condition counts something else)
//   Chuẩn cần đạt    `phổ cập giáo dục tiểu học (Nghị định số 20/2014/NĐ-CP): mức độ 2 | mức độ 3`
import type { Figure, LevelWording, StandardReached, Threshold } from "./framework";
import { formatThreshold, parseThreshold } from "./thresholds";

const SOURCE = "Căn cứ: ";
const APPLIES = "Áp dụng cho: ";

export function formatWording(w: LevelWording): string {
  return [w.text, SOURCE + w.source, ...(w.appliesTo ? [APPLIES + w.appliesTo] : [])].join("\n");
}

export function parseWording(text: string, level: number): LevelWording | null {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const tagged = (tag: string) =>
    lines
      .find((l) => l.startsWith(tag))
      ?.slice(tag.length)
      .trim();
  const words = lines.filter((l) => l && !l.startsWith(SOURCE) && !l.startsWith(APPLIES)).join("\n");
  const source = tagged(SOURCE);
  const appliesTo = tagged(APPLIES);
  return words ? { level, text: words, source: source ?? "", ...(appliesTo ? { appliesTo } : {}) } : null;
}

const thresholdsText = (ts: (Threshold | null)[]) =>
  ts.map((t) => (t === null ? "—" : `${formatThreshold(t)}%`)).join(" | ");

/** `≥ 50% | ≥ 60%` → thresholds; null when one cannot be read. */
function thresholdsFrom(text: string): (Threshold | null)[] | null {
  const out: (Threshold | null)[] = [];
  for (const part of text.split("|").map((p) => p.trim())) {
    const parsed = parseThreshold({ value: part === "—" ? null : part });
    if (!parsed.ok) return null;
    out.push(parsed.threshold);
  }
  return out;
}

/** `what: thresholds`, split at the last `: ` (the words may hold a colon of their own). */
function split(text: string): [string, string] | null {
  const at = text.lastIndexOf(": ");
  return at > 0 ? [text.slice(0, at).trim(), text.slice(at + 2)] : null;
}

export function formatFigures(figures: Figure[]): string {
  return figures
    .map(
      (f) =>
        `${f.what}: ${thresholdsText(f.thresholds)}` +
        (f.when ?? [])
          .map((w) => ` [${w.condition}${w.what ? `, ${w.what}` : ""}: ${thresholdsText(w.thresholds)}]`)
          .join("")
    )
    .join("\n");
}

export function parseFigures(text: string): Figure[] | null {
  const figures: Figure[] = [];
  for (const line of text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)) {
    const whens: NonNullable<Figure["when"]> = [];
    let rest = line;
    for (let m = /\s*\[([^[\]]*)\]$/.exec(rest); m; m = /\s*\[([^[\]]*)\]$/.exec(rest)) {
      const [head, ts] = split(String(m[1])) ?? [];
      const thresholds = ts === undefined ? null : thresholdsFrom(ts);
      if (head === undefined || thresholds === null) return null;
      const comma = head.indexOf(", ");
      const condition = comma < 0 ? head : head.slice(0, comma);
      whens.unshift({ condition, ...(comma < 0 ? {} : { what: head.slice(comma + 2) }), thresholds });
      rest = rest.slice(0, m.index);
    }
    const [what, ts] = split(rest) ?? [];
    const thresholds = ts === undefined ? null : thresholdsFrom(ts);
    if (!what || thresholds === null) return null;
    figures.push({ what, unit: "%", thresholds, ...(whens.length ? { when: whens } : {}) });
  }
  return figures.length ? figures : null;
}

export function formatStandard(s: StandardReached): string {
  return `${s.what} (${s.of}): ${s.levels.map((l) => (l === null ? "đạt chuẩn" : `mức độ ${l}`)).join(" | ")}`;
}

export function parseStandard(text: string): StandardReached | null {
  const [head, ls] = split(text.trim()) ?? [];
  const named = head === undefined ? null : /^(.*) \(([^()]*)\)$/.exec(head);
  if (!named || ls === undefined) return null;
  const levels = ls.split("|").map((p) => {
    const m = /(\d+)\s*$/.exec(p.trim());
    return m ? Number(m[1]) : /đạt chuẩn/i.test(p) ? null : undefined;
  });
  if (levels.some((l) => l === undefined)) return null;
  return { what: String(named[1]), of: String(named[2]), levels: levels as (number | null)[] };
}
