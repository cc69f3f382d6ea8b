// How much of a package may be read, whatever the file says about itself. A zip declares its own
// sizes; a hostile one lies, so every figure here is enforced while reading, not trusted.

export interface PackageLimits {
  /** Entries in the zip's central directory. */
  entries: number;
  /** Decompressed bytes of one part read. */
  partBytes: number;
  /** Decompressed bytes of all parts read through one package, together. */
  totalBytes: number;
}

const MiB = 1024 * 1024;

// A part is inflated whole before its XML is read in chunks: 128 MB holds a sheet of a million rows
// of ordinary cells (35 MB) several times over.
export const PACKAGE_LIMITS: Readonly<PackageLimits> = Object.freeze({
  entries: 10_000,
  partBytes: 128 * MiB,
  totalBytes: 512 * MiB,
});

export interface XmlLimits {
  /** Nesting of elements. */
  depth: number;
  /** Attributes on one element. */
  attributes: number;
  /** Characters of one tag (`<c r="A1" s="3">`), or of one text, comment or CDATA run. */
  tokenChars: number;
}

export const XML_LIMITS: Readonly<XmlLimits> = Object.freeze({
  depth: 256,
  attributes: 256,
  tokenChars: 4 * MiB,
});

/** The package is not a zip we can read, or its XML is not well formed (or uses a DTD). */
export class PackageError extends Error {
  constructor(
    message: string,
    readonly part?: string
  ) {
    super(part ? `${part}: ${message}` : message);
  }
}

/** A bound of `PACKAGE_LIMITS` or `XML_LIMITS` was passed; `actual` is as far as reading got (at least). */
export class PackageLimitError extends Error {
  constructor(
    readonly bound: keyof PackageLimits | keyof XmlLimits,
    readonly limit: number,
    readonly actual: number,
    readonly part?: string
  ) {
    super(`${bound} over ${limit}${part ? ` in ${part}` : ""}`);
  }
}
