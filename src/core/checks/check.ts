// The checks room's public face: one sheet (sheet.ts) or every sheet of a workbook (workbook.ts).
export {
  checkSheet,
  tableOverride,
  type CheckOptions,
  type GroupResult,
  type IndicatorResult,
  type SheetCheck,
  type SheetReport,
} from "./sheet";
export { candidateSheets, checkWorkbook, type WorkbookCheck, type WorkbookCheckOptions } from "./workbook";
export { chooseSet, fit } from "./choose";
