// An officer's workbook opened for a surgical write: the package as stored, with the few parts the
// product touches held as text (the workbook part, its relationships, the content types, the styles
// and the sheets written in). Everything else is carried over exactly as stored, compressed bytes
// and all; the parts touched keep every character that is not the product's.
import { PackageError } from "../package/limits";
import { readRelationships, relKind, relsPartName } from "../package/opc";
import { rewritePlan, type PartData, type PartOut } from "../package/zip-write";
import type { PackageReader } from "../package/zip-read";
import { blankStyles, Styles } from "./styles";
import { ContentTypesDoc, RelsDoc, WorkbookDoc, WORKSHEET_CT } from "./workbook-doc";
import { decodePart, decodePartPieces, encodedChunks, type PartEncoding, type Pieces } from "./xml-edit";

const STYLES_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";
const STYLES_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
/** Parts the writer holds as text are small by nature, or are sheets: bounded like any part read. */
const TEXT_PART_BYTES = 128 * 1024 * 1024;

interface TextPart {
  /** The text now: as read or set, or the pieces an edit left (joined only if read again). */
  text: string | Pieces;
  encoding: PartEncoding;
  /** The text as read (a large part in the pieces it was decoded in), to tell whether it changed. */
  original: string | Pieces;
}

export class Book {
  private readonly parts = new Map<string, TextPart>();
  private readonly added: PartOut[] = [];
  private readonly removed = new Set<string>();
  /** Parts added in this write by name (lower case), to name new ones apart. */
  private readonly taken = new Set<string>();
  private stylesNew = false;

  private constructor(
    readonly pkg: PackageReader,
    readonly workbookPart: string,
    readonly wb: WorkbookDoc,
    readonly rels: RelsDoc,
    readonly types: ContentTypesDoc,
    readonly styles: Styles,
    readonly stylesPart: string
  ) {
    for (const p of pkg.parts) this.taken.add(p.name.toLowerCase());
  }

  static async open(pkg: PackageReader): Promise<Book> {
    const rel = (await readRelationships(pkg, "")).find(
      (r) => !r.external && relKind(r.type) === "officeDocument"
    );
    const workbookPart = rel && pkg.has(rel.target) ? rel.target : "xl/workbook.xml";
    const text = async (name: string) => decodePart(await pkg.read(name, TEXT_PART_BYTES));
    const wbText = await text(workbookPart);
    const relsName = relsPartName(workbookPart);
    const relsText = pkg.has(relsName) ? await text(relsName) : null;
    const rels = relsText ? new RelsDoc(workbookPart, relsText.text) : RelsDoc.blank(workbookPart);
    const typesText = await text("[Content_Types].xml");
    const types = new ContentTypesDoc(typesText.text);
    const folder = workbookPart.slice(0, workbookPart.lastIndexOf("/") + 1);
    const stylesRel = rels.rels.find((r) => !r.external && relKind(r.type) === "styles");
    const stylesPart = stylesRel ? resolve(folder, stylesRel.target) : `${folder}styles.xml`;
    const stylesText = stylesRel && pkg.has(stylesPart) ? await text(stylesPart) : null;
    const book = new Book(
      pkg,
      workbookPart,
      new WorkbookDoc(wbText.text),
      rels,
      types,
      new Styles(stylesText?.text ?? blankStyles()),
      stylesPart
    );
    book.hold(workbookPart, wbText);
    if (relsText) book.hold(relsName, relsText);
    book.hold("[Content_Types].xml", typesText);
    if (stylesText) book.hold(stylesPart, stylesText);
    else book.stylesNew = true;
    return book;
  }

  private hold(name: string, t: { text: string | Pieces; encoding: PartEncoding }): void {
    this.parts.set(name.toLowerCase(), { ...t, original: t.text });
  }

  /** The worksheet part of sheet `i` (undefined: a chart sheet, or a part missing). */
  sheetPart(i: number): string | undefined {
    const s = this.wb.sheets[i];
    const rel = s ? this.rels.byId(s.rid) : undefined;
    if (!rel || rel.external || !rel.type.endsWith("/worksheet")) return undefined;
    const part = resolve(this.folder, rel.target);
    return this.pkg.has(part) ? part : undefined;
  }

  private get folder(): string {
    return this.workbookPart.slice(0, this.workbookPart.lastIndexOf("/") + 1);
  }

  /** A part's text (read once, then as last set). */
  async text(part: string): Promise<string> {
    const held = this.parts.get(part.toLowerCase());
    if (held) {
      if (typeof held.text !== "string") held.text = held.text.toString();
      return held.text;
    }
    const t = decodePart(await this.pkg.read(part, TEXT_PART_BYTES));
    this.hold(part, t);
    return t.text;
  }

  /**
   * A part's text now, as the pieces an edit left when it did (read without joining them); a large
   * part read for the first time is decoded in pieces as it is inflated, never whole.
   */
  async current(part: string): Promise<string | Pieces> {
    const held = this.parts.get(part.toLowerCase());
    if (held) return held.text;
    const t = await decodePartPieces(this.pkg.pieces(part, TEXT_PART_BYTES));
    this.hold(part, t);
    return t.text;
  }

  /** A part's text as it was read from the package, whatever was set since (in pieces as read). */
  async original(part: string): Promise<string | Pieces> {
    const held = this.parts.get(part.toLowerCase());
    if (held) return held.original;
    return (await decodePartPieces(this.pkg.pieces(part, TEXT_PART_BYTES))).text;
  }

  setText(part: string, text: string | Pieces): void {
    const held = this.parts.get(part.toLowerCase());
    if (!held) throw new PackageError("set before it was read", part);
    held.text = text;
  }

  /** Whether a part has a relationships part of its own (drawings, comments…). */
  hasRels(part: string): boolean {
    return this.pkg.has(relsPartName(part));
  }

  /** Adds a worksheet at the end of the workbook (hidden when asked); returns its index. */
  addSheet(name: string, xml: string, hidden = false): number {
    let n = this.wb.sheets.length + 1;
    const partOf = (k: number) => `${this.folder}worksheets/sheet${k}.xml`;
    while (this.taken.has(partOf(n).toLowerCase())) n++;
    const part = partOf(n);
    this.taken.add(part.toLowerCase());
    const rid = this.rels.add(this.rels.worksheetType(), `worksheets/sheet${n}.xml`);
    this.types.add(part, WORKSHEET_CT);
    this.added.push({ name: part, data: Buffer.from(xml, "utf8") });
    return this.wb.addSheet(name, rid, hidden);
  }

  /** Gives sheet `i` new content in place: the same part, relationship, id and position. */
  async replaceSheet(i: number, xml: string): Promise<void> {
    const part = this.sheetPart(i);
    if (!part) throw new PackageError("no worksheet part", this.wb.sheets[i]?.name);
    await this.text(part);
    this.setText(part, xml);
    for (const n of this.wb.namesOf(i)) this.wb.dropName(n);
  }

  /** Takes sheet `i` out, with its part and relationship (the caller checked it has no parts of its own). */
  removeSheet(i: number): void {
    const s = this.wb.sheets[i];
    if (!s) return;
    const part = this.sheetPart(i);
    this.wb.removeSheet(i);
    this.rels.remove(s.rid);
    if (part) {
      this.removed.add(part);
      this.types.remove(part);
    }
  }

  /** The parts of the written package, in the order they were, new ones at the end. */
  toParts(): PartOut[] {
    this.setText(this.workbookPart, this.wb.toText());
    const relsName = relsPartName(this.workbookPart);
    if (this.styles.changed && this.stylesNew) {
      this.rels.add(STYLES_TYPE, this.stylesPart.slice(this.folder.length));
      this.types.add(this.stylesPart, STYLES_CT);
      this.added.push({ name: this.stylesPart, data: Buffer.from(this.styles.toText(), "utf8") });
    } else if (this.styles.changed) this.setText(this.stylesPart, this.styles.toText());
    const add = [...this.added];
    if (this.rels.changed) {
      if (this.parts.has(relsName.toLowerCase())) this.setText(relsName, this.rels.toText());
      else add.unshift({ name: relsName, data: Buffer.from(this.rels.toText(), "utf8") });
    }
    this.setText("[Content_Types].xml", this.types.toText());
    const replace = new Map<string, PartData>();
    for (const p of this.pkg.parts) {
      const held = this.parts.get(p.name.toLowerCase());
      if (!held) continue;
      const { text, encoding, original } = held;
      const same =
        typeof text === "string"
          ? typeof original === "string"
            ? text === original
            : original.equals(text)
          : text.equals(original);
      // Encoded as the zip writer takes it in: a large sheet is never a second whole copy.
      if (!same) replace.set(p.name, { chunks: () => encodedChunks(text, encoding) });
    }
    return rewritePlan(this.pkg, { replace, remove: this.removed, add });
  }
}

/** A relationship target resolved against a folder (`worksheets/sheet1.xml` from `xl/`). */
function resolve(folder: string, target: string): string {
  const base = target.startsWith("/") ? [] : folder.split("/").filter(Boolean);
  for (const seg of target.replace(/\\/g, "/").split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") base.pop();
    else base.push(seg);
  }
  return base.join("/");
}
