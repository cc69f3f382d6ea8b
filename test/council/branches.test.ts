// The council's reading and its columns at their edges: a council heading that does not answer every
// level column of the unit (no verdict rather than a wrong one), a table with no level column, a ticked box copied
// as `x`, the council's cell left blank or holding words, the English words; each as the officer
// would meet it in a commune's real form.
import { join } from "node:path";
import { checkWorkbook, type SheetCheck } from "../../src/core/checks/check";
import { councilColumns, councilReading, councilText, councilVerdict } from "../../src/core/checks/council";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../src/core/model/snapshot";
import { planCouncilColumns } from "../../src/core/plans/council-columns";
import { verifiedConclusion, verifiedSummary } from "../../src/core/plans/verified-sheet";
import { readSnapshot } from "../../src/reader/read";
import { sheet, template, workbook } from "../helpers/grid";

const FIXTURES = join(__dirname, "..", "fixtures", "council");
const SHEET = "Tự đánh giá";

/** A fixture with cells set (row, column → value; null empties the cell), as typed in Excel. */
async function edited(
  file: string,
  cells: [number, number, CellValue][],
  merges: SheetSnapshot["merges"] = []
): Promise<WorkbookSnapshot> {
  const wb = await readSnapshot(join(FIXTURES, file));
  const s = wb.sheets.find((x) => x.name === SHEET);
  if (!s) throw new Error(SHEET);
  const rows = new Map([...s.rows].map(([r, row]) => [r, new Map(row)]));
  for (const [r, c, value] of cells) {
    const row = rows.get(r) ?? new Map();
    if (value === null) row.delete(c);
    else row.set(c, { value });
    rows.set(r, row);
  }
  const next = { ...s, rows, merges: [...s.merges, ...merges] };
  return { ...wb, sheets: wb.sheets.map((x) => (x === s ? next : x)) };
}

function checked(wb: WorkbookSnapshot): { sheet: SheetSnapshot; check: SheetCheck } {
  const c = checkWorkbook(wb, { lang: "vi" }).checked[0];
  if (!c) throw new Error("no table");
  return c;
}

// "Xa An Hoa - ban cuoi.xlsx": header rows 7–8, the commune's levels in E (Mức độ 1) and F (Mức độ 2)
// under `Kết quả tự đánh giá` (E7:F7), Ghi chú in G; target 1.1 on row 11.
const BASE = "Xa An Hoa - ban cuoi.xlsx";

describe("council headings that do not answer the unit's level columns", () => {
  test("a council column for Mức độ 1 only: no verdict (a level without the council's answer is not guessed)", async () => {
    const wb = await edited(BASE, [
      [7, 8, "Hội đồng thẩm định – Mức độ 1"],
      [11, 8, "Đạt"],
    ]);
    const c = checked(wb);
    expect(councilColumns(c.sheet, c.check)).toBeNull();
    expect(councilVerdict(wb, c.sheet, c.check, "vi")).toBeNull();
  });

  test("a table with no level column: nothing to verify, nothing to add", () => {
    const t = template({
      header: ["TT", "Tiêu chuẩn, tiêu chí, chỉ báo", "Kết quả thực hiện (số liệu)", "Mã minh chứng"],
    });
    const rows = t.rows.map((r, i) => (i === 3 ? [...r, null, null, "Hội đồng thẩm định"] : r.slice(0, 4)));
    const s = sheet(SHEET, rows);
    const wb = workbook([s]);
    const c = checked(wb);
    expect(c.check.layout.columns.level).toBeUndefined();
    expect(councilVerdict(wb, s, c.check, "vi")).toBeNull();
    expect(planCouncilColumns(s, c.check, "vi")).toBeNull();
  });
});

describe("the council's columns as written", () => {
  test("a ticked box (TRUE) is copied for the council as x, an unticked one (FALSE) left blank", async () => {
    const wb = await edited(BASE, [
      [11, 5, true],
      [11, 6, false],
    ]);
    const c = checked(wb);
    const plan = planCouncilColumns(c.sheet, c.check, "vi");
    const block = plan?.blocks[0];
    expect(block?.left).toBe(8);
    // Row 11 is the block's fifth row (the header starts it at row 7).
    expect(block?.values[4]).toEqual(["x", null, null]);
    // Its headings: the council's over the copy of the unit's level headings, and the note's.
    expect(block?.values[0]).toEqual(["Hội đồng thẩm định", null, "Ý kiến của Hội đồng"]);
    expect(block?.values[1]).toEqual(["Mức độ 1 (Khá)", "Mức độ 2 (Tốt)", null]);
  });

  test("in English the headings stay the council's Vietnamese words, which every reading looks for", async () => {
    const c = checked(await readSnapshot(join(FIXTURES, BASE)));
    const plan = planCouncilColumns(c.sheet, c.check, "en");
    expect(plan?.blocks[0]?.values[0]).toEqual(["Hội đồng thẩm định", null, "Ý kiến của Hội đồng"]);
    expect(plan?.given).toBe(true);
    expect(plan?.names).toEqual([]);
  });
});

describe("the council's answers read", () => {
  test("a council cell left blank reads as — , words that are not a mark are quoted as written", async () => {
    // The council's H/I of target 1.1: Mức độ 1 left blank, Mức độ 2 `?`.
    const wb = await edited("Xa An Hoa - tham dinh.xlsx", [
      [11, 8, null],
      [11, 9, "?"],
    ]);
    const c = checked(wb);
    const v = councilVerdict(wb, c.sheet, c.check, "vi");
    const d = v?.differences.find((x) => x.row === 11);
    expect(d).toMatchObject({
      cell: "H11",
      commune: "Mức độ 1: Đạt; Mức độ 2: Đạt",
      council: "Mức độ 1: —; Mức độ 2: ?",
    });
  });

  test("the council agreeing everywhere, in English", async () => {
    const wb = await edited("Xa An Hoa - tham dinh.xlsx", [
      [19, 8, "Đạt"],
      [19, 9, "Đạt"],
      [27, 9, "Đạt"],
    ]);
    const c = checkWorkbook(wb, { lang: "en" }).checked[0];
    if (!c) throw new Error("no table");
    const v = councilVerdict(wb, c.sheet, c.check, "en");
    expect(v?.differences).toEqual([]);
    expect(councilText(v as NonNullable<typeof v>, "en")).toBe(
      "The council's verdict (column H, I): Level 1\n  The council agrees with the self-assessment on every target.\n" +
        "  Why: Level 2 is not reached: targets 3.2, 5.2 below Level 2."
    );
  });
});

describe("the verified bản tổng hợp for a set that names no unit type", () => {
  test("the title and the conclusion without the set's words for the unit; the unit found short", async () => {
    const wb = await readSnapshot(join(FIXTURES, "Xa An Hoa - tham dinh.xlsx"));
    const c = checked(wb);
    const framework = { ...c.check.framework, kind: "other" as const, recognisedAs: undefined };
    const check = { ...c.check, framework };
    const reading = councilReading(wb, c.sheet, check, "vi");
    if (!reading) throw new Error("no reading");
    expect(verifiedConclusion(check, reading)).toBe("Xã An Hòa chưa đủ điều kiện công nhận.");
    const plan = verifiedSummary(check, reading, c.sheet);
    const texts = plan.rows.flat().filter((v): v is string => typeof v === "string");
    expect(texts).toContain("NĂM 2025");
    expect(texts).toContain("DO HỘI ĐỒNG ĐÁNH GIÁ THẨM ĐỊNH");
  });
});

describe("a per-level Đạt | Không đạt form: the council's pair read as a person reads it", () => {
  test("a pair left blank reads —, words that are no mark are quoted, both marks said as such", async () => {
    const { perLevelLayouts } = await import("../fixtures/forms/per-level");
    const { hoctap } = await import("../helpers/cli");
    const { mkdtempSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const dir = mkdtempSync(join(tmpdir(), "hoctap-td-br-"));
    const layout = perLevelLayouts().find((l) => l.name === "xa-tung-muc-hai-dong");
    if (!layout) throw new Error("layout");
    const input = join(dir, "in.xlsx");
    await layout.build("test").wb.xlsx.writeFile(input);
    const out = join(dir, "td.xlsx");
    expect((await hoctap("check", input, "--out", out, "--tham-dinh")).code).toBe(0);
    // The council's I:J (Mức độ 1: Đạt | Không đạt) and K:L (Mức độ 2) on target 1.1's row 11.
    const wb = await readSnapshot(out);
    const s = wb.sheets.find((x) => x.name === "Bản tổng hợp");
    if (!s) throw new Error("sheet");
    const rows = new Map([...s.rows].map(([r, row]) => [r, new Map(row)]));
    const row11 = rows.get(11) ?? new Map();
    row11.delete(9);
    row11.delete(10);
    row11.set(11, { value: "?" });
    row11.delete(12);
    const row12 = rows.get(12) ?? new Map();
    row12.set(9, { value: "x" });
    row12.set(10, { value: "x" });
    rows.set(11, row11);
    rows.set(12, row12);
    const edited = { ...wb, sheets: wb.sheets.map((x) => (x === s ? { ...s, rows } : x)) };
    const c = checkWorkbook(edited, { lang: "vi" }).checked[0];
    if (!c) throw new Error("no table");
    const v = councilVerdict(edited, c.sheet, c.check, "vi");
    const at = (row: number) => v?.differences.find((d) => d.row === row)?.council;
    expect(at(11)).toBe("Mức độ 1: —; Mức độ 2: ?");
    expect(at(12)).toMatch(/^Mức độ 1: cả Đạt và Không đạt; /);
    // Both marks at one level is the council's error, at its cell.
    expect(v?.issues.map((i) => i.cell)).toContain("I12");
  });
});

describe("the verdict in words", () => {
  test("the council at the unit's own top level: no reasons line", () => {
    const text = councilText(
      { columns: ["G"], level: 2, label: "Mức 2", reasons: [], differences: [], issues: [] },
      "en"
    );
    expect(text).toBe(
      "The council's verdict (column G): Mức 2\n  The council agrees with the self-assessment on every target."
    );
  });
});

describe("the verified bản tổng hợp when the sheet lacks one of the set's targets", () => {
  test("the target's row still printed, by its number, with nothing claimed for it on either side", async () => {
    const wb = await readSnapshot(join(FIXTURES, "Xa An Hoa - tham dinh.xlsx"));
    const c = checked(wb);
    const reading = councilReading(wb, c.sheet, c.check, "vi");
    if (!reading) throw new Error("no reading");
    // Target 2.2 (the set's 5th) not in the sheet's report.
    const report = { ...c.check.report, indicators: c.check.report.indicators.filter((i) => i.number !== 5) };
    const plan = verifiedSummary({ ...c.check, report }, reading, c.sheet);
    const row = plan.rows.find((r) => r[0] === "5");
    expect(row?.slice(0, 3)).toEqual(["5", "5", null]);
    expect(plan.rows.some((r) => r[0] === "2.2")).toBe(false);
    expect(plan.rows.some((r) => r[0] === "2.3")).toBe(true);
  });
});

describe("the verified papers' words", () => {
  test("a set naming no unit type, the council recognising the unit: `đạt` and the level alone", async () => {
    const wb = await edited("Xa An Hoa - tham dinh.xlsx", [
      [19, 8, "Đạt"],
      [19, 9, "Đạt"],
      [27, 9, "Đạt"],
    ]);
    const c = checked(wb);
    const check = {
      ...c.check,
      framework: { ...c.check.framework, kind: "other" as const, recognisedAs: undefined },
    };
    const reading = councilReading(wb, c.sheet, check, "vi");
    if (!reading) throw new Error("no reading");
    expect(verifiedConclusion(check, reading)).toBe("Xã An Hòa đạt Mức độ 1.");
  });

  test("a set with its targets' own words: the letter's reason quotes them", async () => {
    const wb = await readSnapshot(join(FIXTURES, "Xa An Hoa - tham dinh.xlsx"));
    const c = checked(wb);
    const fw = c.check.framework;
    const indicators = fw.indicators.map((i, n) =>
      n === 6 ? { ...i, title: "Trung tâm học tập cộng đồng hoạt động hiệu quả" } : i
    );
    const check = { ...c.check, framework: { ...fw, indicators } };
    const reading = councilReading(wb, c.sheet, check, "vi");
    if (!reading) throw new Error("no reading");
    const { shortfallLines } = await import("../../src/core/plans/verified-sheet");
    expect(shortfallLines(check, reading, c.sheet)).toEqual([
      "– Chỉ tiêu 3.1 “Trung tâm học tập cộng đồng hoạt động hiệu quả”: không đạt Mức độ 1 (đơn vị tự đánh giá đạt Mức độ 2); lý do: Biên bản họp không có chữ ký của Chủ tịch UBND xã.",
    ]);
  });
});

describe("the council's columns copied", () => {
  test("an error value in the unit's level cell is copied as its text; a criterion the sheet has no row for gives none", async () => {
    // The unit marks its criterion's row too (row 10: Tiêu chí 1), as some communes do.
    const wb = await edited(BASE, [
      [11, 5, { error: "#N/A" }],
      [10, 5, "Đạt"],
    ]);
    const c = checked(wb);
    const plan = planCouncilColumns(c.sheet, c.check, "vi");
    expect(plan?.blocks[0]?.values[4]?.[0]).toBe("#N/A");
    expect(plan?.blocks[0]?.values[3]?.[0]).toBe("Đạt");
    const report = { ...c.check.report, criteria: c.check.report.criteria.map((g) => ({ ...g, row: null })) };
    const without = planCouncilColumns(c.sheet, { ...c.check, report }, "vi");
    expect(without?.blocks[0]?.values[3]).toEqual([null, null, null]);
  });
});
