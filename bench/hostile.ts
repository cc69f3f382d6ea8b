// The hostile corpus run case by case, each in a process of its own: what hoctap (the lean reader)
// answers, in how long and at what peak memory; and, where it is safe to try on a shared machine,
// what the ExcelJS path did with the same file (check --out, 1 GB heap, 60 s at most).
// `npm run bench` runs it; alone: `npx tsx bench/hostile.ts` after `npm run build:cli`.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { hostileInputs } from "../test/fixtures/hostile";
import { hoctapArgs, timed } from "./cli";

export interface HostileResult {
  file: string;
  bytesOnDisk: number;
  lean: { outcome: string; ms: number; peakMB: number };
  exceljs?: { outcome: string; ms: number };
}

function leanOutcome(file: string): HostileResult["lean"] {
  const t = timed(hoctapArgs(["check", file, "--json"]));
  return {
    outcome: t.code === 2 ? "exit 2" : t.code === null ? "killed" : `report, exit ${t.code}`,
    ms: Math.round(t.ms),
    peakMB: t.peakMB,
  };
}

function exceljsOutcome(file: string, dir: string): NonNullable<HostileResult["exceljs"]> {
  const started = process.hrtime.bigint();
  const r = spawnSync(
    process.execPath,
    [
      "--max-old-space-size=1024",
      join(__dirname, "..", "lib", "cli", "main.js"),
      "check",
      file,
      "--out",
      join(dir, "out.xlsx"),
    ],
    { encoding: "utf8", timeout: 60000 }
  );
  const ms = Math.round(Number(process.hrtime.bigint() - started) / 1e6);
  const outcome =
    r.error && (r.error as NodeJS.ErrnoException).code === "ETIMEDOUT"
      ? "still running after 60 s"
      : r.status === null
        ? `crashed (${r.signal ?? "signal"})`
        : /heap out of memory|FATAL/.test(r.stderr)
          ? "crashed (out of memory)"
          : `exit ${r.status}${r.stderr.includes("\n    at ") ? " with a stack trace" : ""}`;
  return { outcome, ms };
}

export async function hostileCorpus(): Promise<HostileResult[]> {
  const dir = mkdtempSync(join(tmpdir(), "hoctap-hostile-bench-"));
  const results: HostileResult[] = [];
  for (const h of hostileInputs()) {
    const path = join(dir, h.file);
    const bytes = await h.build();
    writeFileSync(path, bytes);
    const result: HostileResult = { file: h.file, bytesOnDisk: bytes.length, lean: leanOutcome(path) };
    if (h.exceljs) result.exceljs = exceljsOutcome(path, dir);
    results.push(result);
  }
  return results;
}

if (require.main === module) {
  void hostileCorpus().then((rs) => {
    for (const r of rs)
      console.log(
        `${r.file.padEnd(26)} ${String(Math.round(r.bytesOnDisk / 1024)).padStart(6)} KB  hoctap: ${r.lean.outcome}, ${r.lean.ms} ms, ${r.lean.peakMB} MB` +
          (r.exceljs ? `  | ExcelJS path: ${r.exceljs.outcome}, ${r.exceljs.ms} ms` : "")
      );
  });
}
