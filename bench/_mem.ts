import { readFileSync } from "node:fs";
import { checkFile } from "../src/cli/check-task";
const st = () => { const s = readFileSync("/proc/self/status", "utf8"); const g = (k: string) => Math.round(Number(new RegExp(k + ":\\s+(\\d+)").exec(s)?.[1]) / 1024); return `rss ${g("VmRSS")} hwm ${g("VmHWM")} heap ${Math.round(process.memoryUsage().heapUsed / 1048576)} ext ${Math.round(process.memoryUsage().external / 1048576)} ab ${Math.round(process.memoryUsage().arrayBuffers / 1048576)}`; };
void (async () => {
  const path = process.argv[2] as string;
  console.log("start", st());
  const out = await checkFile({ file: path, options: {} as never }, (p) => console.log("phase", p, st()));
  console.log("checked", st());
  const s = JSON.stringify(out, null, 2);
  console.log("json", s.length, st());
})();
