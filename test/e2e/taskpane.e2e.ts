// The officer's path through the task pane, over the fake Excel: detect → check → select a cell →
// result → write back (twice: identical) → remove; a protected sheet; accessibility and screenshots
// of each state in light and dark themes (test-results/, git-ignored).
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Server } from "node:http";
import type { Browser, Page } from "playwright-core";
import { template } from "../helpers/grid";
import { fakeRows } from "../excel/install-fake";
import { launchChromium, OFFICE_JS, serveDist } from "./harness";
import { officeStub } from "./office-stub";

const SHEET = "Tự đánh giá";
const SHOTS = join(__dirname, "..", "..", "test-results");
const rows = fakeRows(
  template({
    indicator: (n) => ({ 4: { evidence: null }, 15: { data: null }, 9: { level: "Mức 3" } })[n] ?? {},
  }).rows
);

let server: Server;
let base: string;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  ({ server, url: base } = await serveDist());
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

/** Every request the pages make: nothing may leave but Office.js. */
const requests: string[] = [];
afterAll(() => {
  expect(requests.filter((u) => !u.startsWith(base) && u !== OFFICE_JS)).toEqual([]);
  expect(requests.length).toBeGreaterThan(0);
});

async function open(theme: "light" | "dark", lang = "vi-VN"): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 360, height: 900 } });
  page.on("request", (r) => requests.push(r.url()));
  page.on("pageerror", (e) => {
    throw e;
  });
  const stub = officeStub({
    host: "Excel",
    displayLanguage: lang,
    bodyBackgroundColor: theme === "dark" ? "#1f1f1f" : "#ffffff",
    sheets: [
      { name: SHEET, rows },
      { name: "Ghi chú", rows: [["Ghi chú của phòng"]] },
    ],
  });
  await page.route(OFFICE_JS, (route) => route.fulfill({ contentType: "text/javascript", body: stub }));
  await page.goto(base + "taskpane.html");
  return page;
}

/**
 * axe-core's serious and critical violations. Tabster's focus-redirecting dummy elements
 * (`data-tabster-dummy`, used by Fluent UI v9) are a known false positive of `aria-hidden-focus`
 * (microsoft/tabster#288; Accessibility Insights suppresses them the same way), and only they are left out.
 */
async function axe(page: Page): Promise<{ id: string; impact: string; nodes: string[] }[]> {
  await page.addScriptTag({ url: base + "__axe.js" });
  const violations = await page.evaluate(async () => {
    type Result = { violations: { id: string; impact: string; nodes: { html: string }[] }[] };
    const w = window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<Result> } };
    const r = await w.axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.map(
        (n) =>
          n.html +
          " " +
          JSON.stringify((n as unknown as { any?: { message: string }[] }).any?.map((a) => a.message))
      ),
    }));
  });
  return violations
    .map((v) =>
      v.id === "aria-hidden-focus"
        ? { ...v, nodes: v.nodes.filter((h) => !h.includes("data-tabster-dummy")) }
        : v
    )
    .filter((v) => v.nodes.length > 0 && (v.impact === "serious" || v.impact === "critical"));
}

async function state(page: Page, name: string, theme: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}-${theme}.png`), fullPage: true });
  const serious = await axe(page);
  expect({ state: name, theme, serious }).toEqual({ state: name, theme, serious: [] });
}

const dump = (page: Page) =>
  page.evaluate(
    (s) => (window as unknown as { __fake: { dump(n: string): Record<string, unknown> } }).__fake.dump(s),
    SHEET
  );
const names = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { __fake: { names: { name: string }[] } }).__fake.names.map((n) => n.name).sort()
  );

test.each(["light", "dark"] as const)("the officer's walk (%s theme)", async (theme) => {
  const page = await open(theme);
  const original = await dump(page);

  // The pane detects the table of the active sheet and checks it at once.
  await page.getByText("tiêu đề ở dòng 4, cột A–F").waitFor();
  await expect(page.getByLabel("Sheet").inputValue()).resolves.toBe(SHEET);
  await page.getByText("Huyện An Lão").waitFor();
  await page.getByText("2 lỗi").waitFor();
  await state(page, "1-check", theme);

  // Choosing an issue selects its cell in Excel.
  await page.getByRole("button", { name: /^D11 Chỉ báo 4/ }).click();
  await page.waitForFunction(() => {
    const sel = (window as unknown as { __fake: { selection: { sheet: string; address: string } | null } })
      .__fake.selection;
    return sel?.address === "D11" && sel.sheet === "Tự đánh giá";
  });

  // The result.
  await page.getByRole("tab", { name: "Kết quả" }).click();
  await expect(page.getByTestId("recognition").textContent()).resolves.toBe(
    "Đề nghị công nhận: Huyện học tập — Mức độ 2"
  );
  await page.getByText("Tiêu chuẩn 1").waitFor();
  await state(page, "2-result", theme);

  // Write back; a second write leaves the workbook identical.
  await page.getByRole("button", { name: "Ghi kết quả vào bảng tính" }).click();
  await page.getByText(/Đã ghi kết quả vào sheet/).waitFor();
  const once = await dump(page);
  expect(once.G4).toBe("Mức tính toán");
  expect(once.H11).toBe("Thiếu minh chứng");
  expect(Object.values(once)).toContain("Đề nghị công nhận: Huyện học tập — Mức độ 2");
  for (const [k, v] of Object.entries(original)) expect(once[k]).toBe(v);
  await state(page, "3-written", theme);
  await page.getByRole("button", { name: "Ghi kết quả vào bảng tính" }).click();
  await page.getByText(/Đã ghi kết quả vào sheet/).waitFor();
  await expect(dump(page)).resolves.toEqual(once);
  await expect(names(page)).resolves.toEqual(["HocTap_KQ_Cot", "HocTap_KQ_Khoi"]);

  // Remove the results: the officer's workbook, as it was.
  await page.getByRole("button", { name: "Xoá kết quả" }).click();
  await page.getByText(/Đã xoá mọi kết quả/).waitFor();
  await expect(dump(page)).resolves.toEqual(original);
  await expect(names(page)).resolves.toEqual([]);
  await page.close();
});

test("a protected sheet: a clear message, and nothing written", async () => {
  const page = await open("light");
  await page.getByText("2 lỗi").waitFor();
  const original = await dump(page);
  await page.evaluate(
    (s) =>
      void ((window as unknown as { __fake: { sheet(n: string): { protected: boolean } } }).__fake.sheet(
        s
      ).protected = true),
    SHEET
  );
  await page.getByRole("button", { name: "Ghi kết quả vào bảng tính" }).click();
  await page
    .getByRole("alert")
    .getByText(/đang được bảo vệ/)
    .waitFor();
  await expect(dump(page)).resolves.toEqual(original);
  await state(page, "4-protected", "light");
  await page.close();
});

test("another sheet without a table says so; English follows Office's language", async () => {
  const page = await open("light", "en-US");
  await page.getByText("2 errors").waitFor();
  await page.getByLabel("Sheet").selectOption("Ghi chú");
  await page
    .getByRole("alert")
    .getByText(/No self-assessment table in sheet “Ghi chú”/)
    .waitFor();
  await state(page, "5-no-table-en", "light");
  await page.close();
});

test.each(["light", "dark"] as const)(
  "summaries, a blank template and the criteria sheet (%s theme)",
  async (theme) => {
    const page = await browser.newPage({ viewport: { width: 360, height: 900 } });
    page.on("request", (r) => requests.push(r.url()));
    const stub = officeStub({
      host: "Excel",
      displayLanguage: "vi-VN",
      bodyBackgroundColor: theme === "dark" ? "#1f1f1f" : "#ffffff",
      excelApi: "1.9",
      sheets: [
        { name: "An Lão", rows: fakeRows(template().rows) },
        {
          name: "Kiến Thụy",
          rows: fakeRows(
            template({ unit: "UBND HUYỆN KIẾN THỤY", indicator: (n) => (n === 5 ? { level: "Mức 1" } : {}) })
              .rows
          ),
        },
      ],
    });
    await page.route(OFFICE_JS, (route) => route.fulfill({ contentType: "text/javascript", body: stub }));
    await page.goto(base + "taskpane.html");
    await page.getByText("0 lỗi").waitFor();
    await page.getByRole("tab", { name: "Tổng hợp" }).click();
    await state(page, "6-summaries", theme);

    type Fake = { dump(n: string): Record<string, unknown>; sheet(n: string): { charts: unknown[] } };
    const cells = (name: string) =>
      page.evaluate((n) => (window as unknown as { __fake: Fake }).__fake.dump(n), name);
    const charts = (name: string) =>
      page.evaluate((n) => (window as unknown as { __fake: Fake }).__fake.sheet(n).charts.length, name);
    await page.getByRole("button", { name: "Tạo sheet kết quả" }).click();
    await page.getByText("Đã tạo sheet “KQ An Lão”.").waitFor();
    expect((await cells("KQ An Lão")).B4).toBe("Huyện An Lão");
    expect(await charts("KQ An Lão")).toBe(1);

    await page.getByRole("checkbox", { name: "An Lão" }).check();
    await page.getByRole("checkbox", { name: "Kiến Thụy" }).check();
    await page.getByRole("button", { name: "Tạo bảng Tổng hợp" }).click();
    await page.getByText("Đã tạo sheet “Tổng hợp”.").waitFor();
    const summary = await cells("Tổng hợp");
    expect([summary.C6, summary.E6, summary.C7, summary.E7]).toEqual([
      "Huyện An Lão",
      2,
      "Huyện Kiến Thụy",
      1,
    ]);
    expect(await charts("Tổng hợp")).toBe(1);
    await state(page, "7-summary-made", theme);

    await page.getByRole("button", { name: "Tạo mẫu tự đánh giá" }).click();
    await page.getByText("Đã tạo sheet “Tự đánh giá”.").waitFor();
    expect((await cells("Tự đánh giá")).A7).toBe("Chỉ báo 1");

    await page.getByRole("button", { name: "Tạo sheet Bộ tiêu chí" }).click();
    await page.getByText("Đã tạo sheet “Bộ tiêu chí”.").waitFor();
    expect((await cells("Bộ tiêu chí")).A1).toBe("Mã");
    await page.getByRole("button", { name: "Kiểm tra", exact: true }).click();
    await page.getByRole("button", { name: "Tạo sheet Bộ tiêu chí" }).click();
    await page
      .getByRole("alert")
      .getByText(/đã có sheet “Bộ tiêu chí”/)
      .waitFor();
    await state(page, "8-criteria-exists", theme);
    await page.close();
  }
);
