// Workbooks written part by part in the tests, for what no spreadsheet program we have writes:
// other producers' habits, odd but valid files, hostile ones.
import { zipSync } from "fflate";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";

export interface SheetSpec {
  name: string;
  /** The worksheet's XML inside <worksheet>: usually `<sheetData>…</sheetData>` and more. */
  body: string;
  state?: "hidden" | "veryHidden";
}

export interface BookSpec {
  sheets: SheetSpec[];
  sharedStrings?: string[] | string;
  /** The <styleSheet> body. */
  styles?: string;
  /** Extra XML inside <workbook> before <sheets> (workbookPr…) and after (definedNames…). */
  workbookPr?: string;
  definedNames?: string;
  /** Parts added or replacing the defaults. */
  extra?: Record<string, string | Uint8Array>;
}

const xml = (s: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${s}`;

export function bookParts(spec: BookSpec): Record<string, string | Uint8Array> {
  const parts: Record<string, string | Uint8Array> = {
    "[Content_Types].xml": xml(
      `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`
    ),
    "_rels/.rels": xml(
      `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`
    ),
  };
  const rels = spec.sheets.map(
    (_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`
  );
  if (spec.sharedStrings !== undefined) {
    rels.push(`<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
    const sst =
      typeof spec.sharedStrings === "string"
        ? spec.sharedStrings
        : spec.sharedStrings.map((s) => `<si><t xml:space="preserve">${s}</t></si>`).join("");
    parts["xl/sharedStrings.xml"] = xml(`<sst xmlns="${MAIN}">${sst}</sst>`);
  }
  if (spec.styles !== undefined) {
    rels.push(`<Relationship Id="rIdY" Type="${REL}/styles" Target="styles.xml"/>`);
    parts["xl/styles.xml"] = xml(`<styleSheet xmlns="${MAIN}">${spec.styles}</styleSheet>`);
  }
  parts["xl/_rels/workbook.xml.rels"] = xml(
    `<Relationships xmlns="${PKG_REL}">${rels.join("")}</Relationships>`
  );
  const sheets = spec.sheets
    .map(
      (s, i) =>
        `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`
    )
    .join("");
  parts["xl/workbook.xml"] = xml(
    `<workbook xmlns="${MAIN}" xmlns:r="${REL}">${spec.workbookPr ?? ""}<sheets>${sheets}</sheets>${spec.definedNames ?? ""}</workbook>`
  );
  spec.sheets.forEach((s, i) => {
    parts[`xl/worksheets/sheet${i + 1}.xml`] = xml(
      `<worksheet xmlns="${MAIN}" xmlns:r="${REL}">${s.body}</worksheet>`
    );
  });
  return { ...parts, ...spec.extra };
}

export function zipParts(parts: Record<string, string | Uint8Array>): Buffer {
  const files: Record<string, Uint8Array> = {};
  for (const [name, data] of Object.entries(parts))
    files[name] = typeof data === "string" ? Buffer.from(data, "utf8") : data;
  return Buffer.from(zipSync(files));
}

export const book = (spec: BookSpec): Buffer => zipParts(bookParts(spec));

/** `<sheetData>` from rows of raw `<c>` XML. */
export function sheetData(rows: Record<number, string>): string {
  return `<sheetData>${Object.entries(rows)
    .map(([r, cells]) => `<row r="${r}">${cells}</row>`)
    .join("")}</sheetData>`;
}
