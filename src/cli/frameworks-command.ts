// `hoctap frameworks`: the built-in criteria sets with their layers and levels; `--export` writes
// any set (built-in, JSON or a workbook's own) as JSON or as a workbook holding its criteria sheet.
import { writeFile } from "node:fs/promises";
import { BUILTIN_FRAMEWORKS, splitOf } from "../core/sets/builtin";
import { counts, type Framework } from "../core/sets/framework";
import { KIND_WORDS } from "../core/sets/sheet-block";
import { countOf, levelLabels } from "../core/sets/words";
import type { Lang } from "../core/model/lang";
import { describedSheetPlan } from "../core/plans/criteria-plan";
import { WorkbookFileError } from "../reader/file-error";
import { writePartsTo } from "../writer/files";
import { blankBook, sheetParts } from "../writer/write";
import { UsageError, type Console } from "./io";
import { refuseExisting } from "./output";
import { loadSet } from "./sets";

export function frameworkList(lang: Lang = "vi") {
  return BUILTIN_FRAMEWORKS.map((fw) => ({
    id: fw.id,
    title: fw.title.vi,
    kind: fw.kind,
    ...counts(fw),
    split: splitOf(fw),
    levels: fw.levels.map((l) => l.level),
    labels: levelLabels(fw, lang),
    layers: [fw.layers.standard, fw.layers.criterion, fw.layers.indicator].flatMap((w) =>
      w ? [w[lang]] : []
    ),
    ...(fw.validityYears !== undefined ? { validityYears: fw.validityYears } : {}),
  }));
}

/** `3 tiêu chuẩn, 6 tiêu chí, 16 chỉ báo (3-3-3-3-2-2)` / `5 tiêu chí, 15 chỉ tiêu (3-3-3-4-2)`. */
function shape(fw: Framework, lang: Lang): string {
  const c = counts(fw);
  return (
    [
      ...(fw.layers.standard ? [countOf(fw, "standard", c.standards, lang)] : []),
      countOf(fw, "criterion", c.criteria, lang),
      countOf(fw, "indicator", c.indicators, lang),
    ].join(", ") + ` (${splitOf(fw)})`
  );
}

function list(opts: { json?: boolean; lang: Lang }, io: Console): number {
  if (opts.json) {
    io.out(JSON.stringify(frameworkList(opts.lang), null, 2) + "\n");
    return 0;
  }
  const vi = opts.lang === "vi";
  for (const fw of BUILTIN_FRAMEWORKS) {
    const years = fw.validityYears
      ? `; ${vi ? `công nhận có giá trị ${fw.validityYears} năm` : `recognition held ${fw.validityYears} years`}`
      : "";
    io.out(
      `${fw.id}\n  ${fw.title[opts.lang]}\n  ${vi ? "cấp" : "kind"}: ${vi ? KIND_WORDS[fw.kind] : fw.kind}; ${shape(fw, opts.lang)}\n` +
        `  ${vi ? "mức" : "levels"}: ${levelLabels(fw, opts.lang).join(", ")}${years}\n`
    );
  }
  return 0;
}

/** Writes a set as JSON, or as a workbook holding its criteria sheet with the description block. */
async function exportSet(fw: Framework, out: string, lang: Lang): Promise<void> {
  if (/\.json$/i.test(out)) {
    await writeFile(out, JSON.stringify(fw, null, 2) + "\n");
    return;
  }
  if (!/\.xls[xm]$/i.test(out))
    throw new UsageError(
      lang === "vi"
        ? `--out cần tệp .json hoặc .xlsx, không phải “${out}”`
        : `--out takes a .json or .xlsx file, not “${out}”`
    );
  const blank = await blankBook();
  const made = await sheetParts(blank.pkg, blank.snapshot, describedSheetPlan(fw));
  await writePartsTo(out, made.parts);
}

export async function runFrameworks(
  opts: { json?: boolean; lang: Lang; export?: string; out?: string },
  io: Console
): Promise<number> {
  const { lang } = opts;
  if (opts.export === undefined) return list(opts, io);
  const fw = (await loadSet(opts.export, lang)) as Framework;
  if (opts.out === undefined) {
    io.out(JSON.stringify(fw, null, 2) + "\n");
    return 0;
  }
  refuseExisting(opts.out, lang);
  try {
    await exportSet(fw, opts.out, lang);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const failure = e instanceof WorkbookFileError ? e : new WorkbookFileError("cannot-write", opts.out);
    io.error(failure.say(lang));
    return 2;
  }
  io.out(
    lang === "vi"
      ? `Đã ghi bộ tiêu chí vào ${opts.out}: ${fw.title.vi}\n`
      : `Criteria set written to ${opts.out}: ${fw.title.en}\n`
  );
  return 0;
}
