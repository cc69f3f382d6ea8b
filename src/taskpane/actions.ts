// What each button does: read once through the connector, run the shared core, write once.
import { builtinForKind, builtinFramework } from "../core/sets/builtin";
import { isCriteriaSheetName } from "../core/sets/criteria-sheet";
import { criteriaSheetPlan } from "../core/plans/criteria-plan";
import type { Framework } from "../core/sets/framework";
import { assessmentSummary, SUMMARY_SHEET, summarySheet, type SummaryEntry } from "../core/plans/summary";
import { templateSheet } from "../core/plans/template";
import { sheetFingerprint } from "../core/plans/record";
import type { SheetPlan } from "../core/plans/sheet-plan";
import { checkSheet, tableOverride, type SheetCheck } from "../core/checks/check";
import { withCouncil } from "../core/checks/council";
import type { Lang } from "../core/model/lang";
import { conditionName, NAME_RESULT_BLOCK, ownedRanges } from "../core/model/owned";
import { HEADER_SEARCH_ROWS, type ColumnMap } from "../core/table/header";
import { readTable } from "../core/table/read";
import { formatDay, planClean, planResults, type WritePlan } from "../core/plans/write-plan";
import {
  addSheetFromPlan,
  applyPlan,
  OfficeActionError,
  readSheet,
  readSheets,
  readThenAddSheet,
  saveColumnMapping,
  saveConditionNames,
  type Enough,
  type ReadRequest,
  type ReadResult,
} from "../excel/connector";
import { removeSheets, resultSheets, usedBy, type UsedBy } from "../excel/product-sheets";

export interface CheckOptions {
  sheet?: string;
  /** `auto` or a built-in set's id. */
  frameworkId: string;
  /** Columns the officer picked in the pane (empty: detected, or stored in the workbook). */
  columns: ColumnMap;
  /** The header row the officer picked with the columns. */
  headerRow?: number;
  /** One column per level, first to last, as the officer picked them. */
  levelColumns?: { left: number; right: number };
  /** The table's last row, as the officer picked it. */
  lastRow?: number;
  lang: Lang;
  /** Write even where the officer's looks under the results cannot be recorded (the officer was told). */
  looksLost?: boolean;
}

export interface Checked {
  read: ReadResult;
  /** Null when the sheet holds no assessment table. */
  check: SheetCheck | null;
}

export function todayVi(d = new Date()): string {
  return formatDay(d);
}

/** The sheets an officer may check: not the criteria sheet, not the product's own summaries. */
export function assessableSheets(read: ReadResult | undefined): string[] {
  return (read?.sheetNames ?? []).filter((n) => !isCriteriaSheetName(n) && !read?.productSheets.includes(n));
}

/** The assessable sheets that hold a self-assessment table, each read only as far as its table goes. */
export async function sheetsWithTable(read: ReadResult, lang: Lang): Promise<string[]> {
  const opts: CheckOptions = { frameworkId: "auto", columns: {}, lang };
  const reads = await readSheets(assessableSheets(read), tableSeen(opts));
  return reads.filter((r) => checkRead(r, opts).check !== null).map((r) => r.sheet);
}

function coreOptions(opts: CheckOptions) {
  const { columns, headerRow, levelColumns, lastRow, lang } = opts;
  const framework = opts.frameworkId === "auto" ? undefined : builtinFramework(opts.frameworkId);
  return { framework, columns, headerRow, levelColumns, lastRow, lang };
}

/** The checked sheet as read (its figures and evidence go into `KQ`). */
function sheetOf(read: ReadResult) {
  return read.snapshot.sheets.find((s) => s.name === read.sheet);
}

function checkRead(read: ReadResult, opts: CheckOptions): Checked {
  const sheet = sheetOf(read);
  return { read, check: sheet ? checkSheet(read.snapshot, sheet, coreOptions(opts)) : null };
}

/**
 * Whether the rows read hold everything the check reads: the header's search, then the table down
 * to where it ends (what follows it begins, or the officer's last row). Rows below are never read.
 */
export function tableSeen(opts: CheckOptions): Enough {
  return (wb, sheet, readTo) => {
    const over = tableOverride(wb, sheet.name, coreOptions(opts));
    if (readTo <= Math.max(HEADER_SEARCH_ROWS, over.headerRow ?? 0)) return false;
    const table = readTable(sheet, ownedRanges(wb, sheet.name), over);
    return !table || table.endedAt !== null || readTo >= (over.lastRow ?? Infinity);
  };
}

/** Checks a sheet, reading it only down to its table's end; `whole` reads every used row (to write). */
export async function checkWorkbookSheet(opts: CheckOptions, whole = false): Promise<Checked> {
  return checkRead(await readSheet(opts.sheet, whole ? undefined : tableSeen(opts)), opts);
}

/** What a writing button did: the check after it, and whether the write was refused as the sheet changed. */
export interface Written {
  checked: Checked;
  /** The sheet changed between the read and the write: nothing was written, and it was checked again. */
  changed?: true;
  note?: SheetNote;
}

/**
 * What the pane says besides: the product's sheet of this sheet replaced or removed (`was`), or one
 * kept because the officer's formula or name uses it.
 */
export interface SheetNote {
  was?: string;
  kept?: { sheet: string; usedBy: UsedBy };
  /** The `KQ` sheet written with the results (replacing `was`). */
  summary?: string;
  /** No block under the table: the results are on `summary` only. */
  blockless?: true;
  /** Why, where it is not the officer's lines under the table. */
  blocklessWhy?: "apart" | "pages-unknown";
  /** `KQ` could not be added (the workbook's structure is protected). */
  summaryRefused?: true;
}

/** The product's sheets that may go (no formula or name of the officer's uses them), and the first kept. */
async function unused(read: ReadResult, sheets: string[]): Promise<{ go: string[]; note: SheetNote }> {
  const go: string[] = [];
  const note: SheetNote = {};
  for (const sheet of sheets) {
    // One sync each, and only for the product's sheets of this sheet: usually none or one.
    const used = await usedBy(read, sheet);
    if (!used) go.push(sheet);
    else note.kept ??= { sheet, usedBy: used };
  }
  if (go[0] !== undefined) note.was = go[0];
  return { go, note };
}

/** Applies a plan; when the officer changed the sheet meanwhile, writes nothing and checks again. */
export async function applyOrRecheck(
  plan: WritePlan,
  read: ReadResult,
  opts: CheckOptions
): Promise<Written | null> {
  try {
    await applyPlan(plan, read, { looksLost: opts.looksLost === true });
    return null;
  } catch (e) {
    if (!(e instanceof OfficeActionError) || e.kind !== "changed") throw e;
    return { checked: await checkWorkbookSheet({ ...opts, sheet: read.sheet }), changed: true };
  }
}

/**
 * Reads afresh (the officer may have typed since the check), then writes the results. Where no block
 * goes under the table (the officer's lines follow it, a signature most often), the results go to
 * `KQ <sheet>` too, as the CLI writes them, and a `KQ` made before is kept current; Xoá kết quả
 * removes both.
 */
export async function writeResults(opts: CheckOptions): Promise<Written> {
  const checked = await checkWorkbookSheet(opts, true);
  const sheet = checked.read.snapshot.sheets[0];
  if (!checked.check || !sheet) return { checked };
  const today = todayVi();
  const plan = planResults(checked.read.snapshot, sheet, checked.check, {
    lang: opts.lang,
    today,
    pagesUnknown: checked.read.pagesUnknown === true,
  });
  const refused = await applyOrRecheck(plan, checked.read, opts);
  if (refused) return refused;
  const written = withWrittenNames(checked, plan);
  const block = plan.names.some((n) => n.name === NAME_RESULT_BLOCK);
  const { current, former } = resultSheets(checked.read);
  if (block && current.length === 0) return { checked: written };
  const { go, note } = await unused(checked.read, former);
  try {
    const made = await addSheetFromPlan(assessmentSummary(checked.check, { lang: opts.lang, today, sheet }), {
      source: checked.read.sheetId,
      replacing: go,
    });
    return {
      checked: written,
      note: { ...note, summary: made, ...(block ? {} : blocklessNote(plan)) },
    };
  } catch (e) {
    // The results are in the sheet all the same: say that `KQ` could not be added, and why.
    if (!(e instanceof OfficeActionError) || e.kind !== "workbook-protected") throw e;
    return { checked: written, note: { summaryRefused: true } };
  }
}

/** The note's words for a write with no block under the table: why, where it is not the officer's lines. */
function blocklessNote(plan: WritePlan): Pick<SheetNote, "blockless" | "blocklessWhy"> {
  const why = plan.blockless;
  return why === "apart" || why === "pages-unknown"
    ? { blockless: true, blocklessWhy: why }
    : { blockless: true };
}

/**
 * The check as it stands after the write: its read now names the results written, so the pane offers
 * Xoá kết quả at once (the values were checked before the write and have not changed).
 */
function withWrittenNames(checked: Checked, plan: WritePlan): Checked {
  const { snapshot, sheet } = checked.read;
  const gone = new Set([...plan.removeNames, ...plan.names.map((n) => n.name)].map((n) => n.toLowerCase()));
  const definedNames = [
    ...snapshot.definedNames.filter((n) => n.refSheet !== sheet || !gone.has(n.name.toLowerCase())),
    ...plan.names.map((n) => ({ name: n.name, sheet, refSheet: sheet, range: n.range })),
  ];
  return { ...checked, read: { ...checked.read, snapshot: { ...snapshot, definedNames } } };
}

/**
 * Xoá kết quả: the results in the sheet, and the product's `KQ` sheet made for it (under its name
 * now or a former one), unless an officer's formula or name uses that sheet.
 */
export async function removeResults(opts: CheckOptions): Promise<Written> {
  const read = await readSheet(opts.sheet);
  const refused = await applyOrRecheck(planClean(read.snapshot, read.sheet), read, opts);
  if (refused) return refused;
  const { current, former } = resultSheets(read);
  const { go, note } = await unused(read, [...current, ...former]);
  await removeSheets(go);
  return { checked: await checkWorkbookSheet({ ...opts, sheet: read.sheet }), note };
}

/** Stores the officer's choice in the workbook (the header row: chosen, else `detectedHeaderRow`), then checks. */
export async function saveMapping(opts: CheckOptions, detectedHeaderRow: number): Promise<Checked> {
  const read = await readSheet(opts.sheet, tableSeen(opts));
  const { columns, levelColumns, lastRow } = opts;
  const headerRow = opts.headerRow ?? detectedHeaderRow;
  await saveColumnMapping(read, { columns, levelColumns, headerRow, lastRow });
  return checkWorkbookSheet({ ...opts, sheet: read.sheet });
}

/** Remembers the conditions of the unit that hold (`Xã thuộc vùng khó khăn`), then checks again. */
export async function saveConditions(opts: CheckOptions, ids: string[]): Promise<Checked> {
  const read = await readSheet(opts.sheet, tableSeen(opts));
  await saveConditionNames(read, ids.map(conditionName));
  return checkWorkbookSheet({ ...opts, sheet: read.sheet });
}

/**
 * The `KQ <sheet>` sheet for the checked sheet, replacing the product's own (also one made under a
 * name the sheet had before it was renamed, unless the officer's formulas use that one); returns the
 * new sheet's name.
 */
export async function makeAssessmentSheet(
  opts: CheckOptions
): Promise<{ checked: Checked; made: string; note?: SheetNote }> {
  const checked = await checkWorkbookSheet(opts);
  if (!checked.check) return { checked, made: "" };
  const { go, note } = await unused(checked.read, resultSheets(checked.read).former);
  const made = await addSheetFromPlan(
    assessmentSummary(checked.check, {
      lang: opts.lang,
      today: todayVi(),
      sheet: sheetOf(checked.read) as NonNullable<ReturnType<typeof sheetOf>>,
    }),
    { source: checked.read.sheetId, replacing: go }
  );
  return { checked, made, note };
}

/** Each sheet's entry, with the council's verdict beside the unit's own when the sheet has its columns. */
export function summaryEntries(reads: ReadResult[], each: CheckOptions, file: string): SummaryEntry[] {
  return reads.map((read) => {
    const { check } = checkRead(read, each);
    const sheet = sheetOf(read);
    return check && sheet
      ? { file, sheet: read.sheet, report: withCouncil(read.snapshot, { sheet, check }, each.lang) }
      : {
          file,
          sheet: read.sheet,
          error: each.lang === "vi" ? "không có bảng tự đánh giá" : "no self-assessment table",
        };
  });
}

/**
 * The `Tổng hợp` sheet over several sheets of this workbook (for example one per district), all
 * read at once and written in the same batch; with it, the check of the pane's sheet as the
 * workbook stands after (the new sheet among its sheets), read in that batch too. 3 syncs in all.
 */
export async function makeUnitsSummary(
  opts: CheckOptions,
  sheets: string[],
  file: string
): Promise<{ made: string; checked: Checked }> {
  // Each sheet as detected, or as its stored mapping says: the pane's choices are for one sheet.
  const each = { ...opts, columns: {}, headerRow: undefined, levelColumns: undefined, lastRow: undefined };
  const chosen =
    opts.headerRow !== undefined ||
    opts.lastRow !== undefined ||
    opts.levelColumns !== undefined ||
    Object.keys(opts.columns).length > 0;
  // The pane's sheet is read once with the others unless the officer's choices read it otherwise
  // (its own request then); when the pane has no sheet yet, the active one, found among them after.
  const apart = opts.sheet !== undefined && (chosen || !sheets.includes(opts.sheet));
  const requests: ReadRequest[] = sheets.map((sheet) => ({ sheet, enough: tableSeen(each) }));
  if (apart) requests.push({ sheet: opts.sheet, enough: tableSeen(opts) });
  let planned: SheetPlan | null = null;
  const { reads, made, owned } = await readThenAddSheet(
    requests,
    SUMMARY_SHEET,
    (all) =>
      (planned = summarySheet(summaryEntries(all.slice(0, sheets.length), each, file), opts.lang, todayVi()))
  );
  const mine = opts.sheet ?? reads[0]?.activeSheet;
  const own = apart ? reads[sheets.length] : chosen ? undefined : reads.find((r) => r.sheet === mine);
  // The pane's sheet was not read (or was the product's summary, replaced): check it afresh.
  if (!own || own.sheet === made)
    return { made, checked: await checkWorkbookSheet({ ...opts, sheet: mine }) };
  // The workbook now holds the sheet made, after the others: what a fresh read would say.
  const after: ReadResult = {
    ...own,
    sheetNames: [...own.sheetNames.filter((n) => n !== made), made],
    productSheets: owned ? [...own.productSheets.filter((n) => n !== made), made] : own.productSheets,
    productRecords:
      owned && planned
        ? [
            ...own.productRecords.filter((p) => p.name !== made),
            { name: made, record: sheetFingerprint(planned, made) },
          ]
        : own.productRecords,
    activeSheet: made,
  };
  return { made, checked: checkRead(after, opts) };
}

export function frameworkFor(frameworkId: string): Framework {
  return builtinFramework(frameworkId) ?? builtinForKind("district");
}

/** A blank template for the set in use (the workbook's own, the one chosen, or the one fitted). */
export function makeTemplate(checked: Checked | null, frameworkId: string, lang: Lang): Promise<string> {
  return addSheetFromPlan(templateSheet(checked?.check?.framework ?? frameworkFor(frameworkId), { lang }));
}

export class CriteriaSheetExists extends Error {
  constructor(readonly sheet: string) {
    super(sheet);
  }
}

/** Writes the active criteria set as a `Bộ tiêu chí` sheet the officer can edit; never over an existing one. */
export function makeCriteriaSheet(checked: Checked | null, frameworkId: string): Promise<string> {
  const existing = checked?.read.sheetNames.find((n) => isCriteriaSheetName(n));
  if (existing) return Promise.reject(new CriteriaSheetExists(existing));
  // The active set's rows without its description: an override the officer edits (thresholds).
  return addSheetFromPlan(criteriaSheetPlan(checked?.check?.framework ?? frameworkFor(frameworkId)));
}
