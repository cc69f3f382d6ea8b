// Opening a workbook file: only regular files are read. A folder, a device such as /dev/zero or a
// named pipe gets its own clear answer, never a read that does not end; opening never blocks.
import { closeSync, constants, fstatSync, openSync, readSync, statSync } from "node:fs";
import { ENCRYPTION_MARK, sniff, WorkbookFileError } from "./file-error";
import { bufferSource, fileSource, type ByteSource } from "../package/zip-read";

export interface OpenFile {
  readonly path: string;
  readonly fd: number;
  readonly size: number;
}

function refuse(e: unknown): never {
  const code = (e as NodeJS.ErrnoException).code;
  throw new WorkbookFileError(code === "ENOENT" || code === "ENOTDIR" ? "not-found" : "no-access");
}

/** Opens a regular, non-empty file for reading; WorkbookFileError for anything else. */
export function openRegularFile(path: string): OpenFile {
  let fd: number;
  try {
    // O_NONBLOCK: a named pipe opens at once instead of waiting for a writer. What was opened is
    // told by fstat below: one stat a file instead of two (a batch opens hundreds).
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    // Where a folder cannot be opened (Windows), say it is a folder rather than unreadable.
    let kind: ReturnType<typeof statSync> | undefined;
    try {
      kind = statSync(path);
    } catch {
      refuse(e);
    }
    if (kind.isDirectory()) throw new WorkbookFileError("folder");
    if (!kind.isFile()) throw new WorkbookFileError("not-file");
    refuse(e);
  }
  const stat = fstatSync(fd);
  if (!stat.isFile()) {
    closeSync(fd);
    throw new WorkbookFileError(stat.isDirectory() ? "folder" : "not-file");
  }
  if (stat.size === 0) {
    closeSync(fd);
    throw new WorkbookFileError("empty");
  }
  return { path, fd, size: stat.size };
}

export function closeFile(file: OpenFile): void {
  closeSync(file.fd);
}

export function readAt(file: OpenFile, length: number, position: number): Buffer {
  const buf = Buffer.alloc(Math.max(0, Math.min(length, file.size - position)));
  let got = 0;
  while (got < buf.length) {
    const n = readSync(file.fd, buf, got, buf.length - got, position + got);
    if (n <= 0) break;
    got += n;
  }
  return buf.subarray(0, got);
}

/** Looks for bytes anywhere in the file, a megabyte at a time. */
export function fileIncludes(file: OpenFile, needle: Buffer): boolean {
  const step = 1 << 20;
  for (let at = 0; at < file.size; at += step) {
    // Overlap the previous block by the needle's length, so a match across the boundary is seen.
    const from = Math.max(0, at - needle.length);
    if (readAt(file, step + (at - from), from).includes(needle)) return true;
  }
  return false;
}

/** What the first bytes say; an OLE file is told apart as an old .xls or an encrypted .xlsx. Throws for anything not a zip. */
export function requireZip(file: OpenFile): void {
  const kind = sniff(readAt(file, 8, 0));
  if (kind === "zip") return;
  if (kind === "ole")
    throw new WorkbookFileError(fileIncludes(file, ENCRYPTION_MARK) ? "encrypted" : "old-xls");
  throw new WorkbookFileError(kind === "empty" ? "empty" : "not-xlsx");
}

/** The whole file, for ExcelJS (which parses a buffer); bounded, and only when it is a zip. */
export function readWorkbookBytes(path: string, maxBytes: number): Buffer {
  const file = openRegularFile(path);
  try {
    requireZip(file);
    if (file.size > maxBytes)
      throw new WorkbookFileError("too-large", "", {
        vi: `tệp lớn hơn ${Math.round(maxBytes / 1048576)} MB`,
        en: `the file is over ${Math.round(maxBytes / 1048576)} MB`,
      });
    return readAt(file, file.size, 0);
  } finally {
    closeFile(file);
  }
}

/** Small files are read in one go, larger ones part by part from the open file. */
const WHOLE_FILE_BYTES = 4 * 1024 * 1024;

/**
 * The zip's bytes: a small file read in one go (one system call instead of one per zip record); a
 * large one part by part, so pictures and anything else not needed never leave the disk.
 */
export function zipSource(file: OpenFile): ByteSource {
  return file.size <= WHOLE_FILE_BYTES
    ? bufferSource(readAt(file, file.size, 0))
    : fileSource(file.fd, file.size);
}

/** requireZip, then zipSource: a small file read once for both (a batch reads hundreds of them). */
export function zipSourceOf(file: OpenFile): ByteSource {
  if (file.size > WHOLE_FILE_BYTES) {
    requireZip(file);
    return fileSource(file.fd, file.size);
  }
  const bytes = readAt(file, file.size, 0);
  if (sniff(bytes.subarray(0, 8)) !== "zip") requireZip(file); // throws, saying what the file is
  return bufferSource(bytes);
}
