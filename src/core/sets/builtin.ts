// The built-in criteria sets, kept as JSON data beside this file. They are validated against the
// schema by the tests (test/core/framework.test.ts), not at every start: a broken built-in set is a
// bug in this repository, and the pane then needs no schema library.
import district from "./builtin/hp-2022-district.json";
import city from "./builtin/hp-2022-city.json";
import commune from "./builtin/tt25-2023-xa.json";
import type { Framework } from "./framework";

export const BUILTIN_FRAMEWORKS: readonly Framework[] = [commune, district, city] as unknown as Framework[];

export function builtinFramework(id: string): Framework | undefined {
  return BUILTIN_FRAMEWORKS.find((f) => f.id === id);
}

export function builtinForKind(kind: Framework["kind"]): Framework {
  const fw = BUILTIN_FRAMEWORKS.find((f) => f.kind === kind);
  if (!fw) throw new Error(`No built-in criteria set of kind ${kind}`);
  return fw;
}
