// Tổng hợp on paper: whatever the mix of sets, every part it prints fits the landscape page's width
// at the one scale the sheet is printed at, never under MIN_SCALE (LibreOffice and Excel print what
// does not fit on a second column of pages: blank pages and a sliver of the last leaf).
import { columnsPoints, MIN_SCALE, printable } from "../../src/core/plans/print";
import { unitsSheet, type SummaryRow } from "../../src/core/plans/units-sheet";

/**
 * `n` units of a set of `leaves` leaves, the council's verdict on them when `council`; the files
 * and units named with `pad` more letters (the unit's columns from narrow to their widest).
 */
function units(set: string, leaves: number, n: number, council: boolean, pad: number): SummaryRow[] {
  return Array.from({ length: n }, (_, i) => ({
    file: `Xa ${set} ${i + 1}${" ban cuoi".repeat(3).slice(0, pad)}.xlsx`,
    sheet: "Tự đánh giá",
    unitName: `Xã ${set} ${i + 1}${" huyện Tiên Lãng, Hải Phòng".slice(0, pad)}`,
    framework: set,
    level: 1,
    label: "Mức dự kiến: Mức độ 1 (Khá) — còn 1 lỗi phải sửa trước khi gửi",
    errors: 0,
    warnings: 0,
    indicators: Object.fromEntries(Array.from({ length: leaves }, (_, k) => [`${set}${k + 1}`, 1])),
    set: { title: `Bộ tiêu chí ${set}`, leaf: "Chỉ báo", levels: ["Không đạt", "Mức 1", "Mức 2"] },
    ...(council ? { verified: { level: 1, label: "Mức 1", differences: 0 } } : {}),
  }));
}

const MIXES: [string, number][][] = [
  [
    ["HD", 16],
    ["TP", 20],
    ["XA", 16],
    ["RI", 12],
  ],
  [
    ["TP", 20],
    ["RI", 12],
  ],
  [
    ["RI", 12],
    ["TP", 20],
  ],
  [
    ["A", 60],
    ["B", 13],
  ],
  [["A", 9]],
  [
    ["A", 25],
    ["B", 24],
    ["C", 23],
  ],
];

test.each(MIXES.flatMap((mix) => [false, true].map((council) => [mix, council] as const)))(
  "every printed part fits the page's width at the sheet's scale: %j, council %s",
  (mix, council) => {
    for (let pad = 0; pad <= 27; pad++) {
      const rows = mix.flatMap(([set, leaves]) => units(set, leaves, 3, council, pad));
      const plan = unitsSheet(rows, { name: "Tổng hợp", lang: "vi", today: "07/12/2026" });
      const scale = plan.print?.scale as number;
      expect(scale).toBeGreaterThanOrEqual(MIN_SCALE);
      expect(scale).toBeLessThanOrEqual(100);
      expect(plan.print?.area?.right).toBe(plan.widths?.length);
      const wide = (columnsPoints(plan.widths as number[]) * scale) / 100;
      expect({ pad, fits: wide <= printable("landscape").width }).toEqual({ pad, fits: true });
    }
  }
);
