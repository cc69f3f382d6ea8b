import * as React from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { checkSheet } from "../../src/core/checks/check";
import { builtinForKind } from "../../src/core/sets/builtin";
import type { Framework } from "../../src/core/sets/framework";
import { resultHeadline } from "../../src/core/checks/headline";
import { ColumnFields, ColumnPicker, headerWords } from "../../src/taskpane/components/ColumnPicker";
import { IssueList } from "../../src/taskpane/components/IssueList";
import { Messages } from "../../src/taskpane/components/Messages";
import { headlineWords, StatusHeader } from "../../src/taskpane/components/StatusHeader";
import { ResultView } from "../../src/taskpane/components/ResultView";
import { strings } from "../../src/taskpane/strings";
import type { Assessment } from "../../src/taskpane/useAssessment";
import { sheet, template, workbook, type In, type IndicatorRow } from "../helpers/grid";

/** The pane's state as the views read it, after checking a sheet with `framework`. */
function assessed(framework: Framework, indicator?: (n: number) => IndicatorRow): Assessment {
  const s = sheet("Tự đánh giá", template({ indicator }).rows);
  const wb = workbook([s]);
  const check = checkSheet(wb, s, { framework });
  return {
    checked: { read: { sheet: s.name, snapshot: wb }, check },
    goTo: () => Promise.resolve(),
  } as unknown as Assessment;
}

const render = (node: React.ReactElement) =>
  renderToStaticMarkup(<FluentProvider theme={webLightTheme}>{node}</FluentProvider>).replace(
    /<[^>]+>/g,
    "|"
  );

test("standards and criteria by number, with the set's titles where it has them, else the sheet's", () => {
  const district = builtinForKind("district");
  const titled: Framework = {
    ...district,
    standards: district.standards.map((st) => ({
      ...st,
      title: st.number === 1 ? "Lãnh đạo, chỉ đạo" : undefined,
    })),
    criteria: district.criteria.map((c) => ({
      ...c,
      title: c.number === 2 ? "Huy động nguồn lực" : undefined,
    })),
  };
  const text = render(<ResultView a={assessed(titled)} t={strings.vi} lang="vi" />);
  expect(text).toContain("|Tiêu chuẩn 1 — Lãnh đạo, chỉ đạo|");
  expect(text).toContain("|Tiêu chuẩn 2 — Nội dung tiêu chuẩn 2|");
  expect(text).toContain("|Tiêu chí 2 — Huy động nguồn lực|");
  // The district set has no titles: the words of the officer's own criterion rows.
  expect(text).toContain("|Tiêu chí 6 — Nội dung tiêu chí 6|");
  expect(text).toContain("Đề nghị công nhận: Huyện An Lão — Huyện học tập — Mức 2");
});

test("issues: each with its cell; errors about the whole table first; a long list capped with how many more", () => {
  const one = render(
    <IssueList
      a={assessed(builtinForKind("district"), (n) => (n === 4 ? { evidence: null } : {}))}
      t={strings.en}
      lang="en"
    />
  );
  expect(one).toContain("|Indicator 4|");
  expect(one).toContain("|D11|");
  expect(one).not.toContain("more");

  const rows: In[][] = [["UBND HUYỆN AN LÃO"], [], ["TT", "Nội dung", "Số liệu", "Tự đánh giá"]];
  for (let n = 1; n <= 60; n++) rows.push([`Chỉ báo ${n}`, `Nội dung ${n}`, null, null]);
  const s = sheet("Nhiều lỗi", rows);
  const crowded = {
    checked: { read: { sheet: s.name, snapshot: workbook([s]) }, check: checkSheet(workbook([s]), s) },
    goTo: () => Promise.resolve(),
  } as unknown as Assessment;
  const text = render(<IssueList a={crowded} t={strings.vi} lang="vi" />);
  // Two table-wide errors come first, as messages; then 50 of the 120 others.
  expect(text.indexOf("Lỗi toàn bảng")).toBeLessThan(text.indexOf("|Chỉ báo 1|"));
  expect(text.match(/Lỗi toàn bảng/g)).toHaveLength(2);
  expect(text).toContain("|… và 70 lỗi khác|");
  expect(text).toContain("|Chỉ báo 25|");
  expect(text).not.toContain("|Chỉ báo 26|");
});

/** The pane's state after checking `rows` (and, when given, a notice of what was just done). */
function after(rows: In[][], extra: Partial<Assessment> = {}): Assessment {
  const s = sheet("Tự đánh giá", rows);
  const wb = workbook([s]);
  return {
    checked: { read: { sheet: s.name, snapshot: wb }, check: checkSheet(wb, s) },
    busy: null,
    columns: {},
    problem: null,
    notice: null,
    goTo: () => Promise.resolve(),
    ...extra,
  } as unknown as Assessment;
}

test.each([
  ["errors left", (n: number) => (n === 4 ? { evidence: null } : {}), "Mức dự kiến: Mức 2 — còn 1 lỗi"],
  ["no error", () => ({}), "Đề nghị công nhận: Huyện An Lão — Huyện học tập — Mức 2"],
  ["no level", (n: number) => (n === 4 ? { level: null } : {}), "Chưa đủ điều kiện công nhận"],
  ["level 0, no error", () => ({ level: "Không đạt" }), "Chưa đủ điều kiện công nhận"],
] as [string, (n: number) => IndicatorRow, string][])(
  "%s: the status line, the result view and the written notice say what the block written says",
  (_what, indicator, headline) => {
    const a = after(template({ indicator }).rows, { notice: { kind: "written", sheet: "Tự đánh giá" } });
    const report = a.checked!.check!.report;
    const written = resultHeadline(report, "vi");
    expect(written).toContain(headline);
    // The status line: the count, then the headline's own words before the level.
    const status = render(<StatusHeader a={a} t={strings.vi} lang="vi" />);
    expect(status).toContain(`|${headline.split(":")[0]}:|`);
    expect(render(<ResultView a={a} t={strings.vi} lang="vi" />)).toContain(`|${written}|`);
    expect(render(<Messages a={a} t={strings.vi} lang="vi" />)).toContain(`“${written}”`);
    expect(headlineWords(report, "en")).toMatch(
      /^(Expected level|Proposed recognition|Not yet eligible for recognition):$/
    );
  }
);

test("Chọn cột: open by itself when no table is found, the 200-row search and the header row said", () => {
  const rows: In[][] = [
    ["TT", "Diễn giải", "Số liệu", "Tự đánh giá"],
    ["1", "Nội dung 1", "có", "Mức 1"],
  ];
  expect(after(rows).checked?.check).toBeNull();
  const text = render(<ColumnPicker a={after(rows)} t={strings.vi} />);
  for (const label of ["Dòng tiêu đề", "Dòng cuối bảng", "Nội dung", "… đến cột (mỗi mức một cột)"])
    expect(text).toContain(`|${label}|`);
  expect(strings.vi.errNoTable).toMatch(/200 dòng đầu.*nhập số dòng tiêu đề và chọn cột trong “Chọn cột”/);
  expect(strings.en.errNoTable).toMatch(
    /first 200 rows.*Type the header row and pick the columns in “Choose columns”/
  );
  // Found: folded until the officer opens it.
  expect(render(<ColumnPicker a={after(template().rows)} t={strings.vi} />)).not.toContain("|Dòng tiêu đề|");
});

test("Chọn cột starts from what the check used: the header and last rows, per-level columns first to last", () => {
  const rows: In[][] = [
    ["UBND HUYỆN AN LÃO"],
    [],
    ["TT", "Nội dung", "Số liệu", "Minh chứng", "Không đạt", "Mức 1", "Mức 2", "Mức 3"],
    ...Array.from({ length: 16 }, (_, i) => [
      `Chỉ báo ${i + 1}`,
      "nội dung",
      "có",
      "H1",
      null,
      null,
      "x",
      null,
    ]),
  ];
  const html = renderToStaticMarkup(
    <FluentProvider theme={webLightTheme}>
      <ColumnFields a={after(rows)} t={strings.vi} disabled={false} />
    </FluentProvider>
  );
  const field = (id: string) => new RegExp(`id="${id}"[^]*?(?=id="pick-|$)`).exec(html)?.[0] ?? "";
  expect(field("pick-headerRow")).toContain('value="3"');
  expect(field("pick-lastRow")).toContain('value="19"');
  // Each column by its letter and its header's words.
  expect(field("pick-level")).toMatch(/<option value="5" selected="">E — Không đạt</);
  expect(field("pick-levelTo")).toMatch(/<option value="8" selected="">H — Mức 3</);
  expect(field("pick-evidence")).toMatch(/<option value="4" selected="">D — Minh chứng</);
  // Only columns right of the first level column can end the run.
  expect(field("pick-levelTo")).not.toContain('value="5"');
});

test("a column's header words for the picker: a merged heading with the words under it, cut to fit", () => {
  const s = sheet(
    "S",
    [
      ["TT", "Mức độ 1", null, "Tiêu chuẩn, tiêu chí, chỉ báo và các nội dung đánh giá"],
      [null, "Đạt", "Không đạt"],
    ],
    {
      merges: [{ top: 1, left: 2, bottom: 1, right: 3 }],
    }
  );
  expect(headerWords(s, 1, 1)).toBe("TT");
  expect(headerWords(s, 1, 2)).toBe("Mức độ 1 / Đạt");
  expect(headerWords(s, 1, 3)).toBe("Mức độ 1 / Không đạt");
  expect(headerWords(s, 1, 4)).toHaveLength(32);
  expect(headerWords(s, 1, 4).endsWith("…")).toBe(true);
  expect(headerWords(s, 1, 9)).toBe("");
  expect(headerWords(undefined, 1, 1)).toBe("");
});

test("the officer's looks that cannot be recorded: the cells, why, and what to do, in both languages", () => {
  const rows = template().rows;
  const proceed = () => undefined;
  const problem = (detail: string, withButton: boolean) =>
    after(rows, {
      problem: {
        kind: "looks-unrecorded",
        detail,
        sheet: "Tự đánh giá",
        place: { range: "G4:H29" },
        ...(withButton ? { proceed } : {}),
      },
    });
  const old = render(<Messages a={problem("old", true)} t={strings.vi} lang="vi" />);
  expect(old).toContain("Các ô G4:H29 của trang tính “Tự đánh giá”");
  expect(old).toContain("phiên bản Excel này không cho add-in ghi nhớ");
  expect(old).toContain("bấm “Vẫn ghi”.");
  expect(old).toContain("|Vẫn ghi|");
  expect(old).toContain("“Tạo trang tính kết quả”");
  const many = render(<Messages a={problem("many", false)} t={strings.vi} lang="vi" />);
  expect(many).toContain("quá nhiều ô");
  expect(many).toContain("bấm “Ghi kết quả” rồi “Vẫn ghi”.");
  expect(many).not.toContain("|Vẫn ghi|");
  const en = render(<Messages a={problem("many", true)} t={strings.en} lang="en" />);
  expect(en).toContain("Cells G4:H29 of sheet “Tự đánh giá”");
  expect(en).toContain("|Write anyway|");
  expect(en).not.toMatch(/\{\w+\}/);
});

test("the officer's looks this Excel cannot give back: the cells, why, what to do, and “Vẫn xoá” on Xoá kết quả", () => {
  const rows = template().rows;
  const proceed = () => undefined;
  const problem = (detail: string, proceedAs: "write" | "clean") =>
    after(rows, {
      problem: {
        kind: "looks-unrestorable",
        detail,
        sheet: "Tự đánh giá",
        place: { range: "G10, H12" },
        proceed,
        proceedAs,
      },
    });
  const clean = render(<Messages a={problem("old", "clean")} t={strings.vi} lang="vi" />);
  expect(clean).toContain("Các ô G10, H12 của trang tính “Tự đánh giá”");
  expect(clean).toContain("nền có hoa văn, chữ gạch ngang hoặc thụt lề");
  expect(clean).toContain("Chưa thay đổi ô nào.");
  expect(clean).toContain("Excel 2021 trở lên, Microsoft 365 hoặc Excel trên web");
  expect(clean).toContain("bấm “Vẫn xoá”.");
  expect(clean).toContain("|Vẫn xoá|");
  const write = render(<Messages a={problem("many", "write")} t={strings.vi} lang="vi" />);
  expect(write).toContain("quá nhiều ô");
  expect(write).toContain("|Vẫn ghi|");
  const en = render(<Messages a={problem("old", "clean")} t={strings.en} lang="en" />);
  expect(en).toContain("Cells G10, H12 of sheet “Tự đánh giá”");
  expect(en).toContain("|Remove anyway|");
  expect(en).not.toMatch(/\{\w+\}/);
});

test("an AutoFilter over where the results go: the sheet, the filter, the cell, and what to do", () => {
  const a = after(template().rows, {
    problem: { kind: "filtered", detail: "G4", sheet: "Tự đánh giá", place: { cell: "G4", range: "A4:H29" } },
  });
  const vi = render(<Messages a={a} t={strings.vi} lang="vi" />);
  expect(vi).toContain("Trang tính “Tự đánh giá” đang có bộ lọc (AutoFilter) trên vùng A4:H29, phủ lên ô G4");
  expect(vi).toContain("chưa ghi ô nào");
  expect(vi).toContain("Dữ liệu → Bộ lọc");
  const en = render(<Messages a={a} t={strings.en} lang="en" />);
  expect(en).toContain("Sheet “Tự đánh giá” has a filter (AutoFilter) over A4:H29, covering cell G4");
  expect(en).not.toMatch(/\{\w+\}/);
});
