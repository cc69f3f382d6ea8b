// The table's body: its section and indicator rows, from under the header to its last indicator row.
// Rows are decided by what they are (row-kinds.ts); the table ends where something else begins (a
// signature block, a second table), whatever follows. An indicator may span a merged block of rows.
import { lastRow, rowsBetween, type SheetSnapshot } from "../model/snapshot";
import { maxOf } from "../model/max";
import type { CellReader, TableLayout } from "./header";
import {
  codedRow,
  endsTable,
  filledLikeIndicator,
  isColumnNumbers,
  repeatsHeader,
  RowTexts,
  texts,
  type CodedRow,
  type RowKind,
} from "./row-kinds";

export type { RowKind } from "./row-kinds";

export interface TableRow {
  kind: RowKind;
  row: number;
  /** The last row of the row's merged block (the row itself when it is not merged down). */
  bottom: number;
  /** The code as written (`Chỉ báo 7`, `1.1`, `II`…), or the content's keyword when the code is blank. */
  code: string;
  /** The number the row carries (`Chỉ báo 7` → 7), when it carries one. */
  carried: number | null;
}

export interface TableBody {
  rows: TableRow[];
  /** The table's last row: its last section or indicator row (or block). */
  lastRow: number;
  /** The first row of what follows the table (a signature block, a second table), when there is one. */
  endedAt: number | null;
}

/** Where merged blocks that begin in the code or content column end, by their first row. */
function blockBottoms(sheet: SheetSnapshot, layout: TableLayout): Map<number, number> {
  const keys = [layout.columns.code, layout.columns.content].filter((c): c is number => c !== undefined);
  const bottoms = new Map<number, number>();
  for (const m of sheet.merges) {
    if (m.bottom <= m.top || m.top <= layout.headerRow || !keys.some((c) => c >= m.left && c <= m.right))
      continue;
    bottoms.set(m.top, Math.max(bottoms.get(m.top) ?? m.top, m.bottom));
  }
  return bottoms;
}

type Pending =
  (TableRow & { kind: RowKind }) | (Omit<TableRow, "kind" | "carried"> & CodedRow & { kind: "dotted" });

/** Dotted codes count depth from the deepest (`1`, `1.1`, `1.1.1`: the deepest are indicators). */
function resolveDotted(rows: Pending[]): TableRow[] {
  if (!rows.some((r) => r.kind === "dotted")) return rows as TableRow[];
  const deepest = maxOf(
    rows.map((r) => (r.kind === "dotted" ? r.depth : 0)),
    0
  );
  const kinds: (RowKind | null)[] = ["indicator", "criterion", "standard"];
  return rows.flatMap((r): TableRow[] => {
    if (r.kind !== "dotted") return [r];
    const kind = kinds[deepest - r.depth] ?? null;
    return kind ? [{ kind, row: r.row, bottom: r.bottom, code: r.code, carried: null }] : [];
  });
}

export function readBody(sheet: SheetSnapshot, layout: TableLayout, at: CellReader): TableBody {
  const { code: codeCol, content: contentCol } = layout.columns;
  const header = texts(sheet, at, layout.headerRow);
  const bottoms = blockBottoms(sheet, layout);
  const rows: Pending[] = [];
  let endedAt: number | null = null;
  let consumed = 0;
  const last = layout.lastRow ?? lastRow(sheet);
  const row = new RowTexts();
  for (const r of rowsBetween(sheet, layout.headerRow + layout.headerRows, last)) {
    texts(sheet, at, r, row);
    if (row.size === 0 || isColumnNumbers(row) || repeatsHeader(row, header)) continue;
    const code = codeCol === undefined ? "" : (row.get(codeCol) ?? "");
    const content = contentCol === undefined ? "" : (row.get(contentCol) ?? "");
    const coded = codedRow(code, content);
    // The rest of an indicator's merged block (its figure on the second row) is that indicator's.
    if (!coded && r <= consumed) continue;
    if (!coded && endsTable(row)) {
      endedAt = r;
      break;
    }
    const bottom = bottoms.get(r) ?? r;
    // Placed on the row as it is (an object spread here was half of this loop's time on 100,000 rows).
    if (coded) rows.push(Object.assign(coded, { row: r, bottom }) as Pending);
    else if (filledLikeIndicator(layout, at, r, content))
      rows.push({ kind: "indicator", row: r, bottom, code, carried: null });
    else continue;
    // A section's block (a criterion merged down beside its indicators) holds rows of their own.
    if (!coded || coded.kind === "indicator" || coded.kind === "dotted") consumed = bottom;
  }
  const resolved = resolveDotted(rows);
  const lastTableRow = maxOf(
    resolved.map((r) => r.bottom),
    layout.headerRow + layout.headerRows - 1
  );
  return { rows: resolved, lastRow: lastTableRow, endedAt };
}
