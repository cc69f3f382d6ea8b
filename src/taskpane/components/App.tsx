import * as React from "react";
import { Body1, Caption1, Divider, Tab, TabList, Title3, tokens } from "@fluentui/react-components";
import type { Lang } from "../../excel/connector";
import type { Strings } from "../strings";
import { useAssessment } from "../useAssessment";
import { ActionBar } from "./ActionBar";
import { CheckView } from "./CheckView";
import { Messages } from "./Messages";
import { ResultView } from "./ResultView";
import { SetupCard } from "./SetupCard";
import { SummaryView } from "./SummaryView";

type Tab = "check" | "result" | "summary";

export interface AppProps {
  t: Strings;
  lang: Lang;
  /** The workbook's file name, for the summary's `Tệp` column. */
  file: string;
}

export function App({ t, lang, file }: AppProps) {
  const a = useAssessment(lang);
  const [tab, setTab] = React.useState<Tab>("check");
  return (
    <main
      style={{
        padding: tokens.spacingHorizontalL,
        display: "grid",
        gridTemplateColumns: "minmax(0, 1fr)",
        gap: tokens.spacingVerticalM,
      }}
      aria-busy={a.busy !== null}
    >
      <header>
        <Title3 as="h1" block>
          {t.appTitle}
        </Title3>
        <Caption1 block>{t.appSubtitle}</Caption1>
      </header>
      <Messages a={a} t={t} />
      <SetupCard a={a} t={t} lang={lang} />
      <ActionBar a={a} t={t} />
      <Divider />
      <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as Tab)}>
        <Tab value="check">{t.tabCheck}</Tab>
        <Tab value="result">{t.tabResult}</Tab>
        <Tab value="summary">{t.tabSummary}</Tab>
      </TabList>
      {tab === "summary" ? (
        <SummaryView a={a} t={t} file={file} />
      ) : !a.checked?.check ? (
        a.busy === null ? (
          <Body1>{t.noTableYet}</Body1>
        ) : null
      ) : tab === "check" ? (
        <CheckView a={a} t={t} />
      ) : (
        <ResultView a={a} t={t} lang={lang} />
      )}
    </main>
  );
}
