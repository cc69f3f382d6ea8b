// `npm run package`: the folder an office's IT copies to Windows machines — what it holds, the
// launcher's text (there is no cmd.exe here: its lines are checked, not run), the guide, and the
// copied folder running on its own, far from this repository and its node_modules.
import { spawnSync } from "node:child_process";
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { writePackage } from "../../scripts/package";

const ROOT = join(__dirname, "..", "..");
const out = mkdtempSync(join(tmpdir(), "hoctap-release-"));
const folder = writePackage(ROOT, out);
const read = (name: string) => readFileSync(join(folder, name));

test("the folder holds the two built files as built, the launcher and the guide; the zip the same", () => {
  expect(readdirSync(folder).sort()).toEqual(["HUONG-DAN.txt", "check-worker.js", "hoctap.cmd", "main.js"]);
  for (const built of ["main.js", "check-worker.js"])
    expect(read(built).equals(readFileSync(join(ROOT, "lib", "cli", built)))).toBe(true);
  const zipped = unzipSync(readFileSync(join(out, "hoctap.zip")));
  expect(Object.keys(zipped).sort()).toEqual(
    ["HUONG-DAN.txt", "check-worker.js", "hoctap.cmd", "main.js"].map((n) => `hoctap/${n}`)
  );
  for (const [name, bytes] of Object.entries(zipped))
    expect(Buffer.from(bytes).equals(read(name.slice("hoctap/".length)))).toBe(true);
});

test("hoctap.cmd: a batch file cmd reads right, that finds Node.js and passes on the exit code", () => {
  const bytes = read("hoctap.cmd");
  const text = bytes.toString("utf8");
  // CRLF throughout, no byte order mark (cmd would take it for part of the first command).
  expect(bytes[0]).toBe("@".charCodeAt(0));
  expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  const lines = text.split("\r\n");
  expect(lines[0]).toBe("@echo off");
  // Everything before the first Vietnamese message is ASCII: read in whatever code page the officer has.
  const firstWords = lines.findIndex((l) => /[^ -~]/.test(l));
  expect(lines[firstWords - 1]).toBe("call :utf8");
  // Node.js: beside the launcher first (no installation rights), then PATH, then the installers' folders.
  const found = lines.flatMap((l) => /set "HOCTAP_NODE=([^"]*)"/.exec(l)?.[1] ?? []);
  expect(found).toEqual([
    "",
    "%~dp0node.exe",
    "%%~$PATH:N",
    "%ProgramFiles%\\nodejs\\node.exe",
    "%ProgramFiles(x86)%\\nodejs\\node.exe",
    "%LOCALAPPDATA%\\Programs\\nodejs\\node.exe",
    "%NVM_SYMLINK%\\node.exe",
  ]);
  expect(lines).toContain('"%HOCTAP_NODE%" "%~dp0main.js" %*');
  expect(lines[lines.indexOf('"%HOCTAP_NODE%" "%~dp0main.js" %*') + 1]).toBe("exit /b %ERRORLEVEL%");
  // Too old a Node.js is said, not left to fail on the bundle's syntax.
  expect(text).toContain("< 20 ? 1 : 0");
  // Every goto and call has its label; every message goes to stderr and ends in exit 2.
  const labels = new Set(lines.filter((l) => l.startsWith(":")).map((l) => l.slice(1)));
  for (const target of text.matchAll(/(?:goto |call :)(\w+)/g)) expect(labels.has(target[1]!)).toBe(true);
  for (const l of lines.filter((l) => l.startsWith("echo hoctap:"))) expect(l.endsWith(" 1>&2")).toBe(true);
  expect(text).toMatch(/không tìm thấy Node\.js[^\r]*https:\/\/nodejs\.org[^\r]*HUONG-DAN\.txt/);
  // The officer's code page is given back.
  expect(text).toContain("chcp %HOCTAP_CP% >nul");
  // A double click (cmd /c, no arguments): the help, a line on how to open Command Prompt, a pause;
  // from a prompt, no arguments go on to hoctap as any others.
  const clicked = lines.indexOf(":clicked");
  expect(lines).toContain('if /i not "!HOCTAP_LINE:/c =!"=="!HOCTAP_LINE!" set "HOCTAP_CLICKED=1"');
  expect(lines).toContain('endlocal & set "HOCTAP_CLICKED=%HOCTAP_CLICKED%"');
  expect(lines.slice(clicked, clicked + 4)).toEqual([
    ":clicked",
    '"%HOCTAP_NODE%" "%~dp0main.js" --help',
    "echo.",
    "call :utf8",
  ]);
  expect(lines.slice(clicked).join("\n")).toMatch(/bấm đúp[\s\S]*gõ cmd[\s\S]*^pause$/m);
});

test("HUONG-DAN.txt: one page in Vietnamese, for Notepad (BOM, CRLF), saying every step", () => {
  const bytes = read("HUONG-DAN.txt");
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString("utf8").slice(1);
  expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  const lines = text.split("\r\n");
  expect(lines.length).toBeLessThanOrEqual(66);
  expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(100);
  for (const step of [
    "https://nodejs.org",
    "gõ cmd",
    'C:\\hoctap\\hoctap check "D:\\Nop bai"',
    "ngoặc kép",
    "--out-dir",
    "Mã thoát",
    "hoctap --help",
    "node.exe",
  ])
    expect(text).toContain(step);
});

test("the copied folder runs on its own: help, a check, a batch through the worker pool", () => {
  // Another machine: a folder with nothing around it, no node_modules above, under a path with spaces.
  const machine = mkdtempSync(join(tmpdir(), "hoctap-machine-"));
  const copied = join(machine, "Phan mem", "hoctap");
  cpSync(folder, copied, { recursive: true });
  const main = join(copied, "main.js");
  const run = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [main, ...args], {
      cwd: machine,
      encoding: "utf8",
      env: { ...process.env, NODE_PATH: "", ...env },
    });
  const help = run(["--help"]);
  expect(help.status).toBe(0);
  expect(help.stdout).toContain("Cách dùng / Usage: hoctap");
  const submissions = join(machine, "Nop bai");
  mkdirSync(submissions);
  const examples = join(ROOT, "test", "fixtures", "examples");
  const names = readdirSync(examples).filter((f) => f.endsWith(".xlsx"));
  for (let i = 0; i < 26; i++)
    copyFileSync(join(examples, names[i % names.length]!), join(submissions, `Don vi ${i + 1}.xlsx`));
  const one = run(["check", join(submissions, "Don vi 1.xlsx")]);
  expect(one.stderr).toBe("");
  expect(one.stdout).toContain("— trang tính “");
  const batch = run(["check", submissions], { HOCTAP_WORKERS: "2" });
  expect([0, 1]).toContain(batch.status);
  expect(batch.stdout).toMatch(/26 tệp: \d+ không lỗi, \d+ có lỗi, 0 không đọc được/);
});
