// The pane's English words. They are data (strings-en.json): the pane's build puts
// strings-en-fetch.ts in place of this module and fetches them only for an English Office, so the
// Vietnamese officer's pane does not carry them (test/e2e/security.e2e.ts's budget).
import type { Strings } from "./strings";
import table from "./strings-en.json";

export const en: Strings = table;

/** Already here outside the pane's build. */
export async function loadEnglishStrings(): Promise<void> {}
