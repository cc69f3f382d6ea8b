// The pane's English words are data fetched for an English Office (strings-en-fetch.ts in the
// pane's build): until they load, or when they cannot, the pane speaks Vietnamese.
import { en as fetched, loadEnglishStrings } from "../../src/taskpane/strings-en-fetch";
import { strings } from "../../src/taskpane/strings";
import table from "../../src/taskpane/strings-en.json";

const realFetch = global.fetch;
afterEach(() => {
  global.fetch = realFetch;
});

test("the JSON holds every key the Vietnamese table has, and nothing else", () => {
  expect(Object.keys(table).sort()).toEqual(Object.keys(strings.vi).sort());
});

test("a failed fetch leaves the table empty (the pane falls back to Vietnamese); a good one fills it", async () => {
  global.fetch = jest.fn(async () => new Response("", { status: 404 }));
  await expect(loadEnglishStrings("strings-en.json")).rejects.toThrow("strings-en.json: 404");
  expect(fetched.appTitle).toBeUndefined();
  global.fetch = jest.fn(async () => new Response(JSON.stringify(table), { status: 200 }));
  await loadEnglishStrings("strings-en.json");
  expect(fetched).toEqual(table);
  // Loaded once: no second request.
  await loadEnglishStrings("strings-en.json");
  expect(global.fetch).toHaveBeenCalledTimes(1);
});
