// The header words' quick refusals (a text that cannot name a level or a role is refused before
// the patterns run) must answer as the patterns do, on texts the refusals look at first.
import { headerScore, levelOfHeader } from "../../src/core/table/header-words";

test("levels: texts a clean-up turns into a level still read as that level", () => {
  const cases: [string, number | null][] = [
    ["(*) Mức 2", 2],
    [": Không đạt", 0],
    [".Chưa đạt", 0],
    ["M.1", 1],
    ["MĐ: 3", 3],
    ["m 2", 2],
    ["Mức độ 2 (Tốt)", 2],
    ["Đạt mức II", 2],
    ["Tốt", 2],
    ["Khá", 1],
    ["KĐ", 0],
    ["Có báo cáo số 3-4", null],
    ["Chỉ báo 1", null],
    ["H3-05-3", null],
    ["0.25", null],
    ["Minh chứng", null],
    ["Mức", null],
  ];
  for (const [text, level] of cases) expect([text, levelOfHeader(text)]).toEqual([text, level]);
});

test("roles: one search refuses texts that name none; the best-scored word still wins", () => {
  expect(headerScore("Số liệu năm 2023")).toEqual({ role: "data", score: 7 });
  expect(headerScore("STT")).toEqual({ role: "code", score: 6 });
  expect(headerScore("Kết quả tự đánh giá")).toEqual({ role: "level", score: 8 });
  expect(headerScore("Mã minh chứng")).toEqual({ role: "evidence", score: 6 });
  expect(headerScore("Ghi chú")).toEqual({ role: "note", score: 5 });
  for (const text of ["H3-05-3", "0.25", "Có báo cáo số 3-4", "ỦY BAN NHÂN DÂN XÃ AN HÒA", "x"])
    expect([text, headerScore(text)]).toEqual([text, null]);
});
