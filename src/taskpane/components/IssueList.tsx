import { type CSSProperties, useEffect, useRef, useState } from "react";
import { tokens } from "@fluentui/react-components";
import { Button } from "./Button";
import type { Issue } from "../../core/model/issues";
import type { SheetCheck } from "../../core/checks/check";
import { leafNameOf, lower, plural } from "../../core/sets/words";
import type { Assessment } from "../useAssessment";
import { reportOf } from "../council-report";
import { fill, type Strings } from "../strings";
import { Bar } from "./Bar";
import { CellChip } from "./Pill";
import { forPane } from "../words";
import { heading, plainList, row, stack, visuallyHidden, wrapAnywhere } from "./styles";
import { Body } from "./Type";

/** Issues shown at first; "Hiện thêm" shows this many more each time (fifty at a time, as documented). */
export const ISSUE_CAP = 50;

interface Group {
  key: string;
  title: string;
  issues: Issue[];
}

function groups(issues: Issue[], check: SheetCheck, t: Strings, lang: "vi" | "en"): Group[] {
  const { report, framework } = check;
  const leaves = new Map(report.indicators.map((i) => [i.number, i]));
  const out = new Map<string, Group>();
  for (const i of issues) {
    const key = i.sheet !== report.sheet ? "criteria" : `i${i.indicator}`;
    let g = out.get(key);
    if (!g) {
      const n = i.indicator ?? 0;
      const title = framework.indicators[n - 1]?.title;
      // The leaf as the sheet writes it: `Chỉ tiêu 3.2 — …`.
      const name = leafNameOf(framework, leaves.get(n) ?? { code: "", number: n }, lang);
      g = {
        key,
        title: key === "criteria" ? t.criteriaSheetGroup : name + (title ? ` — ${title}` : ""),
        issues: [],
      };
      out.set(key, g);
    }
    g.issues.push(i);
  }
  return [...out.values()];
}

/** One issue: its cell as a chip and what to do; choosing it selects the cell in Excel. */
function IssueItem({
  issue,
  index,
  t,
  lang,
  goTo,
}: {
  issue: Issue;
  /** Its place in the list, by which "Hiện thêm" brings focus to the first item it shows. */
  index: number;
  t: Strings;
  lang: "vi" | "en";
  goTo: (cell: string, sheet: string) => void;
}) {
  const severity = issue.severity === "error" ? t.severityError : t.severityWarning;
  const chip = <CellChip severity={issue.severity}>{issue.cell ?? severity}</CellChip>;
  const text = (
    <span style={{ flex: "1 1 0", ...wrapAnywhere }}>
      {issue.cell ? <span style={visuallyHidden}>{severity}: </span> : null}
      {forPane(issue.message, lang)}
    </span>
  );
  const layout: CSSProperties = {
    display: "flex",
    alignItems: "flex-start",
    gap: tokens.spacingHorizontalS,
    width: "100%",
    textAlign: "start",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
  };
  if (!issue.cell)
    return (
      <div style={layout} data-issue={index} tabIndex={-1}>
        {chip}
        {text}
      </div>
    );
  const cell = issue.cell;
  return (
    <Button
      appearance="subtle"
      data-issue={index}
      title={fill(t.goToCell, { cell })}
      onClick={() => goTo(cell, issue.sheet)}
      style={{
        ...layout,
        justifyContent: "flex-start",
        height: "auto",
        minWidth: 0,
        whiteSpace: "normal",
        fontWeight: tokens.fontWeightRegular,
      }}
    >
      {chip}
      {text}
    </Button>
  );
}

/**
 * Errors and warnings: those about the whole table first, as error messages; then by indicator,
 * each with its cell, in one list (one landmark, each indicator a heading within it); long lists
 * fifty at a time, focus going to the first issue each "Hiện thêm" shows.
 */
export function IssueList({ a, t, lang }: { a: Assessment; t: Strings; lang: "vi" | "en" }) {
  const check = a.checked?.check;
  const [cap, setCap] = useState(ISSUE_CAP);
  const list = useRef<HTMLElement>(null);
  /** The first issue "Hiện thêm" showed, to be focused once it is drawn. */
  const [first, setFirst] = useState<number | null>(null);
  useEffect(() => setCap(ISSUE_CAP), [check]);
  useEffect(() => {
    if (first === null) return;
    list.current?.querySelector<HTMLElement>(`[data-issue="${first}"]`)?.focus();
    setFirst(null);
  }, [first]);
  // The unit's issues and the council's (worded for the council, at its cells), as `hoctap check` lists them.
  const report = reportOf(a.checked, lang);
  if (!check || !report) return null;
  const sheet = report.sheet;
  const tableWide = report.issues.filter((i) => i.sheet === sheet && i.indicator === null);
  const rest = report.issues.filter((i) => !(i.sheet === sheet && i.indicator === null));
  const shown = rest.slice(0, cap);
  const hidden = rest.length - shown.length;
  const goTo = (cell: string, on: string) => void a.goTo(cell, on);
  const index = new Map(shown.map((i, n) => [i, n]));
  const more = () => {
    setFirst(cap);
    setCap(cap + ISSUE_CAP);
  };
  return (
    <div style={stack(tokens.spacingVerticalM)}>
      {tableWide.map((i, n) => (
        <Bar key={n} intent={i.severity === "error" ? "error" : "warning"}>
          <span style={{ fontWeight: tokens.fontWeightSemibold }}>{t.tableWide}</span>{" "}
          {forPane(i.message, lang)}
        </Bar>
      ))}
      {report.issues.length === 0 ? <Body>{t.noIssues}</Body> : null}
      {shown.length > 0 ? (
        <section
          ref={list}
          aria-label={fill(t.issuesLabel, { leaves: lower(plural(check.framework, "indicator", lang)) })}
        >
          <ul style={{ ...plainList, ...stack(tokens.spacingVerticalM) }}>
            {groups(shown, check, t, lang).map((g) => (
              <li key={g.key} style={stack(tokens.spacingVerticalXXS)}>
                <h3 style={{ ...heading, ...wrapAnywhere }}>{g.title}</h3>
                <ul style={plainList}>
                  {g.issues.map((i) => (
                    <li key={index.get(i)}>
                      <IssueItem issue={i} index={index.get(i) ?? 0} t={t} lang={lang} goTo={goTo} />
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {hidden > 0 ? (
        <div style={row()}>
          <Body>{fill(t.moreIssues, { n: hidden })}</Body>
          <Button size="small" onClick={more}>
            {fill(t.showMore, { n: Math.min(ISSUE_CAP, hidden) })}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
