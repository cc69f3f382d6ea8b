// Files written safely: a write killed midway leaves the previous file whole; an interrupted one
// leaves nothing behind; an output that is the input under another name (a symbolic or hard link, a
// linked folder, another letter case where the file system ignores case) is refused.
import { execFileSync, spawn } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { refuseInputAsOutput } from "../../src/cli/output";
import { UsageError } from "../../src/cli/io";
import { readSnapshot } from "../../src/reader/read";
import { sameFile, writeAtomically } from "../../src/writer/files";
import { hoctap } from "../helpers/cli";
import type { WorkbookFileError } from "../../src/reader/file-error";

const FIXTURES = join(__dirname, "..", "fixtures");
const EXAMPLE = join(FIXTURES, "examples", "huyen-tien-lang-co-loi.xlsx");
const dir = mkdtempSync(join(tmpdir(), "hoctap-files-"));

const temps = (d: string) => readdirSync(d).filter((f) => f.startsWith(".~hoctap-"));

const CHILD_SOURCE = join(__dirname, "..", "helpers", "interrupt-child.ts");
const CHILD = join(dir, "interrupt-child.js");
// Bundled as the CLI is (esbuild, plain node): no loader of its own listening for signals.
beforeAll(() => {
  execFileSync(
    join(__dirname, "..", "..", "node_modules", ".bin", "esbuild"),
    [
      CHILD_SOURCE,
      "--bundle",
      "--platform=node",
      "--target=node20",
      `--outfile=${CHILD}`,
      "--log-level=warning",
    ],
    { stdio: "pipe" }
  );
}, 120000);

/**
 * Runs a write in a child (test/helpers/interrupt-child.ts) and sends `signal` once it says it is
 * `ready`: during the write (it waits for the signal there), after it, or with no write at all.
 */
function interrupt(
  target: string,
  mode: "during" | "after" | "idle",
  signal: NodeJS.Signals
): Promise<{ code: number | null; killed: NodeJS.Signals | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CHILD, target, mode], {
      stdio: ["ignore", "pipe", "ignore"],
    });
    let stdout = "";
    child.stdout.on("data", (d: Buffer) => {
      stdout += d.toString("utf8");
      if (stdout.includes("ready\n") && !child.killed) child.kill(signal);
    });
    child.on("exit", (code, killed) => resolve({ code, killed, stdout }));
  });
}

/** A folder holding `ket-qua.xlsx` as it was before the write. */
function before(name: string): { d: string; target: string; was: Buffer } {
  const d = join(dir, name);
  mkdirSync(d);
  const target = join(d, "ket-qua.xlsx");
  copyFileSync(EXAMPLE, target);
  return { d, target, was: readFileSync(target) };
}

describe("a write interrupted (no timing: the child waits for the signal where the test wants it)", () => {
  test("killed midway (kill -9): the previous file is whole, only a temporary file is left", async () => {
    const { d, target, was } = before("kill");
    const run = await interrupt(target, "during", "SIGKILL");
    expect(run.killed).toBe("SIGKILL");
    expect(readFileSync(target).equals(was)).toBe(true);
    expect((await readSnapshot(target)).sheets.map((s) => s.name)).toEqual(["Tu danh gia 2022"]);
    // What a kill -9 leaves is not an .xlsx: a batch over the folder never reads it.
    expect(temps(d)).toHaveLength(1);
    expect(temps(d).every((f) => f.endsWith(".tmp"))).toBe(true);
  }, 180000);

  test.each([
    ["SIGTERM", 143],
    ["SIGINT", 130],
  ] as const)(
    "%s during the write: the write stops, the previous file whole, nothing left, exit %i",
    async (signal, code) => {
      const { d, target, was } = before(`during-${signal}`);
      const run = await interrupt(target, "during", signal);
      expect({ code: run.code, stopped: !run.stdout.includes("not stopped") }).toEqual({
        code,
        stopped: true,
      });
      expect(readFileSync(target).equals(was)).toBe(true);
      expect(temps(d)).toEqual([]);
    },
    180000
  );

  test("a signal once the output is in place: it stays whole, and the exit is not 'nothing written' (2)", async () => {
    const { d, target } = before("after");
    const run = await interrupt(target, "after", "SIGTERM");
    expect(run.code).toBe(2);
    expect(readFileSync(target, "utf8")).toBe("a whole new workbook");
    expect(temps(d)).toEqual([]);
  }, 180000);

  test("a signal with no write at all: 130, nothing written", async () => {
    const { target, was } = before("idle");
    const run = await interrupt(target, "idle", "SIGINT");
    expect(run.code).toBe(130);
    expect(readFileSync(target).equals(was)).toBe(true);
  }, 180000);

  test("a write that fails leaves the previous file as it was, and no temporary file", async () => {
    const target = join(dir, "fails.xlsx");
    writeFileSync(target, "before");
    await expect(
      writeAtomically(target, async (write) => {
        write(Buffer.from("half"));
        throw new Error("disk full");
      })
    ).rejects.toMatchObject({ code: "cannot-write" });
    expect(readFileSync(target, "utf8")).toBe("before");
    expect(temps(dir)).toEqual([]);
  });

  test("each failure says its own cause: a full disk, a name past 255 bytes", async () => {
    const target = join(dir, "day.xlsx");
    await expect(
      writeAtomically(target, async () => {
        throw Object.assign(new Error("write"), { code: "ENOSPC" });
      })
    ).rejects.toMatchObject({ code: "no-space" });
    const long = join(dir, `${"Bảng tự đánh giá ".repeat(16)}.xlsx`);
    const failure = await writeAtomically(long, async (write) => write(Buffer.from("x"))).catch((e) => e);
    expect(failure).toMatchObject({ code: "name-too-long" });
    expect((failure as WorkbookFileError).say("vi")).toMatch(/tên tệp quá dài/);
    // A name that fits has a temporary name that fits too, however long.
    const fits = join(dir, `${"a".repeat(250)}.xlsx`);
    await writeAtomically(fits, async (write) => write(Buffer.from("x")));
    expect(readFileSync(fits, "utf8")).toBe("x");
    expect(temps(dir)).toEqual([]);
  });

  test("two runs writing one output at once leave one whole file", async () => {
    const out = join(dir, "cung-luc.xlsx");
    const runs = await Promise.all(Array.from({ length: 4 }, () => hoctap("check", EXAMPLE, "--out", out)));
    expect(runs.map((r) => r.code)).toEqual([1, 1, 1, 1]);
    expect((await readSnapshot(out)).sheets.map((s) => s.name)).toEqual([
      "Tu danh gia 2022",
      "KQ Tu danh gia 2022",
    ]);
    expect(temps(dir)).toEqual([]);
  });
});

describe("the input is never an output", () => {
  const d = join(dir, "same");
  const input = join(d, "Bang.xlsx");
  beforeAll(() => {
    mkdirSync(d);
    copyFileSync(EXAMPLE, input);
  });

  test.each([
    ["a symbolic link to it", () => (symlinkSync(input, join(d, "lien-ket.xlsx")), join(d, "lien-ket.xlsx"))],
    ["a hard link to it", () => (linkSync(input, join(d, "cung.xlsx")), join(d, "cung.xlsx"))],
    [
      "it through a linked folder",
      () => (symlinkSync(d, join(dir, "thu-muc")), join(dir, "thu-muc", "Bang.xlsx")),
    ],
    ["it with a ./ and ..", () => join(d, "..", "same", ".", "Bang.xlsx")],
  ])("%s: refused, the input untouched", async (_what, make) => {
    const before = readFileSync(input);
    const out = make();
    for (const args of [
      ["check", input, "--out", out],
      ["clean", input, "--out", out],
      ["summary", EXAMPLE, input, "--out", out],
    ]) {
      const run = await hoctap(...args);
      expect(run.code).toBe(2);
      expect(run.stderr.join("\n")).toContain("chính là tệp đầu vào");
    }
    expect(readFileSync(input).equals(before)).toBe(true);
  });

  test("summary A B --out A is refused", async () => {
    const before = readFileSync(input);
    const run = await hoctap("summary", input, EXAMPLE, "--out", input);
    expect(run).toMatchObject({ code: 2 });
    expect(run.stderr).toEqual([
      `tệp kết quả “${input}” chính là tệp đầu vào “${input}” (cùng một tệp, dù qua đường dẫn khác): tệp của cán bộ không bao giờ bị ghi đè, hãy chọn tên khác`,
    ]);
    expect(readFileSync(input).equals(before)).toBe(true);
  });

  test("another letter case is the same file where the file system says so (an injected check)", () => {
    const upper = join(d, "BANG.xlsx");
    expect(existsSync(upper)).toBe(false); // this file system tells cases apart
    expect(sameFile(input, upper)).toBe(false);
    const insensitive = { caseInsensitive: () => true };
    expect(sameFile(input, upper, insensitive)).toBe(true);
    expect(sameFile(input, join(d, "khac.xlsx"), insensitive)).toBe(false);
    expect(() => refuseInputAsOutput([input], upper, "en", insensitive)).toThrow(UsageError);
    expect(() => refuseInputAsOutput([input], upper, "en", { caseInsensitive: () => false })).not.toThrow();
  });
});
