// hoctap against the well-kept Node readers and the floor, on the same files, process against
// process: CPU time (user + system, every thread), steadier than wall time on a shared machine, in
// paired runs whose order turns each round, so the machine's drift touches every contender alike.
// Alone: `npx tsx bench/peers.ts` after `npm run build:cli` (BENCH_ROUNDS sets the rounds).
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { communeWorkbooks, hoctapArgs, timed, type Timed } from "./cli";

const FLOOR = join(__dirname, "floor.cjs");
const READ_WITH = join(__dirname, "read-with.cjs");

export const PEERS = ["sheetjs", "read-excel-file", "exceljs"] as const;
export type Peer = (typeof PEERS)[number];

interface Contender {
  name: string;
  run: () => Timed;
}

export interface Spread {
  median: number;
  min: number;
  max: number;
}

export interface Figures {
  cpuMs: Spread;
  wallMs: number;
  peakMB: number;
  /** hoctap's CPU ÷ this one's, round by round (the rounds' median, least and most). */
  ratio: Spread;
}

const spread = (xs: number[]): Spread => {
  const s = [...xs].sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 1000) / 1000;
  return { median: r(s[s.length >> 1] as number), min: r(s[0] as number), max: r(s[s.length - 1] as number) };
};

/**
 * Runs every contender once a round, for `rounds` rounds, the order turned by one each round. The
 * first contender is hoctap: each other's ratio is hoctap's CPU over its own in the same round.
 */
export function paired(contenders: Contender[], rounds: number): Record<string, Figures> {
  const runs = contenders.map(() => [] as Timed[]);
  for (let round = 0; round < rounds; round++)
    for (let k = 0; k < contenders.length; k++) {
      const i = (k + round) % contenders.length;
      const t = (contenders[i] as Contender).run();
      if (!Number.isFinite(t.cpuMs)) throw new Error(`${(contenders[i] as Contender).name}: no CPU figure`);
      (runs[i] as Timed[]).push(t);
    }
  const ours = runs[0] as Timed[];
  const out: Record<string, Figures> = {};
  contenders.forEach((c, i) => {
    const rs = runs[i] as Timed[];
    out[c.name] = {
      cpuMs: spread(rs.map((r) => Math.round(r.cpuMs))),
      wallMs: spread(rs.map((r) => Math.round(r.ms))).median,
      peakMB: spread(rs.map((r) => r.peakMB)).median,
      ratio: spread(rs.map((r, j) => (ours[j] as Timed).cpuMs / r.cpuMs)),
    };
  });
  return out;
}

function listFile(files: string[]): string {
  const list = join(mkdtempSync(join(tmpdir(), "hoctap-list-")), "files.json");
  writeFileSync(list, JSON.stringify(files));
  return list;
}

const others = (list: string): Contender[] => [
  { name: "floor", run: () => timed([FLOOR, list]) },
  ...PEERS.map((p) => ({ name: p, run: () => timed([READ_WITH, p, list]) })),
];

export interface Comparison {
  figures: Record<string, Figures>;
  bestPeer: Peer;
  /** hoctap ÷ the best peer, hoctap ÷ the floor: the medians of the per-round ratios. */
  ratioToBestPeer: number;
  ratioToFloor: number;
}

function compared(figures: Record<string, Figures>): Comparison {
  const bestPeer = [...PEERS].sort(
    (a, b) => (figures[a] as Figures).cpuMs.median - (figures[b] as Figures).cpuMs.median
  )[0] as Peer;
  return {
    figures,
    bestPeer,
    ratioToBestPeer: (figures[bestPeer] as Figures).ratio.median,
    ratioToFloor: (figures.floor as Figures).ratio.median,
  };
}

/** `summary --json` of the files: hoctap as it chooses (its pool or not), in one thread, the floor and the peers. */
export function batchAgainstPeers(files: string[], rounds = 5): Comparison {
  const list = listFile(files);
  const args = hoctapArgs(["summary", ...files, "--json"]);
  return compared(
    paired(
      [
        { name: "hoctap", run: () => timed(args) },
        { name: "hoctapOneThread", run: () => timed(args, { HOCTAP_WORKERS: "0" }) },
        ...others(list),
      ],
      rounds
    )
  );
}

/** One sheet of 100,000 rows × 5 columns, written by ExcelJS's streaming writer (inline strings). */
export async function bigSheetFile(): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), "hoctap-big-")), "big.xlsx");
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path });
  const ws = wb.addWorksheet("Tự đánh giá");
  ws.addRow(["TT", "Nội dung", "Số liệu", "Minh chứng", "Tự đánh giá"]).commit();
  for (let i = 1; i < 100000; i++) ws.addRow([`CB${i}`, "nội dung", "có", "H", "Mức 2"]).commit();
  await wb.commit();
  return path;
}

/** `check --json` of one big sheet against the floor and the peers reading it. */
export function bigSheetAgainstPeers(path: string, rounds = 5): Comparison {
  const list = listFile([path]);
  const args = hoctapArgs(["check", path, "--json"]);
  return compared(paired([{ name: "hoctap", run: () => timed(args) }, ...others(list)], rounds));
}

export function say(c: Comparison): string[] {
  const lines: string[] = [];
  for (const [name, f] of Object.entries(c.figures))
    lines.push(
      `${name.padEnd(16)} CPU ${f.cpuMs.median} ms (${f.cpuMs.min}–${f.cpuMs.max}), wall ${f.wallMs} ms, peak ${f.peakMB} MB; hoctap ÷ it ${f.ratio.median} (${f.ratio.min}–${f.ratio.max})`
    );
  lines.push(`best peer ${c.bestPeer}: hoctap ÷ it ${c.ratioToBestPeer}; hoctap ÷ floor ${c.ratioToFloor}`);
  return lines;
}

if (require.main === module) {
  void (async () => {
    const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
    const what = process.argv[2] ?? "both";
    if (what !== "big") {
      const files = await communeWorkbooks(Number(process.env.BENCH_FILES ?? 660));
      console.log(`summary of ${files.length} workbooks`);
      for (const l of say(batchAgainstPeers(files, rounds))) console.log("  " + l);
    }
    if (what !== "batch") {
      console.log("check --json of one 100,000-row sheet");
      for (const l of say(bigSheetAgainstPeers(await bigSheetFile(), rounds))) console.log("  " + l);
    }
  })();
}

/**
 * What a snapshot of the sheet holds, in bytes a cell: the heap after reading it, less the heap
 * before, both after full collections, in a process of its own (bench/held.ts).
 */
export function snapshotBytesPerCell(path: string): { cells: number; heapMB: number; bytesPerCell: number } {
  const r = spawnSync(
    process.execPath,
    ["--expose-gc", "--import", "tsx", join(__dirname, "held.ts"), path],
    {
      encoding: "utf8",
    }
  );
  if (r.status !== 0) throw new Error(`held.ts: ${r.stderr}`);
  return JSON.parse(r.stdout);
}
