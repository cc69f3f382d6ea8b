import * as React from "react";
import { Body1, Caption1, Title3, tokens } from "@fluentui/react-components";
import type { Strings } from "../strings";

export interface AppProps {
  t: Strings;
}

export function App({ t }: AppProps) {
  return (
    <main style={{ padding: tokens.spacingHorizontalL, display: "grid", gap: tokens.spacingVerticalS }}>
      <header>
        <Title3 as="h1" block>
          {t.appTitle}
        </Title3>
        <Caption1 block>{t.appSubtitle}</Caption1>
      </header>
      <Body1 block>{t.intro}</Body1>
    </main>
  );
}
