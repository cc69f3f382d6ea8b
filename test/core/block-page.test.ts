// The result block laid on the officer's pages: kept under the table when it prints with the
// table's last row, sent to KQ when it would print alone or cut, whatever the page setup says.
import {
  blockPrintsApart,
  blockSpan,
  MIN_BLOCK_POINTS,
  type PlacedBlock,
} from "../../src/core/plans/block-page";
import { keepTogether, printable, type PageModel } from "../../src/core/plans/print";
import { sheetFromGrid, type SheetPage, type SheetSnapshot } from "../../src/core/model/snapshot";

const ROW = 20;
/** A4 portrait at 100 % with Excel's margins: how many 20-point rows a page holds. */
const perPage = Math.floor(
  printable("portrait", { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75 }).height / ROW
);

function page(more: Partial<SheetPage> = {}): SheetPage {
  return {
    orientation: "portrait",
    scale: 100,
    breaks: [],
    heights: new Map(),
    heightsTo: 5000,
    defaultHeight: ROW,
    widths: [[2, 2, 50]],
    defaultWidth: 8.43,
    ...more,
  };
}

function sheet(p?: SheetPage): SheetSnapshot {
  const s = sheetFromGrid("Tự đánh giá", [[{ value: "TT" }, { value: "Tiêu chí" }, { value: "Mức" }]]);
  return p ? { ...s, page: p } : s;
}

/** Six short lines two rows under a table ending at `last`. */
const block = (last: number, text = "Số lỗi: 0; số cảnh báo: 0"): PlacedBlock => ({
  lastTableRow: last,
  top: last + 2,
  lines: Array.from({ length: 6 }, (_, i) => ({ text, bold: i < 2 })),
  left: 1,
  right: 3,
});
const none = { widths: [], cover: [] };

test("a block that fits under the table on its page stays; one past the page foot goes", () => {
  // Half a page of table: room for the block.
  expect(blockPrintsApart(sheet(page()), block(perPage / 2), none)).toBe(false);
  // The table ends two rows above the page foot: the block would start the next page alone.
  expect(blockPrintsApart(sheet(page()), block(perPage - 2), none)).toBe(true);
  // The table's last row on the page's last row.
  expect(blockPrintsApart(sheet(page()), block(perPage), none)).toBe(true);
  // A table ending at the top of the second page: the block fits under it there.
  expect(blockPrintsApart(sheet(page()), block(perPage + 3), none)).toBe(false);
});

test("unknown page, or rows past those measured: placed as before", () => {
  expect(blockPrintsApart(sheet(), block(perPage - 2), none)).toBe(false);
  expect(blockPrintsApart(sheet(page({ heightsTo: 10 })), block(perPage - 2), none)).toBe(false);
});

test("fitted on one page tall: never apart; fitted wide: the result columns make it smaller", () => {
  const tall = page({ fitTo: { wide: 1, tall: 1 } });
  expect(blockPrintsApart(sheet(tall), block(perPage - 2), none)).toBe(false);
  // One page wide: the sheet is narrow, so the scale stays 1 and the page foot is where it was.
  const wide = page({ fitTo: { wide: 1, tall: 0 } });
  expect(blockPrintsApart(sheet(wide), block(perPage - 2), none)).toBe(true);
  // Result columns 200 characters wide shrink it to well under half: all on the first page.
  const cover = [{ top: 1, left: 4, bottom: perPage, right: 5 }];
  const widths = [
    { col: 4, width: 100 },
    { col: 5, width: 100 },
  ];
  expect(blockPrintsApart(sheet(wide), block(perPage - 2), { widths, cover })).toBe(false);
});

test("the officer's heights, print area, margins, paper and breaks place the page foot", () => {
  // Rows above the print area do not print: the table's end moves up the page.
  const area = page({ area: { top: 11, left: 1, bottom: perPage, right: 3 } });
  expect(blockPrintsApart(sheet(area), block(perPage - 2), none)).toBe(false);
  // Hidden rows (0 points) likewise.
  const hidden = page({ heights: new Map(Array.from({ length: 10 }, (_, i) => [i + 1, 0])) });
  expect(blockPrintsApart(sheet(hidden), block(perPage - 2), none)).toBe(false);
  // Tall rows push the table's end to the foot of the page.
  const tall = page({ heights: new Map([[1, 10 * ROW]]) });
  expect(blockPrintsApart(sheet(tall), block(perPage - 12), none)).toBe(true);
  // Landscape or wide margins hold fewer rows; a long paper more.
  expect(blockPrintsApart(sheet(page({ orientation: "landscape" })), block(perPage - 12), none)).toBe(true);
  const margins = { left: 0.7, right: 0.7, top: 2, bottom: 2 };
  expect(blockPrintsApart(sheet(page({ margins })), block(perPage - 12), none)).toBe(true);
  const legal = { width: 612, height: 1008 };
  expect(blockPrintsApart(sheet(page({ paper: legal })), block(perPage - 2), none)).toBe(false);
  // The officer's own break between the table and the block parts them; one before the table does not.
  expect(blockPrintsApart(sheet(page({ breaks: [21] })), block(20), none)).toBe(true);
  expect(blockPrintsApart(sheet(page({ breaks: [10] })), block(20), none)).toBe(false);
  // A break above the page foot starts a new page there: the block then fits.
  expect(blockPrintsApart(sheet(page({ breaks: [perPage - 20] })), block(perPage - 2), none)).toBe(false);
});

test("the block's long lines are measured wrapped across the table's width", () => {
  const long = "Thời hạn (ước tính từ năm đánh giá 2025 ở tiêu đề): đến hết năm 2029 ".repeat(6);
  // Short lines fit eight rows above the foot; wrapped ones do not.
  expect(blockPrintsApart(sheet(page()), block(perPage - 8), none)).toBe(false);
  expect(blockPrintsApart(sheet(page()), block(perPage - 8, long), none)).toBe(true);
});

test("a group that parts only where the page ends early is kept together", () => {
  // Printed smaller the sheet ends on this page; printed at the model's size the group is cut.
  const m: PageModel = {
    print: { orientation: "portrait", scale: 100 },
    widths: [10],
    heightOf: () => ROW,
    last: perPage + 1,
    taller: 1.04,
    smaller: 0.9,
  };
  expect(keepTogether(m, [{ from: perPage - 3, to: perPage + 1 }])).toEqual([perPage - 4]);
});

describe("the block's span on a table wider than its page", () => {
  // A4 portrait with Excel's margins: 494 points across. Columns 2 and 3 of 38 characters (203
  // points in Excel, 213 as LibreOffice prints them: counted at 213), the others 8.43 (48).
  const wide = (more: Partial<SheetPage> = {}) => sheet(page({ widths: [[2, 3, 38]], ...more }));

  test("a table that fits its page: the block spans it whole", () => {
    expect(blockSpan(sheet(page()), 1, 5)).toEqual({ right: 5, narrow: false });
    // The page not known: as before.
    expect(blockSpan(sheet(), 1, 12)).toEqual({ right: 12, narrow: false });
    // Fitted to one page wide: every column prints on it.
    expect(blockSpan(wide({ fitTo: { wide: 1, tall: 0 } }), 1, 8)).toEqual({ right: 8, narrow: false });
  });

  test("wider: only the columns on the first page across, never narrower than the block's heading", () => {
    // 48 + 213 + 213 = 474 points fit; column 4 would pass 494.
    expect(blockSpan(wide(), 1, 8)).toEqual({ right: 3, narrow: false });
    // At 85 % the page holds 581 points of the sheet: column 4 (48) too, not column 5.
    expect(blockSpan(wide({ scale: 85 }), 1, 8)).toEqual({ right: 5, narrow: false });
    // Landscape: 741 points, columns 1–8 of 10.
    expect(blockSpan(wide({ orientation: "landscape" }), 1, 10)).toEqual({ right: 8, narrow: false });
    // Fitted to two pages wide (the scale unknown, at most 100 %): as at 100 %.
    expect(blockSpan(wide({ fitTo: { wide: 2, tall: 0 } }), 1, 8)).toEqual({ right: 3, narrow: false });
    // The print area starts at column 2: columns 2, 3 fit (426), column 4 too (474).
    expect(blockSpan(wide({ area: { top: 1, left: 2, bottom: 40, right: 8 } }), 2, 8)).toEqual({
      right: 4,
      narrow: false,
    });
    // A hidden column takes no room.
    expect(
      blockSpan(
        wide({
          widths: [
            [2, 3, 38],
            [4, 4, 0],
          ],
        }),
        1,
        8
      )
    ).toEqual({ right: 4, narrow: false });
  });

  test("a first page across too narrow for the block: it goes to KQ", () => {
    // Column 2 of 100 characters (560 points) starts the next page: column 1 (48) alone is too narrow.
    expect(blockSpan(sheet(page({ widths: [[2, 2, 100]] })), 1, 4)).toEqual({ right: 1, narrow: true });
    // The heading's 227 points at 13 bold, with a cell's padding.
    expect(MIN_BLOCK_POINTS).toBe(240);
  });
});
