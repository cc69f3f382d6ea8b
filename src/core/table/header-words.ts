// The words officers put in a table's header, scored: a longer, more specific phrase beats a shorter
// one (`Số liệu minh chứng` is the data, `Mã minh chứng` the evidence, `Kết quả tự đánh giá` the level).
import { cachedByText, fold, romanToNumber } from "../model/text";

export type Role = "code" | "content" | "data" | "evidence" | "level" | "note" | "requirement";
export type ColumnMap = Partial<Record<Role, number>>;

type Word = { re: RegExp; role: Role; score: number };

// Folded (no diacritics, lower case); the score is how sure the phrase is of its role.
const WORDS: Word[] = [
  { re: /^(s?tt|so tt|so thu tu|thu tu|ma|ma so|ma chi bao|ma tieu chi)$/, role: "code", score: 6 },
  { re: /noi dung|tieu chuan|tieu chi|chi bao|chi tieu/, role: "content", score: 3 },
  { re: /^noi dung/, role: "content", score: 5 },
  { re: /so lieu|ket qua thuc hien|^ket qua$|ket qua dat duoc|thuc trang|gia tri/, role: "data", score: 4 },
  { re: /so lieu minh chung|so lieu (nam|\d)/, role: "data", score: 7 },
  { re: /thuc hien/, role: "data", score: 2 },
  { re: /minh chung|kiem chung|tai lieu|^mc$/, role: "evidence", score: 3 },
  { re: /^(ma|ten|van ban|tai lieu|so hieu) (minh chung|mc|kiem chung)|^ma mc$/, role: "evidence", score: 6 },
  { re: /tu danh gia|muc dat|dat muc|muc do dat|xep muc|danh gia muc|^muc( do)?$/, role: "level", score: 5 },
  { re: /ket qua tu danh gia|muc tu danh gia|tu xep muc|muc do dat duoc/, role: "level", score: 8 },
  // A learning unit's form: `Kết quả đánh giá` (Đạt / Chưa đạt) is the level, not a figure.
  { re: /^ket qua danh gia$/, role: "level", score: 6 },
  { re: /^ghi chu/, role: "note", score: 5 },
  { re: /yeu cau/, role: "requirement", score: 4 },
];

/** The words looked for, per required role, as an officer would write them (for messages). */
export const HEADER_WORDS: Record<"level" | "data" | "evidence", string[]> = {
  level: ["Tự đánh giá", "Mức đạt", "Đạt mức", "Mức độ đạt được", "Tự xếp mức", "Kết quả tự đánh giá"],
  data: ["Số liệu", "Kết quả thực hiện", "Kết quả đạt được", "Thực trạng"],
  evidence: ["Minh chứng", "Mã minh chứng", "Mã MC", "Tài liệu kiểm chứng", "Văn bản minh chứng"],
};

/** The role a header cell names and how sure that is; null when it names none. */
export const headerScore = cachedByText(headerScoreOf);

/** Any of the words: one search rejects the many texts that name no role (figures, codes, sentences). */
const ANY_WORD = new RegExp(WORDS.map((w) => `(?:${w.re.source})`).join("|"));

function headerScoreOf(text: string): { role: Role; score: number } | null {
  const f = fold(text);
  if (!f || f.length > 80 || !ANY_WORD.test(f)) return null;
  let best: { role: Role; score: number } | null = null;
  for (const w of WORDS)
    if (w.re.test(f) && (!best || w.score > best.score)) best = { role: w.role, score: w.score };
  return best;
}

export function headerRole(text: string): Role | null {
  return headerScore(text)?.role ?? null;
}

/**
 * The level a per-level column's header names: `Không đạt`, `KĐ` → 0, `Mức 1`, `Mức độ 2 (Tốt)`, `Mức II`,
 * `Đạt mức 3`, `M1`, `MĐ 2` → its number; `Khá`, `Tốt` (circular 25's names) → 1, 2; null otherwise.
 */
export const levelOfHeader = cachedByText(levelOfHeaderText);

/**
 * How every level name below begins (`khong dat`, `chua dat`, `kd`, `dat …`, `muc …`, `md 2`, `m1`,
 * `kha`, `tot`), or a `(`, `:` or `.` the clean-up may remove first: a text that begins otherwise is
 * no level, without the clean-up and the patterns (most texts of a sheet).
 */
const LEVEL_START = /^(?:[.:]|ch|kh|kd|da|mu|md|m[\s.:]*\d|to)|\(/;

function levelOfHeaderText(text: string): number | null {
  const folded = fold(text);
  if (!LEVEL_START.test(folded)) return null;
  const f = folded
    .replace(/\(.*\)/g, " ")
    .replace(/[:.]/g, " ")
    .trim()
    .replace(/\s+/g, " ");
  if (/^(khong dat|chua dat|kd)$/.test(f)) return 0;
  // Circular 25/2023 names its two levels: `Khá`, `Tốt` (`Mức độ Khá`, `Đạt mức Tốt`).
  const named = /^(?:dat )?(?:muc(?: do)? )?(kha|tot)$/.exec(f)?.[1];
  if (named) return named === "kha" ? 1 : 2;
  // Short headers of narrow columns: `M1`, `MĐ 2`.
  const m = /^(?:dat )?muc(?: do)? (\d{1,2}|[ivx]{1,4})$/.exec(f) ?? /^md? ?(\d)$/.exec(f);
  if (!m?.[1]) return null;
  return /^\d+$/.test(m[1]) ? Number(m[1]) : romanToNumber(m[1]);
}
