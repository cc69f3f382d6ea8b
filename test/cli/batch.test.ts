// Many files: read and checked in a pool of worker threads, reported exactly as one at a time, in
// the order given; and no command loads ExcelJS.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { hoctap } from "../helpers/cli";
import { poolSize } from "../../src/cli/pool";

const FIXTURES = join(__dirname, "..", "fixtures");
const dir = mkdtempSync(join(tmpdir(), "hoctap-batch-"));
const sources = [
  ...readdirSync(join(FIXTURES, "examples")).map((f) => join(FIXTURES, "examples", f)),
  ...["rong.xlsx", "cat-cut.xlsx", "excel-cu.xls", "chi-sheet-an.xlsx", "gop-het.xlsx"].map((f) =>
    join(FIXTURES, "bad", f)
  ),
];
// Good and bad files interleaved, more than the pool's threshold.
const files = Array.from({ length: 30 }, (_, i) => {
  const from = sources[i % sources.length] as string;
  const to = join(dir, `${String(i).padStart(2, "0")}-${from.split("/").pop()}`);
  copyFileSync(from, to);
  return to;
});

async function withWorkers<T>(n: string, run: () => Promise<T>): Promise<T> {
  const before = process.env.HOCTAP_WORKERS;
  process.env.HOCTAP_WORKERS = n;
  try {
    return await run();
  } finally {
    if (before === undefined) delete process.env.HOCTAP_WORKERS;
    else process.env.HOCTAP_WORKERS = before;
  }
}

test("workers only when the work and the free cores pay for them, unless told", () => {
  const before = process.env.HOCTAP_WORKERS;
  delete process.env.HOCTAP_WORKERS;
  try {
    const idle8 = { cores: 8, load: 0 };
    // A department's 660 small workbooks is about a second of work: one thread does it.
    expect(poolSize(660, 660 * 8000, idle8)).toBe(0);
    expect(poolSize(3, 30_000, idle8)).toBe(0);
    // 3,300 of them: three threads on an idle machine; on two cores, two; on a busy one, none.
    expect(poolSize(3300, 3300 * 8000, idle8)).toBe(3);
    expect(poolSize(3300, 3300 * 8000, { cores: 2, load: 0.2 })).toBe(2);
    expect(poolSize(3300, 3300 * 8000, { cores: 2, load: 2.5 })).toBe(0);
    expect(poolSize(3300, 3300 * 8000, { cores: 8, load: 6.2 })).toBe(2);
    // A few very large sheets are work enough too; never more threads than files or than 8.
    expect(poolSize(4, 4 * 40_000_000, { cores: 16, load: 0 })).toBe(4);
    expect(poolSize(100_000, 1e9, { cores: 64, load: 0 })).toBe(8);
    process.env.HOCTAP_WORKERS = "2";
    expect(poolSize(3, 10, { cores: 1, load: 9 })).toBe(2);
    process.env.HOCTAP_WORKERS = "0";
    expect(poolSize(3300, 3300 * 8000, idle8)).toBe(0);
  } finally {
    if (before === undefined) delete process.env.HOCTAP_WORKERS;
    else process.env.HOCTAP_WORKERS = before;
  }
});

test.each([["check", "--json"], ["check", "--lang", "en"], ["summary", "--json"], ["summary"]])(
  "%s %s: in two workers, the same output as one at a time, in the files' order",
  async (command, ...flags) => {
    const serial = await withWorkers("0", () => hoctap(command, ...files, ...flags));
    const pooled = await withWorkers("2", () => hoctap(command, ...files, ...flags));
    expect(pooled).toEqual(serial);
    expect(serial.stdout.length).toBeGreaterThan(1000);
    if (command === "check" && flags[0] === "--json") {
      const order = JSON.parse(serial.stdout).map((r: { file: string }) => r.file);
      expect([...new Set(order)]).toEqual(files.filter((f) => !f.includes("gop-het") || order.includes(f)));
      expect(serial.code).toBe(2);
    }
  },
  60000
);

test("no command loads ExcelJS, nor zod: the lean reader reads, the surgical writer writes", () => {
  const cli = join(__dirname, "..", "..", "src", "cli", "main.ts");
  const loaded = (...args: string[]) =>
    execFileSync(
      process.execPath,
      [
        "--import",
        "tsx",
        "-e",
        `require(${JSON.stringify(cli)}).main(${JSON.stringify(args)}, { out() {}, warn() {}, error() {}, note() {}, progress: () => ({ tick() {}, step() {}, done() {} }), paint: { red: (s) => s, yellow: (s) => s, green: (s) => s, bold: (s) => s } }).then(() => { const m = Object.keys(require.cache); process.stdout.write(JSON.stringify([m.some((k) => k.includes("node_modules/exceljs")), m.some((k) => k.includes("node_modules/zod")) || m.some((k) => /node_modules\\/(xlsx|read-excel-file)\\//.test(k))])); });`,
      ],
      { encoding: "utf8", env: { ...process.env, HOCTAP_WORKERS: "0" } }
    );
  const example = files[0] as string;
  // [ExcelJS, zod or a bench peer]: no schema library at start either (built-in sets are validated by
  // the tests); SheetJS and read-excel-file are the bench's, never the product's.
  expect(loaded("check", example, "--json")).toBe("[false,false]");
  expect(loaded("summary", example)).toBe("[false,false]");
  expect(loaded("frameworks")).toBe("[false,false]");
  expect(loaded("check", example, "--out", join(dir, "out.xlsx"))).toBe("[false,false]");
  expect(loaded("clean", join(dir, "out.xlsx"), "--out", join(dir, "clean.xlsx"))).toBe("[false,false]");
  expect(loaded("summary", example, "--out", join(dir, "sum.xlsx"))).toBe("[false,false]");
  expect(loaded("template", "--set", "hp-2022-city", "--out", join(dir, "mau.xlsx"))).toBe("[false,false]");
}, 60000);
