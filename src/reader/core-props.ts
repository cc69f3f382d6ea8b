// The package's core properties (docProps/core.xml): when the workbook says it was last saved. A
// department tells a commune's later submission by it; a missing, damaged or odd part says nothing
// rather than failing the read.
import { readRelationships, readXmlPart, relKind } from "../package/opc";
import type { PackageReader } from "../package/zip-read";

/** The core properties part is a few hundred bytes; anything past this is not worth a date. */
const CORE_BYTES = 256 * 1024;

/** W3CDTF as Excel, LibreOffice and openpyxl write it: `2026-02-27T02:15:00Z`, seconds and zone optional. */
const W3CDTF = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;

async function corePart(pkg: PackageReader): Promise<string | undefined> {
  const rel = (await readRelationships(pkg, "")).find(
    (r) => !r.external && relKind(r.type) === "core-properties"
  );
  if (rel && pkg.has(rel.target)) return rel.target;
  return pkg.has("docProps/core.xml") ? "docProps/core.xml" : undefined;
}

/** `dcterms:modified` as an ISO instant (UTC), or undefined when the package does not say. */
export async function readSavedAt(pkg: PackageReader): Promise<string | undefined> {
  try {
    const part = await corePart(pkg);
    if (part === undefined) return undefined;
    let text = "";
    let inside = false;
    await readXmlPart(
      pkg,
      part,
      {
        textIn: new Set(["modified"]),
        open(tag) {
          inside = tag === "modified";
        },
        text(t) {
          if (inside) text += t;
        },
        close(tag) {
          if (tag === "modified") inside = false;
        },
      },
      CORE_BYTES
    );
    const value = text.trim();
    if (!W3CDTF.test(value)) return undefined;
    // A time without a zone is read as UTC, as the W3CDTF profile of the core properties asks.
    const ms = Date.parse(
      /T.*(Z|[+-]\d{2}:\d{2})$/.test(value) || !value.includes("T") ? value : `${value}Z`
    );
    return Number.isFinite(ms) ? new Date(ms).toISOString() : undefined;
  } catch {
    return undefined;
  }
}
