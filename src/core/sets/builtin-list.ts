// The built-in criteria sets' data, in the pane's and `hoctap frameworks`' order (the order of the
// imports below is the order of the list; the pane's build reads it from here, see webpack.config.js).
// The pane's build puts src/taskpane/builtin-sets.ts in place of this module: the same JSON files
// fetched at start as data, so that they stay out of the pane's JavaScript budget.
import commune from "./builtin/tt25-2023-xa.json";
import district from "./builtin/hp-2022-district.json";
import city from "./builtin/hp-2022-city.json";
import province from "./builtin/tt25-2023-tinh.json";
import districtCommunity from "./builtin/tt25-2023-huyen.json";
import districtUnit from "./builtin/tt24-2023-don-vi-huyen.json";
import provinceUnit from "./builtin/tt24-2023-don-vi-tinh.json";
import type { Framework } from "./framework";

export const BUILTIN_LIST: readonly Framework[] = [
  commune,
  district,
  city,
  province,
  districtCommunity,
  districtUnit,
  provinceUnit,
] as unknown as Framework[];
