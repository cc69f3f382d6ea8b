// Whether a package is one Excel opens without a repair, checked without the product's own reader:
// every XML part parsed by saxes with namespaces (well-formed, every prefix bound), the content
// types and relationships complete, the schema's element order in the workbook, styles and
// worksheets, legal and unique sheet names, defined names unique per scope and short enough, rows
// and cells ascending and unique, style and shared-string indexes in range, merges disjoint and
// never inside an Excel Table, `<dimension>` covering every cell that holds something, and a
// macro-enabled workbook only under `.xlsm`. Returns the problems found, one line each.
import { unzipSync } from "fflate";
import { SaxesParser, type SaxesTagNS } from "saxes";

const MAIN_NS = [
  "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  "http://purl.oclc.org/ooxml/spreadsheetml/main",
];
const MACRO_CT = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";

export interface El {
  local: string;
  uri: string;
  /** Attributes by local name (namespaced ones as `{uri}local` too). */
  attrs: Record<string, string>;
  children: El[];
  text: string;
}

/** A part parsed with namespaces; errors (unbound prefixes, bad nesting…) go to `problems`. */
export function parseXml(part: string, xml: string, problems: string[]): El | null {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: El[] = [];
  let root: El | null = null;
  let failed = false;
  parser.on("error", (e) => {
    if (!failed) problems.push(`${part}: not well-formed XML: ${e.message}`);
    failed = true;
  });
  parser.on("opentag", (tag: SaxesTagNS) => {
    const attrs: Record<string, string> = {};
    for (const a of Object.values(tag.attributes)) {
      if (a.prefix === "xmlns" || a.name === "xmlns") continue;
      if (a.uri) attrs[`{${a.uri}}${a.local}`] = a.value;
      else attrs[a.local] = a.value;
    }
    const el: El = { local: tag.local, uri: tag.uri, attrs, children: [], text: "" };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(el);
    else root = el;
    stack.push(el);
  });
  parser.on("text", (t) => {
    const top = stack[stack.length - 1];
    if (top) top.text += t;
  });
  parser.on("closetag", () => void stack.pop());
  try {
    parser.write(xml.replace(/^\uFEFF/, "")).close();
  } catch (e) {
    if (!failed) problems.push(`${part}: not well-formed XML: ${(e as Error).message}`);
    failed = true;
  }
  return failed ? null : root;
}

const kids = (el: El | undefined | null, local: string) =>
  el ? el.children.filter((c) => c.local === local) : [];
const kid = (el: El | undefined | null, local: string) => kids(el, local)[0];

/** A relationship target resolved against the folder of its source part. */
function resolveTarget(source: string, target: string): string {
  const folder = source.includes("/") ? source.slice(0, source.lastIndexOf("/") + 1) : "";
  const base = target.startsWith("/") ? [] : folder.split("/").filter(Boolean);
  for (const seg of decodeURI(target).split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") base.pop();
    else base.push(seg);
  }
  return base.join("/");
}

interface Rel {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

/** The schema's order of children (CT_Worksheet, CT_Workbook, CT_Stylesheet); others may repeat. */
const ORDER: Record<string, string[]> = {
  worksheet: [
    "sheetPr",
    "dimension",
    "sheetViews",
    "sheetFormatPr",
    "cols",
    "sheetData",
    "sheetCalcPr",
    "sheetProtection",
    "protectedRanges",
    "scenarios",
    "autoFilter",
    "sortState",
    "dataConsolidate",
    "customSheetViews",
    "mergeCells",
    "phoneticPr",
    "conditionalFormatting",
    "dataValidations",
    "hyperlinks",
    "printOptions",
    "pageMargins",
    "pageSetup",
    "headerFooter",
    "rowBreaks",
    "colBreaks",
    "customProperties",
    "cellWatches",
    "ignoredErrors",
    "smartTags",
    "drawing",
    "legacyDrawing",
    "legacyDrawingHF",
    "drawingHF",
    "picture",
    "oleObjects",
    "controls",
    "webPublishItems",
    "tableParts",
    "extLst",
  ],
  workbook: [
    "fileVersion",
    "fileSharing",
    "workbookPr",
    "workbookProtection",
    "bookViews",
    "sheets",
    "functionGroups",
    "externalReferences",
    "definedNames",
    "calcPr",
    "oleSize",
    "customWorkbookViews",
    "pivotCaches",
    "smartTagPr",
    "smartTagTypes",
    "webPublishing",
    "fileRecoveryPr",
    "webPublishObjects",
    "extLst",
  ],
  styleSheet: [
    "numFmts",
    "fonts",
    "fills",
    "borders",
    "cellStyleXfs",
    "cellXfs",
    "cellStyles",
    "dxfs",
    "tableStyles",
    "colors",
    "extLst",
  ],
};
const REPEATS = new Set(["conditionalFormatting"]);

function checkOrder(part: string, root: El, problems: string[]): void {
  const order = ORDER[root.local];
  if (!order) return;
  let at = -1;
  const seen = new Set<string>();
  for (const c of root.children) {
    if (!MAIN_NS.includes(c.uri)) continue;
    const i = order.indexOf(c.local);
    if (i < 0) problems.push(`${part}: <${c.local}> is not a child of <${root.local}>`);
    else if (i < at) problems.push(`${part}: <${c.local}> after <${order[at]}>, against the schema's order`);
    else if (seen.has(c.local) && !REPEATS.has(c.local)) problems.push(`${part}: <${c.local}> twice`);
    seen.add(c.local);
    at = Math.max(at, i);
  }
}

/** `A1` → [row, col] (1-based). */
function cellRef(ref: string): [number, number] | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(ref);
  if (!m) return null;
  const col = [...(m[1] as string)].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return [parseInt(m[2] as string, 10), col];
}

interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function rangeRef(ref: string): Box | null {
  const [a, b = a] = ref.split(":");
  const p = cellRef(a ?? "");
  const q = cellRef(b ?? "");
  if (!p || !q) return null;
  return { top: p[0], left: p[1], bottom: q[0], right: q[1] };
}

const overlaps = (a: Box, b: Box) =>
  a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
const inside = (a: Box, r: number, c: number) => r >= a.top && r <= a.bottom && c >= a.left && c <= a.right;

/** Excel's rules for a sheet's name. */
export function sheetNameProblem(name: string): string | null {
  if (name.length === 0) return "empty";
  if (name.length > 31) return `${name.length} characters, past 31`;
  if (/[[\]:*?/\\]/.test(name)) return "holds one of []:*?/\\";
  if (name.startsWith("'") || name.endsWith("'")) return "starts or ends with '";
  if (name.toLowerCase() === "history") return "is reserved";
  if (/[\uD800-\uDBFF]$|^[\uDC00-\uDFFF]/.test(name)) return "cut inside a character";
  return null;
}

export interface Validity {
  problems: string[];
}

/** Every problem of the package `bytes`, saved under the file name `fileName` (for its extension). */
export function packageProblems(bytes: Uint8Array, fileName = "out.xlsx"): string[] {
  const problems: string[] = [];
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch (e) {
    return [`not a zip: ${(e as Error).message}`];
  }
  const names = Object.keys(files).filter((n) => !n.endsWith("/"));
  const lower = new Map(names.map((n) => [n.toLowerCase(), n]));
  const text = (n: string) => Buffer.from(files[n] as Uint8Array).toString("utf8");
  const xml = new Map<string, El>();
  for (const n of names)
    if (/\.(xml|rels|vml)$/i.test(n) && !/\.vml$/i.test(n)) {
      const root = parseXml(n, text(n), problems);
      if (root) xml.set(n, root);
    }

  // Content types: every part typed, every override a part.
  const types = xml.get("[Content_Types].xml");
  if (!types) problems.push("[Content_Types].xml missing");
  const defaults = new Map(
    kids(types, "Default").map((d) => [(d.attrs.Extension ?? "").toLowerCase(), d.attrs.ContentType ?? ""])
  );
  const overrides = new Map<string, string>();
  for (const o of kids(types, "Override")) {
    const p = (o.attrs.PartName ?? "").replace(/^\//, "");
    if (overrides.has(p.toLowerCase())) problems.push(`[Content_Types].xml: ${p} overridden twice`);
    overrides.set(p.toLowerCase(), o.attrs.ContentType ?? "");
    if (!lower.has(p.toLowerCase())) problems.push(`[Content_Types].xml: override for a missing part ${p}`);
  }
  const typeOf = (p: string) =>
    overrides.get(p.toLowerCase()) ?? defaults.get(p.slice(p.lastIndexOf(".") + 1).toLowerCase());
  for (const n of names)
    if (n !== "[Content_Types].xml" && !typeOf(n)) problems.push(`${n}: no content type`);

  // Relationships: every source there, every internal target there, ids unique.
  const relsOf = new Map<string, Rel[]>();
  for (const n of names) {
    const m = /^(.*?)_rels\/([^/]*)\.rels$/.exec(n);
    if (!m) continue;
    const source = `${m[1]}${m[2]}`;
    if (source && !lower.has(source.toLowerCase()))
      problems.push(`${n}: relationships of a missing part ${source}`);
    const ids = new Set<string>();
    const rels: Rel[] = [];
    for (const r of kids(xml.get(n), "Relationship")) {
      const rel = {
        id: r.attrs.Id ?? "",
        type: r.attrs.Type ?? "",
        target: r.attrs.Target ?? "",
        external: r.attrs.TargetMode === "External",
      };
      if (ids.has(rel.id)) problems.push(`${n}: relationship id ${rel.id} twice`);
      ids.add(rel.id);
      if (!rel.external && !lower.has(resolveTarget(source, rel.target).toLowerCase()))
        problems.push(`${n}: ${rel.id} targets a missing part ${rel.target}`);
      rels.push(rel);
    }
    relsOf.set(source, rels);
  }
  const relPart = (source: string, id: string) => {
    const r = (relsOf.get(source) ?? []).find((x) => x.id === id);
    return r && !r.external ? (lower.get(resolveTarget(source, r.target).toLowerCase()) ?? null) : null;
  };

  const office = (relsOf.get("") ?? []).find((r) => r.type.endsWith("/officeDocument"));
  const wbPart = office ? lower.get(resolveTarget("", office.target).toLowerCase()) : undefined;
  const wb = wbPart ? xml.get(wbPart) : undefined;
  if (!wbPart || !wb) {
    problems.push("no workbook part");
    return problems;
  }
  checkOrder(wbPart, wb, problems);

  // Macros only under .xlsm, and .xlsm only with macros' content type.
  const macro = typeOf(wbPart) === MACRO_CT;
  if (macro && !/\.xlsm$/i.test(fileName))
    problems.push(`${fileName}: a macro-enabled workbook under a name that is not .xlsm`);
  if (!macro && /\.xlsm$/i.test(fileName))
    problems.push(`${fileName}: .xlsm name on a workbook that is not macro-enabled`);

  // Styles and shared strings, for the indexes.
  const rootRels = relsOf.get(wbPart) ?? [];
  const byType = (t: string) => {
    const r = rootRels.find((x) => !x.external && x.type.endsWith(`/${t}`));
    return r ? lower.get(resolveTarget(wbPart, r.target).toLowerCase()) : undefined;
  };
  const stylesPart = byType("styles");
  const styles = stylesPart ? xml.get(stylesPart) : undefined;
  if (styles && stylesPart) checkOrder(stylesPart, styles, problems);
  const xfCount = styles ? kids(kid(styles, "cellXfs"), "xf").length : 1;
  const sstPart = byType("sharedStrings");
  const sstCount = sstPart && xml.get(sstPart) ? kids(xml.get(sstPart), "si").length : 0;

  // Sheets: legal, unique names; unique ids; relationships there.
  const sheets = kids(kid(wb, "sheets"), "sheet");
  const seenNames = new Set<string>();
  const seenIds = new Set<string>();
  const sheetParts: { name: string; part: string | null }[] = [];
  for (const s of sheets) {
    const name = s.attrs.name ?? "";
    const bad = sheetNameProblem(name);
    if (bad) problems.push(`${wbPart}: sheet name “${name}” ${bad}`);
    if (seenNames.has(name.toLowerCase())) problems.push(`${wbPart}: sheet name “${name}” twice`);
    seenNames.add(name.toLowerCase());
    const id = s.attrs.sheetId ?? "";
    if (seenIds.has(id)) problems.push(`${wbPart}: sheetId ${id} twice`);
    seenIds.add(id);
    const rid = Object.entries(s.attrs).find(([k]) => k.endsWith("}id"))?.[1];
    const part = rid ? relPart(wbPart, rid) : null;
    if (!part) problems.push(`${wbPart}: sheet “${name}” has no part`);
    sheetParts.push({ name, part });
  }

  // Defined names: unique per scope, scoped to a sheet there, formulas Excel can hold.
  const scoped = new Set<string>();
  for (const d of kids(kid(wb, "definedNames"), "definedName")) {
    const name = d.attrs.name ?? "";
    const scope = d.attrs.localSheetId;
    const key = `${scope ?? "*"}|${name.toLowerCase()}`;
    if (scoped.has(key))
      problems.push(
        `${wbPart}: name ${name} defined twice in ${scope === undefined ? "the workbook" : `sheet ${scope}`}`
      );
    scoped.add(key);
    if (scope !== undefined && !(parseInt(scope, 10) < sheets.length))
      problems.push(`${wbPart}: name ${name} scoped to sheet ${scope}, which is not there`);
    if (name.length > 255) problems.push(`${wbPart}: name ${name.slice(0, 40)}… longer than 255 characters`);
    if (d.text.length > 8192)
      problems.push(`${wbPart}: name ${name}: formula of ${d.text.length} characters, past Excel's 8,192`);
  }

  for (const { name, part } of sheetParts) {
    const root = part ? xml.get(part) : undefined;
    if (!part || !root || root.local !== "worksheet") continue;
    checkWorksheet(`${part} (“${name}”)`, part, root, { xfCount, sstCount, relPart, xml }, problems);
  }
  return problems;
}

interface SheetContext {
  xfCount: number;
  sstCount: number;
  relPart: (source: string, id: string) => string | null;
  xml: Map<string, El>;
}

function checkWorksheet(label: string, part: string, root: El, ctx: SheetContext, problems: string[]): void {
  checkOrder(label, root, problems);
  const styleOk = (s: string | undefined) => s === undefined || parseInt(s, 10) < ctx.xfCount;
  let lastRow = 0;
  const used: Box = { top: Infinity, left: Infinity, bottom: 0, right: 0 };
  for (const row of kids(kid(root, "sheetData"), "row")) {
    const r = row.attrs.r !== undefined ? parseInt(row.attrs.r, 10) : lastRow + 1;
    if (!(r > lastRow)) problems.push(`${label}: row ${r} after row ${lastRow}`);
    lastRow = r;
    if (!styleOk(row.attrs.s))
      problems.push(`${label}: row ${r} has style ${row.attrs.s}, past ${ctx.xfCount}`);
    let lastCol = 0;
    for (const c of kids(row, "c")) {
      const at = c.attrs.r ? cellRef(c.attrs.r) : [r, lastCol + 1];
      if (!at) {
        problems.push(`${label}: cell reference ${c.attrs.r} not A1`);
        continue;
      }
      const [cr, cc] = at as [number, number];
      if (cr !== r) problems.push(`${label}: cell ${c.attrs.r} in row ${r}`);
      if (!(cc > lastCol)) problems.push(`${label}: cell ${c.attrs.r} after column ${lastCol}`);
      lastCol = cc;
      if (!styleOk(c.attrs.s))
        problems.push(`${label}: cell ${c.attrs.r} has style ${c.attrs.s}, past ${ctx.xfCount}`);
      const v = kid(c, "v");
      if (c.attrs.t === "s" && v && !(parseInt(v.text, 10) < ctx.sstCount))
        problems.push(`${label}: cell ${c.attrs.r} names shared string ${v.text}, past ${ctx.sstCount}`);
      if (v || kid(c, "is") || kid(c, "f")) {
        used.top = Math.min(used.top, cr);
        used.bottom = Math.max(used.bottom, cr);
        used.left = Math.min(used.left, cc);
        used.right = Math.max(used.right, cc);
      }
    }
  }
  for (const col of kids(kid(root, "cols"), "col"))
    if (!styleOk(col.attrs.style))
      problems.push(`${label}: column ${col.attrs.min} has style ${col.attrs.style}, past ${ctx.xfCount}`);
  const dim = kid(root, "dimension")?.attrs.ref;
  const dimBox = dim ? rangeRef(dim) : null;
  if (dim && used.bottom > 0) {
    const holds = dimBox && inside(dimBox, used.top, used.left) && inside(dimBox, used.bottom, used.right);
    if (!holds)
      problems.push(
        `${label}: <dimension ref="${dim}"> does not cover the cells used (${used.top}:${used.left}–${used.bottom}:${used.right})`
      );
  }

  const merges = kids(kid(root, "mergeCells"), "mergeCell").map((m) => ({
    ref: m.attrs.ref ?? "",
    box: rangeRef(m.attrs.ref ?? ""),
  }));
  const sorted = merges.filter((m) => m.box).sort((a, b) => (a.box as Box).top - (b.box as Box).top);
  for (let i = 0; i < sorted.length; i++)
    for (
      let j = i + 1;
      j < sorted.length && (sorted[j]!.box as Box).top <= (sorted[i]!.box as Box).bottom;
      j++
    )
      if (overlaps(sorted[i]!.box as Box, sorted[j]!.box as Box))
        problems.push(`${label}: merges ${sorted[i]!.ref} and ${sorted[j]!.ref} overlap`);

  const tables: { ref: string; box: Box }[] = [];
  for (const t of kids(kid(root, "tableParts"), "tablePart")) {
    const rid = Object.entries(t.attrs).find(([k]) => k.endsWith("}id"))?.[1];
    const tp = rid ? ctx.relPart(part, rid) : null;
    const table = tp ? ctx.xml.get(tp) : undefined;
    const box = table ? rangeRef(table.attrs.ref ?? "") : null;
    if (table && box) tables.push({ ref: table.attrs.ref as string, box });
  }
  for (const t of tables)
    for (const m of merges)
      if (m.box && overlaps(t.box, m.box))
        problems.push(`${label}: merge ${m.ref} inside the table ${t.ref}`);
}
