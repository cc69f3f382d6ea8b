import { builtinForKind } from "../../src/core/sets/builtin";
import { checkSheet, checkWorkbook, chooseSet, type SheetCheck } from "../../src/core/checks/check";
import type { SheetStructure } from "../../src/core/table/structure";
import { criteriaSheetRows } from "../../src/core/sets/criteria-sheet";
import type { Framework } from "../../src/core/sets/framework";
import { headerRole } from "../../src/core/table/header";
import { unitNameFrom } from "../../src/core/table/unit";
import { sheet, template, workbook, type In } from "../helpers/grid";

function run(
  rows: In[][],
  opts: Parameters<typeof checkSheet>[2] = {},
  extraSheets = [] as ReturnType<typeof sheet>[]
): SheetCheck {
  const s = sheet("Tự đánh giá", rows);
  const result = checkSheet(workbook([s, ...extraSheets]), s, opts);
  if (!result) throw new Error("no table found");
  return result;
}
const rules = (c: SheetCheck) => c.report.issues.map((i) => `${i.rule}@${i.cell}:${i.severity}`);

describe("reading the table", () => {
  test("a clean district template scores as its lowest indicator, with the unit's name", () => {
    const { rows, rowOf } = template({ indicator: (n) => ({ level: n === 5 ? "Mức 2" : "Mức 3" }) });
    const c = run(rows);
    expect(c.report.issues).toEqual([]);
    expect(c.report.unitName).toBe("Huyện An Lão");
    expect(c.report.framework).toMatchObject({ id: "hp-2022-district", kind: "district" });
    expect(c.report.framework.layers.indicator).toEqual({ name: "Chỉ báo", code: "CB" });
    expect(c.report.framework.levels).toEqual(["Không đạt", "Mức 1", "Mức 2", "Mức 3"]);
    expect(c.report.indicators.map((i) => i.row)).toEqual([...rowOf.values()]);
    expect(c.report.criteria.map((x) => x.level)).toEqual([3, 2, 3, 3, 3, 3]);
    expect(c.report.standards.map((x) => x.level)).toEqual([2, 3, 3]);
    expect(c.report.recognition).toMatchObject({ level: 2, label: "Mức 2" });
    expect(c.report.table).toEqual({
      headerRow: 4,
      lastRow: 29,
      columns: { code: "A", content: "B", data: "C", evidence: "D", level: "E", note: "F" },
    });
  });

  test("20 indicators choose the city set", () => {
    const c = run(template({ kind: "city", unit: "UBND THÀNH PHỐ HẢI PHÒNG" }).rows);
    expect(c.report.framework.kind).toBe("city");
    expect(c.report.unitName).toBe("Thành phố Hải Phòng");
  });

  test("headers in other words, without diacritics, in any column", () => {
    const { rows } = template({
      header: ["STT", "Noi dung", "So lieu", "Tai lieu kiem chung", "Muc dat (tu danh gia)", "Yêu cầu"],
    });
    const shifted = rows.map((r) => [null, null, ...r]);
    const c = run(shifted);
    expect(c.report.issues).toEqual([]);
    expect(c.report.table.columns).toMatchObject({
      code: "C",
      content: "D",
      data: "E",
      evidence: "F",
      level: "G",
      requirement: "H",
    });
  });

  test.each([
    ["Mã minh chứng", "evidence"],
    ["Tài liệu kiểm chứng", "evidence"],
    ["Đạt mức", "level"],
    ["Mức độ", "level"],
    ["Kết quả thực hiện", "data"],
    ["Số liệu", "data"],
    ["Tiêu chuẩn, tiêu chí, chỉ báo", "content"],
    ["TT", "code"],
    ["Mã", "code"],
    ["Ghi chú", "note"],
    ["Yêu cầu", "requirement"],
    ["Lãnh đạo", null],
  ])("header %s → %s", (text, role) => expect(headerRole(text)).toBe(role));

  test("Roman, ordinal and dotted codes with `Chỉ báo N.` in the content", () => {
    const rows: In[][] = [["STT", "Nội dung", "Số liệu", "Minh chứng", "Mức đạt"]];
    let n = 1;
    [3, 3, 3, 3, 2, 2].forEach((size, c) => {
      if (c % 2 === 0) rows.push(["I II III".split(" ")[c / 2], `TIÊU CHUẨN ${c / 2 + 1}: nội dung`]);
      rows.push([String(c + 1), `Tiêu chí ${c + 1}. nội dung`]);
      for (let i = 1; i <= size; i++, n++)
        rows.push([`${c + 1}.${i}`, `Chỉ báo ${n}. nội dung`, "x", "H", "Đạt mức 2"]);
      rows.push([]);
    });
    const c = run(rows);
    expect(c.report.issues).toEqual([]);
    expect(c.report.indicators.map((i) => i.code).slice(0, 3)).toEqual(["1.1", "1.2", "1.3"]);
    expect(c.report.standards.map((s) => s.code)).toEqual(["I", "II", "III"]);
    expect(c.report.recognition.level).toBe(2);
  });

  test("dotted codes alone count depth from the deepest; numbers follow the table's order", () => {
    const rows: In[][] = [["Mã", "Nội dung", "Số liệu", "Minh chứng", "Tự đánh giá"]];
    [3, 3, 3, 3, 2, 2].forEach((size, c) => {
      const s = Math.floor(c / 2) + 1;
      if (c % 2 === 0) rows.push([`${s}`, "tiêu chuẩn"]);
      rows.push([`${s}.${(c % 2) + 1}`, "tiêu chí"]);
      for (let i = 1; i <= size; i++) rows.push([`${s}.${(c % 2) + 1}.${i}`, "chỉ báo", 1, "H", 3]);
    });
    const c = run(rows);
    expect(c.report.issues).toEqual([]);
    expect(c.report.indicators.map((i) => i.number)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    expect(c.report.criteria).toHaveLength(6);
    expect(c.report.recognition.level).toBe(3);
  });

  test("CB codes; a flat list without sections uses the set's provisional tree", () => {
    const rows: In[][] = [["TT", "Nội dung chỉ báo", "Số liệu", "Minh chứng", "Tự đánh giá"]];
    for (let n = 1; n <= 16; n++) rows.push([`CB${n}`, "nội dung", "có", "H", "M2"]);
    const c = run(rows);
    expect(c.report.issues).toEqual([]);
    expect(c.report.criteria.map((x) => [x.code, x.row, x.indicators.length])).toEqual([
      ["Tiêu chí 1", null, 3],
      ["Tiêu chí 2", null, 3],
      ["Tiêu chí 3", null, 3],
      ["Tiêu chí 4", null, 3],
      ["Tiêu chí 5", null, 2],
      ["Tiêu chí 6", null, 2],
    ]);
  });

  test("uncoded rows filled like indicators are indicators; a signature block is not", () => {
    const rows: In[][] = [["Nội dung", "Số liệu", "Minh chứng", "Tự đánh giá"]];
    for (let n = 1; n <= 16; n++) rows.push([`chỉ báo thứ ${n}`, "có", "H", "Mức 1"]);
    rows.push([], [null, null, null, "CHỦ TỊCH"], [null, null, null, "Nguyễn Văn A"]);
    const c = run(rows);
    expect(c.report.indicators).toHaveLength(16);
    expect(c.report.recognition.level).toBe(1);
  });

  test("no content column: no table", () => {
    const s = sheet("Ghi chú", [
      ["Số liệu", "Minh chứng", "Tự đánh giá"],
      [1, 2, 3],
    ]);
    expect(checkSheet(workbook([s]), s)).toBeNull();
  });

  test("unit names", () => {
    expect(unitNameFrom(["ỦY BAN NHÂN DÂN HUYỆN AN LÃO"])).toBe("Huyện An Lão");
    expect(unitNameFrom(["UBND QUẬN LÊ CHÂN"])).toBe("Quận Lê Chân");
    expect(unitNameFrom(["Uỷ ban nhân dân thị xã Kinh Môn"])).toBe("Thị xã Kinh Môn");
    expect(unitNameFrom(["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "UBND THÀNH PHỐ HẢI PHÒNG"])).toBe(
      "Thành phố Hải Phòng"
    );
    expect(unitNameFrom(["UBND XÃ AN HOÀ"])).toBe("Xã An Hoà");
    expect(unitNameFrom(["UBND HUYỆN"])).toBeNull();
    expect(unitNameFrom(["BẢNG TỰ ĐÁNH GIÁ"])).toBeNull();
  });

  /** A table's structure: `n` leaves, under `criteria` groups (and `standards` above them) when given. */
  const shape = (n: number, criteria = 0, standards = 0): SheetStructure => ({
    indicators: Array.from({ length: n }, (_, i) => ({ number: i + 1, row: i + 1, bottom: i + 1, code: "" })),
    criteria: Array.from({ length: criteria }, (_, i) => ({
      number: i + 1,
      row: 0,
      code: "",
      indicators: [],
    })),
    standards: Array.from({ length: standards }, (_, i) => ({
      number: i + 1,
      row: 0,
      code: "",
      criteria: [],
    })),
    duplicates: [],
    gaps: [],
    orphans: 0,
  });
  const chosen = (s: SheetStructure, titles: string[] = []) => chooseSet(s, titles).id;

  test("the count decides a flat list; title words break ties", () => {
    expect(chosen(shape(16), ["THÀNH PHỐ HỌC TẬP"])).toBe("hp-2022-district");
    expect(chosen(shape(20))).toBe("hp-2022-city");
    expect(chosen(shape(15))).toBe("tt25-2023-xa");
    expect(chosen(shape(17), ["BẢNG TỰ ĐÁNH GIÁ THÀNH PHỐ HỌC TẬP"])).toBe("hp-2022-city");
    expect(chosen(shape(19), ["QUẬN/HUYỆN HỌC TẬP"])).toBe("hp-2022-district");
    expect(chosen(shape(19))).toBe("hp-2022-city");
    expect(chosen(shape(17))).toBe("hp-2022-district");
    // The nearest count: circular 25's district set (13 targets).
    expect(chosen(shape(3))).toBe("tt25-2023-huyen");
  });

  /** Targets under criteria, split as given (`[3, 3, 3, 4, 2]`). */
  const split = (sizes: number[]): SheetStructure => {
    const s = shape(
      sizes.reduce((a, b) => a + b, 0),
      sizes.length
    );
    let n = 0;
    s.criteria.forEach((c, i) => {
      c.indicators = Array.from({ length: sizes[i] as number }, () => ++n);
    });
    return s;
  };

  test("the circulars' splits choose their sets; title words break what the split leaves", () => {
    expect(chosen(split([3, 3, 3, 4, 2]))).toBe("tt25-2023-xa");
    expect(chosen(split([3, 5, 5, 3]))).toBe("tt25-2023-tinh");
    expect(chosen(split([3, 4, 3, 3]))).toBe("tt25-2023-huyen");
    expect(chosen(split([5, 5, 5]))).toBe("tt24-2023-don-vi-huyen");
    expect(chosen(split([5, 5, 6]))).toBe("tt24-2023-don-vi-tinh");
    // Flat lists: the count, then the title's words.
    expect(chosen(shape(15), ["BẢNG TỰ ĐÁNH GIÁ ĐƠN VỊ HỌC TẬP NĂM 2025"])).toBe("tt24-2023-don-vi-huyen");
    expect(chosen(shape(16), ["TỰ ĐÁNH GIÁ “ĐƠN VỊ HỌC TẬP” CẤP TỈNH"])).toBe("tt24-2023-don-vi-tinh");
    expect(chosen(shape(16), ["CỘNG ĐỒNG HỌC TẬP CẤP TỈNH"])).toBe("tt25-2023-tinh");
    expect(chosen(shape(13), ["CỘNG ĐỒNG HỌC TẬP CẤP HUYỆN"])).toBe("tt25-2023-huyen");
    // A commune's sheet split 3-3-3-3-3 (an earlier guess): still the commune set, by count and title.
    expect(chosen(split([3, 3, 3, 3, 3]), ["CỘNG ĐỒNG HỌC TẬP CẤP XÃ"])).toBe("tt25-2023-xa");
  });

  test("a whole shape outweighs the title; the title tips a partial shape", () => {
    // 15 targets under 5 criteria, no standards: the commune set, whatever the title says.
    expect(chosen(shape(15, 5), ["HUYỆN HỌC TẬP"])).toBe("tt25-2023-xa");
    // The pilot's 16 under 3 standards and 6 criteria: the district, whatever the title says.
    expect(chosen(shape(16, 6, 3), ["CỘNG ĐỒNG HỌC TẬP CẤP XÃ"])).toBe("hp-2022-district");
    // 16 targets under 5 criteria: the count says district, the layers and title say commune.
    expect(chosen(shape(16, 5), ["ĐÁNH GIÁ CỘNG ĐỒNG HỌC TẬP CẤP XÃ NĂM 2025"])).toBe("tt25-2023-xa");
    // With no title, criteria rows and no standards: circular 25's province set (16 targets).
    expect(chosen(shape(16, 5))).toBe("tt25-2023-tinh");
    expect(chosen(shape(15, 6, 3), ["HUYỆN HỌC TẬP"])).toBe("hp-2022-district");
  });
});

describe("checks", () => {
  test("each row rule at its cell, in Vietnamese; the recognition is null with reasons", () => {
    const { rows, rowOf } = template({
      indicator: (n) =>
        ({
          2: { level: null },
          3: { level: "Mức 5" },
          4: { level: { error: "#REF!" } },
          5: { data: null },
          6: { data: { error: "#DIV/0!" } },
          7: { evidence: null },
          8: { evidence: null, level: "Không đạt" },
          9: { evidence: { error: "#N/A" } },
        })[n] ?? {},
    });
    const c = run(rows);
    const r = (n: number) => rowOf.get(n);
    expect(rules(c)).toEqual([
      `missing-level@E${r(2)}:error`,
      `invalid-level@E${r(3)}:error`,
      `formula-error@E${r(4)}:error`,
      `missing-value@C${r(5)}:error`,
      `formula-error@C${r(6)}:error`,
      `missing-evidence@D${r(7)}:error`,
      `formula-error@D${r(9)}:error`,
    ]);
    expect(c.report.indicators.filter((i) => i.level === null).map((i) => i.number)).toEqual([2, 3, 4]);
    expect(c.report.recognition.level).toBeNull();
    expect(c.report.recognition.label).toBe("Chưa xác định");
    expect(c.report.recognition.reasons[0]).toContain("2, 3, 4");
    expect(c.report.issues[0]?.message).toBe(
      `Chỉ báo 2 chưa có mức tự đánh giá: ghi “Mức 1”, “Mức 2”, “Mức 3” hoặc “Không đạt” vào ô E${r(2)}.`
    );
    expect(c.report.counts).toEqual({ errors: 7, warnings: 0 });
  });

  test("messages in English on request", () => {
    const { rows } = template({ indicator: (n) => (n === 1 ? { level: null } : {}) });
    expect(run(rows, { lang: "en" }).report.issues[0]?.message).toMatch(
      /^Indicator 1 has no self-assessed level/
    );
  });

  test("threshold-scored indicators: the computed level stands", () => {
    const base = builtinForKind("district");
    const rows = criteriaSheetRows(base);
    const set = (n: number, measure: string, t: string[]) => {
      const row = rows.find((r) => r[0] === String(n)) as In[];
      row[2] = measure;
      t.forEach((x, i) => (row[3 + i] = x));
    };
    set(1, "Tỷ lệ", ["≥ 50", "≥ 70", "≥ 90"]);
    set(2, "Tỷ lệ", ["≤ 5", "≤ 3", "≤ 1,5"]);
    set(3, "Tỷ lệ", ["≥ 50", "≥ 70", "≥ 90"]);
    set(4, "Tỷ lệ", ["≥ 50", "≥ 70", "≥ 90"]);
    set(5, "Tỷ lệ", ["≥ 50", "≥ 70", "≥ 90"]);
    set(6, "Số", ["≥ 10", "≥ 20", "≥ 30"]);
    set(7, "Tỷ lệ", ["≥ 50", "≥ 70", "≥ 90"]);
    set(8, "Tỷ lệ", ["≥ 50", "≥ 70", "≥ 90"]);
    set(9, "Tỷ lệ", ["≥ 50", "≥ 70", "≥ 90"]);
    const data: Record<number, IndicatorData> = {
      1: { data: { v: 0.96, f: "0.0%" }, level: "Mức 3" },
      2: { data: "2,1%", level: "Mức 1" },
      3: { data: "35/40", level: "Mức 3" },
      4: { data: 0.8, level: "Mức 1" },
      5: { data: "nhiều", level: "Mức 1" },
      6: { data: -3, level: "Mức 1" },
      7: { data: 120, level: "Mức 1" },
      8: { data: null, level: "Mức 2" },
      9: { data: { error: "#DIV/0!" }, level: "Mức 2" },
    };
    const { rows: sheetRows, rowOf } = template({ indicator: (n) => data[n] ?? {} });
    const c = run(sheetRows, {}, [sheet("Bộ tiêu chí", rows)]);
    const r = (n: number) => rowOf.get(n);
    expect(rules(c)).toEqual([
      `level-mismatch@E${r(2)}:warning`,
      `level-mismatch@E${r(3)}:error`,
      `ambiguous-value@C${r(4)}:error`,
      `invalid-value@C${r(5)}:error`,
      `out-of-range@C${r(6)}:error`,
      `out-of-range@C${r(7)}:error`,
      `missing-value@C${r(8)}:error`,
      `formula-error@C${r(9)}:error`,
    ]);
    const ind = (n: number) => c.report.indicators[n - 1];
    expect(ind(1)).toMatchObject({ selfLevel: 3, computedLevel: 3, level: 3 });
    expect(ind(2)).toMatchObject({ selfLevel: 1, computedLevel: 2, level: 2 });
    expect(ind(3)).toMatchObject({ selfLevel: 3, computedLevel: 2, level: 2 });
    // 0,8 may be 0,8 % (level 0) or 80 % (level 2): never level 0 from a misreading.
    expect(ind(4)).toMatchObject({ selfLevel: 1, computedLevel: null, level: null });
    expect([5, 6, 7, 8, 9].map((n) => ind(n)?.level)).toEqual([null, null, null, null, null]);
    expect(c.report.issues.find((i) => i.rule === "ambiguous-value")?.message).toBe(
      `Số liệu 0,8 của chỉ báo 4 có thể là 0,8% (Không đạt) hoặc 80% (Mức 2), nên chưa xác định được mức: ghi 80% (kèm dấu %) hoặc định dạng ô C${r(4)} là phần trăm.`
    );
  });

  test("missing columns and wrong counts make the recognition null", () => {
    const { rows } = template({ header: ["TT", "Nội dung", "Ghi chú", "Ghi chú 2", "Mức đạt"] });
    const c = run(rows);
    // Every leaf of the district set is self-assessed: the data column is not needed, the evidence is.
    expect(rules(c)).toEqual(["missing-column@null:error"]);
    expect(c.report.issues.map((i) => i.message).join(" ")).toMatch(/Minh chứng/);
    expect(c.report.recognition.level).toBeNull();

    const short = template().rows.slice(0, -1);
    const s = run(short);
    expect(rules(s)).toEqual(["structure-count@null:error"]);
    expect(s.report.issues[0]?.message).toContain("cần 16 chỉ báo, bảng có 15 chỉ báo");
    expect(s.report.recognition.level).toBeNull();
    expect(s.report.recognition.reasons[0]).toMatch(/Cấu trúc bảng/);
  });

  test("a criterion with no indicator under it is a structure error, even when the counts match", () => {
    const rows = [...template().rows];
    // Criterion 6's row moves up right under criterion 5: 5 is left empty, 6 takes all four indicators.
    const [six] = rows.splice(
      rows.findIndex((r) => r[0] === "Tiêu chí 6"),
      1
    );
    rows.splice(rows.findIndex((r) => r[0] === "Tiêu chí 5") + 1, 0, six as In[]);
    const c = run(rows);
    expect(rules(c)).toEqual(["structure-count@null:error"]);
    expect(c.report.issues[0]?.message).toContain("Tiêu chí 5 không có chỉ báo nào");
    expect(c.report.criteria.map((x) => x.level)).toEqual([2, 2, 2, 2, null, 2]);
    expect(c.report.recognition.level).toBeNull();
  });

  test("a repeated or missing number", () => {
    const { rows, rowOf } = template();
    const row9 = rows[(rowOf.get(9) ?? 0) - 1] as In[];
    row9[0] = "Chỉ báo 8";
    const c = run(rows);
    expect(rules(c)).toEqual([
      "structure-count@null:error",
      "structure-count@null:error",
      `duplicate-indicator@A${rowOf.get(9)}:error`,
    ]);
    expect(c.report.issues[1]?.message).toContain(", bảng thiếu chỉ báo 9.");
  });

  test("a forced framework and a column mapping override detection", () => {
    const { rows } = template({ header: ["TT", "Nội dung", "Cột 3", "Cột 4", "Cột 5", "Ghi chú"] });
    const fw: Framework = builtinForKind("city");
    const c = run(rows, { framework: fw, columns: { data: 3, evidence: 4, level: 5 } });
    expect(c.report.framework.id).toBe("hp-2022-city");
    expect(rules(c)).toEqual(["structure-count@null:error"]);
  });

  test("checkWorkbook skips the criteria sheet and sheets without a table, and narrows by name", () => {
    const a = sheet("An Lão", template().rows);
    const b = sheet("Kiến Thụy", template({ unit: "UBND HUYỆN KIẾN THỤY" }).rows);
    const wb = workbook([
      a,
      sheet("Bộ tiêu chí", criteriaSheetRows(builtinForKind("district"))),
      sheet("Ghi chú", [["x"]]),
      b,
    ]);
    expect(checkWorkbook(wb).checked.map((x) => x.sheet.name)).toEqual(["An Lão", "Kiến Thụy"]);
    expect(checkWorkbook(wb, { sheet: "kien thuy" }).checked.map((x) => x.check.report.unitName)).toEqual([
      "Huyện Kiến Thụy",
    ]);
  });
});

type IndicatorData = { level?: In; data?: In; evidence?: In };
