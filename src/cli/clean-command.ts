// `hoctap clean`: removes every cell and name the product wrote, for the copy that is sent.
import { resolve } from "node:path";
import type { Lang } from "../core/model/lang";
import { planClean } from "../core/plans/write-plan";
import { applyPlan } from "../xlsx/apply";
import { openWorkbook, WorkbookFileError, workbookSnapshot } from "../xlsx/read";
import { productSheets, removeSheet, saveWorkbook } from "../xlsx/sheets";
import { fileError, warnLostParts } from "./batch";
import { UsageError, type Console } from "./io";

export async function runClean(
  file: string,
  opts: { out: string; lang: Lang },
  io: Console
): Promise<number> {
  const vi = opts.lang === "vi";
  if (resolve(opts.out) === resolve(file)) {
    throw new UsageError(vi ? "tệp kết quả phải khác tệp gốc" : "the output must differ from the input");
  }
  try {
    const { workbook: wb, bytes } = await openWorkbook(file);
    // The sheets the product made go first; then its cells and names in the officer's sheets.
    const sheets = productSheets(wb);
    for (const name of sheets) removeSheet(wb, name);
    const snapshot = workbookSnapshot(wb);
    let removed = 0;
    for (const sheet of snapshot.sheets) {
      const plan = planClean(snapshot, sheet.name);
      if (plan.clear.length === 0 && plan.removeNames.length === 0) continue;
      applyPlan(wb, plan);
      removed++;
    }
    if (removed === 0 && sheets.length === 0) {
      io.out(
        vi
          ? `${file} không có kết quả nào của add-in: không ghi tệp ${opts.out}\n`
          : `${file} holds no result of the add-in: ${opts.out} not written\n`
      );
      return 0;
    }
    warnLostParts(file, bytes, opts.lang, io);
    await saveWorkbook(wb, opts.out);
    io.out(
      vi
        ? `Đã xoá kết quả của add-in ở ${removed} sheet; bản sạch: ${opts.out}\n`
        : `Removed the add-in's results from ${removed} sheet(s); clean copy: ${opts.out}\n`
    );
    return 0;
  } catch (e) {
    const failure = e instanceof WorkbookFileError ? e : fileError(e, file);
    io.error(`${file}: ${failure.say(opts.lang)}`);
    return 2;
  }
}
