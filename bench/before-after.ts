// This CLI against an earlier build of it, paired, on the bench's two workloads: how a change moved
// the figures. BEFORE names the earlier build's lib/cli/main.js, e.g. after
//   git archive <commit> | tar -x -C /tmp/before && ln -s "$PWD/node_modules" /tmp/before/ &&
//   (cd /tmp/before && npm run build:cli)
// then: BEFORE=/tmp/before/lib/cli/main.js npx tsx bench/before-after.ts  (after npm run build:cli).
import { join } from "node:path";
import { communeWorkbooks, timed } from "./cli";
import { bigSheetFile, paired, type Figures } from "./peers";

/** `hoctap` from a given build, in the wrapper that reports its CPU and peak (as hoctapArgs does). */
function run(bin: string, args: string[], env: Record<string, string> = {}) {
  const io = `{ out() {}, warn() {}, error() {}, note() {}, progress: () => ({ tick() {}, step() {}, done() {} }), paint: { red: (s) => s, yellow: (s) => s, green: (s) => s, bold: (s) => s } }`;
  const report = `{ const u = process.cpuUsage(); process.stdout.write(JSON.stringify({ code, cpuMs: (u.user + u.system) / 1000, maxRSS: Number(/VmHWM:\\s+(\\d+)/.exec(require("fs").readFileSync("/proc/self/status", "utf8"))[1]) })); }`;
  const script = `require(${JSON.stringify(bin)}).main(process.argv.slice(1), ${io}).then((code) => ${report});`;
  return () => timed(["-e", script, ...args], env);
}

function show(title: string, figures: Record<string, Figures>): void {
  console.log(title);
  for (const [name, f] of Object.entries(figures))
    console.log(
      `  ${name.padEnd(16)} CPU ${f.cpuMs.median} ms (${f.cpuMs.min}–${f.cpuMs.max}), peak ${f.peakMB} MB; after ÷ it ${f.ratio.median} (${f.ratio.min}–${f.ratio.max})`
    );
}

void (async () => {
  const before = process.env.BEFORE;
  if (!before) throw new Error("BEFORE: the earlier build's lib/cli/main.js");
  const after = join(__dirname, "..", "lib", "cli", "main.js");
  const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
  const batch = ["summary", ...(await communeWorkbooks(660)), "--json"];
  const one = { HOCTAP_WORKERS: "0" };
  show(
    "summary of 660 workbooks",
    paired(
      [
        { name: "after", run: run(after, batch) },
        { name: "afterOneThread", run: run(after, batch, one) },
        { name: "before", run: run(before, batch) },
        { name: "beforeOneThread", run: run(before, batch, one) },
      ],
      rounds
    )
  );
  const big = ["check", await bigSheetFile(), "--json"];
  show(
    "check --json, 100,000 rows",
    paired(
      [
        { name: "after", run: run(after, big) },
        { name: "before", run: run(before, big) },
      ],
      rounds
    )
  );
})();
