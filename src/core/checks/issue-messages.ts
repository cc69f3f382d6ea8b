// What each issue says to the officer: what is wrong, and how to fix it, in Vietnamese or English.
import type { Rule } from "../model/issues";
import type { Lang } from "../model/lang";
import { formatNumberVi } from "../model/numbers";
import { levelLabels, lower, plainLevels } from "../sets/words";

export type IssueParams = {
  indicator?: number | null;
  /** The leaf as the officer reads it: the set's word and the sheet's code (`Chỉ tiêu 3.2`). */
  name?: string;
  /** The set's level labels, level 0 first. */
  levels?: string[];
  /** The set's layer words, top down, as a row kind list (`tiêu chí, chỉ tiêu`). */
  layers?: string;
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
  why?:
    | "marks"
    | "several-marks"
    | "achieved-above"
    | "which-level"
    | "pair-both"
    | "pair-blank"
    | "not-applicable"
    | "figures";
  /** The article behind a rule of the set (`Điều 9 khoản 3`). */
  source?: string;
  /** The level below a misplaced `Đạt`; the per-level columns (`F–I`). */
  below?: string;
  columns?: string;
  /** A missing column: the header words looked for, the header row, the `--map` fix. */
  words?: string;
  headerRow?: number;
  fix?: string;
};

type Words = (p: IssueParams) => string;

/**
 * What a level requires, quoted with its article when the set gives it (`(Mức độ 2 cần “Xã đạt chuẩn
 * … mức độ 3 …”, Điều 7 khoản 4 điểm b)`, a standard reached); else the set's thresholds.
 */
const needs = (p: IssueParams, l: number | undefined, vi = true) =>
  p.expected
    ? `(${label(p, l)} ${vi ? "cần" : "needs"} “${p.expected}”${p.source ? `, ${p.source}` : ""})`
    : vi
      ? "theo ngưỡng của bộ tiêu chí"
      : "by the criteria set's thresholds";
/** ` (đạt chuẩn … mức độ 2)`: what the data cell says, when the level is read from its words. */
const said = (p: IssueParams) => (p.text ? ` (${p.text})` : "");

const num = (n: number | undefined) => formatNumberVi(n ?? 0);
/** The set's labels (`Không đạt`, `Mức độ 1 (Khá)`…); `Mức 1`… up to `max` when not given. */
const labels = (p: IssueParams) => p.levels ?? levelLabels({ levels: plainLevels(p.max ?? 3) }, "vi");
const label = (p: IssueParams, l: number | undefined) => labels(p)[l ?? 0] ?? `Mức ${l}`;
/** `“Mức 1”, “Mức 2” hoặc “Mức 3”` (or, before another choice, `“Mức 1”, “Mức 2”, “Mức 3”`): the levels above 0. */
const above = (p: IssueParams, or?: string) => {
  const list = labels(p)
    .slice(1)
    .map((l) => `“${l}”`)
    .join(", ");
  return or ? list.replace(/, (“[^“]*”)$/, ` ${or} $1`) : list;
};
const nameVi = (p: IssueParams) => p.name ?? `Chỉ báo ${p.indicator}`;
const nameEn = (p: IssueParams) => p.name ?? `Indicator ${p.indicator}`;
const inner = lower;

const VI: Record<Rule, Words> = {
  "missing-column": (p) =>
    `Không tìm thấy cột “${p.column}” ở dòng tiêu đề${p.headerRow ? ` ${p.headerRow}` : ""}${p.words ? ` (đã tìm: ${p.words})` : ""}. ` +
    (p.text && p.fix
      ? `Nếu đó là cột ${p.text}, chọn cột trong ngăn add-in (Chọn cột) hoặc dùng ${p.fix}; nếu bảng chưa có cột này, hãy thêm vào rồi kiểm tra lại.`
      : `Thêm cột này vào bảng, hoặc chọn cột trong ngăn add-in (Chọn cột) / dùng ${p.fix ?? "--map"}, rồi kiểm tra lại.`),
  "structure-count": (p) =>
    `Cấu trúc bảng chưa khớp với bộ tiêu chí: cần ${p.expected}, bảng ${/^thiếu /.test(String(p.found)) ? "" : "có "}${p.found}. Kiểm tra lại các dòng ${p.layers ?? "tiêu chuẩn, tiêu chí, chỉ báo"}.`,
  "duplicate-indicator": (p) =>
    `${nameVi(p)} xuất hiện hai lần: sửa số thứ tự ở ô ${p.cell} hoặc xoá dòng thừa.`,
  "missing-level": (p) =>
    p.why === "pair-blank"
      ? `${nameVi(p)} chưa đánh dấu ${p.text} ở cột Đạt hay cột Không đạt (ô ${p.cell}): đánh dấu x vào một trong hai cột.`
      : p.why === "marks"
        ? `${nameVi(p)} chưa đánh dấu mức nào ở các cột ${p.columns}: đánh dấu x vào cột của mức đạt được (hoặc ghi Đạt / Không đạt ở từng mức).`
        : `${nameVi(p)} chưa có mức tự đánh giá: ghi ${above(p)} hoặc “${label(p, 0)}” vào ô ${p.cell}.`,
  "invalid-level": (p) =>
    p.why === "not-applicable"
      ? `${nameVi(p)} ghi “${p.text}” ở ô ${p.cell} nhưng chỉ tiêu này áp dụng cho mọi đơn vị: đánh dấu Đạt hoặc Không đạt.`
      : p.why === "pair-both"
        ? `${nameVi(p)} được đánh dấu cả Đạt và Không đạt ở ${p.text} (ô ${p.cell}): chỉ đánh dấu một trong hai cột.`
        : p.why === "which-level"
          ? `${nameVi(p)}: “Đạt” chưa cho biết mức nào: ghi ${above(p, "hoặc")} vào ô ${p.cell}.`
          : p.why === "several-marks"
            ? `${nameVi(p)} được đánh dấu ở nhiều mức (${p.text}): chỉ đánh dấu một cột, ở mức đạt được (ô ${p.cell}).`
            : p.why === "achieved-above"
              ? `${nameVi(p)} ghi “Đạt” ở ${p.text} (ô ${p.cell}) nhưng ${p.below} chưa đạt: một mức chỉ đạt khi mọi mức thấp hơn đều đạt, sửa lại một trong hai ô.`
              : p.why === "marks"
                ? `Ô ${p.cell} của ${inner(nameVi(p))} ghi “${p.text}”: ở các cột mức chỉ đánh dấu x (hoặc ghi Đạt / Không đạt).`
                : `Mức “${p.text}” của ${inner(nameVi(p))} không có trong thang mức của bộ tiêu chí: ghi ${above(p)} hoặc “${label(p, 0)}”.`,
  "missing-value": (p) => `${nameVi(p)} chưa có số liệu: ghi kết quả thực hiện vào ô ${p.cell}.`,
  "invalid-value": (p) =>
    p.why === "figures"
      ? `Ô ${p.cell} của ${inner(nameVi(p))} ghi “${p.text}”, nhưng chỉ tiêu này cần đủ các số liệu: ${p.expected}. Ghi từng tỷ lệ theo thứ tự đó, cách nhau bằng dấu chấm phẩy (ví dụ 62%; 14%).`
      : `Số liệu “${p.text}” của ${inner(nameVi(p))} không phải là số: ghi một số (ví dụ 87,5%, 87,5 hoặc 35/40).`,
  "ambiguous-value": (p) => {
    const alt = p.alt ?? (p.value ?? 0) * 100;
    return p.altLabel !== undefined && p.altLabel !== p.readLabel
      ? `Số liệu ${num(p.value)} của ${inner(nameVi(p))} có thể là ${num(p.read)}% (${p.readLabel}) hoặc ${num(alt)}% (${p.altLabel}), nên chưa xác định được mức: ghi ${num(alt)}% (kèm dấu %) hoặc định dạng ô ${p.cell} là phần trăm.`
      : `Số liệu ${num(p.value)} của ${inner(nameVi(p))} có thể là ${num(p.read)}% hoặc ${num(alt)}%${p.readLabel ? `; cả hai cách hiểu đều cho ${p.readLabel}` : ""}. Nên ghi rõ ${num(alt)}% (kèm dấu %) hoặc định dạng ô là phần trăm.`;
  },
  "out-of-range": (p) =>
    `Số liệu ${num(p.value)} của ${inner(nameVi(p))} nằm ngoài khoảng cho phép (tỷ lệ từ 0 đến 100%, số không âm): kiểm tra lại ô ${p.cell}.`,
  "formula-error": (p) =>
    `Ô ${p.cell} (${inner(nameVi(p))}) có lỗi công thức ${p.error}: sửa công thức hoặc ghi giá trị trực tiếp.`,
  "uncomputed-formula": (p) =>
    `Ô ${p.cell} (${inner(nameVi(p))}) có công thức chưa được tính giá trị (tệp được lưu bằng chương trình không tính công thức): mở tệp trong Excel, lưu lại rồi kiểm tra lại.`,
  "missing-evidence": (p) =>
    (p.text
      ? `${nameVi(p)} tự đánh giá đạt mức nhưng ô minh chứng ${p.cell} chỉ ghi “${p.text}”: ghi mã minh chứng (ví dụ H1-01-02).`
      : `${nameVi(p)} tự đánh giá đạt mức nhưng chưa có mã minh chứng: ghi mã minh chứng (ví dụ H1-01-02) vào ô ${p.cell}.`) +
    (p.source ? ` Theo ${p.source}, chỉ tiêu không có minh chứng phù hợp được đánh giá là không đạt.` : ""),
  "level-mismatch": (p) =>
    (p.self ?? 0) > (p.computed ?? 0)
      ? `${nameVi(p)} tự đánh giá ${label(p, p.self)} nhưng số liệu${said(p)} chỉ đạt ${label(p, p.computed)} ${needs(p, p.self)}: hạ mức tự đánh giá hoặc kiểm tra lại số liệu.`
      : `${nameVi(p)} tự đánh giá ${label(p, p.self)} nhưng số liệu${said(p)} đạt ${label(p, p.computed)} ${needs(p, p.computed)}: có thể nâng mức tự đánh giá.`,
  "criteria-sheet": (p) => p.text ?? "",
  "tree-differs": (p) =>
    `Cây của bảng khác bộ tiêu chí${p.text ? `: ${p.text}` : ""}. Bảng vẫn được đọc theo các dòng của bảng; kiểm tra lại các dòng ${p.layers ?? "tiêu chí, chỉ tiêu"} với thông tư.`,
};

const EN: Record<Rule, Words> = {
  "missing-column": (p) =>
    `No “${p.column}” column in the header row${p.headerRow ? ` ${p.headerRow}` : ""}${p.words ? ` (looked for: ${p.words})` : ""}. ` +
    (p.text && p.fix
      ? `If it is column ${p.text}, pick it in the add-in (Chọn cột) or use ${p.fix}; if the table has no such column, add it and check again.`
      : `Add the column, or pick it in the add-in (Chọn cột) / use ${p.fix ?? "--map"}, and check again.`),
  "structure-count": (p) =>
    `The table's structure does not match the criteria set: ${p.expected} expected, the table has ${p.found}. Check the ${p.layers ?? "standard, criterion and indicator"} rows.`,
  "duplicate-indicator": (p) =>
    `${nameEn(p)} appears twice: fix the number in ${p.cell} or delete the extra row.`,
  "missing-level": (p) =>
    p.why === "pair-blank"
      ? `${nameEn(p)} has neither Đạt nor Không đạt marked at ${p.text} (${p.cell}): put an x in one of the two columns.`
      : p.why === "marks"
        ? `${nameEn(p)} has no level marked in columns ${p.columns}: put an x in the column of the level reached (or write Đạt / Không đạt for each level).`
        : `${nameEn(p)} has no self-assessed level: write ${above(p)} or “${label(p, 0)}” in ${p.cell}.`,
  "invalid-level": (p) =>
    p.why === "not-applicable"
      ? `${nameEn(p)} says “${p.text}” in ${p.cell} but the target applies to every unit: mark Đạt or Không đạt.`
      : p.why === "pair-both"
        ? `${nameEn(p)} is marked both Đạt and Không đạt at ${p.text} (${p.cell}): mark one of the two columns only.`
        : p.why === "which-level"
          ? `${nameEn(p)}: “Đạt” does not say which level: write ${above(p, "or")} in ${p.cell}.`
          : p.why === "several-marks"
            ? `${nameEn(p)} is marked at several levels (${p.text}): mark one column only, the level reached (${p.cell}).`
            : p.why === "achieved-above"
              ? `${nameEn(p)} says “Đạt” at ${p.text} (${p.cell}) but ${p.below} is not achieved: a level counts only when every lower level does; fix one of the two.`
              : p.why === "marks"
                ? `${p.cell} of ${inner(nameEn(p))} holds “${p.text}”: the level columns take an x only (or Đạt / Không đạt).`
                : `Level “${p.text}” of ${inner(nameEn(p))} is not on the criteria set's scale: write ${above(p)} or “${label(p, 0)}”.`,
  "missing-value": (p) => `${nameEn(p)} has no data: write the result figure in ${p.cell}.`,
  "invalid-value": (p) =>
    p.why === "figures"
      ? `${p.cell} of ${inner(nameEn(p))} says “${p.text}”, but the target needs every one of its figures: ${p.expected}. Write each percentage in that order, separated by semicolons (for example 62%; 14%).`
      : `The data “${p.text}” of ${inner(nameEn(p))} is not a number: write a number (for example 87,5%, 87,5 or 35/40).`,
  "ambiguous-value": (p) => {
    const alt = p.alt ?? (p.value ?? 0) * 100;
    return p.altLabel !== undefined && p.altLabel !== p.readLabel
      ? `The data ${p.value} of ${inner(nameEn(p))} may be ${p.read}% (${p.readLabel}) or ${alt}% (${p.altLabel}), so its level is undetermined: write ${alt}% (with the % sign) or format ${p.cell} as a percentage.`
      : `The data ${p.value} of ${inner(nameEn(p))} may be ${p.read}% or ${alt}%${p.readLabel ? `; both readings give ${p.readLabel}` : ""}. Better write ${alt}% (with the % sign) or format the cell as a percentage.`;
  },
  "out-of-range": (p) =>
    `The data ${p.value} of ${inner(nameEn(p))} is out of range (percentages 0 to 100, counts not negative): check ${p.cell}.`,
  "formula-error": (p) =>
    `${p.cell} (${inner(nameEn(p))}) holds the formula error ${p.error}: fix the formula or type the value.`,
  "uncomputed-formula": (p) =>
    `${p.cell} (${inner(nameEn(p))}) holds a formula whose value was never computed (the file was saved by a program that does not calculate): open it in Excel, save it again and check again.`,
  "missing-evidence": (p) =>
    (p.text
      ? `${nameEn(p)} claims a level but its evidence cell ${p.cell} only says “${p.text}”: write the evidence code (for example H1-01-02).`
      : `${nameEn(p)} claims a level but has no evidence code: write the evidence code (for example H1-01-02) in ${p.cell}.`) +
    (p.source ? ` Under ${p.source}, a target without suitable evidence is not achieved.` : ""),
  "level-mismatch": (p) =>
    (p.self ?? 0) > (p.computed ?? 0)
      ? `${nameEn(p)} claims ${label(p, p.self)} but its data${said(p)} reaches only ${label(p, p.computed)} ${needs(p, p.self, false)}: lower the claim or check the data.`
      : `${nameEn(p)} claims ${label(p, p.self)} but its data${said(p)} reaches ${label(p, p.computed)} ${needs(p, p.computed, false)}: the claim could be raised.`,
  "criteria-sheet": (p) => p.text ?? "",
  "tree-differs": (p) =>
    `The table's tree differs from the criteria set${p.text ? `: ${p.text}` : ""}. The table is still read by its own rows; check its ${p.layers ?? "criterion and target"} rows against the circular.`,
};

export function issueMessage(rule: Rule, params: IssueParams, lang: Lang): string {
  return (lang === "vi" ? VI : EN)[rule](params);
}

/** A few words for the result column beside the indicator. */
export function issueNote(rule: Rule, lang: Lang, params: IssueParams & { leaf?: string } = {}): string {
  const claimAbove = (params.self ?? 0) > (params.computed ?? 0);
  const leaf = inner(params.leaf ?? (lang === "vi" ? "Chỉ báo" : "Indicator"));
  const vi: Record<Rule, string> = {
    "missing-column": "Thiếu cột",
    "structure-count": "Sai cấu trúc",
    "duplicate-indicator": `Trùng ${leaf}`,
    "missing-level": "Thiếu mức tự đánh giá",
    "invalid-level": "Mức không hợp lệ",
    "missing-value": "Thiếu số liệu",
    "invalid-value": "Số liệu không phải số",
    "ambiguous-value": "Số liệu dễ hiểu nhầm",
    "out-of-range": "Số liệu ngoài khoảng",
    "formula-error": "Lỗi công thức",
    "uncomputed-formula": "Công thức chưa được tính",
    "missing-evidence": "Thiếu minh chứng",
    "level-mismatch": claimAbove ? "Tự đánh giá cao hơn số liệu" : "Tự đánh giá thấp hơn số liệu",
    "criteria-sheet": "Lỗi bộ tiêu chí",
    "tree-differs": "Cây khác bộ tiêu chí",
  };
  const en: Record<Rule, string> = {
    "missing-column": "Missing column",
    "structure-count": "Structure",
    "duplicate-indicator": `Duplicate ${leaf}`,
    "missing-level": "No level",
    "invalid-level": "Invalid level",
    "missing-value": "No data",
    "invalid-value": "Data not a number",
    "ambiguous-value": "Ambiguous data",
    "out-of-range": "Data out of range",
    "formula-error": "Formula error",
    "uncomputed-formula": "Formula not computed",
    "missing-evidence": "No evidence",
    "level-mismatch": claimAbove ? "Claim above data" : "Claim below data",
    "criteria-sheet": "Criteria sheet",
    "tree-differs": "Tree differs",
  };
  return (lang === "vi" ? vi : en)[rule];
}
