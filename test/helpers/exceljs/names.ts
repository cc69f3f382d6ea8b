// ExcelJS keeps defined names in a cell matrix that drops their sheet scope (localSheetId) and merges
// same-named names of different sheets. The product's names are sheet-scoped, so the workbook gets
// this plain store instead: names are read and written exactly as the file holds them.
import type { Workbook } from "exceljs";
import DefinedNameXform from "exceljs/lib/xlsx/xform/book/defined-name-xform";

export interface RawDefinedName {
  name: string;
  ranges: string[];
  /** Index of the sheet the name is scoped to; absent for workbook-wide names. */
  localSheetId?: number;
  /** Not listed in Excel's Name Manager (the product's record of a print area; officers' hidden names). */
  hidden?: boolean;
}

let hiddenKept = false;
/** ExcelJS reads and writes a name without its `hidden` flag: teach its name writer and reader the flag. */
function keepHiddenFlag(): void {
  if (hiddenKept) return;
  hiddenKept = true;
  const proto = DefinedNameXform.prototype as DefinedNameXform & { hiddenFlag?: boolean };
  const open = proto.parseOpen;
  const close = proto.parseClose;
  proto.render = function (xml, model) {
    xml.openNode("definedName", {
      name: model.name,
      localSheetId: model.localSheetId,
      hidden: model.hidden ? "1" : undefined,
    });
    xml.writeText(model.ranges.join(","));
    xml.closeNode();
  };
  proto.parseOpen = function (this: typeof proto, node) {
    this.hiddenFlag = node.attributes.hidden === "1" || node.attributes.hidden === "true";
    return open.call(this, node);
  };
  proto.parseClose = function (this: typeof proto, name) {
    const more = close.call(this, name);
    if (this.hiddenFlag) this.model.hidden = true;
    return more;
  };
}

class RawDefinedNames {
  model: RawDefinedName[] = [];
  // ExcelJS calls these when rows or columns are spliced; the product never splices.
  spliceRows(): void {}
  spliceColumns(): void {}
  getNamesEx(): string[] {
    return [];
  }
}

export function installRawDefinedNames(wb: Workbook): RawDefinedName[] {
  keepHiddenFlag();
  const store = new RawDefinedNames();
  (wb as unknown as { _definedNames: RawDefinedNames })._definedNames = store;
  return store.model;
}

export function rawNames(wb: Workbook): RawDefinedName[] {
  const store = (wb as unknown as { _definedNames: { model: RawDefinedName[] } })._definedNames;
  if (!(store instanceof RawDefinedNames))
    throw new Error("installRawDefinedNames() must be called on this workbook first");
  return store.model;
}

/** The position of a sheet, as `localSheetId` counts it. */
export function sheetIndex(wb: Workbook, name: string): number {
  return wb.worksheets.findIndex((w) => w.name === name);
}

export function setRawNames(wb: Workbook, names: RawDefinedName[]): void {
  (wb as unknown as { _definedNames: RawDefinedNames })._definedNames.model = names;
}
