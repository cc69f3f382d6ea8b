// Every string the task pane shows, one table per language (Vietnamese first).
import type { Lang } from "../excel/connector";

const vi = {
  appTitle: "Kiểm tra tự đánh giá học tập",
  appSubtitle: "Quận/huyện học tập, thành phố học tập — Kế hoạch 02/KH-UBND Hải Phòng",
  intro:
    "Add-in tìm bảng tự đánh giá trong sheet đang mở, kiểm tra từng chỉ báo, tính mức đạt và ghi kết quả công nhận vào bảng tính.",
  notInExcelTitle: "Add-in này chạy bên trong Excel",
  notInExcelBody:
    "Hãy mở Excel (trên máy tính hoặc Excel trên web), vào thẻ Trang đầu và bấm “Kiểm tra tự đánh giá”.",
  setupTitle: "Bảng đang kiểm tra",
  sheet: "Sheet",
  framework: "Bộ tiêu chí",
  frameworkAuto: "Tự chọn theo số chỉ báo",
  frameworkOption: "{kind} ({n} chỉ báo)",
  kindDistrict: "Quận/huyện học tập",
  kindCity: "Thành phố học tập",
  table: "Bảng",
  tableAt: "tiêu đề ở dòng {row}, cột {from}–{to}",
  unit: "Đơn vị",
  unitUnknown: "(chưa rõ: thêm dòng “ỦY BAN NHÂN DÂN …” ở đầu sheet)",
  columnsTitle: "Chọn cột (khi add-in nhận sai)",
  columnsHint: "Chọn cột cho từng nội dung; cách chọn được lưu trong bảng tính và công cụ hoctap cũng dùng.",
  roleCode: "Mã / STT",
  roleContent: "Nội dung",
  roleData: "Số liệu",
  roleEvidence: "Minh chứng",
  roleLevel: "Mức tự đánh giá",
  columnNone: "(không có)",
  headerRow: "Dòng tiêu đề",
  columnName: "Cột {col}",
  saveColumns: "Lưu cách chọn cột",
  check: "Kiểm tra",
  write: "Ghi kết quả vào bảng tính",
  clean: "Xoá kết quả",
  working: "Đang xử lý…",
  tabCheck: "Kiểm tra",
  tabResult: "Kết quả",
  errors: "{n} lỗi",
  warnings: "{n} cảnh báo",
  noIssues: "Không có lỗi hay cảnh báo. Bảng tự đánh giá đầy đủ.",
  indicator: "Chỉ báo {n}",
  tableWide: "Toàn bảng",
  criteriaSheetGroup: "Sheet Bộ tiêu chí",
  goToCell: "Chọn ô {cell}",
  recognition: "Mức công nhận",
  recognitionOf: "Đề nghị công nhận: {unit} — Mức độ {level}",
  notRecognised: "Chưa đủ điều kiện công nhận",
  reasons: "Lý do",
  standards: "Tiêu chuẩn và tiêu chí",
  differences: "Tự đánh giá khác mức tính theo số liệu",
  selfVsComputed: "Chỉ báo {n}: tự đánh giá {self}, tính theo số liệu {computed}",
  written: "Đã ghi kết quả vào sheet “{sheet}”. Ghi lại sẽ thay kết quả cũ, không thêm bản mới.",
  cleaned: "Đã xoá mọi kết quả add-in đã ghi ở sheet “{sheet}”.",
  mappingSaved: "Đã lưu cách chọn cột.",
  sheetMade: "Đã tạo sheet “{sheet}”.",
  tabSummary: "Tổng hợp",
  resultSheetTitle: "Sheet kết quả",
  resultSheetHint:
    "Một sheet riêng ghi đơn vị, bộ tiêu chí, ngày kiểm tra, mức công nhận, các tiêu chuẩn, tiêu chí và biểu đồ số chỉ báo theo mức. Tạo lại sẽ thay sheet cũ của add-in.",
  makeResultSheet: "Tạo sheet kết quả",
  summaryTitle: "Tổng hợp nhiều đơn vị",
  summaryHint:
    "Chọn các sheet tự đánh giá (ví dụ mỗi huyện một sheet) để lập sheet “Tổng hợp” kèm biểu đồ số đơn vị theo mức.",
  makeSummary: "Tạo bảng Tổng hợp",
  templateTitle: "Mẫu và bộ tiêu chí",
  templateHint:
    "Mẫu tự đánh giá trống theo bộ tiêu chí đang chọn, và sheet “Bộ tiêu chí” để nhập ngưỡng chính thức (lần kiểm tra sau sẽ dùng ngưỡng đó).",
  makeTemplate: "Tạo mẫu tự đánh giá",
  makeCriteria: "Tạo sheet Bộ tiêu chí",
  noTableYet: "Chưa có bảng tự đánh giá trong sheet này. Có thể tạo mẫu trống ở thẻ “Tổng hợp”.",
  errCriteriaExists: "Sổ này đã có sheet “{sheet}”: hãy sửa ngưỡng ngay trong sheet đó; add-in không ghi đè.",
  retry: "Thử lại",
  dismiss: "Đóng",
  errProtected:
    "Sheet “{sheet}” đang được bảo vệ nên add-in không ghi được. Bỏ bảo vệ (Xem lại → Bỏ bảo vệ trang tính) rồi thử lại. Chưa có ô nào bị thay đổi.",
  errCellEdit: "Excel đang ở chế độ sửa ô. Nhấn Enter hoặc Esc để kết thúc việc sửa ô rồi thử lại.",
  errMissingSheet: "Không tìm thấy sheet đã chọn: có thể sheet vừa bị đổi tên hoặc xoá. Hãy chọn lại sheet.",
  errOther: "Excel báo lỗi: {detail}. Hãy thử lại.",
  errChanged:
    "Bảng vừa thay đổi trong lúc add-in chuẩn bị ghi, nên chưa ghi ô nào. Add-in đã kiểm tra lại theo nội dung mới: xem lại rồi bấm ghi lần nữa.",
  errNoTable:
    "Không tìm thấy bảng tự đánh giá trong sheet “{sheet}”: cần một dòng tiêu đề có cột “Nội dung” (hoặc “Tiêu chuẩn, tiêu chí, chỉ báo”) trong 30 dòng đầu. Hãy chọn sheet khác, hoặc chọn cột bằng tay.",
};

export type Strings = { [K in keyof typeof vi]: string };

const en: Strings = {
  appTitle: "Learning-city self-assessment checker",
  appSubtitle: "Learning district and learning city — Hai Phong plan 02/KH-UBND",
  intro:
    "The add-in finds the self-assessment table in the open sheet, checks every indicator, computes the levels and writes the recognition result into the workbook.",
  notInExcelTitle: "This add-in runs inside Excel",
  notInExcelBody:
    "Open Excel (desktop or on the web), go to the Home tab and choose “Check self-assessment”.",
  setupTitle: "Table being checked",
  sheet: "Sheet",
  framework: "Criteria set",
  frameworkAuto: "Chosen by the indicator count",
  frameworkOption: "{kind} ({n} indicators)",
  kindDistrict: "Learning district",
  kindCity: "Learning city",
  table: "Table",
  tableAt: "header on row {row}, columns {from}–{to}",
  unit: "Unit",
  unitUnknown: "(unknown: add an “ỦY BAN NHÂN DÂN …” row at the top of the sheet)",
  columnsTitle: "Choose columns (when detection is wrong)",
  columnsHint:
    "Pick the column for each role; the choice is kept in the workbook and the hoctap tool uses it too.",
  roleCode: "Code / No.",
  roleContent: "Content",
  roleData: "Data",
  roleEvidence: "Evidence",
  roleLevel: "Self-assessed level",
  columnNone: "(none)",
  headerRow: "Header row",
  columnName: "Column {col}",
  saveColumns: "Save column choice",
  check: "Check",
  write: "Write results into the workbook",
  clean: "Remove results",
  working: "Working…",
  tabCheck: "Check",
  tabResult: "Result",
  errors: "{n} errors",
  warnings: "{n} warnings",
  noIssues: "No errors or warnings. The self-assessment is complete.",
  indicator: "Indicator {n}",
  tableWide: "Whole table",
  criteriaSheetGroup: "Criteria sheet",
  goToCell: "Select cell {cell}",
  recognition: "Recognition level",
  recognitionOf: "Proposed recognition: {unit} — level {level}",
  notRecognised: "Not yet eligible for recognition",
  reasons: "Reasons",
  standards: "Standards and criteria",
  differences: "Self-assessment differs from the level computed from the data",
  selfVsComputed: "Indicator {n}: self-assessed {self}, computed {computed}",
  written: "Results written into sheet “{sheet}”. Writing again replaces them, never adds more.",
  cleaned: "Removed every result the add-in wrote in sheet “{sheet}”.",
  mappingSaved: "Column choice saved.",
  sheetMade: "Sheet “{sheet}” created.",
  tabSummary: "Summaries",
  resultSheetTitle: "Result sheet",
  resultSheetHint:
    "A sheet of its own with the unit, criteria set, date, recognition level, standards, criteria and a chart of indicators by level. Making it again replaces the add-in's earlier sheet.",
  makeResultSheet: "Make result sheet",
  summaryTitle: "Summary across units",
  summaryHint:
    "Pick the self-assessment sheets (for example one per district) to build a “Tổng hợp” sheet with a chart of units by level.",
  makeSummary: "Make summary",
  templateTitle: "Template and criteria sheet",
  templateHint:
    "A blank self-assessment for the chosen criteria set, and a “Bộ tiêu chí” sheet to enter the official thresholds (the next check uses them).",
  makeTemplate: "Make blank template",
  makeCriteria: "Make criteria sheet",
  noTableYet:
    "No self-assessment table in this sheet yet. A blank template can be made on the “Summaries” tab.",
  errCriteriaExists:
    "This workbook already has a “{sheet}” sheet: edit the thresholds there; the add-in does not overwrite it.",
  retry: "Try again",
  dismiss: "Close",
  errProtected:
    "Sheet “{sheet}” is protected, so the add-in cannot write. Unprotect it (Review → Unprotect Sheet) and try again. No cell was changed.",
  errCellEdit: "Excel is editing a cell. Press Enter or Esc to finish editing, then try again.",
  errMissingSheet:
    "The chosen sheet was not found: it may have been renamed or deleted. Choose the sheet again.",
  errOther: "Excel reported an error: {detail}. Please try again.",
  errChanged:
    "The table changed while the add-in was about to write, so nothing was written. It has been checked again: review it, then write again.",
  errNoTable:
    "No self-assessment table in sheet “{sheet}”: a header row with a “Nội dung” (or “Tiêu chuẩn, tiêu chí, chỉ báo”) column is needed in the first 30 rows. Choose another sheet, or pick the columns by hand.",
};

export const strings: Record<Lang, Strings> = { vi, en };

export function stringsFor(lang: Lang): Strings {
  return strings[lang];
}

/** Fills `{name}` placeholders. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}
