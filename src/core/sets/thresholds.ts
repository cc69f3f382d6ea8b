// Thresholds of a criteria set: read from a criteria sheet (`≥ 70`, `≤ 1,5`, `Có`), written back, met or not.
import type { Threshold } from "./framework";
import { cellText, isBlank, type Cell } from "../model/snapshot";
import { fold } from "../model/text";
import { formatNumberVi, parseNumberText } from "../model/numbers";

export type ThresholdParse = { ok: true; threshold: Threshold | null } | { ok: false; text: string };

const OPS: Record<string, ">=" | ">" | "<=" | "<"> = {
  "≥": ">=",
  ">=": ">=",
  ">": ">",
  "≤": "<=",
  "<=": "<=",
  "<": "<",
};

/** `≥ 70`, `>= 70`, `≥70%`, `≤ 1,5`, `<=3`, `> 50`, `Có`; blank → null (no requirement). */
/** A cell as the officer sees it: `80%` for 0.8 formatted as a percentage, `1,5` for 1.5. */
function shown(cell: Cell): string {
  const v = cell.value;
  if (typeof v !== "number") return cellText(v);
  return /%/.test(cell.format ?? "") ? `${formatNumberVi(v * 100)}%` : formatNumberVi(v);
}

export function parseThreshold(cell: Cell): ThresholdParse {
  const v = cell.value;
  if (isBlank(v)) return { ok: true, threshold: null };
  const t = cellText(v);
  if (/^(co|yes|dat)$/.test(fold(t))) return { ok: true, threshold: { op: "yes" } };
  const m = /^(≥|>=|>|≤|<=|<)\s*(.+?)\s*%?$/.exec(t);
  const value = m ? parseNumberText(String(m[2])) : null;
  if (!m || value === null) return { ok: false, text: shown(cell) };
  return { ok: true, threshold: { op: OPS[String(m[1])] as ">=" | ">" | "<=" | "<", value } };
}

export function formatThreshold(t: Threshold | null): string {
  if (t === null) return "";
  if (t.op === "yes") return "Có";
  const sym = { ">=": "≥", ">": ">", "<=": "≤", "<": "<" }[t.op];
  return `${sym} ${formatNumberVi(t.value)}`;
}

export function meetsThreshold(value: number, t: Threshold): boolean {
  switch (t.op) {
    case "yes":
      return value === 1;
    case ">=":
      return value >= t.value;
    case ">":
      return value > t.value;
    case "<=":
      return value <= t.value;
    case "<":
      return value < t.value;
  }
}
