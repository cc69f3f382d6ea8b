// A unit the sheet does not name, said the same way wherever a unit is shown (the CLI's report, `KQ`,
// `Tổng hợp`): what is missing and what to add.
export const UNIT_UNKNOWN = {
  vi: "(chưa rõ: thêm dòng “ỦY BAN NHÂN DÂN …” ở đầu trang tính)",
  en: "(unknown: add an “ỦY BAN NHÂN DÂN …” row at the top of the sheet)",
} as const;
