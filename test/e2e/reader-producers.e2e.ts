// The lean reader proved equal to the ExcelJS adapter on workbooks another program wrote:
// LibreOffice saves the project's workbooks (and random ones) again as .xlsx, its own way (its
// styles, its shared strings, explicit number types, 1904 flags, names with their scope).
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import type { WorkbookSnapshot } from "../../src/core/model/snapshot";
import { WorkbookFileError } from "../../src/reader/file-error";
import { readSnapshot } from "../../src/reader/read";
import { openWorkbook, workbookSnapshot } from "../helpers/exceljs/read";
import { randomBook, writeBook } from "../fixtures/random-workbooks";
import { snapshotDifferences } from "../helpers/same-snapshot";

const FIXTURES = join(__dirname, "..", "fixtures");
const dir = mkdtempSync(join(tmpdir(), "hoctap-producers-"));
const soffice = ["/usr/bin/soffice", "/usr/bin/libreoffice"].find(existsSync);

async function outcome(read: () => Promise<WorkbookSnapshot>): Promise<WorkbookSnapshot | string> {
  try {
    return await read();
  } catch (e) {
    if (e instanceof WorkbookFileError) return e.code;
    throw e;
  }
}

test("workbooks saved again by LibreOffice read the same through both readers", async () => {
  if (!soffice)
    throw new Error("LibreOffice is missing: apt-get install -y libreoffice-calc-nogui (.ci/run does)");
  const inputs = join(dir, "in");
  execFileSync("mkdir", ["-p", inputs]);
  for (const d of ["examples", "bad"])
    for (const f of readdirSync(join(FIXTURES, d)).filter((x) => /^(huyen|thanh|chi|ten|gop)/.test(x)))
      copyFileSync(join(FIXTURES, d, f), join(inputs, f));
  // LibreOffice writes the 1904 flag as "true", which ExcelJS does not read (the test below).
  const books = fc.sample(randomBook({ entities: true }), { numRuns: 6, seed: 2026 });
  for (const [i, b] of books.entries())
    writeFileSync(join(inputs, `random-${i}.xlsx`), await writeBook({ ...b, date1904: false }));
  const out = join(dir, "out");
  const files = readdirSync(inputs).map((f) => join(inputs, f));
  execFileSync(
    soffice,
    ["--headless", "--calc", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out, ...files],
    {
      stdio: "ignore",
      timeout: 120000,
    }
  );
  const converted = readdirSync(out).map((f) => join(out, f));
  expect(converted).toHaveLength(files.length);
  for (const f of converted) {
    const lean = await outcome(() => readSnapshot(f));
    const excel = await outcome(async () => workbookSnapshot((await openWorkbook(f)).workbook));
    if (typeof lean === "string" || typeof excel === "string")
      expect({ f, lean }).toEqual({ f, lean: excel });
    else expect({ f, differences: snapshotDifferences(lean, excel) }).toEqual({ f, differences: [] });
  }
}, 180000);

test("a 1904 workbook saved by LibreOffice keeps its dates in the lean reader (ExcelJS moves them 4 years)", async () => {
  if (!soffice) throw new Error("LibreOffice is missing");
  const book = {
    date1904: true,
    names: [],
    sheets: [
      {
        name: "S",
        state: "visible" as const,
        merges: [],
        printArea: false,
        cells: [{ row: 1, col: 1, value: new Date(Date.UTC(2024, 4, 17)), numFmt: "dd/mm/yyyy" }],
      },
    ],
  };
  const original = join(dir, "nam-1904.xlsx");
  writeFileSync(original, await writeBook(book));
  const out = join(dir, "out-1904");
  execFileSync(
    soffice,
    ["--headless", "--calc", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out, original],
    {
      stdio: "ignore",
      timeout: 120000,
    }
  );
  const copy = join(out, "nam-1904.xlsx");
  const date = (wb: WorkbookSnapshot) => wb.sheets[0]?.rows.get(1)?.get(1)?.value;
  expect(date(await readSnapshot(original))).toEqual(new Date(Date.UTC(2024, 4, 17)));
  expect(date(await readSnapshot(copy))).toEqual(new Date(Date.UTC(2024, 4, 17)));
  expect(date(workbookSnapshot((await openWorkbook(copy)).workbook))).toEqual(
    new Date(Date.UTC(2020, 4, 16))
  );
}, 120000);
