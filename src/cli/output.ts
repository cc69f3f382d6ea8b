// What every writing command says about its output: never the input under another name, what had
// to be left out or cut to stay within Excel's bounds, and an output name Excel will open.
import { existsSync, statSync } from "node:fs";
import { a1 } from "../core/model/a1";
import type { Lang } from "../core/model/lang";
import type { PlanBound } from "../core/plans/write-plan";
import { nodeFileSystem, sameFile, type FileSystemCheck } from "../writer/files";
import { UsageError, type Console } from "./io";
import { WorkbookFileError, WRITE_ERRORS } from "../reader/file-error";
import { readSnapshot } from "../reader/read";
import { hasProductMarks } from "../core/model/owned";

/** An output named so Excel opens it: `.xlsx` (or `.xlsm` for a workbook with macros), never `.ods` or `.xls`. */
export function requireWorkbookName(out: string, lang: Lang): void {
  if (/\.xls[xm]$/i.test(out)) return;
  throw new UsageError(
    lang === "vi"
      ? `tệp kết quả “${out}” cần có đuôi .xlsx (hoặc .xlsm khi bảng tính có macro): công cụ ghi bảng tính Excel`
      : `the output “${out}” needs the extension .xlsx (or .xlsm for a workbook with macros): the tool writes Excel workbooks`
  );
}

/**
 * A new workbook never replaces a file already there (an officer's workbook named by mistake): the
 * commands that make one from nothing (`template`, `frameworks --export`) ask for another name.
 */
export function refuseExisting(out: string, lang: Lang): void {
  if (!existsSync(out)) return;
  throw new UsageError(
    lang === "vi"
      ? `đã có tệp “${out}”: chọn tên khác, hoặc xoá tệp đó trước (công cụ không ghi đè một bảng tính có sẵn)`
      : `“${out}” already exists: choose another name, or delete it first (the tool never writes over an existing workbook)`
  );
}

/** Refuses an output that is one of the inputs, by any name (a link, a linked folder, another case). */
export function refuseInputAsOutput(
  inputs: string[],
  out: string,
  lang: Lang,
  fs: FileSystemCheck = nodeFileSystem
): void {
  const input = inputs.find((f) => sameFile(f, out, fs));
  if (input === undefined) return;
  throw new UsageError(
    lang === "vi"
      ? `tệp kết quả “${out}” chính là tệp đầu vào “${input}” (cùng một tệp, dù qua đường dẫn khác): tệp của cán bộ không bao giờ bị ghi đè, hãy chọn tên khác`
      : `the output “${out}” is the input “${input}” (the same file, by another path): the officer's file is never written over; choose another name`
  );
}

/** Whether a file holds the product's marks (results, a fingerprint, a sheet it made): an earlier output. */
export async function isProductOutput(file: string): Promise<boolean> {
  try {
    // Only the workbook's names: no sheet is read.
    const snapshot = await readSnapshot(file, { sheets: () => false });
    return hasProductMarks(snapshot);
  } catch {
    return false;
  }
}

/**
 * An output already there is replaced only when it is an earlier output of the product (its marks
 * in the package), or when the officer said so (`--force`): a workbook of the officer's named by
 * mistake is never written over without a word. `what` says what `--force` would do to it.
 */
export async function refuseUnrelated(
  targets: string[],
  lang: Lang,
  opts: { force?: boolean; what: "replace" | "add-sheet" }
): Promise<void> {
  if (opts.force) return;
  const found: string[] = [];
  for (const t of targets)
    if (statSync(t, { throwIfNoEntry: false })?.isFile() && !(await isProductOutput(t))) found.push(t);
  const [first] = found;
  if (first === undefined) return;
  const vi = lang === "vi";
  const more =
    found.length > 1 ? (vi ? ` (và ${found.length - 1} tệp khác)` : ` (and ${found.length - 1} more)`) : "";
  const act =
    opts.what === "add-sheet"
      ? vi
        ? "thêm --force để ghi trang tính tổng hợp vào chính tệp đó"
        : "add --force to write the summary sheet into that file"
      : vi
        ? "thêm --force nếu muốn thay tệp đó"
        : "add --force to replace it";
  throw new UsageError(
    vi
      ? `đã có tệp “${first}”${more} và đó không phải bản do công cụ ghi ra: công cụ không ghi đè bảng tính này; hãy chọn tên khác, hoặc ${act}`
      : `“${first}”${more} already exists and is not a file the tool wrote: it is not written over; choose another name, or ${act}`
  );
}

const n = (x: number, lang: Lang) => x.toLocaleString(lang === "vi" ? "vi-VN" : "en-US");

/** One line for each thing a plan left out or cut. */
export function sayBounds(
  file: string,
  sheet: string,
  bounds: PlanBound[] | undefined,
  lang: Lang,
  io: Console
): void {
  const vi = lang === "vi";
  for (const b of bounds ?? []) {
    if (b.kind === "columns")
      io.warn(
        vi
          ? `${file}: trang tính “${sheet}”: không còn hai cột trống bên phải bảng trước cột cuối của Excel (XFD): không ghi hai cột kết quả, chỉ ghi khối kết quả`
          : `${file}: sheet “${sheet}”: no two free columns right of the table before Excel's last column (XFD): the result columns are left out, the result block is written`
      );
    else if (b.kind === "block")
      io.warn(
        vi
          ? `${file}: trang tính “${sheet}”: khối kết quả (${b.lines} dòng từ dòng ${n(b.top, lang)}) sẽ vượt dòng cuối của Excel (1.048.576): không ghi khối kết quả`
          : `${file}: sheet “${sheet}”: the result block (${b.lines} lines from row ${n(b.top, lang)}) would pass Excel's last row (1,048,576): it is left out`
      );
    else
      io.warn(
        vi
          ? `${file}: trang tính “${sheet}”: ô ${a1(b.row, b.col)} dài ${n(b.length, lang)} ký tự, quá giới hạn của Excel (32.767): đã cắt bớt`
          : `${file}: sheet “${sheet}”: cell ${a1(b.row, b.col)} would hold ${n(b.length, lang)} characters, past Excel's limit (32,767): cut`
      );
  }
}

/** Why an output could not be written, naming it: the writer's own cause, else the folder or the rights. */
export function writeFailure(e: unknown, target: string): WorkbookFileError {
  if (e instanceof WorkbookFileError && WRITE_ERRORS.has(e.code))
    return e.subject === "" ? new WorkbookFileError(e.code, target, e.detail) : e;
  if (e instanceof WorkbookFileError) return e;
  return new WorkbookFileError("cannot-write", target);
}
