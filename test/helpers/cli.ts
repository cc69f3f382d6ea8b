// Runs the hoctap CLI in-process with a captured console.
import { main } from "../../src/cli/main";
import { plain } from "../../src/cli/format";
import type { Console } from "../../src/cli/io";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string[];
}

export async function hoctap(...args: string[]): Promise<CliRun> {
  let stdout = "";
  const stderr: string[] = [];
  const io: Console = {
    out: (t) => void (stdout += t),
    warn: (l) => void stderr.push(l),
    error: (l) => void stderr.push(l),
    progress: () => ({ tick: () => undefined, done: () => undefined }),
    paint: plain,
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}
