import { type ReactNode } from "react";
import { tokens } from "@fluentui/react-components";
import { CheckmarkCircleFilled, DiamondDismissFilled, WarningFilled } from "@fluentui/react-icons";
import { wrapAnywhere } from "./styles";

const LOOKS = {
  error: [
    tokens.colorStatusDangerBackground1,
    tokens.colorStatusDangerBorder1,
    tokens.colorStatusDangerForeground1,
    DiamondDismissFilled,
  ],
  warning: [
    tokens.colorStatusWarningBackground1,
    tokens.colorStatusWarningBorder1,
    tokens.colorStatusWarningForeground3,
    WarningFilled,
  ],
  success: [
    tokens.colorStatusSuccessBackground1,
    tokens.colorStatusSuccessBorder1,
    tokens.colorStatusSuccessForeground1,
    CheckmarkCircleFilled,
  ],
} as const;

/**
 * A message in the look of Fluent's multiline MessageBar, drawn with the theme's tokens and its
 * icons: the intent's icon and colours, the text, the actions under it on the right. Fluent's own
 * brings its motion and reflow machinery (3 kB of the pane's budget) for what the pane shows here.
 */
export function Bar({
  intent,
  role,
  actions,
  children,
}: {
  intent: keyof typeof LOOKS;
  role?: "alert" | "status";
  actions?: ReactNode;
  children: ReactNode;
}) {
  const [background, border, colour, Icon] = LOOKS[intent];
  return (
    <div
      role={role}
      style={{
        display: "grid",
        gridTemplateColumns: "auto minmax(0, 1fr)",
        columnGap: tokens.spacingHorizontalS,
        padding: `${tokens.spacingVerticalMNudge} ${tokens.spacingHorizontalM}`,
        border: `${tokens.strokeWidthThin} solid ${border}`,
        borderRadius: tokens.borderRadiusMedium,
        backgroundColor: background,
        color: tokens.colorNeutralForeground1,
        fontSize: tokens.fontSizeBase300,
        lineHeight: tokens.lineHeightBase300,
      }}
    >
      <Icon aria-hidden="true" style={{ fontSize: tokens.fontSizeBase500, color: colour }} />
      <div style={wrapAnywhere}>{children}</div>
      {actions ? (
        <div
          style={{
            gridColumn: "1 / -1",
            display: "flex",
            justifyContent: "flex-end",
            gap: tokens.spacingHorizontalS,
            marginTop: tokens.spacingVerticalMNudge,
          }}
        >
          {actions}
        </div>
      ) : null}
    </div>
  );
}
