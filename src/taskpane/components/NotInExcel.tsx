import { tokens } from "@fluentui/react-components";
import { strings } from "../strings";
import { Body, Title } from "./Type";

/** Shown outside Excel: both languages, since Office's display language is unknown there. */
export function NotInExcel() {
  return (
    <main role="alert" style={{ padding: tokens.spacingHorizontalL }}>
      {(["vi", "en"] as const)
        .filter((lang) => strings[lang].notInExcelTitle)
        .map((lang) => (
          <section key={lang} lang={lang} style={{ marginBottom: tokens.spacingVerticalL }}>
            <Title as="h1" block>
              {strings[lang].notInExcelTitle}
            </Title>
            <Body block>{strings[lang].notInExcelBody}</Body>
          </section>
        ))}
    </main>
  );
}
