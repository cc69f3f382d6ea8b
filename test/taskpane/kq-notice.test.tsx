// The written notice when the pane also wrote `KQ`: why no block went under the table and which sheet
// holds the results; a KQ kept current; a former KQ replaced by the new one; KQ refused by a
// protected workbook — in Vietnamese and in English.
import * as React from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { checkSheet } from "../../src/core/checks/check";
import { Messages } from "../../src/taskpane/components/Messages";
import { strings } from "../../src/taskpane/strings";
import type { Assessment, Notice } from "../../src/taskpane/useAssessment";
import { sheet, template, workbook } from "../helpers/grid";

function said(notice: Notice, lang: "vi" | "en" = "vi"): string {
  const s = sheet("Tự đánh giá", template().rows);
  const wb = workbook([s]);
  const a = {
    checked: { read: { sheet: s.name, snapshot: wb }, check: checkSheet(wb, s) },
    problem: null,
    notice,
    dismiss: () => undefined,
  } as unknown as Assessment;
  const html = renderToStaticMarkup(
    <FluentProvider theme={webLightTheme}>
      <Messages a={a} t={strings[lang]} lang={lang} />
    </FluentProvider>
  );
  return html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
}

const written = { kind: "written", sheet: "Tự đánh giá" } as const;

test("no block under a signed table: the notice says why and names KQ", () => {
  const vi = said({ ...written, summary: "KQ Tự đánh giá", blockless: true });
  expect(vi).toContain("Đã ghi kết quả vào trang tính “Tự đánh giá”");
  expect(vi).toContain("khối kết quả không ghi ở đó");
  expect(vi).toContain("kết quả đầy đủ ở trang tính “KQ Tự đánh giá”");
  const en = said({ ...written, summary: "KQ Tự đánh giá", blockless: true }, "en");
  expect(en).toContain("the full results are on sheet “KQ Tự đánh giá”");
});

test("no block where it would print apart from the table, or where Excel cannot tell the pages: each says why", () => {
  const apart = said({ ...written, summary: "KQ Tự đánh giá", blockless: true, blocklessWhy: "apart" });
  expect(apart).toContain("sẽ in sang trang khác với dòng cuối của bảng");
  expect(apart).not.toContain("phần ký tên");
  expect(apart).toContain("kết quả đầy đủ ở trang tính “KQ Tự đánh giá”");
  const pages = said({
    ...written,
    summary: "KQ Tự đánh giá",
    blockless: true,
    blocklessWhy: "pages-unknown",
  });
  expect(pages).toContain("Phiên bản Excel này không cho biết trang in của bảng");
  const en = said({ ...written, summary: "KQ", blockless: true, blocklessWhy: "pages-unknown" }, "en");
  expect(en).toContain("does not tell how the table prints");
});

test("a KQ kept current, a former KQ replaced by it, KQ refused", () => {
  expect(said({ ...written, summary: "KQ Tự đánh giá" })).toContain(
    "Trang tính “KQ Tự đánh giá” cũng đã được ghi lại theo kết quả mới."
  );
  expect(said({ ...written, summary: "KQ Mới", blockless: true, was: "KQ Cũ" })).toContain(
    "Trang tính “KQ Cũ”, làm trước khi đổi tên trang tính, đã được thay bằng trang tính “KQ Mới”."
  );
  const refused = said({ ...written, summaryRefused: true });
  expect(refused).toContain("không thêm được trang tính kết quả");
  expect(refused).not.toContain("KQ");
});
