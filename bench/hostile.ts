// The hostile corpus run case by case, each in a process of its own: what hoctap answers to a check
// (the lean reader) and to a check that writes its results (`check --out`: the lean reader and the
// surgical writer), in how long and at what peak memory.
// `npm run bench` runs it; alone: `npx tsx bench/hostile.ts` after `npm run build:cli`.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { hostileInputs } from "../test/fixtures/hostile";
import { hoctapArgs, timed } from "./cli";

export interface HostileResult {
  file: string;
  bytesOnDisk: number;
  lean: { outcome: string; ms: number; peakMB: number };
  written: { outcome: string; ms: number; peakMB: number };
}

function outcomeOf(args: string[]): HostileResult["lean"] {
  const t = timed(hoctapArgs(args));
  return {
    outcome: t.code === 2 ? "exit 2" : t.code === null ? "killed" : `report, exit ${t.code}`,
    ms: Math.round(t.ms),
    peakMB: t.peakMB,
  };
}

export async function hostileCorpus(): Promise<HostileResult[]> {
  const dir = mkdtempSync(join(tmpdir(), "hoctap-hostile-bench-"));
  const results: HostileResult[] = [];
  for (const h of hostileInputs()) {
    const path = join(dir, h.file);
    const bytes = await h.build();
    writeFileSync(path, bytes);
    results.push({
      file: h.file,
      bytesOnDisk: bytes.length,
      lean: outcomeOf(["check", path, "--json"]),
      written: outcomeOf(["check", path, "--out", join(dir, `kq-${h.file}`)]),
    });
  }
  return results;
}

if (require.main === module) {
  void hostileCorpus().then((rs) => {
    for (const r of rs)
      console.log(
        `${r.file.padEnd(26)} ${String(Math.round(r.bytesOnDisk / 1024)).padStart(6)} KB  check: ${r.lean.outcome}, ${r.lean.ms} ms, ${r.lean.peakMB} MB` +
          `  | check --out: ${r.written.outcome}, ${r.written.ms} ms, ${r.written.peakMB} MB`
      );
  });
}
