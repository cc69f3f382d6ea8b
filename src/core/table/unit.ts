// The unit's name and kind from the rows above the table: the cell (or merged block) that begins
// `ỦY BAN NHÂN DÂN` / `UBND`, never the national motto beside it in the same row.
import { cellText, rowCells, rowsBetween, type SheetSnapshot } from "../model/snapshot";
import { fold, titleCase } from "../model/text";
import type { CellReader } from "./header";
import type { Kind } from "../sets/framework";

const UNIT_TYPES: [RegExp, string][] = [
  [/^thanh pho\b/, "Thành phố"],
  [/^thi xa\b/, "Thị xã"],
  [/^thi tran\b/, "Thị trấn"],
  [/^dac khu\b/, "Đặc khu"],
  [/^huyen\b/, "Huyện"],
  [/^quan\b/, "Quận"],
  [/^tinh\b/, "Tỉnh"],
  [/^phuong\b/, "Phường"],
  [/^xa\b/, "Xã"],
];

const COMMITTEE = /^(uy ban nhan dan|ubnd)(\s+|$)/;
// What may follow the name on the same line or cell: the motto, the office under the committee.
const AFTER_NAME = /\s+(cong hoa xa hoi|doc lap\s*-|phong giao duc|so giao duc).*$/;

/** The text of a row's non-blank cells, left to right (title rows are often merged across). */
export function rowText(at: CellReader, sheet: SheetSnapshot, row: number): string {
  const parts: string[] = [];
  for (const c of rowCells(sheet, row).keys()) {
    const t = cellText(at(row, c).value);
    if (t && parts[parts.length - 1] !== t) parts.push(t);
  }
  return parts.join(" ");
}

/** The title rows above the header, as text (the set's title words are read from them). */
export function titleRows(sheet: SheetSnapshot, at: CellReader, headerRow: number): string[] {
  return [...rowsBetween(sheet, 1, headerRow - 1)].map((r) => rowText(at, sheet, r)).filter(Boolean);
}

/**
 * The lines of the committee's cell: its own lines (a cell may hold `ỦY BAN NHÂN DÂN` and the
 * unit on two lines) and the cell below in the same column, which may continue the name.
 */
export function committeeLines(sheet: SheetSnapshot, at: CellReader, headerRow: number): string[] {
  for (const r of rowsBetween(sheet, 1, headerRow - 1)) {
    for (const c of rowCells(sheet, r).keys()) {
      const text = cellText(at(r, c).value);
      if (!COMMITTEE.test(fold(text))) continue;
      const below = r + 1 < headerRow ? cellText(at(r + 1, c).value) : "";
      return [...text.split(/\r?\n/), ...below.split(/\r?\n/)].map((l) => l.trim()).filter(Boolean);
    }
  }
  return [];
}

function unitOf(rest: string[]): string | null {
  const restFolded = fold(rest.join(" "));
  for (const [re, label] of UNIT_TYPES) {
    const tm = re.exec(restFolded);
    if (tm) {
      const name = titleCase(rest.slice(tm[0].split(" ").length).join(" "));
      return name ? `${label} ${name}` : null;
    }
  }
  return titleCase(rest.join(" ")) || null;
}

const onlyUnitWord = (words: string[]) =>
  /^(thanh pho|thi xa|thi tran|dac khu|huyen|quan|tinh|phuong|xa)$/.test(fold(words.join(" ")));

/**
 * `ỦY BAN NHÂN DÂN HUYỆN AN LÃO` → `Huyện An Lão`. The line after the committee's continues the
 * name only when the committee's line has no name of its own (`ỦY BAN NHÂN DÂN` / `HUYỆN THỦY
 * NGUYÊN`); null when no line names the unit.
 */
export function unitNameFrom(lines: string[]): string | null {
  const i = lines.findIndex((l) => COMMITTEE.test(fold(l)));
  if (i < 0) return null;
  const words = (line: string | undefined) =>
    (line ?? "")
      // A template's placeholder (`ỦY BAN NHÂN DÂN ……… (ghi tên đơn vị)`) names no unit.
      .replace(/\([^)]*\)/g, " ")
      .replace(/[.…_]+/g, " ")
      .trim()
      .split(/\s+/)
      .filter(Boolean);
  const first = words(lines[i]);
  let rest = first.slice(/^ubnd$/i.test(first[0] ?? "") ? 1 : 4);
  const next = words(lines[i + 1]);
  const startsUnit = UNIT_TYPES.some(([re]) => re.test(fold(next.join(" "))));
  if ((rest.length === 0 && startsUnit) || onlyUnitWord(rest)) rest = [...rest, ...next];
  const cut = fold(rest.join(" ")).replace(AFTER_NAME, "");
  rest = rest.slice(0, cut ? cut.split(" ").length : 0);
  return rest.length === 0 ? null : unitOf(rest);
}

/**
 * The kind of unit the title speaks of: `Cộng đồng học tập cấp xã` → commune, `huyện học tập` →
 * district, `thành phố học tập` → city. A hint among others when the set is chosen by shape.
 */
export function kindFromTitles(titles: string[]): Kind | null {
  const f = fold(titles.join(" "));
  if (/cong dong hoc tap|hoc tap cap xa/.test(f)) return /cap tinh/.test(f) ? "province" : "commune";
  if (/don vi hoc tap/.test(f)) return "unit";
  if (/(quan|huyen|thi xa)( ?\/ ?(quan|huyen|thi xa))* hoc tap/.test(f)) return "district";
  if (/(thanh pho|tinh) hoc tap/.test(f)) return "city";
  return null;
}

/** The year assessed, from the title (`… NĂM 2026`); a date line (`ngày … năm 2027`) is not it. */
export function assessmentYear(titles: string[]): number | null {
  for (const t of titles) {
    const f = fold(t);
    const m = /\bnam (20\d\d)\b/.exec(f);
    if (m && !/\bngay\b/.test(f)) return Number(m[1]);
  }
  return null;
}
