// The array-backed table by numbers the check uses for indicator numbers and rows, against a Map.
import fc from "fast-check";
import { ByNumber } from "../../src/core/model/by-number";

test("reads back what a Map reads back, whatever the numbers", () => {
  const key = fc.oneof(
    fc.nat(40),
    fc.integer({ min: -5, max: 5 }),
    fc.constantFrom(0.5, -0, 2 ** 21, 2 ** 21 + 1, 2 ** 40, Number.NaN, Infinity)
  );
  fc.assert(
    fc.property(
      fc.array(fc.tuple(key, fc.oneof(fc.string(), fc.constant(null))), { maxLength: 40 }),
      (sets) => {
        const map = new Map<number, string | null>();
        const by = new ByNumber<string | null>();
        for (const [k, v] of sets) {
          map.set(k, v);
          expect(by.set(k, v)).toBe(by);
        }
        for (const k of [...sets.map(([k]) => k), 1, 3, 2 ** 21, -1, 7.25])
          expect([by.get(k), by.has(k)]).toEqual([map.get(k), map.has(k)]);
      }
    )
  );
});
