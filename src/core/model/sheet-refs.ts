// Whether a formula's text refers to a sheet: a `KQ` sheet an officer's formula or name points to
// (`='KQ Tự đánh giá'!C12`) is theirs to keep, since removing or renaming it would leave `#REF!`.
// Shared by the CLI's writer and the add-in.

/** Whether a formula's text refers to the sheet (`'KQ X'!…`, or `KQ!…` for a plain name). */
export function refersTo(formula: string, sheet: string): boolean {
  const f = formula.toLocaleLowerCase("vi");
  const s = sheet.toLocaleLowerCase("vi");
  if (f.includes(`'${s.replace(/'/g, "''")}'!`)) return true;
  if (!/^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet)) return false;
  for (let at = f.indexOf(`${s}!`); at >= 0; at = f.indexOf(`${s}!`, at + 1)) {
    const before = f[at - 1];
    if (before === undefined || !/[\p{L}\p{N}_.'[]/u.test(before)) return true;
  }
  return false;
}
