// The Office connector: every Office.js call of the add-in lives in this module, so the rest of the
// task pane (and every test) can run without Office.

import { rangeA1 } from "../core/model/a1";
import type { RangeRef } from "../core/model/snapshot";
import { COLUMN_NAMES, NAME_PRODUCT_SHEET, ROW_NAMES, type StoredMapping } from "../core/model/owned";
import { cleanSheetName, productSheetName, type SheetPlan } from "../core/plans/sheet-plan";
import type { WritePlan } from "../core/plans/write-plan";
import { maxOf } from "../core/model/max";
import {
  fingerprintFormula,
  NAME_FINGERPRINT,
  parseFingerprint,
  writtenOn,
  type Fingerprint,
} from "../core/model/fingerprint";
import { planFingerprint, sheetFingerprint } from "../core/plans/record";
import { formatSheet, formatWritten, queueFormatReads, seenWidths, type FormatReads } from "./sheet-format";
import { queueReadBack, queueRows, restoreAsRead, verifyUnchanged } from "./write";
import { blockRanges, unsafeWrite } from "./guard";
import {
  lookedRanges,
  lookRecord,
  lookText,
  looksNotGivenBack,
  queueLookReads,
  queueUnread,
  type LookReads,
  type LookRecord,
} from "./looks";
import { cellsText } from "./looks-format";
import { ownership } from "../core/model/owned";
import { failure, OfficeActionError, run, supported } from "./office-run";
import { readInBatch, type ReadRequest, type ReadResult } from "./read";

export type Lang = "vi" | "en";
export type ThemeKind = "light" | "dark";

export type HostStatus =
  | { kind: "excel"; lang: Lang; theme: ThemeKind; file: string }
  | { kind: "not-excel"; reason: "no-office-js" | "other-host" | "timeout" };

/** Office's display language decides: Vietnamese for `vi-*`, English for anything else. */
export function languageFrom(displayLanguage: string | undefined | null): Lang {
  return displayLanguage && /^vi\b/i.test(displayLanguage) ? "vi" : "en";
}

/** Dark when Office's body background is dark (its theme has no explicit flag). */
export function themeFrom(bodyBackgroundColor: string | undefined | null): ThemeKind {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(bodyBackgroundColor ?? "");
  if (!m) return "light";
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h ?? "ff", 16) / 255) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5 ? "dark" : "light";
}

/** The ribbon's function file: Office.js must be initialised there too. */
export function initialiseFunctionFile(): void {
  if (typeof Office !== "undefined") void Office.onReady();
}

/** The workbook's file name from its URL or path (`…/An Lao.xlsx` → `An Lao.xlsx`); empty when unsaved. */
export function fileName(url: string | undefined | null): string {
  const last = (url ?? "").split(/[\\/]/).pop() ?? "";
  try {
    return decodeURIComponent(last.split("?")[0] ?? "");
  } catch {
    return last;
  }
}

/**
 * Waits for Office.js to report its host. Resolves (never rejects) within `timeoutMs`, so the pane
 * always shows something: office.js blocked, opened in a plain browser, or another Office host.
 */
export function waitForExcel(timeoutMs: number): Promise<HostStatus> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") {
    return Promise.resolve({ kind: "not-excel", reason: "no-office-js" });
  }
  const timeout = new Promise<HostStatus>((resolve) =>
    setTimeout(() => resolve({ kind: "not-excel", reason: "timeout" }), timeoutMs)
  );
  const ready = Office.onReady().then((info): HostStatus => {
    if (info.host !== Office.HostType.Excel) return { kind: "not-excel", reason: "other-host" };
    const context = Office.context;
    return {
      kind: "excel",
      lang: languageFrom(context?.displayLanguage),
      theme: themeFrom(context?.officeTheme?.bodyBackgroundColor),
      file: fileName(context?.document?.url),
    };
  });
  return Promise.race([ready, timeout]);
}

// ---------------------------------------------------------------------------------------------
// Workbook I/O: reading is in read.ts, the checks and payload-sized pieces of writing in write.ts.

export { OfficeActionError, type FailurePlace, type OfficeFailure } from "./office-run";
export { readSheet, readSheets, type Enough, type ReadRequest, type ReadResult } from "./read";

/**
 * Applies a write plan, safely. Before anything is queued: the plan touches no cell the officer
 * filled, no Excel Table (nor the row under or the column right of one, where Excel would grow it)
 * and no merged area of the officer's (`unsafeWrite`), and the sheet is not protected. In the
 * write's batch, first a check that the sheet still holds what the check read (an OfficeActionError
 * of kind "changed" otherwise, nothing written); then the clears, values, looks and names in one
 * request where they fit (2 syncs for an ordinary sheet), the written cells read back in the same
 * response. Should Excel stop half-way, the sheet is given back as read (`restoreAsRead`).
 */
export async function applyPlan(plan: WritePlan, read: ReadResult, opts: ApplyOptions = {}): Promise<void> {
  if (read.protected && plan.sheet === read.sheet) {
    throw new OfficeActionError("protected", `Sheet ${plan.sheet} is protected`);
  }
  const unsafe = unsafeWrite(plan, read);
  if (unsafe) throw new OfficeActionError(unsafe.kind, unsafe.cell, unsafe);
  // The officer's looks the plan gives back (the cells it empties), where this Excel cannot: said
  // before anything is written, unless the officer, told so, goes on.
  const lost = looksNotGivenBack(ownership(read.snapshot, plan.sheet).record?.looks, plan.clear);
  if (lost && !opts.looksLost)
    throw new OfficeActionError("looks-unrestorable", lost.why, { range: cellsText(lost.cells) });
  let written: Fingerprint | null | undefined;
  try {
    await run(async (context) => {
      const ws = context.workbook.worksheets.getItem(plan.sheet);
      const formatReads = queueFormatReads(ws, plan);
      const lookReads = plan.record ? queueLookReads(ws, blockRanges(plan)) : null;
      await verifyUnchanged(context, ws, plan, read);
      const last = ownership(read.snapshot, plan.sheet).record?.looks;
      const looks = lookReads && (await readLooks(context, ws, lookReads, last, plan.clear));
      written = writtenRecord(plan, read, formatReads, looks, opts);
      await queueWrite(context, ws, plan, read, formatReads, written);
      const check = queueReadBack(ws, plan);
      await context.sync();
      check?.();
    });
  } catch (e) {
    if (written === undefined) throw e;
    const cause = e instanceof OfficeActionError ? e : failure(e);
    try {
      await restoreAsRead(plan, read, written);
    } catch {
      throw new OfficeActionError("half-written", cause.detail, cause.place);
    }
    if (cause.kind === "not-kept") throw cause;
    throw new OfficeActionError("restored", cause.detail, cause.place);
  }
}

/** What the officer said before the write. */
export interface ApplyOptions {
  /**
   * Told that the looks of the cells the results go over cannot be recorded (and that *Xoá kết quả*
   * will clear them), or that this Excel cannot give back the looks of the cells it empties, the
   * officer goes on anyway.
   */
  looksLost?: boolean;
}

/**
 * The record of the looks, or where cells have looks that could not be read: those read one by
 * one with one more sync where they are few (ExcelApi 1.9). Nothing is written yet.
 */
async function readLooks(
  context: Excel.RequestContext,
  ws: Excel.Worksheet,
  reads: LookReads,
  last: string | undefined,
  ours: RangeRef[]
): Promise<LookRecord | { unread: RangeRef[] }> {
  const first = lookRecord(reads, last, ours);
  const more = "unread" in first ? queueUnread(ws, reads, first.unread) : null;
  if (!more) return "record" in first ? first.record : first;
  await context.sync();
  const again = lookRecord(more, last, ours);
  return "record" in again ? again.record : again;
}

/** Excel's longest formula: the fingerprint's name stays within it. */
const MAX_FORMULA = 8192;

/**
 * The record the write leaves (null: the plan writes nothing): the widths found, and how the cells
 * looked before the first write. Where that cannot be recorded (looks not read, or a record past
 * Excel's 8,192-character formula) the write stops before anything is written — *Xoá kết quả* would
 * clear the officer's looks without a word — unless the officer, told so, writes anyway.
 */
function writtenRecord(
  plan: WritePlan,
  read: ReadResult,
  formatReads: FormatReads,
  looks: LookRecord | { unread: RangeRef[] } | null,
  opts: ApplyOptions
): Fingerprint | null {
  // The sheet's id with it: renamed, the sheet is still the one the record was written on.
  const id = plan.sheet === read.sheet && read.sheetId ? { sheetId: read.sheetId } : {};
  const fp = planFingerprint(plan, { widths: seenWidths(formatReads), ...id });
  if (!fp || !looks) return fp;
  const lost = (ranges: RangeRef[], why: "old" | "many") => {
    if (opts.looksLost) return fp;
    throw new OfficeActionError("looks-unrecorded", why, { range: ranges.map(rangeA1).join(", ") });
  };
  if ("unread" in looks) return lost(looks.unread, supported("1.9") ? "many" : "old");
  const withLooks = { ...fp, looks: lookText(looks) };
  if (fingerprintFormula(withLooks).length <= MAX_FORMULA) return withLooks;
  return lost(lookedRanges(looks), "many");
}

/** The clears, values, looks and names of a plan, queued (values past a request's budget synced). */
async function queueWrite(
  context: Excel.RequestContext,
  ws: Excel.Worksheet,
  plan: WritePlan,
  read: ReadResult,
  formatReads: FormatReads,
  fp: Fingerprint | null
): Promise<void> {
  for (const r of plan.clear) {
    const range = ws.getRange(rangeA1(r));
    range.clear("Contents");
    range.format.font.bold = false;
  }
  const existing = read.snapshot.definedNames.filter((n) => n.refSheet === plan.sheet);
  const drop = new Set([...plan.removeNames, ...plan.names.map((n) => n.name)].map((n) => n.toLowerCase()));
  // A plan that writes replaces the fingerprint of the last write.
  if (plan.record) drop.add(NAME_FINGERPRINT.toLowerCase());
  for (const n of existing.filter((x) => drop.has(x.name.toLowerCase()))) {
    if (n.sheet) ws.names.getItem(n.name).delete();
    else context.workbook.names.getItem(n.name).delete();
  }
  for (const v of read.snapshot.nameValues ?? [])
    if (v.sheet === plan.sheet && drop.has(v.name.toLowerCase())) ws.names.getItem(v.name).delete();
  let queued = 0;
  for (const b of plan.blocks)
    queued = await queueRows(
      context,
      ws,
      { top: b.top, left: b.left, bold: b.boldRows },
      b.values,
      null,
      queued
    );
  formatWritten(ws, plan, formatReads, ownership(read.snapshot, plan.sheet).record?.looks);
  // The names ride with the last values: no sync of their own.
  for (const n of plan.names) ws.names.add(n.name, ws.getRange(rangeA1(n.range)));
  // What was written, for clean and the next run: a text constant, hidden (ExcelApi 1.4).
  if (fp) ws.names.add(NAME_FINGERPRINT, `=${fingerprintFormula(fp)}`).visible = false;
}

/** Selects a cell for the officer (clicking an issue). */
export function selectCell(sheet: string, address: string): Promise<void> {
  return run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(address).select();
    await context.sync();
  });
}

/** The names a mapping is stored in, each with the cells it names (what `storedMapping` reads back). */
export function mappingNames(m: StoredMapping & { headerRow: number }): { name: string; range: RangeRef }[] {
  const at = (row: number, left = 1, right = left) => ({ top: row, left, bottom: row, right });
  const roles = Object.keys(COLUMN_NAMES) as (keyof typeof COLUMN_NAMES)[];
  const out = roles.flatMap((role): { name: string; range: RangeRef }[] => {
    const per = role === "level" ? m.levelColumns : undefined;
    const col = per?.left ?? m.columns[role];
    return col === undefined ? [] : [{ name: COLUMN_NAMES[role], range: at(m.headerRow, col, per?.right) }];
  });
  // A row's name: any cell of it will do, the first is as good as any.
  out.push({ name: ROW_NAMES.headerRow, range: at(m.headerRow) });
  if (m.lastRow !== undefined) out.push({ name: ROW_NAMES.lastRow, range: at(m.lastRow) });
  return out;
}

/** Replaces the sheet's names that `ours` picks by `names`, in one sync (the officer's settings). */
function replaceNames(
  read: ReadResult,
  ours: (lowerName: string) => boolean,
  names: { name: string; range: RangeRef }[]
): Promise<void> {
  if (read.protected)
    return Promise.reject(new OfficeActionError("protected", `Sheet ${read.sheet} is protected`));
  return run(async (context) => {
    const ws = context.workbook.worksheets.getItem(read.sheet);
    const stale = read.snapshot.definedNames.filter(
      (n) => n.refSheet === read.sheet && (n.sheet ?? read.sheet) === read.sheet && ours(n.name.toLowerCase())
    );
    for (const n of stale) {
      if (n.sheet) ws.names.getItem(n.name).delete();
      else context.workbook.names.getItem(n.name).delete();
    }
    for (const n of names) ws.names.add(n.name, ws.getRange(rangeA1(n.range)));
    await context.sync();
  });
}

/**
 * Remembers the officer's choice (header row, last row, columns, per-level columns) as the
 * `HocTap_Cot_…` / `HocTap_Dong_…` names the core and the CLI read; the sheet's earlier ones go. One sync.
 */
export function saveColumnMapping(
  read: ReadResult,
  mapping: StoredMapping & { headerRow: number }
): Promise<void> {
  const ours = new Set(
    [...Object.values(COLUMN_NAMES), ...Object.values(ROW_NAMES)].map((n) => n.toLowerCase())
  );
  return replaceNames(read, (n) => ours.has(n), mappingNames(mapping));
}

/**
 * Remembers the conditions of the unit the officer chose (`HocTap_DieuKien_…`, naming the sheet's
 * first cell, which the core and the CLI read); the sheet's earlier ones go. One sync.
 */
export function saveConditionNames(read: ReadResult, names: string[]): Promise<void> {
  const first = { top: 1, left: 1, bottom: 1, right: 1 };
  return replaceNames(
    read,
    (n) => n.startsWith("hoctap_dieukien_"),
    names.map((name) => ({ name, range: first }))
  );
}

/** Candidate names tried in one round trip when placing a product sheet (`Tổng hợp`, `Tổng hợp (2)`…). */
const NAME_CANDIDATES = 10;

/**
 * Loads what placing a product sheet needs: the candidate names' own names (is it the product's
 * sheet?) and, unless a read in the same sync loads them already, the sheets.
 */
function queuePlacement(context: Excel.RequestContext, planName: string, loadSheets = true) {
  const sheets = context.workbook.worksheets;
  if (loadSheets) sheets.load("items/name");
  const base = cleanSheetName(planName);
  // A workbook whose structure is protected refuses a new sheet (ExcelApi 1.7 tells beforehand).
  const protection = supported("1.7") ? context.workbook.protection.load("protected") : null;
  const candidates = Array.from({ length: NAME_CANDIDATES }, (_, i) => {
    const suffix = i === 0 ? "" : ` (${i + 1})`;
    const name = base.slice(0, 31 - suffix.length).trim() + suffix;
    const names = sheets.getItemOrNullObject(name).names;
    names.load("items/name,items/type,items/value");
    return { name, names };
  });
  return { candidates, protection };
}

/**
 * Adds a sheet the product makes (summary, template, criteria sheet), replacing the product's own
 * sheet of that name, never one of the officer's. Its formatting (`formatSheet`) uses what is newer
 * than the baseline only where Excel supports it. Returns the sheet's name. 2 syncs, plus one per
 * further request's worth of values.
 */
export function addSheetFromPlan(plan: SheetPlan, made: MadeFor = {}): Promise<string> {
  return run(async (context) => {
    const placement = queuePlacement(context, plan.name);
    const replacing = made.replacing?.map((name) => {
      const names = context.workbook.worksheets.getItemOrNullObject(name).names;
      names.load("items/name,items/type,items/value");
      return { name, names };
    });
    await context.sync();
    // The product's sheet made for this one under a former name goes: the new one takes its place.
    for (const r of replacing ?? []) if (ourSheet(r)) context.workbook.worksheets.getItem(r.name).delete();
    return placeSheet(context, placement, plan, made.source);
  });
}

/** Whom a product sheet is made for: the checked sheet's id, and the product's sheets it replaces. */
export interface MadeFor {
  source?: string;
  replacing?: string[];
}

/** The product's own sheet: named so, and not an officer's copy (its fingerprint was written on it). */
function ourSheet(c: { name: string; names: Excel.NamedItemCollection }): boolean {
  const has = (n: string) => c.names.items.find((x) => x.name.toLowerCase() === n.toLowerCase());
  if (!has(NAME_PRODUCT_SHEET)) return false;
  const fp = has(NAME_FINGERPRINT);
  if (!fp) return true;
  const record = fp.type === "String" ? parseFingerprint(String(fp.value)) : null;
  return record !== null && writtenOn(record, c.name);
}

/**
 * Reads sheets and, in the same batch, adds the sheet `make` plans from what was read: the sheets'
 * names and the places a product sheet may take ride with the read's first sync, so a summary over
 * thirty ordinary sheets takes 3 syncs in all. `planName` is the name the plan will have.
 */
export function readThenAddSheet(
  requested: ReadRequest[],
  planName: string,
  make: (reads: ReadResult[]) => SheetPlan
): Promise<{ reads: ReadResult[]; made: string; owned: boolean }> {
  return run(async (context) => {
    let placement: ReturnType<typeof queuePlacement> | null = null;
    const reads = await readInBatch(context, requested, () => {
      placement = queuePlacement(context, planName, false);
    });
    const plan = make(reads);
    if (!placement || cleanSheetName(plan.name) !== cleanSheetName(planName)) {
      placement = queuePlacement(context, plan.name);
      await context.sync();
    }
    const made = await placeSheet(context, placement, plan);
    return { reads, made, owned: plan.owned !== false };
  });
}

async function placeSheet(
  context: Excel.RequestContext,
  { candidates, protection }: ReturnType<typeof queuePlacement>,
  plan: SheetPlan,
  source?: string
): Promise<string> {
  if (protection?.protected) throw new OfficeActionError("workbook-protected", "workbook structure");
  const sheets = context.workbook.worksheets;
  const ours = new Set(candidates.filter(ourSheet).map((c) => c.name.toLocaleLowerCase("vi")));
  const { name, replace } = productSheetName(
    plan.name,
    sheets.items.map((s) => ({ name: s.name, ours: ours.has(s.name.toLocaleLowerCase("vi")) }))
  );
  if (replace) sheets.getItem(name).delete();
  const ws = sheets.add(name);
  const width = maxOf(
    plan.rows.map((r) => r.length),
    1
  );
  await queueRows(context, ws, { top: 1, left: 1 }, plan.rows, "", 0);
  formatSheet(ws, plan, width);
  if (plan.chart) {
    const source = ws.getRange(
      rangeA1({
        top: plan.chart.categories.top,
        left: plan.chart.categories.left,
        bottom: plan.chart.values.bottom,
        right: plan.chart.values.right,
      })
    );
    const chart = ws.charts.add("ColumnClustered", source, "Columns");
    chart.title.text = plan.chart.title;
    chart.legend.visible = false;
    // Beside its figures, below the print area: Excel's default place is over the table.
    const { at } = plan.chart;
    chart.setPosition(
      rangeA1({ ...at, bottom: at.top, right: at.left }),
      rangeA1({ ...at, top: at.bottom, left: at.right })
    );
  }
  if (plan.owned !== false) {
    ws.names.add(
      NAME_PRODUCT_SHEET,
      ws.getRange(rangeA1({ top: 1, left: 1, bottom: Math.max(1, plan.rows.length), right: width }))
    );
    const fp = sheetFingerprint(plan, name, source !== undefined ? { source } : {});
    ws.names.add(NAME_FINGERPRINT, `=${fingerprintFormula(fp)}`).visible = false;
  }
  ws.activate();
  // Without ExcelApi 1.7 protection is only known from the refusal: a new sheet's is the workbook's.
  await context.sync().catch((e: unknown) => {
    if ((e as { code?: string } | null)?.code === "AccessDenied")
      throw new OfficeActionError("workbook-protected", "workbook structure");
    throw e;
  });
  return name;
}
