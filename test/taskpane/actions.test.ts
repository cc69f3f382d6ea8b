import {
  checkWorkbookSheet,
  removeResults,
  saveMapping,
  todayVi,
  writeResults,
  type CheckOptions,
} from "../../src/taskpane/actions";
import { fill, strings } from "../../src/taskpane/strings";
import { template } from "../helpers/grid";
import { fakeRows, installFake, uninstallFake } from "../excel/install-fake";

afterEach(uninstallFake);
const opts: CheckOptions = { frameworkId: "auto", columns: {}, lang: "vi" };

test("check, write, write again, remove: the pane's buttons over the fake Excel", async () => {
  const fake = installFake();
  fake.supported.ExcelApi = "1.9"; // the sheet's pages known: the block goes under the table
  fake.addSheet("Ghi chú", [["x"]]);
  fake.addSheet("An Lão", fakeRows(template().rows));
  const original = fake.dump("An Lão");
  expect((await checkWorkbookSheet(opts)).check).toBeNull();
  const checked = await checkWorkbookSheet({ ...opts, sheet: "An Lão" });
  expect(checked.check?.report.recognition.level).toBe(2);
  const written = await writeResults({ ...opts, sheet: "An Lão" });
  // The pane can offer Xoá kết quả at once: the read it keeps names what was written.
  expect(written.checked.read.snapshot.definedNames.map((n) => n.name).sort()).toEqual([
    "HocTap_KQ_Cot",
    "HocTap_KQ_Khoi",
  ]);
  const once = fake.dump("An Lão");
  expect(once.A32).toBe("Đề nghị công nhận: Huyện An Lão — Huyện học tập — Mức 2");
  expect(once.A34).toBe(`Ngày kiểm tra: ${todayVi()}`);
  await writeResults({ ...opts, sheet: "An Lão" });
  expect(fake.dump("An Lão")).toEqual(once);
  const after = await removeResults({ ...opts, sheet: "An Lão" });
  expect(fake.dump("An Lão")).toEqual(original);
  expect(after.checked.check?.report.recognition.level).toBe(2);
});

test("a forced set and a saved column mapping", async () => {
  const fake = installFake();
  fake.addSheet("S", fakeRows(template({ header: ["TT", "Nội dung", "Cột 3", "Cột 4", "Cột 5"] }).rows));
  const forced = await checkWorkbookSheet({ ...opts, frameworkId: "hp-2022-city" });
  expect(forced.check?.report.framework.id).toBe("hp-2022-city");
  const mapped = await saveMapping({ ...opts, columns: { data: 3, evidence: 4, level: 5 } }, 4);
  expect(mapped.check?.report.issues).toEqual([]);
  // Stored in the workbook: a later check without any choice in the pane uses it.
  expect((await checkWorkbookSheet(opts)).check?.report.issues).toEqual([]);
  expect(fake.names.map((n) => n.name).sort()).toEqual([
    "HocTap_Cot_MinhChung",
    "HocTap_Cot_MucDat",
    "HocTap_Cot_SoLieu",
    "HocTap_Dong_TieuDe",
  ]);
  await expect(writeResults({ ...opts, sheet: "Không có" })).rejects.toMatchObject({ kind: "missing-sheet" });
});

test("strings: both languages have every key, placeholders filled", () => {
  expect(Object.keys(strings.en).sort()).toEqual(Object.keys(strings.vi).sort());
  for (const v of Object.values(strings.vi)) expect(v.trim().length).toBeGreaterThan(0);
  expect(fill(strings.vi.errors, { n: 3 })).toBe("3 lỗi");
  expect(fill("{a} {b}", { a: 1 })).toBe("1 {b}");
  expect(todayVi(new Date(2026, 10, 7))).toBe("07/11/2026");
});

test("the sheets offered for checking leave out the criteria sheet and the product's summaries", async () => {
  const { assessableSheets } = await import("../../src/taskpane/actions");
  const read = {
    sheetNames: ["An Lão", "Bộ tiêu chí", "KQ An Lão", "Tổng hợp"],
    productSheets: ["KQ An Lão", "Tổng hợp"],
  };
  expect(assessableSheets(read as never)).toEqual(["An Lão"]);
  expect(assessableSheets(undefined)).toEqual([]);
});

test("the officer changes the sheet while the pane writes: nothing is written, and the pane has checked again", async () => {
  const fake = installFake();
  fake.addSheet("An Lão", fakeRows(template().rows));
  const original = fake.dump("An Lão");
  // The officer's edit lands between the pane's read and its write (the first sync of the write batch).
  const run = fake.run;
  let batches = 0;
  (globalThis as unknown as { Excel: { run: typeof run } }).Excel.run = ((
    ...args: Parameters<typeof run>
  ) => {
    if (++batches === 2) fake.sheet("An Lão").cells.set("7:5", { value: "Mức 1" });
    return run(...args);
  }) as typeof run;
  const written = await writeResults({ ...opts, sheet: "An Lão" });
  expect(written.changed).toBe(true);
  expect(fake.dump("An Lão")).toEqual({ ...original, E7: "Mức 1" });
  expect(written.checked.check?.report.recognition.level).toBe(1);
});

test("Ghi kết quả over the officer's looks an older Excel cannot record: told first, written when the officer says so", async () => {
  const fake = installFake();
  fake.supported.ExcelApi = "1.8";
  const ws = fake.addSheet("An Lão", fakeRows(template().rows));
  for (let r = 4; r <= 29; r++) ws.cells.set(`${r}:7`, { value: "", fill: "#FFF2CC" });
  const original = fake.dump("An Lão");
  await expect(writeResults({ ...opts, sheet: "An Lão" })).rejects.toMatchObject({
    kind: "looks-unrecorded",
    detail: "old",
    place: { range: "G4:G29" },
  });
  expect(fake.dump("An Lão")).toEqual(original);
  expect(fake.names).toEqual([]);
  await writeResults({ ...opts, sheet: "An Lão", looksLost: true });
  expect(fake.dump("An Lão").G4).toBe("Mức tính toán");
  // Told: Xoá kết quả clears those cells' looks with the results.
  await removeResults({ ...opts, sheet: "An Lão" });
  expect(fake.dump("An Lão")).toEqual(original);
  expect(ws.cells.get("5:7")).toEqual({ value: "" });
});
