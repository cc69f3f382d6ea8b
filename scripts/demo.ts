// `npm run demo` (after `build:cli`): checks the example workbooks and writes copies with the results
// into out/. Three examples carry errors on purpose, so hoctap's exit code 1 is the demo working;
// only 2 (a file not read, a bad command) fails it. A script rather than `|| [ $? -eq 1 ]`, which
// Windows' cmd (npm's shell there) cannot run.
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const ROOT = join(__dirname, "..");
const run = spawnSync(
  process.execPath,
  [join(ROOT, "lib", "cli", "main.js"), "check", join("test", "fixtures", "examples"), "--out-dir", "out"],
  { cwd: ROOT, stdio: "inherit" }
);
process.exitCode = run.status === 0 || run.status === 1 ? 0 : (run.status ?? 2);
