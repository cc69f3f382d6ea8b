// The pane's built-in criteria sets: fetched once at start from `sets.json` beside the page, which
// the build writes from the same JSON files (webpack.config.js), so that the sets' words stay data
// outside the pane's JavaScript budget. The build puts this module in place of
// src/core/sets/builtin-list.ts; the list is filled before the pane first renders (index.tsx).
import type { Framework } from "../core/sets/framework";

export const BUILTIN_LIST: Framework[] = [];

export async function loadBuiltinSets(url = "sets.json"): Promise<void> {
  if (BUILTIN_LIST.length > 0) return;
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  BUILTIN_LIST.push(...((await res.json()) as Framework[]));
}
