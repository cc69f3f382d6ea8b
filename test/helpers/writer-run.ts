// The writer run in memory, as the CLI runs it: `check --out` (every table checked, its KQ sheet
// added) and `clean`, from bytes to bytes.
import { checkWorkbook } from "../../src/core/checks/check";
import type { WorkbookSnapshot } from "../../src/core/model/snapshot";
import { assessmentSummary } from "../../src/core/plans/summary";
import { planResults } from "../../src/core/plans/write-plan";
import { PackageError } from "../../src/package/limits";
import { packageBytes } from "../../src/package/zip-write";
import { bufferSource, PackageReader } from "../../src/package/zip-read";
import { WorkbookFileError } from "../../src/reader/file-error";
import { snapshotFromPackage } from "../../src/reader/read";
import { cleanParts, resultsParts } from "../../src/writer/write";
import { addOfficerAreas } from "../../src/writer/areas";

export const TODAY = "15/12/2026";

export async function open(bytes: Uint8Array): Promise<{ pkg: PackageReader; snapshot: WorkbookSnapshot }> {
  const pkg = await PackageReader.open(bufferSource(bytes));
  try {
    const snapshot = await snapshotFromPackage(pkg);
    await addOfficerAreas(pkg, snapshot);
    return { pkg, snapshot };
  } catch (e) {
    pkg.close();
    throw e;
  }
}

/** `check --out` in memory: null when the file is refused or holds no table. */
export async function written(bytes: Uint8Array): Promise<Buffer | null> {
  let opened;
  try {
    opened = await open(bytes);
  } catch (e) {
    if (e instanceof WorkbookFileError || e instanceof PackageError) return null;
    throw e;
  }
  const { pkg, snapshot } = opened;
  try {
    const checked = checkWorkbook(snapshot, { includeHidden: true });
    if (checked.checked.length === 0) return null;
    const results = checked.checked.map(({ sheet, check }) => ({
      sheet: sheet.name,
      plan: planResults(snapshot, sheet, check, { today: TODAY }),
      summary: assessmentSummary(check, { today: TODAY, sheet }),
    }));
    return await packageBytes(await resultsParts(pkg, snapshot, results));
  } finally {
    pkg.close();
  }
}

export async function cleaned(bytes: Uint8Array): Promise<Buffer | null> {
  const { pkg, snapshot } = await open(bytes);
  try {
    const c = await cleanParts(pkg, snapshot);
    return c?.parts ? await packageBytes(c.parts) : null;
  } finally {
    pkg.close();
  }
}
