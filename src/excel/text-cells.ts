// Text written as text. `Range.values` takes a value as if it were typed into the cell: a string
// beginning `=`, `+` or `-` becomes a formula (documented on Excel.Range.values), and a string that
// reads as a number, a date or TRUE becomes one. A leading apostrophe is Excel's own mark for "this
// is text": the cell stores the rest as it is and the apostrophe is not part of its value. So every
// string the product writes carries one; numbers and blanks go as they are.

/** Excel's longest cell text: a longer string is refused, so it is cut with a visible ellipsis. */
export const MAX_CELL_TEXT = 32767;

export type WrittenValue = string | number | boolean | null;

/** The value to hand to `Range.values` so that the cell holds exactly `v`. */
export function asWritten(v: WrittenValue | undefined): WrittenValue {
  if (typeof v !== "string" || v === "") return v ?? null;
  const text = v.length > MAX_CELL_TEXT ? v.slice(0, MAX_CELL_TEXT - 1) + "…" : v;
  return "'" + text;
}

/** A block of rows for `Range.values`: every row as wide as `width`, every string as text. */
export function writtenRows(
  rows: readonly (readonly (WrittenValue | undefined)[])[],
  width: number,
  blank: "" | null
): WrittenValue[][] {
  return rows.map((r) =>
    Array.from({ length: width }, (_, j) => {
      const v = r[j];
      return v === null || v === undefined ? blank : asWritten(v);
    })
  );
}
