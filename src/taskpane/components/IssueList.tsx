import { type CSSProperties, useEffect, useState } from "react";
import { tokens } from "@fluentui/react-components";
import { Button } from "./Button";
import type { Issue } from "../../core/model/issues";
import type { SheetCheck } from "../../core/checks/check";
import { leafName } from "../../core/sets/words";
import type { Assessment } from "../useAssessment";
import { fill, type Strings } from "../strings";
import { Bar } from "./Bar";
import { CellChip } from "./Pill";
import { heading, plainList, row, stack, visuallyHidden, wrapAnywhere } from "./styles";
import { Body } from "./Type";

/** Issues shown at first; "Hiện thêm" shows this many more each time. */
export const ISSUE_CAP = 50;

interface Group {
  key: string;
  title: string;
  issues: Issue[];
}

function groups(issues: Issue[], check: SheetCheck, t: Strings, lang: "vi" | "en"): Group[] {
  const { report, framework } = check;
  const codes = new Map(report.indicators.map((i) => [i.number, i.code]));
  const out = new Map<string, Group>();
  for (const i of issues) {
    const key = i.sheet !== report.sheet ? "criteria" : `i${i.indicator}`;
    let g = out.get(key);
    if (!g) {
      const n = i.indicator ?? 0;
      const title = framework.indicators[n - 1]?.title;
      // The leaf as the sheet writes it: `Chỉ tiêu 3.2 — …`.
      const name = leafName(framework, codes.get(n) ?? "", n, lang);
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
  t,
  goTo,
}: {
  issue: Issue;
  t: Strings;
  goTo: (cell: string, sheet: string) => void;
}) {
  const severity = issue.severity === "error" ? t.severityError : t.severityWarning;
  const chip = <CellChip severity={issue.severity}>{issue.cell ?? severity}</CellChip>;
  const text = (
    <span style={{ flex: "1 1 0", ...wrapAnywhere }}>
      {issue.cell ? <span style={visuallyHidden}>{severity}: </span> : null}
      {issue.message}
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
      <div style={layout}>
        {chip}
        {text}
      </div>
    );
  const cell = issue.cell;
  return (
    <Button
      appearance="subtle"
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
 * each with its cell; long lists capped ("… và N lỗi khác"), more on demand.
 */
export function IssueList({ a, t, lang }: { a: Assessment; t: Strings; lang: "vi" | "en" }) {
  const check = a.checked?.check;
  const [cap, setCap] = useState(ISSUE_CAP);
  useEffect(() => setCap(ISSUE_CAP), [check]);
  if (!check) return null;
  const { report } = check;
  const sheet = report.sheet;
  const tableWide = report.issues.filter((i) => i.sheet === sheet && i.indicator === null);
  const rest = report.issues.filter((i) => !(i.sheet === sheet && i.indicator === null));
  const shown = rest.slice(0, cap);
  const hidden = rest.length - shown.length;
  const goTo = (cell: string, on: string) => void a.goTo(cell, on);
  return (
    <div style={stack(tokens.spacingVerticalM)}>
      {tableWide.map((i, n) => (
        <Bar key={n} intent={i.severity === "error" ? "error" : "warning"}>
          <span style={{ fontWeight: tokens.fontWeightSemibold }}>{t.tableWide}</span> {i.message}
        </Bar>
      ))}
      {report.issues.length === 0 ? <Body>{t.noIssues}</Body> : null}
      {groups(shown, check, t, lang).map((g) => (
        <section key={g.key} aria-labelledby={`group-${g.key}`} style={stack(tokens.spacingVerticalXXS)}>
          <h3 id={`group-${g.key}`} style={{ ...heading, ...wrapAnywhere }}>
            {g.title}
          </h3>
          <ul style={plainList}>
            {g.issues.map((i, n) => (
              <li key={n}>
                <IssueItem issue={i} t={t} goTo={goTo} />
              </li>
            ))}
          </ul>
        </section>
      ))}
      {hidden > 0 ? (
        <div style={row()}>
          <Body>{fill(t.moreIssues, { n: hidden })}</Body>
          <Button size="small" onClick={() => setCap(cap + ISSUE_CAP * 4)}>
            {t.showMore}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
