// Layout shared by the pane's parts: Fluent tokens only (CSS variables that follow the theme and
// give way to the system's colours in high contrast), no colour of our own.
import type { CSSProperties } from "react";
import { tokens } from "@fluentui/react-components";

/** A column of parts that never grows wider than the pane. */
export function stack(gap: string = tokens.spacingVerticalS): CSSProperties {
  return { display: "grid", gridTemplateColumns: "minmax(0, 1fr)", gap };
}

/** A row that wraps instead of running past the right edge. */
export function row(gap: string = tokens.spacingHorizontalS): CSSProperties {
  return { display: "flex", flexWrap: "wrap", alignItems: "center", gap };
}

/** Read by screen readers, not shown. */
export const visuallyHidden: CSSProperties = {
  position: "absolute",
  width: "1px",
  height: "1px",
  margin: "-1px",
  padding: 0,
  overflow: "hidden",
  clip: "rect(0 0 0 0)",
  whiteSpace: "nowrap",
  border: 0,
};

export const plainList: CSSProperties = { listStyle: "none", margin: 0, padding: 0 };

export const heading: CSSProperties = {
  margin: 0,
  fontSize: tokens.fontSizeBase300,
  lineHeight: tokens.lineHeightBase300,
  fontWeight: tokens.fontWeightSemibold,
};

/** Long words (sheet names, codes) break rather than overflow. */
export const wrapAnywhere: CSSProperties = { overflowWrap: "anywhere", minWidth: 0 };
