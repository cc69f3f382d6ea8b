import { createRoot } from "react-dom/client";
import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { waitForExcel } from "../excel/connector";
import { stringsFor } from "./strings";
import { App } from "./components/App";
import { NotInExcel } from "./components/NotInExcel";

// Long enough for a slow Office start, short enough that a plain browser never waits on a spinner.
const OFFICE_READY_TIMEOUT_MS = 4000;

async function boot(): Promise<void> {
  const container = document.getElementById("container");
  if (!container) return;
  const host = await waitForExcel(OFFICE_READY_TIMEOUT_MS);
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
      <App t={stringsFor(host.lang)} lang={host.lang} file={host.file} />
    </FluentProvider>
  );
}

void boot();
