// Only regular files are read, by the lean reader and the ExcelJS adapter alike: anything else gets
// its own clear answer at once, never a read that does not end.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { WorkbookFileError } from "../../src/reader/file-error";
import { readSnapshot } from "../../src/reader/read";
import { openWorkbook } from "../helpers/exceljs/read";

const dir = mkdtempSync(join(tmpdir(), "hoctap-files-"));
const fifo = join(dir, "pipe.xlsx");
execFileSync("mkfifo", [fifo]);
const empty = join(dir, "empty.xlsx");
writeFileSync(empty, "");

const readers = [
  ["lean reader", (p: string) => readSnapshot(p)],
  ["ExcelJS adapter", (p: string) => openWorkbook(p)],
] as const;

describe.each(readers)("%s", (_name, read) => {
  test.each([
    ["a folder", dir, "folder"],
    ["/dev/zero", "/dev/zero", "not-file"],
    ["a named pipe with no writer", fifo, "not-file"],
    ["a missing file", join(dir, "nope.xlsx"), "not-found"],
    ["a path through a file", join(empty, "x.xlsx"), "not-found"],
    ["an empty file", empty, "empty"],
  ])("%s", async (_what, path, code) => {
    const t = Date.now();
    const e = await read(path).then(
      () => null,
      (err: unknown) => err
    );
    expect(e).toBeInstanceOf(WorkbookFileError);
    expect((e as WorkbookFileError).code).toBe(code);
    expect((e as WorkbookFileError).say("vi")).not.toMatch(/\n/);
    expect(Date.now() - t).toBeLessThan(2000); // never waits for a writer or an end of file
  });
});
