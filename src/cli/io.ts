// Where the CLI's words go: the report on stdout; progress, colour and errors on stderr, the
// decorations only on a terminal. Tests pass their own Console.
import { ansi, plain, type Paint } from "./format";

export class UsageError extends Error {}

export interface Progress {
  tick(done: number, label: string): void;
  /** What is happening now to the current file (reading, checking, writing): long files are not silent. */
  step(text: string): void;
  done(): void;
}

export interface Console {
  out(text: string): void;
  warn(line: string): void;
  error(line: string): void;
  /** A line for the person at the terminal (the closing tally), on stderr: never mixed into --json. */
  note(line: string): void;
  progress(total: number): Progress;
  paint: Paint;
}

const silent: Progress = { tick: () => undefined, step: () => undefined, done: () => undefined };

export function processConsole(): Console {
  // `hoctap … | head`: the reader went away; stop quietly instead of printing Node's stack trace.
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });
  const tty = Boolean(process.stderr.isTTY);
  const outTty = Boolean(process.stdout.isTTY);
  const colour = (s: string, code: number) => (tty ? `\x1b[${code}m${s}\x1b[39m` : s);
  // The progress line is rewritten in place on stderr; anything printed first wipes it.
  let status = false;
  const wipe = () => {
    if (status) process.stderr.write(`\r${" ".repeat(110)}\r`);
    status = false;
  };
  const err = (text: string) => {
    wipe();
    process.stderr.write(text);
  };
  return {
    out: (text) => {
      wipe();
      process.stdout.write(text);
    },
    warn: (line) => err(`hoctap: ${colour(line, 33)}\n`),
    error: (line) => err(`hoctap: ${colour(line, 31)}\n`),
    note: (line) => err(`hoctap: ${line}\n`),
    paint: outTty ? ansi : plain,
    progress(total) {
      if (!tty) return silent;
      const width = 24;
      let bar = "";
      const show = (text: string) => {
        process.stderr.write(`\r${bar}${text.slice(-70).padEnd(70)}`);
        status = true;
      };
      return {
        tick(done, label) {
          const filled = Math.round((done / total) * width);
          if (total > 1) bar = `${"█".repeat(filled)}${"░".repeat(width - filled)} ${done}/${total} `;
          show(label);
        },
        step: show,
        done: wipe,
      };
    },
  };
}
