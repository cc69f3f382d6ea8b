// The core's rooms depend one way only: model ← sets ← table ← checks ← plans, with no circle of
// imports anywhere in src/core, so a newcomer can read each room knowing only the rooms before it.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";

const CORE = join(__dirname, "../../src/core");
const ROOMS = ["model", "sets", "table", "checks", "plans"];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return sources(p);
    return p.endsWith(".ts") ? [p] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/(?:from|import)\s+"(\.[^"]+)"/g)]
    .map((m) => normalize(join(dirname(file), m[1] as string)))
    .filter((p) => !p.endsWith(".json"))
    .map((p) => p + ".ts");
}

const files = sources(CORE);
const room = (file: string) => relative(CORE, file).split(/[\\/]/)[0] as string;

test("every core file lives in one of the rooms", () => {
  expect(files.filter((f) => !ROOMS.includes(room(f)))).toEqual([]);
});

test("rooms import only from themselves and the rooms before them", () => {
  const wrong = files.flatMap((f) =>
    importsOf(f)
      .filter((i) => ROOMS.indexOf(room(i)) > ROOMS.indexOf(room(f)))
      .map((i) => `${relative(CORE, f)} → ${relative(CORE, i)}`)
  );
  expect(wrong).toEqual([]);
});

test("no circle of imports", () => {
  const graph = new Map(files.map((f) => [f, importsOf(f)]));
  const state = new Map<string, "open" | "done">();
  const circles: string[] = [];
  const visit = (f: string, path: string[]) => {
    if (state.get(f) === "done") return;
    if (state.get(f) === "open") {
      circles.push([...path.slice(path.indexOf(f)), f].map((x) => relative(CORE, x)).join(" → "));
      return;
    }
    state.set(f, "open");
    for (const i of graph.get(f) ?? []) visit(i, [...path, f]);
    state.set(f, "done");
  };
  for (const f of files) visit(f, []);
  expect(circles).toEqual([]);
});
