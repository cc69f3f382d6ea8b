// The pane's words: no command-line option or "công cụ hoctap" for an Excel user, one word for a
// sheet (trang tính, as Vietnamese Excel says), the result's heading its headline, what blocks the
// next level named in full, the groups titled from the sheet, and one landmark for the issue list.
import * as React from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { checkSheet } from "../../src/core/checks/check";
import { BUILTIN_FRAMEWORKS } from "../../src/core/sets/builtin";
import { IssueList } from "../../src/taskpane/components/IssueList";
import { ResultView } from "../../src/taskpane/components/ResultView";
import { SetupCard } from "../../src/taskpane/components/SetupCard";
import { strings } from "../../src/taskpane/strings";
import type { Assessment } from "../../src/taskpane/useAssessment";
import { forPane, groupTitle, ownWords } from "../../src/taskpane/words";
import { sheet, template, workbook, type In, type IndicatorRow } from "../helpers/grid";

function pane(rows: In[][], name = "Tự đánh giá"): Assessment {
  const s = sheet(name, rows);
  const wb = workbook([s]);
  return {
    checked: {
      read: { sheet: s.name, snapshot: wb, sheetNames: [s.name], productSheets: [] },
      check: checkSheet(wb, s),
    },
    busy: null,
    frameworkId: "auto",
    columns: {},
    goTo: () => Promise.resolve(),
  } as unknown as Assessment;
}

const html = (node: React.ReactElement) =>
  renderToStaticMarkup(<FluentProvider theme={webLightTheme}>{node}</FluentProvider>);
const text = (node: React.ReactElement) => html(node).replace(/<[^>]+>/g, "|");

/** 60 indicators with neither level nor evidence column: two table-wide errors and 120 others. */
function crowded(): In[][] {
  const rows: In[][] = [["UBND HUYỆN AN LÃO"], [], ["TT", "Nội dung", "Số liệu", "Tự đánh giá", "Ghi chú"]];
  for (let n = 1; n <= 60; n++) rows.push([`Chỉ báo ${n}`, `Nội dung ${n}`, null, null, "x"]);
  return rows;
}

test("no string of the pane names a command-line option, the hoctap tool, or a 'sheet' in Vietnamese", () => {
  for (const [key, value] of Object.entries(strings.vi)) {
    expect({ key, value, option: /--[a-z]|hoctap/i.test(value) }).toEqual({ key, value, option: false });
    expect({ key, value, sheet: /\bsheet\b/i.test(value.replace(/{sheet}/g, "")) }).toEqual({
      key,
      value,
      sheet: false,
    });
  }
  for (const [key, value] of Object.entries(strings.en))
    expect({ key, value, option: /--[a-z]|hoctap/i.test(value) }).toEqual({ key, value, option: false });
});

test("the core's messages reach the pane without their --map advice, pointing to Chọn cột instead", () => {
  for (const lang of ["vi", "en"] as const) {
    const a = pane(crowded());
    const check = checkSheet(a.checked!.read.snapshot, a.checked!.read.snapshot.sheets[0]!, { lang });
    const messages = check!.report.issues.filter((i) => i.rule === "missing-column").map((i) => i.message);
    // The core offers both (the CLI shows them); the pane only its own Chọn cột.
    expect(messages.join(" ")).toMatch(/--map/);
    for (const m of messages) {
      expect(forPane(m, lang)).not.toMatch(/--|hoctap|ngăn add-in|in the add-in/);
      expect(forPane(m, lang)).toMatch(lang === "vi" ? /trong phần “Chọn cột”/ : /in “Choose columns”/);
    }
    const shown = text(
      <IssueList a={{ ...a, checked: { ...a.checked!, check } }} t={strings[lang]} lang={lang} />
    );
    expect(shown).not.toMatch(/--map/);
  }
  expect(
    forPane(
      "Không tìm thấy cột “Minh chứng” ở dòng tiêu đề 4. Nếu đó là cột F (“Ghi chú”), chọn cột trong ngăn add-in (Chọn cột) hoặc dùng --map evidence=F; nếu bảng chưa có cột này, hãy thêm vào rồi kiểm tra lại.",
      "vi"
    )
  ).toBe(
    "Không tìm thấy cột “Minh chứng” ở dòng tiêu đề 4. Nếu đó là cột F (“Ghi chú”), chọn cột trong phần “Chọn cột”; nếu bảng chưa có cột này, hãy thêm vào rồi kiểm tra lại."
  );
});

test("the long list: one landmark, each indicator a heading in it, fifty shown and fifty more offered", () => {
  const markup = html(<IssueList a={pane(crowded())} t={strings.vi} lang="vi" />);
  expect(markup.match(/<section/g)).toHaveLength(1);
  expect(markup).toMatch(/<section aria-label="Lỗi và cảnh báo theo chỉ báo">/);
  expect(markup.match(/<h3/g)?.length).toBe(25);
  expect(markup.match(/data-issue="/g)).toHaveLength(50);
  expect(markup).toContain('data-issue="49"');
  expect(markup).not.toContain('data-issue="50"');
  expect(markup).toContain(">Hiện thêm 50<");
});

test("the result's heading is its headline; what blocks the next level is named in full", () => {
  const a = pane(
    template({ indicator: (n: number): IndicatorRow => (n === 9 ? { level: "Mức 3" } : {}) }).rows
  );
  const shown = html(<ResultView a={a} t={strings.vi} lang="vi" />);
  expect(shown).toMatch(
    /<h3[^>]*data-testid="recognition"[^>]*>Đề nghị công nhận: Huyện An Lão — Huyện học tập — Mức 2<\/h3>/
  );
  expect(shown).not.toContain("Mức công nhận");
  // 15 indicators below Mức 3 (not 9): every one can be listed, not "và 3 chỉ báo khác".
  expect(text(<ResultView a={a} t={strings.vi} lang="vi" />)).toContain("|Chỉ báo chưa đạt Mức 3 (15)|");
  const none = pane(template({ indicator: (n: number) => (n === 4 ? { level: null } : {}) }).rows);
  expect(text(<ResultView a={none} t={strings.vi} lang="vi" />)).toContain(
    "|Chỉ báo chưa xác định được mức (1)|"
  );
  const top = pane(template({ indicator: () => ({ level: "Mức 3" }) }).rows);
  expect(text(<ResultView a={top} t={strings.vi} lang="vi" />)).not.toMatch(/chưa đạt/);
});

test("a group's title: the set's own, else the words of the sheet's row after its layer and number", () => {
  expect(ownWords("Tiêu chí 1. Lãnh đạo, chỉ đạo", "Tiêu chí")).toBe("Lãnh đạo, chỉ đạo");
  expect(ownWords("TIÊU CHÍ 2: Nguồn lực", "Tiêu chí")).toBe("Nguồn lực");
  expect(ownWords("Tiêu chí 3", "Tiêu chí")).toBe("");
  expect(ownWords("IV. Kết quả", "Tiêu chí")).toBe("Kết quả");
  expect(ownWords("Xây dựng xã hội học tập", "Tiêu chí")).toBe("Xây dựng xã hội học tập");
  const rows = template().rows.map((r) => (r[0] === "Tiêu chí 3" ? ["Tiêu chí 3. Huy động nguồn lực"] : r));
  const a = pane(rows);
  const check = a.checked!.check!;
  const c3 = check.report.criteria[2]!;
  expect(groupTitle(check, a.checked!.read.snapshot, c3, "criterion")).toBe("Huy động nguồn lực");
  expect(text(<ResultView a={a} t={strings.vi} lang="vi" />)).toContain("|Tiêu chí 3 — Huy động nguồn lực|");
});

test("the set is chosen among whole names (a radio group), never a name cut at 320 px", () => {
  const a = { ...pane(template().rows), frameworkId: "auto" };
  const markup = html(<SetupCard a={a} t={strings.vi} lang="vi" />);
  // Closed once a table is found: opened, every set is a radio with its whole name.
  expect(markup).not.toContain('type="radio"');
  const open = html(
    <SetupCard a={{ ...a, checked: { ...a.checked!, check: null } }} t={strings.vi} lang="vi" />
  );
  expect(open.match(/type="radio"/g)).toHaveLength(1 + BUILTIN_FRAMEWORKS.length);
  expect(open).toContain("<legend");
  expect(open).toContain(">Cộng đồng học tập cấp xã (15 chỉ tiêu)<");
  expect(open).toContain(">Trang tính<");
});
