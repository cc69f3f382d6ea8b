// The built-in criteria sets, kept as JSON data beside this file and validated when loaded.
import district from "./builtin/hp-2022-district.json";
import city from "./builtin/hp-2022-city.json";
import { loadFramework, type Framework } from "./framework";

function builtin(data: unknown): Framework {
  const result = loadFramework(data);
  // A broken built-in set is a bug in this repository, caught by the tests.
  if (!result.ok) throw new Error(`Built-in criteria set is invalid: ${result.problems.join("; ")}`);
  return result.framework;
}

export const BUILTIN_FRAMEWORKS: readonly Framework[] = [builtin(district), builtin(city)];

export function builtinFramework(id: string): Framework | undefined {
  return BUILTIN_FRAMEWORKS.find((f) => f.id === id);
}

export function builtinForKind(kind: "district" | "city"): Framework {
  const fw = BUILTIN_FRAMEWORKS.find((f) => f.kind === kind);
  if (!fw) throw new Error(`No built-in criteria set of kind ${kind}`);
  return fw;
}
