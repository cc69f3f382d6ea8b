// The parts every paper an office files shares (Nghị định 30/2020's layout, as the dossier's forms
// use it): the issuing office beside the national motto, the title with the year and the period the
// figures cover (circular 25/2023, Điều 9: 1 January to 31 December of the year assessed), the place
// and date, and who signs for the committee. `KQ` and the blank templates are built from them.
import type { Framework } from "../sets/framework";
import { unitPhrase } from "../checks/headline";
import type { CellStyle } from "./format";
import type { SheetLayout } from "./layout";

const FILL = "………………………";
export const MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
export const MOTTO_LINE = "Độc lập - Tự do - Hạnh phúc";
export const SIGNER = ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"] as const;

const upper = (t: string) => t.toLocaleUpperCase("vi");

/** `ỦY BAN NHÂN DÂN` over `XÃ AN HÒA`; a dotted line to fill when the sheet does not name the unit. */
export function officeLines(unitName: string | null): [string, string] {
  return ["ỦY BAN NHÂN DÂN", unitName ? upper(unitName) : FILL];
}

/**
 * The office on the left (`left` columns), the motto on the right (the rest), two rows; then a blank
 * row. Both centred in their half, as on a signed paper.
 */
export function mottoBlock(
  out: SheetLayout,
  unitName: string | null,
  left: number,
  /** The issuing body's two lines when it is not the unit's committee (the council's papers). */
  issuer: [string, string] = officeLines(unitName)
): void {
  const right = out.width - left;
  const [office, unit] = issuer;
  const half = (value: string, span: number, style: CellStyle = {}) => ({
    value,
    span,
    style: { horizontal: "center" as const, vertical: "top" as const, wrap: true, ...style },
  });
  out.line([half(office, left), half(MOTTO, right, { bold: true })], { size: 12 });
  out.line([half(unit, left, { bold: true }), half(MOTTO_LINE, right, { bold: true })], {
    size: 12,
  });
  out.blank();
}

/** The year's words: `NĂM 2025`, or a place to write it. */
const yearWords = (year: number | null) => `NĂM ${year ?? "……"}`;

/** `Từ ngày 01/01/2025 đến ngày 31/12/2025`: the period the dossier's figures cover. */
export function periodLine(year: number | null): string {
  const y = year ?? "……";
  return `(Từ ngày 01/01/${y} đến ngày 31/12/${y})`;
}

/** The layers in the title: `CÁC TIÊU CHÍ, CHỈ TIÊU`, `CÁC TIÊU CHUẨN, TIÊU CHÍ, CHỈ BÁO` (a pilot set's own words). */
export function layersWords(fw: Framework): string {
  const { standard, criterion, indicator } = fw.layers;
  return upper([standard?.vi, criterion.vi, indicator.vi].filter(Boolean).join(", "));
}

/** What the unit is assessed for, in capitals: `CÔNG NHẬN “CỘNG ĐỒNG HỌC TẬP” CẤP XÃ`; empty for a set of another kind. */
export function recognitionWords(fw: Framework, unitName: string | null): string {
  const phrase = unitPhrase(unitName, fw, "vi");
  if (!phrase) return "";
  // The circulars quote the title they award: “Cộng đồng học tập” cấp xã, “Đơn vị học tập”.
  const quoted = phrase.replace(/^(Cộng đồng học tập|Đơn vị học tập)/, "“$1”");
  return `CÔNG NHẬN ${upper(quoted)}`;
}

/**
 * The title rows across the sheet: `BẢN TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ CÁC TIÊU CHÍ, CHỈ TIÊU` (or the
 * template's own first line), what it is for with the year, the period, the set's title.
 */
export function titleBlock(
  out: SheetLayout,
  fw: Framework,
  opts: { first: string; unitName: string | null; year: number | null }
): void {
  const across = (value: string) => [{ value, span: out.width }];
  const centre = { horizontal: "center", wrap: true } as const;
  out.line(across(opts.first), { ...centre, bold: true, size: 13 });
  const what = recognitionWords(fw, opts.unitName);
  out.line(across(`${what ? `${what} ` : ""}${yearWords(opts.year)}`), { ...centre, bold: true, size: 13 });
  out.line(across(periodLine(opts.year)), { ...centre, italic: true });
  out.line(across(`Bộ tiêu chí: ${fw.title.vi}`), { ...centre, italic: true });
  out.blank();
}

/** The place and day, and who signs, on the right (`span` columns from `from`), room to sign below. */
export function signatureBlock(out: SheetLayout, from: number): void {
  const right = (value: string, style: CellStyle) =>
    out.line([{ value, span: out.width - from + 1 }], { horizontal: "center", ...style }, { from });
  out.blank();
  right("…………, ngày …… tháng …… năm ……", { italic: true });
  right(SIGNER[0], { bold: true });
  right(SIGNER[1], { bold: true });
  right("(Ký tên, đóng dấu)", { italic: true });
  // Room to sign and seal.
  out.line([], {}, { minHeight: 60 });
}
