// The result in one line, the same wherever it is shown (the CLI, the written block, `KQ`, `Tổng
// hợp`): the proposal waits for the errors — with errors left it is only the level to expect.
import type { Lang } from "../model/lang";

/** What the wording needs of a report (a `SheetReport` has it all). */
export interface HeadlineSource {
  unitName: string | null;
  framework: { kind: string };
  recognition: { level: number | null; label: string };
  counts: { errors: number };
}

/** `Huyện học tập`, `Thành phố học tập`…: the unit's type word from its name, else from the set's kind. */
export function unitPhrase(unitName: string | null, kind: string, lang: Lang): string {
  if (lang === "en") return kind === "city" ? "Learning city" : "Learning district";
  const type = /^(Thành phố|Thị xã|Huyện|Quận|Tỉnh)(?=\s|$)/.exec(unitName ?? "")?.[1];
  if (type) return `${type} học tập`;
  return kind === "city" ? "Thành phố học tập" : "Quận/huyện học tập";
}

const thousands = (n: number, lang: Lang) => n.toLocaleString(lang === "vi" ? "vi-VN" : "en-US");

/** `còn 3 lỗi phải sửa trước khi gửi` / `3 errors to fix before sending`. */
export function errorsLeft(errors: number, lang: Lang): string {
  return lang === "vi"
    ? `còn ${thousands(errors, lang)} lỗi phải sửa trước khi gửi`
    : `${thousands(errors, lang)} error${errors === 1 ? "" : "s"} to fix before sending`;
}

/**
 * The result's headline: `Đề nghị công nhận: Huyện học tập — Mức độ 2` when there is a level and no
 * error left; `Mức dự kiến: Mức 2 — còn 3 lỗi phải sửa trước khi gửi` while errors are left;
 * `Chưa đủ điều kiện công nhận` when there is no level (or level 0 without errors).
 */
export function resultHeadline(r: HeadlineSource, lang: Lang): string {
  const vi = lang === "vi";
  const { level, label } = r.recognition;
  if (level !== null && r.counts.errors > 0)
    return `${vi ? "Mức dự kiến" : "Expected level"}: ${label} — ${errorsLeft(r.counts.errors, lang)}`;
  if (level !== null && level > 0) {
    const unit = unitPhrase(r.unitName, r.framework.kind, lang);
    return vi
      ? `Đề nghị công nhận: ${unit} — Mức độ ${level}`
      : `Proposed recognition: ${unit} — level ${level}`;
  }
  return vi ? "Chưa đủ điều kiện công nhận" : "Not yet eligible for recognition";
}

/** The result in a cell of `KQ` or `Tổng hợp`: the level's label, or the expected level while errors are left. */
export function resultLabel(r: HeadlineSource, lang: Lang): string {
  const { level, label } = r.recognition;
  if (level === null || r.counts.errors === 0) return label;
  return `${lang === "vi" ? "Mức dự kiến" : "Expected level"}: ${label} — ${errorsLeft(r.counts.errors, lang)}`;
}
