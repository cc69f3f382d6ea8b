// What each button does: read once through the connector, run the shared core, write once.
import { builtinFramework } from "../core/builtin";
import { checkSheet, type SheetCheck } from "../core/check";
import type { Lang } from "../core/messages";
import type { ColumnMap } from "../core/table";
import { planClean, planResults } from "../core/write-plan";
import { applyPlan, readSheet, saveColumnMapping, type ReadResult } from "../excel/connector";

export interface CheckOptions {
  sheet?: string;
  /** `auto` or a built-in set's id. */
  frameworkId: string;
  /** Columns the officer picked in the pane (empty: detected, or stored in the workbook). */
  columns: ColumnMap;
  /** The header row the officer picked with the columns. */
  headerRow?: number;
  lang: Lang;
}

export interface Checked {
  read: ReadResult;
  /** Null when the sheet holds no assessment table. */
  check: SheetCheck | null;
}

export function todayVi(d = new Date()): string {
  return `${String(d.getDate()).padStart(2, "0")}/${String(d.getMonth() + 1).padStart(2, "0")}/${d.getFullYear()}`;
}

function checkRead(read: ReadResult, opts: CheckOptions): Checked {
  const sheet = read.snapshot.sheets.find((s) => s.name === read.sheet);
  const framework = opts.frameworkId === "auto" ? undefined : builtinFramework(opts.frameworkId);
  const check = sheet
    ? checkSheet(read.snapshot, sheet, {
        framework,
        columns: opts.columns,
        headerRow: opts.headerRow,
        lang: opts.lang,
      })
    : null;
  return { read, check };
}

export async function checkWorkbookSheet(opts: CheckOptions): Promise<Checked> {
  return checkRead(await readSheet(opts.sheet), opts);
}

/** Reads afresh (the officer may have typed since the check), then writes the results. */
export async function writeResults(opts: CheckOptions): Promise<Checked> {
  const checked = await checkWorkbookSheet(opts);
  const sheet = checked.read.snapshot.sheets[0];
  if (!checked.check || !sheet) return checked;
  await applyPlan(
    planResults(checked.read.snapshot, sheet, checked.check, { lang: opts.lang, today: todayVi() }),
    checked.read
  );
  return checked;
}

export async function removeResults(opts: CheckOptions): Promise<Checked> {
  const read = await readSheet(opts.sheet);
  await applyPlan(planClean(read.snapshot, read.sheet), read);
  return checkWorkbookSheet({ ...opts, sheet: read.sheet });
}

export async function saveMapping(opts: CheckOptions, headerRow: number): Promise<Checked> {
  const read = await readSheet(opts.sheet);
  await saveColumnMapping(read, opts.headerRow ?? headerRow, opts.columns);
  return checkWorkbookSheet({ ...opts, sheet: read.sheet });
}
