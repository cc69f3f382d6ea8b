// The council's heading over a `Đạt | Không đạt` pair naming no level, on forms where each level has
// its own column (or one level column): the unit's own reading is what it is without the council's
// columns, and the council's pair is never matched with the unit's levels (its `Không đạt` column read
// as a level gave a wrong verdict). No verdict is guessed: the council is told at its heading's cell
// what to write, in the CLI, the report and the pane, and no second set of columns is added.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkWorkbook, checkSheet, type SheetCheck } from "../../src/core/checks/check";
import { councilColumns, councilUnread, councilVerdict, withCouncil } from "../../src/core/checks/council";
import type { SheetSnapshot, WorkbookSnapshot } from "../../src/core/model/snapshot";
import { planCouncilColumns } from "../../src/core/plans/council-columns";
import { builtinFramework } from "../../src/core/sets/builtin";
import { readSnapshot } from "../../src/reader/read";
import { hoctap } from "../helpers/cli";
import { sheet, template, workbook } from "../helpers/grid";

const COUNCIL = join(__dirname, "..", "fixtures", "council");
const FILE = join(COUNCIL, "Xa An Hoa - tham dinh dat.xlsx");
const PLAIN = join(__dirname, "..", "fixtures", "examples", "xa-an-hoa.xlsx");

function first(wb: WorkbookSnapshot): { sheet: SheetSnapshot; check: SheetCheck } {
  const c = checkWorkbook(wb, { lang: "vi" }).checked[0];
  if (!c) throw new Error("no table");
  return c;
}

const levels = (c: SheetCheck) => c.report.indicators.map((i) => [i.code, i.row, i.level]);

describe("a commune's form of one column per level, the council's Đạt | Không đạt naming no level", () => {
  test("the commune's own result is the one it has without the council's columns", async () => {
    const withIt = first(await readSnapshot(FILE));
    const without = first(await readSnapshot(PLAIN));
    // Header rows 7–8, levels E (Mức độ 1) and F (Mức độ 2); the council's H:J inside the table's width.
    expect(withIt.check.layout).toMatchObject({
      headerRow: 7,
      headerRows: 2,
      levelColumns: [
        { col: 5, level: 1 },
        { col: 6, level: 2 },
      ],
      right: 10,
    });
    expect(levels(withIt.check)).toEqual(levels(without.check));
    expect(withIt.check.report.recognition.level).toBe(1);
    expect(withIt.check.report.recognition.level).toBe(without.check.report.recognition.level);
    expect(withIt.check.report.counts).toEqual(without.check.report.counts);
  });

  test("the council's pair is not matched with the levels: no verdict, and the council told at H7 what to write", async () => {
    const wb = await readSnapshot(FILE);
    const c = first(wb);
    expect(councilColumns(c.sheet, c.check)).toBeNull();
    expect(councilVerdict(wb, c.sheet, c.check, "vi")).toBeNull();
    const unread = councilUnread(c.sheet, c.check, "vi");
    expect(unread).toEqual({
      severity: "warning",
      rule: "missing-column",
      sheet: "Tự đánh giá",
      cell: "H7",
      row: 7,
      indicator: null,
      message:
        "Hội đồng thẩm định: chưa đọc được kết quả thẩm định ở cột H–I (H7): các cột “Đạt”, “Không đạt” của Hội đồng không ghi mức nào. Cách sửa: bảng của đơn vị ghi mỗi mức một cột (E: Mức độ 1, F: Mức độ 2); dưới “Hội đồng thẩm định” đặt mỗi mức một cột, ghi tên mức ở đầu cột như các cột E–F, rồi kiểm tra lại.",
    });
    // The report carries it as a warning: the unit's errors are unchanged, no verdict beside it.
    const report = withCouncil(wb, c, "vi");
    expect(report.council).toBeUndefined();
    expect(report.counts).toEqual({
      errors: c.check.report.counts.errors,
      warnings: c.check.report.counts.warnings + 1,
    });
    expect(report.issues[report.issues.length - 1]).toBe(report.issues.find((i) => i.cell === "H7"));
    // The council's columns are its own: a second set is never added beside them.
    expect(planCouncilColumns(c.sheet, c.check, "vi")).toBeNull();
  });

  test("once the council names its columns' levels, the verdict reads them: 3.1 not achieved as the council marked it", async () => {
    const wb = await readSnapshot(FILE);
    const c = first(wb);
    const own = wb.sheets.find((x) => x.name === "Tự đánh giá") as SheetSnapshot;
    const rows = new Map([...own.rows].map(([r, row]) => [r, new Map(row)]));
    // The council's fix as the warning says: each level its own column, headed with the level's name.
    rows.get(8)?.set(8, { value: "Mức độ 1" });
    rows.get(8)?.set(9, { value: "Mức độ 2" });
    for (const [r, row] of rows)
      if (r > 9 && row.get(5)) {
        for (const [from, to] of [
          [5, 8],
          [6, 9],
        ] as const) {
          const cell = row.get(from);
          if (cell) row.set(to, cell);
          else row.delete(to);
        }
      }
    rows.get(19)?.set(8, { value: "Không đạt" });
    rows.get(19)?.set(9, { value: "Không đạt" });
    const fixed = { ...own, rows };
    const wb2 = { ...wb, sheets: wb.sheets.map((s) => (s === own ? fixed : s)) };
    const c2 = first(wb2);
    expect(levels(c2.check)).toEqual(levels(c.check));
    expect(councilUnread(c2.sheet, c2.check, "vi")).toBeNull();
    expect(councilVerdict(wb2, c2.sheet, c2.check, "vi")).toMatchObject({
      columns: ["H", "I"],
      level: 0,
      differences: [{ target: "Chỉ tiêu 3.1", cell: "H19", communeLevel: 2, councilLevel: 0 }],
    });
  });

  test("hoctap check says it at H7, the result is the commune's own, and --tham-dinh adds nothing", async () => {
    const r = await hoctap("check", FILE);
    expect(r.stdout).toContain("CẢNH BÁO H7 Hội đồng thẩm định: chưa đọc được kết quả thẩm định ở cột H–I");
    expect(r.stdout).toContain("Đề nghị công nhận: Xã An Hòa — Cộng đồng học tập cấp xã — Mức độ 1");
    expect(r.stdout).not.toContain("Hội đồng thẩm định (cột");
    expect(r.code).toBe(0);
    // The council's columns are there already (unread): the copy gets none beside them.
    const out = join(mkdtempSync(join(tmpdir(), "hoctap-unnamed-")), "out.xlsx");
    const written = await hoctap("check", FILE, "--tham-dinh", "--out", out);
    expect(written.code).toBe(0);
    const copy = (await readSnapshot(out)).sheets.find((x) => x.name === "Tự đánh giá") as SheetSnapshot;
    const headings = [...(copy.rows.get(7) ?? new Map()).values()].map((c) => String(c.value));
    expect(headings.filter((h) => /Hội đồng thẩm định/.test(h))).toEqual(["Hội đồng thẩm định"]);
  }, 60_000);
});

describe("the same pair beside other unit forms", () => {
  test("one level column: the council's Không đạt column is not read as the unit's level", () => {
    const t = template({ unit: "UBND HUYỆN AN LÃO" });
    // Header in row 4 over two rows (A4:A5… merged), the council's heading over G4:H4, `Đạt | Không đạt` in row 5.
    const rows = [
      ...t.rows.slice(0, 3),
      [...(t.rows[3] ?? []), "Hội đồng thẩm định"],
      [null, null, null, null, null, null, "Đạt", "Không đạt"],
      ...t.rows.slice(4).map((r) => (typeof r[4] === "string" ? [...r, null, "x"] : r)),
    ];
    const merges = [
      ...[1, 2, 3, 4, 5, 6].map((c) => ({ top: 4, left: c, bottom: 5, right: c })),
      { top: 4, left: 7, bottom: 4, right: 8 },
    ];
    const s = sheet("Tự đánh giá", rows, { merges });
    const wb = workbook([s]);
    const check = checkSheet(wb, s, { framework: builtinFramework("hp-2022-district") });
    if (!check) throw new Error("no table");
    const plain = sheet("Tự đánh giá", t.rows);
    const own = checkSheet(workbook([plain]), plain, { framework: builtinFramework("hp-2022-district") });
    expect(check.layout.columns.level).toBe(5);
    expect(check.report.indicators.map((i) => i.level)).toEqual(own?.report.indicators.map((i) => i.level));
    expect(check.report.recognition.level).toBe(own?.report.recognition.level);
    expect(councilVerdict(wb, s, check, "en")).toBeNull();
    expect(councilUnread(s, check, "vi")?.message).toBe(
      "Hội đồng thẩm định: chưa đọc được kết quả thẩm định ở cột G–H (G4): các cột “Đạt”, “Không đạt” của Hội đồng không ghi mức nào. Cách sửa: dưới “Hội đồng thẩm định” để một cột ghi mức như cột E, rồi kiểm tra lại."
    );
    expect(councilUnread(s, check, "en")?.message).toBe(
      "The council: its verdict in column G–H (G4) cannot be read: the council's “Đạt”, “Không đạt” columns name no level. To fix: under “Hội đồng thẩm định”, keep one column holding the level as column E does, then check again."
    );
  });

  test("a council column for one level of two: no verdict, the missing level named", async () => {
    const wb = await readSnapshot(join(COUNCIL, "Xa An Hoa - ban cuoi.xlsx"));
    const s = wb.sheets.find((x) => x.name === "Tự đánh giá") as SheetSnapshot;
    const rows = new Map([...s.rows].map(([r, row]) => [r, new Map(row)]));
    rows.get(7)?.set(8, { value: "Hội đồng thẩm định – Mức độ 1" });
    const next = { ...s, rows };
    const wb2 = { ...wb, sheets: wb.sheets.map((x) => (x === s ? next : x)) };
    const c = first(wb2);
    expect(councilUnread(c.sheet, c.check, "vi")?.message).toContain(
      "chưa đọc được kết quả thẩm định ở cột H (H7): không có cột của Hội đồng cho Mức độ 2."
    );
  });
});
