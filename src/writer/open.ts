// An officer's workbook opened to be written from: one open file, one package read by the lean
// reader into its snapshot (every sheet: the product's own are looked at too) and carried over by
// the writer part by part. The file stays open until the output is written.
import type { WorkbookSnapshot } from "../core/model/snapshot";
import { PackageReader } from "../package/zip-read";
import { closeFile, openRegularFile, requireZip, zipSource, type OpenFile } from "../reader/file";
import { READER_LIMITS } from "../reader/limits";
import { asFileError, snapshotFromPackage } from "../reader/read";
import { addOfficerAreas } from "./areas";

export interface OpenWorkbook {
  readonly path: string;
  readonly pkg: PackageReader;
  readonly snapshot: WorkbookSnapshot;
  close(): void;
}

export async function openWorkbook(path: string): Promise<OpenWorkbook> {
  const file: OpenFile = openRegularFile(path);
  let pkg: PackageReader | undefined;
  try {
    requireZip(file);
    const source = zipSource(file);
    try {
      pkg = await PackageReader.open(source, READER_LIMITS);
    } catch (e) {
      throw asFileError(e);
    }
    const snapshot = await snapshotFromPackage(pkg);
    await addOfficerAreas(pkg, snapshot);
    const opened = pkg;
    let open = true;
    return {
      path,
      pkg: opened,
      snapshot,
      close: () => {
        if (!open) return;
        open = false;
        opened.close();
        closeFile(file);
      },
    };
  } catch (e) {
    pkg?.close();
    closeFile(file);
    throw asFileError(e);
  }
}
