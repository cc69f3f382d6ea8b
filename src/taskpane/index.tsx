import { createRoot } from "react-dom/client";
import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { waitForExcel } from "../excel/connector";
import { stringsFor } from "./strings";
import { App } from "./components/App";
import { NotInExcel } from "./components/NotInExcel";
import { SetsMissing } from "./components/SetsMissing";
import { loadBuiltinSets } from "./builtin-sets";
import { loadEnglishStrings } from "./strings-en";

// Long enough for a slow Office start, short enough that a plain browser never waits on a spinner.
const OFFICE_READY_TIMEOUT_MS = 4000;

async function boot(): Promise<void> {
  const container = document.getElementById("container");
  if (!container) return;
  // The built-in sets (data beside the page) load while Office starts.
  const [host, setsFailure] = await Promise.all([
    waitForExcel(OFFICE_READY_TIMEOUT_MS),
    loadBuiltinSets().then(
      () => undefined,
      (e: unknown) => e
    ),
  ]);
  if (setsFailure !== undefined)
    console.error("hoctap: the built-in criteria sets did not load", setsFailure);
  // English words are fetched only when they are shown; without them the pane speaks Vietnamese.
  if (host.kind !== "excel" || host.lang === "en")
    await loadEnglishStrings().catch((e: unknown) =>
      console.error("hoctap: the English words did not load", e)
    );
  const root = createRoot(container);
  if (host.kind !== "excel") {
    root.render(
      <FluentProvider theme={webLightTheme}>
        <NotInExcel />
      </FluentProvider>
    );
    return;
  }
  document.documentElement.lang = host.lang;
  const theme = host.theme === "dark" ? webDarkTheme : webLightTheme;
  // The whole pane follows Office's theme, not only the part the provider covers.
  document.body.style.backgroundColor = theme.colorNeutralBackground1;
  root.render(
    <FluentProvider theme={theme} style={{ minHeight: "100vh" }}>
      {setsFailure === undefined ? (
        <App t={stringsFor(host.lang)} lang={host.lang} file={host.file} />
      ) : (
        <SetsMissing t={stringsFor(host.lang)} />
      )}
    </FluentProvider>
  );
}

void boot();
