// The workbook part, its relationships and the content types, edited by splicing: sheets added at
// the end or taken out, defined names removed, added or given a new text, and `localSheetId`s
// renumbered only when a sheet before them is taken out. Everything else stays as it is.
import { maxOf } from "../core/model/max";
import { relsPartName } from "../package/opc";
import { XmlScanner } from "../package/xml";
import { attrOf, escapeAttr, escapeText, prefixOf, Splices, tagName, withAttrs } from "./xml-edit";

export interface SheetEl {
  name: string;
  sheetId: number;
  rid: string;
  hidden: boolean;
  start: number;
  end: number;
}

export interface NameEl {
  name: string;
  localSheetId?: number;
  hidden: boolean;
  /** The formula, as XML text decoded. */
  text: string;
  start: number;
  end: number;
  /** The text as written in the part (entities and all), to copy or give back exactly. */
  raw: string;
  /** The start tag and where the text lies. */
  tag: string;
  textStart: number;
  textEnd: number;
}

export interface NewName {
  name: string;
  /** Index of the sheet (in the final order) the name is scoped to. */
  sheet: number;
  text: string;
  /** `text` is already XML (copied from another name as written). */
  raw?: boolean;
  hidden?: boolean;
}

interface RelEl {
  id: string;
  type: string;
  target: string;
  external: boolean;
  start: number;
  end: number;
}

const REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const WORKSHEET_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
export const WORKSHEET_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

/** Elements of CT_Workbook that `<definedNames>` follows. */
const BEFORE_NAMES = new Set(["sheets", "functionGroups", "externalReferences"]);

function scan(text: string, handler: ConstructorParameters<typeof XmlScanner>[0]): void {
  const s = new XmlScanner(handler);
  s.write(text);
  s.end();
}

export class WorkbookDoc {
  readonly sheets: SheetEl[] = [];
  readonly names: NameEl[] = [];
  private sheetsClose = -1;
  /** `<definedNames>`: its start tag's end, where its end tag starts, where the element ends. */
  private namesAt: { start: number; end: number; close: number; elementEnd: number; empty: boolean } | null =
    null;
  private namesGoAt = -1;
  private view: { start: number; end: number; tag: string } | null = null;
  private prefix = "";
  /** The attribute naming a sheet's relationship (`r:id`, whatever the prefix). */
  private ridAttr = "r:id";
  /** Namespace declarations on the root, by prefix (`""` for the default). */
  private readonly rootNs = new Map<string, string>();
  /** The relationships namespace a sheet's `r:id` is in, where a sheet declares it itself (openpyxl). */
  private ridNs: string | undefined;
  /** The main namespace (transitional or strict), for the sheets the product adds. */
  mainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

  private readonly removed = new Set<number>();
  /** Existing sheets given a new name (a `KQ` sheet following its renamed sheet). */
  private readonly renamed = new Map<number, string>();
  private readonly added: { name: string; rid: string; hidden: boolean }[] = [];
  private readonly dropped = new Set<NameEl>();
  /** New texts, as XML. */
  private readonly retext = new Map<NameEl, string>();
  private readonly newNames: NewName[] = [];

  constructor(readonly text: string) {
    let depth = 0;
    let name: NameEl | null = null;
    let textSeen = false;
    scan(text, {
      open: (local, a, empty, start, end) => {
        depth++;
        const tag = text.slice(start, end);
        if (depth === 1) {
          for (const [k, v] of Object.entries(a.record()))
            if (k === "xmlns" || k.startsWith("xmlns:")) this.rootNs.set(k.slice(6), v);
          this.prefix = prefixOf(tagName(tag));
          const ns = a.get(this.prefix ? `xmlns:${this.prefix.slice(0, -1)}` : "xmlns");
          if (ns) this.mainNs = ns;
        } else if (depth === 2 && local === "definedNames")
          this.namesAt = { start, end, close: end, elementEnd: end, empty };
        else if (depth === 3 && local === "sheet") {
          const rec = a.record();
          const ridAttr = Object.keys(rec).find((k) => k.endsWith(":id"));
          if (ridAttr) this.ridAttr = ridAttr;
          const own = ridAttr ? rec[`xmlns:${ridAttr.slice(0, -3)}`] : undefined;
          if (own) this.ridNs = own;
          this.sheets.push({
            name: a.get("name") ?? "",
            sheetId: parseInt(a.get("sheetId") ?? "0", 10) || 0,
            rid: ridAttr ? (rec[ridAttr] as string) : "",
            hidden: (a.get("state") ?? "visible") !== "visible",
            start,
            end,
          });
        } else if (depth === 3 && local === "workbookView" && !this.view) this.view = { start, end, tag };
        else if (depth === 3 && local === "definedName") {
          const id = a.get("localSheetId");
          const hidden = a.get("hidden");
          name = {
            name: a.get("name") ?? "",
            hidden: hidden === "1" || hidden === "true",
            text: "",
            raw: "",
            start,
            end,
            tag,
            textStart: end,
            textEnd: end,
          };
          if (id !== undefined) name.localSheetId = parseInt(id, 10);
        }
      },
      text: (t, start, end) => {
        if (name && depth === 3) {
          if (!textSeen) name.textStart = start;
          textSeen = true;
          name.text += t;
          name.textEnd = end;
        }
      },
      close: (local, start, end) => {
        if (depth === 2 && local === "sheets") this.sheetsClose = start;
        if (depth === 2 && local === "definedNames" && this.namesAt) {
          this.namesAt.close = start;
          this.namesAt.elementEnd = end;
        }
        if (depth === 2 && BEFORE_NAMES.has(local)) this.namesGoAt = end;
        if (depth === 3 && local === "definedName" && name) {
          if (!textSeen) name.textStart = name.textEnd = name.end === end ? -1 : start;
          else name.raw = text.slice(name.textStart, name.textEnd);
          textSeen = false;
          name.end = end;
          this.names.push(name);
          name = null;
        }
        depth--;
      },
    });
  }

  /** Index of a sheet by name (Excel's names are case-insensitive). */
  indexOf(sheet: string): number {
    const k = sheet.toLowerCase();
    return this.sheets.findIndex((s) => s.name.toLowerCase() === k);
  }

  /** The sheets as they will be, in order: the kept ones, then the added ones. */
  finalSheets(): string[] {
    return [
      ...this.sheets.filter((_, i) => !this.removed.has(i)).map((s) => s.name),
      ...this.added.map((a) => a.name),
    ];
  }

  /** An existing sheet's index once the removed ones are gone (-1 if it is removed). */
  finalIndex(i: number): number {
    if (this.removed.has(i)) return -1;
    let n = i;
    for (const r of this.removed) if (r < i) n--;
    return n;
  }

  /** Gives existing sheet `i` a new name (the caller checked nothing of the officer's refers to the old one). */
  renameSheet(i: number, name: string): void {
    const s = this.sheets[i];
    if (!s) return;
    this.renamed.set(i, name);
    s.name = name;
  }

  removeSheet(i: number): void {
    this.removed.add(i);
    for (const n of this.names) if (n.localSheetId === i) this.dropped.add(n);
  }

  /** Adds a sheet at the end; returns its index in the final order. */
  addSheet(name: string, rid: string, hidden = false): number {
    this.added.push({ name, rid, hidden });
    return this.finalSheets().length - 1;
  }

  nextSheetId(): number {
    return (
      maxOf(
        this.sheets.map((s) => s.sheetId),
        0
      ) +
      this.added.length +
      1
    );
  }

  /** The live names (not dropped) scoped to existing sheet `i`, or workbook-wide when `i` is undefined. */
  namesOf(i: number | undefined): NameEl[] {
    return this.names.filter((n) => !this.dropped.has(n) && n.localSheetId === i);
  }

  dropName(n: NameEl): void {
    this.dropped.add(n);
  }

  /** A name's new formula; `raw`: already XML, copied as written from another name. */
  setNameText(n: NameEl, text: string, raw = false): void {
    this.retext.set(n, raw ? text : escapeText(text));
  }

  /** The formula of a live name as written in the part (XML), after setNameText. */
  nameRaw(n: NameEl): string {
    return this.retext.get(n) ?? n.raw;
  }

  /** `<definedNames/>` as the part holds it when it is an empty element (openpyxl writes one). */
  get emptyNamesTag(): string | null {
    const at = this.namesAt;
    return at?.empty ? this.text.slice(at.start, at.end) : null;
  }

  /** What stands where `<definedNames>` was once every name in it is gone (an empty one given back). */
  namesLeftAs = "";

  addName(n: NewName): void {
    this.newNames.push(n);
  }

  private nameXml(n: NewName): string {
    const p = this.prefix;
    const hidden = n.hidden ? ` hidden="1"` : "";
    return `<${p}definedName name="${escapeAttr(n.name)}" localSheetId="${n.sheet}"${hidden}>${n.raw ? n.text : escapeText(n.text)}</${p}definedName>`;
  }

  /**
   * The declaration a new `<sheet>` needs for its `r:id` prefix: none when the root declares it,
   * else the one the officer's sheets carry (openpyxl declares it on each sheet), else the usual one.
   */
  private ridDeclaration(): string {
    const prefix = this.ridAttr.slice(0, -3);
    if (this.rootNs.has(prefix)) return "";
    const strict = this.mainNs.startsWith("http://purl.oclc.org/");
    const ns =
      this.ridNs ??
      (strict
        ? "http://purl.oclc.org/ooxml/officeDocument/relationships"
        : "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
    return ` xmlns:${prefix}="${escapeAttr(ns)}"`;
  }

  toText(): string {
    const sp = new Splices();
    const p = this.prefix;
    this.sheets.forEach((s, i) => this.removed.has(i) && sp.replace(s.start, s.end, ""));
    for (const [i, name] of this.renamed) {
      const s = this.sheets[i];
      if (s && !this.removed.has(i))
        sp.replace(s.start, s.end, withAttrs(this.text.slice(s.start, s.end), { name: escapeAttr(name) }));
    }
    let sheetId = maxOf(
      this.sheets.map((s) => s.sheetId),
      0
    );
    const decl = this.ridDeclaration();
    const addedXml = this.added
      .map(
        (a) =>
          `<${p}sheet name="${escapeAttr(a.name)}" sheetId="${++sheetId}"${a.hidden ? ` state="hidden"` : ""}${decl} ${this.ridAttr}="${a.rid}"/>`
      )
      .join("");
    if (addedXml) sp.insert(this.sheetsClose, addedXml);
    const live = this.names.filter((n) => !this.dropped.has(n)).length;
    const fresh = this.newNames.map((n) => this.nameXml(n)).join("");
    const at = this.namesAt;
    // Every name gone and none new: the element goes too (with them).
    const whole = at !== null && live === 0 && !fresh;
    for (const n of this.names) {
      if (this.dropped.has(n)) {
        if (!whole) sp.replace(n.start, n.end, "");
        continue;
      }
      const id = n.localSheetId;
      const moved = id !== undefined && this.removed.size > 0 ? this.finalIndex(id) : id;
      if (moved !== id)
        sp.replace(n.start, n.start + n.tag.length, withAttrs(n.tag, { localSheetId: String(moved) }));
      const text = this.retext.get(n);
      if (text !== undefined && n.textStart >= 0) sp.replace(n.textStart, n.textEnd, text);
    }
    if (at && whole) sp.replace(at.start, at.elementEnd, this.namesLeftAs);
    else if (at && at.empty && fresh)
      sp.replace(
        at.start,
        at.end,
        `${this.text.slice(at.start, at.end).replace(/\s*\/>$/, ">")}${fresh}</${p}definedNames>`
      );
    else if (at && fresh) sp.insert(at.close, fresh);
    else if (!at && fresh) sp.insert(this.namesGoAt, `<${p}definedNames>${fresh}</${p}definedNames>`);
    if (this.view && this.removed.size > 0) {
      const tab = (k: string) => {
        const v = attrOf(this.view?.tag ?? "", k);
        if (v === undefined) return undefined;
        const i = parseInt(v, 10);
        const f = this.finalIndex(i);
        return String(f >= 0 ? f : 0);
      };
      const tag = withAttrs(this.view.tag, { activeTab: tab("activeTab"), firstSheet: tab("firstSheet") });
      if (tag !== this.view.tag) sp.replace(this.view.start, this.view.end, tag);
    }
    return sp.apply(this.text);
  }
}

/** A relationships part: relationships added at the end, some taken out. */
export class RelsDoc {
  readonly rels: RelEl[] = [];
  private close = -1;
  private prefix = "";
  private readonly removed = new Set<string>();
  private readonly added: string[] = [];
  private next = 1;

  constructor(
    readonly source: string,
    readonly text: string
  ) {
    let depth = 0;
    scan(text, {
      open: (local, a, _empty, start, end) => {
        depth++;
        if (depth === 1) this.prefix = prefixOf(tagName(text.slice(start, end)));
        if (depth === 2 && local === "Relationship")
          this.rels.push({
            id: a.get("Id") ?? "",
            type: a.get("Type") ?? "",
            target: a.get("Target") ?? "",
            external: a.get("TargetMode") === "External",
            start,
            end,
          });
      },
      close: (_l, start, end) => {
        if (depth === 2 && this.rels.length && this.rels[this.rels.length - 1]!.start === start) {
          (this.rels[this.rels.length - 1] as RelEl).end = end;
        }
        if (depth === 1) this.close = start;
        depth--;
      },
    });
    for (const r of this.rels) {
      const m = /^rId(\d+)$/.exec(r.id);
      if (m) this.next = Math.max(this.next, parseInt(m[1] as string, 10) + 1);
    }
  }

  static blank(source: string): RelsDoc {
    return new RelsDoc(
      source,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${REL_NS}"></Relationships>`
    );
  }

  byId(id: string): RelEl | undefined {
    return this.rels.find((r) => r.id === id);
  }

  /** The type of an existing worksheet relationship (strict or transitional), or the usual one. */
  worksheetType(): string {
    return this.rels.find((r) => r.type.endsWith("/worksheet"))?.type ?? WORKSHEET_TYPE;
  }

  add(type: string, target: string): string {
    const id = `rId${this.next++}`;
    const p = this.prefix;
    this.added.push(
      `<${p}Relationship Id="${id}" Type="${escapeAttr(type)}" Target="${escapeAttr(target)}"/>`
    );
    return id;
  }

  remove(id: string): void {
    this.removed.add(id);
  }

  get changed(): boolean {
    return this.added.length > 0 || this.removed.size > 0;
  }

  toText(): string {
    const sp = new Splices();
    for (const r of this.rels) if (this.removed.has(r.id)) sp.replace(r.start, r.end, "");
    if (this.added.length) sp.insert(this.close, this.added.join(""));
    return sp.apply(this.text);
  }
}

/** `[Content_Types].xml`: overrides added for new parts, taken out for removed ones. */
export class ContentTypesDoc {
  private readonly overrides: { part: string; start: number; end: number }[] = [];
  private close = -1;
  private prefix = "";
  private readonly removed = new Set<string>();
  private readonly added: string[] = [];

  constructor(readonly text: string) {
    let depth = 0;
    scan(text, {
      open: (local, a, _e, start, end) => {
        depth++;
        if (depth === 1) this.prefix = prefixOf(tagName(text.slice(start, end)));
        if (depth === 2 && local === "Override")
          this.overrides.push({
            part: (a.get("PartName") ?? "").replace(/^\//, "").toLowerCase(),
            start,
            end,
          });
      },
      close: (_l, start, end) => {
        const last = this.overrides[this.overrides.length - 1];
        if (depth === 2 && last && last.start === start) last.end = end;
        if (depth === 1) this.close = start;
        depth--;
      },
    });
  }

  add(part: string, type: string): void {
    this.added.push(`<${this.prefix}Override PartName="/${escapeAttr(part)}" ContentType="${type}"/>`);
  }

  remove(part: string): void {
    this.removed.add(part.replace(/^\//, "").toLowerCase());
  }

  toText(): string {
    const sp = new Splices();
    for (const o of this.overrides) if (this.removed.has(o.part)) sp.replace(o.start, o.end, "");
    if (this.added.length) sp.insert(this.close, this.added.join(""));
    return sp.apply(this.text);
  }
}

export { relsPartName };
