// The council's errors in the pane as `hoctap check` counts them: the status line and the Lỗi tab
// count the unit's and the council's; the list gives each of the council's at its own cell, worded for
// the council; the headline says whose errors are left. Without a council, the counts are the unit's.
import * as React from "react";
import { join } from "node:path";
import { renderToStaticMarkup } from "react-dom/server";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { checkWorkbook } from "../../src/core/checks/check";
import type { WorkbookSnapshot } from "../../src/core/model/snapshot";
import { CouncilCard } from "../../src/taskpane/components/CouncilCard";
import { IssueList } from "../../src/taskpane/components/IssueList";
import { StatusHeader } from "../../src/taskpane/components/StatusHeader";
import { reportOf } from "../../src/taskpane/council-report";
import { strings } from "../../src/taskpane/strings";
import type { Assessment } from "../../src/taskpane/useAssessment";
import { readSnapshot } from "../../src/reader/read";

const FIXTURES = join(__dirname, "..", "fixtures", "council");

/** A fixture with cells of its `Tự đánh giá` typed over (row, column → text). */
async function edited(file: string, cells: [number, number, string][] = []): Promise<WorkbookSnapshot> {
  const wb = await readSnapshot(join(FIXTURES, file));
  return {
    ...wb,
    sheets: wb.sheets.map((s) => {
      if (s.name !== "Tự đánh giá") return s;
      const rows = new Map([...s.rows].map(([r, row]) => [r, new Map(row)]));
      for (const [r, c, value] of cells) rows.get(r)?.set(c, { value });
      return { ...s, rows };
    }),
  };
}

function assessed(wb: WorkbookSnapshot): Assessment {
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
    .replace(/<style[^]*?<\/style>/g, "")
    .replace(/<[^>]+>/g, "|")
    .replace(/\|+/g, "|");

test("a word the council wrote that is no mark: counted in the status, listed at the council's cell, worded for the council", async () => {
  // "Xa An Hoa - tham dinh.xlsx": the council's Mức độ 1 in H; on 1.1 (row 11) it writes words, not a mark.
  const a = assessed(await edited("Xa An Hoa - tham dinh.xlsx", [[11, 8, "chưa rõ"]]));
  const own = a.checked?.check?.report.counts;
  expect(own?.errors).toBe(0);
  expect(reportOf(a.checked, "vi")?.counts.errors).toBe(1);
  const status = render(<StatusHeader a={a} t={strings.vi} lang="vi" />);
  expect(status).toContain("|1 lỗi|");
  expect(status).toContain("|Mức dự kiến:|");
  const list = render(<IssueList a={a} t={strings.vi} lang="vi" />);
  expect(list).toContain(
    "|Chỉ tiêu 1.1|H11|lỗi: |Hội đồng thẩm định: Ô H11 của chỉ tiêu 1.1 ghi “chưa rõ”: ở các cột mức chỉ đánh dấu x (hoặc ghi Đạt / Không đạt).|"
  );
  expect(list).not.toMatch(/\|E11\|/);
  // The council's section lists it too, at the same cell.
  expect(render(<CouncilCard a={a} lang="vi" at="top" />)).toContain("|Lỗi ở cột của Hội đồng (1)|H11|");
});

test("the council's columns unread (a pair naming no level): a warning at its heading in the list and in its section, no add button", async () => {
  const a = assessed(await edited("Xa An Hoa - tham dinh dat.xlsx"));
  const report = reportOf(a.checked, "vi");
  expect(a.checked?.check?.report.counts).toEqual({ errors: 0, warnings: 0 });
  expect(report?.counts).toEqual({ errors: 0, warnings: 1 });
  expect(render(<StatusHeader a={a} t={strings.vi} lang="vi" />)).toContain("|1 cảnh báo|");
  const list = render(<IssueList a={a} t={strings.vi} lang="vi" />);
  expect(list).toContain("Hội đồng thẩm định: chưa đọc được kết quả thẩm định ở cột H–I (H7)");
  const top = render(<CouncilCard a={a} lang="vi" at="top" />);
  expect(top).toContain("|H7|Hội đồng thẩm định: chưa đọc được kết quả thẩm định ở cột H–I");
  expect(top).not.toContain("Thêm cột Hội đồng thẩm định");
  expect(render(<CouncilCard a={a} lang="vi" at="bottom" />)).toBe("|");
});

test("without the council's columns: the unit's own counts, read once per check", async () => {
  const a = assessed(await edited("Xa An Hoa - ban cuoi.xlsx"));
  const report = reportOf(a.checked, "vi");
  expect(report).toBe(a.checked?.check?.report);
  expect(reportOf(a.checked, "vi")).toBe(report);
  expect(reportOf(null, "vi")).toBeNull();
});
