// The pane's record of the officer's looks (the fingerprint's `L`), given back by `clean` as the
// pane's own *Xoá kết quả* gives them back: each cell it empties gets a cell format holding the look
// Excel reported before the pane's first write (fill, font, borders, alignment, protection, number
// format), as Excel stores what Range.setCellProperties sets. The values are Office.js's (Excel.FillPattern,
// BorderLineStyle, BorderWeight, HorizontalAlignment, VerticalAlignment, FontUnderlineStyle); the
// elements SpreadsheetML's (ECMA-376 Part 1, §18.8: fill, font, border, alignment, protection, numFmt).
import { lookFormat, lookProperties, type Look } from "../core/model/looks-record";
import { escapeAttr } from "./xml-edit";
import type { Styles } from "./styles";

/** Excel.FillPattern → ST_PatternType. */
const PATTERNS: Record<string, string> = {
  Solid: "solid",
  Gray50: "mediumGray",
  Gray75: "darkGray",
  Gray25: "lightGray",
  Horizontal: "darkHorizontal",
  Vertical: "darkVertical",
  Down: "darkDown",
  Up: "darkUp",
  Checker: "darkGrid",
  SemiGray75: "darkTrellis",
  LightHorizontal: "lightHorizontal",
  LightVertical: "lightVertical",
  LightDown: "lightDown",
  LightUp: "lightUp",
  Grid: "lightGrid",
  CrissCross: "lightTrellis",
  Gray16: "gray125",
  Gray8: "gray0625",
};

const UNDERLINES: Record<string, string> = {
  Single: "single",
  Double: "double",
  SingleAccountant: "singleAccounting",
  DoubleAccountant: "doubleAccounting",
};

const HORIZONTAL: Record<string, string> = {
  Left: "left",
  Center: "center",
  Right: "right",
  Fill: "fill",
  Justify: "justify",
  CenterAcrossSelection: "centerContinuous",
  Distributed: "distributed",
};
const VERTICAL: Record<string, string> = {
  Top: "top",
  Center: "center",
  Justify: "justify",
  Distributed: "distributed",
};

/** Excel.BorderLineStyle with its BorderWeight → ST_BorderStyle (null: no line). */
function borderStyle(style: unknown, weight: unknown): string | null {
  const w = weight === "Medium" || weight === "Thick" ? "medium" : "thin";
  switch (style) {
    case "Continuous":
      return weight === "Hairline" ? "hair" : weight === "Thick" ? "thick" : w;
    case "Dash":
      return w === "medium" ? "mediumDashed" : "dashed";
    case "DashDot":
      return w === "medium" ? "mediumDashDot" : "dashDot";
    case "DashDotDot":
      return w === "medium" ? "mediumDashDotDot" : "dashDotDot";
    case "Dot":
      return "dotted";
    case "Double":
      return "double";
    case "SlantDashDot":
      return "slantDashDot";
    default:
      return null;
  }
}

/** `#RRGGBB` as an ARGB colour element; none for anything else (Excel's automatic colour). */
function color(p: string, value: unknown, name = "color"): string {
  const m = typeof value === "string" ? /^#([0-9a-f]{6})$/i.exec(value) : null;
  return m ? `<${p}${name} rgb="FF${(m[1] as string).toUpperCase()}"/>` : "";
}

type Props = {
  format?: {
    fill?: { color?: unknown; pattern?: unknown };
    font?: Record<string, unknown>;
    borders?: Record<string, { style?: unknown; color?: unknown; weight?: unknown } | undefined>;
    horizontalAlignment?: unknown;
    verticalAlignment?: unknown;
    wrapText?: unknown;
    indentLevel?: unknown;
    textOrientation?: unknown;
    protection?: { locked?: unknown; formulaHidden?: unknown };
  };
};

/** The cell format (an index into `cellXfs`) of a recorded look, made in the workbook's styles. */
export function recordedXf(styles: Styles, look: Look): number {
  const f = (lookProperties(look) as Props).format ?? {};
  const p = styles.elementPrefix;
  const el = (name: string, body: string) => `<${p}${name}>${body}</${p}${name}>`;

  const pattern = PATTERNS[String(f.fill?.pattern)];
  // A solid fill's colour is its foreground; a pattern's is drawn over the background Excel reports.
  const fill = !pattern
    ? el("fill", `<${p}patternFill patternType="none"/>`)
    : el(
        "fill",
        `<${p}patternFill patternType="${pattern}">` +
          (pattern === "solid"
            ? `${color(p, f.fill?.color, "fgColor")}<${p}bgColor indexed="64"/>`
            : `<${p}fgColor indexed="64"/>${color(p, f.fill?.color, "bgColor")}`) +
          `</${p}patternFill>`
      );

  const t = f.font ?? {};
  const underline = UNDERLINES[String(t.underline)];
  const font = el(
    "font",
    (t.bold === true ? `<${p}b/>` : "") +
      (t.italic === true ? `<${p}i/>` : "") +
      (t.strikethrough === true ? `<${p}strike/>` : "") +
      (underline ? (underline === "single" ? `<${p}u/>` : `<${p}u val="${underline}"/>`) : "") +
      (typeof t.size === "number" ? `<${p}sz val="${t.size}"/>` : "") +
      color(p, t.color) +
      (typeof t.name === "string" ? `<${p}name val="${escapeAttr(t.name)}"/>` : "")
  );

  const edge = (name: string) => {
    const b = f.borders?.[name];
    const style = borderStyle(b?.style, b?.weight);
    return style
      ? el(name, color(p, b?.color)).replace(`<${p}${name}>`, `<${p}${name} style="${style}">`)
      : `<${p}${name}/>`;
  };
  const border = el(
    "border",
    `${edge("left")}${edge("right")}${edge("top")}${edge("bottom")}<${p}diagonal/>`
  );

  const alignment: Record<string, string> = {};
  const h = HORIZONTAL[String(f.horizontalAlignment)];
  if (h) alignment.horizontal = h;
  const v = VERTICAL[String(f.verticalAlignment)];
  if (v) alignment.vertical = v;
  const turn = typeof f.textOrientation === "number" ? f.textOrientation : 0;
  // Excel.Range textOrientation: -90…90, or 180 for text set vertically; ST_TextRotation: 0…90 up,
  // 91…180 down (90 + the angle below), 255 vertical.
  if (turn !== 0) alignment.textRotation = String(turn === 180 ? 255 : turn > 0 ? turn : 90 - turn);
  if (f.wrapText === true) alignment.wrapText = "1";
  if (typeof f.indentLevel === "number" && f.indentLevel > 0) alignment.indent = String(f.indentLevel);

  const protection: Record<string, string> = {};
  if (f.protection?.locked === false) protection.locked = "0";
  if (f.protection?.formulaHidden === true) protection.hidden = "1";

  return styles.xf(
    {
      font,
      fill,
      border,
      alignment,
      protection,
      numFmtId: styles.numFmtId(lookFormat(look)),
      xfId: "0",
    },
    "recorded"
  );
}
