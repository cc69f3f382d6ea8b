// Files written safely: a write killed midway leaves the previous file whole; an interrupted one
// leaves nothing behind; an output that is the input under another name (a symbolic or hard link, a
// linked folder, another letter case where the file system ignores case) is refused.
import { spawn } from "node:child_process";
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

const FIXTURES = join(__dirname, "..", "fixtures");
const EXAMPLE = join(FIXTURES, "examples", "huyen-tien-lang-co-loi.xlsx");
const BIG = join(FIXTURES, "bad", "100000-dong.xlsx");
const MAIN = join(__dirname, "..", "..", "src", "cli", "main.ts");
const dir = mkdtempSync(join(tmpdir(), "hoctap-files-"));

const temps = (d: string) => readdirSync(d).filter((f) => f.startsWith(".~hoctap-"));

/** Runs `hoctap check BIG --out target` in a child and sends `signal` once its temporary file exists. */
function interrupt(
  target: string,
  signal: NodeJS.Signals
): Promise<{ caught: boolean; code: number | null }> {
  const d = join(target, "..");
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", MAIN, "check", BIG, "--out", target], {
      stdio: "ignore",
    });
    let caught = false;
    const poll = setInterval(() => {
      if (!caught && temps(d).length > 0) {
        caught = true;
        child.kill(signal);
      }
    }, 2);
    child.on("exit", (code) => {
      clearInterval(poll);
      resolve({ caught, code });
    });
  });
}

describe("a write interrupted", () => {
  test("killed midway (kill -9): the previous file is whole, only a temporary file is left", async () => {
    const d = join(dir, "kill");
    mkdirSync(d);
    const target = join(d, "ket-qua.xlsx");
    copyFileSync(EXAMPLE, target);
    const before = readFileSync(target);
    let caught = false;
    for (let attempt = 0; attempt < 10 && !caught; attempt++)
      caught = (await interrupt(target, "SIGKILL")).caught;
    expect(caught).toBe(true);
    expect(readFileSync(target).equals(before)).toBe(true);
    expect((await readSnapshot(target)).sheets.map((s) => s.name)).toEqual(["Tu danh gia 2022"]);
    // What a kill -9 leaves is not an .xlsx: a batch over the folder never reads it.
    expect(temps(d).every((f) => f.endsWith(".tmp"))).toBe(true);
  }, 120000);

  test("interrupted (Ctrl-C, kill): a whole workbook, the previous or the new one, and nothing left behind", async () => {
    const d = join(dir, "term");
    mkdirSync(d);
    const target = join(d, "ket-qua.xlsx");
    copyFileSync(EXAMPLE, target);
    const before = readFileSync(target);
    let run = { caught: false, code: null as number | null };
    const codes: (number | null)[] = [];
    for (let attempt = 0; attempt < 10 && !run.caught; attempt++) {
      run = await interrupt(target, "SIGTERM");
      codes.push(run.code);
    }
    expect({ caught: run.caught, codes }).toEqual({ caught: true, codes: expect.any(Array) });
    // Stopped before the rename, or the write ran to its end first (the deflating is one step, and a
    // signal is handled only between steps: exit 143 may come just after the rename): the previous
    // workbook or the whole new one, never a part of one.
    const sheets = (await readSnapshot(target)).sheets.map((s) => s.name);
    if (!readFileSync(target).equals(before)) expect(sheets).toEqual(["Tự đánh giá", "KQ Tự đánh giá"]);
    expect([0, 1, 143]).toContain(run.code);
    expect(temps(d)).toEqual([]);
  }, 120000);

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
