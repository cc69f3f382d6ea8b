// The workbook part: its sheets (name, state, part), the date system and the defined names.
import { parseRange } from "../core/model/a1";
import { formulaText } from "../core/model/fingerprint";
import { isProductName } from "../core/model/owned";
import type { DefinedName, NameValue } from "../core/model/snapshot";
import { PackageError } from "../package/limits";
import { readRelationships, readXmlPart, relKind } from "../package/opc";
import type { XmlAttributes } from "../package/xml";
import type { PackageReader } from "../package/zip-read";
import { tooLarge, type ReaderLimits } from "./limits";

export interface SheetEntry {
  name: string;
  hidden: boolean;
  /** The workbook's `sheetId`: a sheet keeps it when renamed. */
  id?: string;
  /** The worksheet part; undefined for chart and dialog sheets, or a sheet whose part is missing. */
  part?: string;
}

export interface WorkbookPart {
  /** Every sheet in workbook order, worksheets or not: `localSheetId` counts them all. */
  sheets: SheetEntry[];
  date1904: boolean;
  names: DefinedName[];
  /** The product's names holding a text (its fingerprint), with the text. */
  values: NameValue[];
  sharedStrings?: string;
  styles?: string;
}

interface RawName {
  name: string;
  localSheetId?: number;
  text: string;
}

/** Names ExcelJS turns into page setup and leaves out of its names; left out here too. */
const PAGE_SETUP_NAMES = new Set(["_xlnm.Print_Area", "_xlnm.Print_Titles"]);

const WORKBOOK_BYTES = 64 * 1024 * 1024;

export async function readWorkbookPart(
  pkg: PackageReader,
  part: string,
  limits: ReaderLimits
): Promise<WorkbookPart> {
  const rels = new Map((await readRelationships(pkg, part)).map((r) => [r.id, r]));
  const sheets: SheetEntry[] = [];
  const raw: RawName[] = [];
  let date1904 = false;
  let name: RawName | null = null;
  await readXmlPart(
    pkg,
    part,
    {
      textIn: new Set(["definedName"]),
      open(tag, a) {
        if (tag === "workbookPr") date1904 = ["1", "true"].includes(a.get("date1904") ?? "");
        else if (tag === "sheet") sheets.push(sheetEntry(pkg, a, rels));
        else if (tag === "definedName") {
          if (raw.length >= limits.names) throw tooLarge("names", limits.names, raw.length + 1);
          const localId = a.get("localSheetId");
          const local = localId === undefined ? undefined : parseInt(localId, 10);
          name = {
            name: a.get("name") ?? "",
            text: "",
            ...(local === undefined ? {} : { localSheetId: local }),
          };
        }
      },
      text(t) {
        if (name) name.text += t;
      },
      close(tag) {
        if (tag === "definedName" && name) {
          raw.push(name);
          name = null;
        }
      },
    },
    WORKBOOK_BYTES
  );
  const byKind = (kind: string) =>
    [...rels.values()].find((r) => !r.external && relKind(r.type) === kind && pkg.has(r.target))?.target;
  return {
    sheets,
    date1904,
    names: definedNames(raw, sheets),
    values: nameValues(raw, sheets),
    sharedStrings: byKind("sharedStrings"),
    styles: byKind("styles"),
  };
}

function sheetEntry(
  pkg: PackageReader,
  a: XmlAttributes,
  rels: Map<string, { type: string; target: string; external: boolean }>
): SheetEntry {
  const name = a.get("name");
  if (name === undefined) throw new PackageError("a sheet without a name");
  // r:id, whatever prefix the file gives the relationships namespace.
  const id = a.getPrefixed("id");
  const rel = id === undefined ? undefined : rels.get(id);
  const state = a.get("state");
  const entry: SheetEntry = { name, hidden: state !== undefined && state !== "visible" };
  const sheetId = a.get("sheetId");
  if (sheetId !== undefined) entry.id = sheetId;
  if (rel && !rel.external && relKind(rel.type) === "worksheet" && pkg.has(rel.target))
    entry.part = rel.target;
  return entry;
}

/** Splits `'A, B'!$A$1,Sheet2!$B$2` at the commas outside quoted sheet names. */
function splitRanges(text: string): string[] {
  const out: string[] = [];
  let quoted = false;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'") quoted = !quoted;
    else if (c === "," && !quoted) {
      out.push(text.slice(from, i));
      from = i + 1;
    }
  }
  out.push(text.slice(from));
  return out.filter((s) => s !== "");
}

/** Each name's plain ranges (formulas and constants are not ranges), scoped by `localSheetId`. */
function definedNames(raw: RawName[], sheets: SheetEntry[]): DefinedName[] {
  const names: DefinedName[] = [];
  for (const n of raw) {
    if (PAGE_SETUP_NAMES.has(n.name)) continue;
    const scope = n.localSheetId !== undefined ? sheets[n.localSheetId]?.name : undefined;
    for (const text of splitRanges(n.text)) {
      const parsed = parseRange(text);
      // Past column XFD is no address at all (ExcelJS refuses it the same way).
      if (!parsed || parsed.range.right > 16_384) continue;
      const refSheet = parsed.sheet ?? scope;
      if (!refSheet) continue;
      names.push(
        scope
          ? { name: n.name, sheet: scope, refSheet, range: parsed.range }
          : { name: n.name, refSheet, range: parsed.range }
      );
    }
  }
  return names;
}

/** The product's sheet-scoped names whose formula is a text (`"HT1;…"&"…"`), with that text. */
function nameValues(raw: RawName[], sheets: SheetEntry[]): NameValue[] {
  const out: NameValue[] = [];
  for (const n of raw) {
    if (!isProductName(n.name) || n.localSheetId === undefined) continue;
    const sheet = sheets[n.localSheetId]?.name;
    const value = formulaText(n.text);
    if (sheet !== undefined && value !== null) out.push({ name: n.name, sheet, value });
  }
  return out;
}
