// Units sent twice: the workbook's saved date read from its core properties, the later copy counted
// once in `hoctap summary` and in the `Tổng hợp` sheet, and one line that names the unit and says why.
import { copyFileSync, mkdtempSync, readFileSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync, zipSync } from "fflate";
import { checkWorkbook } from "../../src/core/checks/check";
import { sentTwice, duplicateLine } from "../../src/core/plans/duplicates";
import { summarySheet, type SummaryEntry } from "../../src/core/plans/summary";
import { readSnapshot, snapshotFromBytes } from "../../src/reader/read";
import { hoctap } from "../helpers/cli";

/** The saved time as this machine's clock shows it (the lines say the office's local time), through Intl. */
function local(iso: string): string {
  const parts = new Intl.DateTimeFormat("en-GB", {
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(new Date(iso));
  const p = (t: string) => parts.find((x) => x.type === t)?.value;
  return `${p("day")}/${p("month")}/${p("year")} ${p("hour")}:${p("minute")}`;
}

const FIX = join(__dirname, "..", "fixtures", "council");
const fix = (f: string) => join(FIX, f);

/** The fixtures in a folder of their own, each file's time on disk set (seconds since 1970). */
function inbox(times: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "hoctap-twice-"));
  for (const [name, iso] of Object.entries(times)) {
    copyFileSync(fix(name), join(dir, name));
    const t = new Date(iso);
    utimesSync(join(dir, name), t, t);
  }
  return dir;
}

describe("the workbook's saved date", () => {
  test("is read from docProps/core.xml (openpyxl's own)", async () => {
    const wb = await readSnapshot(fix("Xa An Hoa - ban cuoi.xlsx"), { savedAt: true });
    expect(wb.savedAt).toBe("2026-02-27T02:15:00.000Z");
    // Only when asked: the check's other readers pay nothing for it.
    expect((await readSnapshot(fix("Xa An Hoa - ban cuoi.xlsx"))).savedAt).toBeUndefined();
  });

  test("is absent when the package has no core properties", async () => {
    expect((await readSnapshot(fix("Xa Tan Lap.xlsx"), { savedAt: true })).savedAt).toBeUndefined();
  });

  test("a zone other than UTC, or none, or something else written there", async () => {
    const parts = unzipSync(readFileSync(fix("Xa An Hoa.xlsx")));
    const core = Buffer.from(parts["docProps/core.xml"] as Uint8Array).toString("utf8");
    const withDate = (d: string) =>
      zipSync({
        ...parts,
        "docProps/core.xml": Buffer.from(core.replace(/(<dcterms:modified[^>]*>)[^<]*/, `$1${d}`)),
      });
    const read = async (d: string) => (await snapshotFromBytes(withDate(d), { savedAt: true })).savedAt;
    expect(await read("2026-02-20T08:30:00+07:00")).toBe("2026-02-20T01:30:00.000Z");
    expect(await read("2026-02-20T01:30:00")).toBe("2026-02-20T01:30:00.000Z");
    expect(await read("hôm qua")).toBeUndefined();
    expect(await read("")).toBeUndefined();
  });
});

describe("hoctap summary: a unit sent twice", () => {
  test("counted once, the later by the workbook's saved date even when the file's time says otherwise", async () => {
    // The first copy touched on disk last (copied from a USB stick after the final one).
    const dir = inbox({
      "Xa An Hoa.xlsx": "2026-03-02T10:00:00Z",
      "Xa An Hoa - ban cuoi.xlsx": "2026-03-01T10:00:00Z",
    });
    const run = await hoctap("summary", dir);
    expect(run.code).toBe(0);
    const body = run.stdout.trim().split("\n").slice(2);
    expect(body).toHaveLength(1);
    expect(body[0]).toMatch(/^Xa An Hoa - ban cuoi\.xlsx\s+Tự đánh giá\s+Xã An Hòa\s+1\s+Mức độ 1/);
    expect(run.stderr).toEqual([
      `Xã An Hòa gửi 2 lần, chỉ tính một lần: tính “Xa An Hoa - ban cuoi.xlsx” (bảng tính ghi lưu lúc ${local("2026-02-27T02:15:00Z")}), ` +
        `không tính “Xa An Hoa.xlsx” (bảng tính ghi lưu lúc ${local("2026-02-20T01:30:00Z")})`,
    ]);
    // The tally counts files, as before.
    expect(run.notes).toEqual(["2 tệp: 1 không lỗi, 1 có lỗi, 0 không đọc được"]);
  });

  test("by the file's time when the workbooks do not say, and said so", async () => {
    const dir = inbox({
      "Xa Tan Lap (sua).xlsx": "2026-02-26T03:00:00Z",
      "Xa Tan Lap.xlsx": "2026-02-21T03:00:00Z",
    });
    const run = await hoctap("summary", dir, "--json");
    const rows = JSON.parse(run.stdout) as {
      file: string;
      notCounted?: { counted: { file: string } };
      saved: unknown;
    }[];
    expect(rows.map((r) => [r.file, r.notCounted?.counted.file ?? null])).toEqual([
      ["Xa Tan Lap (sua).xlsx", null],
      ["Xa Tan Lap.xlsx", "Xa Tan Lap (sua).xlsx"],
    ]);
    expect(rows[0]?.saved).toEqual({ at: "2026-02-26T03:00:00.000Z", by: "file" });
    expect(run.stderr).toEqual([
      `Xã Tân Lập gửi 2 lần, chỉ tính một lần: tính “Xa Tan Lap (sua).xlsx” (tệp sửa lúc ${local("2026-02-26T03:00:00Z")}; bảng tính không ghi ngày lưu), ` +
        `không tính “Xa Tan Lap.xlsx” (tệp sửa lúc ${local("2026-02-21T03:00:00Z")}; bảng tính không ghi ngày lưu)`,
    ]);
  });

  test("--out: the `Tổng hợp` sheet has the unit once and the line under its table", async () => {
    const dir = inbox({
      "Xa An Hoa.xlsx": "2026-03-02T10:00:00Z",
      "Xa An Hoa - ban cuoi.xlsx": "2026-03-01T10:00:00Z",
      "Xa Tan Lap.xlsx": "2026-03-01T10:00:00Z",
    });
    const out = join(dir, "..", `${dir.split("/").pop()}-tong-hop.xlsx`);
    const run = await hoctap("summary", dir, "--out", out);
    expect(run.code).toBe(0);
    const sheet = (await readSnapshot(out)).sheets.find((s) => s.name === "Tổng hợp");
    const texts: string[] = [];
    for (const [, row] of sheet?.rows ?? [])
      for (const [, c] of row) if (typeof c.value === "string") texts.push(c.value);
    expect(texts.filter((t) => t.endsWith(".xlsx"))).toEqual([
      "Xa An Hoa - ban cuoi.xlsx",
      "Xa Tan Lap.xlsx",
    ]);
    // Two units in all (each under its own set: a block each).
    expect(texts.filter((t) => /\d đơn vị$/.test(t))).toEqual([
      expect.stringMatching(/ · 2 đơn vị$/),
      "1 đơn vị",
      "1 đơn vị",
    ]);
    expect(
      texts.some((t) =>
        t.startsWith("Xã An Hòa gửi 2 lần, chỉ tính một lần: tính “Xa An Hoa - ban cuoi.xlsx”")
      )
    ).toBe(true);
  });
});

describe("sentTwice", () => {
  const report = (unitName: string | null, id = "cdht-xa") => ({ unitName, framework: { id } }) as never;
  const e = (file: string, sheet: string, unit: string | null, at?: string, id?: string): SummaryEntry => ({
    file,
    sheet,
    report: report(unit, id),
    ...(at ? { saved: { at, by: "workbook" as const } } : {}),
  });

  test("the unit's name as folded (case, marks, spaces) under the same set; other sets and no name never", () => {
    const entries = [
      e("a.xlsx", "S", "Xã An Hòa", "2026-02-27T00:00:00Z"),
      e("b.xlsx", "S", "XÃ  AN HÒA", "2026-02-20T00:00:00Z"),
      e("c.xlsx", "S", "Xã An Hòa", "2026-02-28T00:00:00Z", "other-set"),
      e("d.xlsx", "S", null),
      e("e.xlsx", "S", null),
      { file: "f.xlsx", sheet: "", error: "không đọc được" },
    ];
    const { counted, duplicates } = sentTwice(entries);
    expect(counted.map((x) => x.file)).toEqual(["a.xlsx", "c.xlsx", "d.xlsx", "e.xlsx", "f.xlsx"]);
    expect(duplicates).toEqual([
      {
        unit: "Xã An Hòa",
        kept: expect.objectContaining({ file: "a.xlsx" }),
        dropped: [expect.objectContaining({ file: "b.xlsx" })],
        by: "saved",
      },
    ]);
  });

  test("sheets of one workbook (the pane): no dates, the later sheet counted, said so", () => {
    const entries = [
      e("Phong.xlsx", "Xa A", "Xã A"),
      e("Phong.xlsx", "Xa B", "Xã B"),
      e("Phong.xlsx", "Xa A (2)", "Xã A"),
    ];
    const { counted, duplicates } = sentTwice(entries);
    expect(counted.map((x) => x.sheet)).toEqual(["Xa B", "Xa A (2)"]);
    expect(duplicates.map((d) => duplicateLine(d, "vi"))).toEqual([
      "Xã A gửi 2 lần, chỉ tính một lần: tính trang tính “Xa A (2)”, không tính trang tính “Xa A” — tính trang tính đứng sau",
    ]);
    expect(duplicateLine(duplicates[0] as never, "en")).toBe(
      "Xã A sent 2 times, counted once: sheet “Xa A (2)” counted, not sheet “Xa A” — the later sheet counted"
    );
  });

  test("the same saved date: the later input counted, and the line says the dates do not tell them apart", () => {
    const at = "2026-02-20T01:30:00Z";
    const { duplicates } = sentTwice([e("x.xlsx", "S", "Xã A", at), e("y.xlsx", "S", "Xã A", at)]);
    expect(duplicates[0]?.kept.file).toBe("y.xlsx");
    expect(duplicates[0]?.by).toBe("order");
    expect(duplicateLine(duplicates[0] as never, "vi")).toMatch(
      /— không phân biệt được theo ngày: tính tệp đứng sau$/
    );
    expect(duplicateLine(duplicates[0] as never, "en")).toMatch(`(saved ${local(at)}, as the workbook says)`);
  });

  test("three copies: the latest counted, the two others named earliest first", () => {
    const { duplicates } = sentTwice([
      e("2.xlsx", "S", "Xã A", "2026-02-22T00:00:00Z"),
      e("3.xlsx", "S", "Xã A", "2026-02-23T00:00:00Z"),
      e("1.xlsx", "S", "Xã A", "2026-02-21T00:00:00Z"),
    ]);
    expect(duplicates[0]?.kept.file).toBe("3.xlsx");
    expect(duplicates[0]?.dropped.map((c) => c.file)).toEqual(["1.xlsx", "2.xlsx"]);
    expect(duplicateLine(duplicates[0] as never, "vi")).toMatch(/^Xã A gửi 3 lần/);
  });

  test("the sheet plan prints the lines within its print area", async () => {
    const wb = await readSnapshot(fix("Xa An Hoa.xlsx"));
    const report = checkWorkbook(wb, { lang: "vi" }).checked[0]?.check.report;
    const copy = (sheet: string): SummaryEntry => ({
      file: "Phong.xlsx",
      sheet,
      ...(report ? { report } : {}),
    });
    const plan = summarySheet([copy("A"), copy("A2")], "vi", "01/03/2026");
    expect(plan.rows.filter((r) => r[0] === "Phong.xlsx")).toHaveLength(1);
    const row =
      plan.rows.findIndex(
        (r) =>
          r[0] ===
          "Xã An Hòa gửi 2 lần, chỉ tính một lần: tính trang tính “A2”, không tính trang tính “A” — tính trang tính đứng sau"
      ) + 1;
    expect(row).toBeGreaterThan(0);
    expect(plan.print?.area?.bottom).toBe(row);
  });
});
