// One reading of "this formula points at that sheet", for the CLI's writer and the pane alike.
import { refersTo } from "../../src/core/model/sheet-refs";

test("quoted and plain references, in any case; a longer sheet name or a name's part is not one", () => {
  expect(refersTo("='KQ Tự đánh giá'!C12*2", "KQ Tự đánh giá")).toBe(true);
  expect(refersTo("=SUM('kq tự ĐÁNH giá'!C1:C9)", "KQ Tự đánh giá")).toBe(true);
  expect(refersTo("='Bà''s KQ'!A1", "Bà's KQ")).toBe(true);
  expect(refersTo("=KQ!A1+1", "KQ")).toBe(true);
  expect(refersTo("=KQ2!A1+MyKQ!B2+'KQ 2'!A1", "KQ")).toBe(false);
  expect(refersTo('=A1&"KQ!"', "KQ Tự đánh giá")).toBe(false);
});

test("a text INDIRECT turns into a reference names the sheet", () => {
  expect(refersTo(`=INDIRECT("'KQ Tự đánh giá'!B"&ROW())`, "KQ Tự đánh giá")).toBe(true);
  expect(refersTo(`=indirect("'"&"kq tự đánh giá"&"'!B5")`, "KQ Tự đánh giá")).toBe(true);
  // The same text outside INDIRECT is only words.
  expect(refersTo(`="Xem KQ Tự đánh giá"`, "KQ Tự đánh giá")).toBe(false);
});
