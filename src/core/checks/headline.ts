// The result in one line, the same wherever it is shown (the CLI, the written block, `KQ`, `Tổng
// hợp`, the pane): the proposal waits for the errors — with errors left it is only the level to
// expect. One level wording throughout: the set's own label (`Mức độ 2 (Tốt)`).
import type { Lang } from "../model/lang";
import type { Framework, Kind } from "../sets/framework";

/** What the wording needs of a report (a `SheetReport` has it all). */
export interface HeadlineSource {
  unitName: string | null;
  framework: PhraseSource;
  recognition: { level: number | null; label: string; validity?: Validity };
  counts: { errors: number };
  /** The council's verdict, when the sheet has its columns: its own errors are the council's to fix. */
  council?: { issues: { severity: string }[] };
}

/** How long a recognition would hold: the set's years, and the years when the title says which is assessed. */
export interface Validity {
  years: number;
  /** The year assessed (from the title), the year a recognition would come, the last year it holds. */
  assessedYear?: number;
  recognisedIn?: number;
  validThrough?: number;
}

/** A recognition at `level` holds the set's years after the year granted: the year after the one assessed. */
export function validity(fw: Framework, level: number | null, year: number | null): Validity | undefined {
  if (fw.validityYears === undefined || level === null || level < 1) return undefined;
  if (year === null) return { years: fw.validityYears };
  return {
    years: fw.validityYears,
    assessedYear: year,
    recognisedIn: year + 1,
    validThrough: year + 1 + fw.validityYears,
  };
}

const PHRASES: Record<Kind, [string, string]> = {
  commune: ["Cộng đồng học tập cấp xã", "Commune learning community"],
  province: ["Cộng đồng học tập cấp tỉnh", "Province learning community"],
  unit: ["Đơn vị học tập", "Learning unit"],
  district: ["Quận/huyện học tập", "Learning district"],
  city: ["Thành phố học tập", "Learning city"],
  other: ["", ""],
};

/** A set (or a report's set, worded in its language): its kind and what the text recognises. */
export interface PhraseSource {
  kind: string;
  recognisedAs?: string | { vi: string; en: string };
}

/**
 * What the unit would be recognised as: the set's own words (`Cộng đồng học tập cấp huyện`,
 * circular 25/2023), else from the set's kind: `Huyện học tập` (the type word of a district's or
 * city's name), `Cộng đồng học tập cấp xã`, `Đơn vị học tập`….
 */
export function unitPhrase(unitName: string | null, fw: PhraseSource, lang: Lang): string {
  const own = typeof fw.recognisedAs === "string" ? fw.recognisedAs : fw.recognisedAs?.[lang];
  if (own) return own;
  const kind = fw.kind;
  // A set of another kind names no unit type: the headline then gives the unit and the level.
  const [vi, en] = PHRASES[kind as Kind] ?? PHRASES.other;
  if (lang === "en") return en;
  const type = /^(Thành phố|Thị xã|Huyện|Quận|Tỉnh)(?=\s|$)/.exec(unitName ?? "")?.[1];
  return type && (kind === "district" || kind === "city") ? `${type} học tập` : vi;
}

const thousands = (n: number, lang: Lang) => n.toLocaleString(lang === "vi" ? "vi-VN" : "en-US");

/** `còn 3 lỗi phải sửa trước khi gửi` / `3 errors to fix before sending`. */
export function errorsLeft(errors: number, lang: Lang): string {
  return lang === "vi"
    ? `còn ${thousands(errors, lang)} lỗi phải sửa trước khi gửi`
    : `${thousands(errors, lang)} error${errors === 1 ? "" : "s"} to fix before sending`;
}

/**
 * The errors left, each side's for its own to fix: the unit's before sending, the council's in its
 * columns (`Hội đồng thẩm định còn 1 lỗi phải sửa ở cột của Hội đồng`).
 */
function errorsLeftOf(r: HeadlineSource, lang: Lang): string {
  const council = r.council?.issues.filter((i) => i.severity === "error").length ?? 0;
  const own = r.counts.errors - council;
  const theirs =
    lang === "vi"
      ? `Hội đồng thẩm định còn ${thousands(council, lang)} lỗi phải sửa ở cột của Hội đồng`
      : `the council has ${thousands(council, lang)} error${council === 1 ? "" : "s"} to fix in its columns`;
  if (council <= 0) return errorsLeft(r.counts.errors, lang);
  return own > 0 ? `${errorsLeft(own, lang)}; ${theirs}` : theirs;
}

/**
 * The result's headline, with the set's level label: `Đề nghị công nhận: Xã An Hòa — Cộng đồng học
 * tập cấp xã — Mức độ 2 (Tốt)` when there is a level and no error left; `Mức dự kiến: Mức độ 2 (Tốt)
 * — còn 3 lỗi phải sửa trước khi gửi` while errors are left; `Chưa đủ điều kiện công nhận` when
 * there is no level (or level 0 without errors).
 */
export function resultHeadline(r: HeadlineSource, lang: Lang): string {
  const vi = lang === "vi";
  const { level, label } = r.recognition;
  if (level !== null && r.counts.errors > 0)
    return `${vi ? "Mức dự kiến" : "Expected level"}: ${label} — ${errorsLeftOf(r, lang)}`;
  if (level !== null && level > 0) {
    const unit = [r.unitName, unitPhrase(r.unitName, r.framework, lang), label].filter(Boolean).join(" — ");
    return `${vi ? "Đề nghị công nhận" : "Proposed recognition"}: ${unit}`;
  }
  return vi ? "Chưa đủ điều kiện công nhận" : "Not yet eligible for recognition";
}

/** The result in a cell of `KQ` or `Tổng hợp`: the level's label, or the expected level while errors are left. */
export function resultLabel(r: HeadlineSource, lang: Lang): string {
  const { level, label } = r.recognition;
  if (level === null || r.counts.errors === 0) return label;
  return `${lang === "vi" ? "Mức dự kiến" : "Expected level"}: ${label} — ${errorsLeftOf(r, lang)}`;
}

/** Until when, and why it is only an estimate: the two halves both wordings below are made of. */
function validityParts(r: HeadlineSource, lang: Lang): { until: string; why: string } | null {
  const v = r.recognition.validity;
  if (v?.validThrough === undefined) return null;
  return lang === "vi"
    ? {
        until: `đến hết năm ${v.validThrough} nếu được công nhận năm ${v.recognisedIn}`,
        why: `ước tính từ năm đánh giá ${v.assessedYear} ở tiêu đề; bảng tính không có ngày quyết định`,
      }
    : {
        until: `through ${v.validThrough} if recognised in ${v.recognisedIn}`,
        why: `estimated from the year assessed, ${v.assessedYear}, in the title; the decision's date is not in the workbook`,
      };
}

/**
 * How long the recognition would hold, said as the estimate it is: the decision's date is not in the
 * workbook, only the year assessed in its title (`NĂM 2026` → recognised in 2027 → through 2030).
 * Without that year, nothing is said here (the report still gives the set's years).
 */
export function validityLine(r: HeadlineSource, lang: Lang): string | null {
  const p = validityParts(r, lang);
  return p && `${lang === "vi" ? "Thời hạn" : "Validity"} (${p.why}): ${p.until}.`;
}

/** The same without its label, for a row already headed `Thời hạn` (`KQ`): the date first, then why it is an estimate. */
export function validityText(r: HeadlineSource, lang: Lang): string | null {
  const p = validityParts(r, lang);
  return p && `${p.until.charAt(0).toUpperCase()}${p.until.slice(1)} (${p.why}).`;
}
