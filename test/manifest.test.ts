import { readFileSync } from "node:fs";
import { join } from "node:path";

// The XSD check runs in .ci/run (xmllint); these are the project's own rules for the manifest.
const manifest = readFileSync(join(__dirname, "..", "manifest.xml"), "utf8");

test("is a Vietnamese-first Excel task pane asking only for ReadWriteDocument", () => {
  expect(manifest).toMatch(/xsi:type="TaskPaneApp"/);
  expect(manifest).toMatch(/<DefaultLocale>vi-VN<\/DefaultLocale>/);
  expect(manifest).toMatch(/<Host Name="Workbook"\/>/);
  expect(manifest.match(/<Permissions>(\w+)<\/Permissions>/)?.[1]).toBe("ReadWriteDocument");
  expect(manifest).toMatch(/<Override Locale="en-US"/);
});

test("asks for ExcelApi 1.4 or lower so Office 2019 can run it", () => {
  const version = manifest.match(/<Set Name="ExcelApi" MinVersion="([\d.]+)"\/>/)?.[1];
  expect(version).toBeDefined();
  expect(Number(version)).toBeLessThanOrEqual(1.4);
});

test("opens the task pane from its own group on the Home tab, with the project's icons", () => {
  expect(manifest).toMatch(/<OfficeTab id="TabHome">\s*<Group id="HocTap.Group">/);
  expect(manifest).toMatch(/xsi:type="ShowTaskpane"/);
  for (const size of [16, 32, 80]) {
    expect(manifest).toContain(`assets/icon-${size}.png`);
    expect(() => readFileSync(join(__dirname, "..", "assets", `icon-${size}.png`))).not.toThrow();
  }
});

test("uses only the dev URL, which the production build swaps", () => {
  const urls = manifest.match(/https:\/\/[^"<]+/g) ?? [];
  expect(urls.length).toBeGreaterThan(0);
  expect(urls.every((u) => u.startsWith("https://localhost:3000"))).toBe(true);
});
