// The fake workbook saved as an .xlsx, as Excel saves what the officer sees (values, each cell's look
// as a cell format, merges, widths, heights, names, the fingerprint's text constant), and an .xlsx's
// cells read back in the fake's terms: so that a workbook checked in the pane can be cleaned by the
// CLI and compared with what the pane's own Xoá kết quả gives (test/excel/cli-clean-looks.test.ts).
import { unzipSync } from "fflate";
import { pointsToWidth } from "../../src/core/plans/measure";
import { book } from "../helpers/package";
import type { FakeCell, FakeWorkbook } from "./fake-excel";

const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const unesc = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

function letters(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
function colNumber(l: string): number {
  let n = 0;
  for (const ch of l) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const BORDER_OUT: Record<string, string> = {
  Continuous: "thin",
  Double: "double",
  Dot: "dotted",
  Dash: "dashed",
};
const BORDER_IN: Record<string, string> = { thin: "Continuous", double: "Double", dotted: "Dot" };
const EDGES = ["left", "right", "top", "bottom"] as const;
/** Number formats built into SpreadsheetML (ECMA-376 §18.8.30) that the tests meet. */
const BUILT_IN: Record<string, string> = {
  "0": "General",
  "1": "0",
  "2": "0.00",
  "9": "0%",
  "10": "0.00%",
  "49": "@",
};

const lookKey = (c: FakeCell) =>
  JSON.stringify([c.format, c.bold, c.fill, c.font, c.wrap, c.horizontal, c.vertical, c.borders]);
const hasLook = (c: FakeCell) => lookKey(c) !== lookKey({ value: "" });

/** The workbook as Excel would save it. */
export function fakeXlsx(fake: FakeWorkbook): Buffer {
  const numFmts: string[] = [];
  const fonts = [
    `<font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>`,
  ];
  const fills = [
    `<fill><patternFill patternType="none"/></fill>`,
    `<fill><patternFill patternType="gray125"/></fill>`,
  ];
  const borders = [`<border><left/><right/><top/><bottom/><diagonal/></border>`];
  const xfs = [`<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`];
  const xfOf = new Map<string, number>();
  const add = (list: string[], raw: string) => {
    const i = list.indexOf(raw);
    return i >= 0 ? i : list.push(raw) - 1;
  };
  const styleOf = (c: FakeCell): number => {
    const key = lookKey(c);
    const known = xfOf.get(key);
    if (known !== undefined) return known;
    let numFmtId = "0";
    if (c.format && c.format !== "General") {
      const builtIn = Object.entries(BUILT_IN).find(([, code]) => code === c.format)?.[0];
      numFmtId = builtIn ?? String(164 + add(numFmts, c.format));
    }
    const font = add(
      fonts,
      `<font>${c.bold ? "<b/>" : ""}${c.font?.italic ? "<i/>" : ""}<sz val="${c.font?.size ?? 11}"/><color theme="1"/><name val="${esc(c.font?.name ?? "Calibri")}"/></font>`
    );
    const fill = c.fill
      ? add(
          fills,
          `<fill><patternFill patternType="solid"><fgColor rgb="FF${c.fill.slice(1).toUpperCase()}"/><bgColor indexed="64"/></patternFill></fill>`
        )
      : 0;
    const border = add(
      borders,
      `<border>${EDGES.map((e) => {
        const s = c.borders?.[e];
        // An edge set to `None` has no line, as an edge never set.
        const style = s && s !== "None" ? BORDER_OUT[s] : undefined;
        return style ? `<${e} style="${style}"><color indexed="64"/></${e}>` : `<${e}/>`;
      }).join("")}<diagonal/></border>`
    );
    const align = [
      c.horizontal ? ` horizontal="${c.horizontal.toLowerCase()}"` : "",
      c.vertical ? ` vertical="${c.vertical.toLowerCase()}"` : "",
      c.wrap ? ` wrapText="1"` : "",
    ].join("");
    const xf = add(
      xfs,
      `<xf numFmtId="${numFmtId}" fontId="${font}" fillId="${fill}" borderId="${border}" xfId="0"${align ? `><alignment${align}/></xf>` : "/>"}`
    );
    xfOf.set(key, xf);
    return xf;
  };
  const sheets = fake.sheets.map((s) => {
    const rows = new Map<number, string[]>();
    const keys = [...s.cells.keys()]
      .map((k) => k.split(":").map(Number) as [number, number])
      .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    for (const [r, col] of keys) {
      const c = s.cells.get(`${r}:${col}`) as FakeCell;
      if (c.value === "" && !hasLook(c)) continue;
      const ref = `${letters(col)}${r}`;
      const st = hasLook(c) ? ` s="${styleOf(c)}"` : "";
      const v = c.value;
      const xml =
        v === ""
          ? `<c r="${ref}"${st}/>`
          : typeof v === "number"
            ? `<c r="${ref}"${st}><v>${v}</v></c>`
            : typeof v === "boolean"
              ? `<c r="${ref}"${st} t="b"><v>${v ? 1 : 0}</v></c>`
              : `<c r="${ref}"${st} t="inlineStr"><is><t xml:space="preserve">${esc(v)}</t></is></c>`;
      rows.set(r, [...(rows.get(r) ?? []), xml]);
    }
    for (const r of s.rowHeights.keys()) if (!rows.has(r)) rows.set(r, []);
    const data = [...rows]
      .sort((a, b) => a[0] - b[0])
      .map(([r, cs]) => {
        const h = s.rowHeights.get(r);
        return `<row r="${r}"${h !== undefined ? ` ht="${h}" customHeight="1"` : ""}>${cs.join("")}</row>`;
      })
      .join("");
    const cols = [...s.columnWidths]
      .sort((a, b) => a[0] - b[0])
      .map(
        ([c, w]) =>
          `<col min="${c}" max="${c}" width="${Math.round(pointsToWidth(w) * 100) / 100}" customWidth="1"/>`
      )
      .join("");
    const merges = s.merges.length
      ? `<mergeCells count="${s.merges.length}">${s.merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>`
      : "";
    return {
      name: s.name,
      body: `${cols ? `<cols>${cols}</cols>` : ""}<sheetData>${data}</sheetData>${merges}`,
    };
  });
  const absolute = (ref: string) =>
    ref.replace(/!\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/, (_m, a, b, c, d) =>
      c ? `!$${a}$${b}:$${c}$${d}` : `!$${a}$${b}`
    );
  const names = fake.names
    .map((n) => {
      const scope =
        n.scope === undefined ? "" : ` localSheetId="${fake.sheets.findIndex((s) => s.name === n.scope)}"`;
      const hidden = n.visible === false ? ` hidden="1"` : "";
      const text = n.formula !== undefined ? n.formula.replace(/^=/, "") : absolute(n.ref);
      return `<definedName name="${n.name}"${scope}${hidden}>${esc(text)}</definedName>`;
    })
    .join("");
  const styles =
    (numFmts.length
      ? `<numFmts count="${numFmts.length}">${numFmts.map((f, i) => `<numFmt numFmtId="${164 + i}" formatCode="${esc(f)}"/>`).join("")}</numFmts>`
      : "") +
    `<fonts count="${fonts.length}">${fonts.join("")}</fonts>` +
    `<fills count="${fills.length}">${fills.join("")}</fills>` +
    `<borders count="${borders.length}">${borders.join("")}</borders>` +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
    `<cellXfs count="${xfs.length}">${xfs.join("")}</cellXfs>` +
    `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>`;
  const ML = "application/vnd.openxmlformats-officedocument.spreadsheetml";
  const types =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
    `<Default Extension="xml" ContentType="application/xml"/>` +
    `<Override PartName="/xl/workbook.xml" ContentType="${ML}.sheet.main+xml"/>` +
    sheets
      .map(
        (_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${ML}.worksheet+xml"/>`
      )
      .join("") +
    `<Override PartName="/xl/styles.xml" ContentType="${ML}.styles+xml"/></Types>`;
  return book({
    sheets,
    styles,
    definedNames: names ? `<definedNames>${names}</definedNames>` : "",
    extra: { "[Content_Types].xml": types },
  });
}

const attr = (tag: string, name: string) => {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? unesc(m[1] as string) : undefined;
};
const items = (xml: string, section: string, item: string) => {
  const body = new RegExp(`<${section}\\b[^>]*>([\\s\\S]*?)</${section}>`).exec(xml)?.[1] ?? "";
  return [...body.matchAll(new RegExp(`<${item}\\b[^>]*?(?:/>|>[\\s\\S]*?</${item}>)`, "g"))].map(
    (m) => m[0]
  );
};

/**
 * A sheet's cells of an .xlsx in the fake's terms (value, number format, bold, fill, font, borders,
 * alignment), as `cells` of the fake holds them: a cell with nothing of its own left out.
 */
export function xlsxCells(bytes: Uint8Array, sheetIndex = 0): [string, FakeCell][] {
  const parts = unzipSync(bytes);
  const text = (name: string) => (parts[name] ? Buffer.from(parts[name] as Uint8Array).toString("utf8") : "");
  const styles = text("xl/styles.xml");
  const numFmts = new Map(
    items(styles, "numFmts", "numFmt").map((t) => [attr(t, "numFmtId"), attr(t, "formatCode")])
  );
  const fonts = items(styles, "fonts", "font");
  const fills = items(styles, "fills", "fill");
  const borders = items(styles, "borders", "border");
  const xfs = items(styles, "cellXfs", "xf");
  const shared = items(
    text("xl/sharedStrings.xml").replace(/^[\s\S]*?<sst\b[^>]*>/, "<sst>"),
    "sst",
    "si"
  ).map((si) => unesc([...si.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)].map((m) => m[1]).join("")));
  const lookOf = (s: number): Omit<FakeCell, "value"> => {
    const xf = xfs[s] ?? "";
    const out: Omit<FakeCell, "value"> = {};
    const id = attr(xf, "numFmtId") ?? "0";
    const code = numFmts.get(id) ?? BUILT_IN[id] ?? "General";
    if (code !== "General") out.format = code;
    const font = fonts[Number(attr(xf, "fontId") ?? 0)] ?? "";
    if (/<b\/>|<b\s+val="(1|true)"/.test(font)) out.bold = true;
    const f: NonNullable<FakeCell["font"]> = {};
    const name = /<name\s+val="([^"]*)"/.exec(font)?.[1];
    if (name && name !== "Calibri") f.name = unesc(name);
    const size = Number(/<sz\s+val="([^"]*)"/.exec(font)?.[1] ?? 11);
    if (size !== 11) f.size = size;
    if (/<i\/>|<i\s+val="(1|true)"/.test(font)) f.italic = true;
    if (Object.keys(f).length) out.font = f;
    const fill = fills[Number(attr(xf, "fillId") ?? 0)] ?? "";
    if (/patternType="solid"/.test(fill))
      out.fill = `#${/<fgColor\s+rgb="FF([0-9A-F]{6})"/i.exec(fill)?.[1]}`;
    const border = borders[Number(attr(xf, "borderId") ?? 0)] ?? "";
    const b: NonNullable<FakeCell["borders"]> = {};
    for (const e of EDGES) {
      const style = new RegExp(`<${e}\\s+style="(\\w+)"`).exec(border)?.[1];
      if (style) b[e] = BORDER_IN[style] ?? style;
    }
    if (Object.keys(b).length) out.borders = b;
    const align = /<alignment\b[^>]*>/.exec(xf)?.[0] ?? "";
    const h = attr(align, "horizontal");
    if (h) out.horizontal = h[0]?.toUpperCase() + h.slice(1);
    const v = attr(align, "vertical");
    if (v && v !== "bottom") out.vertical = v[0]?.toUpperCase() + v.slice(1);
    if (attr(align, "wrapText") === "1") out.wrap = true;
    return out;
  };
  const sheet = text(`xl/worksheets/sheet${sheetIndex + 1}.xml`);
  const out: [string, FakeCell][] = [];
  for (const m of sheet.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const tag = `<c${m[1]}>`;
    const [, l, r] = /^([A-Z]+)(\d+)$/.exec(attr(tag, "r") ?? "") ?? [];
    const body = m[2] ?? "";
    const t = attr(tag, "t");
    const raw = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
    const value =
      t === "inlineStr"
        ? unesc([...body.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)].map((x) => x[1]).join(""))
        : t === "s"
          ? (shared[Number(raw)] ?? "")
          : t === "b"
            ? raw === "1"
            : raw !== undefined
              ? Number(raw)
              : "";
    const cell: FakeCell = { value, ...lookOf(Number(attr(tag, "s") ?? 0)) };
    if (value === "" && Object.keys(cell).length === 1) continue;
    out.push([`${r}:${colNumber(l as string)}`, cell]);
  }
  return out.sort(([a], [b]) => a.localeCompare(b));
}
