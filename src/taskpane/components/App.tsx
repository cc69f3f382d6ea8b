import { useState } from "react";
import { tokens } from "@fluentui/react-components";
import { Button } from "./Button";
import type { Lang } from "../../excel/connector";
import { fill, type Strings } from "../strings";
import { useAssessment } from "../useAssessment";
import { ActionBar } from "./ActionBar";
import { IssueList } from "./IssueList";
import { Messages } from "./Messages";
import { ResultView } from "./ResultView";
import { DepartmentCard, departmentUnits, useDepartmentScan } from "./DepartmentCard";
import { SetupCard } from "./SetupCard";
import { CouncilCard } from "./CouncilCard";
import { reportOf } from "../council-report";
import { SheetsView } from "./SheetsView";
import { StatusHeader } from "./StatusHeader";
import { stack, visuallyHidden } from "./styles";
import { TabPanel, Tabs } from "./Tabs";
import { Body } from "./Type";

type View = "issues" | "result" | "sheets";

export interface AppProps {
  t: Strings;
  lang: Lang;
  /** The workbook's file name, for the summary's `Tệp` column. */
  file: string;
}

/** The pane: the answer first (status, actions), then what was detected, then the views. */
export function App({ t, lang, file }: AppProps) {
  const a = useAssessment(lang);
  const [view, setView] = useState<View>("issues");
  const check = a.checked?.check;
  useDepartmentScan(a);
  // A department's workbook: its summary offered first, in place of the warning that no table is here.
  const units = departmentUnits(a);
  // The council's errors are the sheet's too (`hoctap check` counts them): the tab counts both.
  const counts = reportOf(a.checked, lang)?.counts;
  const views = [
    {
      value: "issues" as const,
      label: fill(t.tabIssues, { n: counts ? counts.errors + counts.warnings : 0 }),
    },
    { value: "result" as const, label: t.tabResult },
    { value: "sheets" as const, label: t.tabSheets },
  ];
  return (
    <main
      style={{
        ...stack(tokens.spacingVerticalM),
        padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
      }}
      aria-busy={a.busy !== null}
    >
      <h1 style={visuallyHidden}>{t.appTitle}</h1>
      <StatusHeader a={a} t={t} lang={lang} />
      {units ? <DepartmentCard a={a} lang={lang} units={units} file={file} /> : null}
      <ActionBar a={a} t={t} />
      <Messages a={units && a.problem?.kind === "no-table" ? { ...a, problem: null } : a} t={t} lang={lang} />
      <SetupCard a={a} t={t} lang={lang} />
      <Tabs id="views" items={views} selected={view} onSelect={setView} label={t.viewsLabel} />
      <TabPanel id="views" selected={view}>
        {view === "sheets" ? (
          <SheetsView a={a} t={t} file={file} lang={lang} />
        ) : !check ? (
          a.checked && a.busy === null ? (
            <div style={stack(tokens.spacingVerticalXS)}>
              <Body>{t.noTableYet}</Body>
              <Button
                appearance="transparent"
                onClick={() => setView("sheets")}
                style={{ justifySelf: "start", textAlign: "start", color: tokens.colorBrandForegroundLink }}
              >
                {t.goToTemplates}
              </Button>
            </div>
          ) : null
        ) : view === "issues" ? (
          <IssueList a={a} t={t} lang={lang} />
        ) : (
          <div style={stack(tokens.spacingVerticalXL)}>
            <CouncilCard a={a} lang={lang} at="top" />
            <ResultView a={a} t={t} lang={lang} />
            <CouncilCard a={a} lang={lang} at="bottom" />
          </div>
        )}
      </TabPanel>
    </main>
  );
}
