// The built-in criteria sets, kept as JSON data beside this file. They are validated against the
// schema by the tests (test/core/framework.test.ts), not at every start: a broken built-in set is a
// bug in this repository, and the pane then needs no schema library. The order is the pane's and
// `hoctap frameworks`' order, and breaks ties when a table's shape fits two sets equally.
import { BUILTIN_LIST } from "./builtin-list";
import type { Framework } from "./framework";

export const BUILTIN_FRAMEWORKS: readonly Framework[] = BUILTIN_LIST;

export function builtinFramework(id: string): Framework | undefined {
  return BUILTIN_FRAMEWORKS.find((f) => f.id === id);
}

/** The first built-in set of a kind (the pilot's for `district`, listed before circular 25's). */
export function builtinForKind(kind: Framework["kind"]): Framework {
  const fw = BUILTIN_FRAMEWORKS.find((f) => f.kind === kind);
  if (!fw) throw new Error(`No built-in criteria set of kind ${kind}`);
  return fw;
}

/** `3-3-3-4-2`: how many leaves each criterion holds, in order. */
export function splitOf(fw: Pick<Framework, "criteria">): string {
  return fw.criteria.map((c) => c.indicators.length).join("-");
}
