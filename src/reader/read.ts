// The lean reader: an .xlsx file → the core's WorkbookSnapshot, reading only what a check needs
// (the workbook, its relationships, shared strings, number formats, the sheets asked for) through
// the package layer, within READER_LIMITS. Every failure is a WorkbookFileError with the same codes
// as the ExcelJS adapter's, never a stack trace.
import type { DefinedName, SheetSnapshot, WorkbookSnapshot } from "../core/model/snapshot";
import { PackageError, PackageLimitError } from "../package/limits";
import { readRelationships, relKind } from "../package/opc";
import { bufferSource, PackageReader, type ByteSource } from "../package/zip-read";
import { WorkbookFileError } from "./file-error";
import { closeFile, openRegularFile, zipSourceOf } from "./file";
import { packageTooLarge, READER_LIMITS, type ReaderLimits } from "./limits";
import { readSheetPart } from "./sheet-part";
import { readSavedAt } from "./core-props";
import { readCellFormats, readSharedStrings } from "./strings-styles";
import { readWorkbookPart } from "./workbook-part";

export interface ReadOptions {
  /** Which sheets to read (all when absent); the defined names are there to tell the product's own sheets. */
  sheets?: (name: string, names: readonly DefinedName[]) => boolean;
  limits?: ReaderLimits;
  /** Read when the workbook was last saved (docProps/core.xml) into `savedAt`. */
  savedAt?: boolean;
}

const ODS_MIMETYPE = "application/vnd.oasis.opendocument.spreadsheet";

/** Reads a workbook file into a snapshot. */
export async function readSnapshot(path: string, opts: ReadOptions = {}): Promise<WorkbookSnapshot> {
  const file = openRegularFile(path);
  try {
    return await snapshotFrom(zipSourceOf(file), opts);
  } finally {
    closeFile(file);
  }
}

/** Reads a workbook held in memory into a snapshot (the first bytes are not sniffed: a zip is expected). */
export function snapshotFromBytes(bytes: Uint8Array, opts: ReadOptions = {}): Promise<WorkbookSnapshot> {
  return snapshotFrom(bufferSource(bytes), opts);
}

async function snapshotFrom(source: ByteSource, opts: ReadOptions): Promise<WorkbookSnapshot> {
  const limits = opts.limits ?? READER_LIMITS;
  let pkg: PackageReader | undefined;
  try {
    pkg = await PackageReader.open(source, limits);
    return await readPackage(pkg, limits, opts);
  } catch (e) {
    throw asFileError(e);
  } finally {
    pkg?.close();
  }
}

/** Reads an open package into a snapshot (the writer reads and writes through one package). */
export async function snapshotFromPackage(
  pkg: PackageReader,
  opts: ReadOptions = {}
): Promise<WorkbookSnapshot> {
  try {
    return await readPackage(pkg, opts.limits ?? READER_LIMITS, opts);
  } catch (e) {
    throw asFileError(e);
  }
}

/** Every failure in words for people: the reader's own, a bound, or a damaged package. */
export function asFileError(e: unknown): WorkbookFileError {
  if (e instanceof WorkbookFileError) return e;
  if (e instanceof PackageLimitError) return packageTooLarge(e);
  // A damaged package; or anything else (a bug, memory): still one clear line, HOCTAP_DEBUG shows why.
  if (!(e instanceof PackageError) && process.env.HOCTAP_DEBUG) console.error(e);
  return new WorkbookFileError("corrupt");
}

async function officeDocument(pkg: PackageReader): Promise<string> {
  const rel = (await readRelationships(pkg, "")).find(
    (r) => !r.external && relKind(r.type) === "officeDocument"
  );
  if (rel && pkg.has(rel.target)) {
    if (/\.bin$/i.test(rel.target)) throw new WorkbookFileError("xlsb");
    return rel.target;
  }
  if (pkg.has("mimetype")) {
    const mime = (await pkg.read("mimetype", 1024)).toString("latin1").trim();
    if (mime.startsWith(ODS_MIMETYPE)) throw new WorkbookFileError("ods");
  }
  // No package relationships: Excel would still find the workbook where it always puts it.
  if (pkg.has("xl/workbook.xml")) return "xl/workbook.xml";
  if (pkg.has("xl/workbook.bin")) throw new WorkbookFileError("xlsb");
  throw new WorkbookFileError("not-xlsx");
}

async function readPackage(
  pkg: PackageReader,
  limits: ReaderLimits,
  opts: ReadOptions
): Promise<WorkbookSnapshot> {
  const workbook = await readWorkbookPart(pkg, await officeDocument(pkg), limits);
  const ctx = {
    strings: await readSharedStrings(pkg, workbook.sharedStrings, limits),
    formats: await readCellFormats(pkg, workbook.styles),
    date1904: workbook.date1904,
    limits,
    cells: { count: 0 },
  };
  const sheets: SheetSnapshot[] = [];
  for (const s of workbook.sheets) {
    if (s.part === undefined) continue;
    if (opts.sheets && !opts.sheets(s.name, workbook.names)) continue;
    const sheet = await readSheetPart(pkg, s.part, s.name, s.hidden, ctx);
    if (s.id !== undefined) sheet.id = s.id;
    sheets.push(sheet);
  }
  const savedAt = opts.savedAt ? await readSavedAt(pkg) : undefined;
  return {
    sheets,
    definedNames: workbook.names,
    nameValues: workbook.values,
    ...(savedAt === undefined ? {} : { savedAt }),
  };
}
