// The product's `KQ` sheet of a checked sheet, found again after the officer renamed the checked
// sheet (its record names the sheet it was made for by the sheet's id, which a rename keeps; a `KQ`
// the CLI made, by the hash of the checked sheet's former name), and whether an officer's formula or
// name uses it: then it is theirs to keep, since removing it would leave `#REF!` in their cells.
import { a1, parseRange, rangeA1 } from "../core/model/a1";
import { textHash, writtenOn, type Fingerprint } from "../core/model/fingerprint";
import { ownership } from "../core/model/owned";
import { refersTo } from "../core/model/sheet-refs";
import { cleanSheetName } from "../core/plans/sheet-plan";
import { failure, run, supported } from "./office-run";
import type { ReadResult } from "./read";

const same = (a: string, b: string) => a.toLocaleLowerCase("vi") === b.toLocaleLowerCase("vi");

/** The product's own (not an officer's copy: its record was written under its own name). */
const ours = (p: { name: string; record: Fingerprint | null }) => !p.record || writtenOn(p.record, p.name);

/**
 * The product's `KQ` sheets made for the checked sheet: the one of its name now (`KQ <sheet>`, or a
 * numbered one its record names), and those made under a name it had before (a rename).
 */
export function resultSheets(read: ReadResult): { current: string[]; former: string[] } {
  const wanted = cleanSheetName(`KQ ${read.sheet}`);
  const source = read.sheetId;
  const record = ownership(read.snapshot, read.sheet).record;
  // The CLI's KQ names its sheet by the hash of the name the checked sheet had when it wrote there.
  const renamedFrom = record && record.sheet !== textHash(read.sheet) ? record.sheet : null;
  const current: string[] = [];
  const former: string[] = [];
  for (const p of read.productRecords.filter(ours)) {
    const mine = p.record?.source !== undefined && p.record.source === source;
    const kq = /^KQ (.+?)(?: \(\d+\))?$/.exec(p.name)?.[1];
    if (same(p.name, wanted) && (mine || p.record?.source === undefined)) current.push(p.name);
    else if (mine || (renamedFrom !== null && kq !== undefined && textHash(kq) === renamedFrom))
      former.push(p.name);
  }
  return { current, former };
}

/** Where the officer uses a product sheet: a cell's formula, or a name; `unknown` where Excel cannot say. */
export type UsedBy = { cell: string; on: string } | { name: string } | { unknown: true };

/**
 * The first of the officer's names or formulas that refers to `sheet`. Formulas anywhere in the
 * workbook are found by Excel itself (Range.getDirectDependents, ExcelApi 1.13, one sync; it throws
 * ItemNotFound when there are none); an older Excel cannot say, and the sheet is then kept.
 */
export async function usedBy(read: ReadResult, sheet: string): Promise<UsedBy | null> {
  const named = read.officerNames.find((n) => refersTo(n.formula, sheet));
  if (named) return { name: named.name };
  if (!supported("1.13")) return formulasUsing(sheet);
  try {
    return await run(async (context) => {
      const dependents = context.workbook.worksheets.getItem(sheet).getUsedRange().getDirectDependents();
      dependents.load("addresses");
      await context.sync();
      const first = dependents.addresses
        .flatMap((a) => a.split(","))
        .map((a) => parseRange(a.trim()))
        .find((a) => a?.sheet !== undefined && !same(a.sheet, sheet));
      return first ? { cell: rangeA1(first.range), on: first.sheet as string } : null;
    });
  } catch (e) {
    // None found is Excel's ItemNotFound; anything else leaves the question open: the sheet stays.
    return failure(e).kind === "missing-sheet" ? null : { unknown: true };
  }
}

/**
 * How many cells of the officer's other sheets an older Excel may send back in one response for
 * their formulas to be read: a few forms and reports, not a 50,000-household list.
 */
export const FORMULA_CELLS = 100_000;

/**
 * Before ExcelApi 1.13 Excel cannot list a range's dependents: the formulas of the other sheets are
 * read instead (Range.formulas and cellCount, ExcelApi 1.1; three syncs), when their used cells are few
 * enough for one response; otherwise the question stays open and the sheet is kept.
 */
async function formulasUsing(sheet: string): Promise<UsedBy | null> {
  return run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    const others = sheets.items
      .filter((ws) => !same(ws.name, sheet))
      .map((ws) => ({ on: ws.name, used: ws.getUsedRangeOrNullObject(true).load("address,cellCount") }));
    await context.sync();
    const used = others.filter((o) => !o.used.isNullObject);
    if (used.reduce((n, o) => n + o.used.cellCount, 0) > FORMULA_CELLS) return { unknown: true };
    for (const o of used) o.used.load("formulas");
    await context.sync();
    for (const { on, used: range } of used) {
      const at = parseRange(range.address)?.range;
      if (!at) return { unknown: true };
      for (const [i, row] of range.formulas.entries())
        for (const [j, f] of row.entries())
          if (typeof f === "string" && f.startsWith("=") && refersTo(f, sheet))
            return { cell: a1(at.top + i, at.left + j), on };
    }
    return null;
  });
}

/** Removes the product's sheets named (their names and record go with them), in one sync. */
export function removeSheets(names: string[]): Promise<void> {
  if (!names.length) return Promise.resolve();
  return run(async (context) => {
    for (const n of names) context.workbook.worksheets.getItem(n).delete();
    await context.sync();
  });
}
