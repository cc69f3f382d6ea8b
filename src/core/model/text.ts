// Folding Vietnamese text for matching: case- and diacritics-insensitive, spaces collapsed.

const CACHE_SIZE = 4096;

/**
 * `fn` remembered for the last few thousand texts: officers' sheets repeat the same few words
 * (`Mức 2`, `Chỉ báo`, headers) thousands of times, and the header search reads each row twice.
 */
export function cachedByText<T>(fn: (text: string) => T): (text: string) => T {
  const seen = new Map<string, T>();
  return (text) => {
    // One look-up for a hit (most calls); a miss, or a remembered undefined, asks again.
    const hit = seen.get(text);
    if (hit !== undefined || seen.has(text)) return hit as T;
    const result = fn(text);
    if (seen.size >= CACHE_SIZE) seen.clear();
    seen.set(text, result);
    return result;
  };
}

// Codes, numbers and English words need no decomposition: most distinct texts of a large table.
const PLAIN_ASCII = /^[\x21-\x7e]*$/;
const foldCached = cachedByText(foldUncached);

export function fold(text: string): string {
  return PLAIN_ASCII.test(text) ? text.toLowerCase() : foldCached(text);
}

function foldUncached(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

const ROMAN: Record<string, number> = { i: 1, v: 5, x: 10, l: 50 };

/** `I`…`XXX` → 1…30; null for anything else. */
export function romanToNumber(text: string): number | null {
  const s = text.trim().toLowerCase();
  if (!/^[ivxl]{1,7}$/.test(s)) return null;
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN[s.charAt(i)] as number;
    const next = ROMAN[s.charAt(i + 1)] ?? 0;
    total += v < next ? -v : v;
  }
  return total; // always positive: the last numeral is always added
}

/** Vietnamese title case, for names: `AN LÃO` → `An Lão`. */
export function titleCase(text: string): string {
  return text
    .toLocaleLowerCase("vi")
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toLocaleUpperCase("vi") + w.slice(1))
    .join(" ");
}
