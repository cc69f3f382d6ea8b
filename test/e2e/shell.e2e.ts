import type { Server } from "node:http";
import type { Browser, Page } from "playwright-core";
import { launchChromium, OFFICE_JS, recordRequests, serveDist } from "./harness";
import { officeStub, type StubOptions } from "./office-stub";

let server: Server;
let base: string;
let browser: Browser;

beforeAll(async () => {
  ({ server, url: base } = await serveDist());
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

async function openPane(
  office: StubOptions | "blocked"
): Promise<{ page: Page; requests: string[]; cspErrors: string[] }> {
  const page = await browser.newPage();
  const requests = recordRequests(page);
  const cspErrors: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
  });
  await page.route(OFFICE_JS, (route) =>
    office === "blocked"
      ? route.abort()
      : route.fulfill({ contentType: "text/javascript", body: officeStub(office) })
  );
  await page.goto(base + "taskpane.html");
  return { page, requests, cspErrors };
}

test("renders the Vietnamese task pane when Office reports Excel", async () => {
  const { page, requests, cspErrors } = await openPane({
    host: "Excel",
    displayLanguage: "vi-VN",
    sheets: [{ name: "Sheet1", rows: [] }],
  });
  await page.getByRole("heading", { name: "Kiểm tra tự đánh giá học tập" }).waitFor({ timeout: 10000 });
  expect(await page.locator("html").getAttribute("lang")).toBe("vi");
  expect(cspErrors).toEqual([]);
  const foreign = requests.filter((u) => !u.startsWith(base) && u !== OFFICE_JS);
  expect(foreign).toEqual([]);
  await page.close();
});

test("switches to English when Office's display language is not Vietnamese", async () => {
  const { page } = await openPane({ host: "Excel", displayLanguage: "en-US" });
  await page
    .getByRole("heading", { name: "Learning community self-assessment checker" })
    .waitFor({ timeout: 10000 });
  expect(await page.locator("html").getAttribute("lang")).toBe("en");
  await page.close();
});

test("says it runs inside Excel when office.js cannot load", async () => {
  const { page } = await openPane("blocked");
  const started = Date.now();
  await page.getByRole("alert").getByText("Add-in này chạy bên trong Excel").waitFor({ timeout: 8000 });
  expect(Date.now() - started).toBeLessThan(8000);
  await expect(page.getByText("This add-in runs inside Excel").isVisible()).resolves.toBe(true);
  await page.close();
});

test("says it runs inside Excel when opened in another Office host or a plain browser", async () => {
  const { page } = await openPane({ host: null });
  await page.getByRole("alert").getByText("Add-in này chạy bên trong Excel").waitFor({ timeout: 8000 });
  await page.close();
});
