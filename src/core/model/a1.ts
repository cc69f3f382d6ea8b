// A1 addresses: column letters, cells and ranges, 1-based.
import type { RangeRef } from "./snapshot";

export function columnLetters(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}

export function rangeA1(r: RangeRef): string {
  const tl = a1(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? tl : `${tl}:${a1(r.bottom, r.right)}`;
}

/** Parses `B3`, `$B$3`, `B3:F9` (optionally after `Sheet!` or `'Sheet name'!`). Null when not an address. */
export function parseRange(text: string): { sheet?: string; range: RangeRef } | null {
  const m =
    /^(?:(?:'((?:[^']|'')+)'|([^'!]+))!)?\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?$/.exec(
      text.trim()
    );
  if (!m) return null;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  const left = columnNumber(m[3] ?? "");
  const top = Number(m[4]);
  const right = m[5] ? columnNumber(m[5]) : left;
  const bottom = m[6] ? Number(m[6]) : top;
  if (top < 1 || bottom < 1) return null;
  const range = {
    top: Math.min(top, bottom),
    bottom: Math.max(top, bottom),
    left: Math.min(left, right),
    right: Math.max(left, right),
  };
  return sheet === undefined ? { range } : { sheet, range };
}

/** `'Bảng của ''An'''`: a sheet name as a formula writes it (quoted unless a plain identifier). */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** `'Sheet name'!$A$1:$B$2`, quoting the sheet name as Excel does. */
export function qualifiedRange(sheet: string, r: RangeRef): string {
  const abs = (row: number, col: number) => `$${columnLetters(col)}$${row}`;
  const cells =
    r.top === r.bottom && r.left === r.right
      ? abs(r.top, r.left)
      : `${abs(r.top, r.left)}:${abs(r.bottom, r.right)}`;
  return `${quoteSheetName(sheet)}!${cells}`;
}

export function contains(r: RangeRef, row: number, col: number): boolean {
  return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
}
