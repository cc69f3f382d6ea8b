// Every string the task pane shows, one table per language (Vietnamese first).
import type { Lang } from "../excel/connector";
import { en } from "./strings-en";

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
  noteReplaced: "Trang tính “{was}”, làm trước khi đổi tên trang tính, đã được thay bằng trang tính này.",
  noteRemoved: "Trang tính “{was}” cũng đã được xoá.",
  noteSummary:
    "Dưới bảng đã có chữ của bạn (phần ký tên…) nên khối kết quả không ghi ở đó, để không in tách khỏi bảng: kết quả đầy đủ ở trang tính “{kq}”, in kèm bảng này.",
  noteSummaryApart:
    "Khối kết quả ghi dưới bảng sẽ in sang trang khác với dòng cuối của bảng nên không ghi ở đó: kết quả đầy đủ ở trang tính “{kq}”, in kèm bảng này.",
  noteSummaryPages:
    "Phiên bản Excel này không cho biết trang in của bảng nên khối kết quả không ghi dưới bảng (có thể in tách khỏi bảng): kết quả đầy đủ ở trang tính “{kq}”, in kèm bảng này.",
  noteSummaryNarrow:
    "Bảng rộng hơn trang giấy, phần bảng in ở trang đầu quá hẹp để ghi khối kết quả cho dễ đọc nên khối không ghi dưới bảng: kết quả đầy đủ ở trang tính “{kq}”, in kèm bảng này.",
  noteSummaryKept: "Trang tính “{kq}” cũng đã được ghi lại theo kết quả mới.",
  noteSummaryRefused:
    "Sổ làm việc đang được bảo vệ cấu trúc nên add-in không thêm được trang tính kết quả: kết quả chỉ có ở hai cột trong bảng. Bỏ bảo vệ (Xem lại → Bảo vệ Sổ làm việc) rồi bấm “Ghi kết quả” lại.",
  noteReplacedBy:
    "Trang tính “{was}”, làm trước khi đổi tên trang tính, đã được thay bằng trang tính “{kq}”.",
  keptCell:
    "Trang tính “{was}” được giữ lại vì công thức ở ô {cell} của trang tính “{on}” dùng nó; xoá tay khi không cần nữa.",
  keptName: "Trang tính “{was}” được giữ lại vì tên “{name}” dùng nó; xoá tay khi không cần nữa.",
  keptUnknown:
    "Trang tính “{was}” được giữ lại: phiên bản Excel này không cho biết công thức nào dùng nó, và sổ làm việc quá lớn để add-in tự tìm; xoá tay khi không cần nữa.",
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
  errFiltered:
    "Trang tính “{sheet}” đang có bộ lọc (AutoFilter) trên vùng {range}, phủ lên ô {cell} nơi add-in định ghi kết quả: lọc hay sắp xếp sẽ làm lệch kết quả, nên add-in chưa ghi ô nào. Hãy tắt bộ lọc (Dữ liệu → Bộ lọc); cần lọc thì chọn đúng các cột của bảng rồi bật lại Bộ lọc. Xong bấm ghi lại.",
  errRestored:
    "Excel dừng giữa chừng khi đang ghi kết quả vào trang tính “{sheet}”. Add-in đã trả các ô về như trước khi ghi, không để lại kết quả dở dang. Hãy thử lại.",
  errHalfWritten:
    "Excel dừng giữa chừng khi đang ghi kết quả vào trang tính “{sheet}” và add-in không trả lại được hết các ô. Hãy bấm “Xoá kết quả” để xoá phần đã ghi, rồi ghi lại.",
  errNotKept:
    "Add-in đã ghi nhưng khi đọc lại, ô {cell} của trang tính “{sheet}” không giữ đúng kết quả, nên add-in đã trả các ô về như trước khi ghi. Hãy xem ô {cell} (có thể có quy tắc hay macro tự đổi nội dung ô) rồi bấm ghi lại.",
  errLooksUnrecorded:
    "Các ô {range} của trang tính “{sheet}”, nơi add-in định ghi kết quả, có định dạng riêng (viền, màu nền, phông chữ…) mà {why}: sau này bấm “Xoá kết quả”, các ô đó sẽ mất định dạng. Chưa ghi ô nào. Muốn giữ nguyên bảng, hãy dùng “Tạo trang tính kết quả” (kết quả ghi ra trang tính riêng); {then}",
  looksWhyOld:
    "phiên bản Excel này không cho add-in ghi nhớ (Excel 2021 trở lên, Microsoft 365 và Excel trên web thì được)",
  looksWhyMany: "add-in không ghi nhớ được vì quá nhiều ô",
  looksAnyway: "chấp nhận mất định dạng khi xoá thì bấm “Vẫn ghi”.",
  looksAgain: "chấp nhận mất định dạng khi xoá thì bấm “Ghi kết quả” rồi “Vẫn ghi”.",
  writeAnyway: "Vẫn ghi",
  cleanAnyway: "Vẫn xoá",
  errLooksUnrestorable:
    "Các ô {range} của trang tính “{sheet}” có định dạng riêng của cán bộ (viền, màu nền, phông chữ…) mà add-in đã ghi nhớ trước khi ghi kết quả, nhưng {why}: làm tiếp thì các ô đó mất định dạng. Chưa thay đổi ô nào. Hãy mở tệp bằng Excel 2021 trở lên, Microsoft 365 hoặc Excel trên web rồi bấm lại; {then}",
  unrestorableWhyOld:
    "phiên bản Excel này không trả lại được định dạng đó (nền có hoa văn, chữ gạch ngang hoặc thụt lề)",
  unrestorableWhyMany: "phiên bản Excel này không trả lại được vì quá nhiều ô",
  unrestorableAnyway: "chấp nhận mất định dạng các ô đó thì bấm “{anyway}”.",
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

export const strings: Record<Lang, Strings> = { vi, en };

/** The table of a language; Vietnamese while another's has not loaded (the pane fetches English). */
export function stringsFor(lang: Lang): Strings {
  const table = strings[lang];
  return table.appTitle ? table : vi;
}

/** Fills `{name}` placeholders. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}
