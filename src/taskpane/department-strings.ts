// The words of the department's view (a workbook of many units' sheets), Vietnamese first.
import type { Lang } from "../excel/connector";

const vi = {
  title: "Bảng tính của nhiều đơn vị",
  body: "Trang tính “{sheet}” không phải bảng tự đánh giá của một đơn vị, nhưng {n} trang tính khác là bảng tự đánh giá.",
  makeSummary: "Tổng hợp {n} trang tính",
  hint: "Tạo trang tính “Tổng hợp”: mỗi đơn vị một dòng, mức tự đánh giá và mức Hội đồng thẩm định khi trang tính có cột của Hội đồng, đơn vị có hai trang tính chỉ tính một lần. Để kiểm tra một đơn vị, mở trang tính của đơn vị đó.",
  makeDecision: "Danh sách công nhận",
  decisionHint:
    "Danh sách kèm quyết định công nhận: các đơn vị được công nhận theo từng mức, theo kết quả thẩm định khi có, để in.",
  leftOff: "Chưa đưa vào danh sách",
  decisionTitle: "Danh sách công nhận",
  decisionOf: "Lập danh sách từ {n} trang tính đã chọn",
  decisionChoose: "Chọn ở mục Tổng hợp ở trên các trang tính của đơn vị để lập danh sách.",
  decisionNone:
    "Danh sách công nhận lập từ các trang tính có bảng tự đánh giá của đơn vị; bảng tính này chưa có trang tính nào như vậy.",
};

export type DepartmentStrings = { [K in keyof typeof vi]: string };

const en: DepartmentStrings = {
  title: "A workbook of many units",
  body: "Sheet “{sheet}” is not one unit's self-assessment, but {n} other sheets are.",
  makeSummary: "Summarise {n} sheets",
  hint: "Makes the “Tổng hợp” sheet: a row per unit, its self-assessed level and the council's where the sheet has the council's columns, a unit with two sheets counted once. To check one unit, open its sheet.",
  makeDecision: "Decision list",
  decisionHint:
    "The list that goes with the recognition decision: the units recognised at each level, as verified where verified, to print.",
  leftOff: "Left off the list",
  decisionTitle: "Decision list",
  decisionOf: "Make the list from {n} chosen sheets",
  decisionChoose: "Choose the units' sheets under the summary above to make the list.",
  decisionNone:
    "The decision list is made from sheets holding a unit's self-assessment; this workbook has none yet.",
};

export const departmentStrings = (lang: Lang): DepartmentStrings => (lang === "vi" ? vi : en);
