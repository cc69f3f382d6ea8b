// A stand-in for office.js served in place of Microsoft's CDN: Office.onReady reports the given host,
// and `Excel` is the project's fake of Excel (test/excel/fake-excel.ts), seeded with a workbook.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";

export interface StubOptions {
  host: "Excel" | "Word" | null;
  displayLanguage?: string;
  bodyBackgroundColor?: string;
  /** Sheets to seed the fake workbook with: name → rows (and merged areas, hidden). */
  sheets?: { name: string; rows: unknown[][]; merges?: string[]; hidden?: boolean }[];
  /** Requirement set version the fake host supports. */
  excelApi?: string;
}

let fakeSource: string | null = null;

/** The fake, compiled once for the browser. */
function fakeScript(): string {
  if (fakeSource === null) {
    const source = readFileSync(join(__dirname, "..", "excel", "fake-excel.ts"), "utf8");
    fakeSource = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
    }).outputText;
  }
  return fakeSource;
}

export function officeStub({
  host,
  displayLanguage = "vi-VN",
  bodyBackgroundColor = "#ffffff",
  sheets = [],
  excelApi = "1.4",
}: StubOptions): string {
  return `(function () {
    var exports = {};
    ${fakeScript()}
    var fake = new exports.FakeWorkbook();
    fake.supported.ExcelApi = ${JSON.stringify(excelApi)};
    ${JSON.stringify(sheets)}.forEach(function (s) {
      var sheet = fake.addSheet(s.name, s.rows);
      (s.merges || []).forEach(function (m) { sheet.merges.push(m); });
      if (s.hidden) sheet.visibility = "Hidden";
    });
    window.__fake = fake;
    window.Excel = { run: fake.run };
    window.Office = {
      HostType: { Excel: "Excel", Word: "Word" },
      context: {
        displayLanguage: ${JSON.stringify(displayLanguage)},
        officeTheme: { bodyBackgroundColor: ${JSON.stringify(bodyBackgroundColor)} },
        requirements: { isSetSupported: function (n, v) { return fake.isSetSupported(n, v); } },
      },
      onReady: function (cb) {
        var info = { host: ${JSON.stringify(host)}, platform: ${host ? '"OfficeOnline"' : "null"} };
        return Promise.resolve(info).then(function (i) { if (cb) cb(i); return i; });
      },
    };
  })();`;
}
