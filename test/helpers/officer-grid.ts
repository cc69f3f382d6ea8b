// Officer-like grids at random, for the property tests of the core and of the writer: headers drawn
// from the synonyms, columns shuffled, title rows, section, blank and junk rows, every level and
// value spelling, an optional criteria sheet.
import fc from "fast-check";
import { builtinForKind } from "../../src/core/sets/builtin";
import { criteriaSheetRows } from "../../src/core/sets/criteria-sheet";
import type { SheetSnapshot } from "../../src/core/model/snapshot";
import { sheet, type In } from "./grid";

const HEADERS = {
  code: ["TT", "STT", "Mã", "Ma"],
  content: ["Nội dung", "Tiêu chuẩn, tiêu chí, chỉ báo", "Noi dung"],
  data: ["Số liệu", "Kết quả thực hiện", "Ket qua thuc hien (so lieu)"],
  evidence: ["Minh chứng", "Mã minh chứng", "Tài liệu kiểm chứng"],
  level: ["Tự đánh giá", "Mức đạt", "Đạt mức", "Mức đạt (tự đánh giá)"],
  note: ["Ghi chú"],
};
const LEVELS: In[] = [
  "Mức 2",
  "Mức độ 3",
  "Đạt mức 1",
  2,
  "M3",
  "Muc 1",
  "Không đạt",
  "Chưa đạt",
  "Mức 5",
  "",
  "abc",
  { error: "#N/A" },
];
const VALUES: In[] = [
  "Có báo cáo",
  { v: 0.875, f: "0.0%" },
  "87,5%",
  "87.5 %",
  "35/40",
  0.5,
  87.5,
  "",
  "nhiều",
  { error: "#DIV/0!" },
  -4,
  130,
];
const JUNK: In[] = ["", "x", 42, true, { error: "#REF!" }, "Ghi chú: số liệu tạm"];

type Role = keyof typeof HEADERS;
export type ValueOf<A> = A extends fc.Arbitrary<infer T> ? T : never;
const roleOrder = fc.shuffledSubarray(["code", "content", "data", "evidence", "level", "note"] as Role[], {
  minLength: 6,
  maxLength: 6,
});
const dropColumn = fc.option(fc.constantFrom<Role>("data", "evidence", "level"), { freq: 8 });

const indicatorRow = fc.record({
  level: fc.constantFrom(...LEVELS),
  data: fc.constantFrom(...VALUES),
  evidence: fc.constantFrom<In>("H1-01", "", "MC 2"),
  codeStyle: fc.constantFrom("keyword", "cb", "dotted", "content"),
});
const bodyRow = fc.oneof(
  { weight: 8, arbitrary: indicatorRow.map((r) => ({ kind: "indicator" as const, ...r })) },
  { weight: 1, arbitrary: fc.constant({ kind: "blank" as const }) },
  { weight: 1, arbitrary: fc.constantFrom(...JUNK).map((j) => ({ kind: "junk" as const, j })) }
);

export const grid = fc.record({
  titles: fc.array(
    fc.constantFrom(
      "ỦY BAN NHÂN DÂN HUYỆN AN LÃO",
      "UBND QUẬN LÊ CHÂN",
      "BẢNG TỰ ĐÁNH GIÁ HUYỆN HỌC TẬP",
      ""
    ),
    { maxLength: 3 }
  ),
  offset: fc.integer({ min: 0, max: 2 }),
  order: roleOrder,
  drop: dropColumn,
  headers: fc.record(
    Object.fromEntries(Object.entries(HEADERS).map(([k, v]) => [k, fc.constantFrom(...v)])) as Record<
      Role,
      fc.Arbitrary<string>
    >
  ),
  sizes: fc.constantFrom([3, 3, 3, 3, 2, 2], [3, 4, 3, 4, 4, 2], [2, 2, 2], [3, 3, 3, 3, 2, 3]),
  sections: fc.boolean(),
  rows: fc.array(bodyRow, { minLength: 20, maxLength: 24 }),
  criteriaSheet: fc.boolean(),
});

export function build(g: ValueOf<typeof grid>): { s: SheetSnapshot; extra: SheetSnapshot[] } {
  const roles = g.order.filter((r) => r !== g.drop);
  const pad = Array.from({ length: g.offset }, () => null);
  const line = (byRole: Partial<Record<Role, In>>): In[] => [...pad, ...roles.map((r) => byRole[r] ?? null)];
  const rows: In[][] = g.titles.map((t) => [t]);
  rows.push(line(Object.fromEntries(roles.map((r) => [r, g.headers[r]]))));
  let n = 0;
  let source = 0;
  g.sizes.forEach((size, c) => {
    if (g.sections && c % 2 === 0)
      rows.push(line({ code: `Tiêu chuẩn ${c / 2 + 1}`, content: "tiêu chuẩn" }));
    if (g.sections) rows.push(line({ code: `Tiêu chí ${c + 1}`, content: "tiêu chí" }));
    for (let i = 0; i < size; i++) {
      const r = g.rows[source++ % g.rows.length] as ValueOf<typeof bodyRow>;
      if (r.kind === "blank") rows.push([]);
      if (r.kind === "junk") rows.push(line({ note: r.j }));
      if (r.kind !== "indicator") continue;
      n++;
      const code = { keyword: `Chỉ báo ${n}`, cb: `CB${n}`, dotted: `${c + 1}.${i + 1}`, content: "" }[
        r.codeStyle
      ];
      const content = r.codeStyle === "content" ? `Chỉ báo ${n}. nội dung` : "nội dung";
      rows.push(line({ code, content, data: r.data, evidence: r.evidence, level: r.level }));
    }
  });
  rows.push([], [...pad, null, null, "CHỦ TỊCH"]);
  const extra: SheetSnapshot[] = [];
  if (g.criteriaSheet) {
    const crit = criteriaSheetRows(
      builtinForKind(g.sizes.length === 6 && g.sizes[1] === 4 ? "city" : "district")
    );
    for (const k of ["1", "2", "3", "4"])
      (crit.find((r) => r[0] === k) as In[]).splice(2, 4, "Tỷ lệ", "≥ 50", "≥ 70", "≥ 90");
    extra.push(sheet("Bộ tiêu chí", crit));
  }
  return {
    s: sheet("Tự đánh giá", rows, {
      merges: g.titles.length ? [{ top: 1, left: 1, bottom: 1, right: 6 }] : [],
    }),
    extra,
  };
}
