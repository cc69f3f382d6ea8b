// A department's workbook in the pane: its own `Tổng hợp` open, thirty commune sheets beside it. The
// pane says the active sheet is not a unit, offers the summary across the units first, visible without
// scrolling at 320 × 620, in light, dark and high contrast; the summary made counts a unit with two
// sheets once. Screenshots go to test-results/ (git-ignored).
import { join } from "node:path";
import type { Page } from "playwright-core";
import { template } from "../helpers/grid";
import { fakeRows } from "../excel/install-fake";
import { axe, expectCleanLayout, openPane, paneSession } from "./harness";

const SHOTS = join(__dirname, "..", "..", "test-results");
const COMMUNES = Array.from({ length: 30 }, (_, i) => `Xã ${i + 1}`);
const SHEETS = [
  // The department's own summary, typed by hand: no self-assessment table in it.
  {
    name: "Tổng hợp",
    rows: [["TỔNG HỢP KẾT QUẢ CÁC XÃ NĂM 2025"], [], ["STT", "Xã", "Mức"], [1, "Xã 1", "Mức độ 2"]],
  },
  ...COMMUNES.map((name) => ({
    name,
    rows: fakeRows(template({ kind: "commune", unit: `UBND ${name.toUpperCase()}` }).rows),
  })),
  // Xã 7 sent again: a second sheet for the same commune.
  { name: "Xã 7 (bản cuối)", rows: fakeRows(template({ kind: "commune", unit: "UBND XÃ 7" }).rows) },
];

const pane = paneSession(SHOTS);

function open(theme: "light" | "dark" | "contrast", lang: "vi" | "en"): Promise<Page> {
  return openPane(pane, { theme, lang }, { sheets: SHEETS });
}

/** The button's whole box inside the first screen. */
async function inFirstScreen(page: Page, name: RegExp): Promise<boolean> {
  const box = await page.getByRole("button", { name }).boundingBox();
  return box !== null && box.y >= 0 && box.y + box.height <= 620;
}

test.each([
  ["light", "vi"],
  ["dark", "vi"],
  ["contrast", "vi"],
  ["light", "en"],
] as const)("the department's workbook: the summary offered first (%s, %s)", async (theme, lang) => {
  const page = await open(theme, lang);
  const card = page.getByTestId("department");
  await card.waitFor();
  const words = await card.innerText();
  expect(words).toContain(
    lang === "vi"
      ? "Trang tính “Tổng hợp” không phải bảng tự đánh giá của một đơn vị, nhưng 31 trang tính khác là bảng tự đánh giá."
      : "Sheet “Tổng hợp” is not one unit's self-assessment, but 31 other sheets are."
  );
  const button = lang === "vi" ? /^Tổng hợp 31 trang tính$/ : /^Summarise 31 sheets$/;
  expect(await inFirstScreen(page, button)).toBe(true);
  // The decision list beside it, in the first screen too.
  expect(await inFirstScreen(page, lang === "vi" ? /^Danh sách công nhận$/ : /^Decision list$/)).toBe(true);
  // The warning meant for one unit's sheet gives way to the card.
  expect(await page.getByRole("alert").count()).toBe(0);
  await expectCleanLayout(page);
  await page.screenshot({
    path: join(SHOTS, `department-320x620-${theme}-${lang}.png`),
    animations: "disabled",
  });
  expect(await axe(page, pane.base)).toEqual([]);
  await page.close();
});

test("the summary made from the card: each commune once, the one sent twice named", async () => {
  const page = await open("light", "vi");
  await page.getByRole("button", { name: /^Tổng hợp 31 trang tính$/ }).click();
  await page.getByText(/Đã tạo trang tính “Tổng hợp \(2\)”/).waitFor();
  const made = await page.evaluate(() =>
    (window as unknown as { __fake: { dump(n: string): Record<string, unknown> } }).__fake.dump(
      "Tổng hợp (2)"
    )
  );
  const values = Object.values(made).map(String);
  // Thirty rows: each commune's sheet and unit; Xã 7 by its later sheet only.
  expect(values.filter((v) => /^Xã \d+$/.test(v))).toHaveLength(59);
  expect(values.filter((v) => v === "Xã 7")).toEqual(["Xã 7"]);
  expect(values).toContain("Xã 7 (bản cuối)");
  expect(values).toContain(
    "Xã 7 gửi 2 lần, chỉ tính một lần: tính trang tính “Xã 7 (bản cuối)”, không tính trang tính “Xã 7” — tính trang tính đứng sau"
  );
  await page.screenshot({
    path: join(SHOTS, "department-made-320x620-light-vi.png"),
    animations: "disabled",
  });
  await page.close();
});

test("the decision list made from the card: each commune once, by level, the decision's line left to fill", async () => {
  const page = await open("light", "vi");
  await page.getByRole("button", { name: /^Danh sách công nhận$/ }).click();
  await page.getByText(/Đã tạo trang tính “Danh sách công nhận”/).waitFor();
  const made = await page.evaluate(() =>
    (window as unknown as { __fake: { dump(n: string): Record<string, unknown> } }).__fake.dump(
      "Danh sách công nhận"
    )
  );
  const values = Object.values(made).map(String);
  expect(values).toContain("DANH SÁCH");
  expect(values.some((v) => v.startsWith("(Kèm theo Quyết định số"))).toBe(true);
  // Thirty communes, Xã 7 once.
  expect(values.filter((v) => /^Xã \d+$/.test(v))).toHaveLength(30);
  await page.screenshot({
    path: join(SHOTS, "department-decision-320x620-light-vi.png"),
    animations: "disabled",
  });
  await page.close();
});

test.each(["light", "dark", "contrast"] as const)(
  "the decision list in Tạo trang tính too, over the sheets chosen for the summary (%s)",
  async (theme) => {
    const page = await open(theme, "vi");
    await page.getByTestId("department").waitFor();
    await page.getByRole("tab", { name: /^Tạo trang tính/ }).click();
    const part = page.getByTestId("make-decision");
    await part.scrollIntoViewIfNeeded();
    expect(await part.innerText()).toContain("Danh sách kèm quyết định công nhận");
    const button = page.getByRole("button", { name: /^Lập danh sách từ 31 trang tính đã chọn$/ });
    expect(await button.isEnabled()).toBe(true);
    await expectCleanLayout(page);
    await page.screenshot({
      path: join(SHOTS, `sheets-decision-320x620-${theme}-vi.png`),
      animations: "disabled",
    });
    expect(await axe(page, pane.base)).toEqual([]);
    if (theme === "light") {
      await button.click();
      await page.getByText(/Đã tạo trang tính “Danh sách công nhận”/).waitFor();
      const made = await page.evaluate(() =>
        (window as unknown as { __fake: { dump(n: string): Record<string, unknown> } }).__fake.dump(
          "Danh sách công nhận"
        )
      );
      expect(
        Object.values(made)
          .map(String)
          .filter((v) => /^Xã \d+$/.test(v))
      ).toHaveLength(30);
    }
    await page.close();
  }
);
