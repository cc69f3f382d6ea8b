// A child process for the interruption tests: a write through `writeAtomically` that says where it
// stands on stdout and waits there for the parent's signal, so that the test knows, without timing,
// that the signal arrives during the write (`during`), after it (`after`) or with none (`idle`).
import { hookSignals, writeAtomically } from "../../src/writer/files";

const [target, mode] = process.argv.slice(2) as [string, "during" | "after" | "idle"];
const signalled = () =>
  new Promise<void>((resolve) => {
    process.once("SIGINT", () => resolve());
    process.once("SIGTERM", () => resolve());
  });
const keepAlive = () => setInterval(() => undefined, 1000);

async function run(): Promise<void> {
  hookSignals();
  if (mode === "during") {
    await writeAtomically(target, async (write) => {
      write(Buffer.from("the first half of a workbook"));
      const got = signalled();
      const alive = keepAlive(); // a signal listener alone does not keep a process running
      process.stdout.write("ready\n");
      await got;
      clearInterval(alive);
      write(Buffer.from("the second half"));
    });
    process.stdout.write("not stopped\n");
    return;
  }
  if (mode === "after")
    await writeAtomically(target, async (write) => write(Buffer.from("a whole new workbook")));
  keepAlive();
  process.stdout.write("ready\n");
}

void run();
