import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { hoctap } from "../helpers/cli";
import { BAD_DIR, badInputs } from "../fixtures/bad-inputs";

// Every file of the committed corpus: exit 2 with one clear line, or a correct report. Never a crash.
const cases = badInputs();
const out = mkdtempSync(join(tmpdir(), "hoctap-bad-"));

beforeAll(async () => {
  for (const c of cases) {
    const path = join(BAD_DIR, c.file);
    if (process.env.UPDATE_BAD_INPUTS || !existsSync(path)) writeFileSync(path, await c.build());
  }
}, 120000);

const big = (file: string) => /^(100000|ho-gia-dinh)/.test(file);

test.each(cases.filter((c) => !big(c.file)).map((c) => [c.file, c] as const))("%s", async (file, c) => {
  const path = join(BAD_DIR, file);
  const run = await hoctap("check", path, "--json", "--out-dir", out);
  expect(run.code).toBe(c.expect.exit);
  const results = JSON.parse(run.stdout);
  if (c.expect.exit === 2) {
    expect(results).toEqual([
      { schemaVersion: 1, file: path, error: { code: c.expect.code, message: expect.any(String) } },
    ]);
    expect(run.stderr).toHaveLength(1);
    expect(run.stderr[0]).toMatch(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: [^\\n]+$`));
  } else {
    expect(results.map((r: { sheet: string }) => r.sheet)).toEqual(c.expect.sheets);
    expect(results.every((r: { recognition?: unknown }) => r.recognition)).toBe(true);
    // The written copy opens again and checks the same.
    const again = await hoctap("check", join(out, file), "--json");
    expect(JSON.parse(again.stdout).map((r: { recognition: unknown }) => r.recognition)).toEqual(
      results.map((r: { recognition: unknown }) => r.recognition)
    );
  }
});

test("a sheet name with quotes keeps every written name valid", async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(out, "ten-sheet-dac-biet.xlsx"));
  expect(wb.worksheets.map((w) => w.name)).toEqual([
    "Huyện An Lão's",
    "“Kiến Thụy” 'B' 2022",
    "KQ Huyện An Lão's",
    "KQ “Kiến Thụy” 'B' 2022",
  ]);
});

test("a 100,000-row sheet is checked in bounded memory, in a process of its own", () => {
  // The CLI's source, run through tsx: no build needed.
  const cli = join(__dirname, "..", "..", "src", "cli", "main.ts");
  const script = `require(${JSON.stringify(cli)}).main(["check", ${JSON.stringify(join(BAD_DIR, "100000-dong.xlsx"))}, "--json"], { out() {}, warn() {}, error() {}, note() {}, progress: () => ({ tick() {}, step() {}, done() {} }), paint: { red: (s) => s, yellow: (s) => s, green: (s) => s, bold: (s) => s } }).then((code) => process.stdout.write(JSON.stringify({ code, rss: process.resourceUsage().maxRSS })));`;
  // A hard heap ceiling: a leak or a quadratic copy would crash the run instead of passing slowly.
  const result = JSON.parse(
    execFileSync(process.execPath, ["--import", "tsx", "--max-old-space-size=1024", "-e", script], {
      encoding: "utf8",
    })
  ) as { code: number; rss: number };
  expect(result.code).toBe(1);
  expect(result.rss / 1024).toBeLessThan(1500);
}, 120000);

test("50,000 households under the table: the CLI reads 16 indicators and says what it is doing", async () => {
  const file = join(BAD_DIR, "ho-gia-dinh-50000.xlsx");
  const started = Date.now();
  const run = await hoctap("check", file, "--json");
  const ms = Date.now() - started;
  expect(run.code).toBe(0);
  const [report] = JSON.parse(run.stdout);
  expect(report.indicators).toHaveLength(16);
  expect(report.recognition.level).toBe(2);
  expect(report.table).toMatchObject({ headerRow: 7, lastRow: 32 });
  expect(run.steps.map((s) => s.split(" ")[1])).toEqual(["đọc", "kiểm"]);
  // Measured, not asserted (the machine is shared).
  process.stdout.write(`hoctap check ho-gia-dinh-50000.xlsx: ${ms} ms\n`);
}, 60000);

test("the corpus is what its builders make (bar the big files, built once)", async () => {
  for (const c of cases.filter((x) =>
    ["rong.xlsx", "cat-cut.xlsx", "excel-cu.xls", "csv-doi-ten.xlsx", "dat-mat-khau.xlsx"].includes(x.file)
  )) {
    expect(readFileSync(join(BAD_DIR, c.file)).equals(await c.build())).toBe(true);
  }
});
