import { checkSheet } from "../../src/core/checks/check";
import {
  NAME_RESULT_BLOCK,
  NAME_RESULT_COLUMNS,
  COLUMN_NAMES,
  storedMapping,
} from "../../src/core/model/owned";
import type { WorkbookSnapshot } from "../../src/core/model/snapshot";
import { lastOfficerRow, planClean, planResults } from "../../src/core/plans/write-plan";
import { applyToSnapshot, filled } from "../helpers/apply-snapshot";
import { sheet, template, workbook, type In } from "../helpers/grid";

const NAME = "Tự đánh giá";
const TODAY = "27/11/2026";

function writeOnce(wb: WorkbookSnapshot, lang: "vi" | "en" = "vi"): WorkbookSnapshot {
  const s = wb.sheets.find((x) => x.name === NAME);
  if (!s) throw new Error("sheet");
  const check = checkSheet(wb, s, { lang });
  if (!check) throw new Error("no table");
  return applyToSnapshot(wb, planResults(wb, s, check, { lang, today: TODAY }));
}

function signed(rows: In[][]): In[][] {
  return [...rows, [], [null, null, null, "T/M ỦY BAN NHÂN DÂN"], [null, null, null, "CHỦ TỊCH"]];
}

test("results go right of the table, the block right under it, and name themselves", () => {
  const { rows, rowOf } = template({ indicator: (n) => (n === 3 ? { evidence: null } : { level: "Mức 3" }) });
  const wb = workbook([sheet(NAME, rows)]);
  const out = writeOnce(wb);
  const cells = filled(out, NAME);
  expect(cells.get("4:7")).toBe("Mức tính toán");
  expect(cells.get("4:8")).toBe("Ghi chú kiểm tra");
  expect(cells.get(`${rowOf.get(3)}:7`)).toBe("Mức 2");
  expect(cells.get(`${rowOf.get(3)}:8`)).toBe("Thiếu minh chứng");
  expect(cells.get("5:7")).toBe("Mức 2"); // standard 1
  const under = rows.length + 2;
  expect(cells.get(`${under}:1`)).toBe("KẾT QUẢ KIỂM TRA TỰ ĐÁNH GIÁ");
  // The proposal waits for the errors: with one left, only the level to expect.
  expect(cells.get(`${under + 1}:1`)).toBe("Mức dự kiến: Mức 2 — còn 1 lỗi phải sửa trước khi gửi");
  expect(cells.get(`${under + 3}:1`)).toBe("Ngày kiểm tra: 27/11/2026");
  expect(out.definedNames.map((n) => n.name).sort()).toEqual([NAME_RESULT_COLUMNS, NAME_RESULT_BLOCK].sort());
});

test("with the officer's signature under the table, the block stays on KQ: nothing printed after the signature", () => {
  const { rows } = template({ indicator: (n) => (n === 3 ? { evidence: null } : {}) });
  const wb = workbook([sheet(NAME, signed(rows))]);
  expect(lastOfficerRow(wb.sheets[0]!, [])).toBe(rows.length + 3);
  const out = writeOnce(wb);
  const cells = filled(out, NAME);
  expect(cells.get("4:7")).toBe("Mức tính toán");
  expect([...cells.keys()].filter((k) => Number(k.split(":")[0]) > rows.length + 3)).toEqual([]);
  expect(out.definedNames.map((n) => n.name)).toEqual([NAME_RESULT_COLUMNS]);
  // A block an earlier run wrote under the table goes when the officer signs below it.
  const once = writeOnce(workbook([sheet(NAME, rows)]));
  const block = rows.length + 2;
  const later = {
    ...once,
    sheets: once.sheets.map((s) => ({
      ...s,
      rows: new Map([...s.rows, [block + 8, new Map([[4, { value: "CHỦ TỊCH" }]])]]),
    })),
  };
  const again = filled(writeOnce(later), NAME);
  expect(again.get(`${block + 8}:4`)).toBe("CHỦ TỊCH");
  expect([...again.values()]).not.toContain("KẾT QUẢ KIỂM TRA TỰ ĐÁNH GIÁ");
});

test("never changes a cell the officer filled; a second run replaces, never adds", () => {
  const { rows } = template({ indicator: (n) => (n === 1 ? { level: null } : {}) });
  // The officer uses column G for something of their own: the results move right.
  const withNotes = rows.map((r, i) => (i === 10 ? [...r, null, "ghi chú riêng"] : r));
  const wb = workbook([sheet(NAME, withNotes)]);
  const once = writeOnce(wb);
  for (const [k, v] of filled(wb, NAME)) expect(filled(once, NAME).get(k)).toEqual(v);
  expect(filled(once, NAME).get("4:8")).toBe("Mức tính toán");
  const twice = writeOnce(once);
  expect(filled(twice, NAME)).toEqual(filled(once, NAME));
  expect(twice.definedNames).toEqual(once.definedNames);
  expect(filled(once, NAME).get(`${rows.length + 3}:1`)).toBe("Chưa đủ điều kiện công nhận");
});

test("a second run replaces the block where it was, in English on request", () => {
  const { rows } = template();
  const once = writeOnce(workbook([sheet(NAME, rows)]));
  const again = writeOnce(once, "en");
  const cells = filled(again, NAME);
  const under = rows.length + 2;
  expect(cells.get(`${under}:1`)).toBe("SELF-ASSESSMENT CHECK RESULT");
  expect(cells.get(`${under + 1}:1`)).toBe(
    "Proposed recognition: Huyện An Lão — Learning district — Level 2"
  );
  expect([...cells.values()].filter((v) => v === "KẾT QUẢ KIỂM TRA TỰ ĐÁNH GIÁ")).toEqual([]);
});

test("clean gives back exactly the officer's cells, drops every result name and keeps the officer's column choice", () => {
  const { rows } = template();
  const wb = workbook([sheet(NAME, signed(rows))]);
  const once = writeOnce(wb);
  const withMapping = {
    ...once,
    definedNames: [
      ...once.definedNames,
      {
        name: COLUMN_NAMES.level,
        sheet: NAME,
        refSheet: NAME,
        range: { top: 4, left: 5, bottom: 4, right: 5 },
      },
    ],
  };
  expect(storedMapping(withMapping, NAME)).toEqual({ columns: { level: 5 }, headerRow: 4 });
  const clean = applyToSnapshot(withMapping, planClean(withMapping, NAME));
  expect(filled(clean, NAME)).toEqual(filled(wb, NAME));
  expect(clean.definedNames.map((n) => n.name)).toEqual([COLUMN_NAMES.level]);
  expect(storedMapping(clean, NAME)).toEqual({ columns: { level: 5 }, headerRow: 4 });
});

test("unit phrases for the result line", () => {
  const city = template({ kind: "city", unit: "UBND THÀNH PHỐ HẢI PHÒNG" }).rows;
  expect(filled(writeOnce(workbook([sheet(NAME, city)])), NAME).get(`${city.length + 3}:1`)).toBe(
    "Đề nghị công nhận: Thành phố Hải Phòng — Thành phố học tập — Mức 2"
  );
  const anonymous = template({ unit: "BẢNG" }).rows;
  expect(filled(writeOnce(workbook([sheet(NAME, anonymous)])), NAME).get(`${anonymous.length + 3}:1`)).toBe(
    "Đề nghị công nhận: Quận/huyện học tập — Mức 2"
  );
});

test("days and unit phrases as officers write them", async () => {
  const { formatDay, unitPhrase } = await import("../../src/core/plans/write-plan");
  expect(formatDay(new Date(2026, 0, 5))).toBe("05/01/2026");
  expect(unitPhrase("Thị xã Kinh Môn", { kind: "district" }, "vi")).toBe("Thị xã học tập");
  expect(unitPhrase(null, { kind: "city" }, "vi")).toBe("Thành phố học tập");
  expect(unitPhrase("Quận Lê Chân", { kind: "district" }, "en")).toBe("Learning district");
});

test("the result columns sit in the middle of a row's height, whatever the officer's last column does", () => {
  const { rows, rowOf } = template();
  const wb = workbook([sheet(NAME, rows)]);
  const s = wb.sheets[0]!;
  const plan = planResults(wb, s, checkSheet(wb, s)!, { today: TODAY });
  const row = rowOf.get(3)!;
  for (const col of [7, 8]) {
    const look = Object.assign(
      {},
      ...(plan.format?.styles ?? [])
        .filter(({ range: r }) => r.top <= row && row <= r.bottom && r.left <= col && col <= r.right)
        .map((x) => x.style)
    );
    expect({ col, vertical: look.vertical }).toEqual({ col, vertical: "middle" });
  }
});
