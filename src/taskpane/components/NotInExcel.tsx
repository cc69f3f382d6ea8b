import * as React from "react";
import { Body1, Title3, tokens } from "@fluentui/react-components";
import { strings } from "../strings";

/** Shown outside Excel: both languages, since Office's display language is unknown there. */
export function NotInExcel() {
  return (
    <main role="alert" style={{ padding: tokens.spacingHorizontalL }}>
      {(["vi", "en"] as const).map((lang) => (
        <section key={lang} lang={lang} style={{ marginBottom: tokens.spacingVerticalL }}>
          <Title3 as="h1" block>
            {strings[lang].notInExcelTitle}
          </Title3>
          <Body1 block>{strings[lang].notInExcelBody}</Body1>
        </section>
      ))}
    </main>
  );
}
