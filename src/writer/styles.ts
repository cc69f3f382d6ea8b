// The styles part, edited by appending: the product's cells get cell formats (`xf`) of their own,
// added after the officer's, with the fonts, fills and borders they need (an officer's record is
// reused where it is exactly what is needed). Nothing of the officer's is changed or renumbered: the
// default font (Times New Roman 13 in many offices) and every existing format stay as they are.
import type { CellStyle } from "../core/plans/format";
import { decodeEntities, XmlScanner } from "../package/xml";
import { attrOf, escapeAttr, prefixOf, Splices, tagName, withAttrs } from "./xml-edit";

/** A cell's look as the styles part stores it: raw font, fill and border records, alignment, format. */
export interface Look {
  font: string;
  fill: string;
  border: string;
  /** Attributes of `<alignment>` (raw values). */
  alignment: Record<string, string>;
  numFmtId: string;
  xfId: string;
  /** Attributes of `<protection>` (a recorded look's: locked, hidden). */
  protection?: Record<string, string>;
}

/**
 * Whose look a cell format is: the product's own (its looks never carry a number format) or one the
 * pane recorded from the officer's cell, whose number format is part of it and so said to apply.
 */
export type LookKind = "product" | "recorded";

/** Where the part's `<numFmts>` is: its start tag, where new records go, whether it is an empty element. */
interface FormatsAt {
  open: [number, number];
  close: number;
  empty: boolean;
}

/** The number formats SpreadsheetML builds in (ECMA-376 Part 1, §18.8.30) whose codes do not vary by locale. */
const BUILT_IN_FORMATS: Record<string, string> = {
  General: "0",
  "0": "1",
  "0.00": "2",
  "#,##0": "3",
  "#,##0.00": "4",
  "0%": "9",
  "0.00%": "10",
  "0.00E+00": "11",
  "# ?/?": "12",
  "# ??/??": "13",
  "@": "49",
};

export type Section = "fonts" | "fills" | "borders" | "cellXfs";
const SECTIONS: Section[] = ["fonts", "fills", "borders", "cellXfs"];
/** The order of a style sheet's first elements, to put a missing section where it belongs. */
const ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs"];

interface SectionAt {
  /** The section's start tag (or whole empty element). */
  open: { start: number; end: number };
  empty: boolean;
  /** Where new records go: before the end tag. */
  close: number;
  items: string[];
  /** Where each record starts and ends. */
  spans: [number, number][];
}

export interface StyleCounts {
  xfs: number;
  fonts: number;
  fills: number;
  borders: number;
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** A styles part for a workbook made from nothing: Calibri 11, as Excel's own default. */
export function blankStyles(): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN}">` +
    `<fonts count="1"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts>` +
    `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
    `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
    `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>` +
    `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
    `</styleSheet>`
  );
}

/** An element's first child `<name …/>` (any prefix, empty or not) removed, or replaced by `child`. */
function setChild(raw: string, name: string, child: string | null): string {
  const re = new RegExp(`<(\\w+:)?${name}\\b[^>]*?(/>|>\\s*</(\\w+:)?${name}\\s*>)`);
  const m = re.exec(raw);
  if (m) return raw.slice(0, m.index) + (child ?? "") + raw.slice(m.index + m[0].length);
  if (child === null) return raw;
  if (raw.endsWith("/>")) return `${raw.slice(0, -2)}>${child}</${tagName(raw)}>`;
  const close = raw.lastIndexOf("</");
  return raw.slice(0, close) + child + raw.slice(close);
}

export class Styles {
  private readonly sections = new Map<Section, SectionAt>();
  private readonly added = new Map<Section, string[]>();
  private readonly index = new Map<Section, Map<string, number>>();
  private readonly xfAttrs: Record<string, string>[] = [];
  private readonly xfAlign: Record<string, string>[] = [];
  private readonly prefix: string;
  private rootEnd = -1;
  private readonly missingAt = new Map<Section, number>();

  constructor(private readonly text: string) {
    this.prefix = this.scan();
    for (const s of SECTIONS) {
      this.added.set(s, []);
      const map = new Map<string, number>();
      (this.sections.get(s)?.items ?? []).forEach((raw, i) => map.has(raw) || map.set(raw, i));
      this.index.set(s, map);
    }
  }

  /** Collects the records of each section, with their offsets; returns the style sheet's prefix. */
  private scan(): string {
    const t = this.text;
    let depth = 0;
    let section: Section | null = null;
    let item = -1;
    let xf: Record<string, string> | null = null;
    let rootPrefix = "";
    const scanner = new XmlScanner({
      open: (name, attrs, empty, start, end) => {
        depth++;
        if (depth === 1) rootPrefix = prefixOf(tagName(t.slice(start, end)));
        if (depth === 2) {
          if ((SECTIONS as string[]).includes(name)) {
            section = name as Section;
            this.sections.set(section, { open: { start, end }, empty, close: end, items: [], spans: [] });
          }
        } else if (depth === 3 && section) {
          item = start;
          if (section === "cellXfs") {
            xf = attrs.record();
            this.xfAttrs.push(xf);
            this.xfAlign.push({});
          }
        } else if (depth === 4 && section === "cellXfs" && name === "alignment" && xf)
          this.xfAlign[this.xfAlign.length - 1] = attrs.record();
      },
      // An empty element is closed at once: depth falls back whether it had children or not.
      close: (_name, start, end) => {
        if (depth === 3 && section) this.push(section, item, end);
        if (depth === 2 && section) {
          (this.sections.get(section) as SectionAt).close = start;
          section = null;
        }
        if (depth === 1) this.rootEnd = start;
        depth--;
      },
    });
    scanner.write(t);
    scanner.end();
    // A section the part lacks goes before the first later one it has.
    for (const s of SECTIONS) {
      if (this.sections.has(s)) continue;
      const later = ORDER.slice(ORDER.indexOf(s) + 1);
      const next = later.map((n) => this.sections.get(n as Section)).find((x) => x !== undefined);
      this.missingAt.set(s, next ? next.open.start : this.rootEnd);
    }
    return rootPrefix;
  }

  private push(s: Section, start: number, end: number): void {
    const at = this.sections.get(s) as SectionAt;
    at.items.push(this.text.slice(start, end));
    at.spans.push([start, end]);
  }

  /** The raw `count` attribute of each section (null: none), to give back exactly on a clean. */
  countAttrs(): Record<Section, string | null> {
    const out = {} as Record<Section, string | null>;
    for (const s of SECTIONS) {
      const at = this.sections.get(s);
      out[s] = at ? (attrOf(this.text.slice(at.open.start, at.open.end), "count") ?? null) : null;
    }
    return out;
  }

  /**
   * The part with every section cut back to `to` records and its count attribute set to `counts`
   * (null: removed): what a clean gives back once the records past `to` were all the product's.
   * Null when a section holds fewer records than `to` (the part is not what the product left).
   */
  cutTo(to: StyleCounts, counts: Partial<Record<Section, string | null>>): string | null {
    const splices = new Splices();
    const want: Record<Section, number> = {
      fonts: to.fonts,
      fills: to.fills,
      borders: to.borders,
      cellXfs: to.xfs,
    };
    for (const s of SECTIONS) {
      const at = this.sections.get(s);
      const n = at?.items.length ?? 0;
      if (n < want[s]) return null;
      if (!at || n === want[s]) continue;
      const first = at.spans[want[s]] as [number, number];
      const last = at.spans[n - 1] as [number, number];
      splices.replace(first[0], last[1], "");
      const open = this.text.slice(at.open.start, at.open.end);
      if (counts[s] !== undefined)
        splices.replace(at.open.start, at.open.end, withAttrs(open, { count: counts[s] }));
    }
    return splices.apply(this.text);
  }

  counts(): StyleCounts {
    const n = (s: Section) => (this.sections.get(s)?.items.length ?? 0) + (this.added.get(s)?.length ?? 0);
    return { xfs: n("cellXfs"), fonts: n("fonts"), fills: n("fills"), borders: n("borders") };
  }

  private item(s: Section, i: number): string | undefined {
    const own = this.sections.get(s)?.items ?? [];
    return i < own.length ? own[i] : this.added.get(s)?.[i - own.length];
  }

  /** The look of cell format `xf` (the first format when it does not exist). */
  look(xf: number): Look {
    const i = xf >= 0 && xf < this.xfAttrs.length ? xf : 0;
    const a = this.xfAttrs[i] ?? {};
    const num = (k: string) => parseInt(a[k] ?? "0", 10) || 0;
    return {
      font: this.item("fonts", num("fontId")) ?? this.blankFont(),
      fill: this.item("fills", num("fillId")) ?? this.q("fill", `<${this.p}patternFill patternType="none"/>`),
      border: this.item("borders", num("borderId")) ?? this.emptyBorder(),
      alignment: { ...(this.xfAlign[i] ?? {}) },
      numFmtId: a.numFmtId ?? "0",
      xfId: a.xfId ?? "0",
    };
  }

  /** The default look: the workbook's first cell format (its default font). */
  base(): Look {
    return { ...this.look(0), numFmtId: "0", alignment: {} };
  }

  private get p(): string {
    return this.prefix;
  }

  /** The prefix of the style sheet's elements (`x:` when it writes `<x:font>`). */
  get elementPrefix(): string {
    return this.prefix;
  }

  /** The part's number formats (code → id), read when first asked, and those added. */
  private formats: {
    at: FormatsAt | null;
    codes: Map<string, string>;
    own: number;
    added: string[];
    next: number;
  } | null = null;

  private numFmts() {
    if (this.formats) return this.formats;
    const m = /<((?:\w+:)?numFmts)\b[^>]*?(\/>|>)/.exec(this.text);
    const codes = new Map<string, string>();
    let next = 164;
    let own = 0;
    let at: FormatsAt | null = null;
    if (m) {
      const openEnd = m.index + m[0].length;
      const empty = m[2] === "/>";
      const close = empty ? openEnd : this.text.indexOf(`</${m[1]}`, openEnd);
      for (const r of this.text.slice(openEnd, close).matchAll(/<(?:\w+:)?numFmt\b[^>]*>/g)) {
        own++;
        const id = attrOf(r[0], "numFmtId");
        const code = attrOf(r[0], "formatCode");
        if (id === undefined || code === undefined) continue;
        if (!codes.has(decodeEntities(code))) codes.set(decodeEntities(code), id);
        next = Math.max(next, (parseInt(id, 10) || 0) + 1);
      }
      at = { open: [m.index, openEnd], close, empty };
    }
    return (this.formats = { at, codes, own, added: [], next });
  }

  /** The id of a number format by its code: built in, the part's own, or added. */
  numFmtId(code: string): string {
    const builtIn = BUILT_IN_FORMATS[code];
    if (builtIn !== undefined) return builtIn;
    const f = this.numFmts();
    const known = f.codes.get(code);
    if (known !== undefined) return known;
    const id = String(f.next++);
    f.codes.set(code, id);
    f.added.push(`<${this.p}numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    return id;
  }

  private q(name: string, body: string): string {
    return `<${this.p}${name}>${body}</${this.p}${name}>`;
  }

  private blankFont(): string {
    return this.q("font", `<${this.p}sz val="11"/><${this.p}name val="Calibri"/>`);
  }

  private emptyBorder(): string {
    const p = this.p;
    return this.q("border", `<${p}left/><${p}right/><${p}top/><${p}bottom/><${p}diagonal/>`);
  }

  /** A look with a style laid over it. */
  styled(look: Look, style: CellStyle): Look {
    let font = look.font;
    const fp = prefixOf(tagName(font));
    const flag = (name: string, on: boolean | undefined) => {
      if (on !== undefined) font = setChild(font, name, on ? `<${fp}${name}/>` : null);
    };
    flag("b", style.bold);
    flag("i", style.italic);
    if (style.size !== undefined) font = setChild(font, "sz", `<${fp}sz val="${style.size}"/>`);
    if (style.font !== undefined) {
      // A theme scheme would win over the name: it goes.
      font = setChild(setChild(font, "scheme", null), "name", `<${fp}name val="${escapeAttr(style.font)}"/>`);
    }
    const out: Look = { ...look, font, alignment: { ...look.alignment } };
    const p = this.p;
    if (style.fill === "none")
      out.fill = this.item("fills", 0) ?? this.q("fill", `<${p}patternFill patternType="none"/>`);
    else if (style.fill !== undefined)
      out.fill = this.q(
        "fill",
        `<${p}patternFill patternType="solid"><${p}fgColor rgb="FF${style.fill}"/><${p}bgColor indexed="64"/></${p}patternFill>`
      );
    if (style.border === "none") out.border = this.emptyBorder();
    else if (style.border === "thin") {
      const edge = (e: string) => `<${p}${e} style="thin"><${p}color indexed="64"/></${p}${e}>`;
      out.border = this.q(
        "border",
        `${edge("left")}${edge("right")}${edge("top")}${edge("bottom")}<${p}diagonal/>`
      );
    }
    if (style.wrap !== undefined) out.alignment.wrapText = style.wrap ? "1" : "0";
    if (style.horizontal !== undefined) out.alignment.horizontal = style.horizontal;
    if (style.vertical !== undefined)
      out.alignment.vertical = style.vertical === "middle" ? "center" : style.vertical;
    return out;
  }

  private record(s: Section, raw: string): number {
    const map = this.index.get(s) as Map<string, number>;
    const found = map.get(raw);
    if (found !== undefined) return found;
    const i = (this.sections.get(s)?.items.length ?? 0) + (this.added.get(s) as string[]).length;
    (this.added.get(s) as string[]).push(raw);
    map.set(raw, i);
    return i;
  }

  /** The cell format of a look: the officer's own when identical, else a new one. */
  xf(look: Look, kind: LookKind = "product"): number {
    const font = this.record("fonts", look.font);
    const fill = this.record("fills", look.fill);
    const border = this.record("borders", look.border);
    const align = Object.entries(look.alignment)
      .map(([k, v]) => ` ${k}="${v}"`)
      .join("");
    const p = this.p;
    const locks = Object.entries(look.protection ?? {})
      .map(([k, v]) => ` ${k}="${v}"`)
      .join("");
    // A recorded look's number format and protection say so (the product's own looks have neither).
    const numberFormat = kind === "recorded" && look.numFmtId !== "0";
    const children = (align ? `<${p}alignment${align}/>` : "") + (locks ? `<${p}protection${locks}/>` : "");
    const raw =
      `<${p}xf numFmtId="${look.numFmtId}" fontId="${font}" fillId="${fill}" borderId="${border}" xfId="${look.xfId}"` +
      (numberFormat ? ` applyNumberFormat="1"` : "") +
      ` applyFont="1" applyFill="1" applyBorder="1"${align ? ` applyAlignment="1"` : ""}` +
      `${locks ? ` applyProtection="1"` : ""}${children ? `>${children}</${p}xf>` : "/>"}`;
    const xf = this.record("cellXfs", raw);
    // A new format's look is known at once: a block row fitted to its text measures the font it is
    // written in, on the first run as on the next (a second run is byte for byte the first's).
    if (xf === this.xfAttrs.length) {
      const { numFmtId, xfId } = look;
      this.xfAttrs.push({
        numFmtId,
        fontId: String(font),
        fillId: String(fill),
        borderId: String(border),
        xfId,
      });
      this.xfAlign.push({ ...look.alignment });
    }
    return xf;
  }

  /** Whether anything was added. */
  get changed(): boolean {
    return (
      SECTIONS.some((s) => (this.added.get(s) as string[]).length > 0) ||
      (this.formats?.added.length ?? 0) > 0
    );
  }

  /** The part's text with the new records appended and each section's count brought up to date. */
  toText(): string {
    const splices = new Splices();
    const f = this.formats;
    if (f && f.added.length) {
      const count = String(f.own + f.added.length);
      if (!f.at) {
        const fonts = this.sections.get("fonts");
        splices.insert(
          fonts ? fonts.open.start : (this.missingAt.get("fonts") as number),
          `<${this.p}numFmts count="${count}">${f.added.join("")}</${this.p}numFmts>`
        );
      } else {
        const open = this.text.slice(f.at.open[0], f.at.open[1]);
        if (f.at.empty) {
          const start = withAttrs(open, { count }).replace(/\/>$/, ">");
          splices.replace(f.at.open[0], f.at.open[1], `${start}${f.added.join("")}</${tagName(open)}>`);
        } else {
          splices.replace(f.at.open[0], f.at.open[1], withAttrs(open, { count }));
          splices.insert(f.at.close, f.added.join(""));
        }
      }
    }
    for (const s of SECTIONS) {
      const added = this.added.get(s) as string[];
      if (added.length === 0) continue;
      const at = this.sections.get(s);
      const count = String(this.counts()[s === "cellXfs" ? "xfs" : s]);
      if (!at) {
        splices.insert(
          this.missingAt.get(s) as number,
          `<${this.p}${s} count="${count}">${added.join("")}</${this.p}${s}>`
        );
        continue;
      }
      const open = this.text.slice(at.open.start, at.open.end);
      if (at.empty) {
        const start = withAttrs(open, { count }).replace(/\/>$/, ">");
        splices.replace(at.open.start, at.open.end, `${start}${added.join("")}</${tagName(open)}>`);
      } else {
        splices.replace(at.open.start, at.open.end, withAttrs(open, { count }));
        splices.insert(at.close, added.join(""));
      }
    }
    return splices.apply(this.text);
  }
}
