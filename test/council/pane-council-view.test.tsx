// The pane's council section (Kết quả view): with the council's columns, both results and every
// difference at its cell (target, the unit's answer, the council's, its note), as `hoctap check`
// prints them; the council's own errors at its cells; without them, the action that adds them.
import * as React from "react";
import { join } from "node:path";
import { renderToStaticMarkup } from "react-dom/server";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { checkWorkbook } from "../../src/core/checks/check";
import { CouncilCard } from "../../src/taskpane/components/CouncilCard";
import type { Assessment } from "../../src/taskpane/useAssessment";
import { readSnapshot } from "../../src/reader/read";
import { sheet as makeSheet, template, workbook } from "../helpers/grid";

const FIXTURES = join(__dirname, "..", "fixtures", "council");

async function assessed(file: string): Promise<Assessment> {
  const wb = await readSnapshot(join(FIXTURES, file));
  const c = checkWorkbook(wb, { lang: "vi" }).checked[0];
  if (!c) throw new Error("no table");
  return {
    checked: { read: { sheet: c.sheet.name, snapshot: wb }, check: c.check },
    busy: null,
    goTo: () => Promise.resolve(),
  } as unknown as Assessment;
}

const render = (node: React.ReactElement) =>
  renderToStaticMarkup(<FluentProvider theme={webLightTheme}>{node}</FluentProvider>)
    .replace(/<[^>]+>/g, "|")
    .replace(/\|+/g, "|");

test("the council's columns read: both results, each difference at the council's cell with both answers and the note", async () => {
  const text = render(<CouncilCard a={await assessed("Xa An Hoa - tham dinh.xlsx")} lang="vi" at="top" />);
  expect(text).toContain("|Hội đồng thẩm định (cột H, I)|");
  expect(text).toContain("|Tự đánh giá|Mức độ 1|Thẩm định|Không đạt|");
  expect(text).toContain("|2 chỉ tiêu Hội đồng đánh giá khác tự đánh giá|");
  expect(text).toContain(
    "|H19|Chỉ tiêu 3.1|Đơn vị tự đánh giá: Mức độ 1: Đạt; Mức độ 2: Đạt|Hội đồng: Mức độ 1: Không đạt; Mức độ 2: Không đạt|Ý kiến: Biên bản họp không có chữ ký của Chủ tịch UBND xã|"
  );
  // No note on 5.1: no empty note line.
  expect(text).toContain(
    "|I27|Chỉ tiêu 5.1|Đơn vị tự đánh giá: Mức độ 1: Đạt; Mức độ 2: Đạt|Hội đồng: Mức độ 1: Đạt; Mức độ 2: Không đạt|"
  );
  expect(text).not.toContain("Ý kiến: |");
  expect(text).toContain("|Chỉ tiêu 3.1 không đạt, nên đơn vị chưa đạt Mức độ 1.|");
  expect(text).not.toContain("Thêm cột Hội đồng thẩm định");
});

test("without the council's columns: the action in the officer's words; the council agreeing said in one line", async () => {
  const text = render(<CouncilCard a={await assessed("Xa An Hoa - ban cuoi.xlsx")} lang="vi" at="bottom" />);
  expect(text).toContain("|Hội đồng thẩm định|");
  expect(text).toContain("|Thêm cột Hội đồng thẩm định|");
  expect(text).toContain("Xoá kết quả không bao giờ xoá chúng");

  // One level column, the council's beside it agreeing on every target.
  const rows = template({}).rows.map((r) => [...r]);
  const header = rows.findIndex((r) => r.some((v) => v === "Tự đánh giá"));
  const levelCol = (rows[header] ?? []).indexOf("Tự đánh giá");
  rows.forEach((r, i) => {
    if (i === header) r[levelCol + 2] = "Hội đồng thẩm định";
    else if (i > header) r[levelCol + 2] = r[levelCol] ?? null;
  });
  const s = makeSheet("Tự đánh giá", rows);
  const wb = workbook([s]);
  const c = checkWorkbook(wb, { lang: "en" }).checked[0];
  if (!c) throw new Error("no table");
  const a = {
    checked: { read: { sheet: s.name, snapshot: wb }, check: c.check },
    busy: null,
  } as unknown as Assessment;
  const en = render(<CouncilCard a={a} lang="en" at="top" />);
  expect(en).toContain("|The council agrees with the self-assessment on every indicator.|");
});

test("each in its place: the verdict before the unit's own result, the action after it; never both", async () => {
  const verified = await assessed("Xa An Hoa - tham dinh.xlsx");
  const plain = await assessed("Xa An Hoa - ban cuoi.xlsx");
  expect(render(<CouncilCard a={verified} lang="vi" at="bottom" />)).not.toContain("Hội đồng");
  expect(render(<CouncilCard a={plain} lang="vi" at="top" />)).not.toContain("Hội đồng");
});
