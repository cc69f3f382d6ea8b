// A workbook checked in the pane, saved, then cleaned by the CLI: the officer's looks come back as the
// pane's own Xoá kết quả gives them back, from the pane's record (the fingerprint's `L`): the fake
// Excel writes, the workbook is saved as Excel saves it (fake-xlsx.ts), `clean` runs on the file as
// the CLI runs it, and its cells are read back in the fake's terms.
import { unzipSync } from "fflate";
import { checkSheet } from "../../src/core/checks/check";
import { parseFingerprint } from "../../src/core/model/fingerprint";
import { planClean, planResults } from "../../src/core/plans/write-plan";
import { applyPlan, readSheet } from "../../src/excel/connector";
import { template } from "../helpers/grid";
import { cleaned } from "../helpers/writer-run";
import { packageProblems } from "../helpers/validity";
import type { FakeWorkbook } from "./fake-excel";
import { fakeXlsx, xlsxCells } from "./fake-xlsx";
import { fakeRows, installFake, uninstallFake } from "./install-fake";

afterEach(uninstallFake);
const SHEET = "Tự đánh giá";
const EDGES = { top: "Continuous", bottom: "Continuous", left: "Continuous", right: "Continuous" };

/** The officer's form, its grid drawn on past the table where the results go, a signature font under it. */
function prepared(): FakeWorkbook {
  const fake = installFake();
  fake.supported.ExcelApi = "1.9";
  const ws = fake.addSheet(SHEET, fakeRows(template().rows));
  for (let r = 4; r <= 29; r++) {
    ws.cells.set(`${r}:7`, { value: "", borders: EDGES, fill: "#FFF2CC", format: "0.0%" });
    ws.cells.set(`${r}:8`, {
      value: "",
      borders: { ...EDGES, right: "Double" },
      horizontal: "Right",
      vertical: "Center",
      wrap: true,
    });
  }
  for (let c = 1; c <= 6; c++)
    ws.cells.set(`32:${c}`, {
      value: "",
      bold: true,
      font: { name: "Times New Roman", size: 14, italic: true },
    });
  ws.cells.set("33:2", { value: "", format: "0%" });
  return fake;
}

/** The fake's cells as xlsxCells gives them: each with what it holds of its own. */
const fakeCells = (fake: FakeWorkbook) =>
  [...fake.sheet(SHEET).cells.entries()]
    .map(([k, c]) => [k, Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined))] as const)
    .filter(([, c]) => Object.keys(c).some((k) => k !== "value") || c.value !== "")
    .sort(([a], [b]) => a.localeCompare(b));

test("checked in the pane, saved, cleaned by the CLI: the officer's looks back exactly as the pane's Xoá kết quả gives them", async () => {
  const fake = prepared();
  const original = fakeCells(fake);
  // The original saved and read back is the original: the save and the reading agree.
  expect(xlsxCells(fakeXlsx(fake))).toEqual(original);

  const read = await readSheet(SHEET);
  const sheet = read.snapshot.sheets[0]!;
  await applyPlan(planResults(read.snapshot, sheet, checkSheet(read.snapshot, sheet)!, { today: "x" }), read);
  const fp = parseFingerprint((await readSheet(SHEET)).snapshot.nameValues![0]!.value);
  // The pane's record, no exact record of the CLI's.
  expect(fp?.looks).toBeDefined();
  expect(fp?.extra).toBeUndefined();
  const saved = fakeXlsx(fake);
  expect(xlsxCells(saved).find(([k]) => k === "4:7")?.[1]).toMatchObject({ value: "Mức tính toán" });

  const out = await cleaned(saved);
  expect(out).not.toBeNull();
  expect(packageProblems(out!)).toEqual([]);
  expect(xlsxCells(out!)).toEqual(original);
  // No name of the product's left.
  expect(Buffer.from(unzipSync(out!)["xl/workbook.xml"]!).toString()).not.toMatch(/HocTap_/);

  // The pane's own Xoá kết quả on the same workbook: the same cells.
  const again = await readSheet(SHEET);
  await applyPlan(planClean(again.snapshot, SHEET), again);
  expect(fakeCells(fake)).toEqual(original);
});

test("the CLI's clean with a damaged looks record: the cells emptied, as before the record existed", async () => {
  const fake = prepared();
  const read = await readSheet(SHEET);
  const sheet = read.snapshot.sheets[0]!;
  await applyPlan(planResults(read.snapshot, sheet, checkSheet(read.snapshot, sheet)!, { today: "x" }), read);
  const name = fake.names.find((n) => n.name === "HocTap_VanTay")!;
  // The looks' dictionary damaged (a look that is not one): the record is not read.
  name.formula = name.formula!.replace(/;L[\w-]+/, ";L@@");
  const out = await cleaned(fakeXlsx(fake));
  const cells = new Map(xlsxCells(out!));
  expect(cells.get("5:7")).toBeUndefined();
  expect(cells.get("2:1")).toBeDefined();
});
