// Where the CLI's words go: the report on stdout; progress, colour and errors on stderr, the
// decorations only on a terminal. Tests pass their own Console.
import { ansi, plain, type Paint } from "./format";

export class UsageError extends Error {}

export interface Progress {
  tick(done: number, label: string): void;
  done(): void;
}

export interface Console {
  out(text: string): void;
  warn(line: string): void;
  error(line: string): void;
  progress(total: number): Progress;
  paint: Paint;
}

const silent: Progress = { tick: () => undefined, done: () => undefined };

export function processConsole(): Console {
  // `hoctap … | head`: the reader went away; stop quietly instead of printing Node's stack trace.
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });
  const tty = Boolean(process.stderr.isTTY);
  const outTty = Boolean(process.stdout.isTTY);
  const colour = (s: string, code: number) => (tty ? `\x1b[${code}m${s}\x1b[39m` : s);
  return {
    out: (text) => process.stdout.write(text),
    warn: (line) => process.stderr.write(`hoctap: ${colour(line, 33)}\n`),
    error: (line) => process.stderr.write(`hoctap: ${colour(line, 31)}\n`),
    paint: outTty ? ansi : plain,
    progress(total) {
      if (!tty || total < 2) return silent;
      const width = 24;
      return {
        tick(done, label) {
          const filled = Math.round((done / total) * width);
          const bar = "█".repeat(filled) + "░".repeat(width - filled);
          process.stderr.write(`\r${bar} ${done}/${total} ${label.slice(-40).padEnd(40)}`);
        },
        done() {
          process.stderr.write(`\r${" ".repeat(width + 50)}\r`);
        },
      };
    },
  };
}
