import { forwardRef, type ButtonHTMLAttributes, type ReactElement } from "react";
import { tokens } from "@fluentui/react-components";

// Fluent's Button look (secondary, primary, subtle, transparent; medium and small; icon only) drawn
// as a native button with the theme's tokens, so hover, press, focus, disabled and the system's
// high-contrast colours come from one small style sheet. Fluent's own Button brought 5 kB of styles
// and slot machinery to the pane, which must stay within its budget (test/e2e/security.e2e.ts).
const t = tokens;
const CSS = `
.hb{display:inline-flex;align-items:center;justify-content:center;gap:${t.spacingHorizontalSNudge};
box-sizing:border-box;min-width:96px;min-height:32px;padding:5px ${t.spacingHorizontalM};margin:0;
border:${t.strokeWidthThin} solid ${t.colorNeutralStroke1};border-radius:${t.borderRadiusMedium};
background:${t.colorNeutralBackground1};color:${t.colorNeutralForeground1};font-family:${t.fontFamilyBase};
font-size:${t.fontSizeBase300};line-height:${t.lineHeightBase300};font-weight:${t.fontWeightSemibold};
cursor:pointer;vertical-align:middle;overflow:hidden}
.hb:hover{background:${t.colorNeutralBackground1Hover};border-color:${t.colorNeutralStroke1Hover};color:${t.colorNeutralForeground1Hover}}
.hb:active{background:${t.colorNeutralBackground1Pressed};border-color:${t.colorNeutralStroke1Pressed};color:${t.colorNeutralForeground1Pressed}}
.hb-primary{background:${t.colorBrandBackground};border-color:transparent;color:${t.colorNeutralForegroundOnBrand}}
.hb-primary:hover{background:${t.colorBrandBackgroundHover};border-color:transparent;color:${t.colorNeutralForegroundOnBrand}}
.hb-primary:active{background:${t.colorBrandBackgroundPressed};border-color:transparent;color:${t.colorNeutralForegroundOnBrand}}
.hb-subtle{background:${t.colorSubtleBackground};border-color:transparent;color:${t.colorNeutralForeground2}}
.hb-subtle:hover{background:${t.colorSubtleBackgroundHover};border-color:transparent;color:${t.colorNeutralForeground2Hover}}
.hb-subtle:active{background:${t.colorSubtleBackgroundPressed};border-color:transparent;color:${t.colorNeutralForeground2Pressed}}
.hb-transparent{background:${t.colorTransparentBackground};border-color:transparent;color:${t.colorNeutralForeground2}}
.hb-transparent:hover{background:${t.colorTransparentBackgroundHover};border-color:transparent;color:${t.colorNeutralForeground2BrandHover}}
.hb-transparent:active{background:${t.colorTransparentBackgroundPressed};border-color:transparent;color:${t.colorNeutralForeground2BrandPressed}}
.hb:disabled,.hb:disabled:hover,.hb:disabled:active{background:${t.colorNeutralBackgroundDisabled};
border-color:${t.colorNeutralStrokeDisabled};color:${t.colorNeutralForegroundDisabled};cursor:not-allowed}
.hb-subtle:disabled,.hb-transparent:disabled,.hb-subtle:disabled:hover,.hb-transparent:disabled:hover{background:transparent;border-color:transparent}
.hb-small{min-width:64px;min-height:24px;padding:3px ${t.spacingHorizontalS};font-size:${t.fontSizeBase200};
line-height:${t.lineHeightBase200};font-weight:${t.fontWeightRegular}}
.hb-icon{min-width:32px;max-width:32px;padding:5px}
.hb-small.hb-icon{min-width:24px;max-width:24px;padding:1px}
.hb-i{display:inline-flex;flex:none;font-size:20px;width:20px;height:20px;align-items:center;justify-content:center}
.hb:focus-visible{outline:${t.strokeWidthThick} solid ${t.colorStrokeFocus2};outline-offset:1px}
@media (forced-colors:active){
.hb-primary,.hb-primary:hover,.hb-primary:active{forced-color-adjust:none;background:Highlight;color:HighlightText;border-color:Highlight}
.hb:disabled,.hb:disabled:hover,.hb-primary:disabled{background:ButtonFace;color:GrayText;border-color:GrayText}
.hb-subtle:disabled,.hb-transparent:disabled{border-color:transparent}
.hb:focus-visible{outline-color:Highlight}}`;

if (typeof document !== "undefined" && !document.getElementById("hoctap-button")) {
  const sheet = document.createElement("style");
  sheet.id = "hoctap-button";
  sheet.textContent = CSS;
  document.head.appendChild(sheet);
}

export type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  appearance?: "secondary" | "primary" | "subtle" | "transparent";
  size?: "small" | "medium";
  /** An icon before the label, or alone (then give the button an aria-label). */
  icon?: ReactElement;
};

export const Button = forwardRef<HTMLButtonElement, ButtonProps>(function Button(
  { appearance = "secondary", size = "medium", icon, children, className, type = "button", ...rest },
  ref
) {
  const classes = ["hb", `hb-${appearance}`];
  if (size === "small") classes.push("hb-small");
  if (icon && (children === undefined || children === null)) classes.push("hb-icon");
  if (className) classes.push(className);
  return (
    <button ref={ref} type={type} className={classes.join(" ")} {...rest}>
      {icon ? (
        <span className="hb-i" aria-hidden="true">
          {icon}
        </span>
      ) : null}
      {children}
    </button>
  );
});
