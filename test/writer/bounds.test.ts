// The writer's bounds: what Excel itself limits (the fingerprint's formula), and the sizes the
// writer must take whole (a table of 130,000 rows, a million cells), without stack overflows.
import { randomBytes } from "node:crypto";
import { unzipSync } from "fflate";
import {
  fingerprintFormula,
  formulaText,
  parseFingerprint,
  type Fingerprint,
} from "../../src/core/model/fingerprint";
import { boundedFingerprint, MAX_FORMULA } from "../../src/writer/write";
import { book } from "../helpers/package";
import { written } from "../helpers/writer-run";

describe("the fingerprint's formula stays within Excel's 8,192 characters", () => {
  // The most the fingerprint holds: 600 hashes over the two owned ranges, every row's height.
  const make = (extra: string | undefined): Fingerprint => ({
    sheet: "Tự đánh giá của một xã có tên rất dài",
    parts: [
      {
        name: "HocTap_KQ_Cot",
        range: { top: 7, left: 8, bottom: 60006, right: 9 },
        bucket: 200,
        hashes: Array.from({ length: 600 }, (_, i) => i.toString(36).padStart(5, "x")),
      },
    ],
    widths: [
      { col: 8, before: 12.5 },
      { col: 9, before: null },
    ],
    heights: Array.from({ length: 12 }, (_, i) => ({ row: 60008 + i, before: 15.75 })),
    ...(extra === undefined ? {} : { extra }),
  });

  test("a record that would pass the limit is left out, the rest kept", () => {
    const extra = randomBytes(3740).toString("base64url"); // 4,987 characters: under the record's own bound
    expect(fingerprintFormula(make(extra)).length).toBeGreaterThan(MAX_FORMULA);
    const text = boundedFingerprint(make, extra) as string;
    expect(text.length).toBeLessThanOrEqual(MAX_FORMULA);
    const back = parseFingerprint(formulaText(text) as string) as Fingerprint;
    expect(back.parts[0]?.hashes).toHaveLength(600);
    expect(back.extra).toBeUndefined();
  });

  test("a record that fits is kept", () => {
    const extra = randomBytes(300).toString("base64url");
    const text = boundedFingerprint(make, extra) as string;
    expect(parseFingerprint(formulaText(text) as string)?.extra).toBe(extra);
  });
});

describe("a table up to the read bounds is written whole", () => {
  /** A table of `rows` rows (TT, Nội dung, Số liệu, Minh chứng, Tự đánh giá), made part by part. */
  function table(rows: number): Buffer {
    const t = (ref: string, v: string) => `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;
    const body: string[] = [
      `<row r="1">${t("A1", "TT")}${t("B1", "Nội dung")}${t("C1", "Số liệu")}${t("D1", "Minh chứng")}${t("E1", "Tự đánh giá")}</row>`,
    ];
    for (let r = 2; r <= rows; r++)
      body.push(
        `<row r="${r}">${t(`A${r}`, `CB${r - 1}`)}${t(`B${r}`, "nội dung")}${t(`C${r}`, "có")}${r % 3 ? t(`D${r}`, "H") : ""}${t(`E${r}`, "Mức 2")}</row>`
      );
    return book({ sheets: [{ name: "Tự đánh giá", body: `<sheetData>${body.join("")}</sheetData>` }] });
  }

  test("130,000 rows: no stack overflow (Math.max over every row), a valid package", async () => {
    const out = await written(table(130_000));
    expect(out).not.toBeNull();
    // The result columns span the whole table (the validity of such outputs: validity.test.ts's 100,000 rows).
    const wb = unzipSync(out as Buffer, { filter: (f) => f.name === "xl/workbook.xml" })["xl/workbook.xml"];
    expect(Buffer.from(wb as Uint8Array).toString("utf8")).toMatch(
      /"HocTap_KQ_Cot"[^>]*>'Tự đánh giá'!\$F\$1:\$G\$130000</
    );
  }, 600000);
});
