// Folding and the text memory behind the header search: the same answers as without it, however
// many different texts pass and whatever they collide with.
import fc from "fast-check";
import { cachedByText, fold } from "../../src/core/model/text";

test("a remembered function answers as the function does, for any texts in any order", () => {
  let calls = 0;
  const f = (t: string) => {
    calls++;
    return t.length % 3 === 0 ? undefined : `${t}|${t.length}`;
  };
  const cached = cachedByText(f);
  fc.assert(
    fc.property(
      fc.array(fc.oneof(fc.string(), fc.constantFrom("Mức 2", "Chỉ báo", "", "x")), { maxLength: 200 }),
      (texts) => {
        for (const t of texts) expect(cached(t)).toBe(f(t));
      }
    ),
    { numRuns: 200 }
  );
  // 20,000 different texts (more than it holds), then the first again: still right.
  for (let i = 0; i < 20_000; i++) expect(cached(`Có báo cáo số ${i}`)).toBe(f(`Có báo cáo số ${i}`));
  expect(cached("Có báo cáo số 0")).toBe(f("Có báo cáo số 0"));
  expect(cached("Có báo cáo số 10")).toBe("Có báo cáo số 10|16");
  // Repeated words are computed once.
  calls = 0;
  for (let i = 0; i < 1000; i++) cached("Tự đánh giá");
  expect(calls).toBe(1);
});

test("folding: case, diacritics, đ and spaces", () => {
  expect(fold("  Tự  ĐÁNH\tgiá ")).toBe("tu danh gia");
  expect(fold("CB12")).toBe("cb12");
  expect(fold("Mức 2")).toBe(fold("muc 2"));
});
