// What each writing command does to an officer's workbook, as the parts of the package to write:
// the results of a check (each checked sheet cleaned of an earlier run's, then written; its KQ sheet
// added or replacing the product's own), a clean (the product's cells, names and sheets taken out,
// what it changed given back), and a product sheet added to a workbook (`summary --out`).
import {
  fingerprintFormula,
  NAME_FINGERPRINT,
  parseFingerprint,
  type Fingerprint,
} from "../core/model/fingerprint";
import {
  isMappingName,
  isOurProductSheet,
  isProductSheet,
  NAME_PRODUCT_SHEET,
  ownership,
  type Ownership,
} from "../core/model/owned";
import { cleanFormat } from "../core/plans/result-layout";
import type { WorkbookSnapshot } from "../core/model/snapshot";
import { planFingerprint, productSheetRange, sheetFingerprint } from "../core/plans/record";
import { productSheetName, type SheetPlan } from "../core/plans/sheet-plan";
import { planClean, type WritePlan } from "../core/plans/write-plan";
import { keptCells } from "../core/plans/owned-cells";
import { qualifiedRange } from "../core/model/a1";
import type { PartOut } from "../package/zip-write";
import { bufferSource, PackageReader } from "../package/zip-read";
import { snapshotFromPackage } from "../reader/read";
import { blankWorkbook } from "./blank";
import { Book } from "./book";
import { decodeExact, encodeExact, type ExactRecord } from "./exact";
import { sheetXml } from "./new-sheet";
import { cleanSheet, type Pending } from "./results";
import { writeSheet } from "./write-sheet";
import { SheetDoc } from "./sheet-doc";
import { dropUnusedStrings } from "./shared-strings";
import { officerReference, type SheetUse } from "./sheet-refs";
import { textHash } from "../core/model/fingerprint";
import type { StyleCounts } from "./styles";
import type { Pieces } from "./xml-edit";

/** The style records the product's earlier writes appended, when the part is still as they left it. */
function styleBase(book: Book, snapshot: WorkbookSnapshot): NonNullable<ExactRecord["st"]> {
  const now = book.styles.counts();
  const same = (a: StyleCounts, b: StyleCounts) =>
    a.xfs === b.xfs && a.fonts === b.fonts && a.fills === b.fills && a.borders === b.borders;
  let best: NonNullable<ExactRecord["st"]> | null = null;
  for (const fp of records(snapshot)) {
    const st = decodeExact(fp.extra)?.st;
    if (st && same(st.after, now) && (!best || st.before.xfs < best.before.xfs)) best = st;
  }
  return best ?? { before: now, after: now, count: book.styles.countAttrs() };
}

/** The empty `<definedNames/>` the workbook had before any write of the product, to give back. */
function emptyNames(book: Book, snapshot: WorkbookSnapshot): string | undefined {
  const now = book.wb.emptyNamesTag;
  if (now !== null) return now;
  for (const fp of records(snapshot)) {
    const n = decodeExact(fp.extra)?.n;
    if (n) return n;
  }
  return undefined;
}

function records(snapshot: WorkbookSnapshot): Fingerprint[] {
  return (snapshot.nameValues ?? [])
    .filter((n) => n.name.toLowerCase() === NAME_FINGERPRINT.toLowerCase())
    .map((n) => parseFingerprint(n.value))
    .filter((f): f is Fingerprint => f !== null);
}

/** A product sheet waiting for its fingerprint. */
interface SheetPending {
  index: number;
  plan: SheetPlan;
  name: string;
  sheetId: number;
}

/** The product sheets now, with whether each is still the product's own, as a second run sees them. */
function existing(book: Book, snapshot: WorkbookSnapshot, added: Set<string>) {
  return book.wb.finalSheets().map((name) => {
    const part = added.has(name) ? undefined : book.sheetPart(book.wb.indexOf(name));
    // A sheet added in this very write is never replaced by another of this write; a sheet the
    // officer gave drawings or comments of its own is theirs, whatever its names say.
    return { name, ours: part !== undefined && !book.hasRels(part) && isOurProductSheet(snapshot, name) };
  });
}

/** Adds (or replaces in place the product's own of that name) a sheet the product makes. */
async function addProductSheet(
  book: Book,
  snapshot: WorkbookSnapshot,
  plan: SheetPlan,
  added: Set<string>,
  hidden = false,
  /** The product's sheet made for this one under its former name: taken over (renamed) when free. */
  stale?: number
): Promise<SheetPending & { tookOver?: string }> {
  const { name, replace } = productSheetName(plan.name, existing(book, snapshot, added));
  const { xml, names } = sheetXml(plan, name, book.styles, book.wb.mainNs);
  let index: number;
  let sheetId: number;
  let tookOver: string | undefined;
  const over = replace ? undefined : stale;
  if (replace || over !== undefined) {
    const i = over ?? book.wb.indexOf(name);
    if (over !== undefined) {
      tookOver = book.wb.sheets[over]?.name;
      book.wb.renameSheet(over, name);
    }
    await book.replaceSheet(i, xml);
    index = book.wb.finalIndex(i);
    sheetId = book.wb.sheets[i]?.sheetId ?? 0;
  } else {
    sheetId = book.wb.nextSheetId();
    // The KQ of a hidden draft (checked with --include-hidden) stays out of sight like its sheet.
    index = book.addSheet(name, xml, hidden);
  }
  added.add(name);
  for (const n of names) book.wb.addName({ ...n, sheet: index });
  if (plan.owned !== false)
    book.wb.addName({
      name: NAME_PRODUCT_SHEET,
      sheet: index,
      text: qualifiedRange(name, productSheetRange(plan)),
    });
  return { index, plan, name, sheetId, ...(tookOver !== undefined ? { tookOver } : {}) };
}

/** The indexes of the sheets the product made (its own still, or not). */
function productSheets(book: Book, snapshot: WorkbookSnapshot): Set<number> {
  const out = new Set<number>();
  book.wb.sheets.forEach((s, i) => isProductSheet(snapshot, s.name) && out.add(i));
  return out;
}

/**
 * The product's `KQ` sheet made for `sheet` under the name it had then (the officer renamed it since):
 * its index, and where the officer's formulas refer to it (then it is theirs to keep).
 */
async function staleSheet(
  book: Book,
  snapshot: WorkbookSnapshot,
  sheet: string
): Promise<{ index: number; name: string; usedBy: Awaited<ReturnType<typeof officerReference>> } | null> {
  const record = ownership(snapshot, sheet).record;
  if (!record || record.sheet === textHash(sheet)) return null;
  for (const [i, s] of book.wb.sheets.entries()) {
    const m = /^KQ (.+?)(?: \(\d+\))?$/.exec(s.name);
    if (!m || (textHash(m[1] as string) !== record.sheet && !madeFor(snapshot, s.name, record.sheet)))
      continue;
    const part = book.sheetPart(i);
    if (!part || book.hasRels(part) || !isOurProductSheet(snapshot, s.name)) continue;
    return {
      index: i,
      name: s.name,
      usedBy: await officerReference(book, s.name, productSheets(book, snapshot)),
    };
  }
  return null;
}

/**
 * Whether a product sheet was made for the sheet whose name hashes to `hash`, by the line naming it
 * (`Trang tính: Tự đánh giá…`): a `KQ` name cut at Excel's 31 characters (or cleaned of `[]:*?/\`)
 * no longer holds the whole name, its paper does.
 */
function madeFor(snapshot: WorkbookSnapshot, name: string, hash: string): boolean {
  const kq = snapshot.sheets.find((x) => x.name === name);
  for (const row of kq?.rows.values() ?? [])
    for (const cell of row.values()) {
      const m = typeof cell.value === "string" ? /^(?:Trang tính|Sheet): (.+)$/su.exec(cell.value) : null;
      if (m && textHash(m[1] as string) === hash) return true;
    }
  return false;
}

/** What a write did that the officer is told in one line. */
export type WriteNote =
  | { kind: "stale-replaced"; sheet: string; was: string; now: string }
  | {
      kind: "stale-kept";
      sheet: string;
      was: string;
      usedBy: SheetUse;
    };

/** Each write's fingerprint, now that the style records appended are known. */
function recordAll(
  book: Book,
  base: NonNullable<ExactRecord["st"]>,
  results: Pending[],
  sheets: SheetPending[],
  n: string | undefined
): void {
  const st = { ...base, after: book.styles.counts() };
  for (const p of results) {
    const fp = planFingerprint(p.plan, { ...p.seen, extra: encodeExact({ ...p.exact, st, n }) });
    if (fp)
      book.wb.addName({
        name: NAME_FINGERPRINT,
        sheet: book.wb.finalIndex(p.sheet),
        text: fingerprintFormula(fp),
        hidden: true,
      });
  }
  for (const s of sheets) {
    if (s.plan.owned === false) continue;
    const fp = sheetFingerprint(s.plan, s.name, {
      sheetId: String(s.sheetId),
      extra: encodeExact({ st, n }),
    });
    book.wb.addName({ name: NAME_FINGERPRINT, sheet: s.index, text: fingerprintFormula(fp), hidden: true });
  }
}

/**
 * What a second run takes out of an officer's copy of a checked sheet: Excel copied the results and
 * every product name with it (so `HocTap_VanTay` would stand twice in its scope, and a second pair
 * of columns go beside the first). The copied results still as written are replaced like the
 * sheet's own; the copied names describe the original, and go. (`clean` keeps a copy as it is.)
 */
function copyClean(snapshot: WorkbookSnapshot, sheet: string, own: Ownership): WritePlan {
  const scoped = [...snapshot.definedNames, ...(snapshot.nameValues ?? [])].filter(
    (n) => n.sheet === sheet && /^hoctap_/i.test(n.name) && !isMappingName(n.name)
  );
  return {
    sheet,
    clear: own.ours,
    blocks: [],
    names: [],
    removeNames: [...new Set(scoped.map((n) => n.name))],
    format: cleanFormat(snapshot, sheet, own),
  };
}

/** Excel's longest formula: a defined name's text past it is a file Excel repairs. */
export const MAX_FORMULA = 8192;

/**
 * The fingerprint's formula within Excel's limit: with the writer's exact record when it fits, else
 * without it (`clean` then gives back what the fingerprint itself says, as for the add-in's writes).
 */
export function boundedFingerprint(
  make: (extra: string | undefined) => Fingerprint | null,
  extra: string | undefined
): string | null {
  const fp = make(extra);
  if (!fp) return null;
  const text = fingerprintFormula(fp);
  if (text.length <= MAX_FORMULA || extra === undefined) return text;
  const bare = make(undefined);
  return bare ? fingerprintFormula(bare) : null;
}

export interface SheetResults {
  sheet: string;
  plan: WritePlan;
  /** The `KQ` sheet of this sheet's check. */
  summary?: SheetPlan;
  /** The council's verified bản tổng hợp, when the sheet has the council's columns. */
  verified?: SheetPlan;
}

/** `check --out`: every checked sheet's results written in, earlier ones replaced; the KQ sheets. */
export async function resultsParts(
  pkg: PackageReader,
  snapshot: WorkbookSnapshot,
  results: SheetResults[],
  note: (n: WriteNote) => void = () => undefined
): Promise<PartOut[]> {
  const book = await Book.open(pkg);
  const base = styleBase(book, snapshot);
  const names = emptyNames(book, snapshot);
  const pending: Pending[] = [];
  for (const r of results) {
    const i = book.wb.indexOf(r.sheet);
    if (i < 0) continue;
    const own = ownership(snapshot, r.sheet);
    const clean = own.state === "copied" ? copyClean(snapshot, r.sheet, own) : planClean(snapshot, r.sheet);
    // A first run has nothing of an earlier one to take out: no pass over the sheet for it.
    if (clean.clear.length || clean.removeNames.length) await cleanSheet(book, i, clean, own.record);
    const p = await writeSheet(book, i, r.plan, book.styles);
    if (p) pending.push(p);
  }
  const added = new Set<string>();
  const sheets: SheetPending[] = [];
  for (const r of results) {
    const hidden = snapshot.sheets.find((s) => s.name === r.sheet)?.hidden === true;
    if (r.summary) {
      // The sheet was renamed since the last run: its former KQ is replaced, unless the officer's formulas use it.
      const stale = await staleSheet(book, snapshot, r.sheet);
      if (stale?.usedBy) note({ kind: "stale-kept", sheet: r.sheet, was: stale.name, usedBy: stale.usedBy });
      const made = await addProductSheet(
        book,
        snapshot,
        r.summary,
        added,
        hidden,
        stale && !stale.usedBy ? stale.index : undefined
      );
      if (made.tookOver !== undefined)
        note({ kind: "stale-replaced", sheet: r.sheet, was: made.tookOver, now: made.name });
      sheets.push(made);
    }
    // The council's verified bản tổng hợp, beside the KQ.
    if (r.verified) sheets.push(await addProductSheet(book, snapshot, r.verified, added, hidden));
  }
  recordAll(book, base, pending, sheets, names);
  return book.toParts();
}

/**
 * `check --tham-dinh`: cells given to the officer (the council's columns) written into their sheets,
 * with no name and no fingerprint: they are the officer's from then on, and `clean` leaves them.
 */
export async function givenParts(
  pkg: PackageReader,
  plans: WritePlan[],
  snapshot?: WorkbookSnapshot
): Promise<PartOut[]> {
  const book = await Book.open(pkg);
  for (const plan of plans) {
    const i = book.wb.indexOf(plan.sheet);
    if (i < 0 || !plan.given) continue;
    // The product's earlier results go first: the given cells take their place beside the table.
    const own = snapshot ? ownership(snapshot, plan.sheet) : null;
    const clean = snapshot && own?.state !== "copied" ? planClean(snapshot, plan.sheet) : null;
    if (clean && (clean.clear.length || clean.removeNames.length))
      await cleanSheet(book, i, clean, own?.record ?? null);
    await writeSheet(book, i, plan, book.styles);
  }
  return book.toParts();
}

/**
 * A sheet's column widths as it shows them, for the results beside the council's columns: a column
 * whose cell at `wrapAt` wraps its text (the council's notes) never runs on, so it counts as wide
 * as any text.
 */
export async function columnWidths(
  pkg: PackageReader,
  sheet: string,
  wrapAt?: { row: number; col: number }
): Promise<(col: number) => number> {
  const book = await Book.open(pkg);
  const part = book.sheetPart(book.wb.indexOf(sheet));
  if (!part) return () => 8.43;
  const at = wrapAt ? [{ top: wrapAt.row, bottom: wrapAt.row, left: wrapAt.col, right: wrapAt.col }] : [];
  const doc = new SheetDoc(await book.current(part), at);
  const xf = wrapAt ? doc.cell(wrapAt.row, wrapAt.col)?.s : undefined;
  const wraps =
    typeof xf === "number" && ["1", "true"].includes(book.styles.look(xf).alignment.wrapText ?? "");
  return (col) => (wraps && col === wrapAt?.col ? Number.POSITIVE_INFINITY : doc.width(col));
}

/** A workbook made from nothing, opened as any other. */
export async function blankBook(): Promise<{ pkg: PackageReader; snapshot: WorkbookSnapshot }> {
  const pkg = await PackageReader.open(bufferSource(blankWorkbook()));
  return { pkg, snapshot: await snapshotFromPackage(pkg) };
}

/** `summary --out` into a workbook: the sheet added (the product's own of that name replaced). */
export async function sheetParts(
  pkg: PackageReader,
  snapshot: WorkbookSnapshot,
  plan: SheetPlan
): Promise<{ parts: PartOut[]; name: string }> {
  const { parts, names } = await sheetsParts(pkg, snapshot, [plan]);
  return { parts, name: names[0] as string };
}

/** Several of the product's sheets in one write (the department's `Tổng hợp` and its decision list). */
export async function sheetsParts(
  pkg: PackageReader,
  snapshot: WorkbookSnapshot,
  plans: SheetPlan[]
): Promise<{ parts: PartOut[]; names: string[] }> {
  const book = await Book.open(pkg);
  const base = styleBase(book, snapshot);
  const emptied = emptyNames(book, snapshot);
  const added = new Set<string>();
  const sheets: SheetPending[] = [];
  for (const plan of plans) sheets.push(await addProductSheet(book, snapshot, plan, added));
  recordAll(book, base, [], sheets, emptied);
  return { parts: book.toParts(), names: sheets.map((s) => s.name) };
}

export interface Cleaned {
  /** null: nothing could be taken out (a sheet the officer's formulas use was all there was). */
  parts: PartOut[] | null;
  /** Officer's sheets cleaned, product sheets removed, sheets left as the officer's (changed or copied). */
  sheets: number;
  removed: number;
  /** Sheets holding something of the officer's in the product's ranges (the cells named), or a copied sheet. */
  kept: { sheet: string; cells: string[] }[];
  /** The product's sheets kept because the officer's formulas or names use them: where. */
  used: { sheet: string; by: SheetUse }[];
}

/** `clean`: everything of the product's still as it wrote it, taken out; null when there is nothing. */
export async function cleanParts(pkg: PackageReader, snapshot: WorkbookSnapshot): Promise<Cleaned | null> {
  const book = await Book.open(pkg);
  book.wb.namesLeftAs = emptyNames(book, snapshot) ?? "";
  let sheets = 0;
  let removed = 0;
  const kept: Cleaned["kept"] = [];
  const used: Cleaned["used"] = [];
  const ours = productSheets(book, snapshot);
  const done: Fingerprint[] = [];
  /** The sheet parts cleaned or removed: the shared strings only they used go with them. */
  const touched: string[] = [];
  let whole = true;
  for (const [i, s] of [...book.wb.sheets.entries()]) {
    if (!snapshot.sheets.some((x) => x.name === s.name)) continue;
    const own = ownership(snapshot, s.name);
    if (isProductSheet(snapshot, s.name)) {
      const part = book.sheetPart(i);
      // Removing a sheet the officer's formulas use would leave #REF! in their cells: it stays.
      const by =
        isOurProductSheet(snapshot, s.name) && part && !book.hasRels(part)
          ? await officerReference(book, s.name, ours)
          : null;
      if (by) {
        used.push({ sheet: s.name, by });
        whole = false;
      } else if (isOurProductSheet(snapshot, s.name) && part && !book.hasRels(part)) {
        touched.push(part);
        book.removeSheet(i);
        removed++;
        if (own.record) done.push(own.record);
        else whole = false;
      } else {
        kept.push({ sheet: s.name, cells: [] });
        whole = false;
      }
      continue;
    }
    const plan = planClean(snapshot, s.name);
    const officers = keptCells(snapshot, s.name);
    if (plan.clear.length === 0 && plan.removeNames.length === 0) {
      if (own.state !== "none") {
        kept.push({ sheet: s.name, cells: officers });
        whole = false;
      }
      continue;
    }
    await cleanSheet(book, i, plan, own.record);
    const part = book.sheetPart(i);
    if (part) touched.push(part);
    sheets++;
    if (own.state === "intact" && own.record) done.push(own.record);
    else if (own.state !== "none") {
      whole = false;
      // Moved whole by the officer's inserted rows, or without a record: nothing of theirs unless named.
      const told = own.state === "changed" || own.state === "copied" || officers.length > 0;
      if (told) kept.push({ sheet: s.name, cells: officers });
    }
  }
  if (sheets === 0 && removed === 0) return used.length ? { parts: null, sheets, removed, kept, used } : null;
  if (whole) await giveStylesBack(book, done);
  // A re-saved output holds the product's texts as shared strings: no trace of them is sent.
  await dropUnusedStrings(book, touched);
  return { parts: book.toParts(), sheets, removed, kept, used };
}

/**
 * The style records the product appended, taken out again when every write that appended them was
 * cleaned whole, the part is as they left it, and no cell left in the workbook uses them.
 */
async function giveStylesBack(book: Book, done: Fingerprint[]): Promise<void> {
  const sts = done.map((f) => decodeExact(f.extra)?.st);
  if (sts.length === 0 || sts.some((s) => s === undefined)) return;
  const now = book.styles.counts();
  const list = sts as NonNullable<ExactRecord["st"]>[];
  if (
    !list.every(
      (s) =>
        s.after.xfs === now.xfs &&
        s.after.fonts === now.fonts &&
        s.after.fills === now.fills &&
        s.after.borders === now.borders
    )
  )
    return;
  const first = list.reduce((a, b) => (b.before.xfs < a.before.xfs ? b : a));
  if (
    first.before.xfs === now.xfs &&
    first.before.fonts === now.fonts &&
    first.before.fills === now.fills &&
    first.before.borders === now.borders
  )
    return;
  for (const [i] of book.wb.sheets.entries()) {
    if (book.wb.finalIndex(i) < 0) continue;
    const part = book.sheetPart(i);
    if (part && usesFormatFrom(await book.current(part), first.before.xfs)) return;
  }
  const cut = book.styles.cutTo(first.before, first.count);
  if (cut !== null) book.setText(book.stylesPart, cut);
}

/**
 * Whether a sheet uses a cell format numbered `from` or more (a cell's, a row's or a column's). An
 * edited sheet is read piece by piece, never joined: edits splice whole elements, so no tag spans
 * two pieces.
 */
function usesFormatFrom(text: string | Pieces, from: number): boolean {
  const re = /<(?:\w+:)?(?:c|row)\b[^>]*?\ss="(\d+)"|<(?:\w+:)?col\b[^>]*?\sstyle="(\d+)"/g;
  for (const piece of typeof text === "string" ? [text] : text.list)
    for (let m = re.exec(piece); m; m = re.exec(piece))
      if (parseInt((m[1] ?? m[2]) as string, 10) >= from) return true;
  return false;
}
