// A unit the sheet does not name, said the same way wherever a unit is shown (the CLI's report, `KQ`,
// `Tổng hợp`): what is missing and what to add; in a table's narrow column, its first words.
export const UNIT_UNKNOWN = {
  vi: "(chưa rõ: thêm dòng “ỦY BAN NHÂN DÂN …” ở đầu trang tính)",
  en: "(unknown: add an “ỦY BAN NHÂN DÂN …” row at the top of the sheet)",
} as const;

/** The same word where a table has no room for the hint: `Tổng hợp`, the CLI's summary table. */
export const UNIT_UNKNOWN_SHORT = { vi: "(chưa rõ)", en: "(unknown)" } as const;
