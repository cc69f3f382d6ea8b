// A stand-in for office.js served in place of Microsoft's CDN: Office.onReady reports the given host.
export interface StubOptions {
  host: "Excel" | "Word" | null;
  displayLanguage?: string;
  bodyBackgroundColor?: string;
}

export function officeStub({
  host,
  displayLanguage = "vi-VN",
  bodyBackgroundColor = "#ffffff",
}: StubOptions): string {
  return `
    window.Office = {
      HostType: { Excel: "Excel", Word: "Word" },
      context: {
        displayLanguage: ${JSON.stringify(displayLanguage)},
        officeTheme: { bodyBackgroundColor: ${JSON.stringify(bodyBackgroundColor)} },
        requirements: { isSetSupported: function () { return true; } },
      },
      onReady: function (cb) {
        var info = { host: ${JSON.stringify(host)}, platform: ${host ? '"OfficeOnline"' : "null"} };
        return Promise.resolve(info).then(function (i) { if (cb) cb(i); return i; });
      },
    };`;
}
