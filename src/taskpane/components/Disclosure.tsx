import { type ReactNode } from "react";
import { Button } from "./Button";
import { ChevronDownRegular, ChevronRightRegular } from "@fluentui/react-icons";

/** A button that shows and hides a part of the pane (aria-expanded, aria-controls). */
export function DisclosureButton({
  open,
  controls,
  onToggle,
  children,
  size = "medium",
}: {
  open: boolean;
  controls: string;
  onToggle: () => void;
  children: ReactNode;
  size?: "small" | "medium";
}) {
  return (
    <Button
      appearance="subtle"
      size={size}
      aria-expanded={open}
      aria-controls={controls}
      icon={open ? <ChevronDownRegular /> : <ChevronRightRegular />}
      onClick={onToggle}
      style={{
        justifyContent: "flex-start",
        textAlign: "start",
        minWidth: 0,
        height: "auto",
        whiteSpace: "normal",
      }}
    >
      {children}
    </Button>
  );
}
