// The text report's table of targets: the sheet's codes in a column of their own only where they
// say more than the target's name.
import { join } from "path";
import { checkFile } from "../../src/cli/check-task";
import { formatReport } from "../../src/cli/format";
import type { SheetReport } from "../../src/core/checks/check";

const EXAMPLES = join(__dirname, "..", "fixtures", "examples");

async function reportOf(file: string): Promise<SheetReport> {
  const outcome = await checkFile({ file: join(EXAMPLES, file), options: {} });
  if (!("reports" in outcome)) throw new Error(`${file} was not read`);
  return outcome.reports[0]!;
}

const tableOf = (text: string) => text.split("\n").slice(5, 8);

test("codes that repeat the name (1.1 beside 1.1, Chỉ báo 3 beside 3) get no column", async () => {
  expect(tableOf(formatReport("x.xlsx", await reportOf("xa-an-hoa.xlsx"), "vi"))).toEqual([
    "  Chỉ tiêu  Tự ĐG  Tính  Mức",
    "  1.1       2      —     2",
    "  1.2       2      —     2",
  ]);
  expect(tableOf(formatReport("x.xlsx", await reportOf("huyen-an-duong.xlsx"), "vi"))[1]).toBe(
    "  1         2      —     2"
  );
});

test("codes of the sheet's own (lettered targets, an office's numbering) keep their column", async () => {
  const report = await reportOf("xa-an-hoa.xlsx");
  const lettered = {
    ...report,
    indicators: report.indicators.map((i, n) => ({ ...i, code: n === 1 ? "b)" : i.code })),
  };
  expect(tableOf(formatReport("x.xlsx", lettered, "vi"))).toEqual([
    "  Chỉ tiêu  Mã              Tự ĐG  Tính  Mức",
    "  1.1       1.1             2      —     2",
    "  1.2       b)              2      —     2",
  ]);
  expect(tableOf(formatReport("x.xlsx", lettered, "en"))[0]).toBe(
    "  Chỉ tiêu  Code            Self   Comp  Level"
  );
});
