// What each issue says to the officer: what is wrong, and how to fix it, in Vietnamese or English.
import type { Rule } from "../model/issues";
import type { Lang } from "../model/lang";

export type IssueParams = {
  indicator?: number | null;
  cell?: string;
  text?: string;
  error?: string;
  value?: number;
  self?: number;
  computed?: number;
  column?: string;
  expected?: string;
  found?: string;
  max?: number;
  read?: number;
};

type Words = (p: IssueParams) => string;

const VI: Record<Rule, Words> = {
  "missing-column": (p) =>
    `Không tìm thấy cột “${p.column}” trong dòng tiêu đề của bảng: thêm cột này (hoặc chọn cột trong ngăn add-in / dùng --map) rồi kiểm tra lại.`,
  "structure-count": (p) =>
    `Cấu trúc bảng chưa khớp với bộ tiêu chí: cần ${p.expected}, bảng có ${p.found}. Kiểm tra lại các dòng tiêu chuẩn, tiêu chí, chỉ báo.`,
  "duplicate-indicator": (p) =>
    `Chỉ báo ${p.indicator} xuất hiện hai lần: sửa số thứ tự ở ô ${p.cell} hoặc xoá dòng thừa.`,
  "missing-level": (p) =>
    `Chỉ báo ${p.indicator} chưa có mức tự đánh giá: ghi “Mức 1”, “Mức 2”, “Mức 3” hoặc “Không đạt” vào ô ${p.cell}.`,
  "invalid-level": (p) =>
    `Mức “${p.text}” của chỉ báo ${p.indicator} không có trong thang mức (0–${p.max}): ghi “Mức 1”…“Mức ${p.max}” hoặc “Không đạt”.`,
  "missing-value": (p) => `Chỉ báo ${p.indicator} chưa có số liệu: ghi kết quả thực hiện vào ô ${p.cell}.`,
  "invalid-value": (p) =>
    `Số liệu “${p.text}” của chỉ báo ${p.indicator} không phải là số: ghi một số (ví dụ 87,5%, 87,5 hoặc 35/40).`,
  "ambiguous-value": (p) =>
    `Số liệu ${String(p.value).replace(".", ",")} của chỉ báo ${p.indicator} được hiểu là ${String(p.read).replace(".", ",")}%. Nếu là tỷ lệ ${String(Math.round((p.value ?? 0) * 1000) / 10).replace(".", ",")}%, hãy ghi kèm dấu % hoặc định dạng ô là phần trăm.`,
  "out-of-range": (p) =>
    `Số liệu ${String(p.value).replace(".", ",")} của chỉ báo ${p.indicator} nằm ngoài khoảng cho phép (tỷ lệ từ 0 đến 100%, số không âm): kiểm tra lại ô ${p.cell}.`,
  "formula-error": (p) =>
    `Ô ${p.cell} (chỉ báo ${p.indicator}) có lỗi công thức ${p.error}: sửa công thức hoặc ghi giá trị trực tiếp.`,
  "missing-evidence": (p) =>
    `Chỉ báo ${p.indicator} tự đánh giá đạt mức nhưng chưa có mã minh chứng: ghi mã minh chứng (ví dụ H1-01-02) vào ô ${p.cell}.`,
  "level-mismatch": (p) =>
    (p.self ?? 0) > (p.computed ?? 0)
      ? `Chỉ báo ${p.indicator} tự đánh giá Mức ${p.self} nhưng số liệu chỉ đạt Mức ${p.computed} theo ngưỡng của bộ tiêu chí: hạ mức tự đánh giá hoặc kiểm tra lại số liệu.`
      : `Chỉ báo ${p.indicator} tự đánh giá Mức ${p.self} nhưng số liệu đạt Mức ${p.computed} theo ngưỡng của bộ tiêu chí: có thể nâng mức tự đánh giá.`,
  "criteria-sheet": (p) => p.text ?? "",
};

const EN: Record<Rule, Words> = {
  "missing-column": (p) =>
    `No “${p.column}” column in the table's header row: add it (or pick the column in the add-in / use --map) and check again.`,
  "structure-count": (p) =>
    `The table's structure does not match the criteria set: ${p.expected} expected, the table has ${p.found}. Check the standard, criterion and indicator rows.`,
  "duplicate-indicator": (p) =>
    `Indicator ${p.indicator} appears twice: fix the number in ${p.cell} or delete the extra row.`,
  "missing-level": (p) =>
    `Indicator ${p.indicator} has no self-assessed level: write “Mức 1”, “Mức 2”, “Mức 3” or “Không đạt” in ${p.cell}.`,
  "invalid-level": (p) =>
    `Level “${p.text}” of indicator ${p.indicator} is not on the scale (0–${p.max}): write “Mức 1”…“Mức ${p.max}” or “Không đạt”.`,
  "missing-value": (p) => `Indicator ${p.indicator} has no data: write the result figure in ${p.cell}.`,
  "invalid-value": (p) =>
    `The data “${p.text}” of indicator ${p.indicator} is not a number: write a number (for example 87,5%, 87,5 or 35/40).`,
  "ambiguous-value": (p) =>
    `The data ${p.value} of indicator ${p.indicator} was read as ${p.read}%. If it is the fraction ${Math.round((p.value ?? 0) * 1000) / 10}%, add a % sign or format the cell as a percentage.`,
  "out-of-range": (p) =>
    `The data ${p.value} of indicator ${p.indicator} is out of range (percentages 0 to 100, counts not negative): check ${p.cell}.`,
  "formula-error": (p) =>
    `${p.cell} (indicator ${p.indicator}) holds the formula error ${p.error}: fix the formula or type the value.`,
  "missing-evidence": (p) =>
    `Indicator ${p.indicator} claims a level but has no evidence code: write the evidence code (for example H1-01-02) in ${p.cell}.`,
  "level-mismatch": (p) =>
    (p.self ?? 0) > (p.computed ?? 0)
      ? `Indicator ${p.indicator} claims level ${p.self} but its data reaches only level ${p.computed} by the criteria set's thresholds: lower the claim or check the data.`
      : `Indicator ${p.indicator} claims level ${p.self} but its data reaches level ${p.computed} by the criteria set's thresholds: the claim could be raised.`,
  "criteria-sheet": (p) => p.text ?? "",
};

export function issueMessage(rule: Rule, params: IssueParams, lang: Lang): string {
  return (lang === "vi" ? VI : EN)[rule](params);
}

/** A few words for the result column beside the indicator. */
export function issueNote(rule: Rule, lang: Lang, params: IssueParams = {}): string {
  const vi: Record<Rule, string> = {
    "missing-column": "Thiếu cột",
    "structure-count": "Sai cấu trúc",
    "duplicate-indicator": "Trùng chỉ báo",
    "missing-level": "Thiếu mức tự đánh giá",
    "invalid-level": "Mức không hợp lệ",
    "missing-value": "Thiếu số liệu",
    "invalid-value": "Số liệu không phải số",
    "ambiguous-value": "Số liệu dễ hiểu nhầm",
    "out-of-range": "Số liệu ngoài khoảng",
    "formula-error": "Lỗi công thức",
    "missing-evidence": "Thiếu minh chứng",
    "level-mismatch":
      (params.self ?? 0) > (params.computed ?? 0)
        ? "Tự đánh giá cao hơn số liệu"
        : "Tự đánh giá thấp hơn số liệu",
    "criteria-sheet": "Lỗi bộ tiêu chí",
  };
  const en: Record<Rule, string> = {
    "missing-column": "Missing column",
    "structure-count": "Structure",
    "duplicate-indicator": "Duplicate indicator",
    "missing-level": "No level",
    "invalid-level": "Invalid level",
    "missing-value": "No data",
    "invalid-value": "Data not a number",
    "ambiguous-value": "Ambiguous data",
    "out-of-range": "Data out of range",
    "formula-error": "Formula error",
    "missing-evidence": "No evidence",
    "level-mismatch": (params.self ?? 0) > (params.computed ?? 0) ? "Claim above data" : "Claim below data",
    "criteria-sheet": "Criteria sheet",
  };
  return (lang === "vi" ? vi : en)[rule];
}
