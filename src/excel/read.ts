// Reading sheets for checking, in a constant number of round trips whatever the number of sheets:
// sync 1 loads the sheets, the names and, for each sheet asked for, its used range and the columns
// its header zone spans (the rows where a header may be, at most ZONE_COLUMNS wide); sync 2 loads
// each sheet's rows over those columns only (with the product's own columns and room for the
// results), the criteria sheet through its used range, merged areas and which sheets the product
// made. Further syncs come only when the payload would pass Excel on the web's limit. A value far
// right (in column XFD) makes no row longer. A check reads only down to where the table ends: a
// sheet too large for one request, its first FIRST_ROWS rows, then more only while the rows read do
// not yet hold the table's end (a 50,000-household list under a 16-indicator table is never read).
// A read for a write also loads how the sheet prints (read-page.ts), riding with syncs 1 and 2.
import { parseRange } from "../core/model/a1";
import { isCriteriaSheetName } from "../core/sets/criteria-sheet";
import { isProductName, NAME_PREFIX, NAME_PRODUCT_SHEET, namedOwned, ownership } from "../core/model/owned";
import { EXCEL_COLS, lastOfficerRow } from "../core/plans/placement";
import { NAME_FINGERPRINT, parseFingerprint, type Fingerprint } from "../core/model/fingerprint";
import { HEADER_SEARCH_ROWS } from "../core/table/header";
import {
  sheetFromGrid,
  type Cell,
  type CellValue,
  type DefinedName,
  type NameValue,
  type RangeRef,
  type SheetSnapshot,
  type WorkbookSnapshot,
} from "../core/model/snapshot";
import { isPayloadTooLarge, jsonBytes, ReadMeter } from "./payload";
import { run, supported } from "./office-run";
import { pageKnown, pageOf, queuePageSetup, queuePageSizes, type PageLoads } from "./read-page";

/** How wide the header zone may be: officers' tables have a handful of columns. */
export const ZONE_COLUMNS = 64;
/** Columns read right of the table, where the results go (moved right past the officer's). */
export const RESULT_MARGIN = 8;
/** The criteria sheet is read through its used range within this bound (the core reads 500 rows). */
const CRITERIA_BOUND = "A1:Z500";
/** Rows read first when reading for a check: the header's search and an ordinary table under it. */
export const FIRST_ROWS = HEADER_SEARCH_ROWS + 300;

/**
 * Whether the rows read so far (`readTo` is the last sheet row read) hold all a check needs, so the
 * rest of the sheet can stay unread. The snapshot holds the sheet read so far and the names.
 */
export type Enough = (snapshot: WorkbookSnapshot, sheet: SheetSnapshot, readTo: number) => boolean;

/** An Excel Table of the officer's, with its range (header row included). */
export interface SheetTable {
  name: string;
  range: RangeRef;
}

export interface ReadResult {
  /** The sheet read (and the criteria sheet, when there is one) with the names. */
  snapshot: WorkbookSnapshot;
  sheet: string;
  sheetNames: string[];
  /** Sheets the product made (summaries): not offered for checking. */
  productSheets: string[];
  activeSheet: string;
  protected: boolean;
  /** The cells read from the sheet (null for an empty sheet): what a write checks is unchanged. */
  region: RangeRef | null;
  /** Every used row was read (a write needs that); false when the read stopped at the table's end. */
  complete: boolean;
  /** The sheet's Excel Tables: the pane never writes inside one, nor just under or right of one. */
  tables: SheetTable[];
  /**
   * The sheet's own id (Excel.Worksheet.id, its word characters): the same after the officer renames
   * it, so a record written on it is still its own, and a product sheet made for it is found again.
   */
  sheetId: string;
  /** The product's sheets with their records (who they were made for), for replacing and removing them. */
  productRecords: { name: string; record: Fingerprint | null }[];
  /** The officer's names (not the product's) with their formulas: a product sheet they use is kept. */
  officerNames: { name: string; formula: string }[];
  /**
   * Read for a write on an Excel that does not tell a sheet's pages (before ExcelApi 1.9): where the
   * result block would print cannot be known, so it is not written under the table.
   */
  pagesUnknown?: true;
}

function cellOf(value: unknown, type: string, format: string): Cell {
  let v: CellValue;
  if (type === "Empty" || value === "" || value === null || value === undefined) v = null;
  else if (type === "Error") v = { error: String(value) };
  else if (typeof value === "number" || typeof value === "boolean" || typeof value === "string") v = value;
  else v = String(value);
  return format && format !== "General" ? { value: v, format } : { value: v };
}

function gridOf(values: unknown[][], types: string[][], formats: string[][]): Cell[][] {
  return values.map((row, i) => row.map((v, j) => cellOf(v, types[i]?.[j] ?? "", formats[i]?.[j] ?? "")));
}

function namesOf(items: Excel.NamedItem[], scope: string | undefined): DefinedName[] {
  return items.flatMap((n) => {
    if (n.type !== "Range") return [];
    const parsed = parseRange(String(n.value).replace(/^=/, ""));
    const refSheet = parsed?.sheet ?? scope;
    if (!parsed || !refSheet) return [];
    return [
      scope
        ? { name: n.name, sheet: scope, refSheet, range: parsed.range }
        : { name: n.name, refSheet, range: parsed.range },
    ];
  });
}

/** The product's names holding a text (its fingerprint), with the text (ExcelApi 1.1: `value`). */
function valuesOf(items: Excel.NamedItem[], scope: string | undefined): NameValue[] {
  if (scope === undefined) return [];
  return items
    .filter((n) => n.type === "String" && isProductName(n.name))
    .map((n) => ({ name: n.name, sheet: scope, value: String(n.value) }));
}

interface Target {
  ws: Excel.Worksheet;
  used: Excel.Range;
  zone: Excel.Range;
  name: string;
  names: DefinedName[];
  values: NameValue[];
  region: RangeRef | null;
  /** Rows of the region queued so far. */
  next: number;
  /** The cells read so far, row by row from the region's top. */
  grid: Cell[][];
  merged: Excel.RangeAreas | null;
  tables: Excel.TableCollection;
  tableRanges: { name: string; range: Excel.Range }[];
  complete: boolean;
  /** Where reading may stop (a check); undefined reads every used row (a write). */
  enough: Enough | undefined;
  /** For a write: whether each column where the results may go is hidden or carries a data validation. */
  prepared: { col: number; hidden: Excel.Range; validation: Excel.DataValidation | null }[];
  /** For a write, where Excel tells it: how the sheet prints (read-page.ts). */
  page: PageLoads | null;
}

/**
 * The rectangle to read: the used rows, over the columns the header zone spans (or the first
 * ZONE_COLUMNS used ones when the zone is empty), widened to the product's names and RESULT_MARGIN
 * columns to the right, never past the used range.
 */
export function readRegion(
  used: RangeRef | null,
  zone: { left: number; right: number } | null,
  named: RangeRef[]
): RangeRef | null {
  if (!used) return null;
  let left = zone ? zone.left : used.left;
  let right = zone ? zone.right : Math.min(used.right, used.left + ZONE_COLUMNS - 1);
  for (const r of named) {
    left = Math.min(left, r.left);
    right = Math.max(right, r.right);
  }
  left = Math.max(left, used.left);
  right = Math.max(left, Math.min(used.right, right + RESULT_MARGIN));
  return { top: used.top, bottom: used.bottom, left, right };
}

function box(r: Excel.Range): RangeRef | null {
  if (r.isNullObject) return null;
  return {
    top: r.rowIndex + 1,
    left: r.columnIndex + 1,
    bottom: r.rowIndex + r.rowCount,
    right: r.columnIndex + r.columnCount,
  };
}

interface Queued {
  target: Target;
  range: Excel.Range;
  rows: number;
  cells: number;
}

const unread = (t: Target) => (t.region ? t.region.bottom - t.region.top + 1 - t.next : 0);

/** Queues the next rows of every target that fit in one request; on the first, at most FIRST_ROWS of a large sheet read for a check. */
function queueRows(targets: Target[], meter: ReadMeter, first: boolean): Queued[] {
  let room = meter.cellsPerRequest();
  const queued: Queued[] = [];
  const width = (r: RangeRef) => r.right - r.left + 1;
  // Sheets that fit in one request together are read whole; else, at first, only FIRST_ROWS of each.
  const all = targets.reduce((n, t) => n + (t.region ? unread(t) * width(t.region) : 0), 0);
  const capped = first && all > room;
  for (const t of targets) {
    const r = t.region;
    if (!r) continue;
    const cap = capped && t.enough ? FIRST_ROWS : Infinity;
    let left = Math.min(unread(t), cap);
    while (left > 0 && room > 0) {
      const w = width(r);
      const rows = Math.min(left, Math.max(1, Math.floor(room / w)));
      const range = t.ws.getRangeByIndexes(r.top - 1 + t.next, r.left - 1, rows, w);
      range.load("values,valueTypes,numberFormat");
      queued.push({ target: t, range, rows, cells: rows * w });
      t.next += rows;
      left -= rows;
      room -= rows * w;
    }
  }
  return queued;
}

/**
 * Reads the targets' rows in requests sized by their payload. For a target with `enough`, the
 * first request reads at most FIRST_ROWS rows of a sheet too large for one request, and reading
 * stops once the rows read are enough. `withFirst` queues what rides with the first request (the criteria
 * sheet, merged areas); a request Excel refuses as too large is asked again in smaller pieces.
 */
async function readRows(
  context: Excel.RequestContext,
  targets: Target[],
  bookNames: DefinedName[],
  withFirst: () => void
): Promise<void> {
  const meter = new ReadMeter();
  let first = true;
  do {
    if (first) withFirst();
    const queued = queueRows(targets, meter, first);
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per request's worth of payload, by design
      await context.sync();
    } catch (e) {
      // Nothing of a refused request was read: its rows are asked again, fewer at a time.
      const rows = queued.reduce((n, q) => n + q.rows, 0);
      if (!isPayloadTooLarge(e) || rows <= queued.length) throw e;
      for (const q of queued) q.target.next -= q.rows;
      meter.refused();
      continue;
    }
    first = false;
    for (const { target, range, cells } of queued) {
      const { values, valueTypes, numberFormat } = range;
      meter.observe(cells, jsonBytes(values) + jsonBytes(valueTypes) + jsonBytes(numberFormat));
      for (const row of gridOf(values, valueTypes, numberFormat)) target.grid.push(row);
    }
    for (const t of targets) {
      const r = t.region;
      const enough = t.enough;
      if (!enough || !r || unread(t) === 0) continue;
      const readTo = r.top + t.next - 1;
      const sheet = snapshotOf(t);
      if (enough({ sheets: [sheet], definedNames: [...bookNames, ...t.names] }, sheet, readTo)) {
        t.region = { ...r, bottom: readTo };
        t.complete = false;
      }
    }
  } while (targets.some((t) => unread(t) > 0));
}

/** A sheet to read (undefined: the active one), and where reading it may stop. */
export interface ReadRequest {
  sheet: string | undefined;
  enough?: Enough;
}

/**
 * Reads the sheets asked for inside a batch the caller runs (the summary writes its sheet in the
 * same batch): 2 syncs for ordinary sheets, whatever their number. `alsoFirst` queues loads of the
 * caller's that ride with the first sync.
 */
export async function readInBatch(
  context: Excel.RequestContext,
  requested: ReadRequest[],
  alsoFirst?: () => void
): Promise<ReadResult[]> {
  const book = context.workbook;
  const sheets = book.worksheets;
  sheets.load("items/name,items/visibility");
  const active = sheets.getActiveWorksheet();
  active.load("name");
  book.names.load("items/name,items/type,items/value");
  alsoFirst?.();
  const queued = requested.map(({ sheet: name, enough }) => {
    const ws = name === undefined ? active : sheets.getItem(name);
    ws.load("name,id");
    ws.protection.load("protected");
    const used = ws.getUsedRangeOrNullObject(true);
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    const zone = ws.getRangeByIndexes(0, 0, HEADER_SEARCH_ROWS, ZONE_COLUMNS).getUsedRangeOrNullObject(true);
    zone.load("rowIndex,columnIndex,rowCount,columnCount");
    ws.names.load("items/name,items/type,items/value");
    const tables = ws.tables;
    tables.load("items/name");
    // A write places the result block on the officer's pages: their setup rides with this sync.
    const page = !enough && pageKnown() ? queuePageSetup(ws) : null;
    return { ws, used, zone, enough, tables, page };
  });
  await context.sync();

  const bookNames = namesOf(book.names.items, undefined);
  const targets: Target[] = queued.map(({ ws, used, zone, enough, tables, page }) => {
    const names = namesOf(ws.names.items, ws.name);
    const ours = [...bookNames, ...names]
      .filter((n) => n.refSheet === ws.name && n.name.toLowerCase().startsWith(NAME_PREFIX.toLowerCase()))
      .map((n) => n.range);
    const z = box(zone);
    const region = readRegion(box(used), z && { left: z.left, right: z.right }, ours);
    const values = valuesOf(ws.names.items, ws.name);
    return {
      ws,
      used,
      zone,
      name: ws.name,
      names,
      values,
      region,
      next: 0,
      grid: [],
      merged: null,
      tables,
      tableRanges: [],
      complete: true,
      enough,
      prepared: [],
      page,
    };
  });

  // Sync 2 carries the criteria sheet, the product's sheet names and merged areas with the first rows.
  const wanted = new Set(targets.map((t) => t.name));
  const criteriaName = sheets.items.map((s) => s.name).find((n) => !wanted.has(n) && isCriteriaSheetName(n));
  const criteria = criteriaName
    ? {
        name: criteriaName,
        used: sheets.getItem(criteriaName).getRange(CRITERIA_BOUND).getUsedRangeOrNullObject(true),
      }
    : null;
  const everySheet = sheets.items.map((s) => ({
    name: s.name,
    visible: s.visibility === "Visible",
    names: s.names,
  }));
  // Queued again when Excel refuses the first request as too large (nothing of it was read).
  const withFirst = () => {
    criteria?.used.load("rowIndex,columnIndex,values,valueTypes,numberFormat");
    for (const s of everySheet) s.names.load("items/name,items/type,items/value");
    for (const t of targets)
      t.tableRanges = t.tables.items.map((x) => ({ name: x.name, range: x.getRange().load("address") }));
    for (const t of targets) if (!t.enough) t.prepared = queuePrepared(t);
    for (const t of targets) if (t.page) queuePageSizes(t.ws, t.page, t.region);
    if (!supported("1.13")) return;
    for (const t of targets) {
      const r = t.region;
      if (!r) continue;
      t.merged = t.ws
        .getRangeByIndexes(r.top - 1, r.left - 1, r.bottom - r.top + 1, r.right - r.left + 1)
        .getMergedAreasOrNullObject();
      t.merged.load("address");
    }
  };
  await readRows(context, targets, bookNames, withFirst);

  let criteriaSheet: SheetSnapshot | null = null;
  if (criteria && !criteria.used.isNullObject) {
    const { used } = criteria;
    criteriaSheet = sheetFromGrid(criteria.name, gridOf(used.values, used.valueTypes, used.numberFormat), {
      top: used.rowIndex + 1,
      left: used.columnIndex + 1,
    });
  }
  const sheetNames = everySheet.filter((s) => s.visible).map((s) => s.name);
  const has = (items: Excel.NamedItem[], name: string) =>
    items.find((n) => n.name.toLowerCase() === name.toLowerCase());
  const productSheets = everySheet.filter((s) => has(s.names.items, NAME_PRODUCT_SHEET)).map((s) => s.name);
  const productRecords = productSheets.map((name) => {
    const fp = has(everySheet.find((s) => s.name === name)?.names.items ?? [], NAME_FINGERPRINT);
    return { name, record: fp?.type === "String" ? parseFingerprint(String(fp.value)) : null };
  });
  const officerNames = [...book.names.items, ...everySheet.flatMap((s) => s.names.items)]
    .filter((n) => !isProductName(n.name))
    .map((n) => ({ name: n.name, formula: String(n.value) }));
  return targets.map((t) => {
    const sheet = snapshotOf(t);
    const sheetId = t.ws.id.replace(/\W/g, "");
    if (sheetId) sheet.id = sheetId;
    const snapshot: WorkbookSnapshot = {
      sheets: criteriaSheet ? [sheet, criteriaSheet] : [sheet],
      definedNames: [...bookNames, ...t.names],
      nameValues: t.values,
    };
    const areas = preparedAreas(snapshot, sheet, t);
    if (areas.length) sheet.areas = areas;
    const page = t.page && pageOf(t.page);
    if (page) sheet.page = page;
    return {
      snapshot,
      sheet: t.name,
      sheetNames,
      productSheets,
      activeSheet: active.name,
      protected: t.ws.protection.protected,
      region: t.region,
      complete: t.complete,
      tables: t.tableRanges.flatMap(({ name, range }) => {
        const parsed = parseRange(range.address);
        return parsed ? [{ name, range: parsed.range }] : [];
      }),
      sheetId,
      productRecords,
      officerNames,
      ...(!t.enough && !page ? { pagesUnknown: true as const } : {}),
    };
  });
}

/**
 * Loads, for a write, which columns from the region's left to RESULT_MARGIN past its right are
 * hidden (Range.columnHidden, ExcelApi 1.2) or carry a data validation over the rows read
 * (DataValidation.type, ExcelApi 1.8; Excel before it does not say): the officer prepared them.
 */
function queuePrepared(t: Target): Target["prepared"] {
  const r = t.region;
  if (!r) return [];
  const rules = supported("1.8");
  const out: Target["prepared"] = [];
  for (let col = r.left; col <= Math.min(EXCEL_COLS, r.right + RESULT_MARGIN); col++) {
    const hidden = t.ws.getRangeByIndexes(0, col - 1, 1, 1).load("columnHidden");
    const validation = rules
      ? t.ws.getRangeByIndexes(r.top - 1, col - 1, r.bottom - r.top + 1, 1).dataValidation.load("type")
      : null;
    out.push({ col, hidden, validation });
  }
  return out;
}

/**
 * The officer's prepared columns as areas the results keep clear of, as the CLI's writer keeps
 * them: down to the officer's last row, the product's own columns (hidden by the officer) left out.
 */
function preparedAreas(snapshot: WorkbookSnapshot, sheet: SheetSnapshot, t: Target): RangeRef[] {
  const cols = t.prepared.filter(
    (p) => p.hidden.columnHidden || (p.validation && p.validation.type !== "None")
  );
  if (!cols.length) return [];
  const bottom = lastOfficerRow(sheet, ownership(snapshot, sheet.name).ours);
  const named = namedOwned(snapshot, sheet.name).map((n) => n.range);
  return cols
    .map(({ col }) => ({ top: 1, bottom, left: col, right: col }))
    .filter((a) => a.bottom >= 1 && !named.some((o) => a.left >= o.left && a.right <= o.right));
}

/** The sheet as read so far: the rows read, and the merged areas that begin in them. */
function snapshotOf(t: Target): SheetSnapshot {
  const top = t.region?.top ?? 1;
  const merges: RangeRef[] =
    t.merged && !t.merged.isNullObject
      ? t.merged.address.split(",").flatMap((a) => {
          const p = parseRange(a);
          return p && p.range.top < top + t.grid.length ? [p.range] : [];
        })
      : [];
  return sheetFromGrid(t.name, t.grid, { top, left: t.region?.left ?? 1, merges });
}

/**
 * Reads one sheet (the active one by default): 2 syncs for an ordinary sheet. With `enough`, only
 * as far as it says is needed (a check); without, every used row (a write).
 */
export function readSheet(sheetName?: string, enough?: Enough): Promise<ReadResult> {
  return run(
    async (context) => (await readInBatch(context, [{ sheet: sheetName, enough }]))[0] as ReadResult
  );
}

/** Reads several sheets at once (a summary): 2 syncs for thirty ordinary sheets. */
export function readSheets(sheetNames: string[], enough?: Enough): Promise<ReadResult[]> {
  if (sheetNames.length === 0) return Promise.resolve([]);
  return run((context) =>
    readInBatch(
      context,
      sheetNames.map((sheet) => ({ sheet, enough }))
    )
  );
}
