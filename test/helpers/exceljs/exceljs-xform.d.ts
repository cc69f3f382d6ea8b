// ExcelJS's writer of one defined name (not part of its typed API): the adapter teaches it `hidden`.
declare module "exceljs/lib/xlsx/xform/book/defined-name-xform" {
  interface XmlStream {
    openNode(name: string, attributes?: Record<string, unknown>): void;
    writeText(text: string): void;
    closeNode(): void;
  }
  class DefinedNameXform {
    model: { name: string; ranges: string[]; localSheetId?: number; hidden?: boolean };
    render(xmlStream: XmlStream, model: DefinedNameXform["model"]): void;
    parseOpen(node: { name: string; attributes: Record<string, string> }): boolean;
    parseClose(name: string): boolean;
  }
  export default DefinedNameXform;
}
