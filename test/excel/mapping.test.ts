// What *Chọn cột* stores is the contract between the pane, the core and the CLI: the connector writes
// exactly the `HocTap_Cot_…` / `HocTap_Dong_…` names, drops the sheet's earlier ones, and the core
// (in the pane) and the CLI (from the saved file) read the same choice back.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkFile } from "../../src/cli/check-task";
import { storedMapping, type StoredMapping } from "../../src/core/model/owned";
import { mappingNames, readSheet, saveColumnMapping } from "../../src/excel/connector";
import {
  checkWorkbookSheet,
  removeResults,
  saveConditions,
  saveMapping,
  writeResults,
  type CheckOptions,
} from "../../src/taskpane/actions";
import { template } from "../helpers/grid";
import { addSeeds, fakeToXlsx, formSeeds, unusualForm } from "./fake-forms";
import { fakeRows, installFake, uninstallFake } from "./install-fake";

afterEach(uninstallFake);
const SHEET = "Tự đánh giá";
const opts: CheckOptions = { frameworkId: "auto", columns: {}, lang: "vi", sheet: SHEET };

const mappings: [string, StoredMapping & { headerRow: number }][] = [
  ["the header row alone", { columns: {}, headerRow: 4 }],
  ["columns", { columns: { data: 3, evidence: 4, level: 5 }, headerRow: 4 }],
  ["one column per level", { columns: { content: 2 }, levelColumns: { left: 5, right: 7 }, headerRow: 4 }],
  [
    "everything, with the last row",
    { columns: { code: 1, content: 2, data: 3, evidence: 4, level: 5 }, headerRow: 4, lastRow: 29 },
  ],
];

test.each(mappings)("%s: stored, and the core reads back exactly the choice", async (_what, mapping) => {
  const fake = installFake();
  fake.addSheet(SHEET, fakeRows(template().rows));
  const syncs = fake.syncCount;
  await saveColumnMapping(await readSheet(SHEET), mapping);
  expect(fake.syncCount - syncs).toBe(3); // the read's 2, the names' 1
  const back = storedMapping((await readSheet(SHEET)).snapshot, SHEET);
  const level = mapping.levelColumns?.left ?? mapping.columns.level;
  expect(back).toEqual({ ...mapping, columns: { ...mapping.columns, ...(level ? { level } : {}) } });
  expect(fake.names.map((n) => `${n.name}@${n.scope}=${n.ref}`).sort()).toEqual(
    mappingNames(mapping)
      .map((n) => `${n.name}@${SHEET}=${refOf(n.range)}`)
      .sort()
  );
});

function refOf(r: { top: number; left: number; bottom: number; right: number }): string {
  const col = (c: number) => String.fromCharCode(64 + c);
  const tl = `${col(r.left)}${r.top}`;
  const br = `${col(r.right)}${r.bottom}`;
  return `'${SHEET}'!${tl === br ? tl : `${tl}:${br}`}`;
}

test("the sheet's earlier choice goes, scoped to it or to the workbook; results and other sheets' names stay", async () => {
  const fake = installFake();
  fake.addSheet(SHEET, fakeRows(template().rows));
  fake.addSheet("Khác", fakeRows(template().rows));
  fake.names.push(
    { name: "HocTap_Cot_SoLieu", scope: SHEET, ref: `'${SHEET}'!C4` },
    { name: "HocTap_Cot_MucDat", scope: SHEET, ref: `'${SHEET}'!E4:G4` },
    { name: "HocTap_Dong_Cuoi", ref: `'${SHEET}'!A20` },
    { name: "HocTap_KQ_Cot", scope: SHEET, ref: `'${SHEET}'!G4:H29` },
    { name: "HocTap_Cot_SoLieu", scope: "Khác", ref: "Khác!D4" },
    { name: "HocTap_Dong_TieuDe", ref: "Khác!A4" }
  );
  await saveColumnMapping(await readSheet(SHEET), { columns: { level: 5 }, headerRow: 4 });
  expect(fake.names.map((n) => `${n.name}@${n.scope ?? "*"}=${n.ref}`).sort()).toEqual([
    "HocTap_Cot_MucDat@Tự đánh giá='Tự đánh giá'!E4",
    "HocTap_Cot_SoLieu@Khác=Khác!D4",
    "HocTap_Dong_TieuDe@*=Khác!A4",
    "HocTap_Dong_TieuDe@Tự đánh giá='Tự đánh giá'!A4",
    "HocTap_KQ_Cot@Tự đánh giá='Tự đánh giá'!G4:H29",
  ]);
  expect(storedMapping((await readSheet(SHEET)).snapshot, SHEET)).toEqual({
    columns: { level: 5 },
    headerRow: 4,
  });
});

test("a form the detection cannot read: fixed in Chọn cột, stored, and the CLI reads the saved file the same", async () => {
  const { wb, headerRow, lastRow } = unusualForm();
  const fake = installFake();
  addSeeds(fake, formSeeds(wb));
  fake.supported.ExcelApi = "1.13";
  expect((await checkWorkbookSheet(opts)).check).toBeNull();
  const chosen = { ...opts, headerRow, columns: { content: 2 }, levelColumns: { left: 5, right: 7 } };
  const fixed = await saveMapping(chosen, 1);
  expect(fixed.check?.report.issues).toEqual([]);
  expect(fixed.check?.report).toMatchObject({ table: { headerRow, lastRow, columns: { level: "E:G" } } });
  expect(fixed.check?.report.recognition.level).toBe(2);
  // Checked again with nothing chosen in the pane: the workbook remembers.
  const again = await checkWorkbookSheet(opts);
  expect(again.check?.report).toEqual(fixed.check?.report);
  // The CLI, on the file as Excel would save it: the same report.
  const file = join(mkdtempSync(join(tmpdir(), "hoctap-mapping-")), "Bang tu danh gia.xlsx");
  await fakeToXlsx(fake, file);
  const cli = await checkFile({ file, options: {} });
  expect("reports" in cli && cli.reports).toEqual([fixed.check?.report]);
});

test("Xã thuộc vùng khó khăn chosen in the pane: stored as HocTap_DieuKien_…, read back by the pane, the CLI, kept by clean", async () => {
  const fake = installFake();
  const five = (n: number) =>
    n === 14 ? { data: "85%" } : n === 15 ? { data: "52%; 11%", level: "Mức độ 1" } : {};
  fake.addSheet(SHEET, fakeRows(template({ kind: "commune", indicator: five }).rows));
  const before = await checkWorkbookSheet(opts);
  expect(before.check?.report.conditions).toEqual([
    { id: "vung-kho-khan", label: "Xã thuộc vùng khó khăn", holds: false, from: "default" },
  ]);
  // 52 % and 11 %: short of 50 % and 12 %, enough for a commune in a disadvantaged area (40 % and 10 %).
  expect(before.check?.report.indicators[14]?.computedLevel).toBe(0);
  const syncs = fake.syncCount;
  const chosen = await saveConditions(opts, ["vung-kho-khan"]);
  expect(fake.syncCount - syncs).toBe(3 + 2); // the read's 2, the name's 1, the check's read 2
  expect(fake.names.map((n) => `${n.name}@${n.scope}=${n.ref}`)).toEqual([
    `HocTap_DieuKien_VungKhoKhan@${SHEET}='${SHEET}'!A1`,
  ]);
  expect(chosen.check?.report.conditions?.[0]).toMatchObject({ holds: true, from: "chosen" });
  expect(chosen.check?.report.indicators[14]?.computedLevel).toBe(1);
  // The CLI, on the saved file: the same choice, the same report.
  const file = join(mkdtempSync(join(tmpdir(), "hoctap-condition-")), "Xa.xlsx");
  await fakeToXlsx(fake, file);
  const cli = await checkFile({ file, options: {} });
  expect("reports" in cli && cli.reports).toEqual([chosen.check?.report]);
  // The officer's setting: a second run and clean keep it; unticked, it goes.
  await writeResults(opts);
  await removeResults(opts);
  expect(fake.names.map((n) => n.name)).toContain("HocTap_DieuKien_VungKhoKhan");
  const none = await saveConditions(opts, []);
  expect(fake.names.filter((n) => /DieuKien/.test(n.name))).toEqual([]);
  expect(none.check?.report.conditions?.[0]).toMatchObject({ holds: false, from: "default" });
});
