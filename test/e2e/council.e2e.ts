// The council in the pane (circular 25/2023 Điều 9.2): on a commune's sheet, "Thêm cột Hội đồng thẩm
// định" writes the council's columns pre-filled with the commune's answers; on a sheet that has them,
// the Kết quả view shows both results and every difference at its cell. 320 × 620 in light, dark and
// high contrast; screenshots to test-results/ (git-ignored; docs/pane/ takes the light ones).
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { formSeeds, type FakeSeed } from "../excel/fake-forms";
import { installRawDefinedNames } from "../helpers/exceljs/names";
import { axe, expectCleanLayout, openPane, paneSession, setExcelApi } from "./harness";

const SHOTS = join(__dirname, "..", "..", "test-results");
const FIXTURES = join(__dirname, "..", "fixtures", "council");

async function seeds(file: string): Promise<FakeSeed[]> {
  const wb = new ExcelJS.Workbook();
  installRawDefinedNames(wb);
  await wb.xlsx.readFile(join(FIXTURES, file));
  return formSeeds(wb);
}

const pane = paneSession(SHOTS);

type Theme = "light" | "dark" | "contrast";

async function open(theme: Theme, sheets: FakeSeed[]): Promise<Page> {
  const page = await openPane(pane, { theme, lang: "vi" }, { sheets, excelApi: "1.13" });
  await page.getByTestId("status").getByText(/lỗi/).waitFor();
  return page;
}

const dump = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { __fake: { dump(n: string): Record<string, unknown> } }).__fake.dump("Tự đánh giá")
  );

async function looks(page: Page, name: string, theme: Theme): Promise<void> {
  await expectCleanLayout(page);
  await page.screenshot({ path: join(SHOTS, `${name}-320x620-${theme}-vi.png`), animations: "disabled" });
}

const THEMES: Theme[] = ["light", "dark", "contrast"];

test.each(THEMES)(
  "Thêm cột Hội đồng thẩm định writes the council's columns, pre-filled (%s)",
  async (theme) => {
    const page = await open(theme, await seeds("Xa An Hoa - ban cuoi.xlsx"));
    await page.getByRole("tab", { name: "Kết quả" }).click();
    const add = page.getByRole("button", { name: "Thêm cột Hội đồng thẩm định" });
    await add.scrollIntoViewIfNeeded();
    await looks(page, "council-add", theme);
    await add.click();
    await page.getByText(/Đã thêm cột Hội đồng thẩm định vào trang tính “Tự đánh giá”/).waitFor();
    const cells = await dump(page);
    expect([cells.H7, cells.J7, cells.H8, cells.I8]).toEqual([
      "Hội đồng thẩm định",
      "Ý kiến của Hội đồng",
      "Mức độ 1 (Khá)",
      "Mức độ 2 (Tốt)",
    ]);
    expect([cells.H11, cells.I11]).toEqual([cells.E11, cells.F11]);
    // Read back at once: the council agrees everywhere until it changes an answer.
    await page.getByTestId("council").getByText("Hội đồng đồng ý với tự đánh giá ở mọi chỉ tiêu.").waitFor();
    expect(await axe(page, pane.base)).toEqual([]);
    await page.close();
  }
);

test.each(THEMES)(
  "Thêm cột Hội đồng thẩm định where this Excel cannot give the officer's looks back: told, then “Vẫn ghi” (%s)",
  async (theme) => {
    const page = await open(theme, await seeds("Xa An Hoa - ban cuoi.xlsx"));
    // A patterned fill where the results go, recorded by Ghi kết quả on a newer Excel…
    await page.evaluate(() => {
      const fake = (window as unknown as { __fake: { sheet(n: string): { cells: Map<string, unknown> } } })
        .__fake;
      fake.sheet("Tự đánh giá").cells.set("11:8", { value: "", fill: "#DDEBF7", fillPattern: "Gray25" });
    });
    await page.getByRole("button", { name: "Ghi kết quả", exact: true }).click();
    await page
      .getByRole("status")
      .getByText(/Đã ghi/)
      .waitFor();
    const written = await dump(page);
    // …then the council opens the file on Excel 2019 (ExcelApi 1.8): its columns take the results out first.
    await setExcelApi(page, "1.8");
    await page.getByRole("tab", { name: "Kết quả" }).click();
    const add = page.getByRole("button", { name: "Thêm cột Hội đồng thẩm định" });
    await add.scrollIntoViewIfNeeded();
    await add.click();
    await page
      .getByRole("alert")
      .getByText(/Các ô H11 .*Chưa thay đổi ô nào.*“Vẫn ghi”/)
      .waitFor();
    expect(await dump(page)).toEqual(written);
    await page.getByRole("alert").scrollIntoViewIfNeeded();
    await looks(page, "council-looks-unrestorable", theme);
    await page.getByRole("button", { name: "Vẫn ghi", exact: true }).click();
    await page.getByText(/Đã thêm cột Hội đồng thẩm định vào trang tính “Tự đánh giá”/).waitFor();
    expect((await dump(page)).H7).toMatch(/^Hội đồng thẩm định/);
    expect(await axe(page, pane.base)).toEqual([]);
    await page.close();
  }
);

test.each(THEMES)(
  "the council's columns read: both results, each difference at its cell (%s)",
  async (theme) => {
    const page = await open(theme, await seeds("Xa An Hoa - tham dinh.xlsx"));
    await page.getByRole("tab", { name: "Kết quả" }).click();
    const council = page.getByTestId("council");
    await council.scrollIntoViewIfNeeded();
    const words = await council.innerText();
    expect(words).toContain("Hội đồng thẩm định (cột H, I)");
    expect(words).toMatch(/Tự đánh giá\s+Mức độ 1\s+Thẩm định\s+Không đạt/);
    expect(words).toContain("Biên bản họp không có chữ ký của Chủ tịch UBND xã");
    await page.getByTestId("council-differences").scrollIntoViewIfNeeded();
    await looks(page, "council-verdict", theme);
    // A difference selects the council's cell in Excel.
    await council.getByRole("button", { name: /^H19/ }).click();
    await expect(
      page.evaluate(() => (window as unknown as { __fake: { selection: unknown } }).__fake.selection)
    ).resolves.toEqual({ sheet: "Tự đánh giá", address: "H19" });
    expect(await axe(page, pane.base)).toEqual([]);
    await page.close();
  }
);

test.each(THEMES)(
  "the council's Đạt | Không đạt naming no level: said at its heading, counted, no add button (%s)",
  async (theme) => {
    const page = await open(theme, await seeds("Xa An Hoa - tham dinh dat.xlsx"));
    // The status counts the council's warning with the unit's (none of its own).
    expect(await page.getByTestId("status").innerText()).toContain("1 cảnh báo");
    await page.getByRole("tab", { name: "Kết quả" }).click();
    const council = page.getByTestId("council");
    await council.scrollIntoViewIfNeeded();
    const words = await council.innerText();
    expect(words).toContain("Hội đồng thẩm định: chưa đọc được kết quả thẩm định ở cột H–I (H7)");
    expect(await page.getByRole("button", { name: "Thêm cột Hội đồng thẩm định" }).count()).toBe(0);
    await looks(page, "council-unread", theme);
    await council.getByRole("button", { name: /^H7/ }).click();
    await expect(
      page.evaluate(() => (window as unknown as { __fake: { selection: unknown } }).__fake.selection)
    ).resolves.toEqual({ sheet: "Tự đánh giá", address: "H7" });
    expect(await axe(page, pane.base)).toEqual([]);
    await page.close();
  }
);
