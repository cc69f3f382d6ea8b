// Files written safely. An output is written to a temporary file beside it and renamed into place,
// so a write that is killed, runs out of disk or fails leaves the previous file whole (and two runs
// writing one output each leave one whole file). An output is never the input under another name:
// through a symbolic or hard link, a linked folder, or another letter case where the file system
// does not tell cases apart.
import {
  closeSync,
  fsyncSync,
  lstatSync,
  openSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { basename, dirname, join } from "node:path";
import { partBytes, writePackage, type PartOut } from "../package/zip-write";
import { WorkbookFileError } from "../reader/file-error";

/** What the file system can say about itself; tests inject their own. */
export interface FileSystemCheck {
  /** Whether names in this folder are the same file whatever their letter case. */
  caseInsensitive(dir: string): boolean;
}

/** The file system's own answer: a folder reached by another case of its name is the same folder. */
export const nodeFileSystem: FileSystemCheck = {
  caseInsensitive(dir: string): boolean {
    try {
      const real = realpathSync(dir);
      const name = basename(real);
      const swapped = [...name]
        .map((c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()))
        .join("");
      if (swapped === name) return process.platform === "win32" || process.platform === "darwin";
      const other = statSync(join(dirname(real), swapped), { throwIfNoEntry: false });
      const self = statSync(real);
      return other !== undefined && other.ino === self.ino && other.dev === self.dev;
    } catch {
      return process.platform === "win32" || process.platform === "darwin";
    }
  },
};

/** A path as the file system resolves it; for a file not there yet, its folder resolved. */
function resolved(path: string): string | null {
  try {
    return realpathSync(path);
  } catch {
    try {
      return join(realpathSync(dirname(path)), basename(path));
    } catch {
      return null;
    }
  }
}

/** Whether writing `out` would write over `input`: the same file by any name. */
export function sameFile(input: string, out: string, fs: FileSystemCheck = nodeFileSystem): boolean {
  const a = resolved(input);
  const b = resolved(out);
  if (a === null || b === null) return false;
  if (a === b) return true;
  const sa = statSync(a, { throwIfNoEntry: false });
  const sb = statSync(b, { throwIfNoEntry: false });
  if (sa && sb && sa.dev === sb.dev && sa.ino === sb.ino) return true;
  return fs.caseInsensitive(dirname(b)) && a.toLowerCase() === b.toLowerCase();
}

let counter = 0;

/** A temporary name beside `target`; not an `.xlsx`, so a batch never reads a left-over one. */
export function temporaryName(target: string): string {
  const tag = `${process.pid}-${Date.now().toString(36)}-${(counter++).toString(36)}`;
  // Within the 255 bytes a name may have, whatever the target's length: its name cut to fit.
  let chars = [...basename(target)];
  const name = () => `.~hoctap-${chars.join("")}-${tag}.tmp`;
  while (Buffer.byteLength(name()) > NAME_BYTES && chars.length > 0) chars = chars.slice(0, -1);
  return join(dirname(target), name());
}

/** Temporary files being written: removed if the process is interrupted (a kill -9 leaves one, never a broken target). */
const pending = new Set<string>();
let hooked = false;
/** A signal received while a write was in progress: the write stops at its next step. */
let stopping: { signal: NodeJS.Signals; code: number } | null = null;
/** Outputs renamed into place by this process. */
let completed = 0;

/** How an interrupted process ends; tests replace it to stay alive. */
export const interruption = {
  exit: (code: number): void => void process.exit(code),
  /** Told once, before the exit: the output abandoned (null: none in progress) and how many were written. */
  notice: (_abandoned: string | null, _written: number): void => undefined,
};

/** A write abandoned because the process was asked to stop (Ctrl-C, kill): nothing of it written. */
export class WriteInterrupted extends Error {
  constructor(readonly target: string) {
    super("interrupted");
  }
}

function drop(): void {
  for (const p of pending)
    try {
      unlinkSync(p);
    } catch {
      // already gone
    }
  pending.clear();
}

/**
 * 130 (SIGINT) or 143 (SIGTERM) says "interrupted, nothing written"; when an output was already
 * renamed into place by this run, 2 instead (the run did not finish, something was written).
 */
function exitCode(code: number): number {
  return completed > 0 ? 2 : code;
}

/** Ctrl-C and kill end a run cleanly (130 or 143 when nothing was written); a write in progress stops first. */
export function hookSignals(): void {
  if (hooked) return;
  hooked = true;
  process.on("exit", drop);
  for (const [signal, code] of [
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ] as const)
    process.on(signal, () => {
      // A write in progress stops at its next step, removes its temporary file and ends the process.
      if (pending.size > 0) {
        stopping ??= { signal, code };
        return;
      }
      drop();
      interruption.notice(null, completed);
      interruption.exit(exitCode(code));
    });
}

/** Throws once a signal asked the process to stop. */
function checkStop(target: string): void {
  if (stopping) throw new WriteInterrupted(target);
}

/**
 * Writes a file through a temporary one renamed into place; `fill` writes the content. A failure
 * leaves whatever was at `target` as it was and no temporary file; it is a WorkbookFileError naming
 * its cause (`no-space`, `name-too-long`, else `cannot-write`). A SIGINT or SIGTERM during the write
 * stops it before the rename (nothing written) and ends the process with 130 or 143.
 */
export async function writeAtomically(
  target: string,
  fill: (write: (chunk: Uint8Array) => void) => Promise<void>,
  /** Called once the content is written, before the rename: the input it was read from can close. */
  release?: () => void
): Promise<void> {
  hookSignals();
  const tmp = temporaryName(target);
  let fd: number | null = null;
  try {
    if (Buffer.byteLength(basename(target)) > NAME_BYTES)
      throw new WorkbookFileError("name-too-long", target);
    fd = openSync(tmp, "wx", 0o666);
    pending.add(tmp);
    const out = fd;
    await fill((chunk) => {
      checkStop(target);
      let at = 0;
      while (at < chunk.length) at += writeSync(out, chunk, at, chunk.length - at);
    });
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    release?.();
    checkStop(target);
    const was = lstatSync(target, { throwIfNoEntry: false });
    if (was?.isDirectory()) throw new Error("a folder");
    renameSync(tmp, target);
    pending.delete(tmp);
    completed++;
  } catch (e) {
    if (fd !== null) closeSync(fd);
    if (pending.delete(tmp))
      try {
        unlinkSync(tmp);
      } catch {
        // nothing to remove
      }
    if (e instanceof WriteInterrupted || stopping) {
      const stop = stopping as { code: number };
      drop();
      interruption.notice(target, completed);
      interruption.exit(exitCode(stop.code));
      throw new WriteInterrupted(target);
    }
    throw writeError(e, target);
  }
}

/** Most file systems allow 255 bytes in one name; the temporary name is the target's and a tag. */
const NAME_BYTES = 255;

/** A failure to write, by its cause: the disk full, the name too long, else the folder or the rights. */
function writeError(e: unknown, target: string): WorkbookFileError {
  if (e instanceof WorkbookFileError) return e;
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOSPC" || code === "EDQUOT") return new WorkbookFileError("no-space", target);
  if (code === "ENAMETOOLONG") return new WorkbookFileError("name-too-long", target);
  return new WorkbookFileError("cannot-write", target);
}

/** Forgets a stop asked for (tests that interrupt in-process run again). */
export function resetInterruption(): void {
  stopping = null;
  completed = 0;
}

const MACRO_CT = /application\/vnd\.ms-excel\.sheet\.macroEnabled\.main\+xml/i;

/** Whether the package's workbook is macro-enabled, by its content types (what Excel goes by). */
async function macroEnabled(parts: readonly PartOut[]): Promise<boolean> {
  const ct = parts.find((p) => p.name.replace(/^\//, "") === "[Content_Types].xml");
  if (!ct) return false;
  const bytes = "data" in ct ? partBytes(ct.data) : await ct.from.read(ct.source ?? ct.name);
  return MACRO_CT.test(Buffer.from(bytes).toString("utf8"));
}

/**
 * A package's parts written to `target` safely; `release` closes what they were read from, before
 * the rename. Excel opens a macro-enabled workbook only as `.xlsm` and any other only as `.xlsx`:
 * a name that does not match is refused before anything is written.
 */
export async function writePartsTo(
  target: string,
  parts: Iterable<PartOut>,
  release?: () => void
): Promise<void> {
  const list = [...parts];
  if (/\.xls[xm]$/i.test(target)) {
    const macro = await macroEnabled(list);
    if (macro && /\.xlsx$/i.test(target)) throw new WorkbookFileError("macro-name", target);
    if (!macro && /\.xlsm$/i.test(target)) throw new WorkbookFileError("not-macro-name", target);
  }
  return writeAtomically(target, (write) => writePackage(list, write), release);
}
