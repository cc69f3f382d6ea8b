// The words of the department's view (a workbook of many units' sheets), Vietnamese first.
import type { Lang } from "../excel/connector";

const vi = {
  title: "Bảng tính của nhiều đơn vị",
  body: "Trang tính “{sheet}” không phải bảng tự đánh giá của một đơn vị, nhưng {n} trang tính khác là bảng tự đánh giá.",
  makeSummary: "Tổng hợp {n} trang tính",
  hint: "Tạo trang tính “Tổng hợp”: mỗi đơn vị một dòng, đơn vị có hai trang tính chỉ tính một lần. Để kiểm tra một đơn vị, mở trang tính của đơn vị đó.",
};

export type DepartmentStrings = { [K in keyof typeof vi]: string };

const en: DepartmentStrings = {
  title: "A workbook of many units",
  body: "Sheet “{sheet}” is not one unit's self-assessment, but {n} other sheets are.",
  makeSummary: "Summarise {n} sheets",
  hint: "Makes the “Tổng hợp” sheet: a row per unit, a unit with two sheets counted once. To check one unit, open its sheet.",
};

export const departmentStrings = (lang: Lang): DepartmentStrings => (lang === "vi" ? vi : en);
