// The officer's path through the task pane over the fake Excel (detect → check → select a cell →
// result → write back twice → remove; a protected sheet; a sheet without a table; the new sheets),
// and the pane as the officer sees it: screenshots at 320 × 620 and 280 px wide, light, dark and high
// contrast, Vietnamese and English, each checked from the DOM (the status inside the first viewport,
// nothing past the right edge, no clipped chip) and by axe; a keyboard walk. Screenshots go to
// test-results/ (git-ignored).
import { join } from "node:path";
import type { Page } from "playwright-core";
import { template, type In } from "../helpers/grid";
import { RULES } from "../../src/core/model/issues";
import { BUILTIN_LIST } from "../../src/core/sets/builtin-list";
import { fakeRows } from "../excel/install-fake";
import { formSeeds, unusualForm } from "../excel/fake-forms";
import { layouts } from "../fixtures/forms/layouts";
import { OFFICE_JS, openPane, paneSession } from "./harness";
import { axe, expectCleanLayout, setExcelApi } from "./harness";

const SHEET = "Tự đánh giá";
const SHOTS = join(__dirname, "..", "..", "test-results");
const officerRows = fakeRows(
  template({
    indicator: (n) => ({ 4: { evidence: null }, 15: { data: null }, 9: { level: "Mức 3" } })[n] ?? {},
  }).rows
);
const OFFICER_SHEETS = [
  { name: SHEET, rows: officerRows },
  { name: "Ghi chú", rows: [["Ghi chú của phòng"]] },
];

const pane = paneSession(SHOTS);

/** Every request the pages make: nothing may leave but Office.js. */
const requests: string[] = [];
afterAll(() => {
  expect(requests.filter((u) => !u.startsWith(pane.base) && u !== OFFICE_JS)).toEqual([]);
  expect(requests.length).toBeGreaterThan(0);
});

type Theme = "light" | "dark" | "contrast";
interface Look {
  theme: Theme;
  lang: "vi" | "en";
  width: number;
  height: number;
}
const REALISTIC: Look = { theme: "light", lang: "vi", width: 320, height: 620 };

type Seed = { name: string; rows: unknown[][]; merges?: string[]; hidden?: boolean };

function open(
  look: Look,
  sheets: Seed[] = OFFICER_SHEETS,
  excelApi = "1.4",
  withoutSets = false
): Promise<Page> {
  return openPane(pane, look, { sheets, excelApi }, async (page) => {
    page.on("request", (r) => requests.push(r.url()));
    if (withoutSets) await page.route("**/sets.json", (route) => route.fulfill({ status: 404 }));
  });
}

/** The check is shown and the buttons are ready again. */
async function ready(page: Page): Promise<void> {
  await page
    .getByTestId("status")
    .getByText(/lỗi|errors|Chưa có bảng|No self-assessment/)
    .waitFor();
  await page.waitForFunction(() => document.querySelector("main")?.getAttribute("aria-busy") === "false");
}

const name = (look: Look) => `${look.width}x${look.height}-${look.theme}-${look.lang}`;

/** What only the CLI, `--json` and `--chi-tiet` say: an option, the tool's name, a set's id, a rule's code. */
const INTERNAL = new RegExp(
  `--[a-z][\\w-]*|hoctap|(?<![\\w-])(?:${[...BUILTIN_LIST.map((f) => f.id), ...RULES].join("|")})(?![\\w-])`,
  "i"
);

/** Checks what the officer sees, then keeps a picture of it (`full`: of the whole pane, scrolled). */
async function state(page: Page, what: string, look: Look, full = false): Promise<void> {
  await expectCleanLayout(page, { what, look });
  // An Excel user is never sent to the command line, nor shown a set's id or a rule's code;
  // Vietnamese says "trang tính", as Excel does.
  const words = await page.evaluate(() => document.querySelector("main")?.innerText ?? "");
  expect({ what, look, option: words.match(INTERNAL)?.[0] ?? null }).toEqual({
    what,
    look,
    option: null,
  });
  if (look.lang === "vi")
    expect({ what, sheet: words.match(/\bsheet\b/i)?.[0] ?? null }).toEqual({ what, sheet: null });
  await page.screenshot({ path: join(SHOTS, `${what}-${name(look)}.png`), animations: "disabled" });
  if (full)
    await page.screenshot({
      path: join(SHOTS, `${what}-${name(look)}-full.png`),
      animations: "disabled",
      fullPage: true,
    });
  expect({ what, look, serious: await axe(page, pane.base) }).toEqual({ what, look, serious: [] });
}

const dump = (page: Page, sheet = SHEET) =>
  page.evaluate(
    (s) => (window as unknown as { __fake: { dump(n: string): Record<string, unknown> } }).__fake.dump(s),
    sheet
  );
const names = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { __fake: { names: { name: string }[] } }).__fake.names.map((n) => n.name).sort()
  );

const LOOKS: Look[] = (["light", "dark", "contrast"] as const).flatMap((theme) =>
  (["vi", "en"] as const).flatMap((lang) => [320, 280].map((width) => ({ theme, lang, width, height: 620 })))
);

test.each(LOOKS)("the pane answers first and fits: %o", async (look) => {
  const page = await open(look);
  await ready(page);
  // The answer is in the status line: the count and the expected level, in the set's words.
  const status = page.getByTestId("status");
  await status.getByText(look.lang === "vi" ? "2 lỗi" : "2 errors").waitFor();
  await status.getByText(look.lang === "vi" ? "Mức 2" : "Level 2").waitFor();
  await state(page, "1-issues", look);
  const tabs = page.getByRole("tab");
  await tabs.nth(1).click();
  await page.getByTestId("recognition").waitFor();
  await state(page, "2-result", look);
  await tabs.nth(2).click();
  await page.getByRole("checkbox").first().waitFor();
  await state(page, "3-new-sheets", look);
  // The setup opened, with Chọn cột, still fits.
  await tabs.nth(0).click();
  await page
    .getByRole("button", { name: look.lang === "vi" ? /Tiêu đề ở dòng 4/ : /Header on row 4/ })
    .click();
  await page.getByRole("button", { name: look.lang === "vi" ? /Chọn cột/ : /Choose columns/ }).click();
  await page.getByLabel(look.lang === "vi" ? "Dòng tiêu đề" : "Header row").waitFor();
  await state(page, "4-setup", look);
  await page.close();
});

test.each(["light", "dark"] as const)("the officer's walk (%s theme)", async (theme) => {
  const look = { ...REALISTIC, theme };
  // An Excel that tells the sheet's pages (ExcelApi 1.9): the block goes under the table.
  const page = await open(look, OFFICER_SHEETS, "1.9");
  await ready(page);
  const original = await dump(page);
  await expect(page.getByTestId("status-where").textContent()).resolves.toBe(
    "Tự đánh giá · Quận/huyện học tập (16 chỉ báo)"
  );

  // Choosing an issue selects its cell in Excel.
  await page.getByRole("button", { name: /^D11 lỗi: Chỉ báo 4/ }).click();
  await page.waitForFunction(() => {
    const sel = (window as unknown as { __fake: { selection: { sheet: string; address: string } | null } })
      .__fake.selection;
    return sel?.address === "D11" && sel.sheet === "Tự đánh giá";
  });

  // The result, in the words of the block written into the sheet; standards and criteria by number.
  await page.getByRole("tab", { name: "Kết quả" }).click();
  await expect(page.getByTestId("recognition").textContent()).resolves.toBe(
    "Mức dự kiến: Mức 2 — còn 2 lỗi phải sửa trước khi gửi"
  );
  // The district set has no titles: the words of the officer's own rows.
  await page.getByText("Tiêu chuẩn 1 — Nội dung tiêu chuẩn 1", { exact: true }).waitFor();
  await page.getByText("Tiêu chí 6 — Nội dung tiêu chí 6", { exact: true }).waitFor();

  // Write back; a second write leaves the workbook identical.
  await page.getByRole("button", { name: "Ghi kết quả", exact: true }).click();
  await page.getByText(/Đã ghi kết quả vào trang tính/).waitFor();
  const once = await dump(page);
  expect(once.G4).toBe("Mức tính toán");
  expect(once.H11).toBe("Thiếu minh chứng");
  expect(Object.values(once)).toContain("Mức dự kiến: Mức 2 — còn 2 lỗi phải sửa trước khi gửi");
  for (const [k, v] of Object.entries(original)) expect(once[k]).toBe(v);
  // Xoá kết quả is offered at once, without a check between.
  await expect(page.getByRole("button", { name: "Xoá kết quả", exact: true }).isDisabled()).resolves.toBe(
    false
  );
  await state(page, "5-written", look);
  await page.getByRole("button", { name: "Ghi kết quả", exact: true }).click();
  await page.getByText(/Đã ghi kết quả vào trang tính/).waitFor();
  await expect(dump(page)).resolves.toEqual(once);
  // With the results, the fingerprint of what was written (hidden), which Xoá kết quả reads.
  await expect(names(page)).resolves.toEqual(["HocTap_KQ_Cot", "HocTap_KQ_Khoi", "HocTap_VanTay"]);

  // Remove the results: the officer's workbook, as it was; then there is nothing left to remove.
  await page.getByRole("button", { name: "Xoá kết quả", exact: true }).click();
  await page.getByText(/Đã xoá mọi kết quả/).waitFor();
  await expect(dump(page)).resolves.toEqual(original);
  await expect(names(page)).resolves.toEqual([]);
  await expect(page.getByRole("button", { name: "Xoá kết quả", exact: true }).isDisabled()).resolves.toBe(
    true
  );
  await page.close();
});

test("the keyboard walks the pane in reading order; arrow keys move between the views", async () => {
  const page = await open(REALISTIC);
  await ready(page);
  const focused = () =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const label = el.getAttribute("aria-label") ?? el.textContent ?? "";
      return `${el.getAttribute("role") ?? el.tagName.toLowerCase()}: ${label.trim()}`;
    });
  const order: string[] = [];
  for (let i = 0; i < 7; i++) {
    await page.keyboard.press("Tab");
    order.push(await focused());
  }
  const expected = [
    /^button: Kiểm tra lại$/,
    /^button: Ghi kết quả$/,
    /^button: Tiêu đề ở dòng 4, cột A–F · Huyện An Lão$/,
    /^tab: Lỗi \(2\)$/,
    /^tabpanel: Chỉ báo 4/,
    /^button: D11lỗi: Chỉ báo 4/,
    /^button: C28lỗi: Chỉ báo 15/,
  ];
  expect(order.map((o, i) => expected[i]?.test(o) || o)).toEqual(expected.map(() => true));
  await page.keyboard.press("Enter");
  await page.waitForFunction(
    () =>
      (window as unknown as { __fake: { selection: { address: string } | null } }).__fake.selection
        ?.address === "C28"
  );
  await page.getByRole("tab", { name: "Lỗi (2)" }).focus();
  await page.keyboard.press("ArrowRight");
  expect(await focused()).toBe("tab: Kết quả");
  await page.getByTestId("recognition").waitFor();
  await page.keyboard.press("End");
  expect(await focused()).toBe("tab: Tạo trang tính");
  await page.keyboard.press("Home");
  expect(await focused()).toBe("tab: Lỗi (2)");
  await expect(page.getByRole("tab", { selected: true }).textContent()).resolves.toBe("Lỗi (2)");
  // The setup opens from the keyboard, and the sheet picker is reachable.
  await page.keyboard.press("Shift+Tab");
  expect(await focused()).toBe("button: Tiêu đề ở dòng 4, cột A–F · Huyện An Lão");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  expect(await focused()).toBe("select: Tự đánh giáGhi chú");
  await expect(page.getByLabel("Trang tính").inputValue()).resolves.toBe(SHEET);
  await page.close();
});

test("a protected sheet: a clear message, and nothing written", async () => {
  const page = await open(REALISTIC);
  await ready(page);
  const original = await dump(page);
  await page.evaluate(
    (s) =>
      void ((window as unknown as { __fake: { sheet(n: string): { protected: boolean } } }).__fake.sheet(
        s
      ).protected = true),
    SHEET
  );
  await page.getByRole("button", { name: "Ghi kết quả", exact: true }).click();
  await page
    .getByRole("alert")
    .getByText(/đang được bảo vệ/)
    .waitFor();
  await expect(dump(page)).resolves.toEqual(original);
  await state(page, "6-protected", REALISTIC);
  await page.close();
});

test.each((["light", "dark", "contrast"] as const).map((theme) => [theme]))(
  "an Excel Table where the results go (%s): the message names the cell and the table, nothing written",
  async (theme) => {
    const look: Look = { ...REALISTIC, theme };
    // The pages known (ExcelApi 1.9): the block would go under the table, where the Excel Table is.
    const page = await open(look, OFFICER_SHEETS, "1.9");
    await ready(page);
    const original = await dump(page);
    // The officer keeps an evidence list as an Excel Table under the signature, its body still empty.
    await page.evaluate(
      ({ s, ref }) =>
        void (
          window as unknown as { __fake: { sheet(n: string): { tables: { name: string; ref: string }[] } } }
        ).__fake
          .sheet(s)
          .tables.push({ name: "MinhChung", ref }),
      { s: SHEET, ref: `A${officerRows.length + 2}:D${officerRows.length + 8}` }
    );
    await page.getByRole("button", { name: "Ghi kết quả", exact: true }).click();
    await page
      .getByRole("alert")
      .getByText(/bảng Excel “MinhChung”.*Chuyển đổi thành Dải ô/)
      .waitFor();
    await expect(dump(page)).resolves.toEqual(original);
    await state(page, "6-table-in-the-way", look);
    await page.close();
  }
);

test.each((["light", "dark", "contrast"] as const).map((theme) => [theme]))(
  "an AutoFilter over where the results go (%s): nothing written, the filter and the cell named",
  async (theme) => {
    const look: Look = { ...REALISTIC, theme };
    const page = await open(look, OFFICER_SHEETS, "1.9");
    await ready(page);
    // The officer filters the table and the empty columns right of it (Data → Filter).
    await page.evaluate(
      (s) =>
        void ((window as unknown as { __fake: { sheet(n: string): { autoFilter: string } } }).__fake.sheet(
          s
        ).autoFilter = "A4:H29"),
      SHEET
    );
    const original = await dump(page);
    await page.getByRole("button", { name: "Ghi kết quả", exact: true }).click();
    await page
      .getByRole("alert")
      .getByText(/bộ lọc \(AutoFilter\) trên vùng A4:H29, phủ lên ô G4.*chưa ghi ô nào/)
      .waitFor();
    await expect(dump(page)).resolves.toEqual(original);
    await expect(names(page)).resolves.toEqual([]);
    await state(page, "6-filtered", look);
    await page.close();
  }
);

test.each((["light", "dark", "contrast"] as const).map((theme) => [theme]))(
  "the officer's looks where the results go, that this Excel cannot record (%s): told first, written on “Vẫn ghi”",
  async (theme) => {
    const look: Look = { ...REALISTIC, theme };
    const page = await open(look);
    await ready(page);
    // The officer drew a filled column beside the table, where the results go (ExcelApi 1.4 here).
    await page.evaluate((s) => {
      const cells = (
        window as unknown as { __fake: { sheet(n: string): { cells: Map<string, unknown> } } }
      ).__fake.sheet(s).cells;
      for (let r = 4; r <= 29; r++) cells.set(`${r}:7`, { value: "", fill: "#FFF2CC" });
    }, SHEET);
    const original = await dump(page);
    await page.getByRole("button", { name: "Ghi kết quả", exact: true }).click();
    await page
      .getByRole("alert")
      .getByText(/Các ô G4:G29 .*định dạng riêng.*Chưa ghi ô nào/)
      .waitFor();
    await expect(dump(page)).resolves.toEqual(original);
    await expect(names(page)).resolves.toEqual([]);
    await state(page, "6-looks-unrecorded", look);
    await page.getByRole("button", { name: "Vẫn ghi", exact: true }).click();
    await page
      .getByRole("status")
      .getByText(/Đã ghi/)
      .waitFor();
    expect((await dump(page)).G4).toBe("Mức tính toán");
    await page.close();
  }
);

test.each((["light", "dark", "contrast"] as const).map((theme) => [theme]))(
  "the officer's looks an older Excel cannot give back on Xoá kết quả (%s): told which cells first, removed on “Vẫn xoá”",
  async (theme) => {
    const look: Look = { ...REALISTIC, theme };
    // Written on a newer Excel (the looks recorded), removed on Excel 2019 (ExcelApi 1.8).
    const page = await open(look, OFFICER_SHEETS, "1.9");
    await ready(page);
    await page.evaluate((s) => {
      const cells = (
        window as unknown as { __fake: { sheet(n: string): { cells: Map<string, unknown> } } }
      ).__fake.sheet(s).cells;
      for (let r = 4; r <= 29; r++)
        cells.set(`${r}:7`, { value: "", fill: "#FFF2CC", borders: { left: "Continuous" } });
      cells.set("10:7", { value: "", fill: "#FFF2CC", fillPattern: "Gray25" });
    }, SHEET);
    const original = await dump(page);
    await page.getByRole("button", { name: "Ghi kết quả", exact: true }).click();
    await page
      .getByRole("status")
      .getByText(/Đã ghi/)
      .waitFor();
    const written = await dump(page);
    await setExcelApi(page, "1.8");
    await page.getByRole("button", { name: "Xoá kết quả", exact: true }).click();
    await page
      .getByRole("alert")
      .getByText(/Các ô G10 .*nền có hoa văn.*Chưa thay đổi ô nào.*“Vẫn xoá”/)
      .waitFor();
    await expect(dump(page)).resolves.toEqual(written);
    await state(page, "6-looks-unrestorable", look);
    await page.getByRole("button", { name: "Vẫn xoá", exact: true }).click();
    await page.getByText(/Đã xoá mọi kết quả/).waitFor();
    await expect(dump(page)).resolves.toEqual(original);
    // The fills and lines of every other cell came back through Excel 2019's range format calls.
    const cell = await page.evaluate(
      (s) =>
        (window as unknown as { __fake: { sheet(n: string): { cells: Map<string, unknown> } } }).__fake
          .sheet(s)
          .cells.get("11:7"),
      SHEET
    );
    expect(cell).toEqual({ value: "", fill: "#FFF2CC", borders: { left: "Continuous" } });
    await page.close();
  }
);

test("Excel stopping half-way through a write: the cells are given back, and the message says so", async () => {
  const page = await open(REALISTIC, OFFICER_SHEETS, "1.9");
  await ready(page);
  const original = await dump(page);
  await page.evaluate(
    () => void ((window as unknown as { __fake: { failNames: RegExp | null } }).__fake.failNames = /KQ_Khoi/)
  );
  await page.getByRole("button", { name: "Ghi kết quả", exact: true }).click();
  await page
    .getByRole("alert")
    .getByText(/trả các ô về như trước khi ghi/)
    .waitFor();
  await expect(dump(page)).resolves.toEqual(original);
  await state(page, "6-restored", REALISTIC);
  await page.close();
});

test("a sheet without a table says so and points to the blank template; English follows Office's language", async () => {
  const look: Look = { ...REALISTIC, lang: "en" };
  const page = await open(look);
  await ready(page);
  await page.getByRole("button", { name: /Header on row 4/ }).click();
  await page.getByLabel("Sheet").selectOption("Ghi chú");
  await page
    .getByRole("alert")
    .getByText(/No self-assessment table in the first 200 rows of sheet “Ghi chú”/)
    .waitFor();
  await ready(page);
  await page.getByTestId("status").getByText("No self-assessment table").waitFor();
  // The setup stays open when nothing was found, so another sheet is one choice away.
  await expect(page.getByLabel("Sheet").inputValue()).resolves.toBe("Ghi chú");
  await state(page, "7-no-table", look);
  await page.getByRole("button", { name: "Make a blank template under “New sheets”" }).click();
  await expect(page.getByRole("tab", { selected: true }).textContent()).resolves.toBe("New sheets");
  await page.getByRole("button", { name: "Make blank template" }).waitFor();
  await state(page, "8-no-table-new-sheets", look);
  await page.close();
});

/** A sheet with a missing column and far more issues than a pane can show at once. */
function crowdedRows(count = 60): In[][] {
  const rows: In[][] = [["UBND HUYỆN AN LÃO"], [], ["TT", "Nội dung", "Số liệu", "Tự đánh giá"]];
  for (let n = 1; n <= count; n++) rows.push([`Chỉ báo ${n}`, `Nội dung ${n}`, null, null]);
  return rows;
}

test("table-wide errors are error messages; a long list is capped, more on demand", async () => {
  const page = await open(REALISTIC, [{ name: "Nhiều lỗi", rows: fakeRows(crowdedRows()) }]);
  await ready(page);
  const wide = page.getByText("Lỗi toàn bảng");
  await expect(wide.count()).resolves.toBe(2);
  await page
    .getByText(/không tìm thấy cột “Minh chứng”|Minh chứng/)
    .first()
    .waitFor();
  // No disabled items: every issue with a cell is a working button.
  await expect(page.locator("[role=tabpanel] button[disabled]").count()).resolves.toBe(0);
  // The set's own titles, where it has them (the city set names its four province-level indicators).
  await page.getByRole("heading", { name: "Chỉ báo 7 — Hoạt động hợp tác quốc tế" }).waitFor();
  await page.getByText("… và 70 lỗi khác").waitFor();
  // One landmark for the list, not one per indicator; each indicator a heading in it.
  const panel = page.getByRole("tabpanel");
  await expect(panel.getByRole("region").count()).resolves.toBe(1);
  await expect(panel.getByRole("region", { name: "Lỗi và cảnh báo theo chỉ báo" }).count()).resolves.toBe(1);
  await expect(panel.getByRole("heading", { level: 3 }).count()).resolves.toBe(25);
  await expect(page.locator("[data-issue]").count()).resolves.toBe(50);
  await state(page, "9-crowded", REALISTIC);
  // Fifty more at a time, focus on the first issue shown (not left on the button far below).
  const focusedIssue = () =>
    page.evaluate(
      () => document.activeElement?.getAttribute("data-issue") ?? document.activeElement?.tagName
    );
  await page.getByRole("button", { name: "Hiện thêm 50" }).click();
  await expect(page.locator("[data-issue]").count()).resolves.toBe(100);
  await page.waitForFunction(() => document.activeElement?.getAttribute("data-issue") === "50");
  await expect(focusedIssue()).resolves.toBe("50");
  await page.getByText("… và 20 lỗi khác").waitFor();
  await state(page, "9-crowded-more", REALISTIC);
  // From the keyboard too: Enter on the button, focus on issue 101, nothing left to show.
  await page.getByRole("button", { name: "Hiện thêm 20" }).focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.activeElement?.getAttribute("data-issue") === "100");
  await expect(page.locator("[data-issue]").count()).resolves.toBe(120);
  await expect(page.getByText(/… và \d+ lỗi khác/).count()).resolves.toBe(0);
  await expect(panel.getByRole("region").count()).resolves.toBe(1);
  await page.close();
});

test("300 issues: fifty more a press, focus on the first new one each time, one landmark", async () => {
  const page = await open(REALISTIC, [{ name: "Rất nhiều lỗi", rows: fakeRows(crowdedRows(150)) }]);
  await ready(page);
  const panel = page.getByRole("tabpanel");
  await page.getByText("… và 250 lỗi khác").waitFor();
  for (let shown = 50; shown < 300; shown += 50) {
    await expect(page.locator("[data-issue]").count()).resolves.toBe(shown);
    await page.getByRole("button", { name: "Hiện thêm 50" }).click();
    await page.waitForFunction(
      (first) => document.activeElement?.getAttribute("data-issue") === String(first),
      shown
    );
    await expect(page.locator("[data-issue]").count()).resolves.toBe(shown + 50);
    await expect(panel.getByRole("region").count()).resolves.toBe(1);
  }
  await expect(page.getByText(/… và \d+ lỗi khác/).count()).resolves.toBe(0);
  await page.close();
});

test.each(["light", "dark"] as const)(
  "the new sheets: a result sheet, a summary over the sheets with a table, a blank template and the criteria sheet (%s theme)",
  async (theme) => {
    const look = { ...REALISTIC, theme };
    const page = await open(
      look,
      [
        { name: "An Lão", rows: fakeRows(template().rows) },
        {
          name: "Kiến Thụy",
          rows: fakeRows(
            template({ unit: "UBND HUYỆN KIẾN THỤY", indicator: (n) => (n === 5 ? { level: "Mức 1" } : {}) })
              .rows
          ),
        },
        { name: "Hướng dẫn", rows: [["Hướng dẫn điền bảng tự đánh giá"], ["Ghi mức vào cột Tự đánh giá."]] },
      ],
      "1.9"
    );
    await ready(page);
    await page.getByRole("tab", { name: "Tạo trang tính" }).click();
    // Only the sheets holding a table are offered, all ticked.
    await page.getByRole("checkbox", { name: "An Lão" }).waitFor();
    await expect(page.getByRole("checkbox").count()).resolves.toBe(2);
    await expect(page.getByRole("checkbox", { name: "Kiến Thụy" }).isChecked()).resolves.toBe(true);
    await state(page, "10-new-sheets", look);

    type Fake = { dump(n: string): Record<string, unknown>; sheet(n: string): { charts: unknown[] } };
    const cells = (n: string) =>
      page.evaluate((s) => (window as unknown as { __fake: Fake }).__fake.dump(s), n);
    const charts = (n: string) =>
      page.evaluate((s) => (window as unknown as { __fake: Fake }).__fake.sheet(s).charts.length, n);
    await page.getByRole("button", { name: "Tạo trang tính kết quả" }).click();
    await page.getByText("Đã tạo trang tính “KQ An Lão”.").waitFor();
    // The dossier's paper, with no chart drawn over it.
    expect((await cells("KQ An Lão")).A2).toBe("HUYỆN AN LÃO");
    expect(await charts("KQ An Lão")).toBe(0);

    await page.getByRole("button", { name: "Tạo bảng Tổng hợp" }).click();
    await page.getByText("Đã tạo trang tính “Tổng hợp”.").waitFor();
    const summary = await cells("Tổng hợp");
    // One titled block for the one set, its header below the title.
    expect(String(summary.A4)).toBe("Bộ tiêu chí thí điểm công nhận quận/huyện học tập (Hải Phòng, 2022)");
    // Each unit's level in the set's words, as the CLI's Tổng hợp writes it.
    expect([summary.C7, summary.E7, summary.C8, summary.E8]).toEqual([
      "Huyện An Lão",
      "Mức 2",
      "Huyện Kiến Thụy",
      "Mức 1",
    ]);
    expect(await charts("Tổng hợp")).toBe(1);
    // Drawn beside its figures, below the printed table: not over it.
    const at = await page.evaluate(
      () =>
        (window as unknown as { __fake: { sheet(n: string): { charts: { at?: string }[] } } }).__fake.sheet(
          "Tổng hợp"
        ).charts[0]?.at
    );
    expect(at).toMatch(/^D\d+:J\d+$/);

    await page.getByRole("button", { name: "Tạo mẫu tự đánh giá" }).click();
    await page.getByText("Đã tạo trang tính “Tự đánh giá”.").waitFor();
    // The dossier's form: office and motto, the title, the period, then the table (header at row 9).
    const blank = await cells("Tự đánh giá");
    expect([blank.A1, blank.C1, blank.A9, blank.A12]).toEqual([
      "ỦY BAN NHÂN DÂN",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "TT",
      "Chỉ báo 1",
    ]);

    await page.getByRole("button", { name: "Tạo trang tính Bộ tiêu chí" }).click();
    await page.getByText("Đã tạo trang tính “Bộ tiêu chí”.").waitFor();
    expect((await cells("Bộ tiêu chí")).A1).toBe("Mã");
    await page.getByRole("button", { name: "Tạo trang tính Bộ tiêu chí" }).click();
    await page
      .getByRole("alert")
      .getByText(/đã có trang tính “Bộ tiêu chí”/)
      .waitFor();
    await state(page, "11-criteria-exists", look);
    await page.close();
  }
);

test.each(["light", "dark", "contrast"] as const)(
  "a renamed sheet: ⟳ checks it under its new name, and its KQ replaces the one made before (%s theme)",
  async (theme) => {
    const look = { ...REALISTIC, theme };
    const page = await open(look, [{ name: "An Lão", rows: fakeRows(template().rows) }], "1.13");
    await ready(page);
    await page.getByRole("tab", { name: "Tạo trang tính" }).click();
    await page.getByRole("button", { name: "Tạo trang tính kết quả" }).click();
    await page.getByText("Đã tạo trang tính “KQ An Lão”.").waitFor();
    // The officer renames the sheet and goes back to it.
    type Fake = { renameSheet(a: string, b: string): void; active: string; sheets: { name: string }[] };
    await page.evaluate(() => {
      const fake = (window as unknown as { __fake: Fake }).__fake;
      fake.renameSheet("An Lão", "An Lão 2024");
      fake.active = "An Lão 2024";
    });
    await page.getByRole("button", { name: "Kiểm tra lại" }).click();
    await page.getByText(/^An Lão 2024 · /).waitFor();
    await page.getByRole("button", { name: "Tạo trang tính kết quả" }).click();
    await page
      .getByText(
        "Đã tạo trang tính “KQ An Lão 2024”. Trang tính “KQ An Lão”, làm trước khi đổi tên trang tính, đã được thay bằng trang tính này."
      )
      .waitFor();
    await expect(
      page.evaluate(() => (window as unknown as { __fake: Fake }).__fake.sheets.map((x) => x.name))
    ).resolves.toEqual(["An Lão 2024", "KQ An Lão 2024"]);
    await state(page, "12-renamed-kq", look);
    await page.close();
  }
);

/** A real form: the two-block header, a two-row header over per-level `x` columns, a signature. */
const REAL = layouts()
  .find((l) => l.name === "danh-dau-x-1")!
  .build();
const realForm = () => formSeeds(REAL.wb);
const FORM_LOOKS: Look[] = (["light", "dark", "contrast"] as const).flatMap((theme) =>
  [320, 280].map((width) => ({ theme, lang: "vi" as const, width, height: 620 }))
);

test.each(FORM_LOOKS)("a real form is read without help: %o", async (look) => {
  const page = await open(look, realForm(), "1.13");
  await ready(page);
  const status = page.getByTestId("status");
  await status.getByText("0 lỗi").waitFor();
  await status.getByText("Đề nghị công nhận:").waitFor();
  await status.getByText("Mức 2").waitFor();
  await page
    .getByRole("button", { name: `Tiêu đề ở dòng ${REAL.expect.headerRow}, cột A–I · Huyện Kiến Thụy` })
    .waitFor();
  await state(page, "12-real-form", look);
  await page.getByRole("tab", { name: "Kết quả" }).click();
  await expect(page.getByTestId("recognition").textContent()).resolves.toBe(
    "Đề nghị công nhận: Huyện Kiến Thụy — Huyện học tập — Mức 2"
  );
  await state(page, "13-real-form-result", look);
  await page.close();
});

test.each(FORM_LOOKS)(
  "the header past row 30 under unknown words: fixed in Chọn cột, stored, read again: %o",
  async (look) => {
    const { wb, headerRow } = unusualForm();
    const page = await open(look, [...formSeeds(wb), { name: "Ghi chú", rows: [["Ghi chú"]] }], "1.13");
    await ready(page);
    // Nothing found: the message says where it looked and points to Chọn cột, open by itself.
    await page
      .getByRole("alert")
      .getByText(/trong 200 dòng đầu .* nhập số dòng tiêu đề và chọn cột trong “Chọn cột”/)
      .waitFor();
    const headerField = page.getByLabel("Dòng tiêu đề", { exact: true });
    await headerField.waitFor();
    await state(page, "14-unusual-no-table", look, true);
    await headerField.fill(String(headerRow));
    await page.getByLabel("Nội dung", { exact: true }).selectOption("2");
    await page.getByLabel("Mức tự đánh giá", { exact: true }).selectOption("5");
    await page.getByLabel("… đến cột (mỗi mức một cột)", { exact: true }).selectOption("7");
    await state(page, "15-unusual-chosen", look, true);
    await page.getByRole("button", { name: "Lưu cách chọn cột" }).click();
    await page.getByText("Đã lưu cách chọn cột.").waitFor();
    await page.getByTestId("status").getByText("0 lỗi").waitFor();
    await page.getByTestId("status").getByText("Đề nghị công nhận:").waitFor();
    const ref = (cells: string) => `'Tự đánh giá'!${cells}`;
    await expect(
      page.evaluate(() =>
        (window as unknown as { __fake: { names: { name: string; ref: string }[] } }).__fake.names
          .map((n) => `${n.name}=${n.ref}`)
          .sort()
      )
    ).resolves.toEqual([
      `HocTap_Cot_MucDat=${ref(`E${headerRow}:G${headerRow}`)}`,
      `HocTap_Cot_NoiDung=${ref(`B${headerRow}`)}`,
      `HocTap_Dong_TieuDe=${ref(`A${headerRow}`)}`,
    ]);
    await state(page, "16-unusual-fixed", look);
    // Another sheet and back: the pane forgets its choices, the workbook remembers them.
    await page.getByRole("button", { name: new RegExp(`^Tiêu đề ở dòng ${headerRow}`) }).click();
    await page.getByLabel("Trang tính").selectOption("Ghi chú");
    await page.getByTestId("status").getByText("Chưa có bảng tự đánh giá").waitFor();
    await page.getByLabel("Trang tính").selectOption("Tự đánh giá");
    await ready(page);
    await page.getByTestId("status").getByText("Đề nghị công nhận:").waitFor();
    await page.getByRole("tab", { name: "Kết quả" }).click();
    await expect(page.getByTestId("recognition").textContent()).resolves.toBe(
      "Đề nghị công nhận: Huyện Kiến Thụy — Huyện học tập — Mức 2"
    );
    await page.close();
  }
);

test("50,000 households under the table: the pane answers from 2 syncs (time measured, not asserted)", async () => {
  const households = formSeeds(
    layouts()
      .find((l) => l.name === "ho-gia-dinh-1")!
      .build("test").wb
  );
  const times: Record<string, number> = {};
  for (const [what, seeds] of [
    ["real form", realForm()],
    ["50,000 households", households],
  ] as const) {
    const started = Date.now();
    const page = await open(REALISTIC, seeds, "1.13");
    await ready(page);
    times[what] = Date.now() - started;
    await page.getByTestId("status").getByText("0 lỗi").waitFor();
    const fake = await page.evaluate(() => {
      const f = (window as unknown as { __fake: { syncCount: number; requests: { cellsRead: number }[] } })
        .__fake;
      return { syncs: f.syncCount, cells: f.requests.reduce((n, r) => n + r.cellsRead, 0) / 3 };
    });
    expect(fake.syncs).toBe(2);
    if (what === "50,000 households") {
      expect(fake.cells).toBe(500 * 6);
      await page.getByRole("tab", { name: "Kết quả" }).click();
      await page.getByText(/^Tiêu chí 6( — .+)?$/).waitFor();
    }
    await page.close();
  }
  process.stdout.write(
    `pane in Chromium, page opened to answer shown: ${Object.entries(times)
      .map(([w, ms]) => `${w} ${ms} ms`)
      .join(", ")}\n`
  );
});

/** A commune's own set in its `Bộ tiêu chí` sheet: 4 criteria, 12 targets, two levels. */
function ownSetRows(): In[][] {
  const rows: In[][] = [
    ["Tên bộ tiêu chí", "Bộ tiêu chí xã học tập của tỉnh (thí điểm 2025)"],
    ["Cấp", "xã"],
    ["Các mức", "Không đạt; Mức độ 1 (Khá); Mức độ 2 (Tốt)"],
    [],
    ["Mã", "Nội dung", "Loại", "Mức 1", "Mức 2", "Minh chứng bắt buộc", "Tiêu chí"],
  ];
  for (let n = 1; n <= 12; n++)
    rows.push([`${Math.ceil(n / 3)}.${((n - 1) % 3) + 1}`, "", "Mức", null, null, "Có", Math.ceil(n / 3)]);
  return rows;
}

test("a commune's form: the circular-25 set found by its shape, its words and levels, the validity estimate; a workbook's own set offered first", async () => {
  const rows = template({ kind: "commune", indicator: (n) => (n === 4 ? { evidence: null } : {}) }).rows;
  const page = await open(REALISTIC, [{ name: SHEET, rows: fakeRows(rows) }]);
  await ready(page);
  await expect(page.getByTestId("status-where").textContent()).resolves.toBe(
    "Tự đánh giá · Cộng đồng học tập cấp xã (15 chỉ tiêu)"
  );
  await page.getByTestId("status").getByText("Mức độ 2").waitFor();
  await page.getByRole("heading", { name: "Chỉ tiêu 2.1" }).waitFor();
  await page.getByRole("button", { name: /^D10 lỗi: Chỉ tiêu 2\.1 tự đánh giá đạt mức/ }).waitFor();
  await state(page, "20-commune-issues", REALISTIC);
  await page.getByRole("tab", { name: "Kết quả" }).click();
  await expect(page.getByTestId("recognition").textContent()).resolves.toBe(
    "Mức dự kiến: Mức độ 2 — còn 1 lỗi phải sửa trước khi gửi"
  );
  await expect(page.getByTestId("validity").textContent()).resolves.toMatch(
    /đến hết năm 2029 nếu được công nhận năm 2026/
  );
  await page.getByText("Tiêu chí 1 — Sự lãnh đạo, chỉ đạo của cấp ủy Đảng, chính quyền cấp xã").waitFor();
  await state(page, "21-commune-result", REALISTIC);
  await page.close();

  // The same form in a workbook carrying its own set: that set, named first in the picker.
  const own = await open(REALISTIC, [
    { name: SHEET, rows: fakeRows(rows) },
    { name: "Bộ tiêu chí", rows: fakeRows(ownSetRows()) },
  ]);
  await ready(own);
  await expect(own.getByTestId("status-where").textContent()).resolves.toBe(
    "Tự đánh giá · Cộng đồng học tập cấp xã (12 chỉ tiêu)"
  );
  await own.getByRole("button", { name: /Tiêu đề ở dòng 4/ }).click();
  const sets = own.getByRole("group", { name: "Bộ tiêu chí" });
  const options = await sets.locator("label").allTextContents();
  expect(options[0]).toBe("Bộ tiêu chí của bảng tính: Bộ tiêu chí xã học tập của tỉnh (thí điểm 2025)");
  expect(options.slice(1)).toEqual([
    "Cộng đồng học tập cấp xã (15 chỉ tiêu)",
    "Quận/huyện học tập (16 chỉ báo)",
    "Thành phố học tập (20 chỉ báo)",
    "Cộng đồng học tập cấp tỉnh (16 chỉ tiêu)",
    "Cộng đồng học tập cấp huyện (13 chỉ tiêu)",
    "Đơn vị học tập cấp huyện (15 chỉ tiêu)",
    "Đơn vị học tập cấp tỉnh (16 chỉ tiêu)",
  ]);
  await state(own, "22-own-set-setup", REALISTIC);
  // Choosing the circular's set instead: the workbook's own stays on offer, first.
  // Every set's whole name shows at 320 px: nothing cut, each radio's label within the pane.
  const cut = await sets
    .locator("label")
    .evaluateAll((labels) => labels.filter((l) => l.scrollWidth > l.clientWidth + 1).length);
  expect(cut).toBe(0);
  await sets.getByRole("radio", { name: "Cộng đồng học tập cấp xã (15 chỉ tiêu)" }).check();
  await own.getByTestId("status-where").getByText("Cộng đồng học tập cấp xã (15 chỉ tiêu)").waitFor();
  await expect(sets.locator("label").first().textContent()).resolves.toMatch(/^Bộ tiêu chí của bảng tính/);
  await expect(
    sets.getByRole("radio", { name: "Cộng đồng học tập cấp xã (15 chỉ tiêu)" }).isChecked()
  ).resolves.toBe(true);
  await own.close();
});

const PER_LEVEL = layouts()
  .find((l) => l.name === "xa-tung-muc-hai-dong")!
  .build();

test.each(FORM_LOOKS)(
  "the circular's per-level form: Chọn cột shows each level's pair; Xã thuộc vùng khó khăn chosen and stored: %o",
  async (look) => {
    const page = await open(look, formSeeds(PER_LEVEL.wb), "1.13");
    await ready(page);
    await page.getByTestId("status-where").getByText("Cộng đồng học tập cấp xã (15 chỉ tiêu)").waitFor();
    await page.getByRole("button", { name: /Tiêu đề ở dòng \d+, cột .* · Xã Gia Viễn$/ }).click();
    const box = page.getByRole("checkbox", { name: "Xã thuộc vùng khó khăn" });
    await expect(box.isChecked()).resolves.toBe(false);
    await page.getByRole("button", { name: /^Chọn cột/ }).click();
    // Each level's Đạt | Không đạt pair, as the header says them.
    await page
      .getByText(/^Mức độ 1: Đạt [A-Z]+, Không đạt [A-Z]+ · Mức độ 2: Đạt [A-Z]+, Không đạt [A-Z]+$/)
      .waitFor();
    await state(page, "23-per-level-columns", look, true);
    await box.check();
    await page.waitForFunction(() =>
      /DieuKien/.test(JSON.stringify((window as unknown as { __fake: { names: unknown } }).__fake.names))
    );
    await ready(page);
    await expect(box.isChecked()).resolves.toBe(true);
    await expect(names(page)).resolves.toEqual(["HocTap_DieuKien_VungKhoKhan"]);
    await state(page, "24-condition-chosen", look, true);
    await box.uncheck();
    await page.waitForFunction(
      () =>
        !/DieuKien/.test(JSON.stringify((window as unknown as { __fake: { names: unknown } }).__fake.names))
    );
    await ready(page);
    await expect(box.isChecked()).resolves.toBe(false);
    await page.close();
  }
);

test("when the built-in sets do not load, the pane says so and what to do, instead of checking against none", async () => {
  for (const look of [
    REALISTIC,
    { ...REALISTIC, theme: "dark" as const },
    { ...REALISTIC, theme: "contrast" as const },
  ]) {
    const page = await open(look, OFFICER_SHEETS, "1.4", true);
    const alert = page.getByRole("alert");
    await alert.getByText("Không tải được các bộ tiêu chí có sẵn").waitFor();
    await expect(alert.textContent()).resolves.toContain("báo bộ phận CNTT");
    await page.screenshot({ path: join(SHOTS, `sets-missing-${name(look)}.png`) });
    await page.close();
  }
});
