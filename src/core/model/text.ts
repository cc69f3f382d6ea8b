// Folding Vietnamese text for matching: case- and diacritics-insensitive, spaces collapsed.

/** Slots of a text memory: a power of two. */
const CACHE_SLOTS = 8192;

/** A text's slot (before masking): its length and four of its letters, mixed. */
function slotOf(text: string): number {
  const n = text.length;
  if (n === 0) return 0;
  let h = n * 0x9e3779b1;
  h = Math.imul(h ^ text.charCodeAt(0), 0x85ebca6b);
  h = Math.imul(h ^ text.charCodeAt(n >> 1), 0xc2b2ae35);
  h = Math.imul(h ^ text.charCodeAt(n - 1), 0x27d4eb2f);
  h = Math.imul(h ^ text.charCodeAt(n >> 2), 0x165667b1);
  return h ^ (h >>> 15);
}

/**
 * `fn` remembered for the texts met lately: officers' sheets repeat the same few words (`Mức 2`,
 * `Chỉ báo`, headers) thousands of times, and the header search reads each row twice. A table of
 * slots, each the last text met there: no hashing of the whole text, nothing to clear, a batch's
 * ever-new texts (unit names, figures) only take a slot from another.
 */
export function cachedByText<T>(fn: (text: string) => T): (text: string) => T {
  const keys: (string | undefined)[] = new Array(CACHE_SLOTS);
  const values: T[] = new Array(CACHE_SLOTS);
  return (text) => {
    const slot = slotOf(text) & (CACHE_SLOTS - 1);
    if (keys[slot] === text) return values[slot] as T;
    const result = fn(text);
    keys[slot] = text;
    values[slot] = result;
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
