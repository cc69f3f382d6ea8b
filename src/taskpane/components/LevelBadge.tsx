import * as React from "react";
import { Badge } from "@fluentui/react-components";

const COLOURS = ["danger", "warning", "brand", "success"] as const;

/** A level as a coloured badge: red for not achieved … green for level 3; grey when undetermined. */
export function LevelBadge({
  level,
  label,
  size = "medium",
}: {
  level: number | null;
  label: string;
  size?: "medium" | "large" | "extra-large";
}) {
  const color = level === null ? "informative" : (COLOURS[Math.min(level, COLOURS.length - 1)] ?? "brand");
  return (
    <Badge
      appearance="filled"
      color={color}
      size={size}
      shape="rounded"
      style={{ flexShrink: 0, whiteSpace: "nowrap", maxWidth: "100%" }}
    >
      {label}
    </Badge>
  );
}
