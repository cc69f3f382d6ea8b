// The Office connector: every Office.js call of the add-in lives in this module, so the rest of the
// task pane (and every test) can run without Office.

export type Lang = "vi" | "en";
export type ThemeKind = "light" | "dark";

export type HostStatus =
  | { kind: "excel"; lang: Lang; theme: ThemeKind }
  | { kind: "not-excel"; reason: "no-office-js" | "other-host" | "timeout" };

/** Office's display language decides: Vietnamese for `vi-*`, English for anything else. */
export function languageFrom(displayLanguage: string | undefined | null): Lang {
  return displayLanguage && /^vi\b/i.test(displayLanguage) ? "vi" : "en";
}

/** Dark when Office's body background is dark (its theme has no explicit flag). */
export function themeFrom(bodyBackgroundColor: string | undefined | null): ThemeKind {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(bodyBackgroundColor ?? "");
  if (!m) return "light";
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h ?? "ff", 16) / 255) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5 ? "dark" : "light";
}

/**
 * Waits for Office.js to report its host. Resolves (never rejects) within `timeoutMs`, so the pane
 * always shows something: office.js blocked, opened in a plain browser, or another Office host.
 */
export function waitForExcel(timeoutMs: number): Promise<HostStatus> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") {
    return Promise.resolve({ kind: "not-excel", reason: "no-office-js" });
  }
  const timeout = new Promise<HostStatus>((resolve) =>
    setTimeout(() => resolve({ kind: "not-excel", reason: "timeout" }), timeoutMs)
  );
  const ready = Office.onReady().then((info): HostStatus => {
    if (info.host !== Office.HostType.Excel) return { kind: "not-excel", reason: "other-host" };
    const context = Office.context;
    return {
      kind: "excel",
      lang: languageFrom(context?.displayLanguage),
      theme: themeFrom(context?.officeTheme?.bodyBackgroundColor),
    };
  });
  return Promise.race([ready, timeout]);
}
