// A sweep over everything an officer reads: no built-in set's id, no rule code and no command-line
// option in the pane's words, in any sheet the tool writes (KQ, Thẩm định, Tổng hợp, Danh sách công
// nhận, templates) for every fixture, nor an id or a rule code in the CLI's text report (the CLI's
// own options stay there: they are what its reader types). Those belong to --json and --chi-tiet.
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { RULES } from "../../src/core/model/issues";
import { BUILTIN_LIST } from "../../src/core/sets/builtin-list";
import { strings } from "../../src/taskpane/strings";
import { councilStrings } from "../../src/taskpane/council-strings";
import { departmentStrings } from "../../src/taskpane/department-strings";
import { forPane } from "../../src/taskpane/words";
import { hoctap } from "../helpers/cli";
import { sheet, template } from "../helpers/grid";
import { snapshotXlsx } from "../helpers/snapshot-xlsx";

jest.setTimeout(600_000);

const FIXTURES = join(__dirname, "..", "fixtures");
const SAMPLES = join(__dirname, "..", "..", "..", "shared", "samples");
const xlsxIn = (folder: string) =>
  existsSync(folder)
    ? readdirSync(folder)
        .filter((f) => f.endsWith(".xlsx"))
        .map((f) => join(folder, f))
    : [];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const IDS = BUILTIN_LIST.map((f) => f.id);
const ID_OR_RULE = new RegExp(`(?<![\\w-])(?:${[...IDS, ...RULES].map(escape).join("|")})(?![\\w-])`);
const OPTION = /(?<![\w-])--[a-z][a-z-]*/;
const TOOL = /\bhoctap\b|\bCLI\b|dòng lệnh|command line/i;

/** The lines of `text` that carry `pattern`, each with where it was read. */
const leaks = (where: string, text: string, ...patterns: RegExp[]) =>
  text
    .split("\n")
    .filter((line) => patterns.some((p) => p.test(line)))
    .map((line) => `${where}: ${line.trim().slice(0, 200)}`);

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, "&");

/**
 * What Excel shows of a workbook, one text a line: sheet tabs, every cell's text (shared and inline),
 * headers and footers, data-validation prompts, comments, drawings' and charts' text.
 */
export function shownTexts(xlsx: Uint8Array): string[] {
  const parts = unzipSync(xlsx);
  const out: string[] = [];
  const all = (xml: string, re: RegExp) => [...xml.matchAll(re)].map((m) => unescapeXml(m[1] ?? ""));
  for (const [name, bytes] of Object.entries(parts)) {
    const xml = strFromU8(bytes);
    if (name === "xl/workbook.xml") out.push(...all(xml, /<(?:\w+:)?sheet\b[^>]*\bname="([^"]*)"/g));
    else if (/^xl\/(sharedStrings|comments\d*|drawings\/drawing\d+|charts\/chart\d+)\.xml$/.test(name))
      out.push(...all(xml, /<(?:\w+:)?t(?:\s[^>]*)?>([^<]*)</g));
    else if (/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) {
      out.push(...all(xml, /<(?:\w+:)?t(?:\s[^>]*)?>([^<]*)</g));
      out.push(...all(xml, /<(?:\w+:)?(?:odd|even|first)(?:Header|Footer)>([^<]*)</g));
      out.push(...all(xml, /\b(?:prompt|error|promptTitle|errorTitle)="([^"]*)"/g));
    }
  }
  return out.flatMap((t) => t.split("\n"));
}

const dir = mkdtempSync(join(tmpdir(), "loi-cua-can-bo-"));
const hostile = join(dir, "hostile");
mkdirSync(hostile);
// A sheet without its evidence column (the message offers a column to choose), a workbook without a
// table and a PDF sent as .xlsx: the messages that give the CLI's options where the CLI is used.
writeFileSync(
  join(hostile, "thieu-cot.xlsx"),
  snapshotXlsx([
    sheet(
      "Tự đánh giá",
      template({
        header: [
          "TT",
          "Tiêu chuẩn, tiêu chí, chỉ báo",
          "Kết quả thực hiện (số liệu)",
          "Ghi chép",
          "Tự đánh giá",
        ],
      }).rows
    ),
  ])
);
writeFileSync(join(hostile, "khong-bang.xlsx"), snapshotXlsx([sheet("Danh sách lớp", [["Lớp 6A"], ["x"]])]));
writeFileSync(join(hostile, "bao-cao.xlsx"), "%PDF-1.4\n%%EOF\n");

const inputs = [
  ...xlsxIn(join(FIXTURES, "examples")),
  ...xlsxIn(join(FIXTURES, "council")),
  ...xlsxIn(SAMPLES),
  ...xlsxIn(hostile),
];

test("the sweep has every fixture to read", () => {
  expect(xlsxIn(join(FIXTURES, "examples")).length).toBeGreaterThanOrEqual(5);
  expect(xlsxIn(join(FIXTURES, "council")).length).toBeGreaterThanOrEqual(5);
});

describe("the CLI's text report over every fixture: no set id, no rule code", () => {
  test.each(inputs.map((f) => [relative(join(FIXTURES, ".."), f), f]))("%s", async (_, file) => {
    const found: string[] = [];
    for (const flags of [[], ["--lang", "en"]]) {
      const run = await hoctap("check", file, ...flags);
      found.push(...leaks("check", [run.stdout, ...run.stderr, ...run.notes].join("\n"), ID_OR_RULE));
    }
    expect(found).toEqual([]);
  });

  test("summary and its list of recognised units", async () => {
    const found: string[] = [];
    for (const flags of [[], ["--danh-sach"], ["--danh-sach", "--lang", "en"]]) {
      const run = await hoctap("summary", ...inputs, ...flags);
      found.push(...leaks("summary", [run.stdout, ...run.stderr, ...run.notes].join("\n"), ID_OR_RULE));
    }
    expect(found).toEqual([]);
  });
});

describe("every sheet the tool writes: no set id, rule code or option", () => {
  const sweep = (path: string) =>
    leaks(relative(dir, path), shownTexts(readFileSync(path)).join("\n"), ID_OR_RULE, OPTION, TOOL);
  const written = (folder: string): string[] =>
    readdirSync(folder, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? written(join(folder, e.name)) : e.name.endsWith(".xlsx") ? [join(folder, e.name)] : []
    );

  test.each([
    ["KQ", []],
    ["KQ in English", ["--lang", "en"]],
    ["the council's columns and Thẩm định", ["--tham-dinh"]],
  ])("check --out-dir: %s", async (name, flags) => {
    const out = join(dir, `check ${name}`);
    // Each file on its own: one that cannot be read does not stop the others being written.
    for (const file of inputs) {
      const copy = join(out, relative(join(FIXTURES, "..", ".."), file).replace(/^(\.\.\/)+/, ""));
      mkdirSync(dirname(copy), { recursive: true });
      await hoctap("check", file, "--out", copy, ...flags);
    }
    const files = written(out);
    expect(files.length).toBeGreaterThanOrEqual(12);
    expect(files.flatMap(sweep)).toEqual([]);
  });

  test.each([[[]], [["--lang", "en"]]])("summary --out --danh-sach %j", async (flags) => {
    const out = join(dir, `tong-hop ${flags.join("")}.xlsx`);
    const run = await hoctap("summary", ...inputs, "--danh-sach", "--out", out, ...flags);
    expect(run.code).toBe(0);
    expect(sweep(out)).toEqual([]);
  });

  test("every built-in set's template and an own set's", async () => {
    const sets = [...IDS, join(FIXTURES, "examples", "xa-tan-lap-bo-tieu-chi-rieng.xlsx")];
    const found: string[] = [];
    for (const [i, set] of sets.entries())
      for (const lang of ["vi", "en"]) {
        const out = join(dir, `mau-${i}-${lang}.xlsx`);
        const run = await hoctap("template", "--framework", set, "--out", out, "--lang", lang);
        expect(run.code).toBe(0);
        found.push(...sweep(out), ...leaks("template", run.stdout, ID_OR_RULE));
        // The set exported to start one's own: said by its title.
        const exported = join(dir, `bo-${i}-${lang}.json`);
        const done = await hoctap("frameworks", "--export", set, "--out", exported, "--lang", lang);
        expect(done.code).toBe(0);
        found.push(...leaks("frameworks --export", done.stdout, ID_OR_RULE));
      }
    expect(found).toEqual([]);
  });

  test("the sweep reads what Excel shows (and so would see a leak)", () => {
    const copy = join(dir, "planted.xlsx");
    copyFileSync(join(FIXTURES, "examples", "xa-an-hoa.xlsx"), copy);
    const planted = snapshotXlsx([
      sheet("KQ", [["Bộ tiêu chí: tt25-2023-xa"], ["[missing-evidence]"], ["dùng --map"]]),
    ]);
    writeFileSync(copy, planted);
    expect(sweep(copy)).toHaveLength(3);
  });
});

describe("the pane's words", () => {
  const tables = (["vi", "en"] as const).flatMap((lang) => [
    [`strings ${lang}`, strings[lang]],
    [`council ${lang}`, councilStrings(lang)],
    [`department ${lang}`, departmentStrings(lang)],
  ]) as [string, Record<string, string>][];

  test.each(tables)("%s: no set id, rule code, option or the CLI", (_, table) => {
    const found = Object.entries(table).flatMap(([key, text]) => leaks(key, text, ID_OR_RULE, OPTION, TOOL));
    expect(found).toEqual([]);
  });

  test("every issue the pane would list, for every fixture, as the pane words it", async () => {
    const found: string[] = [];
    for (const file of inputs)
      for (const lang of ["vi", "en"] as const) {
        const run = await hoctap("check", file, "--json", "--lang", lang);
        if (run.code === 2 && !run.stdout.startsWith("[")) continue;
        const reports = JSON.parse(run.stdout) as { issues?: { message: string }[] }[];
        for (const r of reports)
          for (const i of r.issues ?? [])
            found.push(
              ...leaks(relative(FIXTURES, file), forPane(i.message, lang), ID_OR_RULE, OPTION, TOOL)
            );
      }
    expect(found).toEqual([]);
  });
});
