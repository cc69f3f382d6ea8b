// `hoctap frameworks`: the built-in criteria sets.
import { BUILTIN_FRAMEWORKS } from "../core/sets/builtin";
import { counts } from "../core/sets/framework";
import type { Lang } from "../core/model/lang";
import type { Console } from "./io";

export function frameworkList() {
  return BUILTIN_FRAMEWORKS.map((fw) => ({
    id: fw.id,
    title: fw.title.vi,
    kind: fw.kind,
    ...counts(fw),
    levels: fw.levels.map((l) => l.level),
  }));
}

export function runFrameworks(opts: { json?: boolean; lang: Lang }, io: Console): number {
  const list = frameworkList();
  if (opts.json) {
    io.out(JSON.stringify(list, null, 2) + "\n");
    return 0;
  }
  const vi = opts.lang === "vi";
  for (const f of list) {
    const fw = BUILTIN_FRAMEWORKS.find((x) => x.id === f.id);
    io.out(
      `${f.id}\n  ${fw?.title[opts.lang] ?? f.title}\n  ${vi ? "loại" : "kind"}: ${f.kind}; ` +
        `${f.standards} ${vi ? "tiêu chuẩn" : "standards"}, ${f.criteria} ${vi ? "tiêu chí" : "criteria"}, ` +
        `${f.indicators} ${vi ? "chỉ báo" : "indicators"}; ${vi ? "mức" : "levels"} ${f.levels.join(", ")}\n`
    );
  }
  return 0;
}
