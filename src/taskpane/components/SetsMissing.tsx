import { tokens } from "@fluentui/react-components";
import type { Strings } from "../strings";
import { Body, Title } from "./Type";

/** Shown when the built-in sets beside the page did not load: checking would choose among none. */
export function SetsMissing({ t }: { t: Strings }) {
  return (
    <main role="alert" style={{ padding: tokens.spacingHorizontalL }}>
      <Title as="h1" block>
        {t.setsMissingTitle}
      </Title>
      <Body block>{t.setsMissingBody}</Body>
    </main>
  );
}
