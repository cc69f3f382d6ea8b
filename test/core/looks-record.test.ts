// The pane's record of the officer's looks (the fingerprint's `L`), read by the pane and the CLI's
// clean alike: written and read back whole, and any damage refused as a whole (the cells are then
// emptied, never given a wrong look).
import {
  CLEARED,
  LOOK_PATHS,
  lookFormat,
  lookOf,
  lookProperties,
  lookText,
  parseLooks,
  recordedLook,
  type LookRecord,
} from "../../src/core/model/looks-record";

const bold = lookOf(
  { format: { font: { name: "Times New Roman", size: 13, bold: true }, fill: { color: "#FFFF00" } } },
  "0.0%"
);
const plain = lookOf({ format: { font: { name: "Times New Roman", size: 13 } } }, "General");

/** Column by column: C5:D6 holds C5, C6, D5, D6. */
const record: LookRecord = {
  looks: [bold, plain],
  rects: [{ range: { top: 5, left: 3, bottom: 6, right: 4 }, cells: [0, 0, CLEARED, 1] }],
};

test("a look holds what Excel gives, each property once, nulls for what it does not", () => {
  expect(bold).toHaveLength(LOOK_PATHS.length + 1);
  expect(lookProperties(bold)).toEqual({
    format: { font: { name: "Times New Roman", size: 13, bold: true }, fill: { color: "#FFFF00" } },
  });
  expect(lookFormat(bold)).toBe("0.0%");
  // A look without a number format is printed as General.
  expect(lookFormat(bold.slice(0, -1))).toBe("General");
});

test("the record read back as written: looks, runs and cleared cells, Vietnamese text included", () => {
  const named = { ...record, looks: [lookOf({ format: { font: { name: "Phông chữ Việt" } } }, "@"), plain] };
  expect(parseLooks(lookText(record))).toEqual(record);
  expect(parseLooks(lookText(named))).toEqual(named);
  expect(lookText(record)).toMatch(/!C5:D6=0\*2,\*1,1\*1$/);
});

test("each cell's recorded look, cleared, or none where the record says nothing", () => {
  expect(recordedLook(record, 5, 3)).toEqual(bold);
  expect(recordedLook(record, 6, 3)).toEqual(bold);
  expect(recordedLook(record, 5, 4)).toBe(CLEARED);
  expect(recordedLook(record, 6, 4)).toEqual(plain);
  expect(recordedLook(record, 7, 4)).toBeUndefined();
  expect(recordedLook(record, 5, 2)).toBeUndefined();
  expect(recordedLook(null, 5, 3)).toBeUndefined();
});

test("a damaged record is refused whole", () => {
  const text = lookText(record);
  const [dict, rect] = text.split("!") as [string, string];
  expect(parseLooks(undefined)).toBeNull();
  expect(parseLooks("")).toBeNull();
  for (const bad of [
    `@@@.${dict}!${rect}`, // a look that is not base64url
    `${dict.split(".")[0]}.W10!${rect}`, // a look of the wrong length ([])
    `${dict}!ZZ:0=0*1`, // a range that is not one
    `${dict}!C5:D6=0*2,x,1*1`, // a run that is not one
    `${dict}!C5:D6=0*2,*1,7*1`, // a look the record does not hold
    `${dict}!C5:D6=0*2,*1`, // fewer cells than the range
  ])
    expect({ bad, read: parseLooks(bad) }).toEqual({ bad, read: null });
  // No looks at all: cleared cells only.
  expect(parseLooks("!A1:A2=*2")).toEqual({
    looks: [],
    rects: [{ range: { top: 1, left: 1, bottom: 2, right: 1 }, cells: [CLEARED, CLEARED] }],
  });
});
