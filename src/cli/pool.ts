// Many files read and checked at once: a small pool of worker threads, each taking the next file
// when it is done; outcomes come back in the order of the files, the same as one at a time. A
// worker costs CPU before it helps (starting, compiling the reader and the check afresh: some
// 0.3–0.5 s), and helps only on a core nothing else uses: workers are started only when the work
// and the free cores pay for them, otherwise everything is checked in this thread.
import { statSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { checkFile, type CheckJob, type CheckOutcome } from "./check-task";

/** Files queued at each worker. */
const IN_HAND = 8;

/** The CPU a file is expected to take, in ms: a fixed part and a part per byte on disk (measured: bench/). */
const FILE_MS = 1;
const BYTES_PER_MS = 25_000;

/** The work that pays for one more thread: well over what starting a worker costs. */
const WORK_PER_THREAD_MS = 2_000;

/** At most this many threads, this one included. */
const MAX_THREADS = 8;

export interface Machine {
  /** Cores this process may use. */
  cores: number;
  /** Runnable processes on average over the last minute (0 where the system does not say). */
  load: number;
}

const thisMachine = (): Machine => ({ cores: availableParallelism(), load: loadavg()[0] ?? 0 });

/**
 * Threads for `files` files of `bytes` bytes in all (this one included; below 2: no pool).
 * HOCTAP_WORKERS decides when set (0 or 1: none). Otherwise one thread per 2 s of expected work, and
 * no more than the cores the machine's load leaves free, this thread's own counted as free.
 */
export function poolSize(files: number, bytes: number, machine: Machine = thisMachine()): number {
  const asked = Number(process.env.HOCTAP_WORKERS);
  if (process.env.HOCTAP_WORKERS && Number.isInteger(asked) && asked >= 0) return Math.min(asked, files);
  const work = files * FILE_MS + bytes / BYTES_PER_MS;
  const free = Math.max(1, Math.floor(machine.cores - machine.load + 1));
  const threads = Math.min(MAX_THREADS, free, machine.cores, 1 + Math.floor(work / WORK_PER_THREAD_MS));
  return threads < 2 ? 0 : Math.min(threads, files);
}

/** Bytes on disk of the jobs' files (one that cannot be read counts nothing: its outcome says why). */
function bytesOf(jobs: readonly CheckJob[]): number {
  let total = 0;
  for (const { file } of jobs) total += statSync(file, { throwIfNoEntry: false })?.size ?? 0;
  return total;
}

function startWorker(): Worker {
  const script = join(__dirname, `check-worker${__filename.endsWith(".ts") ? ".ts" : ".js"}`);
  // From the TypeScript sources (tests, bench), the worker compiles itself through tsx (a
  // development tool: the built CLI never reaches this line).
  if (script.endsWith(".ts")) {
    const tsx = require.resolve(["tsx", "cjs"].join("/"));
    return new Worker(`require(${JSON.stringify(tsx)}); require(${JSON.stringify(script)});`, { eval: true });
  }
  return new Worker(script);
}

/**
 * Checks every job; yields the outcomes in the jobs' order as soon as each is ready. With a pool,
 * this thread checks files too, between handing them out: `size` threads in all work.
 */
export async function* checkAll(jobs: readonly CheckJob[]): AsyncGenerator<CheckOutcome> {
  const size = jobs.length < 2 ? 0 : poolSize(jobs.length, bytesOf(jobs));
  if (size < 2) {
    for (const job of jobs) yield await checkFile(job);
    return;
  }
  const done = new Map<number, CheckOutcome>();
  let wake: (() => void) | null = null;
  let failure: Error | null = null;
  let next = 0;
  const workers = Array.from({ length: size - 1 }, startWorker);
  const feed = (w: Worker) => {
    if (next < jobs.length) {
      const id = next++;
      w.postMessage({ id, job: jobs[id] });
    }
  };
  for (const w of workers) {
    w.on("message", ({ id, outcome }: { id: number; outcome: CheckOutcome }) => {
      done.set(id, outcome);
      feed(w);
      wake?.();
    });
    w.on("error", (e) => {
      failure ??= e;
      wake?.();
    });
    // Files in hand: a worker never waits for this thread (busy with a file of its own) to answer.
    for (let k = 0; k < IN_HAND; k++) feed(w);
  }
  try {
    for (let i = 0; i < jobs.length; i++) {
      while (!done.has(i)) {
        if (failure) throw failure;
        if (next < jobs.length) {
          const id = next++;
          done.set(id, await checkFile(jobs[id] as CheckJob));
          // Let the workers' finished files in before taking another.
          await new Promise<void>((resolve) => setImmediate(resolve));
        } else await new Promise<void>((resolve) => (wake = resolve));
      }
      const outcome = done.get(i) as CheckOutcome;
      done.delete(i);
      yield outcome;
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
