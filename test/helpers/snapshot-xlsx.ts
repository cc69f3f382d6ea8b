// A snapshot written as an .xlsx by hand (texts inline, numbers, booleans, errors, number formats,
// merges), so that the writer's properties run on files no spreadsheet program shaped for it.
import { a1, rangeA1 } from "../../src/core/model/a1";
import { isCellError, type SheetSnapshot } from "../../src/core/model/snapshot";
import { book } from "./package";

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export function snapshotXlsx(sheets: SheetSnapshot[]): Buffer {
  const formats = new Map<string, number>();
  for (const s of sheets)
    for (const cells of s.rows.values())
      for (const c of cells.values())
        if (c.format && !formats.has(c.format)) formats.set(c.format, formats.size + 1);
  const styles =
    `<numFmts count="${formats.size}">${[...formats].map(([f, i]) => `<numFmt numFmtId="${163 + i}" formatCode="${esc(f).replace(/"/g, "&quot;")}"/>`).join("")}</numFmts>` +
    `<fonts count="1"><font><sz val="13"/><name val="Times New Roman"/></font></fonts>` +
    `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
    `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
    `<cellXfs count="${formats.size + 1}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>${[...formats.values()].map((i) => `<xf numFmtId="${163 + i}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`).join("")}</cellXfs>`;
  return book({
    styles,
    sheets: sheets.map((s) => {
      const rows = [...s.rows].map(([r, cells]) => {
        const cs = [...cells].map(([c, cell]) => {
          const ref = a1(r, c);
          const st = cell.format ? ` s="${formats.get(cell.format)}"` : "";
          const v = cell.value;
          if (typeof v === "string")
            return `<c r="${ref}"${st} t="inlineStr"><is><t xml:space="preserve">${esc(v)}</t></is></c>`;
          if (typeof v === "number") return `<c r="${ref}"${st}><v>${v}</v></c>`;
          if (typeof v === "boolean") return `<c r="${ref}"${st} t="b"><v>${v ? 1 : 0}</v></c>`;
          if (v !== null && isCellError(v)) return `<c r="${ref}"${st} t="e"><v>${esc(v.error)}</v></c>`;
          return `<c r="${ref}"${st}/>`;
        });
        return `<row r="${r}">${cs.join("")}</row>`;
      });
      const merges = s.merges.length
        ? `<mergeCells count="${s.merges.length}">${s.merges.map((m) => `<mergeCell ref="${rangeA1(m)}"/>`).join("")}</mergeCells>`
        : "";
      return { name: s.name, body: `<sheetData>${rows.join("")}</sheetData>${merges}` };
    }),
  });
}
