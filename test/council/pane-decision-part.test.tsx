// Danh sách công nhận among the sheets the pane makes (Tạo trang tính): offered over the sheets chosen
// for the summary, in any workbook of units' sheets; where there are none, why not; the units left off
// said after it is made.
import * as React from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { DecisionPart } from "../../src/taskpane/components/DecisionPart";
import { SheetsView } from "../../src/taskpane/components/SheetsView";
import { strings } from "../../src/taskpane/strings";
import type { Assessment } from "../../src/taskpane/useAssessment";

const render = (node: React.ReactElement) =>
  renderToStaticMarkup(<FluentProvider theme={webLightTheme}>{node}</FluentProvider>)
    .replace(/<style[^]*?<\/style>/g, "")
    .replace(/<[^>]+>/g, "|")
    .replace(/\|+/g, "|");

const pane = (tables: string[] | null, busy: string | null = null): Assessment =>
  ({
    checked: null,
    busy,
    tables,
    findTables: () => undefined,
  }) as unknown as Assessment;

test("in Tạo trang tính, after the summary: the list over the sheets chosen there", () => {
  const text = render(
    <SheetsView a={pane(["Xã An Hòa", "Xã Tân Lập"])} t={strings.vi} file="Huyen.xlsx" lang="vi" />
  );
  const summary = text.indexOf("|Tổng hợp nhiều đơn vị|");
  const decision = text.indexOf("|Danh sách công nhận|");
  expect(summary).toBeGreaterThan(-1);
  expect(decision).toBeGreaterThan(summary);
  expect(text).toContain("|Lập danh sách từ 2 trang tính đã chọn|");
});

test("no units' sheets: why the list cannot be made, its button off; none chosen: where to choose", () => {
  const none = renderToStaticMarkup(
    <DecisionPart a={pane([])} lang="vi" tables={[]} chosen={[]} file="x.xlsx" />
  );
  expect(none).toContain("bảng tính này chưa có trang tính nào như vậy.");
  expect(none).toMatch(/<button[^>]*disabled=""[^>]*>[^<]*Lập danh sách từ 0 trang tính đã chọn/);
  const unchosen = render(
    <DecisionPart a={pane(["A", "B"])} lang="en" tables={["A", "B"]} chosen={[]} file="x" />
  );
  expect(unchosen).toContain("|Choose the units&#x27; sheets under the summary above to make the list.|");
  // Still looking for the sheets: nothing said yet.
  const looking = render(<DecisionPart a={pane(null)} lang="vi" tables={null} chosen={[]} file="x" />);
  expect(looking).not.toContain("chưa có trang tính");
  expect(looking).not.toContain("Chọn ở mục Tổng hợp");
});
