// `hoctap clean`: removes what the product wrote and still holds as it wrote it, and gives back what
// it changed of the officer's (widths, heights, the print area), for the copy that is sent.
import type { Lang } from "../core/model/lang";
import { WorkbookFileError, WRITE_ERRORS } from "../reader/file-error";
import { writePartsTo } from "../writer/files";
import { openWorkbook } from "../writer/open";
import { cleanParts } from "../writer/write";
import { fileError } from "./batch";
import type { Console } from "./io";
import { keptLine } from "./sheet-use-words";
import { refuseInputAsOutput, refuseUnrelated, requireWorkbookName, writeFailure } from "./output";

export async function runClean(
  file: string,
  opts: { out: string; lang: Lang; force?: boolean },
  io: Console
): Promise<number> {
  const vi = opts.lang === "vi";
  requireWorkbookName(opts.out, opts.lang);
  refuseInputAsOutput([file], opts.out, opts.lang);
  await refuseUnrelated([opts.out], opts.lang, { force: opts.force, what: "replace" });
  let opened: Awaited<ReturnType<typeof openWorkbook>> | undefined;
  try {
    opened = await openWorkbook(file);
    const cleaned = await cleanParts(opened.pkg, opened.snapshot);
    for (const { sheet, cells } of cleaned?.kept ?? []) {
      const shown = cells.slice(0, 8).join(", ") + (cells.length > 8 ? "…" : "");
      io.warn(
        cells.length > 0
          ? vi
            ? `${file}: trang tính “${sheet}”: giữ nguyên ${cells.length} ô cán bộ đã ghi vào chỗ kết quả (${shown})`
            : `${file}: sheet “${sheet}”: ${cells.length} cell(s) the officer wrote among the results kept (${shown})`
          : vi
            ? `${file}: trang tính “${sheet}”: cán bộ đã sửa hoặc sao chép kết quả ở đây; những ô đã sửa, trang tính đã sao chép được giữ nguyên`
            : `${file}: sheet “${sheet}”: the results here were changed or copied by the officer; cells changed and sheets copied are kept`
      );
    }
    for (const { sheet, by } of cleaned?.used ?? []) io.warn(keptLine(file, sheet, by, opts.lang));
    if (cleaned && !cleaned.parts) {
      io.out(vi ? `không ghi tệp ${opts.out}\n` : `${opts.out} not written\n`);
      return 0;
    }
    if (!cleaned?.parts) {
      io.out(
        vi
          ? `${file} không có kết quả nào của add-in: không ghi tệp ${opts.out}\n`
          : `${file} holds no result of the add-in: ${opts.out} not written\n`
      );
      return 0;
    }
    const o = opened;
    await writePartsTo(opts.out, cleaned.parts, () => o.close());
    const { sheets, removed } = cleaned;
    const made = removed
      ? vi
        ? ` và ${removed} trang tính do add-in tạo`
        : ` and ${removed} sheet(s) it made`
      : "";
    io.out(
      vi
        ? `Đã xoá kết quả của add-in ở ${sheets} trang tính${made}; bản sạch: ${opts.out}\n`
        : `Removed the add-in's results from ${sheets} sheet(s)${made}; clean copy: ${opts.out}\n`
    );
    return 0;
  } catch (e) {
    if (process.env.HOCTAP_DEBUG && !(e instanceof WorkbookFileError)) console.error(e);
    const failure =
      e instanceof WorkbookFileError && WRITE_ERRORS.has(e.code)
        ? writeFailure(e, opts.out)
        : fileError(e, file);
    io.error(WRITE_ERRORS.has(failure.code) ? failure.say(opts.lang) : `${file}: ${failure.say(opts.lang)}`);
    return 2;
  } finally {
    opened?.close();
  }
}
