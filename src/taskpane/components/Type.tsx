import { type CSSProperties, type HTMLAttributes, type LabelHTMLAttributes, createElement } from "react";
import { tokens } from "@fluentui/react-components";

// Fluent's type ramp (Body 1, Caption 1, Title 3, Label) drawn with the theme's tokens: the same
// sizes, line heights and weights as Fluent's Text presets, without their 4 kB of style machinery.
const RAMP = {
  body: { fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
  caption: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  title: {
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
} as const;

type Props = HTMLAttributes<HTMLElement> & {
  /** On a line of its own (Fluent's `block`). */
  block?: boolean;
  /** Semibold, as Fluent's `weight="semibold"`. */
  strong?: boolean;
  as?: "span" | "p" | "h1" | "h2";
  style?: CSSProperties;
  "data-testid"?: string;
};

function typed(kind: keyof typeof RAMP) {
  return function Type(props: Props) {
    const { block, strong, as = "span", ...rest } = props;
    return createElement(as, {
      ...rest,
      style: {
        fontFamily: tokens.fontFamilyBase,
        fontWeight: tokens.fontWeightRegular,
        margin: 0,
        ...RAMP[kind],
        ...(strong ? { fontWeight: tokens.fontWeightSemibold } : {}),
        display: block ? "block" : "inline",
        ...props.style,
      },
    });
  };
}

export const Body = typed("body");
export const Caption = typed("caption");
export const Title = typed("title");

/** A field's label, as Fluent's Label (medium or small). */
export function FieldLabel({
  size = "medium",
  ...rest
}: LabelHTMLAttributes<HTMLLabelElement> & { size?: "small" | "medium" }) {
  return (
    <label
      {...rest}
      style={{
        fontFamily: tokens.fontFamilyBase,
        color: tokens.colorNeutralForeground1,
        ...(size === "small" ? RAMP.caption : RAMP.body),
      }}
    />
  );
}
