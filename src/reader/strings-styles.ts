// The two workbook-wide tables cells point into: shared strings (plain or rich, phonetic runs left
// out) and the number format of each cell style.
import { readXmlPart } from "../package/opc";
import type { PackageReader } from "../package/zip-read";
import { BUILTIN_FORMATS, unescapeX } from "./cell-values";
import { tooLarge, type ReaderLimits } from "./limits";

export async function readSharedStrings(
  pkg: PackageReader,
  part: string | undefined,
  limits: ReaderLimits
): Promise<string[]> {
  const strings: string[] = [];
  if (!part) return strings;
  let inSi = false;
  let inT = false;
  let phonetic = 0;
  let text = "";
  const handler = {
    textIn: new Set(["t"]),
    open(tag: string) {
      if (tag === "si") {
        inSi = true;
        text = "";
      } else if (tag === "rPh") phonetic++;
      else if (tag === "t" && inSi && phonetic === 0) inT = true;
    },
    text(t: string) {
      if (inT) text += t;
    },
    close(tag: string) {
      if (tag === "t") inT = false;
      else if (tag === "rPh") phonetic--;
      else if (tag === "si") {
        inSi = false;
        const s = unescapeX(text);
        if (s.length > limits.stringChars)
          throw tooLarge("stringChars", limits.stringChars, s.length, `#${strings.length + 1}`);
        if (strings.length >= limits.sharedStrings)
          throw tooLarge("sharedStrings", limits.sharedStrings, strings.length + 1);
        strings.push(s);
      }
    },
  };
  await readXmlPart(pkg, part, handler, limits.sharedStringsBytes);
  return strings;
}

/** The number format of each cell style (`cellXfs`), by index; none where it is General or unknown. */
export async function readCellFormats(
  pkg: PackageReader,
  part: string | undefined
): Promise<(string | undefined)[]> {
  const formats: (string | undefined)[] = [];
  if (!part) return formats;
  const custom = new Map<number, string>();
  const ids: number[] = [];
  let where: "numFmts" | "cellXfs" | null = null;
  await readXmlPart(
    pkg,
    part,
    {
      textIn: new Set<string>(),
      open(tag, a) {
        if (tag === "numFmts" || tag === "cellXfs") where = tag;
        else if (tag === "numFmt" && where === "numFmts") {
          const [id, code] = [a.get("numFmtId"), a.get("formatCode")];
          // ExcelJS drops each backslash escape; the core reads formats only for % and dates.
          if (id !== undefined && code !== undefined)
            custom.set(parseInt(id, 10), code.replace(/\\(.)/g, "$1"));
        } else if (tag === "xf" && where === "cellXfs") ids.push(parseInt(a.get("numFmtId") ?? "0", 10));
      },
      close(tag) {
        if (tag === where) where = null;
      },
    },
    64 * 1024 * 1024
  );
  for (const id of ids) formats.push(id ? (custom.get(id) ?? BUILTIN_FORMATS.get(id)) : undefined);
  return formats;
}
