import { applyPlan, readSheet } from "../../src/excel/connector";
import { asWritten, MAX_CELL_TEXT, writtenRows } from "../../src/excel/text-cells";
import { installFake, uninstallFake } from "./install-fake";

afterEach(uninstallFake);

test("every string goes with Excel's text mark; numbers and blanks as they are; too long is cut", () => {
  expect([asWritten("=1+1"), asWritten("Mức 2"), asWritten(2), asWritten(""), asWritten(null)]).toEqual([
    "'=1+1",
    "'Mức 2",
    2,
    "",
    null,
  ]);
  const long = asWritten("x".repeat(MAX_CELL_TEXT + 10)) as string;
  expect(long.length).toBe(MAX_CELL_TEXT + 1); // the apostrophe is not part of the stored text
  expect(long.endsWith("…")).toBe(true);
  expect(writtenRows([["a"], [1, null]], 2, null)).toEqual([
    ["'a", null],
    [1, null],
  ]);
});

test("the officer's sheet gets text as text: a plan value that looks like a formula is stored as that text", async () => {
  const fake = installFake();
  fake.addSheet("S", [["x"]]);
  const read = await readSheet("S");
  await applyPlan(
    {
      sheet: "S",
      clear: [],
      blocks: [{ top: 3, left: 1, values: [['=HYPERLINK("http://x")'], ["+84"], ["2024"], [7]] }],
      names: [],
      removeNames: [],
    },
    read
  );
  const cells = [3, 4, 5, 6].map((r) => fake.sheet("S").cells.get(`${r}:1`));
  expect(cells.map((c) => [c?.value, c?.formula])).toEqual([
    ['=HYPERLINK("http://x")', undefined],
    ["+84", undefined],
    ["2024", undefined],
    [7, undefined],
  ]);
});
