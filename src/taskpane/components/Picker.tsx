import * as React from "react";
import { Label, Select, tokens } from "@fluentui/react-components";

export interface PickerOption {
  value: string;
  label: string;
}

/** A labelled native select in Fluent's look: the platform's own keyboard and screen-reader behaviour. */
export function Picker({
  id,
  label,
  value,
  options,
  disabled,
  size,
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
  return (
    <div style={{ display: "grid", gridTemplateColumns: "minmax(0, 1fr)", gap: tokens.spacingVerticalXXS }}>
      <Label htmlFor={id} size={size}>
        {label}
      </Label>
      <Select
        id={id}
        size={size}
        value={value}
        disabled={disabled}
        onChange={(_, d) => onChange(d.value)}
        style={{ minWidth: 0, maxWidth: "100%" }}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </div>
  );
}
