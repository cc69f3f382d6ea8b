// Builds officer-like sheets in code, so the tests never depend on files outside the project.
import {
  sheetFromGrid,
  type Cell,
  type CellValue,
  type DefinedName,
  type RangeRef,
  type SheetSnapshot,
  type WorkbookSnapshot,
} from "../../src/core/model/snapshot";

export type In = CellValue | undefined | { v: CellValue; f: string };

export function sheet(
  name: string,
  rows: In[][],
  extra: { merges?: RangeRef[]; hidden?: boolean; top?: number; left?: number } = {}
): SheetSnapshot {
  const cells: Cell[][] = rows.map((r) =>
    r.map((x): Cell =>
      x !== null && typeof x === "object" && "f" in x ? { value: x.v, format: x.f } : { value: x ?? null }
    )
  );
  return sheetFromGrid(name, cells, extra);
}

export function workbook(sheets: SheetSnapshot[], definedNames: DefinedName[] = []): WorkbookSnapshot {
  return { sheets, definedNames };
}

export interface IndicatorRow {
  level?: In;
  data?: In;
  evidence?: In;
}

/**
 * A district (16) or city (20) template in the samples' layout: title rows, header in row 4,
 * `Tiêu chuẩn N` / `Tiêu chí N` / `Chỉ báo N` codes in column A. Returns the rows and, per
 * indicator number, its sheet row. A commune's (15) has `Tiêu chí N` rows and targets `N.k`.
 */
export function template(
  opts: {
    kind?: "district" | "city" | "commune";
    unit?: string;
    indicator?: (n: number) => IndicatorRow;
    header?: string[];
  } = {}
): { rows: In[][]; rowOf: Map<number, number> } {
  if (opts.kind === "commune") return communeTemplate(opts);
  const sizes = opts.kind === "city" ? [3, 4, 3, 4, 4, 2] : [3, 3, 3, 3, 2, 2];
  const rows: In[][] = [
    [opts.unit ?? "ỦY BAN NHÂN DÂN HUYỆN AN LÃO"],
    [opts.kind === "city" ? "BẢNG TỰ ĐÁNH GIÁ THÀNH PHỐ HỌC TẬP" : "BẢNG TỰ ĐÁNH GIÁ HUYỆN HỌC TẬP"],
    [],
    opts.header ?? [
      "TT",
      "Tiêu chuẩn, tiêu chí, chỉ báo",
      "Kết quả thực hiện (số liệu)",
      "Mã minh chứng",
      "Tự đánh giá",
      "Ghi chú",
    ],
  ];
  const rowOf = new Map<number, number>();
  let n = 1;
  sizes.forEach((size, c) => {
    if (c % 2 === 0) rows.push([`Tiêu chuẩn ${c / 2 + 1}`, `Nội dung tiêu chuẩn ${c / 2 + 1}`]);
    rows.push([`Tiêu chí ${c + 1}`, `Nội dung tiêu chí ${c + 1}`]);
    for (let i = 0; i < size; i++, n++) {
      const r = { level: "Mức 2", data: "Có báo cáo", evidence: `H1-${n}`, ...opts.indicator?.(n) };
      rows.push([`Chỉ báo ${n}`, `Nội dung chỉ báo ${n}`, r.data, r.evidence, r.level]);
      rowOf.set(n, rows.length);
    }
  });
  return { rows, rowOf };
}

function communeTemplate(opts: Parameters<typeof template>[0] = {}): ReturnType<typeof template> {
  const rows: In[][] = [
    [opts.unit ?? "UBND XÃ AN HÒA"],
    ["BẢNG TỰ ĐÁNH GIÁ CỘNG ĐỒNG HỌC TẬP CẤP XÃ NĂM 2025"],
    [],
    opts.header ?? ["TT", "Tiêu chí, chỉ tiêu", "Kết quả thực hiện", "Minh chứng", "Tự đánh giá", "Ghi chú"],
  ];
  const rowOf = new Map<number, number>();
  let n = 1;
  // Circular 25/2023's split: criteria 1–5 hold 3, 3, 3, 4 and 2 targets (Điều 6).
  for (let c = 1; c <= 5; c++) {
    rows.push([`Tiêu chí ${c}`, `Nội dung tiêu chí ${c}`]);
    for (let k = 1; k <= [3, 3, 3, 4, 2][c - 1]!; k++, n++) {
      const r = { level: "Mức độ 2", data: "Có báo cáo", evidence: `MC-${n}`, ...opts.indicator?.(n) };
      rows.push([`${c}.${k}`, `Nội dung chỉ tiêu ${c}.${k}`, r.data, r.evidence, r.level]);
      rowOf.set(n, rows.length);
    }
  }
  return { rows, rowOf };
}
