// The table reader's parts one by one: per-level marks, the header (one or two rows, per-level
// columns, choices by hand), what a row is, where the table ends, the unit's name.
import { storedMapping } from "../../src/core/model/owned";
import type { Cell } from "../../src/core/model/snapshot";
import { readBody } from "../../src/core/table/body";
import { detectTable, headerTexts, officerCells, unassignedColumns } from "../../src/core/table/header";
import { headerScore, levelOfHeader } from "../../src/core/table/header-words";
import { readMarks } from "../../src/core/table/level-marks";
import { endsTable, isColumnNumbers, repeatsHeader } from "../../src/core/table/row-kinds";
import { unitNameFrom } from "../../src/core/table/unit";
import { sheet, workbook, type In } from "../helpers/grid";

const cells = (values: Cell["value"][], levels = [0, 1, 2, 3]) =>
  values.map((value, i) => ({ col: 6 + i, level: levels[i] as number, cell: { value } as Cell }));

describe("per-level columns", () => {
  test("a mark in one column gives its level; x, X, ✓, ✔, 1 and TRUE are marks", () => {
    expect(readMarks(cells([null, null, "x", null]), 3)).toEqual({ ok: true, level: 2 });
    for (const mark of ["X", "✓", "✔", 1, "1", true])
      expect(readMarks(cells([null, mark, null, null]), 3)).toEqual({ ok: true, level: 1 });
    expect(readMarks(cells(["x", null, null, null]), 3)).toEqual({ ok: true, level: 0 });
  });

  test("no mark, two marks, a word that is not a mark, an error, a formula never computed", () => {
    expect(readMarks(cells([null, null, null, null]), 3)).toEqual({ ok: false, problem: "blank", col: 6 });
    expect(readMarks(cells([null, "x", null, "x"]), 3)).toEqual({
      ok: false,
      problem: "several-marks",
      levels: [1, 3],
      col: 9,
    });
    expect(readMarks(cells([null, "có", null, null]), 3)).toEqual({
      ok: false,
      problem: "not-a-mark",
      text: "có",
      col: 7,
    });
    expect(readMarks(cells([null, { error: "#N/A" }, null, null]), 3)).toEqual({
      ok: false,
      problem: "formula-error",
      error: "#N/A",
      col: 7,
    });
    const uncomputed = cells([null, null, null, null]);
    uncomputed[2]!.cell = { value: null, uncomputed: true };
    expect(readMarks(uncomputed, 3)).toEqual({ ok: false, problem: "uncomputed", col: 8 });
  });

  test("Đạt per level: the highest level reached with every level below it", () => {
    const dat = (v: Cell["value"][]) => readMarks(cells(v, [1, 2, 3]), 3);
    expect(dat(["Đạt", "Đạt", "Không đạt"])).toEqual({ ok: true, level: 2 });
    expect(dat(["Đạt", "Đạt", null])).toEqual({ ok: true, level: 2 });
    expect(dat(["Đạt", "Đạt", "Đạt"])).toEqual({ ok: true, level: 3 });
    expect(dat(["Không đạt", "Chưa đạt", null])).toEqual({ ok: true, level: 0 });
    // `Đạt` above a gap is an error at the higher mark.
    expect(dat(["Đạt", null, "Đạt"])).toEqual({
      ok: false,
      problem: "achieved-above",
      level: 3,
      below: 2,
      col: 8,
    });
    expect(dat(["Không đạt", "Đạt", null])).toEqual({
      ok: false,
      problem: "achieved-above",
      level: 2,
      below: 1,
      col: 7,
    });
  });

  test("a level above the set's scale is not clamped", () => {
    expect(readMarks(cells([null, null, null, "x"]), 2)).toEqual({
      ok: false,
      problem: "out-of-scale",
      level: 3,
      col: 9,
    });
    expect(readMarks(cells(["Đạt", "Đạt", "Đạt"], [1, 2, 3]), 2)).toMatchObject({
      problem: "out-of-scale",
      level: 3,
    });
  });
});

describe("header words", () => {
  test.each([
    ["Số liệu minh chứng", "data"],
    ["Số liệu năm 2023", "data"],
    ["Kết quả đạt được", "data"],
    ["Thực trạng", "data"],
    ["Mã MC", "evidence"],
    ["Văn bản minh chứng", "evidence"],
    ["Tên minh chứng", "evidence"],
    ["Tài liệu minh chứng", "evidence"],
    ["Đánh giá mức độ", "level"],
    ["Mức độ đạt được", "level"],
    ["Tự xếp mức", "level"],
    ["Kết quả tự đánh giá", "level"],
    ["Số TT", "code"],
    [`${"x".repeat(81)}`, undefined],
  ])("%s → %s", (text, role) => expect(headerScore(text)?.role).toBe(role));

  test.each([
    ["Không đạt", 0],
    ["Mức 1", 1],
    ["Mức độ 2 (Tốt)", 2],
    ["Đạt mức 3", 3],
    ["MỨC II", 2],
    ["Mức", null],
    ["Yêu cầu mức 1", null],
  ])("per-level header %s → %s", (text, level) => expect(levelOfHeader(text)).toBe(level));
});

const H: In[] = ["TT", "Nội dung", "Số liệu", "Minh chứng"];

describe("the header", () => {
  test("per-level columns in one header row", () => {
    const s = sheet("x", [[...H, "Không đạt", "Mức 1", "Mức 2", "Ghi chú"]]);
    const t = detectTable(s, [])!;
    expect(t.levelColumns).toEqual([
      { col: 5, level: 0 },
      { col: 6, level: 1 },
      { col: 7, level: 2 },
    ]);
    expect(t.columns.level).toBe(5);
  });

  test("a level column beats per-level threshold columns; a header with a level beats one without", () => {
    const s = sheet("x", [
      ["STT", "Nội dung", "Tên minh chứng", "Mã", "Nơi ban hành", "Ghi chú", "Yêu cầu"],
      [],
      [...H, "Mức 1", "Mức 2", "Mức 3", "Tự đánh giá"],
    ]);
    const t = detectTable(s, [])!;
    expect(t.headerRow).toBe(3);
    expect(t.levelColumns).toBeUndefined();
    expect(t.columns.level).toBe(8);
  });

  test("two rows: the sub-columns' words, and the header's words by column", () => {
    const s = sheet("x", [
      [...H, "Tự đánh giá", null, "Ghi chú"],
      [null, null, null, null, "Đạt mức 1", "Đạt mức 2", null],
      ["1", "a", "b", "c", "x"],
    ]);
    const t = detectTable(s, [])!;
    expect(t.headerRows).toBe(2);
    expect(t.levelColumns?.map((l) => l.level)).toEqual([1, 2]);
    const at = officerCells(s, []);
    expect([...headerTexts(s, at, t).values()]).toContain("Đạt mức 2");
    expect(unassignedColumns(s, at, t)).toEqual([]);
  });

  test("chosen by hand: per-level range, by its headers or by position; one column; a row with nothing known", () => {
    const s = sheet("x", [[...H, "A", "B", "C", "Tự đánh giá"]]);
    const byPosition = detectTable(s, [], { levelColumns: { left: 5, right: 7 } })!;
    expect(byPosition.levelColumns).toEqual([
      { col: 5, level: 1, positional: true },
      { col: 6, level: 2, positional: true },
      { col: 7, level: 3, positional: true },
    ]);
    const named = sheet("y", [[...H, "Không đạt", "Mức 1", "Mức 2", "Mức 3"]]);
    expect(
      detectTable(named, [], { levelColumns: { left: 6, right: 8 } })!.levelColumns?.map((l) => l.level)
    ).toEqual([1, 2, 3]);
    // One of the per-level columns chosen as "the level": still per level; another column: a single one.
    expect(detectTable(named, [], { columns: { level: 7 } })!.levelColumns).toHaveLength(4);
    const single = detectTable(named, [], { columns: { level: 9 } })!;
    expect([single.levelColumns, single.columns.level, single.right]).toEqual([undefined, 9, 9]);
    expect(detectTable(sheet("z", [["a", "b"]]), [], { headerRow: 1 })).toBeNull();
    const chosen = detectTable(sheet("z", [["a", "b"]]), [], {
      headerRow: 1,
      columns: { content: 2 },
      lastRow: 9,
    });
    expect(chosen).toMatchObject({ headerRow: 1, lastRow: 9, left: 2, right: 2 });
  });
});

describe("what a row is", () => {
  const row = (...t: string[]) => new Map(t.map((x, i) => [i + 1, x]));
  test("the column-number row", () => {
    expect(isColumnNumbers(row("(1)", "(2)", "(3)", "(4)"))).toBe(true);
    expect(isColumnNumbers(row("1", "2", "3"))).toBe(true);
    expect(isColumnNumbers(row("A", "B", "C", "D", "E"))).toBe(true);
    expect(isColumnNumbers(row("1", "2"))).toBe(false);
    expect(isColumnNumbers(row("1", "1", "x"))).toBe(false);
  });

  test.each([
    ["Thủy Nguyên, ngày 15 tháng 01 năm 2024"],
    ["Hải Phòng, ngày … tháng … năm 2024"],
    ["ngày    tháng    năm"],
    ["NGƯỜI LẬP BIỂU"],
    ["TM. ỦY BAN NHÂN DÂN"],
    ["T/M UBND HUYỆN"],
    ["KT. CHỦ TỊCH"],
    ["CHỦ TỊCH"],
    ["TRƯỞNG PHÒNG"],
    ["Nơi nhận:"],
    ["(Ký, ghi rõ họ tên)"],
    ["DANH MỤC MINH CHỨNG"],
    ["II. DANH SÁCH HỘ GIA ĐÌNH"],
  ])("%s ends the table", (text) => expect(endsTable(row(text))).toBe(true));

  test("a second table's header ends it; an indicator's words do not", () => {
    expect(endsTable(row("STT", "Họ và tên chủ hộ", "Địa chỉ"))).toBe(true);
    expect(
      endsTable(row("Quyết định số 12/QĐ-UBND, ngày 5 tháng 3 năm 2022 về việc ban hành kế hoạch"))
    ).toBe(false);
    expect(endsTable(row("TL 01", "Tài liệu"))).toBe(false);
    expect(endsTable(row("Ghi chú: số liệu tạm"))).toBe(false);
  });

  test("the header repeated on the next page is skipped, not an end", () => {
    const header = row("TT", "Nội dung");
    expect(repeatsHeader(row("tt", "NỘI DUNG"), header)).toBe(true);
    expect(repeatsHeader(row("TT"), header)).toBe(false);
    expect(repeatsHeader(row("TT", "Số liệu"), header)).toBe(false);
    const s = sheet("x", [
      [...H, "Tự đánh giá"],
      ["CB1", "a", "b", "H", "Mức 1"],
      [...H, "Tự đánh giá"],
      ["(1)", "(2)", "(3)", "(4)", "(5)"],
      ["CB2", "a", "b", "H", "Mức 1"],
      [],
      [null, "NGƯỜI LẬP BIỂU"],
      [null, "Nguyễn Văn An", "x", "H", "Mức 1"],
    ]);
    const body = readBody(s, detectTable(s, [])!, officerCells(s, []));
    expect(body.rows.map((r) => r.row)).toEqual([2, 5]);
    expect([body.lastRow, body.endedAt]).toEqual([5, 7]);
  });
});

describe("the unit's name", () => {
  test.each([
    [["UBND PHƯỜNG LÊ CHÂN"], "Phường Lê Chân"],
    [["ỦY BAN NHÂN DÂN ĐẶC KHU CÁT HẢI"], "Đặc khu Cát Hải"],
    [["UBND THỊ TRẤN NÚI ĐÈO"], "Thị trấn Núi Đèo"],
    [["UBND TỈNH HẢI DƯƠNG"], "Tỉnh Hải Dương"],
    [["UBND XÃ AN HÒA", "PHÒNG VĂN HÓA - XÃ HỘI"], "Xã An Hòa"],
    [["ỦY BAN NHÂN DÂN", "HUYỆN THỦY NGUYÊN"], "Huyện Thủy Nguyên"],
    [["UBND HUYỆN", "THỦY NGUYÊN"], "Huyện Thủy Nguyên"],
    [["ỦY BAN NHÂN DÂN", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO"], null],
    [["UBND HUYỆN AN LÃO CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"], "Huyện An Lão"],
    [["UBND HUYỆN AN LÃO PHÒNG GIÁO DỤC VÀ ĐÀO TẠO"], "Huyện An Lão"],
    [["UBND ABC"], "Abc"],
    [["UBND HUYỆN AN LÃO", "XÃ AN HÒA"], "Xã An Hòa"],
    [["UBND HUYỆN AN LÃO", "UBND XÃ AN HÒA"], "Xã An Hòa"],
    [["ỦY BAN NHÂN DÂN HUYỆN AN LÃO", "ỦY BAN NHÂN DÂN XÃ AN HÒA"], "Xã An Hòa"],
    [["ỦY BAN NHÂN DÂN", "HUYỆN AN LÃO", "XÃ AN HÒA"], "Xã An Hòa"],
    [["UBND TỈNH NINH BÌNH", "PHƯỜNG HOA LƯ"], "Phường Hoa Lư"],
    [["UBND TỈNH HẢI DƯƠNG", "THÀNH PHỐ CHÍ LINH"], "Thành phố Chí Linh"],
    [["UBND THÀNH PHỐ HẢI PHÒNG", "HUYỆN AN LÃO"], "Huyện An Lão"],
    [["UBND XÃ AN HÒA", "HUYỆN AN LÃO"], "Xã An Hòa"],
    [["UBND HUYỆN AN LÃO", "HUYỆN ỦY AN LÃO"], "Huyện An Lão"],
    [["UBND HUYỆN AN LÃO", "XÃ HỘI HỌC TẬP"], "Huyện An Lão"],
    [["UBND HUYỆN AN LÃO", "XÃ"], "Huyện An Lão"],
    [["BAN CHỈ ĐẠO", "XÃ AN HÒA"], null],
    [["BẢNG TỔNG HỢP"], null],
  ])("%j → %s", (lines, name) => expect(unitNameFrom(lines)).toBe(name));
});

test("the mapping stored in the workbook: per-level span, header row, last row", () => {
  const s = sheet("S", [[...H, "Mức 1", "Mức 2"]]);
  const name = (n: string, top: number, left: number, right = left) => ({
    name: n,
    sheet: "S",
    refSheet: "S",
    range: { top, left, bottom: top, right },
  });
  const wb = workbook(
    [s],
    [name("HocTap_Cot_MucDat", 5, 5, 6), name("HocTap_Cot_NoiDung", 4, 2), name("HocTap_Dong_Cuoi", 30, 1)]
  );
  expect(storedMapping(wb, "S")).toEqual({
    columns: { level: 5, content: 2 },
    levelColumns: { left: 5, right: 6 },
    headerRow: 4,
    lastRow: 30,
  });
  const explicit = workbook([s], [name("hoctap_dong_tieude", 7, 1), name("HocTap_Cot_SoLieu", 4, 3)]);
  expect(storedMapping(explicit, "S")).toEqual({ columns: { data: 3 }, headerRow: 7 });
});

test("a criterion merged down beside its indicators keeps them; an indicator's block keeps its second row", () => {
  const s = sheet(
    "x",
    [
      ["TT", "Nội dung", "Số liệu", "Minh chứng", "Tự đánh giá"],
      ["Tiêu chí 1", "Công tác lãnh đạo"],
      [null, "Ban hành kế hoạch", "có", "H1", "Mức 2"],
      [null, "Kiện toàn ban chỉ đạo", "có", "H2", "Mức 2"],
      ["Tiêu chí 2", "Nguồn lực"],
      [null, "Bố trí ngân sách", null, "H3", "Mức 1"],
      [null, null, "12 tỷ đồng"],
    ],
    {
      merges: [
        { top: 2, left: 1, bottom: 4, right: 1 },
        { top: 5, left: 1, bottom: 7, right: 1 },
        { top: 6, left: 2, bottom: 7, right: 2 },
      ],
    }
  );
  const body = readBody(s, detectTable(s, [])!, officerCells(s, []));
  expect(body.rows.map((r) => [r.kind, r.row, r.bottom])).toEqual([
    ["criterion", 2, 4],
    ["indicator", 3, 3],
    ["indicator", 4, 4],
    ["criterion", 5, 7],
    ["indicator", 6, 7],
  ]);
  expect(body.lastRow).toBe(7);
});
