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
 * unit on two lines) and the two cells below in the same column, which may continue the name or
 * hold the lower committee (`UBND TỈNH …` above `UBND XÃ …`).
 */
export function committeeLines(sheet: SheetSnapshot, at: CellReader, headerRow: number): string[] {
  for (const r of rowsBetween(sheet, 1, headerRow - 1)) {
    for (const c of rowCells(sheet, r).keys()) {
      const text = cellText(at(r, c).value);
      if (!COMMITTEE.test(fold(text))) continue;
      const below = [r + 1, r + 2].map((b) => (b < headerRow ? cellText(at(b, c).value) : ""));
      return [text, ...below]
        .flatMap((t) => t.split(/\r?\n/))
        .map((l) => l.trim())
        .filter(Boolean);
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

/** The words of a line, a template's placeholder (`ỦY BAN NHÂN DÂN ……… (ghi tên đơn vị)`) left out. */
function words(line: string | undefined): string[] {
  return (line ?? "")
    .replace(/\([^)]*\)/g, " ")
    .replace(/[.…_]+/g, " ")
    .trim()
    .split(/\s+/)
    .filter(Boolean);
}

/** The unit a committee's line at `i` names, with the next line when it continues the name. */
function nameAt(lines: string[], i: number): string | null {
  const first = words(lines[i]);
  let rest = first.slice(/^ubnd$/i.test(first[0] ?? "") ? 1 : 4);
  const nextLine = lines[i + 1] ?? "";
  const next = COMMITTEE.test(fold(nextLine)) ? [] : words(nextLine);
  const startsUnit = UNIT_TYPES.some(([re]) => re.test(fold(next.join(" "))));
  if ((rest.length === 0 && startsUnit) || onlyUnitWord(rest)) rest = [...rest, ...next];
  const cut = fold(rest.join(" ")).replace(AFTER_NAME, "");
  rest = rest.slice(0, cut ? cut.split(" ").length : 0);
  return rest.length === 0 ? null : unitOf(rest);
}

// How low a unit stands: a commune under a district under a province. `Thành phố` is either a
// province's city or a city of the province: below a province, above a district.
const RANK: [RegExp, number][] = [
  [/^(xa|phuong|thi tran|dac khu)\b/, 3],
  [/^(huyen|quan|thi xa)\b/, 2],
  [/^thanh pho\b/, 1.5],
  [/^tinh\b/, 1],
];
const rankOf = (name: string | null): number => {
  const f = fold(name ?? "");
  return RANK.find(([re]) => re.test(f))?.[1] ?? 0;
};
// A line that starts like a unit but is not one (`XÃ HỘI HỌC TẬP`, `HUYỆN ỦY`, `TỈNH ĐOÀN`).
const NOT_A_UNIT = /^(xa hoi|huyen uy|tinh uy|thanh uy|quan uy|tinh doan|huyen doan)\b/;

/** A bare unit line (`XÃ AN HÒA` under `UBND HUYỆN AN LÃO`), or null when the line is no unit. */
function bareUnit(line: string): string | null {
  const w = words(line);
  const f = fold(w.join(" "));
  if (NOT_A_UNIT.test(f) || onlyUnitWord(w) || !UNIT_TYPES.some(([re]) => re.test(f))) return null;
  const cut = f.replace(AFTER_NAME, "");
  return unitOf(w.slice(0, cut ? cut.split(" ").length : 0));
}

/**
 * `ỦY BAN NHÂN DÂN HUYỆN AN LÃO` → `Huyện An Lão`. The line after the committee's continues the
 * name only when the committee's line has no name of its own (`ỦY BAN NHÂN DÂN` / `HUYỆN THỦY
 * NGUYÊN`). Under a higher committee (`UBND TỈNH NINH BÌNH` above `UBND XÃ GIA VIỄN`, or above a
 * bare `XÃ GIA VIỄN`) the lowest one is the unit: a later committee line that names one, or a bare
 * unit line that stands lower than the unit named so far. Null when no line names the unit.
 */
export function unitNameFrom(lines: string[]): string | null {
  let name: string | null = null;
  lines.forEach((l, i) => {
    if (COMMITTEE.test(fold(l))) name = nameAt(lines, i) ?? name;
    else if (name !== null) {
      const lower = bareUnit(l);
      if (lower !== null && rankOf(lower) > rankOf(name)) name = lower;
    }
  });
  return name;
}

/**
 * The kind of unit the title speaks of: `Cộng đồng học tập cấp xã` → commune, `huyện học tập` →
 * district, `thành phố học tập` → city. A hint among others when the set is chosen by shape.
 */
export function kindFromTitles(titles: string[]): Kind | null {
  const f = fold(titles.join(" "));
  if (/cong dong hoc tap|hoc tap cap xa/.test(f))
    return /cap tinh/.test(f) ? "province" : /cap huyen/.test(f) ? "district" : "commune";
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
