// The units left off the decision list and why (errors, no level reached), under the button that
// made it: the department's card and Tạo trang tính show the same list.
import { tokens } from "@fluentui/react-components";
import { heading, stack, wrapAnywhere } from "./styles";
import { Caption } from "./Type";

export function LeftOffList({
  id,
  title,
  lines,
  level,
}: {
  id: string;
  title: string;
  lines: string[];
  /** The heading's level where the list sits in the pane's outline. */
  level: "h3" | "h4";
}) {
  if (lines.length === 0) return null;
  const Heading = level;
  return (
    <section aria-labelledby={id} style={stack(tokens.spacingVerticalXXS)}>
      <Heading id={id} style={heading}>
        {title}
      </Heading>
      <ul style={{ margin: 0, paddingInlineStart: tokens.spacingHorizontalL }}>
        {lines.map((l) => (
          <li key={l}>
            <Caption style={wrapAnywhere}>{l}</Caption>
          </li>
        ))}
      </ul>
    </section>
  );
}
