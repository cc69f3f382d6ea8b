import { type KeyboardEvent, type ReactNode, useRef } from "react";
import { tokens } from "@fluentui/react-components";
import { Button } from "./Button";

export interface TabItem<V extends string> {
  value: V;
  label: string;
}

/**
 * The pane's views as an ARIA tab list (arrow keys, Home and End move between tabs; one tab stop),
 * built from Fluent buttons: Fluent's own TabList brings a focus-management library that doubled
 * the pane's weight for this one behaviour.
 */
export function Tabs<V extends string>({
  items,
  selected,
  onSelect,
  label,
  id,
}: {
  items: TabItem<V>[];
  selected: V;
  onSelect: (value: V) => void;
  label: string;
  id: string;
}) {
  const refs = useRef(new Map<V, HTMLButtonElement>());
  const move = (e: KeyboardEvent, i: number) => {
    const n = items.length;
    const keys: Record<string, number> = {
      ArrowRight: (i + 1) % n,
      ArrowLeft: (i - 1 + n) % n,
      Home: 0,
      End: n - 1,
    };
    const to = keys[e.key];
    const item = to === undefined ? undefined : items[to];
    if (!item) return;
    e.preventDefault();
    onSelect(item.value);
    refs.current.get(item.value)?.focus();
  };
  return (
    <div
      role="tablist"
      aria-label={label}
      style={{
        display: "flex",
        borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
      }}
    >
      {items.map((item, i) => {
        const on = item.value === selected;
        return (
          <Button
            key={item.value}
            id={`${id}-tab-${item.value}`}
            ref={(el: HTMLButtonElement | null) => {
              if (el) refs.current.set(item.value, el);
              else refs.current.delete(item.value);
            }}
            role="tab"
            aria-selected={on}
            aria-controls={on ? `${id}-panel` : undefined}
            tabIndex={on ? 0 : -1}
            appearance="transparent"
            onClick={() => onSelect(item.value)}
            onKeyDown={(e) => move(e, i)}
            style={{
              // Each tab as wide as its words, the rest shared: "Tạo trang tính" keeps one line at 280 px.
              flex: "1 1 auto",
              minWidth: 0,
              whiteSpace: "normal",
              borderRadius: 0,
              padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXS}`,
              // Only the chosen tab has a border: in high contrast a transparent one would show.
              borderWidth: on ? `0 0 ${tokens.strokeWidthThicker} 0` : 0,
              borderStyle: "solid",
              borderColor: tokens.colorCompoundBrandStroke,
              paddingBottom: on
                ? tokens.spacingVerticalS
                : `calc(${tokens.spacingVerticalS} + ${tokens.strokeWidthThicker})`,
              color: on ? tokens.colorNeutralForeground1 : tokens.colorNeutralForeground2,
              fontWeight: on ? tokens.fontWeightSemibold : tokens.fontWeightRegular,
            }}
          >
            {item.label}
          </Button>
        );
      })}
    </div>
  );
}

export function TabPanel({ id, selected, children }: { id: string; selected: string; children: ReactNode }) {
  return (
    <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${selected}`} tabIndex={0}>
      {children}
    </div>
  );
}
