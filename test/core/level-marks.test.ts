// Per-level pairs (`Mức độ 1: Đạt | Không đạt`, circulars 24 and 25/2023) read cell by cell: what an
// officer may write in either column, and where each problem is reported.
import type { Cell } from "../../src/core/model/snapshot";
import { readMarks, type LevelCell } from "../../src/core/table/level-marks";

/** Pairs for levels 1…n from F on: `[Đạt, Không đạt]` per level. */
function pairs(...levels: [Cell["value"] | Cell, Cell["value"] | Cell][]): LevelCell[] {
  const cell = (v: Cell["value"] | Cell): Cell =>
    v !== null && typeof v === "object" && "value" in v ? v : ({ value: v } as Cell);
  return levels.flatMap(([yes, no], i) => [
    { col: 6 + 2 * i, level: i + 1, cell: cell(yes) },
    { col: 7 + 2 * i, level: i + 1, notAchieved: true as const, cell: cell(no) },
  ]);
}

test("each level marked in one of its two columns: the top level reached without a gap", () => {
  expect(readMarks(pairs(["x", null], ["x", null]), 2)).toEqual({ ok: true, level: 2 });
  expect(readMarks(pairs(["x", null], [null, "x"]), 2)).toEqual({ ok: true, level: 1 });
  expect(readMarks(pairs([null, "x"], [null, "x"]), 2)).toEqual({ ok: true, level: 0 });
  // The words themselves do as marks: `Đạt` in the first column, `Không đạt` in the second.
  expect(readMarks(pairs(["Đạt", null], [null, "Không đạt"]), 2)).toEqual({ ok: true, level: 1 });
  expect(readMarks(pairs(["Không đạt", null], [null, "x"]), 2)).toEqual({ ok: true, level: 0 });
});

test("a pair marked twice or not at all, and a level above a gap, at the pair's Đạt column", () => {
  expect(readMarks(pairs(["x", "x"], [null, "x"]), 2)).toEqual({
    ok: false,
    problem: "pair-both",
    level: 1,
    col: 6,
  });
  expect(readMarks(pairs(["x", null], [null, null]), 2)).toEqual({
    ok: false,
    problem: "pair-blank",
    level: 2,
    col: 8,
  });
  expect(readMarks(pairs([null, "x"], ["x", null]), 2)).toEqual({
    ok: false,
    problem: "achieved-above",
    level: 2,
    below: 1,
    col: 8,
  });
});

test("Đạt written in the Không đạt column says nothing either way: words that are not a mark, at that cell", () => {
  expect(readMarks(pairs(["x", null], [null, "Đạt"]), 2)).toEqual({
    ok: false,
    problem: "not-a-mark",
    text: "Đạt",
    col: 9,
  });
});

test("an error, a formula never computed, or other words in either column of a pair, at that cell", () => {
  expect(readMarks(pairs(["x", null], [null, { error: "#REF!" }]), 2)).toEqual({
    ok: false,
    problem: "formula-error",
    error: "#REF!",
    col: 9,
  });
  expect(readMarks(pairs([{ value: null, uncomputed: true }, null], [null, "x"]), 2)).toEqual({
    ok: false,
    problem: "uncomputed",
    col: 6,
  });
  expect(readMarks(pairs(["có", null], [null, "x"]), 2)).toEqual({
    ok: false,
    problem: "not-a-mark",
    text: "có",
    col: 6,
  });
});

test("pairs for more levels than the set has: out of its scale, at the top level's Đạt column", () => {
  expect(readMarks(pairs(["x", null], ["x", null], ["x", null]), 2)).toEqual({
    ok: false,
    problem: "out-of-scale",
    level: 3,
    col: 10,
  });
  // Above the scale but not reached: the level the set knows.
  expect(readMarks(pairs(["x", null], ["x", null], [null, "x"]), 2)).toEqual({ ok: true, level: 2 });
});
