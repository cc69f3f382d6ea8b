// What each issue says to the officer: what is wrong, and how to fix it, in Vietnamese or English.
import type { Rule } from "../model/issues";
import type { Lang } from "../model/lang";
import { formatNumberVi } from "../model/numbers";

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
  /** The set's top level. */
  max?: number;
  read?: number;
  /** The other reading of an ambiguous figure (93 for 0,93), and the level of each reading. */
  alt?: number;
  readLabel?: string;
  altLabel?: string;
  /** Which kind of level problem: per-level marks, several marks, `Đạt` above a gap, `Đạt` alone. */
  why?: "marks" | "several-marks" | "achieved-above" | "which-level";
  /** The level below a misplaced `Đạt`; the per-level columns (`F–I`). */
  below?: string;
  columns?: string;
  /** A missing column: the header words looked for, the header row, the `--map` fix. */
  words?: string;
  headerRow?: number;
  fix?: string;
};

type Words = (p: IssueParams) => string;

const num = (n: number | undefined) => formatNumberVi(n ?? 0);
const levelsVi = (max = 3) => Array.from({ length: max }, (_, i) => `“Mức ${i + 1}”`).join(", ");
const levelsEn = levelsVi;
/** `Mức 1, 2 hoặc 3`, `Mức 1 hoặc 2`. */
const whichVi = (max = 3) =>
  `Mức ${Array.from({ length: max }, (_, i) => i + 1)
    .join(", ")
    .replace(/, (\d+)$/, " hoặc $1")}`;
const whichEn = (max = 3) => whichVi(max).replace("hoặc", "or");

const VI: Record<Rule, Words> = {
  "missing-column": (p) =>
    `Không tìm thấy cột “${p.column}” ở dòng tiêu đề${p.headerRow ? ` ${p.headerRow}` : ""}${p.words ? ` (đã tìm: ${p.words})` : ""}. ` +
    (p.text && p.fix
      ? `Nếu đó là cột ${p.text}, chọn cột trong ngăn add-in (Chọn cột) hoặc dùng ${p.fix}; nếu bảng chưa có cột này, hãy thêm vào rồi kiểm tra lại.`
      : `Thêm cột này vào bảng, hoặc chọn cột trong ngăn add-in (Chọn cột) / dùng ${p.fix ?? "--map"}, rồi kiểm tra lại.`),
  "structure-count": (p) =>
    `Cấu trúc bảng chưa khớp với bộ tiêu chí: cần ${p.expected}, bảng có ${p.found}. Kiểm tra lại các dòng tiêu chuẩn, tiêu chí, chỉ báo.`,
  "duplicate-indicator": (p) =>
    `Chỉ báo ${p.indicator} xuất hiện hai lần: sửa số thứ tự ở ô ${p.cell} hoặc xoá dòng thừa.`,
  "missing-level": (p) =>
    p.why === "marks"
      ? `Chỉ báo ${p.indicator} chưa đánh dấu mức nào ở các cột ${p.columns}: đánh dấu x vào cột của mức đạt được (hoặc ghi Đạt / Không đạt ở từng mức).`
      : `Chỉ báo ${p.indicator} chưa có mức tự đánh giá: ghi ${levelsVi(p.max)} hoặc “Không đạt” vào ô ${p.cell}.`,
  "invalid-level": (p) =>
    p.why === "which-level"
      ? `Chỉ báo ${p.indicator}: “Đạt” chưa cho biết mức nào: ghi ${whichVi(p.max)} vào ô ${p.cell}.`
      : p.why === "several-marks"
        ? `Chỉ báo ${p.indicator} được đánh dấu ở nhiều mức (${p.text}): chỉ đánh dấu một cột, ở mức đạt được (ô ${p.cell}).`
        : p.why === "achieved-above"
          ? `Chỉ báo ${p.indicator} ghi “Đạt” ở ${p.text} (ô ${p.cell}) nhưng ${p.below} chưa đạt: một mức chỉ đạt khi mọi mức thấp hơn đều đạt, sửa lại một trong hai ô.`
          : p.why === "marks"
            ? `Ô ${p.cell} của chỉ báo ${p.indicator} ghi “${p.text}”: ở các cột mức chỉ đánh dấu x (hoặc ghi Đạt / Không đạt).`
            : `Mức “${p.text}” của chỉ báo ${p.indicator} không có trong thang mức (0–${p.max}): ghi “Mức 1”…“Mức ${p.max}” hoặc “Không đạt”.`,
  "missing-value": (p) => `Chỉ báo ${p.indicator} chưa có số liệu: ghi kết quả thực hiện vào ô ${p.cell}.`,
  "invalid-value": (p) =>
    `Số liệu “${p.text}” của chỉ báo ${p.indicator} không phải là số: ghi một số (ví dụ 87,5%, 87,5 hoặc 35/40).`,
  "ambiguous-value": (p) => {
    const alt = p.alt ?? (p.value ?? 0) * 100;
    return p.altLabel !== undefined && p.altLabel !== p.readLabel
      ? `Số liệu ${num(p.value)} của chỉ báo ${p.indicator} có thể là ${num(p.read)}% (${p.readLabel}) hoặc ${num(alt)}% (${p.altLabel}), nên chưa xác định được mức: ghi ${num(alt)}% (kèm dấu %) hoặc định dạng ô ${p.cell} là phần trăm.`
      : `Số liệu ${num(p.value)} của chỉ báo ${p.indicator} có thể là ${num(p.read)}% hoặc ${num(alt)}%${p.readLabel ? `; cả hai cách hiểu đều cho ${p.readLabel}` : ""}. Nên ghi rõ ${num(alt)}% (kèm dấu %) hoặc định dạng ô là phần trăm.`;
  },
  "out-of-range": (p) =>
    `Số liệu ${num(p.value)} của chỉ báo ${p.indicator} nằm ngoài khoảng cho phép (tỷ lệ từ 0 đến 100%, số không âm): kiểm tra lại ô ${p.cell}.`,
  "formula-error": (p) =>
    `Ô ${p.cell} (chỉ báo ${p.indicator}) có lỗi công thức ${p.error}: sửa công thức hoặc ghi giá trị trực tiếp.`,
  "uncomputed-formula": (p) =>
    `Ô ${p.cell} (chỉ báo ${p.indicator}) có công thức chưa được tính giá trị (tệp được lưu bằng chương trình không tính công thức): mở tệp trong Excel, lưu lại rồi kiểm tra lại.`,
  "missing-evidence": (p) =>
    p.text
      ? `Chỉ báo ${p.indicator} tự đánh giá đạt mức nhưng ô minh chứng ${p.cell} chỉ ghi “${p.text}”: ghi mã minh chứng (ví dụ H1-01-02).`
      : `Chỉ báo ${p.indicator} tự đánh giá đạt mức nhưng chưa có mã minh chứng: ghi mã minh chứng (ví dụ H1-01-02) vào ô ${p.cell}.`,
  "level-mismatch": (p) =>
    (p.self ?? 0) > (p.computed ?? 0)
      ? `Chỉ báo ${p.indicator} tự đánh giá Mức ${p.self} nhưng số liệu chỉ đạt Mức ${p.computed} theo ngưỡng của bộ tiêu chí: hạ mức tự đánh giá hoặc kiểm tra lại số liệu.`
      : `Chỉ báo ${p.indicator} tự đánh giá Mức ${p.self} nhưng số liệu đạt Mức ${p.computed} theo ngưỡng của bộ tiêu chí: có thể nâng mức tự đánh giá.`,
  "criteria-sheet": (p) => p.text ?? "",
};

const EN: Record<Rule, Words> = {
  "missing-column": (p) =>
    `No “${p.column}” column in the header row${p.headerRow ? ` ${p.headerRow}` : ""}${p.words ? ` (looked for: ${p.words})` : ""}. ` +
    (p.text && p.fix
      ? `If it is column ${p.text}, pick it in the add-in (Chọn cột) or use ${p.fix}; if the table has no such column, add it and check again.`
      : `Add the column, or pick it in the add-in (Chọn cột) / use ${p.fix ?? "--map"}, and check again.`),
  "structure-count": (p) =>
    `The table's structure does not match the criteria set: ${p.expected} expected, the table has ${p.found}. Check the standard, criterion and indicator rows.`,
  "duplicate-indicator": (p) =>
    `Indicator ${p.indicator} appears twice: fix the number in ${p.cell} or delete the extra row.`,
  "missing-level": (p) =>
    p.why === "marks"
      ? `Indicator ${p.indicator} has no level marked in columns ${p.columns}: put an x in the column of the level reached (or write Đạt / Không đạt for each level).`
      : `Indicator ${p.indicator} has no self-assessed level: write ${levelsEn(p.max)} or “Không đạt” in ${p.cell}.`,
  "invalid-level": (p) =>
    p.why === "which-level"
      ? `Indicator ${p.indicator}: “Đạt” does not say which level: write ${whichEn(p.max)} in ${p.cell}.`
      : p.why === "several-marks"
        ? `Indicator ${p.indicator} is marked at several levels (${p.text}): mark one column only, the level reached (${p.cell}).`
        : p.why === "achieved-above"
          ? `Indicator ${p.indicator} says “Đạt” at ${p.text} (${p.cell}) but ${p.below} is not achieved: a level counts only when every lower level does; fix one of the two.`
          : p.why === "marks"
            ? `${p.cell} of indicator ${p.indicator} holds “${p.text}”: the level columns take an x only (or Đạt / Không đạt).`
            : `Level “${p.text}” of indicator ${p.indicator} is not on the scale (0–${p.max}): write “Mức 1”…“Mức ${p.max}” or “Không đạt”.`,
  "missing-value": (p) => `Indicator ${p.indicator} has no data: write the result figure in ${p.cell}.`,
  "invalid-value": (p) =>
    `The data “${p.text}” of indicator ${p.indicator} is not a number: write a number (for example 87,5%, 87,5 or 35/40).`,
  "ambiguous-value": (p) => {
    const alt = p.alt ?? (p.value ?? 0) * 100;
    return p.altLabel !== undefined && p.altLabel !== p.readLabel
      ? `The data ${p.value} of indicator ${p.indicator} may be ${p.read}% (${p.readLabel}) or ${alt}% (${p.altLabel}), so its level is undetermined: write ${alt}% (with the % sign) or format ${p.cell} as a percentage.`
      : `The data ${p.value} of indicator ${p.indicator} may be ${p.read}% or ${alt}%${p.readLabel ? `; both readings give ${p.readLabel}` : ""}. Better write ${alt}% (with the % sign) or format the cell as a percentage.`;
  },
  "out-of-range": (p) =>
    `The data ${p.value} of indicator ${p.indicator} is out of range (percentages 0 to 100, counts not negative): check ${p.cell}.`,
  "formula-error": (p) =>
    `${p.cell} (indicator ${p.indicator}) holds the formula error ${p.error}: fix the formula or type the value.`,
  "uncomputed-formula": (p) =>
    `${p.cell} (indicator ${p.indicator}) holds a formula whose value was never computed (the file was saved by a program that does not calculate): open it in Excel, save it again and check again.`,
  "missing-evidence": (p) =>
    p.text
      ? `Indicator ${p.indicator} claims a level but its evidence cell ${p.cell} only says “${p.text}”: write the evidence code (for example H1-01-02).`
      : `Indicator ${p.indicator} claims a level but has no evidence code: write the evidence code (for example H1-01-02) in ${p.cell}.`,
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
  const above = (params.self ?? 0) > (params.computed ?? 0);
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
    "uncomputed-formula": "Công thức chưa được tính",
    "missing-evidence": "Thiếu minh chứng",
    "level-mismatch": above ? "Tự đánh giá cao hơn số liệu" : "Tự đánh giá thấp hơn số liệu",
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
    "uncomputed-formula": "Formula not computed",
    "missing-evidence": "No evidence",
    "level-mismatch": above ? "Claim above data" : "Claim below data",
    "criteria-sheet": "Criteria sheet",
  };
  return (lang === "vi" ? vi : en)[rule];
}
