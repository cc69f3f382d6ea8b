// Runs the hoctap CLI in-process with a captured console.
import { main } from "../../src/cli/main";
import { plain } from "../../src/cli/format";
import type { Console } from "../../src/cli/io";

export interface CliRun {
  code: number;
  stdout: string;
  /** Warnings and errors, one line each. */
  stderr: string[];
  /** Lines for the person at the terminal (skipped files, the closing tally). */
  notes: string[];
  /** What the progress line said, in order. */
  steps: string[];
}

export async function hoctap(...args: string[]): Promise<CliRun> {
  let stdout = "";
  const stderr: string[] = [];
  const notes: string[] = [];
  const steps: string[] = [];
  const io: Console = {
    out: (t) => void (stdout += t),
    warn: (l) => void stderr.push(l),
    error: (l) => void stderr.push(l),
    note: (l) => void notes.push(l),
    progress: () => ({ tick: () => undefined, step: (t) => void steps.push(t), done: () => undefined }),
    paint: plain,
  };
  const code = await main(args, io);
  return { code, stdout, stderr, notes, steps };
}
