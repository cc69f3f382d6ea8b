import { type CSSProperties, type ReactNode } from "react";
import { tokens } from "@fluentui/react-components";

// Fluent's badge looks drawn with the theme's tokens: a level as a filled pill (red for not achieved …
// green for level 3, grey when undetermined), a cell as a tinted chip. Fluent's Badge component would
// bring 3.7 kB of styles for these two pills.
const FILLED = [
  { background: tokens.colorPaletteRedBackground3, color: tokens.colorNeutralForegroundOnBrand },
  { background: tokens.colorPaletteYellowBackground3, color: tokens.colorNeutralForeground1Static },
  { background: tokens.colorBrandBackground, color: tokens.colorNeutralForegroundOnBrand },
  { background: tokens.colorPaletteGreenBackground3, color: tokens.colorNeutralForegroundOnBrand },
] as const;
const UNDETERMINED = { background: tokens.colorNeutralBackground5, color: tokens.colorNeutralForeground3 };
const TINT = {
  error: {
    background: tokens.colorPaletteRedBackground1,
    color: tokens.colorPaletteRedForeground1,
    borderColor: tokens.colorPaletteRedBorder1,
  },
  warning: {
    background: tokens.colorPaletteDarkOrangeBackground1,
    color: tokens.colorPaletteDarkOrangeForeground1,
    borderColor: tokens.colorPaletteDarkOrangeBorder1,
  },
} as const;

const SIZES = {
  medium: { minHeight: "20px", fontSize: tokens.fontSizeBase200, padding: `0 ${tokens.spacingHorizontalXS}` },
  large: {
    minHeight: "24px",
    fontSize: tokens.fontSizeBase200,
    padding: `0 ${tokens.spacingHorizontalSNudge}`,
  },
  "extra-large": {
    minHeight: "32px",
    fontSize: tokens.fontSizeBase400,
    padding: `0 ${tokens.spacingHorizontalS}`,
  },
} as const;

function Pill({
  look,
  size = "medium",
  children,
}: {
  look: CSSProperties;
  size?: keyof typeof SIZES;
  children: ReactNode;
}) {
  return (
    <span
      style={{
        // Transparent unless the look sets it; drawn in the system's colour when Windows forces
        // high contrast, so the pill keeps its outline there.
        borderColor: "transparent",
        ...look,
        ...SIZES[size],
        display: "inline-flex",
        alignItems: "center",
        boxSizing: "border-box",
        flexShrink: 0,
        whiteSpace: "nowrap",
        fontWeight: tokens.fontWeightSemibold,
        lineHeight: tokens.lineHeightBase200,
        borderRadius: tokens.borderRadiusMedium,
        borderStyle: "solid",
        borderWidth: tokens.strokeWidthThin,
      }}
    >
      {children}
    </span>
  );
}

/** A level as a coloured pill. */
export function LevelBadge({
  level,
  label,
  size,
}: {
  level: number | null;
  label: string;
  size?: keyof typeof SIZES;
}) {
  const look = level === null ? UNDETERMINED : (FILLED[Math.min(level, FILLED.length - 1)] ?? FILLED[2]);
  return (
    <Pill look={{ ...look, maxWidth: "100%", overflow: "hidden", textOverflow: "ellipsis" }} size={size}>
      {label}
    </Pill>
  );
}

/** An issue's cell as a chip, whole whatever its length. */
export function CellChip({ severity, children }: { severity: "error" | "warning"; children: string }) {
  return <Pill look={{ ...TINT[severity], minWidth: "fit-content" }}>{children}</Pill>;
}
