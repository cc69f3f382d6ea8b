// Serves the built dist/ folder on loopback and drives Debian's Chromium through playwright-core.
import { createServer, type Server } from "node:http";
import { readFile } from "node:fs/promises";
import { existsSync, mkdirSync } from "node:fs";
import { extname, join, normalize } from "node:path";
import type { AddressInfo } from "node:net";
import { chromium, type Browser, type Page } from "playwright-core";
import { officeStub, type StubOptions } from "./office-stub";

export const DIST = join(__dirname, "..", "..", "dist");
export const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml",
};

/** Test-only files served beside dist/ (same origin, so the pane's CSP lets them run). */
const EXTRA: Record<string, string> = {
  "/__axe.js": join(__dirname, "..", "..", "node_modules", "axe-core", "axe.min.js"),
};

export async function serveDist(): Promise<{ server: Server; url: string }> {
  if (!existsSync(join(DIST, "taskpane.html"))) {
    throw new Error("dist/taskpane.html is missing: run `npm run build` before `npm run test:e2e`.");
  }
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? "/").split("?")[0] ?? "/")).replace(
      /^(\.\.[/\\])+/,
      ""
    );
    readFile(EXTRA[path] ?? join(DIST, path))
      .then((body) => {
        res.writeHead(200, { "content-type": TYPES[extname(path)] ?? "application/octet-stream" });
        res.end(body);
      })
      .catch(() => {
        res.writeHead(404);
        res.end();
      });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}/` };
}

/** The pane's pages for one test file: dist/ served and Chromium started before its tests, both
 * stopped after; `shots`, the screenshots' folder, made. Read `browser` and `base` inside tests. */
/** How the pane is looked at: Office's theme (or Windows' high contrast), its language, the pane's size. */
export interface PaneLook {
  theme: "light" | "dark" | "contrast";
  lang: "vi" | "en";
  width?: number;
  height?: number;
}

/** The pane opened in Excel's place: the fake workbook seeded with `sheets`, at `look`. `prepare`
 * runs before the page loads (recording requests, refusing a file). A page error fails the test. */
export async function openPane(
  session: { readonly browser: Browser; readonly base: string },
  look: PaneLook,
  excel: Pick<StubOptions, "sheets" | "excelApi">,
  prepare?: (page: Page) => Promise<void> | void
): Promise<Page> {
  const page = await session.browser.newPage({
    viewport: { width: look.width ?? 320, height: look.height ?? 620 },
  });
  if (look.theme === "contrast") await page.emulateMedia({ forcedColors: "active" });
  page.on("pageerror", (e) => {
    throw e;
  });
  const stub = officeStub({
    host: "Excel",
    displayLanguage: look.lang === "vi" ? "vi-VN" : "en-US",
    bodyBackgroundColor: look.theme === "dark" ? "#1f1f1f" : "#ffffff",
    ...excel,
  });
  await page.route(OFFICE_JS, (route) => route.fulfill({ contentType: "text/javascript", body: stub }));
  await prepare?.(page);
  await page.goto(session.base + "taskpane.html");
  return page;
}

export function paneSession(shots: string): { readonly browser: Browser; readonly base: string } {
  const at: { browser?: Browser; base?: string; server?: Server } = {};
  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    ({ server: at.server, url: at.base } = await serveDist());
    at.browser = await launchChromium();
  });
  afterAll(async () => {
    await at.browser?.close();
    await new Promise((resolve) => at.server?.close(resolve));
  });
  const started = <T>(v: T | undefined): T => {
    if (v === undefined) throw new Error("the pane session is read before its beforeAll ran");
    return v;
  };
  return {
    get browser() {
      return started(at.browser);
    },
    get base() {
      return started(at.base);
    },
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/** Records every request the page makes, to prove nothing leaves but Office.js. */
export function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on("request", (r) => urls.push(r.url()));
  return urls;
}

/**
 * What an officer would notice from the DOM: the status line below the first screen, anything past
 * the right edge (visually hidden text aside), the page scrolling sideways, a chip whose text does
 * not fit it.
 */
export async function layout(page: Page): Promise<{
  problems: {
    statusBelowFold: boolean;
    overflowing: string[];
    pageScrollsSideways: boolean;
    clippedChips: string[];
  };
}> {
  const problems = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const hidden = (el: Element) => getComputedStyle(el).clip === "rect(0px, 0px, 0px, 0px)";
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}.${[...el.classList].slice(0, 2).join(".")} "${(el.textContent ?? "").trim().slice(0, 30)}"`;
    const status = document.querySelector('[data-testid="status"]');
    const statusBottom = status ? status.getBoundingClientRect().bottom : Infinity;
    const overflowing = [...document.querySelectorAll("body *")]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && (r.right > width + 0.5 || r.left < -0.5) && !hidden(el);
      })
      .map(describe);
    const clippedChips = [...document.querySelectorAll(".fui-Badge")]
      .filter((el) => el.scrollWidth > el.clientWidth + 0.5)
      .map(describe);
    return {
      statusBelowFold: statusBottom > window.innerHeight,
      overflowing,
      pageScrollsSideways: document.documentElement.scrollWidth > width,
      clippedChips,
    };
  });
  return { problems };
}

/** No layout problem at all; `label` names the state in a failure (e.g. `{ what, look }`). */
export async function expectCleanLayout(page: Page, label: Record<string, unknown> = {}): Promise<void> {
  const seen = await layout(page);
  expect({ ...label, ...seen.problems }).toEqual({
    ...label,
    statusBelowFold: false,
    overflowing: [],
    pageScrollsSideways: false,
    clippedChips: [],
  });
}

/**
 * axe-core's serious and critical violations. Tabster's focus-redirecting dummy elements
 * (`data-tabster-dummy`, used by some Fluent UI v9 components) are a known false positive of
 * `aria-hidden-focus` (microsoft/tabster#288; Accessibility Insights suppresses them the same way),
 * and only they are left out.
 */
export async function axe(
  page: Page,
  base: string
): Promise<{ id: string; impact: string; nodes: string[] }[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ url: base + "__axe.js" });
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

/** The ExcelApi version the page's fake Excel now says it supports (an officer opening the file on another Excel). */
export async function setExcelApi(page: Page, version: string): Promise<void> {
  await page.evaluate(
    (v) =>
      void ((window as unknown as { __fake: { supported: { ExcelApi: string } } }).__fake.supported.ExcelApi =
        v),
    version
  );
}
