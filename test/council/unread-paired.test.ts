// The council's columns beside the circulars' per-level Đạt | Không đạt form (each level a pair) that do
// not answer its pairs — one column per level, or one pair naming no level: the commune's reading stays
// its own, no verdict is guessed, and the council is told at its heading, in its words and in English,
// to give each level a pair as the commune's form has.
import type ExcelJS from "exceljs";
import { checkWorkbook } from "../../src/core/checks/check";
import { councilUnread, councilVerdict } from "../../src/core/checks/council";
import { workbookSnapshot } from "../helpers/exceljs/read";
import { perLevelLayouts } from "../fixtures/forms/per-level";

/** `xa-tung-muc-hai-dong`: header rows 7–8, Mức độ 1 in C:D, Mức độ 2 in E:F; the council's heading over I7:J7. */
function withCouncil(below: [string, string]) {
  const layout = perLevelLayouts().find((l) => l.name === "xa-tung-muc-hai-dong");
  if (!layout) throw new Error("layout");
  const plain = layout.build("test").wb;
  const { wb } = layout.build("test");
  const ws = wb.worksheets[0] as ExcelJS.Worksheet;
  ws.getCell(7, 9).value = "Hội đồng thẩm định";
  ws.mergeCells(7, 9, 7, 10);
  ws.getCell(8, 9).value = below[0];
  ws.getCell(8, 10).value = below[1];
  const snapshot = workbookSnapshot(wb);
  const c = checkWorkbook(snapshot).checked[0];
  const own = checkWorkbook(workbookSnapshot(plain)).checked[0];
  if (!c || !own) throw new Error("no table");
  return { snapshot, c, own };
}

test("one column per level beside the pairs: the commune's result its own, the council told to give each level a pair", () => {
  const { snapshot, c, own } = withCouncil(["Mức độ 1", "Mức độ 2"]);
  expect(c.check.layout.levelColumns).toEqual(own.check.layout.levelColumns);
  expect(c.check.report.recognition.level).toBe(own.check.report.recognition.level);
  expect(councilVerdict(snapshot, c.sheet, c.check, "vi")).toBeNull();
  expect(councilUnread(c.sheet, c.check, "vi")?.message).toBe(
    "Hội đồng thẩm định: chưa đọc được kết quả thẩm định ở cột I–J (I7): các cột của Hội đồng không khớp với các cột mức của đơn vị. Cách sửa: bảng của đơn vị ghi mỗi mức một cặp cột Đạt | Không đạt (C–D: Mức độ 1, E–F: Mức độ 2); dưới “Hội đồng thẩm định” đặt cho mỗi mức một cặp cột Đạt | Không đạt dưới tên mức, như các cột C–F, rồi kiểm tra lại."
  );
  expect(councilUnread(c.sheet, c.check, "en")?.message).toBe(
    "The council: its verdict in column I–J (I7) cannot be read: the council's columns do not match the unit's level columns. To fix: the unit's table has a Đạt | Không đạt pair per level (C–D: Level 1, E–F: Level 2); under “Hội đồng thẩm định”, give each level its own Đạt | Không đạt pair under the level's name, as in columns C–F, then check again."
  );
});

test("one pair naming no level beside the pairs: not read as Mức độ 1's, said so", () => {
  const { snapshot, c, own } = withCouncil(["Đạt", "Không đạt"]);
  expect(c.check.layout.levelColumns).toEqual(own.check.layout.levelColumns);
  expect(councilVerdict(snapshot, c.sheet, c.check, "en")).toBeNull();
  expect(councilUnread(c.sheet, c.check, "en")?.message).toMatch(
    /^The council: its verdict in column I–J \(I7\) cannot be read: the council's “Đạt”, “Không đạt” columns name no level\. To fix: the unit's table has a Đạt \| Không đạt pair per level/
  );
});

test("a column per level named in English too: the missing level named", () => {
  const { c } = withCouncil(["Mức độ 1", ""]);
  // Only Mức độ 1 answered (I), nothing under J: Mức độ 2 has no council column.
  expect(councilUnread(c.sheet, c.check, "en")?.message).toContain("no council column for Level 2");
});
