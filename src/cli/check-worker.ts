// A worker of the check pool: takes a file, reads and checks it, sends back the outcome.
import { parentPort } from "node:worker_threads";
import { checkFile, type CheckJob } from "./check-task";

parentPort?.on("message", ({ id, job }: { id: number; job: CheckJob }) => {
  void checkFile(job).then((outcome) => parentPort?.postMessage({ id, outcome }));
});
