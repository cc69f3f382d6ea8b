import { existsSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { exampleWorkbooks } from "../fixtures/workbooks";

// The demo's workbooks are committed, and made by the project: this test proves they are exactly
// what the builders make (UPDATE_EXAMPLES=1 writes them afresh).
const DIR = join(__dirname, "..", "fixtures", "examples");

async function cellsOf(wb: ExcelJS.Workbook): Promise<string> {
  const out: string[] = [];
  wb.eachSheet((ws) =>
    ws.eachRow((row, r) =>
      row.eachCell((c, col) =>
        out.push(`${ws.name}!${r}:${col}=${JSON.stringify(c.value)}|${c.numFmt ?? ""}`)
      )
    )
  );
  return out.join("\n");
}

test.each(exampleWorkbooks().map((e) => [e.file, e.build] as const))(
  "%s matches its builder",
  async (file, build) => {
    const path = join(DIR, file);
    if (process.env.UPDATE_EXAMPLES || !existsSync(path)) await build().xlsx.writeFile(path);
    const committed = new ExcelJS.Workbook();
    await committed.xlsx.readFile(path);
    const fresh = new ExcelJS.Workbook();
    await fresh.xlsx.load(await build().xlsx.writeBuffer());
    expect(await cellsOf(committed)).toBe(await cellsOf(fresh));
  }
);
