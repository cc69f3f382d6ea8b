import { fileName, languageFrom, themeFrom, waitForExcel } from "../../src/excel/connector";

test.each([
  ["https://contoso.sharepoint.com/sites/x/Shared%20Documents/An%20L%C3%A3o.xlsx?web=1", "An Lão.xlsx"],
  ["C:\\Users\\can bo\\Tự đánh giá.xlsx", "Tự đánh giá.xlsx"],
  ["", ""],
  [undefined, ""],
  ["https://x/%E0%A4%A.xlsx", "%E0%A4%A.xlsx"],
])("fileName(%s) = %s", (url, name) => expect(fileName(url)).toBe(name));

describe("languageFrom", () => {
  test.each([
    ["vi-VN", "vi"],
    ["vi", "vi"],
    ["VI-vn", "vi"],
    ["en-US", "en"],
    ["fr-FR", "en"],
    ["", "en"],
    [undefined, "en"],
  ])("%s → %s", (display, lang) => expect(languageFrom(display)).toBe(lang));
});

describe("themeFrom", () => {
  test.each([
    ["#FFFFFF", "light"],
    ["#f3f2f1", "light"],
    ["#262626", "dark"],
    ["000000", "dark"],
    ["not a colour", "light"],
    [undefined, "light"],
  ])("%s → %s", (colour, theme) => expect(themeFrom(colour)).toBe(theme));
});

describe("waitForExcel", () => {
  const g = globalThis as { Office?: unknown };
  afterEach(() => delete g.Office);

  test("reports no office.js when the script did not load", async () => {
    await expect(waitForExcel(50)).resolves.toEqual({ kind: "not-excel", reason: "no-office-js" });
  });

  test("times out instead of waiting for ever", async () => {
    g.Office = { onReady: () => new Promise(() => undefined), HostType: { Excel: "Excel" } };
    await expect(waitForExcel(20)).resolves.toEqual({ kind: "not-excel", reason: "timeout" });
  });

  test("reads language and theme from Excel", async () => {
    g.Office = {
      onReady: () => Promise.resolve({ host: "Excel" }),
      HostType: { Excel: "Excel" },
      context: { displayLanguage: "en-GB", officeTheme: { bodyBackgroundColor: "#1f1f1f" } },
    };
    await expect(waitForExcel(1000)).resolves.toEqual({ kind: "excel", lang: "en", theme: "dark", file: "" });
  });

  test("refuses other hosts", async () => {
    g.Office = { onReady: () => Promise.resolve({ host: "Word" }), HostType: { Excel: "Excel" } };
    await expect(waitForExcel(1000)).resolves.toEqual({ kind: "not-excel", reason: "other-host" });
  });
});
