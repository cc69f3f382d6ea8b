// What the checks say about the real form's ways of writing things: per-level marks, `Đạt` alone,
// formulas never computed, evidence placeholders, missing columns, hidden sheets, and the headline
// that waits for the errors.
import { checkSheet, checkWorkbook, candidateSheets, tableOverride } from "../../src/core/checks/check";
import { resultHeadline, resultLabel, unitPhrase } from "../../src/core/checks/headline";
import { issueMessage } from "../../src/core/checks/issue-messages";
import { RULES } from "../../src/core/model/issues";
import { builtinForKind, builtinFramework } from "../../src/core/sets/builtin";
import type { Framework } from "../../src/core/sets/framework";
import { sheet, template, workbook, type In } from "../helpers/grid";

const HEADER: In[] = ["TT", "Nội dung", "Số liệu", "Minh chứng", "Không đạt", "Mức 1", "Mức 2", "Mức 3"];
/** 16 indicators marked x at level 2, with some rows written otherwise. */
function marked(over: Record<number, In[]> = {}): In[][] {
  const rows: In[][] = [HEADER];
  for (let n = 1; n <= 16; n++)
    rows.push([`CB${n}`, "nội dung", "có", "H", ...(over[n] ?? [null, null, "x", null])]);
  return rows;
}
const issuesOf = (rows: In[][], opts: Parameters<typeof checkSheet>[2] = {}) => {
  const s = sheet("S", rows);
  return checkSheet(workbook([s]), s, opts)!.report;
};

describe("per-level marks", () => {
  test("every problem at its cell, in words that say how to fix it", () => {
    const r = issuesOf(
      marked({
        2: [null, null, null, null],
        3: [null, "x", null, "x"],
        4: [null, "có", null, null],
        5: [null, null, { error: "#REF!" }, null],
      })
    );
    expect(r.issues.map((i) => `${i.rule}@${i.cell}`)).toEqual([
      "missing-level@E3",
      "invalid-level@H4",
      "invalid-level@F5",
      "formula-error@G6",
    ]);
    expect(r.issues.map((i) => i.message)).toEqual([
      "Chỉ báo 2 chưa đánh dấu mức nào ở các cột E–H: đánh dấu x vào cột của mức đạt được (hoặc ghi Đạt / Không đạt ở từng mức).",
      "Chỉ báo 3 được đánh dấu ở nhiều mức (Mức 1, Mức 3): chỉ đánh dấu một cột, ở mức đạt được (ô H4).",
      "Ô F5 của chỉ báo 4 ghi “có”: ở các cột mức chỉ đánh dấu x (hoặc ghi Đạt / Không đạt).",
      "Ô G6 (chỉ báo 5) có lỗi công thức #REF!: sửa công thức hoặc ghi giá trị trực tiếp.",
    ]);
    expect(r.table.columns.level).toBe("E:H");
    expect(r.recognition.level).toBeNull();
  });

  test("columns chosen by hand under headers naming no level: one more than the levels starts at 0", () => {
    const plain = (rows: In[][]) => [
      ["TT", "Nội dung", "Số liệu", "Minh chứng", "A", "B", "C", "D"],
      ...rows.slice(1),
    ];
    const rows = plain(marked({ 1: ["x", null, null, null], 2: [null, null, null, "x"] }));
    const levels = (r: ReturnType<typeof issuesOf>) => r.indicators.slice(0, 3).map((i) => i.selfLevel);
    // Four columns for levels 0–3: the first is `Không đạt`.
    expect(levels(issuesOf(rows, { levelColumns: { left: 5, right: 8 } }))).toEqual([0, 3, 2]);
    // Three columns: levels 1–3 by position (the set has no fourth level to fit).
    const three = rows.map((r) => r.slice(0, 7));
    expect(levels(issuesOf(three, { levelColumns: { left: 5, right: 7 } }))).toEqual([1, null, 3]);
  });

  test("circular 25's level names as headers: Khá | Tốt, Mức độ Khá | Mức độ Tốt", () => {
    for (const [a, b] of [
      ["Khá", "Tốt"],
      ["Mức độ Khá", "Mức độ Tốt"],
    ]) {
      const rows: In[][] = [["TT", "Nội dung", "Số liệu", "Minh chứng", a, b]];
      for (let n = 1; n <= 15; n++)
        rows.push([`CT${n}`, "nội dung", "có", "H", "Đạt", n === 4 ? "Không đạt" : "Đạt"]);
      const two: Framework = {
        ...builtinForKind("district"),
        levels: builtinForKind("district").levels.slice(0, 3),
      };
      const r = issuesOf(rows, { framework: two });
      expect(r.table.columns.level).toBe("E:F");
      expect(r.indicators.slice(2, 5).map((i) => i.selfLevel)).toEqual([2, 1, 2]);
    }
  });

  test("short level headers of narrow columns: KĐ, M1, MĐ 2, M3", () => {
    const rows = marked({ 1: ["x", null, null, null] });
    rows[0] = ["TT", "Nội dung", "Số liệu", "Minh chứng", "KĐ", "M1", "MĐ 2", "M3"];
    const r = issuesOf(rows);
    expect(r.table.columns.level).toBe("E:H");
    expect(r.indicators.slice(0, 2).map((i) => i.selfLevel)).toEqual([0, 2]);
  });

  test("Đạt above a gap, a level above the scale, a formula never computed; in English too", () => {
    const rows = marked({
      1: [null, "Đạt", null, "Đạt"],
      2: [null, null, null, null],
    });
    (rows[2] as In[])[4] = undefined;
    const s = sheet("S", rows);
    const b = { ...s, rows: new Map(s.rows) };
    b.rows.set(
      3,
      new Map([...(s.rows.get(3) ?? new Map()), [6, { value: null, uncomputed: true as const }]])
    );
    const two: Framework = {
      ...builtinForKind("district"),
      levels: builtinForKind("district").levels.slice(0, 3),
    };
    const r = checkSheet(workbook([b]), b, { framework: two, lang: "en" })!.report;
    expect(r.issues.map((i) => `${i.rule}@${i.cell}`)).toEqual(["invalid-level@H2", "uncomputed-formula@F3"]);
    expect(r.issues[0]?.message).toBe(
      "Indicator 1 says “Đạt” at Level 3 (H2) but Level 2 is not achieved: a level counts only when every lower level does; fix one of the two."
    );
    expect(r.issues[1]?.message).toMatch(
      /^F3 \(indicator 2\) holds a formula whose value was never computed/
    );
    const over = issuesOf(marked({ 7: [null, null, null, "x"] }), { framework: two });
    expect(over.issues.map((i) => [i.rule, i.cell, i.message])).toEqual([
      [
        "invalid-level",
        "H8",
        "Mức “Mức 3” của chỉ báo 7 không có trong thang mức của bộ tiêu chí: ghi “Mức 1”, “Mức 2” hoặc “Không đạt”.",
      ],
    ]);
  });
});

describe("one level column", () => {
  const rows = (level: In, evidence: In = "H") => {
    const r: In[][] = [["TT", "Nội dung", "Số liệu", "Minh chứng", "Tự đánh giá"]];
    for (let n = 1; n <= 16; n++)
      r.push([`CB${n}`, "x", "có", n === 4 ? evidence : "H", n === 4 ? level : "Mức 1"]);
    return r;
  };

  test("`Đạt` alone asks which level; with one level above 0 it is that level", () => {
    const r = issuesOf(rows("Đạt"));
    expect(r.issues.map((i) => i.message)).toEqual([
      "Chỉ báo 4: “Đạt” chưa cho biết mức nào: ghi “Mức 1”, “Mức 2” hoặc “Mức 3” vào ô E5.",
    ]);
    const en = issuesOf(rows("Đạt"), { lang: "en" });
    expect(en.issues[0]?.message).toBe(
      "Indicator 4: “Đạt” does not say which level: write “Level 1”, “Level 2” or “Level 3” in E5."
    );
    const one: Framework = {
      ...builtinForKind("district"),
      levels: builtinForKind("district").levels.slice(0, 2),
    };
    const r1 = issuesOf(rows("Đạt"), { framework: one });
    expect(r1.issues).toEqual([]);
    expect(r1.indicators[3]?.level).toBe(1);
  });

  test("a formula never computed in the level, data or evidence cell has its own message", () => {
    const s = sheet("S", rows("Mức 1"));
    const b = { ...s, rows: new Map(s.rows) };
    const uncomputed = { value: null, uncomputed: true as const };
    b.rows.set(
      5,
      new Map([...(s.rows.get(5) ?? new Map()), [3, uncomputed], [4, uncomputed], [5, uncomputed]])
    );
    const r = checkSheet(workbook([b]), b)!.report;
    expect(r.issues.map((i) => `${i.rule}@${i.cell}`)).toEqual([
      "uncomputed-formula@E5",
      "uncomputed-formula@C5",
    ]);
    expect(r.issues[0]?.message).toBe(
      "Ô E5 (chỉ báo 4) có công thức chưa được tính giá trị (tệp được lưu bằng chương trình không tính công thức): mở tệp trong Excel, lưu lại rồi kiểm tra lại."
    );
    b.rows.set(5, new Map([...(s.rows.get(5) ?? new Map()), [4, uncomputed]]));
    expect(checkSheet(workbook([b]), b)!.report.issues.map((i) => `${i.rule}@${i.cell}`)).toEqual([
      "uncomputed-formula@D5",
    ]);
  });

  test("an evidence placeholder is no evidence", () => {
    for (const placeholder of ["-", "—", "x", 0, "Không có", "chưa có", "N/A", "...", "/"]) {
      const r = issuesOf(rows("Mức 2", placeholder));
      expect(r.issues.map((i) => `${i.rule}@${i.cell}`)).toEqual(["missing-evidence@D5"]);
    }
    expect(issuesOf(rows("Mức 2", "Không có")).issues[0]?.message).toBe(
      "Chỉ báo 4 tự đánh giá đạt mức nhưng ô minh chứng D5 chỉ ghi “Không có”: ghi mã minh chứng (ví dụ H1-01-02)."
    );
    expect(issuesOf(rows("Mức 2", "-"), { lang: "en" }).issues[0]?.message).toContain("only says “-”");
    // Not achieved: no evidence needed, placeholder or not.
    expect(issuesOf(rows("Không đạt", "Không có")).issues).toEqual([]);
  });
});

test("a missing column names the words looked for and the exact --map fix", () => {
  const { rows } = template({ header: ["TT", "Nội dung", "Cột 3", "Minh chứng", "Tự đánh giá"] });
  // The data column is needed once a leaf of the set is measured by a figure.
  const district = builtinForKind("district");
  const figure: Framework = {
    ...district,
    indicators: district.indicators.map((i) => (i.number === 1 ? { ...i, measure: "percent" as const } : i)),
  };
  expect(issuesOf(rows).issues).toEqual([]);
  const r = issuesOf(rows, { framework: figure });
  expect(r.issues[0]?.message).toBe(
    "Không tìm thấy cột “Số liệu / Kết quả thực hiện” ở dòng tiêu đề 4 (đã tìm: “Số liệu”, “Kết quả thực hiện”, “Kết quả đạt được”, “Thực trạng”). Nếu đó là cột C (“Cột 3”), chọn cột trong ngăn add-in (Chọn cột) hoặc dùng --map data=C; nếu bảng chưa có cột này, hãy thêm vào rồi kiểm tra lại."
  );
  const none = issuesOf(template({ header: ["TT", "Nội dung", "Số liệu", "Tự đánh giá"] }).rows, {
    lang: "en",
  });
  expect(none.issues[0]?.message).toBe(
    "No “Evidence” column in the header row 4 (looked for: “Minh chứng”, “Mã minh chứng”, “Mã MC”, “Tài liệu kiểm chứng”, “Văn bản minh chứng”). Add the column, or pick it in the add-in (Chọn cột) / use --map evidence=<column>, and check again."
  );
});

test("hidden sheets: left out and named, included on request, checked when every table is hidden", () => {
  const visible = sheet("Tự đánh giá", template().rows);
  const draft = sheet("Nháp", template().rows, { hidden: true });
  const lookup = sheet("Danh mục", [["a"]], { hidden: true });
  const wb = workbook([draft, lookup, visible]);
  expect(checkWorkbook(wb)).toMatchObject({ hiddenSkipped: ["Nháp"], onlyHidden: false });
  expect(checkWorkbook(wb).checked.map((c) => c.sheet.name)).toEqual(["Tự đánh giá"]);
  expect(checkWorkbook(wb, { includeHidden: true }).checked.map((c) => c.sheet.name)).toEqual([
    "Nháp",
    "Tự đánh giá",
  ]);
  expect(checkWorkbook(wb, { sheet: "nhap" })).toMatchObject({ hiddenSkipped: [], onlyHidden: false });
  const only = checkWorkbook(workbook([draft, lookup]));
  expect(only).toMatchObject({ hiddenSkipped: [], onlyHidden: true });
  expect(only.checked.map((c) => c.sheet.name)).toEqual(["Nháp"]);
  expect(candidateSheets(wb)).toHaveLength(3);
});

test("the officer's choices win over the stored mapping; a chosen level column drops the stored per-level span", () => {
  const s = sheet("S", [HEADER]);
  const wb = workbook(
    [s],
    [
      {
        name: "HocTap_Cot_MucDat",
        sheet: "S",
        refSheet: "S",
        range: { top: 1, left: 5, bottom: 1, right: 8 },
      },
      {
        name: "HocTap_Dong_Cuoi",
        sheet: "S",
        refSheet: "S",
        range: { top: 12, left: 1, bottom: 12, right: 1 },
      },
    ]
  );
  expect(tableOverride(wb, "S", {})).toEqual({
    columns: { level: 5 },
    levelColumns: { left: 5, right: 8 },
    headerRow: 1,
    lastRow: 12,
  });
  expect(tableOverride(wb, "S", { columns: { level: 9 }, headerRow: 2, lastRow: 20 })).toEqual({
    columns: { level: 9 },
    headerRow: 2,
    lastRow: 20,
  });
  // The stored last row ends the table: rows below it are not read.
  const rows = marked();
  const t = workbook(
    [sheet("S", rows)],
    [
      {
        name: "HocTap_Dong_Cuoi",
        sheet: "S",
        refSheet: "S",
        range: { top: 15, left: 1, bottom: 15, right: 1 },
      },
    ]
  );
  expect(checkSheet(t, t.sheets[0]!)!.report.indicators).toHaveLength(14);
});

describe("the headline waits for the errors", () => {
  const r = (
    level: number | null,
    errors: number,
    unitName: string | null = "Huyện An Lão",
    kind = "district"
  ) => ({
    unitName,
    framework: { kind },
    recognition: {
      level,
      label: level === null ? "Chưa xác định" : level === 0 ? "Không đạt" : `Mức ${level}`,
    },
    counts: { errors },
  });
  test.each([
    [r(2, 0), "vi", "Đề nghị công nhận: Huyện An Lão — Huyện học tập — Mức 2"],
    [r(2, 0, null), "vi", "Đề nghị công nhận: Quận/huyện học tập — Mức 2"],
    [
      r(1, 0, "Xã An Hòa", "commune"),
      "vi",
      "Đề nghị công nhận: Xã An Hòa — Cộng đồng học tập cấp xã — Mức 1",
    ],
    [r(1, 0, "Xã An Hòa", "other"), "vi", "Đề nghị công nhận: Xã An Hòa — Mức 1"],
    [r(2, 3), "vi", "Mức dự kiến: Mức 2 — còn 3 lỗi phải sửa trước khi gửi"],
    [r(2, 49990), "vi", "Mức dự kiến: Mức 2 — còn 49.990 lỗi phải sửa trước khi gửi"],
    [r(0, 1), "vi", "Mức dự kiến: Không đạt — còn 1 lỗi phải sửa trước khi gửi"],
    [r(0, 0), "vi", "Chưa đủ điều kiện công nhận"],
    [r(null, 4), "vi", "Chưa đủ điều kiện công nhận"],
    [
      r(3, 0, "Thành phố Hải Phòng", "city"),
      "en",
      "Proposed recognition: Thành phố Hải Phòng — Learning city — Mức 3",
    ],
    [r(1, 1), "en", "Expected level: Mức 1 — 1 error to fix before sending"],
    [r(1, 2), "en", "Expected level: Mức 1 — 2 errors to fix before sending"],
    [r(null, 2), "en", "Not yet eligible for recognition"],
  ] as const)("%j (%s)", (report, lang, text) => expect(resultHeadline(report, lang)).toBe(text));

  test("in a cell of KQ or Tổng hợp", () => {
    expect(resultLabel(r(2, 0), "vi")).toBe("Mức 2");
    expect(resultLabel(r(null, 2), "vi")).toBe("Chưa xác định");
    expect(resultLabel(r(2, 1), "vi")).toBe("Mức dự kiến: Mức 2 — còn 1 lỗi phải sửa trước khi gửi");
    expect(resultLabel(r(2, 1), "en")).toBe("Expected level: Mức 2 — 1 error to fix before sending");
  });

  test("the unit's phrase", () => {
    expect(unitPhrase("Phường Lê Lợi", { kind: "commune" }, "vi")).toBe("Cộng đồng học tập cấp xã");
    expect(unitPhrase("Huyện An Lão", { kind: "commune" }, "en")).toBe("Commune learning community");
    expect(unitPhrase(null, { kind: "unit" }, "vi")).toBe("Đơn vị học tập");
    expect(unitPhrase("Quận Lê Chân", { kind: "district" }, "vi")).toBe("Quận học tập");
    expect(unitPhrase(null, { kind: "city" }, "vi")).toBe("Thành phố học tập");
    expect(unitPhrase(null, { kind: "district" }, "vi")).toBe("Quận/huyện học tập");
    expect(unitPhrase(null, { kind: "district" }, "en")).toBe("Learning district");
    // The set's own words win over its kind's: circular 25/2023's district, circular 24's units.
    const huyen = builtinFramework("tt25-2023-huyen")!;
    expect(unitPhrase("Huyện An Lão", huyen, "vi")).toBe("Cộng đồng học tập cấp huyện");
    expect(unitPhrase(null, huyen, "en")).toBe("District learning community");
    expect(unitPhrase(null, builtinFramework("tt24-2023-don-vi-tinh")!, "vi")).toBe(
      "Đơn vị học tập cấp tỉnh"
    );
    expect(unitPhrase(null, { kind: "district", recognisedAs: "Cộng đồng học tập cấp huyện" }, "vi")).toBe(
      "Cộng đồng học tập cấp huyện"
    );
  });
});

describe("every new wording, in both languages, with or without its details", () => {
  const whys = [undefined, "marks", "several-marks", "achieved-above", "which-level"] as const;
  test.each(["vi", "en"] as const)("%s", (lang) => {
    for (const rule of RULES) {
      for (const why of whys) {
        const bare = issueMessage(rule, { why }, lang);
        const full = issueMessage(
          rule,
          {
            why,
            column: "Số liệu",
            expected: "16 chỉ báo",
            found: "15 chỉ báo",
            error: "#N/A",
            self: 2,
            computed: 1,
            indicator: 3,
            cell: "E7",
            text: "x",
            max: 2,
            columns: "E–H",
            below: "Mức 1",
            fix: "--map data=C",
            words: "“Số liệu”",
            headerRow: 4,
            value: 0.93,
            read: 0.93,
            alt: 93,
            readLabel: "Không đạt",
            altLabel: "Mức 2",
          },
          lang
        );
        expect(full).not.toMatch(/undefined|NaN/);
        expect(typeof bare).toBe("string");
      }
    }
    expect(
      issueMessage(
        "ambiguous-value",
        { indicator: 1, value: 0.5, read: 0.5, readLabel: "Mức 1", altLabel: "Mức 1" },
        lang
      )
    ).toMatch(lang === "vi" ? /cả hai cách hiểu đều cho Mức 1/ : /both readings give Mức 1/);
    expect(issueMessage("missing-column", { column: "Minh chứng" }, lang)).toContain("--map");
  });
});

test("structure counts in English, with the sheet's own sections", () => {
  const rows = [...template().rows];
  rows.splice(
    rows.findIndex((r) => r[0] === "Tiêu chí 6"),
    1
  );
  const r = issuesOf(rows, { lang: "en" });
  expect(r.issues.map((i) => i.message)).toEqual([
    "The table's structure does not match the criteria set: 3 standards, 6 criteria expected, the table has 3 standards, 5 criteria. Check the standard, criterion and indicator rows.",
  ]);
});
