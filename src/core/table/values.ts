// Reading the figures officers report, and the threshold expressions of a criteria sheet.
// Percentages are always in percentage points: 0.875 formatted `0.0%` → 87.5; `87,5%` → 87.5; `35/40` → 87.5.
import type { Measure } from "../sets/framework";
import { parseNumberText } from "../model/numbers";
import { cellText, isBlank, isCellError, type Cell } from "../model/snapshot";
import { fold } from "../model/text";

export type ValueParse =
  /** `alternative`: a plain 0 < x ≤ 1 for a percentage may mean x % (`value`) or 100·x % (this). */
  | { ok: true; value: number; alternative?: number }
  | { ok: false; problem: "blank" }
  | { ok: false; problem: "formula-error"; error: string }
  | { ok: false; problem: "not-a-number"; text: string }
  | { ok: false; problem: "out-of-range"; value: number };

function isPercentFormat(format: string | undefined): boolean {
  // `0.0%` but not a literal "%" in quotes such as `0" %"`.
  return !!format && /%/.test(format.replace(/"[^"]*"/g, ""));
}

function parseYesNo(cell: Cell): ValueParse {
  const v = cell.value;
  if (typeof v === "boolean") return { ok: true, value: v ? 1 : 0 };
  const f = fold(cellText(v));
  if (/^(co|dat|yes|x|1|true)$/.test(f)) return { ok: true, value: 1 };
  if (/^(khong|chua|chua co|khong dat|no|0|false)$/.test(f)) return { ok: true, value: 0 };
  return { ok: false, problem: "not-a-number", text: cellText(v) };
}

/** A figure for an indicator of the given measure (`level` indicators are never parsed). */
export function parseValue(cell: Cell, measure: Exclude<Measure, "level">): ValueParse {
  const v = cell.value;
  if (isBlank(v)) return { ok: false, problem: "blank" };
  if (isCellError(v)) return { ok: false, problem: "formula-error", error: v.error };
  if (measure === "yesno") return parseYesNo(cell);
  let n: number | null = null;
  let fromFraction = false;
  let percentMarked = false;
  if (typeof v === "number") {
    n = measure === "percent" && isPercentFormat(cell.format) ? v * 100 : v;
    percentMarked = measure === "percent" && isPercentFormat(cell.format);
  } else if (typeof v === "string") {
    const t = v.trim();
    const frac = /^([\d.,\s]+)\/([\d.,\s]+)$/.exec(t);
    if (frac && measure === "percent") {
      const a = parseNumberText(String(frac[1]));
      const b = parseNumberText(String(frac[2]));
      if (a !== null && b !== null && b !== 0) {
        n = (a / b) * 100;
        fromFraction = true;
      }
    } else if (measure === "percent" && /%$/.test(t)) {
      n = parseNumberText(t.slice(0, -1));
      percentMarked = true;
    } else {
      n = parseNumberText(t);
    }
  }
  if (n === null) return { ok: false, problem: "not-a-number", text: cellText(v) };
  // 1E+308 in a percentage cell is past any number: out of range, said with the figure as written.
  if (!Number.isFinite(n))
    return { ok: false, problem: "out-of-range", value: typeof v === "number" ? v : n };
  if (Math.abs(n) < 1e15) n = Math.round(n * 1e9) / 1e9; // 0.955 * 100 must read 95.5, not 95.49999999999999
  if (measure === "percent" && (n < 0 || n > 100)) return { ok: false, problem: "out-of-range", value: n };
  if (measure === "number" && n < 0) return { ok: false, problem: "out-of-range", value: n };
  if (measure === "percent" && !percentMarked && !fromFraction && n > 0 && n <= 1) {
    return { ok: true, value: n, alternative: Math.round(n * 100 * 1e9) / 1e9 };
  }
  return { ok: true, value: n };
}
