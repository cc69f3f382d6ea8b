// The council's papers from the pure core: the columns `--tham-dinh` adds to a one-level-column
// sheet (a ticked box copied as `x`), and the verified bản tổng hợp when the council agrees, when it
// finds the unit short, and while its own marks cannot be read.
import { checkSheet } from "../../src/core/checks/check";
import { councilReading } from "../../src/core/checks/council";
import { planCouncilColumns } from "../../src/core/plans/council-columns";
import { shortfallLines, verifiedConclusion, verifiedSummary } from "../../src/core/plans/verified-sheet";
import { builtinFramework } from "../../src/core/sets/builtin";
import { sheet, template, workbook } from "../helpers/grid";

const fw = builtinFramework("hp-2022-district");

/** The district's template filled in, with the council's column G (`Thẩm định`) holding `council(row)`. */
function district(council?: (row: number, own: string) => string) {
  const t = template({ unit: "UBND HUYỆN AN LÃO" });
  const rows = t.rows.map((r, i) => {
    const copy = [...r];
    if (council && i === 3) copy[6] = "Thẩm định";
    else if (council && i > 3 && typeof r[4] === "string") copy[6] = council(i + 1, r[4]);
    return copy;
  });
  const s = sheet("Tự đánh giá", rows as never);
  const wb = workbook([s]);
  const check = checkSheet(wb, s, { framework: fw });
  if (!check) throw new Error("no table");
  return { s, wb, check };
}

test("one level column: one council column and a note column beside the table, pre-filled, headed by the council", () => {
  const { s, check } = district();
  const plan = planCouncilColumns(s, check, "vi");
  if (!plan) throw new Error("no plan");
  const [block] = plan.blocks;
  const left = check.layout.right + 1;
  expect(block?.left).toBe(left);
  expect(block?.values[0]).toEqual(["Hội đồng thẩm định", "Ý kiến của Hội đồng"]);
  const first = check.report.indicators[0];
  const own = s.rows.get(first?.row ?? 0)?.get(check.layout.columns.level ?? 0)?.value;
  expect(block?.values[(first?.row ?? 0) - check.layout.headerRow]?.[0]).toBe(own);
  expect(plan.given).toBe(true);
  expect(plan.names).toEqual([]);
  // Columns already there: nothing to add.
  const agreed = district((_, own) => own);
  expect(planCouncilColumns(agreed.s, agreed.check, "vi")).toBeNull();
});

test("the council agrees: its conclusion is the unit's level, no reasons; the paper titled as verified", () => {
  const { s, wb, check } = district((_, own) => own);
  const reading = councilReading(wb, s, check, "vi");
  if (!reading) throw new Error("no reading");
  expect(shortfallLines(check, reading, s)).toEqual([]);
  const plan = verifiedSummary(check, reading, s);
  const text = plan.rows.flat().filter((v) => typeof v === "string");
  expect(text).toContain("DO HỘI ĐỒNG ĐÁNH GIÁ THẨM ĐỊNH");
  expect(text).toContain("TM. HỘI ĐỒNG ĐÁNH GIÁ");
  expect(text.some((t) => String(t).startsWith("Lý do không đạt"))).toBe(false);
  expect(plan.print?.orientation).toBe("portrait");
  expect(verifiedConclusion(check, reading)).toMatch(/^Huyện An Lão (đạt|chưa đủ)/);
});

test("the council finds the unit short: a reason per target below the level asked; marks it cannot read: no conclusion", () => {
  const short = district((row, own) =>
    row === district().check.report.indicators[0]?.row ? "Không đạt" : own
  );
  const reading = councilReading(short.wb, short.s, short.check, "vi");
  if (!reading) throw new Error("no reading");
  const lines = shortfallLines(short.check, reading, short.s);
  expect(lines.length).toBe(1);
  expect(lines[0]).toMatch(/^– Chỉ báo 1.*: không đạt Mức 1 \(đơn vị tự đánh giá đạt Mức \d\)\.$/);
  const bad = district((row, own) => (row === district().check.report.indicators[0]?.row ? "Mức 9" : own));
  const unread = councilReading(bad.wb, bad.s, bad.check, "vi");
  if (!unread) throw new Error("no reading");
  expect(unread.verdict.issues).toHaveLength(1);
  expect(unread.verdict.issues[0]?.message).toMatch(/^Hội đồng thẩm định: /);
  expect(verifiedConclusion(bad.check, unread)).toBe(
    "chưa kết luận được: còn 1 ô ở cột của Hội đồng thẩm định đánh dấu chưa đúng (xem ghi chú kiểm tra)."
  );
});

test("a unit the sheet does not name, a council note: the reasons quote the note, the closing counts the differences", () => {
  const t = template({ unit: "" });
  const first = t.rows.findIndex((r, i) => i > 3 && typeof r[4] === "string");
  const rows = t.rows.map((r, i) => {
    const copy = [...r];
    if (i === 3) [copy[6], copy[7]] = ["Thẩm định", "Ý kiến của Hội đồng"];
    else if (i === first) [copy[6], copy[7]] = ["Không đạt", "Chưa có minh chứng"];
    else if (i > 3 && typeof r[4] === "string") copy[6] = r[4];
    return copy;
  });
  const s = sheet("Tự đánh giá", rows as never);
  const wb = workbook([s]);
  const check = checkSheet(wb, s, { framework: fw });
  if (!check) throw new Error("no table");
  expect(check.report.unitName).toBeNull();
  const reading = councilReading(wb, s, check, "vi");
  if (!reading) throw new Error("no reading");
  expect(reading.columns.note).toBe(8);
  const lines = shortfallLines(check, reading, s);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/; lý do: Chưa có minh chứng\.$/);
  expect(verifiedConclusion(check, reading)).toMatch(/^Đơn vị chưa đủ điều kiện công nhận/);
  const text = verifiedSummary(check, reading, s)
    .rows.flat()
    .filter((v): v is string => typeof v === "string");
  expect(text.some((v) => /khác đơn vị ở 1 chỉ báo\.$/.test(v))).toBe(true);
  expect(text).toContain("Lý do không đạt (để nêu trong văn bản trả lời đơn vị):");
  expect(text).toContain("Chưa có minh chứng");
  expect(text[0]).not.toMatch(/null|undefined/);
});
