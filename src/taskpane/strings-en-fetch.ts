// The pane's English words, fetched from `strings-en.json` beside the page (the build copies it and
// puts this module in place of strings-en.ts). Until they load, or if they cannot, stringsFor()
// gives the Vietnamese table.
import type { Strings } from "./strings";

export const en = {} as Strings;

export async function loadEnglishStrings(url = "strings-en.json"): Promise<void> {
  if (en.appTitle) return;
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  Object.assign(en, (await res.json()) as Strings);
}
