// Packages compared part by part, for the writer's differential tests: which parts were carried over
// as stored, and each touched part with what the product owns taken out, to compare with the input.
import { unzipSync } from "fflate";
import { parseRange } from "../../src/core/model/a1";
import { NAME_RESULT_BLOCK, NAME_RESULT_COLUMNS } from "../../src/core/model/owned";
import type { RangeRef, WorkbookSnapshot } from "../../src/core/model/snapshot";
import { bufferSource, PackageReader } from "../../src/package/zip-read";
import { Styles } from "../../src/writer/styles";

/** Every part's bytes, uncompressed (folders left out). */
export function parts(zip: Uint8Array): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const [name, data] of Object.entries(unzipSync(zip)))
    if (!name.endsWith("/")) out.set(name, Buffer.from(data));
  return out;
}

/** Every part's bytes as stored in the zip (still compressed), to tell a part carried over untouched. */
export async function storedParts(zip: Uint8Array): Promise<Map<string, Buffer>> {
  const pkg = await PackageReader.open(bufferSource(zip));
  const out = new Map<string, Buffer>();
  for (const p of pkg.parts) out.set(p.name, await pkg.raw(p.name));
  pkg.close();
  return out;
}

const inside = (r: RangeRef, row: number, col: number) =>
  row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/** The product's ranges on a sheet, from the written workbook's names. */
export function ownedOn(snapshot: WorkbookSnapshot, sheet: string): RangeRef[] {
  return snapshot.definedNames
    .filter((n) => n.sheet === sheet && [NAME_RESULT_COLUMNS, NAME_RESULT_BLOCK].includes(n.name))
    .map((n) => n.range);
}

/**
 * A worksheet's XML with the product's things taken out: cells in its ranges, the height it gave the
 * rows of its ranges, rows left empty, its columns' widths (the others' spelled out column by column),
 * merges inside its ranges and every count attribute.
 */
export function withoutOwned(xml: string, owned: RangeRef[]): string {
  const rows = new Set<number>();
  for (const r of owned) for (let k = r.top; k <= r.bottom; k++) rows.add(k);
  const ownedCols = new Set<number>();
  for (const r of owned) if (r.bottom > r.top) for (let c = r.left; c <= r.right; c++) ownedCols.add(c);
  let out = xml.replace(
    /<(\w+:)?c\b[^>]*?\br="([A-Z]+)(\d+)"[^>]*?(\/>|>[\s\S]*?<\/(\w+:)?c>)/g,
    (m, _p, l, d) => (owned.some((r) => inside(r, Number(d), colNumber(l))) ? "" : m)
  );
  out = out.replace(/<(\w+:)?row\b[^>]*>/g, (tag: string) => {
    const r = Number(/\br="(\d+)"/.exec(tag)?.[1] ?? 0);
    return rows.has(r) ? tag.replace(/\s(ht|customHeight)="[^"]*"/g, "") : tag;
  });
  out = out.replace(/<(\w+:)?row\b[^>]*?(\/>|>\s*<\/(\w+:)?row>)/g, "");
  out = out.replace(/<(\w+:)?cols>([\s\S]*?)<\/(\w+:)?cols>/, (_m, _p, body: string) => {
    const spans: string[] = [];
    for (const m of body.matchAll(/<(?:\w+:)?col\b([^>]*?)\/?>/g)) {
      const attrs = m[1] as string;
      const min = Number(/\bmin="(\d+)"/.exec(attrs)?.[1]);
      const max = Number(/\bmax="(\d+)"/.exec(attrs)?.[1]);
      const rest = attrs.replace(/\s(min|max)="[^"]*"/g, "").trim();
      for (let c = min; c <= Math.min(max, min + 300); c++) if (!ownedCols.has(c)) spans.push(`${c}:${rest}`);
      if (max > min + 300) spans.push(`${min + 301}-${max}:${rest}`);
    }
    return `<cols>${spans.join("|")}</cols>`;
  });
  out = out.replace(/<(\w+:)?mergeCell\b[^>]*\bref="([^"]+)"[^>]*\/>/g, (m, _p, ref: string) => {
    const range = parseRange(ref)?.range;
    return range &&
      owned.some((r) => inside(r, range.top, range.left) && inside(r, range.bottom, range.right))
      ? ""
      : m;
  });
  out = out.replace(/<(\w+:)?mergeCells\b[^>]*>\s*<\/(\w+:)?mergeCells>/g, "");
  out = out.replace(/<cols><\/cols>/g, "");
  return out.replace(/\scount="\d+"/g, "");
}

/**
 * The workbook part with the product's things taken out: its names (HocTap_…), the print area of
 * the sheets it wrote in (compared apart), the sheets it added and their names.
 */
export function workbookWithoutOwned(xml: string, sheets: number, written: number[]): string {
  let out = xml.replace(
    /<(\w+:)?definedName\b([^>]*)>([\s\S]*?)<\/(\w+:)?definedName>/g,
    (m, _p, attrs: string) => {
      const name = /\bname="([^"]*)"/.exec(attrs)?.[1] ?? "";
      const id = /\blocalSheetId="(\d+)"/.exec(attrs)?.[1];
      const local = id === undefined ? undefined : Number(id);
      if (/^hoctap_/i.test(name)) return "";
      if (local !== undefined && local >= sheets) return "";
      if (name === "_xlnm.Print_Area" && local !== undefined && written.includes(local)) return "";
      return m;
    }
  );
  // An element left empty, or empty as the officer's file had it (openpyxl writes `<definedNames/>`).
  out = out.replace(/<(\w+:)?definedNames>\s*<\/(\w+:)?definedNames>|<(\w+:)?definedNames\s*\/>/g, "");
  let n = 0;
  out = out.replace(/<(\w+:)?sheet\b[^>]*\/>/g, (m) => (n++ < sheets ? m : ""));
  return out;
}

/** A relationships or content-types part without what points at the parts added. */
export function withoutParts(xml: string, added: string[]): string {
  return xml
    .replace(/<(\w+:)?Relationship\b[^>]*\bTarget="([^"]*)"[^>]*\/>/g, (m, _p, t: string) =>
      added.some((a) => a.endsWith(t.replace(/^\.?\//, ""))) ? "" : m
    )
    .replace(/<(\w+:)?Override\b[^>]*\bPartName="\/([^"]*)"[^>]*\/>/g, (m, _p, t: string) =>
      added.includes(t) ? "" : m
    );
}

/** The styles part with the records appended after the input's cut off: it must be the input's. */
export function stylesWithoutAppended(written: string, input: string): string | null {
  const before = new Styles(input);
  return new Styles(written).cutTo(before.counts(), before.countAttrs());
}
