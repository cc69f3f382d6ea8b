// The per-level Đạt / Không đạt form of circulars 24 and 25/2023: `Mức độ 1: Đạt | Không đạt`,
// `Mức độ 2: Đạt | Không đạt` under a two- or three-row header, marked x, X, ✓, √ or Đạt. Each
// level's pair is read from the header words; contradictions are errors at the cell; a `Không đạt`
// column is never read as a level, whatever the mapping.
import { checkSheet } from "../../src/core/checks/check";
import type { RangeRef } from "../../src/core/model/snapshot";
import { sheet, workbook, type In } from "../helpers/grid";

const SIZES = [3, 3, 3, 4, 2];
const r = (top: number, left: number, bottom: number, right: number): RangeRef => ({
  top,
  left,
  bottom,
  right,
});

/** Marks per target: [ML1 Đạt, ML1 KĐ, ML2 Đạt, ML2 KĐ]; every target Đạt at both levels unless said. */
type Marks = [In, In, In, In];

function form(
  opts: {
    three?: boolean;
    marks?: (n: number) => Marks | undefined;
    unit?: In[][];
    sizes?: number[];
    evidence?: (n: number) => In;
  } = {}
) {
  const rows: In[][] = [
    ...(opts.unit ?? [
      ["UBND TỈNH NINH BÌNH", null, null, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
      ["UBND XÃ GIA VIỄN"],
    ]),
    ["BẢNG TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ CÁC TIÊU CHÍ, CHỈ TIÊU CỘNG ĐỒNG HỌC TẬP CẤP XÃ NĂM 2025"],
  ];
  const header = rows.length + 1;
  const merges: RangeRef[] = [];
  if (opts.three) {
    rows.push(["TT", "Tiêu chí, chỉ tiêu", "Kết quả tự đánh giá", null, null, null, "Minh chứng"]);
    rows.push([null, null, "Mức độ 1", null, "Mức độ 2"]);
    merges.push(r(header, 3, header, 6), r(header + 1, 3, header + 1, 4), r(header + 1, 5, header + 1, 6));
    for (const c of [1, 2, 7]) merges.push(r(header, c, header + 2, c));
  } else {
    rows.push(["TT", "Tiêu chí, chỉ tiêu", "Mức độ 1", null, "Mức độ 2", null, "Minh chứng"]);
    merges.push(r(header, 3, header, 4), r(header, 5, header, 6));
    for (const c of [1, 2, 7]) merges.push(r(header, c, header + 1, c));
  }
  rows.push([null, null, "Đạt", "Không đạt", "Đạt", "Không đạt"]);
  rows.push(["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"]);
  const rowOf = new Map<number, number>();
  let n = 0;
  const letters = ["a)", "b)", "c)", "d)", "đ)", "e)"];
  (opts.sizes ?? SIZES).forEach((size, c) => {
    rows.push([["I", "II", "III", "IV", "V"][c], `Tiêu chí ${c + 1}: nội dung`]);
    for (let k = 0; k < size; k++) {
      n++;
      const m = opts.marks?.(n) ?? ["x", null, "x", null];
      rows.push([letters[k], `Chỉ tiêu ${k + 1}: nội dung`, ...m, opts.evidence?.(n) ?? `MC-${n}`]);
      rowOf.set(n, rows.length);
    }
  });
  rows.push([]);
  rows.push([null, null, null, null, "TM. ỦY BAN NHÂN DÂN"]);
  const s = sheet("Tổng hợp TC", rows, { merges });
  return { s, rowOf, header };
}

const check = (f: ReturnType<typeof form>, opts = {}) => checkSheet(workbook([f.s]), f.s, opts)!.report;

test.each([
  ["two-row header", false],
  ["three-row header under Kết quả tự đánh giá", true],
])("%s: every pair read, the commune set chosen, the lowest committee as the unit", (_, three) => {
  const f = form({
    three,
    marks: (n) =>
      n === 5
        ? ["X", null, null, "x"]
        : n === 14
          ? ["✓", null, null, "√"]
          : n === 2
            ? ["Đạt", null, "Đạt", null]
            : undefined,
  });
  const rep = check(f);
  expect(rep.framework.id).toBe("tt25-2023-xa");
  expect(rep.table.headerRow).toBe(f.header);
  expect(rep.table.columns.level).toBe("C:F");
  expect(rep.unitName).toBe("Xã Gia Viễn");
  expect(rep.issues).toEqual([]);
  expect(rep.indicators.map((i) => i.level)).toEqual([2, 2, 2, 2, 1, 2, 2, 2, 2, 2, 2, 2, 2, 1, 2]);
  expect(rep.indicators[4]?.row).toBe(f.rowOf.get(5));
  expect(rep.recognition.level).toBe(1);
});

test("a commune that fails mức độ 1 is never proposed: Không đạt marks are not levels, whatever the mapping", () => {
  const f = form({ marks: (n) => (n === 7 ? [null, "x", null, "x"] : undefined) });
  for (const opts of [
    {},
    { levelColumns: { left: 3, right: 6 } },
    { levelColumns: { left: 3, right: 4 } },
    { columns: { level: 4 } },
  ]) {
    const rep = check(f, opts);
    expect(rep.issues).toEqual([]);
    expect(rep.indicators[6]?.level).toBe(0);
    expect(rep.recognition.level).toBe(0);
  }
});

test("contradictions are errors at the cell: both marked, neither, Đạt at mức độ 2 over Không đạt at mức độ 1", () => {
  const f = form({
    marks: (n) =>
      n === 1
        ? ["x", "x", "x", null]
        : n === 4
          ? ["x", null, null, null]
          : n === 9
            ? [null, "x", "x", null]
            : undefined,
  });
  const rep = check(f);
  expect(rep.issues.map((i) => [i.rule, i.cell])).toEqual([
    ["invalid-level", `C${f.rowOf.get(1)}`],
    ["missing-level", `E${f.rowOf.get(4)}`],
    ["invalid-level", `E${f.rowOf.get(9)}`],
  ]);
  expect(rep.issues.map((i) => i.message)).toEqual([
    `Chỉ tiêu 1.1 (a) được đánh dấu cả Đạt và Không đạt ở Mức độ 1 (ô C${f.rowOf.get(1)}): chỉ đánh dấu một trong hai cột.`,
    `Chỉ tiêu 2.1 (a) chưa đánh dấu Mức độ 2 ở cột Đạt hay cột Không đạt (ô E${f.rowOf.get(4)}): đánh dấu x vào một trong hai cột.`,
    `Chỉ tiêu 3.3 (c) ghi “Đạt” ở Mức độ 2 (ô E${f.rowOf.get(9)}) nhưng Mức độ 1 chưa đạt: một mức chỉ đạt khi mọi mức thấp hơn đều đạt, sửa lại một trong hai ô.`,
  ]);
  expect(rep.recognition.level).toBeNull();
  expect(rep.recognition.reasons).toEqual([
    "Chưa xác định được mức của chỉ tiêu 1.1 (a), 2.1 (a), 3.3 (c): sửa các lỗi ở những chỉ tiêu này rồi kiểm tra lại.",
  ]);
});

test("a reason names exactly the targets that keep the unit from the next level, by criterion", () => {
  const f = form({ marks: (n) => (n === 11 || n === 15 ? ["x", null, null, "x"] : undefined) });
  const rep = check(f);
  expect(rep.recognition.level).toBe(1);
  expect(rep.recognition.reasons).toEqual([
    "Chưa đạt Mức độ 2 vì chỉ tiêu 4.2 (b), 5.2 (b) chưa đạt Mức độ 2.",
  ]);
  expect(rep.indicators.map((i) => i.label).slice(9, 15)).toEqual([
    "4.1 (a)",
    "4.2 (b)",
    "4.3 (c)",
    "4.4 (d)",
    "5.1 (a)",
    "5.2 (b)",
  ]);
});

test("a tree other than the circular's: a warning naming the criteria and the articles; the sheet's own tree is read", () => {
  const f = form({ sizes: [4, 2, 3, 4, 2] });
  const rep = check(f);
  expect(rep.framework.id).toBe("tt25-2023-xa");
  expect(rep.issues.map((i) => [i.severity, i.rule, i.cell, i.message])).toEqual([
    [
      "warning",
      "tree-differs",
      `A${f.header + 3}`,
      "Cây của bảng khác bộ tiêu chí: tiêu chí 1 có 4 chỉ tiêu, Điều 6 khoản 1 có 3; tiêu chí 2 có 2 chỉ tiêu, Điều 6 khoản 2 có 3. Bảng vẫn được đọc theo các dòng của bảng; kiểm tra lại các dòng tiêu chí, chỉ tiêu với thông tư.",
    ],
  ]);
  expect(rep.criteria.map((c) => c.indicators.length)).toEqual([4, 2, 3, 4, 2]);
  expect(rep.recognition.level).toBe(2);
});

test("circular 24: no evidence → không đạt, an error at the cell; Không áp dụng where a target is about other units", () => {
  const f = form({
    sizes: [5, 5, 6],
    marks: (n) => (n === 14 || n === 4 ? ["Không áp dụng", null, null, null] : undefined),
    evidence: (n) => (n === 7 ? "" : n === 8 ? "-" : n === 14 ? "" : undefined),
  });
  const rep = check(f);
  expect(rep.framework.id).toBe("tt24-2023-don-vi-tinh");
  expect(rep.issues.map((i) => [i.rule, i.cell])).toEqual([
    ["invalid-level", `C${f.rowOf.get(4)}`],
    ["missing-evidence", `G${f.rowOf.get(7)}`],
    ["missing-evidence", `G${f.rowOf.get(8)}`],
  ]);
  expect(rep.issues[1]?.message).toBe(
    `Chỉ tiêu 2.2 (b) tự đánh giá đạt mức nhưng chưa có mã minh chứng: ghi mã minh chứng (ví dụ H1-01-02) vào ô G${f.rowOf.get(7)}. Theo Điều 15 khoản 3, chỉ tiêu không có minh chứng phù hợp được đánh giá là không đạt.`
  );
  expect(rep.issues[0]?.message).toMatch(
    /^Chỉ tiêu 1\.4 \(d\) ghi “Không áp dụng” ở ô C\d+ nhưng chỉ tiêu này áp dụng cho mọi đơn vị/
  );
  // 3.4 is about upper secondary schools only: Không áp dụng holds nothing back; 2.2 and 2.3 are not achieved.
  expect(rep.indicators.map((i) => i.level)).toEqual([2, 2, 2, null, 2, 2, 0, 0, 2, 2, 2, 2, 2, 2, 2, 2]);
});
