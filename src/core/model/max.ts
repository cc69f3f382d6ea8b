/**
 * The largest of many numbers, at least `floor`. A loop, not `Math.max(...values)`: spreading one
 * argument per row overflows the call stack past about 120,000 rows.
 */
export function maxOf(values: Iterable<number>, floor: number): number {
  let max = floor;
  for (const v of values) if (v > max) max = v;
  return max;
}
