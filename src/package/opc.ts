// The Open Packaging Conventions over the zip: parts parsed as XML, relationships and their targets.
import { PackageError, PackageLimitError } from "./limits";
import { scanXmlPieces, type XmlByteHandler } from "./xml";
import type { PackageReader } from "./zip-read";

/**
 * Reads one part (bounded) and runs its XML through a handler as it is inflated, straight from its
 * bytes (the byte scanner): a large part is never whole in memory, bytes or text. Errors name the part.
 */
export async function readXmlPart(
  pkg: PackageReader,
  name: string,
  handler: XmlByteHandler,
  maxBytes?: number
): Promise<void> {
  try {
    await scanXmlPieces(pkg.pieces(name, maxBytes), handler);
  } catch (e) {
    if (e instanceof PackageError && e.part === undefined) throw new PackageError(e.message, name);
    if (e instanceof PackageLimitError && e.part === undefined)
      throw new PackageLimitError(e.bound, e.limit, e.actual, name);
    throw e;
  }
}

export interface Relationship {
  id: string;
  /** The full type URI; `relKind` gives its last segment (`worksheet`, `officeDocument`…). */
  type: string;
  /** For internal targets, the part name it resolves to (no leading `/`); for external ones, as written. */
  target: string;
  external: boolean;
}

/** `…/relationships/worksheet` → `worksheet`: the same for transitional and strict OOXML. */
export function relKind(type: string): string {
  return type.slice(type.lastIndexOf("/") + 1);
}

/** Where a part's relationships live: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`; `""` (the package) → `_rels/.rels`. */
export function relsPartName(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship target resolved against the folder of its source part, as a part name. */
export function resolveTarget(source: string, target: string): string {
  let path: string;
  try {
    path = decodeURIComponent(target.trim().replace(/\\/g, "/"));
  } catch {
    path = target.trim();
  }
  const base = path.startsWith("/") ? [] : source.split("/").slice(0, -1);
  for (const seg of path.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") base.pop();
    else base.push(seg);
  }
  return base.join("/");
}

/** The relationships of a part (`""` for the package's own); none when it has no rels part. */
export async function readRelationships(pkg: PackageReader, source: string): Promise<Relationship[]> {
  const relsName = relsPartName(source);
  if (!pkg.has(relsName)) return [];
  const rels: Relationship[] = [];
  await readXmlPart(
    pkg,
    relsName,
    {
      open(name, a) {
        if (name !== "Relationship") return;
        const [id, type, target] = [a.get("Id"), a.get("Type"), a.get("Target")];
        if (id === undefined || type === undefined || target === undefined)
          throw new PackageError("a relationship without Id, Type or Target", relsName);
        const external = a.get("TargetMode") === "External";
        rels.push({ id, type, external, target: external ? target : resolveTarget(source, target) });
      },
    },
    RELS_BYTES
  );
  return rels;
}

/** A relationships part is a short list; 16 MB is thousands of times what Excel writes. */
const RELS_BYTES = 16 * 1024 * 1024;
