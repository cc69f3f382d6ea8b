// Numbers as officers write them: Vietnamese or English separators, the decimal comma.

/**
 * A number written with Vietnamese or English separators: `1.234,5`, `1,234.5`, `87,5`, `4.700`.
 * A lone comma is a decimal comma; a lone dot is a thousands dot only in groups of three (`4.700`).
 */
export function parseNumberText(text: string): number | null {
  const s = text.replace(/[\s\u00a0]/g, "");
  if (!/^[+-]?[\d.,]+$/.test(s) || !/\d/.test(s)) return null;
  const lastDot = s.lastIndexOf(".");
  const lastComma = s.lastIndexOf(",");
  let normalized: string;
  if (lastDot >= 0 && lastComma >= 0) {
    const decimal = lastDot > lastComma ? "." : ",";
    const thousands = decimal === "." ? "," : ".";
    normalized = s.split(thousands).join("").replace(decimal, ".");
  } else if (lastComma >= 0) {
    if (s.split(",").length > 2)
      normalized = /^[+-]?[1-9]\d{0,2}(,\d{3})+$/.test(s) ? s.replace(/,/g, "") : "";
    else normalized = s.replace(",", ".");
  } else if (lastDot >= 0) {
    normalized = /^[+-]?[1-9]\d{0,2}(\.\d{3})+$/.test(s) ? s.replace(/\./g, "") : s;
  } else {
    normalized = s;
  }
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(normalized)) return null;
  const n = Number(normalized);
  return Number.isFinite(n) ? n : null;
}

/**
 * Vietnamese decimal comma: 1.5 → `1,5`; very large or very small figures as Excel shows them,
 * 1E+308 → `1E+308` (rounding them to six decimals would overflow to Infinity or give 0).
 */
export function formatNumberVi(n: number): string {
  const scientific = n !== 0 && (Math.abs(n) >= 1e15 || Math.abs(n) < 1e-6);
  const text = scientific
    ? Number(n.toPrecision(6)).toExponential().replace("e", "E")
    : String(Math.round(n * 1e6) / 1e6);
  return text.replace(".", ",");
}
