// Every hostile file ends in a report or a bound's exit 2 with one clear line, checked or written
// with its results (`check --out`): outcomes only; the
// memory and time each takes are recorded by `npm run bench` (bench/hostile.ts), not asserted.
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { hoctap } from "../helpers/cli";
import { hostileInputs } from "../fixtures/hostile";

const dir = mkdtempSync(join(tmpdir(), "hoctap-hostile-"));

test.each(hostileInputs().map((h) => [h.file, h] as const))(
  "%s",
  async (file, h) => {
    const path = join(dir, file);
    writeFileSync(path, await h.build());
    for (const lang of ["vi", "en"]) {
      const run = await hoctap("check", path, "--json", "--lang", lang);
      expect({ what: h.what, code: run.code }).toEqual({ what: h.what, code: h.expect.exit });
      const results = JSON.parse(run.stdout);
      if (h.expect.exit === 2) {
        expect(results).toEqual([
          { schemaVersion: 1, file: path, error: { code: h.expect.code, message: expect.any(String) } },
        ]);
        expect(run.stderr).toHaveLength(1);
        expect(run.stderr[0]).not.toMatch(/\n|\bat \w+ \(|Error:/);
        if (h.expect.bound)
          expect(run.stderr[0]).toMatch(lang === "vi" ? /giới hạn đọc an toàn/ : /safe reading limit/);
      } else {
        expect(results.map((r: { sheet: string }) => r.sheet)).toEqual(h.expect.sheets);
        expect(results[0].recognition).toBeDefined();
      }
    }
    // Writing the results reads with the same reader: the same answer, a copy for a report, and a
    // line for what had to be left out to stay within Excel's bounds.
    const out = join(dir, `kq-${file}`);
    const written = await hoctap("check", path, "--out", out);
    expect({ what: h.what, code: written.code }).toEqual({ what: h.what, code: h.expect.exit });
    expect(existsSync(out)).toBe(h.expect.exit !== 2);
    expect(written.stderr.join("\n")).not.toMatch(/unexpected|không mong đợi|\bat \w+ \(/);
    if (h.written) expect(written.stderr.some((l) => h.written!.test(l))).toBe(true);
  },
  // A million rows read three times takes tens of seconds on a machine whose cores are busy.
  600000
);
