import { tokens } from "@fluentui/react-components";
import { FieldLabel } from "./Type";

export interface PickerOption {
  value: string;
  label: string;
}

const HEIGHTS = { small: "24px", medium: "32px" } as const;

/**
 * A labelled native select in Fluent's look, drawn with the theme's tokens: the platform's own
 * keyboard and screen-reader behaviour, without the 4 kB of Fluent's Select for the same control.
 */
export function Picker({
  id,
  label,
  value,
  options,
  disabled,
  size = "medium",
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  options: PickerOption[];
  disabled?: boolean;
  size?: "small" | "medium";
  onChange: (value: string) => void;
}) {
  const colour = disabled ? tokens.colorNeutralForegroundDisabled : tokens.colorNeutralForeground1;
  return (
    <div style={{ display: "grid", gridTemplateColumns: "minmax(0, 1fr)", gap: tokens.spacingVerticalXXS }}>
      <FieldLabel htmlFor={id} size={size}>
        {label}
      </FieldLabel>
      <div style={{ position: "relative", minWidth: 0 }}>
        <select
          id={id}
          value={value}
          disabled={disabled}
          onChange={(e) => onChange(e.target.value)}
          style={{
            appearance: "none",
            boxSizing: "border-box",
            width: "100%",
            minWidth: 0,
            height: HEIGHTS[size],
            paddingInline: `${tokens.spacingHorizontalMNudge} 28px`,
            fontFamily: tokens.fontFamilyBase,
            fontSize: size === "small" ? tokens.fontSizeBase200 : tokens.fontSizeBase300,
            color: colour,
            backgroundColor: disabled ? tokens.colorTransparentBackground : tokens.colorNeutralBackground1,
            border: `${tokens.strokeWidthThin} solid ${disabled ? tokens.colorNeutralStrokeDisabled : tokens.colorNeutralStroke1}`,
            borderBottomColor: disabled
              ? tokens.colorNeutralStrokeDisabled
              : tokens.colorNeutralStrokeAccessible,
            borderRadius: tokens.borderRadiusMedium,
            textOverflow: "ellipsis",
            cursor: disabled ? "not-allowed" : "pointer",
          }}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        <svg
          aria-hidden="true"
          width="12"
          height="12"
          viewBox="0 0 12 12"
          style={{
            position: "absolute",
            right: tokens.spacingHorizontalS,
            top: "50%",
            marginTop: "-6px",
            pointerEvents: "none",
            color: colour,
          }}
        >
          <path d="M2.2 4.2 6 8l3.8-3.8" fill="none" stroke="currentColor" strokeWidth="1.2" />
        </svg>
      </div>
    </div>
  );
}
