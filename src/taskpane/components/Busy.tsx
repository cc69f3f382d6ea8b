import { tokens } from "@fluentui/react-components";

const reducedMotion = () =>
  typeof window !== "undefined" && window.matchMedia?.("(prefers-reduced-motion: reduce)").matches === true;

/**
 * A small turning ring with its words, for work under way: Fluent's Spinner look without its weight
 * (or a style compiler at run time: the ring turns by SVG animation). Still when the officer asks for
 * less motion.
 */
export function Busy({ label, live }: { label: string; live?: boolean }) {
  return (
    <span
      role="progressbar"
      aria-label={label}
      aria-live={live ? "polite" : undefined}
      style={{ display: "inline-flex", alignItems: "center", gap: tokens.spacingHorizontalXS }}
    >
      <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" style={{ flexShrink: 0 }}>
        <circle
          cx="8"
          cy="8"
          r="6.5"
          fill="none"
          strokeWidth="2"
          style={{ stroke: tokens.colorBrandStroke2 }}
        />
        <path
          d="M8 1.5 A6.5 6.5 0 0 1 14.5 8"
          fill="none"
          strokeWidth="2"
          style={{ stroke: tokens.colorBrandStroke1 }}
        >
          {reducedMotion() ? null : (
            <animateTransform
              attributeName="transform"
              type="rotate"
              from="0 8 8"
              to="360 8 8"
              dur="1s"
              repeatCount="indefinite"
            />
          )}
        </path>
      </svg>
      <span style={{ fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 }}>{label}</span>
    </span>
  );
}
