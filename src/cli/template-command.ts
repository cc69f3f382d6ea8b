// `hoctap template`: a blank self-assessment sheet for a criteria set, in a workbook of its own.
import { BUILTIN_FRAMEWORKS, builtinFramework } from "../core/sets/builtin";
import type { Lang } from "../core/model/lang";
import { templateSheet } from "../core/plans/template";
import { WorkbookFileError } from "../reader/file-error";
import { writePartsTo } from "../writer/files";
import { blankBook, sheetParts } from "../writer/write";
import { UsageError, type Console } from "./io";

export async function runTemplate(
  opts: { set: string; out: string; lang: Lang },
  io: Console
): Promise<number> {
  const fw = builtinFramework(opts.set);
  if (!fw) {
    throw new UsageError(
      opts.lang === "vi"
        ? `không có bộ tiêu chí “${opts.set}”; chọn một trong: ${BUILTIN_FRAMEWORKS.map((f) => f.id).join(", ")}`
        : `no criteria set “${opts.set}”; choose one of: ${BUILTIN_FRAMEWORKS.map((f) => f.id).join(", ")}`
    );
  }
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
      ? `Đã tạo mẫu “${name}” (${fw.id}) ở ${opts.out}\n`
      : `Template “${name}” (${fw.id}) written to ${opts.out}\n`
  );
  return 0;
}
