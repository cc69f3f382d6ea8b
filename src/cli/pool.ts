// Many files read and checked at once: a small pool of worker threads (one per core), each taking
// the next file when it is done; outcomes come back in the order of the files, the same as one at a
// time. A few files are checked in this thread: starting workers costs more than it saves.
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { checkFile, type CheckJob, type CheckOutcome } from "./check-task";

/** Files queued at each worker. */
const IN_HAND = 8;

/** Below this many files, one thread is faster than starting workers. */
export const POOL_MIN_FILES = 24;

/** Workers for `files` files: HOCTAP_WORKERS when set (0 or 1: none), else one per core, up to 8. */
export function poolSize(files: number): number {
  const asked = Number(process.env.HOCTAP_WORKERS);
  const size = Number.isInteger(asked) && asked >= 0 ? asked : Math.min(availableParallelism(), 8);
  return files >= POOL_MIN_FILES || process.env.HOCTAP_WORKERS ? Math.min(size, files) : 0;
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
  const size = poolSize(jobs.length);
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
