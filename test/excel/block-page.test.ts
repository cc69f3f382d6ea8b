// The pane places the result block where the CLI does: the same officer's form (a commune's table
// ending near a page foot, with its own page setup) read by the CLI's writer and by the pane on an
// Excel that tells its pages (ExcelApi 1.9), the block under the table or on KQ only alike, the page
// read in the syncs the write already made. An Excel before 1.9 cannot say: the block goes to KQ only
// and the note says why.
import { checkWorkbook } from "../../src/core/checks/check";
import { NAME_RESULT_BLOCK } from "../../src/core/model/owned";
import type { SheetPage } from "../../src/core/model/snapshot";
import { planResults } from "../../src/core/plans/write-plan";
import { readSheet } from "../../src/excel/read";
import { writeResults, type CheckOptions } from "../../src/taskpane/actions";
import { pageFootForm, type PageFootForm } from "../fixtures/forms/page-foot";
import { open, TODAY } from "../helpers/writer-run";
import { fakeFromXlsx } from "./fake-from-xlsx";
import { installFake, uninstallFake } from "./install-fake";

afterEach(uninstallFake);
const SHEET = "Tự đánh giá";
const opts: CheckOptions = { frameworkId: "auto", columns: {}, lang: "vi", sheet: SHEET };

const VARIANTS: Record<string, Omit<PageFootForm, "pad">> = {
  s100: { scale: 100, orientation: "landscape" },
  s85: { scale: 85, margins: [0.7, 0.5, 0.75, 0.75], titles: true },
  fit: { fit: true, printArea: true, titles: true },
};
/** The sweep of test/e2e/block-pages.e2e.ts: tables ending near a page foot, then clear of one. */
const CASES: [string, number][] = [
  ...[0, 345, 360, 375, 390, 435, 450, 465, 480, 495, 30, 120, 240].map(
    (p) => ["s100", p] as [string, number]
  ),
  ...[15, 30, 45, 60, 75, 90, 105, 120, 135, 150, 195, 300, 450, 600].map(
    (p) => ["s85", p] as [string, number]
  ),
  ...[0, 150, 300, 420].map((p) => ["fit", p] as [string, number]),
];

const bytesOf = async (form: PageFootForm) => Buffer.from(await pageFootForm(form).wb.xlsx.writeBuffer());

async function cliPlaced(form: PageFootForm): Promise<{ block: boolean; page: SheetPage | undefined }> {
  const { pkg, snapshot } = await open(await bytesOf(form));
  pkg.close();
  const [only] = checkWorkbook(snapshot, { includeHidden: true }).checked;
  if (!only) throw new Error("no table");
  const plan = planResults(snapshot, only.sheet, only.check, { today: TODAY });
  return { block: plan.names.some((n) => n.name === NAME_RESULT_BLOCK), page: only.sheet.page };
}

async function pane(form: PageFootForm, api: string) {
  const fake = installFake(await fakeFromXlsx(await bytesOf(form)));
  fake.supported.ExcelApi = api;
  return fake;
}

/**
 * The page as the plans use it: the form's columns' widths, each row's height down to `rows`.
 * (A column the form leaves at Excel's default is 48 points in Office.js, 9 characters in the
 * product's measure, where the file says 8.43: the result columns get their own widths anyway.)
 */
function modelled(p: SheetPage | undefined, rows: number) {
  if (!p) return p;
  const width = (c: number) => p.widths.find(([a, b]) => c >= a && c <= b)?.[2] ?? p.defaultWidth;
  return {
    orientation: p.orientation,
    scale: p.scale,
    fitTo: p.fitTo,
    margins: p.margins && Object.values(p.margins).map((m) => Math.round(m * 1000) / 1000),
    paper: p.paper,
    area: p.area,
    titleRows: p.titleRows,
    breaks: p.breaks,
    widths: Array.from({ length: 8 }, (_, i) => Math.round(width(i + 1) * 100) / 100),
    heights: Array.from({ length: rows }, (_, i) => p.heights.get(i + 1) ?? p.defaultHeight),
  };
}

test.each(CASES)(
  "%s, table moved %i points down: the pane reads the page the CLI reads",
  async (variant, pad) => {
    const form = { pad, ...VARIANTS[variant] };
    const cli = await cliPlaced(form);
    const fake = await pane(form, "1.13");
    const read = await readSheet(SHEET);
    expect(read.pagesUnknown).toBeUndefined();
    const rows = (read.region?.bottom ?? 0) + 10;
    expect(modelled(read.snapshot.sheets[0]?.page, rows)).toEqual(modelled(cli.page, rows));

    const before = fake.syncCount;
    const written = await writeResults(opts);
    expect(written.changed).toBeUndefined();
    const block = written.checked.read.snapshot.definedNames.some((n) => n.name === NAME_RESULT_BLOCK);
    expect(block).toBe(cli.block);
    // KQ only: written beside, and the note says the block would have printed apart from the table.
    expect(written.note).toEqual(
      cli.block ? undefined : { summary: `KQ ${SHEET}`, blockless: true, blocklessWhy: "apart" }
    );
    // The page's reads ride with the write's own: 4 syncs under the table, KQ's 2 more beside.
    expect(fake.syncCount - before).toBe(cli.block ? 4 : 6);
  }
);

test("the sweep holds both answers: the block kept under the table, and sent to KQ", async () => {
  const answers = new Set<boolean>();
  for (const [variant, pad] of CASES) answers.add((await cliPlaced({ pad, ...VARIANTS[variant] })).block);
  expect([...answers].sort()).toEqual([false, true]);
});

test("an Excel before ExcelApi 1.9 cannot tell the pages: the block goes to KQ only, and the note says why", async () => {
  // A table clear of any page foot: the CLI keeps its block under it.
  const form = { pad: 120, ...VARIANTS.s100 };
  expect((await cliPlaced(form)).block).toBe(true);
  const fake = await pane(form, "1.8");
  const written = await writeResults(opts);
  expect(written.checked.read.snapshot.definedNames.some((n) => n.name === NAME_RESULT_BLOCK)).toBe(false);
  expect(written.note).toEqual({ summary: `KQ ${SHEET}`, blockless: true, blocklessWhy: "pages-unknown" });
  // Nothing of the page was asked of it (the fake refuses pageLayout before 1.9, as Excel does).
  expect(fake.sheets.map((s) => s.name)).toEqual([SHEET, `KQ ${SHEET}`]);
});
