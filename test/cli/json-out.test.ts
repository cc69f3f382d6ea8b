// `--json` in pieces: byte for byte what JSON.stringify(value, null, 2) gives, whatever the shape.
import { writeJson } from "../../src/cli/json-out";

const pieces = (value: unknown) => {
  const out: string[] = [];
  writeJson(value, (s) => out.push(s));
  return out;
};

test("the same text as JSON.stringify(value, null, 2): values, nesting, long arrays, what JSON leaves out", () => {
  const member = (i: number) =>
    i % 3 === 0
      ? {
          cell: `E${i}`,
          message: `Dòng ${i}: thiếu mức\n"tự đánh giá"`,
          gone: undefined,
          f: () => 1,
          at: new Date(i),
        }
      : i % 3 === 1
        ? [i, undefined, () => 2, null, { a: [] }, {}]
        : `Mức ${i}`;
  const shapes: unknown[] = [
    undefined,
    null,
    0,
    -1.5,
    "s",
    true,
    [],
    {},
    [[]],
    { a: undefined },
    [undefined],
    new Date(7),
  ];
  for (const n of [1, 255, 256, 257, 1000])
    for (const depth of [0, 1, 4, 7]) {
      let v: unknown = Array.from({ length: n }, (_, i) => member(i));
      for (let d = 0; d < depth; d++) v = { file: `f${d}.xlsx`, reports: [v], hidden: { skipped: [] } };
      shapes.push(v);
    }
  for (const v of shapes) expect(pieces(v).join("")).toBe(JSON.stringify(v, null, 2) ?? "");
});

test("a big report comes in pieces of some 64 KB, never one string", () => {
  const issues = Array.from({ length: 20000 }, (_, i) => ({
    cell: `E${i + 2}`,
    message: "thiếu mức tự đánh giá",
  }));
  const out = pieces([{ file: "big.xlsx", reports: [{ issues }] }]);
  expect(out.length).toBeGreaterThan(10);
  expect(Math.max(...out.map((p) => p.length))).toBeLessThan(200_000);
  expect(out.join("")).toBe(JSON.stringify([{ file: "big.xlsx", reports: [{ issues }] }], null, 2));
});
