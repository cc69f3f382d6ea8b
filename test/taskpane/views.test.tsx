import * as React from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { checkSheet } from "../../src/core/checks/check";
import { builtinForKind } from "../../src/core/sets/builtin";
import type { Framework } from "../../src/core/sets/framework";
import { IssueList } from "../../src/taskpane/components/IssueList";
import { ResultView } from "../../src/taskpane/components/ResultView";
import { strings } from "../../src/taskpane/strings";
import type { Assessment } from "../../src/taskpane/useAssessment";
import { sheet, template, workbook, type In, type IndicatorRow } from "../helpers/grid";

/** The pane's state as the views read it, after checking a sheet with `framework`. */
function assessed(framework: Framework, indicator?: (n: number) => IndicatorRow): Assessment {
  const s = sheet("Tự đánh giá", template({ indicator }).rows);
  const check = checkSheet(workbook([s]), s, { framework });
  return {
    checked: { read: { sheet: s.name }, check },
    goTo: () => Promise.resolve(),
  } as unknown as Assessment;
}

const render = (node: React.ReactElement) =>
  renderToStaticMarkup(<FluentProvider theme={webLightTheme}>{node}</FluentProvider>).replace(
    /<[^>]+>/g,
    "|"
  );

test("standards and criteria by number, with the set's titles where it has them", () => {
  const district = builtinForKind("district");
  const titled: Framework = {
    ...district,
    standards: district.standards.map((st) => ({
      ...st,
      title: st.number === 1 ? "Lãnh đạo, chỉ đạo" : undefined,
      criteria: st.criteria.map((c) => ({ ...c, title: c.number === 2 ? "Huy động nguồn lực" : undefined })),
    })),
  };
  const text = render(<ResultView a={assessed(titled)} t={strings.vi} lang="vi" />);
  expect(text).toContain("|Tiêu chuẩn 1 — Lãnh đạo, chỉ đạo|");
  expect(text).toContain("|Tiêu chuẩn 2|");
  expect(text).toContain("|Tiêu chí 2 — Huy động nguồn lực|");
  expect(text).toContain("|Tiêu chí 6|");
  expect(text).toContain("Đề nghị công nhận: Huyện học tập — Mức độ 2");
});

test("issues: each with its cell; errors about the whole table first; a long list capped with how many more", () => {
  const one = render(
    <IssueList
      a={assessed(builtinForKind("district"), (n) => (n === 4 ? { evidence: null } : {}))}
      t={strings.en}
    />
  );
  expect(one).toContain("|Indicator 4|");
  expect(one).toContain("|D11|");
  expect(one).not.toContain("more");

  const rows: In[][] = [["UBND HUYỆN AN LÃO"], [], ["TT", "Nội dung", "Số liệu", "Tự đánh giá"]];
  for (let n = 1; n <= 60; n++) rows.push([`Chỉ báo ${n}`, `Nội dung ${n}`, null, null]);
  const s = sheet("Nhiều lỗi", rows);
  const crowded = {
    checked: { read: { sheet: s.name }, check: checkSheet(workbook([s]), s) },
    goTo: () => Promise.resolve(),
  } as unknown as Assessment;
  const text = render(<IssueList a={crowded} t={strings.vi} />);
  // Two table-wide errors come first, as messages; then 50 of the 120 others.
  expect(text.indexOf("Lỗi toàn bảng")).toBeLessThan(text.indexOf("|Chỉ báo 1|"));
  expect(text.match(/Lỗi toàn bảng/g)).toHaveLength(2);
  expect(text).toContain("|… và 70 lỗi khác|");
  expect(text).toContain("|Chỉ báo 25|");
  expect(text).not.toContain("|Chỉ báo 26|");
});
