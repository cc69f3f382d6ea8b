// The built-in criteria sets, kept as JSON data beside this file. They are validated against the
// schema by the tests (test/core/framework.test.ts), not at every start: a broken built-in set is a
// bug in this repository, and the pane then needs no schema library. The order is the pane's and
// `hoctap frameworks`' order, and breaks ties when a table's shape fits two sets equally.
import district from "./builtin/hp-2022-district.json";
import city from "./builtin/hp-2022-city.json";
import commune from "./builtin/tt25-2023-xa.json";
import province from "./builtin/tt25-2023-tinh.json";
import districtCommunity from "./builtin/tt25-2023-huyen.json";
import districtUnit from "./builtin/tt24-2023-don-vi-huyen.json";
import provinceUnit from "./builtin/tt24-2023-don-vi-tinh.json";
import type { Framework } from "./framework";

export const BUILTIN_FRAMEWORKS: readonly Framework[] = [
  commune,
  district,
  city,
  province,
  districtCommunity,
  districtUnit,
  provinceUnit,
] as unknown as Framework[];

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
