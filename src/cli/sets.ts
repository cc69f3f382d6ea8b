// Criteria sets named on the command line: a built-in set's id, a JSON file (checked against the
// full schema), or a workbook whose `Bộ tiêu chí` sheet describes a whole set.
import { readFileSync } from "node:fs";
import type { Lang } from "../core/model/lang";
import { fold } from "../core/model/text";
import { BUILTIN_FRAMEWORKS, builtinFramework } from "../core/sets/builtin";
import { isCriteriaSheetName, readDefinedSet } from "../core/sets/criteria-sheet";
import type { Framework } from "../core/sets/framework";
import { WorkbookFileError } from "../reader/file-error";
import { asFileError, readSnapshot } from "../reader/read";
import { UsageError } from "./io";

const say = (lang: Lang, vi: string, en: string) => new UsageError(lang === "vi" ? vi : en);
/** Problems listed at most, the rest counted. */
const SHOWN = 8;

function listed(problems: string[], lang: Lang): string {
  const rest = problems.length - SHOWN;
  const more = rest > 0 ? (lang === "vi" ? `; và ${rest} lỗi khác` : `; and ${rest} more`) : "";
  return problems.slice(0, SHOWN).join("; ") + more;
}

/** A set from a JSON file, validated by the schema: every problem names the path of its field. */
export async function setFromJson(path: string, lang: Lang): Promise<Framework> {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    const why = e instanceof SyntaxError ? e.message : ((e as NodeJS.ErrnoException).code ?? String(e));
    throw say(
      lang,
      `không đọc được bộ tiêu chí “${path}”: ${why}`,
      `cannot read the criteria set “${path}”: ${why}`
    );
  }
  // The schema library is loaded only when a set comes from outside.
  const { loadFramework } = await import("../core/sets/schema");
  const loaded = loadFramework(data);
  if (loaded.ok) return loaded.framework;
  throw say(
    lang,
    `bộ tiêu chí “${path}” không hợp lệ: ${listed(loaded.problems, lang)}`,
    `the criteria set “${path}” is not valid: ${listed(loaded.problems, lang)}`
  );
}

/** The set a workbook's criteria sheet describes (with its `Tên bộ tiêu chí` block). */
export async function setFromWorkbook(path: string, lang: Lang): Promise<Framework> {
  let sheet;
  try {
    const wb = await readSnapshot(path, { sheets: (name) => isCriteriaSheetName(name) });
    sheet = wb.sheets.find((s) => isCriteriaSheetName(s.name));
  } catch (e) {
    const failure = e instanceof WorkbookFileError ? e : asFileError(e);
    throw new UsageError(`${path}: ${failure.say(lang)}`);
  }
  if (!sheet)
    throw say(lang, `“${path}” không có trang tính “Bộ tiêu chí”`, `“${path}” has no “Bộ tiêu chí” sheet`);
  const defined = readDefinedSet(sheet, lang);
  if (!defined)
    throw say(
      lang,
      `trang tính “${sheet.name}” của “${path}” không mô tả một bộ tiêu chí (thiếu dòng “Tên bộ tiêu chí” phía trên bảng): nó chỉ ghi đè ngưỡng của bộ tiêu chí được chọn`,
      `sheet “${sheet.name}” of “${path}” describes no criteria set (no “Tên bộ tiêu chí” row above its table): it only overrides the thresholds of the set chosen`
    );
  if (defined.framework) return defined.framework;
  const problems = defined.issues.map((i) => (i.cell ? `${i.cell}: ${i.message}` : i.message));
  throw say(
    lang,
    `bộ tiêu chí trong “${path}” không hợp lệ: ${listed(problems, lang)}`,
    `the criteria set in “${path}” is not valid: ${listed(problems, lang)}`
  );
}

/** A built-in id, a `.json` set or a workbook (`.xlsx`, `.xlsm`) defining one; a usage error otherwise. */
export async function loadSet(value: string, lang: Lang, allowAuto = false): Promise<Framework | undefined> {
  if (allowAuto && value === "auto") return undefined;
  const builtin = builtinFramework(value);
  if (builtin) return builtin;
  if (/\.json$/i.test(value)) return setFromJson(value, lang);
  if (/\.xls[xm]$/i.test(value)) return setFromWorkbook(value, lang);
  const ids = [...(allowAuto ? ["auto"] : []), ...BUILTIN_FRAMEWORKS.map((f) => f.id)].join(", ");
  const close = closestSets(value)
    .map((id) => `“${id}”`)
    .join(lang === "vi" ? " hay " : " or ");
  if (close)
    throw say(
      lang,
      `không có bộ tiêu chí “${value}”; có phải ${close}? Các bộ tiêu chí: ${ids}, hoặc một tệp .json / .xlsx (xem thêm: hoctap frameworks)`,
      `no criteria set “${value}”; did you mean ${close}? Sets: ${ids}, or a .json / .xlsx file (see: hoctap frameworks)`
    );
  throw say(
    lang,
    `không có bộ tiêu chí “${value}”; chọn một trong: ${ids}, hoặc một tệp .json / .xlsx (xem thêm: hoctap frameworks)`,
    `no criteria set “${value}”; choose one of: ${ids}, or a .json / .xlsx file (see: hoctap frameworks)`
  );
}

/** Edits (insert, delete, replace, swap two neighbours) from `a` to `b`. */
function edits(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  return d[a.length]![b.length]!;
}

/**
 * The built-in ids an officer most likely meant: written with accents or capitals (`tt25-2023-xã`), a
 * few letters off, or the start of one (`tt25-2023-x`); none when nothing is close.
 */
export function closestSets(value: string): string[] {
  const typed = fold(value).replace(/\s+/g, "-");
  if (!typed) return [];
  const ids = BUILTIN_FRAMEWORKS.map((f) => f.id);
  const scored = ids.map((id) => ({ id, n: edits(typed, id) }));
  const best = Math.min(...scored.map((s) => s.n));
  if (best <= Math.max(1, Math.floor(typed.length / 5)))
    return scored.filter((s) => s.n === best).map((s) => s.id);
  const starting = ids.filter((id) => typed.length >= 4 && id.startsWith(typed));
  return starting.length > 0 && starting.length <= 3 ? starting : [];
}
