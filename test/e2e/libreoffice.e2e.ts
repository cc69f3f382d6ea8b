// A real spreadsheet client reads every kind of workbook the CLI writes: LibreOffice (headless)
// converts each sheet to CSV, and the CSV holds the results, the levels and the officer's cells.
// It also prints them: each kind of written sheet goes to PDF and PNG (kept in test-results/print/
// to look at), and the PDF's pages say that nothing is cut.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unitsSheet, type SummaryRow } from "../../src/core/plans/units-sheet";
import { writePartsTo } from "../../src/writer/files";
import { blankBook, sheetParts } from "../../src/writer/write";
import { hoctap } from "../helpers/cli";
import { featureWorkbook } from "../fixtures/features";
import { officerForm } from "../fixtures/officer-form";
import { convert, pdfPages, pictures, requireTools } from "./render";
import { strFromU8, unzipSync } from "fflate";
import { MIN_SCALE } from "../../src/core/plans/print";

const EXAMPLES = join(__dirname, "..", "fixtures", "examples");
const PICTURES = join(__dirname, "..", "..", "test-results", "print");
const dir = mkdtempSync(join(tmpdir(), "hoctap-lo-"));
const profile = join(dir, "profile");

/** RFC 4180 CSV, as LibreOffice writes it. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = "";
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") endCell();
    else if (ch === "\n") {
      endCell();
      rows.push(row);
      row = [];
    } else if (ch !== "\r") cell += ch;
  }
  if (cell || row.length) {
    endCell();
    rows.push(row);
  }
  return rows;
}

const sheetCsv = (file: string, sheet: string) =>
  parseCsv(readFileSync(join(dir, "csv", `${file.replace(/\.xlsx$/, "")}-${sheet}.csv`), "utf8"));
const at = (rows: string[][], a1: string) => {
  const m = /^([A-Z]+)(\d+)$/.exec(a1) as RegExpExecArray;
  const col = [...(m[1] as string)].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
  return rows[Number(m[2]) - 1]?.[col - 1] ?? "";
};

/** A district's printed form with a few errors, as offices lay it out (signed, unless said). */
const form = (unit: string, signed = true) =>
  officerForm({
    unit,
    signed,
    indicator: (n) =>
      n === 4 ? { evidence: null } : n === 9 ? { level: "Mức 5" } : n === 12 ? { level: null } : {},
  });

/** A summary too wide to stay readable on one page: 65 units of a 60-target set. */
async function wideSummary(path: string): Promise<void> {
  const units: SummaryRow[] = Array.from({ length: 65 }, (_, i) => ({
    file: `xa-${i + 1}.xlsx`,
    sheet: "Tự đánh giá",
    unitName: `Xã số ${i + 1}`,
    framework: "bo-60-chi-tieu",
    level: (i % 3) as 0 | 1 | 2,
    label: `Mức ${i % 3}`,
    errors: 0,
    warnings: 0,
    indicators: Object.fromEntries(Array.from({ length: 60 }, (_, k) => [`CB${k + 1}`, (i + k) % 3])),
    set: { title: "Bộ tiêu chí 60 chỉ báo", leaf: "Chỉ báo", levels: ["Không đạt", "Mức 1", "Mức 2"] },
  }));
  const blank = await blankBook();
  const { parts } = await sheetParts(
    blank.pkg,
    blank.snapshot,
    unitsSheet(units, { name: "Tổng hợp", lang: "vi", today: "15/12/2026" })
  );
  await writePartsTo(path, parts);
}

/** The example sets' titles, in the order their blocks come in Tổng hợp. */
const SET_TITLES = [
  "Bộ tiêu chí thí điểm công nhận quận/huyện học tập (Hải Phòng, 2022)",
  "Bộ tiêu chí thí điểm công nhận thành phố học tập (Hải Phòng, 2022)",
  "Tiêu chí đánh giá, công nhận “Cộng đồng học tập” cấp xã (Thông tư 25/2023/TT-BGDĐT)",
  "Bộ tiêu chí xã học tập của tỉnh (thí điểm 2025)",
];

const PRINTED = [
  "ket-qua",
  "ban-sach",
  "mau",
  "form",
  "form-kq",
  "form-sach",
  "form-mo",
  "form-mo-kq",
  "tong-hop",
  "tong-hop-31",
  "tong-hop-rong",
  "xa",
  "xa-kq",
];

beforeAll(async () => {
  requireTools();
  rmSync(PICTURES, { recursive: true, force: true });
  expect(
    (await hoctap("check", join(EXAMPLES, "huyen-tien-lang-co-loi.xlsx"), "--out", join(dir, "ket-qua.xlsx")))
      .code
  ).toBe(1);
  expect((await hoctap("clean", join(dir, "ket-qua.xlsx"), "--out", join(dir, "ban-sach.xlsx"))).code).toBe(
    0
  );
  const all = [
    "huyen-an-duong.xlsx",
    "huyen-tien-lang-co-loi.xlsx",
    "thanh-pho-nguong.xlsx",
    "xa-an-hoa.xlsx",
    "xa-tan-lap-bo-tieu-chi-rieng.xlsx",
  ].map((f) => join(EXAMPLES, f));
  expect((await hoctap("summary", ...all, "--out", join(dir, "tong-hop.xlsx"))).code).toBe(0);
  expect((await hoctap("template", "--set", "hp-2022-city", "--out", join(dir, "mau.xlsx"))).code).toBe(0);
  // The printed form, its results, and its clean copy.
  await form("Huyện An Lão").xlsx.writeFile(join(dir, "form.xlsx"));
  expect((await hoctap("check", join(dir, "form.xlsx"), "--out", join(dir, "form-kq.xlsx"))).code).toBe(1);
  expect((await hoctap("clean", join(dir, "form-kq.xlsx"), "--out", join(dir, "form-sach.xlsx"))).code).toBe(
    0
  );
  // The form with no signature under its table, and its results.
  await form("Huyện An Lão", false).xlsx.writeFile(join(dir, "form-mo.xlsx"));
  expect((await hoctap("check", join(dir, "form-mo.xlsx"), "--out", join(dir, "form-mo-kq.xlsx"))).code).toBe(
    1
  );
  // 31 districts: one page wide, two pages tall.
  const districts: string[] = [];
  for (let i = 1; i <= 31; i++) {
    const file = join(dir, `huyen-${i}.xlsx`);
    await form(`Huyện số ${i}`).xlsx.writeFile(file);
    districts.push(file);
  }
  expect((await hoctap("summary", ...districts, "--out", join(dir, "tong-hop-31.xlsx"))).code).toBe(0);
  await wideSummary(join(dir, "tong-hop-rong.xlsx"));
  // A commune's form whose criterion 3 title runs on over the empty cells of its row.
  copyFileSync(join(EXAMPLES, "xa-an-hoa.xlsx"), join(dir, "xa.xlsx"));
  expect((await hoctap("check", join(dir, "xa.xlsx"), "--out", join(dir, "xa-kq.xlsx"))).code).toBe(0);
  // The workbook with what an ExcelJS round trip lost: its results, and its clean copy.
  writeFileSync(join(dir, "day-du.xlsx"), await featureWorkbook());
  expect((await hoctap("check", join(dir, "day-du.xlsx"), "--out", join(dir, "day-du-kq.xlsx"))).code).toBe(
    0
  );
  expect(
    (await hoctap("clean", join(dir, "day-du-kq.xlsx"), "--out", join(dir, "day-du-sach.xlsx"))).code
  ).toBe(0);
  convert(
    ["ket-qua.xlsx", "ban-sach.xlsx", "tong-hop.xlsx", "mau.xlsx", "day-du-kq.xlsx", "day-du-sach.xlsx"].map(
      (f) => join(dir, f)
    ),
    "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
    join(dir, "csv"),
    profile
  );
  convert(
    PRINTED.map((f) => join(dir, `${f}.xlsx`)),
    "pdf",
    join(dir, "pdf"),
    profile
  );
  for (const f of PRINTED) pictures(join(dir, "pdf", `${f}.pdf`), PICTURES);
}, 300000);

const pages = (name: string) => pdfPages(join(dir, "pdf", `${name}.pdf`));

test("the results: the officer's cells, the computed levels, the result block, the KQ sheet", () => {
  const rows = sheetCsv("ket-qua.xlsx", "Tu danh gia 2022");
  expect(at(rows, "A1")).toBe("UBND HUYỆN TIÊN LÃNG");
  expect(at(rows, "A7")).toBe("Chỉ báo 1");
  expect(at(rows, "E7")).toBe("Đạt mức 2");
  expect(at(rows, "G4")).toBe("Mức tính toán");
  expect(at(rows, "G7")).toBe("Mức 2");
  expect(at(rows, "H11")).toBe("Thiếu minh chứng");
  expect(at(rows, "G18")).toBe("Chưa xác định");
  expect(rows.map((r) => r[0])).toContain("Chưa đủ điều kiện công nhận");
  const kq = sheetCsv("ket-qua.xlsx", "KQ Tu danh gia 2022");
  expect(kq[1]?.[0]).toBe("HUYỆN TIÊN LÃNG");
  expect(kq.map((r) => r[0])).toContain("Kết luận: chưa kết luận được, còn 4 lỗi phải sửa trước khi gửi.");
});

test("clean: the officer's sheet as it was, and nothing else", () => {
  const rows = sheetCsv("ban-sach.xlsx", "Tu danh gia 2022");
  expect(at(rows, "E7")).toBe("Đạt mức 2");
  expect(rows.every((r) => r.length <= 6 || r.slice(6).every((c) => c === ""))).toBe(true);
  expect(rows.map((r) => r[0])).not.toContain("KẾT QUẢ KIỂM TRA TỰ ĐÁNH GIÁ");
  expect(existsSync(join(dir, "csv", "ban-sach-KQ Tu danh gia 2022.csv"))).toBe(false);
});

test("the workbook with charts, pivots, comments and the rest opens in LibreOffice, results and clean copy", () => {
  const rows = sheetCsv("day-du-kq.xlsx", "Tự đánh giá");
  expect(at(rows, "G6")).toBe("Mức tính toán");
  // Signed under its table: the levels beside it, the block on KQ only.
  expect(rows.map((r) => r[0])).not.toContain("KẾT QUẢ KIỂM TRA TỰ ĐÁNH GIÁ");
  expect(sheetCsv("day-du-kq.xlsx", "Danh mục")[2]?.slice(0, 2)).toEqual(["Mức 2", "9"]);
  const clean = sheetCsv("day-du-sach.xlsx", "Tự đánh giá");
  expect(clean.every((r) => r.length <= 6 || r.slice(6).every((c) => c === ""))).toBe(true);
  expect(existsSync(join(dir, "csv", "day-du-sach-KQ Tự đánh giá.csv"))).toBe(false);
});

test("the summary: one titled block per set, one row per unit, levels and totals", () => {
  const rows = sheetCsv("tong-hop.xlsx", "Tổng hợp");
  expect(rows[0]?.[0]).toBe("TỔNG HỢP KẾT QUẢ TỰ ĐÁNH GIÁ");
  expect(rows[3]?.[0]).toBe(SET_TITLES[0]);
  expect(rows[4]?.slice(0, 7)).toEqual([
    "Tệp",
    "Trang tính",
    "Đơn vị",
    "Mức công nhận",
    "Kết quả",
    "Lỗi",
    "Cảnh báo",
  ]);
  expect(rows.slice(6, 8).map((r) => [r[2], r[3]])).toEqual([
    ["Huyện An Dương", "2"],
    ["Huyện Tiên Lãng", ""],
  ]);
  expect(rows[8]?.[0]).toBe("Tổng cộng");
  // The city's own block (its 20 indicators), then the communes' (15 targets) and a commune's own set.
  const titles = rows.filter(
    (r) => r.slice(1).every((c) => c === "") && /^(Bộ tiêu chí|Tiêu chí)/.test(r[0] ?? "")
  );
  expect(titles.map((r) => r[0])).toEqual(SET_TITLES);
  const city = rows.findIndex((r) => r[2] === "Thành phố Hải Phòng");
  expect(rows[city]?.[3]).toBe("2");
  expect(rows[city - 1]?.slice(7, 27)).toEqual(Array.from({ length: 20 }, (_, i) => String(i + 1)));
});

test("the template: the set's rows, ready to fill", () => {
  const rows = sheetCsv("mau.xlsx", "Tự đánh giá");
  // Under the dossier's head (office and motto, title, period, set): the table's header.
  expect(rows[8]?.slice(0, 5)).toEqual([
    "TT",
    "Tiêu chuẩn, tiêu chí, chỉ báo",
    "Kết quả thực hiện (số liệu)",
    "Mã minh chứng",
    "Tự đánh giá",
  ]);
  expect(rows.filter((r) => r[0]?.startsWith("Chỉ báo"))).toHaveLength(20);
});

/** The first sheet's page setup as written: its scale, and whether it is fitted to pages instead. */
function pageSetup(file: string): { scale: number; fitToPage: boolean } {
  const parts = unzipSync(readFileSync(join(dir, file)));
  const sheet = strFromU8(parts["xl/worksheets/sheet1.xml"] as Uint8Array);
  const scale = /<pageSetup[^>]*\sscale="(\d+)"/.exec(sheet)?.[1];
  return { scale: Number(scale ?? 100), fitToPage: /<pageSetUpPr[^>]*fitToPage="(1|true)"/.test(sheet) };
}

/** The first words of `KQ`: the dossier's bản tổng hợp. */
const KQ_TITLE = "BẢN TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ";

/** The pages (0-based) whose text holds `text`. */
const pagesWith = (printed: string[], text: string) =>
  printed.flatMap((p, i) => (p.includes(text) ? [i] : []));

describe("printed, nothing is cut", () => {
  test("the results in an officer's printed form: on the form's own pages, words whole", () => {
    const printed = pages("form-kq");
    const form = pages("form");
    // KQ after the officer's sheet, which the results did not make any longer.
    const officer = printed.slice(0, pagesWith(printed, KQ_TITLE)[0]);
    expect(officer).toHaveLength(form.length);
    // The owned columns' headers on every page (repeated with the officer's header), words whole.
    for (const page of officer) {
      expect(page).toContain("Mức tính toán");
      expect(page).toContain("Ghi chú kiểm tra");
    }
    for (const note of ["Thiếu minh chứng", "Mức không hợp lệ", "Thiếu mức tự đánh giá", "Chưa xác định"])
      expect(officer.join(" ")).toContain(note);
    // Signed under the table: nothing printed after the signature (KQ has the result); no page
    // of the officer's without the table on it.
    expect(officer.join(" ")).not.toContain("KẾT QUẢ KIỂM TRA TỰ ĐÁNH GIÁ");
    for (const page of officer) expect(page).toMatch(/Chỉ báo \d+/);
  });

  test("the result block of a form with nothing under its table: right under it, on the page that ends it", () => {
    const printed = pages("form-mo-kq");
    const officer = printed.slice(0, pagesWith(printed, KQ_TITLE)[0]);
    expect(officer).toHaveLength(pages("form-mo").length);
    // The block, every line whole, on the page that ends the table.
    const [block] = pagesWith(officer, "Chưa đủ điều kiện công nhận");
    expect(block).toBeDefined();
    for (const line of [
      "KẾT QUẢ KIỂM TRA TỰ ĐÁNH GIÁ",
      "– Chưa xác định được mức của chỉ báo 9, 12: sửa các lỗi ở những chỉ báo này rồi kiểm tra lại.",
      "Số lỗi: 3; số cảnh báo: 0",
      "Chỉ báo 16",
    ])
      expect(officer[block as number]).toContain(line);
  });

  test("KQ: the dossier's bản tổng hợp on one or two portrait pages, header on each, signed at the end", () => {
    for (const file of ["form-kq", "ket-qua"]) {
      const printed = pages(file);
      const first = pagesWith(printed, KQ_TITLE)[0] as number;
      const kq = printed.slice(first);
      expect(kq.length).toBeGreaterThanOrEqual(1);
      expect(kq.length).toBeLessThanOrEqual(2);
      const all = kq.join(" ");
      for (const part of [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Từ ngày 01/01/",
        "Kết luận:",
        "ngày …… tháng …… năm ……",
        "TM. ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH",
      ])
        expect(all).toContain(part);
      for (const page of kq) expect(page).toContain("Kết quả kiểm tra");
      expect(kq.at(-1)).toContain("CHỦ TỊCH");
      // The officer's notes under the paper are not printed; no set id anywhere.
      expect(all).not.toContain("GHI CHÚ KIỂM TRA");
      expect(all).not.toMatch(/hp-2022|tt25-2023/);
    }
  });

  test("a commune's signed form: its results print on its own pages, none of them without the table", () => {
    const printed = pages("xa-kq");
    const officer = printed.slice(0, pagesWith(printed, KQ_TITLE)[0]);
    // (No more pages than the officer's own; fitted to the page's width, the wider sheet may take fewer.)
    expect(officer.length).toBeLessThanOrEqual(pages("xa").length);
    for (const page of officer) expect(page).toMatch(/Tiêu chí \d/);
    expect(officer.join(" ")).not.toContain("KẾT QUẢ KIỂM TRA TỰ ĐÁNH GIÁ");
    expect(officer.join(" ")).toContain("Mức tính toán");
  });

  test("the officer's words whole after the results are written: a long title's row gets no level", () => {
    // As the officer's own print shows it (their print area ends at the table's last column).
    const title =
      "Tiêu chí 3. Hiệu quả hoạt động của trung tâm học tập cộng đồng, thư viện, trung tâm văn hóa, thể thao";
    expect(pages("xa").join(" ")).toContain(title);
    const printed = pages("xa-kq");
    const officer = printed.slice(0, pagesWith(printed, KQ_TITLE)[0]);
    expect(officer.join(" ")).toContain(title);
  });

  test("clean: the officer's form prints exactly as before", () => {
    expect(pages("form-sach")).toEqual(pages("form"));
  });

  test("Tổng hợp of mixed sets: each block from a page of its own, in order, at a legible scale", () => {
    // Districts, a city and communes of two sets: one block per set, each on its page, in the order
    // the sets come, every leaf of the city (20) on its own page beside its units.
    const blocks = pages("tong-hop");
    expect(blocks).toHaveLength(SET_TITLES.length);
    // (A title wrapped at a hyphen comes back from the PDF without it.)
    SET_TITLES.forEach((title, i) => expect(blocks[i]?.replace(/-/g, "")).toContain(title.replace(/-/g, "")));
    expect(blocks[1]).toMatch(/Thành phố Hải Phòng.*18 19 20|18 19 20.*Thành phố Hải Phòng/);
    expect(blocks[1]).toContain("Mức của chỉ báo");
    expect(blocks[2]).toContain("Mức của chỉ tiêu");
    for (const page of blocks) expect(page).toContain("Tổng cộng");
    // Printed at one scale, never fitted below it: what the page setup says LibreOffice printed at.
    expect(pageSetup("tong-hop.xlsx")).toMatchObject({ fitToPage: false });
    expect(pageSetup("tong-hop.xlsx").scale).toBeGreaterThanOrEqual(MIN_SCALE);
    const printed = pages("tong-hop-31");
    expect(printed).toHaveLength(2);
    expect(printed[0]).toContain("TỔNG HỢP KẾT QUẢ TỰ ĐÁNH GIÁ");
    expect(printed[0]).toMatch(/Ngày lập: \d\d\/\d\d\/\d{4} · 31 đơn vị/);
    for (const page of printed)
      for (const h of ["Đơn vị", "Mức của chỉ báo", "Kết quả"]) expect(page).toContain(h);
    for (let n = 1; n <= 31; n++) expect(pagesWith(printed, `huyen-${n}.xlsx`)).toHaveLength(1);
    expect(printed[1]).toContain("Tổng cộng");
  });

  test("Tổng hợp too wide for a legible page: page-wide parts, the unit's columns in each, pages in reading order", () => {
    const printed = pages("tong-hop-rong");
    const setup = pageSetup("tong-hop-rong.xlsx");
    expect(setup.fitToPage).toBe(false);
    expect(setup.scale).toBeGreaterThanOrEqual(MIN_SCALE);
    // Each page: one part, the parts in order, each part's pages together; the unit's columns on every page.
    const part = printed.map((p) => Number(/phần (\d+)\/\d+/.exec(p)?.[1]));
    expect(part.every((n) => n >= 1)).toBe(true);
    expect([...part].sort((a, b) => a - b)).toEqual(part);
    const parts = Math.max(...part);
    expect(parts).toBeGreaterThan(1);
    for (const page of printed) for (const h of ["Tệp", "Trang tính", "Đơn vị"]) expect(page).toContain(h);
    // Every unit once in each part, in order down the part's pages.
    for (let n = 1; n <= 65; n++) {
      const at = pagesWith(printed, `xa-${n}.xlsx `);
      expect(at.map((p) => part[p])).toEqual(Array.from({ length: parts }, (_, k) => k + 1));
    }
    // The parts' leaves, from their titles: 1 to 60, each once, in order across the parts.
    const ranges = [
      ...new Set(printed.map((p) => /phần \d+\/\d+: chỉ báo (\d+)–(\d+)/.exec(p)?.slice(1, 3).join("–"))),
    ].map((r) => (r as string).split("–").map(Number));
    expect(ranges[0]?.[0]).toBe(1);
    expect(ranges.at(-1)?.[1]).toBe(60);
    ranges.slice(1).forEach((r, k) => expect(r[0]).toBe((ranges[k]?.[1] as number) + 1));
    // The last page of each part ends with its totals.
    for (let k = 1; k <= parts; k++) expect(printed[part.lastIndexOf(k)]).toContain("Tổng cộng");
  });

  test("the template: the dossier's form, empty — motto, title with the period, the header on every page, signed", () => {
    const printed = pages("mau");
    expect(printed).toHaveLength(2);
    for (const part of [
      "ỦY BAN NHÂN DÂN",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "BẢN TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ CÁC TIÊU CHUẨN, TIÊU CHÍ, CHỈ BÁO",
      "(Từ ngày 01/01/…… đến ngày 31/12/……)",
    ])
      expect(printed[0]).toContain(part);
    for (const page of printed) expect(page).toContain("Tiêu chuẩn, tiêu chí, chỉ báo");
    for (let n = 1; n <= 20; n++) expect(pagesWith(printed, `Chỉ báo ${n} `).length).toBeGreaterThan(0);
    for (const part of ["…………, ngày …… tháng …… năm ……", "TM. ỦY BAN NHÂN DÂN CHỦ TỊCH (Ký tên, đóng dấu)"])
      expect(printed[1]).toContain(part);
    // Not a page of its own for the signature: it ends the table's last page.
    expect(printed[1]).toContain("Chỉ báo 20");
  });

  test("every printed page is kept as a picture", () => {
    // (pdftoppm numbers pages 01, 02… when there are ten or more.)
    for (const f of PRINTED)
      expect([`${f}-1.png`, `${f}-01.png`].some((p) => existsSync(join(PICTURES, p)))).toBe(true);
  });
});
