// Every string the task pane shows, one table per language (Vietnamese first).
import type { Lang } from "../excel/connector";

const vi = {
  appTitle: "Kiểm tra tự đánh giá học tập",
  notInExcelTitle: "Add-in này chạy bên trong Excel",
  notInExcelBody:
    "Hãy mở Excel (trên máy tính hoặc Excel trên web), vào thẻ Trang đầu và bấm “Kiểm tra tự đánh giá”.",
  setsMissingTitle: "Không tải được các bộ tiêu chí có sẵn",
  setsMissingBody:
    "Đóng ngăn tác vụ rồi mở lại. Nếu vẫn thấy thông báo này, báo bộ phận CNTT: máy chủ của add-in không gửi được tệp bộ tiêu chí.",
  // The status line
  statusLabel: "Kết quả kiểm tra",
  checking: "Đang kiểm tra…",
  errors: "{n} lỗi",
  warnings: "{n} cảnh báo",
  noTableStatus: "Chưa có bảng tự đánh giá",
  recheck: "Kiểm tra lại",
  // Actions
  actionsLabel: "Thao tác",
  write: "Ghi kết quả",
  writeHint: "Ghi mức tính toán, ghi chú và kết luận vào trang tính (ghi lại sẽ thay kết quả cũ).",
  clean: "Xoá kết quả",
  cleanHint: "Xoá mọi ô add-in đã ghi, trả lại bảng của cán bộ trước khi gửi.",
  working: "Đang xử lý…",
  // The setup card
  setupTitle: "Bảng đang kiểm tra",
  setupSummary: "Tiêu đề ở dòng {row}, cột {from}–{to}",
  sheet: "Trang tính",
  framework: "Bộ tiêu chí",
  frameworkAuto: "Tự chọn theo cấu trúc bảng",
  frameworkWorkbook: "Bộ tiêu chí của bảng tính: {title}",
  unit: "Đơn vị",
  conditionCell: "{label} (theo ô {cell})",
  unitUnknown: "(chưa rõ: thêm dòng “ỦY BAN NHÂN DÂN …” ở đầu trang tính)",
  columnsTitle: "Chọn cột (khi add-in nhận sai)",
  columnsHint: "Cách chọn được lưu trong bảng tính và được dùng lại ở những lần kiểm tra sau.",
  roleCode: "Mã / STT",
  roleContent: "Nội dung",
  roleData: "Số liệu",
  roleEvidence: "Minh chứng",
  roleLevel: "Mức tự đánh giá",
  columnNone: "(không có)",
  headerRow: "Dòng tiêu đề",
  lastRow: "Dòng cuối bảng",
  levelTo: "… đến cột (mỗi mức một cột)",
  levelOneColumn: "(một cột)",
  levelPair: "{level}: Đạt {yes}, Không đạt {no}",
  columnName: "Cột {col}",
  saveColumns: "Lưu cách chọn cột",
  // Views
  viewsLabel: "Các phần của kết quả",
  tabIssues: "Lỗi ({n})",
  tabResult: "Kết quả",
  tabSheets: "Tạo trang tính",
  // Issues
  noIssues: "Không có lỗi hay cảnh báo. Bảng tự đánh giá đầy đủ.",
  tableWide: "Lỗi toàn bảng",
  criteriaSheetGroup: "Trang tính Bộ tiêu chí",
  issuesLabel: "Lỗi và cảnh báo theo {leaves}",
  severityError: "lỗi",
  severityWarning: "cảnh báo",
  goToCell: "Chọn ô {cell} trong Excel",
  moreIssues: "… và {n} lỗi khác",
  showMore: "Hiện thêm {n}",
  // Result
  reasons: "Lý do",
  belowNext: "{leaves} chưa đạt {level} ({n})",
  undetermined: "{leaves} chưa xác định được mức ({n})",
  differences: "Tự đánh giá khác mức tính theo số liệu",
  selfVsComputed: "{name}: tự đánh giá {self}, tính theo số liệu {computed}",
  // Notices
  written:
    "Đã ghi kết quả vào trang tính “{sheet}”: “{result}”. Ghi lại sẽ thay kết quả cũ, không thêm bản mới.",
  cleaned: "Đã xoá mọi kết quả add-in đã ghi ở trang tính “{sheet}”.",
  mappingSaved: "Đã lưu cách chọn cột.",
  sheetMade: "Đã tạo trang tính “{sheet}”.",
  // New sheets
  resultSheetTitle: "Trang tính kết quả",
  resultSheetHint:
    "Một trang tính riêng ghi đơn vị, bộ tiêu chí, ngày kiểm tra, mức công nhận, mức của từng nhóm trong bộ tiêu chí và biểu đồ theo mức. Tạo lại sẽ thay trang tính cũ của add-in.",
  makeResultSheet: "Tạo trang tính kết quả",
  summaryTitle: "Tổng hợp nhiều đơn vị",
  summaryHint:
    "Chọn các trang tính tự đánh giá (ví dụ mỗi xã, mỗi huyện một trang tính) để lập trang tính “Tổng hợp”, mỗi bộ tiêu chí một khối, kèm biểu đồ số đơn vị theo mức.",
  summaryScanning: "Đang tìm các trang tính có bảng tự đánh giá…",
  summaryNone: "Chưa có trang tính nào có bảng tự đánh giá.",
  makeSummary: "Tạo bảng Tổng hợp",
  templateTitle: "Mẫu trống và Bộ tiêu chí",
  templateHint:
    "Mẫu tự đánh giá trống theo bộ tiêu chí đang chọn, và trang tính “Bộ tiêu chí” để nhập ngưỡng chính thức (lần kiểm tra sau sẽ dùng ngưỡng đó).",
  makeTemplate: "Tạo mẫu tự đánh giá",
  makeCriteria: "Tạo trang tính Bộ tiêu chí",
  noTableYet: "Chưa có bảng tự đánh giá trong trang tính này.",
  goToTemplates: "Tạo mẫu trống ở thẻ “Tạo trang tính”",
  // Problems
  errCriteriaExists:
    "Bảng tính này đã có trang tính “{sheet}”: hãy sửa ngưỡng ngay trong trang tính đó; add-in không ghi đè.",
  retry: "Thử lại",
  dismiss: "Đóng",
  errProtected:
    "Trang tính “{sheet}” đang được bảo vệ nên add-in không ghi được. Bỏ bảo vệ (Xem lại → Bỏ bảo vệ trang tính) rồi thử lại. Chưa có ô nào bị thay đổi.",
  errCellEdit: "Excel đang ở chế độ sửa ô. Nhấn Enter hoặc Esc để kết thúc việc sửa ô rồi thử lại.",
  errMissingSheet:
    "Không tìm thấy trang tính đã chọn: có thể trang tính vừa bị đổi tên hoặc xoá. Hãy chọn lại trang tính.",
  errWorkbookProtected:
    "Sổ làm việc đang được bảo vệ cấu trúc nên add-in không thêm được trang tính. Bỏ bảo vệ (Xem lại → Bảo vệ Sổ làm việc) rồi thử lại. Chưa có gì thay đổi.",
  errOfficerCell:
    "Ô {cell} của trang tính “{sheet}” có nội dung cán bộ đã nhập, đúng chỗ add-in định ghi kết quả, nên add-in chưa ghi ô nào. Hãy dời nội dung ô {cell} sang chỗ khác rồi bấm ghi lại.",
  errTable:
    "Kết quả sẽ ghi vào ô {cell}, nằm trong hoặc sát bảng Excel “{table}” của trang tính “{sheet}”: Excel sẽ nới bảng đó ra hoặc không cho gộp ô, nên add-in chưa ghi ô nào. Hãy chuyển bảng “{table}” thành vùng thường (chọn một ô trong bảng → Thiết kế Bảng → Chuyển đổi thành Dải ô) hoặc dời bảng đi chỗ khác, rồi bấm ghi lại.",
  errMerged:
    "Ô {cell} thuộc vùng ô gộp {range} của trang tính “{sheet}”, đúng chỗ add-in định ghi kết quả, nên add-in chưa ghi ô nào. Hãy bỏ gộp vùng {range} (Trang đầu → Gộp và Căn giữa) hoặc dời nó đi, rồi bấm ghi lại.",
  errRestored:
    "Excel dừng giữa chừng khi đang ghi kết quả vào trang tính “{sheet}”. Add-in đã trả các ô về như trước khi ghi, không để lại kết quả dở dang. Hãy thử lại.",
  errHalfWritten:
    "Excel dừng giữa chừng khi đang ghi kết quả vào trang tính “{sheet}” và add-in không trả lại được hết các ô. Hãy bấm “Xoá kết quả” để xoá phần đã ghi, rồi ghi lại.",
  errNotKept:
    "Add-in đã ghi nhưng khi đọc lại, ô {cell} của trang tính “{sheet}” không giữ đúng kết quả, nên add-in đã trả các ô về như trước khi ghi. Hãy xem ô {cell} (có thể có quy tắc hay macro tự đổi nội dung ô) rồi bấm ghi lại.",
  errTooOld:
    "Phiên bản Excel này thiếu chức năng add-in cần, nên add-in không đọc hay ghi được. Hãy dùng Excel 2019 trở lên, Microsoft 365 hoặc Excel trên web.",
  errTooLarge:
    "Trang tính “{sheet}” quá lớn để Excel trên web gửi trong một lần, nên chưa có ô nào bị thay đổi. Hãy mở tệp bằng Excel trên máy tính rồi thử lại.",
  errOther:
    "Excel không làm được việc vừa yêu cầu (Excel báo: “{detail}”). Hãy thử lại; nếu vẫn lỗi, lưu tệp, đóng rồi mở lại Excel.",
  errChanged:
    "Bảng vừa thay đổi trong lúc add-in chuẩn bị ghi, nên chưa ghi ô nào. Add-in đã kiểm tra lại theo nội dung mới: xem lại rồi bấm ghi lần nữa.",
  errNoTable:
    "Không tìm thấy bảng tự đánh giá trong 200 dòng đầu của trang tính “{sheet}” (cần dòng tiêu đề có cột “Nội dung”). Hãy nhập số dòng tiêu đề và chọn cột trong “Chọn cột”, chọn trang tính khác, hoặc tạo mẫu trống ở thẻ “Tạo trang tính”.",
};

export type Strings = { [K in keyof typeof vi]: string };

const en: Strings = {
  appTitle: "Learning community self-assessment checker",
  notInExcelTitle: "This add-in runs inside Excel",
  notInExcelBody:
    "Open Excel (desktop or on the web), go to the Home tab and choose “Check self-assessment”.",
  setsMissingTitle: "The built-in criteria sets did not load",
  setsMissingBody:
    "Close the task pane and open it again. If this message stays, tell IT: the add-in's server did not send its criteria sets file.",
  statusLabel: "Check result",
  checking: "Checking…",
  errors: "{n} errors",
  warnings: "{n} warnings",
  noTableStatus: "No self-assessment table",
  recheck: "Check again",
  actionsLabel: "Actions",
  write: "Write results",
  writeHint: "Writes the computed levels, notes and conclusion into the sheet (writing again replaces them).",
  clean: "Remove results",
  cleanHint: "Removes every cell the add-in wrote, giving back the officer's table before sending it.",
  working: "Working…",
  setupTitle: "Table being checked",
  setupSummary: "Header on row {row}, columns {from}–{to}",
  sheet: "Sheet",
  framework: "Criteria set",
  frameworkAuto: "Chosen from the table's shape",
  frameworkWorkbook: "The workbook's own criteria set: {title}",
  conditionCell: "{label} (as cell {cell} says)",
  unit: "Unit",
  unitUnknown: "(unknown: add an “ỦY BAN NHÂN DÂN …” row at the top of the sheet)",
  columnsTitle: "Choose columns (when detection is wrong)",
  columnsHint: "The choice is kept in the workbook and used again by later checks.",
  roleCode: "Code / No.",
  roleContent: "Content",
  roleData: "Data",
  roleEvidence: "Evidence",
  roleLevel: "Self-assessed level",
  columnNone: "(none)",
  headerRow: "Header row",
  lastRow: "Last row of the table",
  levelTo: "… to column (one per level)",
  levelOneColumn: "(one column)",
  levelPair: "{level}: Đạt {yes}, Không đạt {no}",
  columnName: "Column {col}",
  saveColumns: "Save column choice",
  viewsLabel: "Parts of the result",
  tabIssues: "Issues ({n})",
  tabResult: "Result",
  tabSheets: "New sheets",
  noIssues: "No errors or warnings. The self-assessment is complete.",
  tableWide: "Whole-table error",
  criteriaSheetGroup: "Criteria sheet",
  issuesLabel: "Errors and warnings by {leaves}",
  severityError: "error",
  severityWarning: "warning",
  goToCell: "Select cell {cell} in Excel",
  moreIssues: "… and {n} more",
  showMore: "Show {n} more",
  reasons: "Reasons",
  belowNext: "{leaves} below {level} ({n})",
  undetermined: "{leaves} without a valid level ({n})",
  differences: "Self-assessment differs from the level computed from the data",
  selfVsComputed: "{name}: self-assessed {self}, computed {computed}",
  written: "Results written into sheet “{sheet}”: “{result}”. Writing again replaces them, never adds more.",
  cleaned: "Removed every result the add-in wrote in sheet “{sheet}”.",
  mappingSaved: "Column choice saved.",
  sheetMade: "Sheet “{sheet}” created.",
  resultSheetTitle: "Result sheet",
  resultSheetHint:
    "A sheet of its own with the unit, criteria set, date, recognition level, the level of each group of the set and a chart by level. Making it again replaces the add-in's earlier sheet.",
  makeResultSheet: "Make result sheet",
  summaryTitle: "Summary across units",
  summaryHint:
    "Pick the self-assessment sheets (for example one per commune or district) to build a “Tổng hợp” sheet, one block per criteria set, with a chart of units by level.",
  summaryScanning: "Looking for sheets with a self-assessment table…",
  summaryNone: "No sheet holds a self-assessment table yet.",
  makeSummary: "Make summary",
  templateTitle: "Blank template and criteria sheet",
  templateHint:
    "A blank self-assessment for the chosen criteria set, and a “Bộ tiêu chí” sheet to enter the official thresholds (the next check uses them).",
  makeTemplate: "Make blank template",
  makeCriteria: "Make criteria sheet",
  noTableYet: "No self-assessment table in this sheet yet.",
  goToTemplates: "Make a blank template under “New sheets”",
  errCriteriaExists:
    "This workbook already has a “{sheet}” sheet: edit the thresholds there; the add-in does not overwrite it.",
  retry: "Try again",
  dismiss: "Close",
  errProtected:
    "Sheet “{sheet}” is protected, so the add-in cannot write. Unprotect it (Review → Unprotect Sheet) and try again. No cell was changed.",
  errCellEdit: "Excel is editing a cell. Press Enter or Esc to finish editing, then try again.",
  errMissingSheet:
    "The chosen sheet was not found: it may have been renamed or deleted. Choose the sheet again.",
  errWorkbookProtected:
    "The workbook's structure is protected, so the add-in cannot add a sheet. Unprotect it (Review → Protect Workbook) and try again. Nothing was changed.",
  errOfficerCell:
    "Cell {cell} of sheet “{sheet}” holds something you typed, where the add-in would write its results, so nothing was written. Move what is in {cell} elsewhere, then write again.",
  errTable:
    "The results would go into cell {cell}, in or right beside the Excel table “{table}” of sheet “{sheet}”: Excel would grow the table or refuse to merge cells, so nothing was written. Convert “{table}” to a range (select a cell of it → Table Design → Convert to Range) or move it, then write again.",
  errMerged:
    "Cell {cell} is in the merged cells {range} of sheet “{sheet}”, where the add-in would write its results, so nothing was written. Unmerge {range} (Home → Merge & Center) or move it, then write again.",
  errRestored:
    "Excel stopped half-way while writing the results into sheet “{sheet}”. The add-in put the cells back as they were: no half-written results are left. Please try again.",
  errHalfWritten:
    "Excel stopped half-way while writing the results into sheet “{sheet}”, and the add-in could not put every cell back. Use “Remove results” to remove what was written, then write again.",
  errNotKept:
    "The add-in wrote the results, but read back, cell {cell} of sheet “{sheet}” does not hold them, so the add-in put the cells back as they were. Look at {cell} (a rule or macro may change it), then write again.",
  errTooOld:
    "This version of Excel lacks what the add-in needs, so it can neither read nor write. Use Excel 2019 or later, Microsoft 365 or Excel on the web.",
  errTooLarge:
    "Sheet “{sheet}” is too large for Excel on the web to send at once, so nothing was changed. Open the file in desktop Excel and try again.",
  errOther:
    "Excel could not do what was asked (Excel says: “{detail}”). Please try again; if it fails again, save the file, close Excel and open it again.",
  errChanged:
    "The table changed while the add-in was about to write, so nothing was written. It has been checked again: review it, then write again.",
  errNoTable:
    "No self-assessment table in the first 200 rows of sheet “{sheet}” (a header row with a “Nội dung” column is needed). Type the header row and pick the columns in “Choose columns”, choose another sheet, or make a blank template under “New sheets”.",
};

export const strings: Record<Lang, Strings> = { vi, en };

export function stringsFor(lang: Lang): Strings {
  return strings[lang];
}

/** Fills `{name}` placeholders. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}
