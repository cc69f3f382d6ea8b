// The heap a snapshot holds, in a process of its own started with --expose-gc (bench/peers.ts):
// read once (compiled and warm), collect, read again, collect; the difference is the snapshot.
import { readSnapshot } from "../src/reader/read";

declare const gc: () => void;

/** A first read, its snapshot let go: the code compiled, nothing of it kept. */
async function warmUp(path: string): Promise<number> {
  return (await readSnapshot(path)).sheets.length;
}

void (async () => {
  const path = process.argv[2] as string;
  await warmUp(path);
  gc();
  const before = process.memoryUsage().heapUsed;
  const snapshot = await readSnapshot(path);
  gc();
  const held = process.memoryUsage().heapUsed - before;
  let cells = 0;
  for (const s of snapshot.sheets) for (const row of s.rows.values()) cells += row.size;
  const heapMB = Math.round(held / 104857.6) / 10;
  process.stdout.write(JSON.stringify({ cells, heapMB, bytesPerCell: Math.round(held / cells) }));
})();
