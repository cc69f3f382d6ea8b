// The words of the council's part of the pane (Hội đồng thẩm định), Vietnamese first.
import type { Lang } from "../excel/connector";

const vi = {
  title: "Hội đồng thẩm định",
  titleWith: "Hội đồng thẩm định (cột {columns})",
  addHint:
    "Cho Hội đồng đánh giá cấp huyện: thêm cột để Hội đồng ghi kết quả thẩm định từng chỉ tiêu bên cạnh kết quả tự đánh giá, điền sẵn câu trả lời của đơn vị, và cột ý kiến. Hội đồng sửa ở các cột này; Xoá kết quả không bao giờ xoá chúng.",
  add: "Thêm cột Hội đồng thẩm định",
  added:
    "Đã thêm cột Hội đồng thẩm định vào trang tính “{sheet}”, điền sẵn kết quả tự đánh giá của đơn vị. Hội đồng sửa ở các cột này rồi bấm ⟳ để kiểm tra lại.",
  self: "Tự đánh giá",
  verified: "Thẩm định",
  agrees: "Hội đồng đồng ý với tự đánh giá ở mọi {leaves}.",
  differences: "{n} {leaves} Hội đồng đánh giá khác tự đánh giá",
  communeSays: "Đơn vị tự đánh giá: {answer}",
  councilSays: "Hội đồng: {answer}",
  note: "Ý kiến: {note}",
  errors: "Lỗi ở cột của Hội đồng ({n})",
  reasons: "Lý do theo kết quả thẩm định",
};

export type CouncilStrings = { [K in keyof typeof vi]: string };

const en: CouncilStrings = {
  title: "Council's verification",
  titleWith: "Council's verification (column {columns})",
  addHint:
    "For the district's assessment council: adds columns where the council records its own answer for each target beside the self-assessment, pre-filled with the unit's answers, and a note column. The council edits them; Remove results never removes them.",
  add: "Add the council's columns",
  added:
    "The council's columns were added to sheet “{sheet}”, pre-filled with the unit's self-assessment. The council edits them, then ⟳ checks again.",
  self: "Self-assessed",
  verified: "Verified",
  agrees: "The council agrees with the self-assessment on every {leaves}.",
  differences: "{n} {leaves} where the council differs",
  communeSays: "The unit: {answer}",
  councilSays: "The council: {answer}",
  note: "Note: {note}",
  errors: "Errors in the council's columns ({n})",
  reasons: "Why, as verified",
};

export const councilStrings = (lang: Lang): CouncilStrings => (lang === "vi" ? vi : en);
