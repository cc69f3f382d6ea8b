// The round trips the pane promises (issue 22): a 50,000-row check in ≤ 4, writing its results in
// ≤ 6, the thirty-sheet summary flow as a whole in 7; every request under Excel on the web's 5 MB.
import { roundTrips } from "./round-trips";
import { uninstallFake } from "./install-fake";

afterEach(uninstallFake);

test("a 50,000-row check, its write and the thirty-sheet summary flow, counted", async () => {
  const r = await roundTrips();
  expect(r.check50kRows).toBe(4);
  expect(r.write50kRows).toBe(5);
  expect(r.largestRequestBytes).toBeLessThan(5 * 1024 * 1024);
  expect(r.summaryFlow30Sheets).toEqual({ opening: 2, sheetsView: 2, summary: 3, total: 7 });
}, 300_000);
