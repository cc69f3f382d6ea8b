import { tokens } from "@fluentui/react-components";
import type { PickerOption } from "./Picker";
import { stack } from "./styles";

/**
 * A labelled group of the browser's own radio buttons in Fluent's spacing and type: every choice
 * whole on as many lines as it needs at 280 px (a select cuts a long set's name), arrow keys and
 * screen readers as the platform gives them.
 */
export function RadioList({
  id,
  label,
  value,
  options,
  disabled,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  options: PickerOption[];
  disabled?: boolean;
  onChange: (value: string) => void;
}) {
  const colour = disabled ? tokens.colorNeutralForegroundDisabled : tokens.colorNeutralForeground1;
  return (
    <fieldset id={id} disabled={disabled} style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}>
      <legend
        style={{
          padding: 0,
          marginBottom: tokens.spacingVerticalXXS,
          fontSize: tokens.fontSizeBase300,
          lineHeight: tokens.lineHeightBase300,
          color: tokens.colorNeutralForeground1,
        }}
      >
        {label}
      </legend>
      <div style={stack(tokens.spacingVerticalXXS)}>
        {options.map((o) => (
          <label
            key={o.value}
            style={{
              display: "flex",
              alignItems: "flex-start",
              gap: tokens.spacingHorizontalS,
              minHeight: "24px",
              padding: `${tokens.spacingVerticalXXS} 0`,
              color: colour,
              fontSize: tokens.fontSizeBase300,
              lineHeight: tokens.lineHeightBase300,
              overflowWrap: "anywhere",
              cursor: disabled ? "default" : "pointer",
            }}
          >
            <input
              type="radio"
              name={id}
              value={o.value}
              checked={o.value === value}
              onChange={() => onChange(o.value)}
              style={{
                width: "16px",
                height: "16px",
                margin: "2px 0 0",
                flexShrink: 0,
                accentColor: tokens.colorCompoundBrandBackground,
              }}
            />
            <span style={{ minWidth: 0 }}>{o.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
