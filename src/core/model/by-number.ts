// A table by whole numbers (indicator numbers, sheet rows): an array where a Map would hash and
// grow. On a 100,000-row table, four such maps were some 25 MB of allocation, kept to the check's
// end. Numbers that are not small whole ones (never met in practice) go to a Map.

/** Largest number kept in the array: a sheet's last row. */
const LAST_SLOT = 1 << 21;

const isSlot = (n: number) => Number.isInteger(n) && n >= 0 && n <= LAST_SLOT;

/** A map from whole numbers; its values are never undefined. */
export class ByNumber<T> {
  private readonly slots: (T | undefined)[] = [];
  private other: Map<number, T> | null = null;

  get(n: number): T | undefined {
    return isSlot(n) ? this.slots[n] : this.other?.get(n);
  }

  has(n: number): boolean {
    return this.get(n) !== undefined;
  }

  set(n: number, value: T): this {
    if (isSlot(n)) this.slots[n] = value;
    else (this.other ??= new Map()).set(n, value);
    return this;
  }
}
