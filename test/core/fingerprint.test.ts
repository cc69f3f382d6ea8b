import { checkSheet } from "../../src/core/checks/check";
import { clearOfMerges } from "../../src/core/plans/placement";
import {
  cellToken,
  fingerprintFormula,
  fingerprintText,
  formulaText,
  movedLooks,
  NAME_FINGERPRINT,
  parseFingerprint,
  rangeHashes,
  textHash,
  type Fingerprint,
} from "../../src/core/model/fingerprint";
import {
  isOwned,
  isOurProductSheet,
  NAME_PRODUCT_SHEET,
  NAME_RESULT_BLOCK,
  NAME_RESULT_COLUMNS,
  ownership,
} from "../../src/core/model/owned";
import type { Cell, RangeRef, SheetSnapshot, WorkbookSnapshot } from "../../src/core/model/snapshot";
import { planFingerprint, sheetFingerprint } from "../../src/core/plans/record";
import { planClean, planResults } from "../../src/core/plans/write-plan";
import { keptCells, productWords } from "../../src/core/plans/owned-cells";
import { applyToSnapshot, filled } from "../helpers/apply-snapshot";
import { sheet, template, workbook, type In } from "../helpers/grid";

const NAME = "Tự đánh giá";
const TODAY = "27/11/2026";

function write(wb: WorkbookSnapshot, name = NAME): WorkbookSnapshot {
  const s = wb.sheets.find((x) => x.name === name) as SheetSnapshot;
  const check = checkSheet(wb, s);
  if (!check) throw new Error("no table");
  return applyToSnapshot(wb, planResults(wb, s, check, { today: TODAY }));
}

/** The workbook with some cells of a sheet set (null: emptied), as an officer's edits in Excel. */
function edit(
  wb: WorkbookSnapshot,
  name: string,
  cells: [number, number, Cell["value"]][]
): WorkbookSnapshot {
  return {
    ...wb,
    sheets: wb.sheets.map((s) => {
      if (s.name !== name) return s;
      const rows = new Map([...s.rows].map(([r, c]) => [r, new Map(c)] as const));
      for (const [r, c, value] of cells) {
        const row = rows.get(r) ?? new Map<number, Cell>();
        if (value === null) row.delete(c);
        else row.set(c, { value });
        rows.set(r, row);
      }
      return { ...s, rows: new Map([...rows].sort((a, b) => a[0] - b[0])) };
    }),
  };
}

const sample: Fingerprint = {
  sheet: textHash("Bảng 'của' \"An\""),
  sheetId: "7",
  parts: [
    {
      name: NAME_RESULT_COLUMNS,
      range: { top: 4, left: 7, bottom: 5, right: 8 },
      bucket: 1,
      hashes: ["AAAAA", "BBBBB", "CCCCC", "DDDDD"],
    },
  ],
  widths: [
    { col: 7, before: 9.140625 },
    { col: 8, before: null },
  ],
  heights: [{ row: 40, before: null }],
  extra: "abc-_",
  looks: "eyJhIjoxfQ.W10!G4:H5=0*3,*1",
  source: "00000000-0001-0000",
};

describe("the record's text", () => {
  test("round trips, and through a formula of text constants joined by &", () => {
    const text = fingerprintText(sample);
    expect(parseFingerprint(text)).toEqual(sample);
    expect(formulaText(fingerprintFormula(sample))).toBe(text);
    expect(formulaText(`="a""b"&"c"`)).toBe('a"bc');
    expect(formulaText("Sheet1!$A$1")).toBeNull();
    expect(formulaText(`"a"&B1`)).toBeNull();
    expect(formulaText(`"a""`)).toBeNull();
  });

  test("long records are joined from constants of at most 255 characters", () => {
    const long = { ...sample, parts: [{ ...sample.parts[0]!, bucket: 1, hashes: Array(400).fill("abcde") }] };
    long.parts[0]!.range = { top: 1, left: 1, bottom: 200, right: 2 };
    const formula = fingerprintFormula(long);
    for (const literal of formula.split("&")) expect(literal.length).toBeLessThanOrEqual(257);
    expect(parseFingerprint(formulaText(formula) as string)).toEqual(long);
  });

  test("damaged or foreign texts are no record", () => {
    expect(parseFingerprint("hello")).toBeNull();
    expect(parseFingerprint("HT1;P" + "x")).toBeNull();
    expect(parseFingerprint("HT1;SAAAAA;PHocTap_KQ_Cot@A1:B2*1=AAAAA")).toBeNull(); // 4 cells, 1 hash
    expect(parseFingerprint("HT1;SAAAAA;W7:nine")).toBeNull();
    // A look record with a character a formula's text may not hold is left out, never written.
    expect(fingerprintText({ ...sample, looks: 'a"b' })).not.toContain("La");
    expect(parseFingerprint("HT1;SAAAAA;Zfuture")).toEqual({
      sheet: "AAAAA",
      parts: [],
      widths: [],
      heights: [],
    });
  });

  test("buckets: many cells a hash when the range is large, every cell counted", () => {
    const range = { top: 1, left: 1, bottom: 3, right: 2 };
    const at = (r: number, c: number) => (r === 2 && c === 1 ? "x" : null);
    expect(rangeHashes(range, 1, at)).toHaveLength(6);
    expect(rangeHashes(range, 4, at)).toHaveLength(2);
    expect(rangeHashes(range, 1, at)[2]).not.toBe(rangeHashes(range, 1, () => null)[2]);
  });
});

describe("what is still the product's", () => {
  const { rows, rowOf } = template({ indicator: (n) => (n === 3 ? { evidence: null } : {}) });
  const once = write(workbook([sheet(NAME, rows)]));
  const row3 = rowOf.get(3) as number;

  test("every result written is recorded, and found intact", () => {
    const own = ownership(once, NAME);
    expect(own.state).toBe("intact");
    expect(own.named.map((n) => n.name).sort()).toEqual([NAME_RESULT_BLOCK, NAME_RESULT_COLUMNS].sort());
    expect(once.nameValues?.map((n) => n.name)).toEqual([NAME_FINGERPRINT]);
  });

  test("without a fingerprint (lost by another program), only the product's own words are taken as its", () => {
    const typed = edit(once, NAME, [
      [row3, 8, "Đã xác minh với ông Hùng"],
      [row3 + 1, 7, "Mức này cần xem lại"],
    ]);
    const lost = { ...typed, nameValues: [] };
    expect(ownership(lost, NAME).state).toBe("legacy");
    expect(keptCells(lost, NAME).sort()).toEqual([`G${row3 + 1}`, `H${row3}`].sort());
    const cleaned = filled(applyToSnapshot(lost, planClean(lost, NAME)), NAME);
    expect(cleaned.get(`${row3}:8`)).toBe("Đã xác minh với ông Hùng");
    expect(cleaned.get(`${row3 + 1}:7`)).toBe("Mức này cần xem lại");
    // Headers, levels, notes and the block's lines, all the product's words, are gone.
    expect([...cleaned.keys()].filter((k) => Number(k.split(":")[1]) >= 7)).toHaveLength(2);
    expect([...cleaned.values()]).not.toContain("KẾT QUẢ KIỂM TRA TỰ ĐÁNH GIÁ");
    const again = filled(write(lost), NAME);
    expect(again.get(`${row3}:8`)).toBe("Đã xác minh với ông Hùng");
    expect(again.get("4:9")).toBe("Mức tính toán");
    expect(productWords("Thiếu minh chứng; Tự đánh giá cao hơn số liệu")).toBe(true);
    expect(productWords("Mức độ 2 (Tốt)")).toBe(true);
    expect(productWords("Đã bổ sung")).toBe(false);
  });

  test("a note the officer typed into an owned cell is never removed nor overwritten", () => {
    // The officer empties the notes column (Delete) and writes a note of their own in it.
    const notes = [...rows.keys()].map((i): [number, number, In] => [i + 5, 8, null]);
    const typed = edit(once, NAME, [
      ...(notes as [number, number, null][]),
      [row3, 8, "Đã bổ sung minh chứng"],
    ]);
    expect(ownership(typed, NAME).state).toBe("changed");
    const cleaned = applyToSnapshot(typed, planClean(typed, NAME));
    expect(filled(cleaned, NAME).get(`${row3}:8`)).toBe("Đã bổ sung minh chứng");
    expect(filled(cleaned, NAME).get("4:7")).toBeUndefined(); // the rest is gone
    expect(filled(cleaned, NAME).get(`${row3}:7`)).toBeUndefined();
    const again = write(typed);
    expect(filled(again, NAME).get(`${row3}:8`)).toBe("Đã bổ sung minh chứng");
    // The new results go right of the note, the old ones that were still as written are gone.
    expect(filled(again, NAME).get("4:9")).toBe("Mức tính toán");
    expect(filled(again, NAME).get("4:7")).toBeUndefined();
  });

  test("an officer's copy of the sheet carries the names, but is not the product's", () => {
    const original = once.sheets[0] as SheetSnapshot;
    const copyName = `${NAME} (2)`;
    const copied: WorkbookSnapshot = {
      sheets: [...once.sheets, { ...original, name: copyName }],
      definedNames: [
        ...once.definedNames,
        ...once.definedNames.map((n) => ({ ...n, sheet: copyName, refSheet: copyName })),
      ],
      nameValues: [
        ...(once.nameValues ?? []),
        ...(once.nameValues ?? []).map((n) => ({ ...n, sheet: copyName })),
      ],
    };
    expect(ownership(copied, copyName).state).toBe("copied");
    const plan = planClean(copied, copyName);
    expect(plan.clear).toEqual([]);
    expect(plan.removeNames).toEqual([]);
    expect(ownership(copied, NAME).state).toBe("intact");
    // A rename keeps the file's sheet id: recognised by it.
    const renamed: WorkbookSnapshot = {
      ...copied,
      sheets: [{ ...original, name: copyName, id: "3" }],
      nameValues: (copied.nameValues ?? []).map((n) => ({
        ...n,
        value: fingerprintText({ ...(parseFingerprint(n.value) as Fingerprint), sheetId: "3" }),
      })),
    };
    expect(ownership(renamed, copyName).state).toBe("intact");
  });

  test("names without a record (written before records existed) are taken as the product's", () => {
    const legacy = { ...once, nameValues: [] };
    expect(ownership(legacy, NAME).state).toBe("legacy");
    expect(filled(applyToSnapshot(legacy, planClean(legacy, NAME)), NAME)).toEqual(
      filled(workbook([sheet(NAME, rows)]), NAME)
    );
  });

  test("a damaged record makes nothing the product's", () => {
    const damaged = { ...once, nameValues: [{ name: NAME_FINGERPRINT, sheet: NAME, value: "HT1;garbage" }] };
    expect(ownership(damaged, NAME).state).toBe("copied");
    expect(planClean(damaged, NAME).clear).toEqual([]);
  });

  test("rows inserted above the table move everything whole: still the product's, cleaned and replaced", () => {
    // As Excel does it: every cell from row 1 down three rows, the names with them.
    const down = (r: RangeRef) => ({ ...r, top: r.top + 3, bottom: r.bottom + 3 });
    const inserted: WorkbookSnapshot = {
      ...once,
      sheets: once.sheets.map((s) =>
        s.name === NAME ? { ...s, rows: new Map([...s.rows].map(([r, c]) => [r + 3, c] as const)) } : s
      ),
      definedNames: once.definedNames.map((n) => (n.refSheet === NAME ? { ...n, range: down(n.range) } : n)),
    };
    const own = ownership(inserted, NAME);
    expect(own.state).toBe("moved");
    expect(keptCells(inserted, NAME)).toEqual([]);
    const original = filled(workbook([sheet(NAME, rows)]), NAME);
    const cleaned = filled(applyToSnapshot(inserted, planClean(inserted, NAME)), NAME);
    expect([...cleaned].map(([k, v]) => [k.replace(/^\d+/, (r) => String(Number(r) - 3)), v])).toEqual([
      ...original,
    ]);
    // A second run replaces the results where they now are: one pair of columns, one block.
    const again = filled(write(inserted), NAME);
    expect(again.get("7:7")).toBe("Mức tính toán");
    expect([...again.values()].filter((v) => v === "Mức tính toán")).toHaveLength(1);
    expect([...again.values()].filter((v) => v === "KẾT QUẢ KIỂM TRA TỰ ĐÁNH GIÁ")).toHaveLength(1);
  });

  test("a named range moved since (rows inserted above) is no longer taken as written", () => {
    const moved = {
      ...once,
      definedNames: once.definedNames.map((n) => ({ ...n, range: { ...n.range, top: n.range.top + 1 } })),
    };
    expect(ownership(moved, NAME)).toMatchObject({ state: "changed", ours: [] });
  });
});

describe("where the results go", () => {
  test("never into an officer's merged area: a header merged over the next column, sections merged across", () => {
    const { rows } = template();
    // `Ghi chú` merged over F4:G4, every section row merged across B:H.
    const sections = rows.flatMap((r, i) =>
      typeof r[0] === "string" && /^Tiêu ch/.test(r[0])
        ? [{ top: i + 1, bottom: i + 1, left: 2, right: 8 }]
        : []
    );
    const wb = workbook([
      sheet(NAME, rows, { merges: [{ top: 4, left: 6, bottom: 4, right: 7 }, ...sections] }),
    ]);
    const s = wb.sheets[0] as SheetSnapshot;
    const plan = planResults(wb, s, checkSheet(wb, s)!, { today: TODAY });
    const columns = plan.blocks[0]!;
    expect(columns.left).toBe(9);
    const out = applyToSnapshot(wb, plan);
    expect(filled(out, NAME).get("4:6")).toBe("Ghi chú");
    for (const m of s.merges)
      for (const b of plan.names) {
        const r = b.range;
        expect(r.top <= m.bottom && m.top <= r.bottom && r.left <= m.right && m.left <= r.right).toBe(false);
      }
  });

  test("the block goes below a merged area under the table; under the officer's own lines, nowhere (KQ has it)", () => {
    const { rows } = template();
    const box = rows.length + 2;
    // An empty merged box the officer left under the table.
    const wb = workbook([sheet(NAME, rows, { merges: [{ top: box, left: 1, bottom: box + 4, right: 3 }] })]);
    const s = wb.sheets[0] as SheetSnapshot;
    const plan = planResults(wb, s, checkSheet(wb, s)!, { today: TODAY });
    expect(plan.blocks[1]!.top).toBe(box + 5);
    const signed = workbook([sheet(NAME, [...rows, [], ["Người lập biểu"]])]);
    const t = signed.sheets[0] as SheetSnapshot;
    const none = planResults(signed, t, checkSheet(signed, t)!, { today: TODAY });
    expect(none.names.map((n) => n.name)).toEqual([NAME_RESULT_COLUMNS]);
    expect(none.bounds).toBeUndefined();
  });

  test("a block that would pass Excel's last row is left out and said; texts past 32,767 characters are cut", () => {
    const { rows } = template({ indicator: (n) => (n === 1 ? { evidence: null } : {}) });
    // An empty merged area from under the table down to Excel's last rows.
    const s = sheet(NAME, rows, { merges: [{ top: rows.length + 2, left: 1, bottom: 1_048_575, right: 1 }] });
    const wb = workbook([s]);
    const plan = planResults(wb, s, checkSheet(wb, s)!, { today: TODAY });
    expect(plan.blocks).toHaveLength(1);
    expect(plan.names.map((n) => n.name)).toEqual([NAME_RESULT_COLUMNS]);
    expect(plan.bounds).toEqual([{ kind: "block", top: 1_048_576, lines: 5 }]);
    // A check whose lines are too long (a unit name of 40,000 characters, say) is cut, and said.
    const check = checkSheet(wb, s)!;
    const long = { ...check, framework: { ...check.framework, title: { vi: "x".repeat(40_000), en: "x" } } };
    const near = sheet(NAME, rows);
    const cut = planResults(workbook([near]), near, long, { today: TODAY });
    const line = cut.blocks[1]!.values.find((v) => String(v[0]).startsWith("Bộ tiêu chí"))![0] as string;
    expect(line.length).toBe(32_767);
    expect(line.endsWith("…")).toBe(true);
    expect(cut.bounds).toEqual([
      expect.objectContaining({ kind: "text", col: 1, length: expect.any(Number) }),
    ]);
  });

  test("no room for the two columns before XFD: they are left out and said", () => {
    const { rows } = template();
    const s0 = sheet(NAME, rows);
    const grown = new Map([...s0.rows].map(([r, c]) => [r, new Map(c)] as const));
    // A header cell in XFC makes the table reach it: the two columns cannot fit right of it.
    grown.get(4)!.set(16_383, { value: "Ghi chú thêm" });
    const s: SheetSnapshot = { ...s0, rows: grown };
    const wb = workbook([s]);
    const plan = planResults(wb, s, checkSheet(wb, s)!, { today: TODAY });
    expect(plan.bounds).toEqual([{ kind: "columns" }]);
    expect(plan.names.map((n) => n.name)).toEqual([NAME_RESULT_BLOCK]);
    for (const b of plan.blocks) expect(b.left + b.values[0]!.length - 1).toBeLessThanOrEqual(16_384);
  });
});

describe("what clean gives back", () => {
  test("the widths and heights the product changed, as the writer recorded them", () => {
    const { rows } = template();
    const wb = workbook([sheet(NAME, rows)]);
    const s = wb.sheets[0] as SheetSnapshot;
    const plan = planResults(wb, s, checkSheet(wb, s)!, { today: TODAY });
    const fp = planFingerprint(plan, {
      widths: new Map([[7, 12.5]]),
      heights: new Map([[plan.blocks[1]!.top, 30]]),
    }) as Fingerprint;
    expect(fp.widths).toEqual([
      { col: 7, before: 12.5 },
      { col: 8, before: null },
    ]);
    const written = {
      ...applyToSnapshot(wb, plan),
      nameValues: [{ name: NAME_FINGERPRINT, sheet: NAME, value: fingerprintText(fp) }],
    };
    const clean = planClean(written, NAME);
    expect(clean.format?.widths).toEqual([
      { col: 7, width: 12.5 },
      { col: 8, width: null },
    ]);
    expect(clean.format?.rowHeights[0]).toEqual({ row: plan.blocks[1]!.top, height: 30 });
    // A second run keeps the first record's widths (what the officer had), not its own.
    const again = planResults(written, written.sheets[0]!, checkSheet(written, written.sheets[0]!)!, {
      today: TODAY,
    });
    expect(again.record?.widths).toEqual([
      { col: 7, before: 12.5 },
      { col: 8, before: null },
    ]);
  });
});

describe("the product's own sheets", () => {
  const plan = { name: "KQ", rows: [["Kết quả"], ["Mức", 2]] as (string | number | null)[][] };
  const snap = sheet("KQ", plan.rows);
  const names = [
    {
      name: NAME_PRODUCT_SHEET,
      sheet: "KQ",
      refSheet: "KQ",
      range: { top: 1, left: 1, bottom: 2, right: 2 },
    },
  ];
  const record = (name: string) => ({
    name: NAME_FINGERPRINT,
    sheet: name,
    value: fingerprintText(sheetFingerprint(plan, "KQ")),
  });

  test("as made: ours to replace or remove", () => {
    expect(isOurProductSheet({ sheets: [snap], definedNames: names, nameValues: [record("KQ")] }, "KQ")).toBe(
      true
    );
  });

  test("written in, inside its range or beyond, or copied: the officer's", () => {
    const edited = edit({ sheets: [snap], definedNames: names, nameValues: [record("KQ")] }, "KQ", [
      [2, 2, 3],
    ]);
    expect(isOurProductSheet(edited, "KQ")).toBe(false);
    const below = edit({ sheets: [snap], definedNames: names, nameValues: [record("KQ")] }, "KQ", [
      [9, 1, "ghi chú"],
    ]);
    expect(isOurProductSheet(below, "KQ")).toBe(false);
    const copy = { ...snap, name: "KQ (2)" };
    const copied = {
      sheets: [copy],
      definedNames: names.map((n) => ({ ...n, sheet: "KQ (2)", refSheet: "KQ (2)" })),
      nameValues: [{ ...record("KQ"), sheet: "KQ (2)" }],
    };
    expect(isOurProductSheet(copied, "KQ (2)")).toBe(false);
    expect(isOurProductSheet({ sheets: [snap], definedNames: [], nameValues: [] }, "KQ")).toBe(false);
  });
});

describe("small pieces", () => {
  test("every kind of cell has its own token", () => {
    const kinds = [null, "", "2", 2, true, false, new Date(0), { error: "#N/A" }].map((v) => cellToken(v));
    expect(kinds).toEqual(["", "", "s2", "n2", "b1", "b0", "d0", "e#N/A"]);
  });

  test("many ranges (a record half changed) are looked up by row, with the same answers", () => {
    const ranges = Array.from({ length: 40 }, (_, i) => ({
      top: 3 * i + 1,
      bottom: 3 * i + 1,
      left: 2,
      right: 3,
    }));
    for (let r = 1; r <= 130; r++)
      for (let c = 1; c <= 4; c++)
        expect(isOwned(ranges, r, c)).toBe(
          ranges.some((x) => r >= x.top && r <= x.bottom && c >= x.left && c <= x.right)
        );
  });

  test("a block is placed below every merged area it would meet, in one pass", () => {
    const merges = [
      { top: 10, bottom: 12, left: 1, right: 2 },
      { top: 13, bottom: 20, left: 2, right: 2 },
      { top: 40, bottom: 41, left: 1, right: 1 },
      { top: 5, bottom: 30, left: 9, right: 9 },
    ];
    expect(clearOfMerges(8, 3, { left: 1, right: 3 }, merges)).toBe(21);
    expect(clearOfMerges(8, 2, { left: 5, right: 6 }, merges)).toBe(8);
  });
});

test("the looks record moves rectangle by rectangle; one whose range no longer holds drops out", () => {
  const text = "abc.def!G4:H29=0*26,1*26!A31:F35=*30";
  expect(movedLooks(text, (r) => (r.top === 4 ? { rows: 3, cols: 1 } : { rows: 0, cols: 0 }))).toBe(
    "abc.def!H7:I32=0*26,1*26!A31:F35=*30"
  );
  expect(movedLooks(text, (r) => (r.top === 4 ? null : { rows: 2, cols: 0 }))).toBe("abc.def!A33:F37=*30");
  expect(movedLooks(text, () => null)).toBeUndefined();
});
