// `hoctap template`: a blank self-assessment sheet for a criteria set, in a workbook of its own.
import type { Lang } from "../core/model/lang";
import type { Framework } from "../core/sets/framework";
import { templateSheet } from "../core/plans/template";
import { WorkbookFileError } from "../reader/file-error";
import { writePartsTo } from "../writer/files";
import { blankBook, sheetParts } from "../writer/write";
import { UsageError, type Console } from "./io";
import { refuseExisting, requireWorkbookName } from "./output";
import { loadSet } from "./sets";

/** A blank template for a set: a built-in id, a JSON set or a workbook defining one (`--set` is kept as an alias). */
export async function runTemplate(
  opts: { framework?: string; out: string; lang: Lang; sets: string },
  io: Console
): Promise<number> {
  if (opts.framework === undefined)
    throw new UsageError(
      opts.lang === "vi"
        ? `lệnh template cần tuỳ chọn --framework <mã|tệp> (các bộ tiêu chí: ${opts.sets}), ví dụ: hoctap template --framework tt25-2023-xa --out "Mau.xlsx"`
        : `the template command needs the option --framework <id|file> (criteria sets: ${opts.sets}), for example: hoctap template --framework tt25-2023-xa --out "Template.xlsx"`
    );
  requireWorkbookName(opts.out, opts.lang);
  refuseExisting(opts.out, opts.lang);
  const fw = (await loadSet(opts.framework, opts.lang)) as Framework;
  let name: string;
  try {
    const blank = await blankBook();
    const made = await sheetParts(blank.pkg, blank.snapshot, templateSheet(fw, { lang: opts.lang }));
    name = made.name;
    await writePartsTo(opts.out, made.parts);
  } catch (e) {
    io.error(
      (e instanceof WorkbookFileError ? e : new WorkbookFileError("cannot-write", opts.out)).say(opts.lang)
    );
    return 2;
  }
  io.out(
    opts.lang === "vi"
      ? `Đã tạo mẫu “${name}” ở ${opts.out} — bộ tiêu chí: ${fw.title.vi}\n`
      : `Template “${name}” written to ${opts.out} — criteria set: ${fw.title.en}\n`
  );
  return 0;
}
