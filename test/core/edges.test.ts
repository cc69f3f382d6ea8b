import fc from "fast-check";
import {
  a1,
  columnLetters,
  columnNumber,
  parseRange,
  qualifiedRange,
  rangeA1,
} from "../../src/core/model/a1";
import { builtinForKind } from "../../src/core/sets/builtin";
import { checkSheet } from "../../src/core/checks/check";
import { issueMessage, issueNote } from "../../src/core/checks/issue-messages";
import { RULES } from "../../src/core/model/issues";
import { buildStructure, classifyRows } from "../../src/core/table/structure";
import { cellText, isBlank, lastCol } from "../../src/core/model/snapshot";
import { detectTable, officerCells } from "../../src/core/table/header";
import { fold, romanToNumber, titleCase } from "../../src/core/model/text";
import { lastOfficerRow } from "../../src/core/plans/write-plan";
import { sheet, workbook, type In } from "../helpers/grid";

describe("A1 addresses", () => {
  test("column letters round-trip", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 16384 }), (c) => expect(columnNumber(columnLetters(c))).toBe(c))
    );
    expect(columnLetters(28)).toBe("AB");
    expect(a1(7, 5)).toBe("E7");
    expect(rangeA1({ top: 1, left: 1, bottom: 1, right: 1 })).toBe("A1");
    expect(rangeA1({ top: 1, left: 1, bottom: 3, right: 2 })).toBe("A1:B3");
  });
  test("ranges with and without sheets, quoted names, reversed corners", () => {
    expect(parseRange("$G$4:$H$29")).toEqual({ range: { top: 4, left: 7, bottom: 29, right: 8 } });
    expect(parseRange("'Tự đánh giá'!B9:A3")).toEqual({
      sheet: "Tự đánh giá",
      range: { top: 3, left: 1, bottom: 9, right: 2 },
    });
    expect(parseRange("'Bảng của ''An'''!C2")).toEqual({
      sheet: "Bảng của 'An'",
      range: { top: 2, left: 3, bottom: 2, right: 3 },
    });
    expect(parseRange("Sheet1!A1")).toEqual({
      sheet: "Sheet1",
      range: { top: 1, left: 1, bottom: 1, right: 1 },
    });
    expect(parseRange("A0")).toBeNull();
    expect(parseRange("#REF!")).toBeNull();
    expect(qualifiedRange("Sheet1", { top: 2, left: 1, bottom: 2, right: 1 })).toBe("Sheet1!$A$2");
    const name = "Bảng của 'An'";
    const q = qualifiedRange(name, { top: 2, left: 1, bottom: 5, right: 3 });
    expect(q).toBe("'Bảng của ''An'''!$A$2:$C$5");
    expect(parseRange(q)).toEqual({ sheet: name, range: { top: 2, left: 1, bottom: 5, right: 3 } });
  });
});

describe("text", () => {
  test("fold, roman numerals, title case", () => {
    expect(fold("  TIÊU  CHUẨN Đạt ")).toBe("tieu chuan dat");
    expect(["I", "ii", "IV", "IX", "XL", "XIV"].map(romanToNumber)).toEqual([1, 2, 4, 9, 40, 14]);
    expect(romanToNumber("M")).toBeNull();
    expect(romanToNumber("")).toBeNull();
    expect(titleCase("THỦY   NGUYÊN")).toBe("Thủy Nguyên");
  });
  test("cell text", () => {
    expect(cellText(null)).toBe("");
    expect(cellText(false)).toBe("FALSE");
    expect(cellText(new Date(Date.UTC(2022, 0, 4)))).toBe("2022-01-04");
    expect(cellText({ error: "#VALUE!" })).toBe("#VALUE!");
    expect(isBlank(" ")).toBe(true);
    expect(lastCol(sheet("x", []))).toBe(0);
  });
});

describe("every rule speaks both languages", () => {
  test.each(RULES.filter((r) => r !== "criteria-sheet"))("%s", (rule) => {
    const p = {
      indicator: 4,
      cell: "D10",
      text: "Mức 5",
      error: "#DIV/0!",
      value: 0.8,
      read: 0.8,
      self: 3,
      computed: 2,
      column: "Minh chứng",
      expected: "16 chỉ báo",
      found: "15 chỉ báo",
      max: 3,
    };
    const vi = issueMessage(rule, p, "vi");
    const en = issueMessage(rule, p, "en");
    expect(vi).toMatch(/[ạ-ỹđĐ]/);
    expect(vi).not.toMatch(/undefined|NaN/);
    expect(en).not.toMatch(/undefined|NaN/);
    expect(en).not.toBe(vi);
    expect(issueNote(rule, "vi", p).length).toBeGreaterThan(3);
    expect(issueNote(rule, "en", p)).not.toBe(issueNote(rule, "vi", p));
  });
  test("level-mismatch says which way", () => {
    expect(issueMessage("level-mismatch", { indicator: 1, self: 1, computed: 2 }, "vi")).toContain(
      "có thể nâng"
    );
    expect(issueMessage("level-mismatch", { indicator: 1, self: 1, computed: 2 }, "en")).toContain(
      "could be raised"
    );
    expect(issueNote("level-mismatch", "en", { self: 1, computed: 2 })).toBe("Claim below data");
    expect(issueNote("criteria-sheet", "vi")).toBe("Lỗi bộ tiêu chí");
    expect(issueMessage("criteria-sheet", {}, "en")).toBe("");
  });
});

describe("unusual tables", () => {
  const header: In[] = ["TT", "Nội dung", "Số liệu", "Minh chứng", "Mức"];
  const layoutOf = (rows: In[][]) => {
    const s = sheet("x", rows);
    const t = detectTable(s, []);
    if (!t) throw new Error("no table");
    return buildStructure(classifyRows(s, t, officerCells(s, [])));
  };

  test("sections out of place are orphans; decreasing numbers fall back to the table's order", () => {
    const s = layoutOf([
      header,
      ["Chỉ báo 2", "a", 1, "H", 2],
      ["Tiêu chí 1", "c"],
      ["Tiêu chuẩn 1", "s"],
      ["Tiêu chí 2", "c"],
      ["Chỉ báo 1", "b", 1, "H", 2],
    ]);
    expect(s.indicators.map((i) => i.number)).toEqual([1, 2]);
    expect(s.orphans).toBe(2);
    expect(s.standards[0]?.criteria).toEqual([1]);
    expect(s.criteria[0]?.indicators).toEqual([2]);
  });

  test("codes deeper than three levels below the deepest are ignored", () => {
    const s = layoutOf([header, ["1", "x"], ["1.1", "x"], ["1.1.1", "x"], ["1.1.1.1", "x", 1, "H", 2]]);
    expect(s.indicators).toHaveLength(1);
    expect(s.standards).toHaveLength(1);
  });

  test("keywords in the content when the code cell is blank", () => {
    const s = layoutOf([
      header,
      [null, "TIÊU CHUẨN II: Cơ hội"],
      [null, "Tiêu chí 3 - Mạng lưới"],
      [null, "Chỉ báo 7: tỷ lệ", 1, "H", 2],
    ]);
    expect(s.standards[0]?.code).toBe("TIÊU CHUẨN II");
    expect(s.indicators[0]).toMatchObject({ number: 7, code: "Chỉ báo 7" });
  });

  test("a stored mapping finds a table whose header words mean nothing", () => {
    const s = sheet("x", [
      ["Cột A", "Cột B"],
      ["CB1", "x"],
    ]);
    expect(detectTable(s, [])).toBeNull();
    const t = detectTable(s, [], { columns: { content: 2, code: 1 }, headerRow: 1 });
    expect(t).toEqual({ headerRow: 1, headerRows: 1, columns: { content: 2, code: 1 }, left: 1, right: 2 });
  });

  test("header cells owned by the product are not the officer's", () => {
    const rows: In[][] = [header, ["Chỉ báo 1", "x", 1, "H", 2]];
    rows[0]?.push("Mức tính toán");
    const s = sheet("x", rows);
    const wb = workbook(
      [s],
      [{ name: "HocTap_KQ_Cot", sheet: "x", refSheet: "x", range: { top: 1, left: 6, bottom: 2, right: 7 } }]
    );
    expect(checkSheet(wb, s)?.layout.right).toBe(5);
  });

  test("an empty sheet has no officer row", () => {
    expect(lastOfficerRow(sheet("x", []), [])).toBe(0);
  });

  test("a sheet whose criteria the set does not have still checks every row", () => {
    const s = sheet("x", [
      header,
      ...Array.from({ length: 16 }, (_, i): In[] => [`CB${i + 1}`, "x", 1, "H", 2]),
    ]);
    const c = checkSheet(workbook([s]), s, {
      framework: {
        ...builtinForKind("district"),
        indicators: builtinForKind("district").indicators.slice(0, 16),
      },
    });
    expect(c?.report.recognition.level).toBe(2);
  });
});

describe("more spellings and corners", () => {
  test("measure spellings in the criteria sheet; a sheet with only some columns", async () => {
    const { readCriteriaSheet } = await import("../../src/core/sets/criteria-sheet");
    const city = builtinForKind("city");
    const rows: In[][] = [
      ["Mã", "Loại", "Mức 1", "Mức 2", "Tiêu chuẩn", "Tiêu chí"],
      [1, "Mức độ", "", "", "1", "1"],
      [2, "%", "≥ 50", "≥ 60", "1", "1"],
      [3, "Phần trăm", "≥ 50", "", "1", "1"],
      [],
      [4, "Giá trị", "≥ 5", "", "1", "1"],
      [5, "Yes/No", "Có", "", "1", "1"],
      [6, "", "", "", "1", "1"],
    ];
    const { framework, issues } = readCriteriaSheet(sheet("Bộ tiêu chí", rows), city, "vi");
    expect(issues).toEqual([]);
    expect(framework.indicators.slice(0, 6).map((i) => i.measure)).toEqual([
      "level",
      "percent",
      "percent",
      "number",
      "yesno",
      "level",
    ]);
    expect(framework.indicators[1]?.thresholds).toEqual([
      { op: ">=", value: 50 },
      { op: ">=", value: 60 },
      null,
    ]);
    expect(framework.standards).toEqual(city.standards);
  });

  test("titles of the base tree survive a rebuilt tree", async () => {
    const { criteriaSheetRows, readCriteriaSheet } = await import("../../src/core/sets/criteria-sheet");
    const base = builtinForKind("district");
    const titled = {
      ...base,
      standards: base.standards.map((s) => ({ ...s, title: `TC ${s.number}` })),
      criteria: base.criteria.map((c) => ({ ...c, title: `C ${c.number}` })),
    };
    const rows = criteriaSheetRows(titled);
    rows.forEach((r, i) => i > 0 && (r[8] = String(r[8])));
    const { framework } = readCriteriaSheet(sheet("Bộ tiêu chí", rows), titled);
    expect(framework.standards).toEqual(titled.standards);
    expect(framework.criteria).toEqual(titled.criteria);
  });

  test("numbers too large to be real are not numbers", async () => {
    const { parseNumberText } = await import("../../src/core/model/numbers");
    expect(parseNumberText("9".repeat(400))).toBeNull();
  });

  test("group corners: an empty group, a points rule without a band for the level", async () => {
    const { groupLevel } = await import("../../src/core/checks/scoring");
    expect(groupLevel({ rule: "share-at-least", percent: 50 }, [], 3)).toEqual({
      level: null,
      reasons: [{ code: "structure" }],
    });
    const r = groupLevel(
      { rule: "points", bands: [{ level: 1, min: 50 }] },
      [{ number: 1, level: 3 }],
      3,
      () => 10
    );
    expect(r).toEqual({
      level: 1,
      reasons: [{ code: "points-short", next: 2, percent: 100, required: Infinity }],
    });
  });

  test("Roman codes beside plain content, uncoded rows with evidence only", () => {
    const s = sheet("x", [
      ["TT", "Nội dung", "Số liệu", "Minh chứng", "Mức"],
      ["I", "Lãnh đạo"],
      ["1", "Công tác"],
      ["1.1", "Ban hành", "x", "H", 2],
      [null, "Kiện toàn", "x", "H2", null],
    ]);
    const t = detectTable(s, []);
    const rows = classifyRows(s, t!, officerCells(s, []));
    expect(rows.map((r) => r.kind)).toEqual(["standard", "criterion", "indicator", "indicator"]);
  });

  test("the write plan for a flat table, in English, for a city that is not recognised", async () => {
    const { planResults } = await import("../../src/core/plans/write-plan");
    const rows: In[][] = [["UBND THÀNH PHỐ HẢI PHÒNG"], ["TT", "Nội dung", "Số liệu", "Minh chứng", "Mức"]];
    for (let n = 1; n <= 20; n++) rows.push([`CB${n}`, "x", "có", "H", n === 3 ? "Không đạt" : "Mức 2"], []);
    const s = sheet("x", rows);
    const wb = workbook([s]);
    const check = checkSheet(wb, s, { lang: "en" });
    const plan = planResults(wb, s, check!, { today: "01/02/2023", lang: "en" });
    const [columns, block] = plan.blocks;
    expect(columns?.values[0]).toEqual(["Computed level", "Check notes"]);
    expect(columns?.values[1]).toEqual(["Level 2", null]);
    expect(columns?.values[2]).toEqual([null, null]);
    expect(block?.values.map((v) => v[0])).toEqual([
      "SELF-ASSESSMENT CHECK RESULT",
      "Not yet eligible for recognition",
      "– Level 1 is not reached: indicator 3 not achieved.",
      "Criteria set: Pilot criteria for recognising a learning city (Hai Phong, 2022)",
      "Checked on: 01/02/2023",
      "Errors: 0; warnings: 0",
    ]);
    const vi = planResults(wb, s, checkSheet(wb, s)!, { today: "01/02/2023" });
    expect(vi.blocks[1]?.values[1]?.[0]).toBe("Chưa đủ điều kiện công nhận");
  });

  test("criteria-sheet messages pass through", () => {
    expect(issueMessage("criteria-sheet", { text: "Sai ngưỡng" }, "vi")).toBe("Sai ngưỡng");
  });
});

test("sheets far beyond 100,000 rows: no spread of one argument per row anywhere", async () => {
  const { maxOf } = await import("../../src/core/model/max");
  const { planResults } = await import("../../src/core/plans/write-plan");
  expect(
    maxOf(
      Array.from({ length: 300000 }, (_, i) => i),
      -1
    )
  ).toBe(299999);
  expect(maxOf([], 7)).toBe(7);
  const rows: In[][] = [["TT", "Nội dung", "Số liệu", "Minh chứng", "Tự đánh giá"]];
  for (let n = 1; n < 200000; n++) rows.push([`${n}`, "x", "có", "H", "Mức 2"]);
  const s = sheet("Lớn", rows);
  const wb = workbook([s]);
  const c = checkSheet(wb, s)!;
  expect(c.report.indicators).toHaveLength(199999);
  expect(c.lastTableRow).toBe(200000);
  const plan = planResults(wb, s, c, { today: "x" });
  expect(plan.blocks[0]?.values).toHaveLength(200000);
}, 30000);
