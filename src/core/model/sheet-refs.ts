// Whether a formula's text refers to a sheet: a `KQ` sheet an officer's formula or name points to
// (`='KQ Tự đánh giá'!C12`, or a text INDIRECT turns into a reference) is theirs to keep, since
// removing or renaming it would leave `#REF!`. Shared by the CLI's writer and the add-in.

const lower = (s: string) => s.toLocaleLowerCase("vi");

/** Whether a formula's text refers to the sheet (`'KQ X'!…`, or `KQ!…` for a plain name). */
export function refersTo(formula: string, sheet: string): boolean {
  const f = lower(formula);
  const s = lower(sheet);
  if (f.includes(`'${s.replace(/'/g, "''")}'!`)) return true;
  if (indirectText(formula, sheet)) return true;
  if (!/^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet)) return false;
  for (let at = f.indexOf(`${s}!`); at >= 0; at = f.indexOf(`${s}!`, at + 1)) {
    const before = f[at - 1];
    if (before === undefined || !/[\p{L}\p{N}_.'[]/u.test(before)) return true;
  }
  return false;
}

/**
 * INDIRECT makes a reference of a text: a formula calling it with a text that names the sheet
 * (`INDIRECT("'KQ X'!B"&ROW())`, `INDIRECT("'"&"KQ X"&"'!B5")`) refers to it, whatever else the text holds.
 */
function indirectText(formula: string, sheet: string): boolean {
  if (!/\bINDIRECT\s*\(/i.test(formula)) return false;
  const s = lower(sheet);
  const quoted = lower(sheet.replace(/'/g, "''"));
  for (const m of formula.matchAll(/"((?:[^"]|"")*)"/g)) {
    const text = lower((m[1] as string).replace(/""/g, '"'));
    if (text.includes(s) || text.includes(quoted)) return true;
  }
  return false;
}
