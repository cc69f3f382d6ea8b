// Two readers that are not ours open every kind of package the CLI writes, from the examples and
// from the files other programs saved (openpyxl, xlsxwriter, LibreOffice; test/fixtures/producers):
// `check --out`, `clean`, `summary --out` into a unit's result and to a new file, `template`.
// xmllint says every XML part is well-formed with every prefix bound; openpyxl (Debian's
// /usr/bin/python3) loads each one, in read-only mode too (it trusts `<dimension>`, so the owned
// columns must lie inside it); LibreOffice, with a profile of its own, converts each to CSV and the
// product's words are there. Each reader is required: a missing one fails the test, never skips it.
import { execFileSync, spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { unzipSync } from "fflate";
import { hoctap } from "../helpers/cli";
import { convert, soffice } from "./render";

const FIXTURES = join(__dirname, "..", "fixtures");
const inputs = [
  ...readdirSync(join(FIXTURES, "examples")).map((f) => join(FIXTURES, "examples", f)),
  ...readdirSync(join(FIXTURES, "producers"))
    .filter((f) => f.endsWith(".xlsx"))
    .map((f) => join(FIXTURES, "producers", f)),
];
const dir = mkdtempSync(join(tmpdir(), "hoctap-readers-"));
const PYTHON = "/usr/bin/python3";

/** Every output, by kind. */
const outputs: { file: string; kind: string; words: string; absent?: string }[] = [];

beforeAll(async () => {
  if (!soffice)
    throw new Error("LibreOffice is missing: apt-get install -y libreoffice-calc-nogui (.ci/run does)");
  execFileSync("xmllint", ["--version"], { stdio: "pipe" });
  execFileSync(PYTHON, ["-c", "import openpyxl"], { stdio: "pipe" });
  for (const input of inputs) {
    const name = basename(input, ".xlsx");
    const out = join(dir, `${name}.ket-qua.xlsx`);
    expect((await hoctap("check", input, "--out", out)).code).toBeLessThan(2);
    outputs.push({ file: out, kind: "check --out", words: "Mức tính toán" });
    const clean = join(dir, `${name}.sach.xlsx`);
    expect((await hoctap("clean", out, "--out", clean)).code).toBe(0);
    outputs.push({ file: clean, kind: "clean", words: "", absent: "Mức tính toán" });
    const into = join(dir, `${name}.tong-hop.xlsx`);
    writeFileSync(into, readFileSync(out));
    expect((await hoctap("summary", input, "--out", into)).code).toBeLessThan(2);
    outputs.push({ file: into, kind: "summary --out (into a result)", words: "TỔNG HỢP" });
  }
  const all = join(dir, "tong-hop-moi.xlsx");
  expect((await hoctap("summary", ...inputs, "--out", all)).code).toBeLessThan(2);
  outputs.push({ file: all, kind: "summary --out (new)", words: "TỔNG HỢP" });
  const template = join(dir, "mau.xlsx");
  expect((await hoctap("template", "--framework", "tt25-2023-xa", "--out", template)).code).toBe(0);
  outputs.push({ file: template, kind: "template", words: "Tiêu chí" });
}, 600000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("xmllint: every XML part of every output well-formed, every prefix bound", () => {
  const failures: string[] = [];
  for (const { file } of outputs) {
    const parts = join(dir, "parts", basename(file));
    const paths: string[] = [];
    for (const [name, data] of Object.entries(unzipSync(readFileSync(file)))) {
      if (!/\.(xml|rels)$/.test(name)) continue;
      const path = join(parts, name.replace(/[[\]]/g, "_"));
      mkdirSync(join(path, ".."), { recursive: true });
      writeFileSync(path, data);
      paths.push(path);
    }
    // A namespace error is only a warning to xmllint (exit 0): anything it says is a failure.
    const run = spawnSync("xmllint", ["--noout", ...paths], { encoding: "utf8" });
    if (run.status !== 0 || run.stderr.trim() !== "") failures.push(`${basename(file)}: ${run.stderr}`);
  }
  expect(failures).toEqual([]);
  expect(outputs.length).toBeGreaterThanOrEqual(3 * inputs.length + 2);
}, 300000);

test("openpyxl loads every output, and in read-only mode sees the owned columns", () => {
  const script = `
import json, sys, openpyxl
out = {}
for f in sys.argv[1:]:
    try:
        wb = openpyxl.load_workbook(f)
        ro = openpyxl.load_workbook(f, read_only=True)
        ws = ro.worksheets[0]
        words = [str(c) for row in ws.iter_rows(values_only=True) for c in row if c is not None]
        out[f] = {"sheets": wb.sheetnames, "words": words}
    except Exception as e:
        out[f] = {"error": "%s: %s" % (type(e).__name__, e)}
print(json.dumps(out, ensure_ascii=False))
`;
  const result = JSON.parse(
    execFileSync(PYTHON, ["-c", script, ...outputs.map((o) => o.file)], {
      encoding: "utf8",
      maxBuffer: 256 * 1024 * 1024,
      timeout: 300000,
    })
  ) as Record<string, { error?: string; sheets?: string[]; words?: string[] }>;
  const errors = Object.entries(result).flatMap(([f, r]) => (r.error ? [`${basename(f)}: ${r.error}`] : []));
  expect(errors).toEqual([]);
  for (const o of outputs.filter((x) => x.kind === "check --out"))
    expect({ file: basename(o.file), sees: result[o.file]?.words?.includes(o.words) }).toEqual({
      file: basename(o.file),
      sees: true,
    });
}, 300000);

test("LibreOffice opens every output and shows what was written", () => {
  const csv = join(dir, "csv");
  const profile = join(dir, "profile");
  convert(
    outputs.map((o) => o.file),
    "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
    csv,
    profile
  );
  const made = existsSync(csv) ? readdirSync(csv) : [];
  for (const o of outputs) {
    const name = basename(o.file, ".xlsx");
    const sheets = made.filter((f) => f.startsWith(`${name}-`) && f.endsWith(".csv"));
    const text = sheets.map((f) => readFileSync(join(csv, f), "utf8")).join("\n");
    const absent = o.absent === undefined || !text.includes(o.absent);
    expect({ file: name, opened: sheets.length > 0, shows: text.includes(o.words), absent }).toEqual({
      file: name,
      opened: true,
      shows: true,
      absent: true,
    });
  }
}, 600000);
