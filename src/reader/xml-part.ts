// One part of the package read as XML straight from its bytes as they are inflated (the byte
// scanner): a large part is never whole in memory, bytes or text. Errors name the part.
import { PackageError, PackageLimitError } from "../package/limits";
import { scanXmlPieces, type XmlByteHandler } from "../package/xml";
import type { PackageReader } from "../package/zip-read";

export async function readPartXml(
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
