// Ghi kết quả on a signed form in the pane, as the officer sees it: no block under the table (the
// signature follows it), `KQ <sheet>` written with the results as the CLI writes it, the notice
// saying why and where; Xoá kết quả removes both, the workbook as it was. Screenshots at 320 × 620,
// light, dark and high contrast, and in English; each checked from the DOM and by axe.
import { join } from "node:path";
import type { Page } from "playwright-core";
import { formSeeds } from "../excel/fake-forms";
import { layouts } from "../fixtures/forms/layouts";
import { axe, expectCleanLayout, openPane, paneSession, type PaneLook } from "./harness";

const SHOTS = join(__dirname, "..", "..", "test-results");
const pane = paneSession(SHOTS);
/** A real form: the two-block header, a two-row header over per-level `x` columns, a signature. */
const REAL = layouts()
  .find((l) => l.name === "danh-dau-x-1")!
  .build();
const SHEET = REAL.expect.sheet;
const KQ = `KQ ${SHEET}`;

type Fake = { sheets: { name: string }[]; dump(n: string): Record<string, unknown> };
const sheets = (page: Page) =>
  page.evaluate(() => (window as unknown as { __fake: Fake }).__fake.sheets.map((s) => s.name));
const dump = (page: Page) =>
  page.evaluate((s) => (window as unknown as { __fake: Fake }).__fake.dump(s), SHEET);

const WORDS = {
  vi: {
    write: "Ghi kết quả",
    clean: "Xoá kết quả",
    said: `kết quả đầy đủ ở trang tính “${KQ}”`,
    cleaned: /Đã xoá mọi kết quả/,
    block: "KẾT QUẢ KIỂM TRA TỰ ĐÁNH GIÁ",
  },
  en: {
    write: "Write results",
    clean: "Remove results",
    said: `the full results are on sheet “${KQ}”`,
    cleaned: /Removed every result/,
    block: "SELF-ASSESSMENT CHECK RESULT",
  },
};

test.each([
  { theme: "light", lang: "vi" },
  { theme: "dark", lang: "vi" },
  { theme: "contrast", lang: "vi" },
  { theme: "light", lang: "en" },
] as PaneLook[])(
  "a signed form: KQ written with the results, said in the notice; removed with them (%o)",
  async (look) => {
    const page = await openPane(
      pane,
      { ...look, width: 320, height: 620 },
      { sheets: formSeeds(REAL.wb), excelApi: "1.13" }
    );
    const w = WORDS[look.lang];
    await page
      .getByTestId("status")
      .getByText(/lỗi|errors/)
      .waitFor();
    const original = await dump(page);
    await page.getByRole("button", { name: w.write, exact: true }).click();
    await page.getByText(w.said).waitFor();
    await expect(sheets(page)).resolves.toEqual([SHEET, KQ]);
    expect(Object.values(await dump(page))).not.toContain(w.block);
    await expectCleanLayout(page, { look });
    await page.screenshot({
      path: join(SHOTS, `14-signed-kq-320x620-${look.theme}-${look.lang}.png`),
      animations: "disabled",
    });
    expect(await axe(page, pane.base)).toEqual([]);
    await page.getByRole("button", { name: w.clean, exact: true }).click();
    await page.getByText(w.cleaned).waitFor();
    await expect(sheets(page)).resolves.toEqual([SHEET]);
    await expect(dump(page)).resolves.toEqual(original);
    await page.close();
  }
);
