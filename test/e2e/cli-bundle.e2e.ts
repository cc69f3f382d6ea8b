// The built `hoctap` (one bundled file, plus its pool worker; no node_modules needed, ExcelJS
// least of all) run as an officer runs it, answering the same as the sources do in-process.
import { execFileSync, spawnSync } from "node:child_process";
import {
  accessSync,
  constants,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { hoctap } from "../helpers/cli";

const ROOT = join(__dirname, "..", "..");
const BIN = join(ROOT, "lib", "cli", "main.js");
const EXAMPLES = join(ROOT, "test", "fixtures", "examples");
const dir = mkdtempSync(join(tmpdir(), "hoctap-bin-"));

function run(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(BIN, args, { encoding: "utf8", env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test("lib/cli holds the bundle and its worker only, and the bin is executable", () => {
  expect(readdirSync(join(ROOT, "lib", "cli")).sort()).toEqual(["check-worker.js", "main.js"]);
  expect(readFileSync(BIN, "utf8").startsWith("#!/usr/bin/env node")).toBe(true);
  accessSync(BIN, constants.X_OK);
  expect(readFileSync(BIN, "utf8")).not.toMatch(/require\("zod|locales\/(ar|ja|zh)/);
});

test("check and summary of 30 files in two workers answer as the sources do", async () => {
  const files = Array.from({ length: 30 }, (_, i) => {
    const from = join(EXAMPLES, readdirSync(EXAMPLES)[i % 3] as string);
    const to = join(dir, `t${String(i).padStart(2, "0")}.xlsx`);
    copyFileSync(from, to);
    return to;
  });
  for (const args of [
    ["check", ...files, "--json"],
    ["summary", ...files, "--json"],
  ]) {
    const built = run(args, { HOCTAP_WORKERS: "2" });
    const sources = await hoctap(...args);
    expect(built.code).toBe(sources.code);
    expect(JSON.parse(built.stdout)).toEqual(JSON.parse(sources.stdout));
  }
});

test("writing (check --out, clean, template) loads ExcelJS and works", () => {
  const out = join(dir, "ket-qua.xlsx");
  expect(run(["check", join(EXAMPLES, "huyen-an-duong.xlsx"), "--out", out]).code).toBe(0);
  expect(run(["clean", out, "--out", join(dir, "sach.xlsx")]).code).toBe(0);
  expect(run(["template", "--set", "hp-2022-district", "--out", join(dir, "mau.xlsx")]).code).toBe(0);
  expect(run(["check", join(dir, "mau.xlsx"), "--json"]).code).toBe(1);
});

test("a folder holding no workbook and a device each give one line and exit 2", () => {
  const empty = join(dir, "trong");
  mkdirSync(empty);
  for (const bad of [empty, "/dev/zero"]) {
    const r = run(["check", bad]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  }
  expect(execFileSync(BIN, ["frameworks"], { encoding: "utf8" })).toMatch(/hp-2022-district/);
});
