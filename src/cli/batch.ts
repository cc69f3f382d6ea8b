// A department's batch: the inputs expanded and what was skipped said once, and the closing tally.
import { basename } from "node:path";
import type { Lang } from "../core/model/lang";
import { WorkbookFileError } from "../reader/file-error";
import { namedFileError, type HiddenSheets } from "./check-task";
import { count } from "./format";
import { expandInputs } from "./inputs";
import { UsageError, type Console } from "./io";

/** The files to read: folders and wildcards expanded; skipped files and empty wildcards said on stderr. */
export function batchInputs(args: string[], lang: Lang, io: Console): string[] {
  const vi = lang === "vi";
  const inputs = expandInputs(args);
  const matching = (patterns: string[]) => {
    const list = patterns.map((p) => `“${p}”`).join(", ");
    return vi ? `không có tệp nào khớp với ${list}` : `no file matches ${list}`;
  };
  // With nothing to read, one line says why (below), not a line per pattern and then that.
  if (inputs.files.length > 0) for (const pattern of inputs.unmatched) io.warn(matching([pattern]));
  const { lock, other } = inputs.skipped;
  if (lock + other.length > 0) {
    const why = [
      lock
        ? vi
          ? `${count(lock, lang)} tệp khoá ~$ của Excel`
          : `${count(lock, lang)} Excel lock file(s) ~$`
        : "",
      other.length
        ? vi
          ? `${count(other.length, lang)} tệp không phải bảng tính (${shortList(other, lang)})`
          : `${count(other.length, lang)} file(s) not a spreadsheet (${shortList(other, lang)})`
        : "",
    ].filter(Boolean);
    io.note(vi ? `bỏ qua ${why.join(" và ")}` : `skipped ${why.join(" and ")}`);
  }
  if (inputs.files.length === 0 && inputs.unmatched.length === args.length)
    throw new UsageError(matching(inputs.unmatched));
  if (inputs.files.length === 0)
    throw new UsageError(
      vi
        ? `không có tệp .xlsx nào để đọc trong ${args.map((a) => `“${a}”`).join(", ")}`
        : `no .xlsx file to read in ${args.map((a) => `“${a}”`).join(", ")}`
    );
  return inputs.files;
}

/**
 * The first few skipped files by name, so that a department sees a unit that sent only a PDF or a
 * scan and can ask for the Excel file; a folder of evidence is not listed whole.
 */
function shortList(paths: string[], lang: Lang): string {
  const SHOWN = 5;
  const names = paths.slice(0, SHOWN).map((p) => `“${basename(p)}”`);
  const more = paths.length - SHOWN;
  if (more > 0) names.push(lang === "vi" ? `và ${count(more, lang)} tệp khác` : `and ${more} more`);
  return names.join(", ");
}

/** Why a file could not be read; a `.xls` named so is an old Excel file even when it is not OLE inside. */
export function fileError(e: unknown, file: string): WorkbookFileError {
  return namedFileError(e instanceof WorkbookFileError ? e : new WorkbookFileError("corrupt"), file);
}

/** Hidden sheets left out, or checked because every table is hidden: one line each. */
export function sayHidden(file: string, c: HiddenSheets, lang: Lang, io: Console): void {
  const names = (list: string[]) => list.map((n) => `“${n}”`).join(", ");
  if (c.skipped.length > 0)
    io.warn(
      lang === "vi"
        ? `${file}: bỏ qua trang tính ẩn ${names(c.skipped)} (thêm --include-hidden để kiểm tra cả trang tính ẩn)`
        : `${file}: hidden sheet(s) ${names(c.skipped)} left out (add --include-hidden to check them)`
    );
  if (c.onlyHidden)
    io.warn(
      lang === "vi"
        ? `${file}: mọi trang tính có bảng tự đánh giá đều đang ẩn; đã kiểm tra ${names(c.checked)}`
        : `${file}: every sheet holding a table is hidden; checked ${names(c.checked)}`
    );
}

/** Files without errors, with errors, and not readable: `300 tệp: 250 không lỗi, 40 có lỗi, 10 không đọc được`. */
export type Outcome = "clean" | "errors" | "unreadable";

export class Tally {
  private readonly n: Record<Outcome, number> = { clean: 0, errors: 0, unreadable: 0 };

  add(outcome: Outcome): void {
    this.n[outcome]++;
  }

  line(lang: Lang): string {
    const { clean, errors, unreadable } = this.n;
    const total = count(clean + errors + unreadable, lang);
    return lang === "vi"
      ? `${total} tệp: ${count(clean, lang)} không lỗi, ${count(errors, lang)} có lỗi, ${count(unreadable, lang)} không đọc được`
      : `${total} files: ${count(clean, lang)} without errors, ${count(errors, lang)} with errors, ${count(unreadable, lang)} could not be read`;
  }
}
