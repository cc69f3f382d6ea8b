import * as React from "react";
import { Badge, Body1, Button, Caption1, tokens } from "@fluentui/react-components";
import type { Issue } from "../../core/model/issues";
import type { Assessment } from "../useAssessment";
import { fill, type Strings } from "../strings";

interface Group {
  key: string;
  title: string;
  issues: Issue[];
}

function groups(issues: Issue[], sheet: string, t: Strings): Group[] {
  const out = new Map<string, Group>();
  for (const i of issues) {
    const key = i.sheet !== sheet ? "criteria" : i.indicator === null ? "table" : `i${i.indicator}`;
    const title =
      key === "criteria"
        ? t.criteriaSheetGroup
        : key === "table"
          ? t.tableWide
          : fill(t.indicator, { n: i.indicator ?? "" });
    const g = out.get(key) ?? { key, title, issues: [] };
    g.issues.push(i);
    out.set(key, g);
  }
  return [...out.values()];
}

/** Errors and warnings, grouped by indicator; choosing one selects its cell in Excel. */
export function CheckView({ a, t }: { a: Assessment; t: Strings }) {
  const check = a.checked?.check;
  if (!check) return null;
  const { report } = check;
  const sheet = report.sheet;
  return (
    <section
      aria-label={t.tabCheck}
      style={{ display: "grid", gridTemplateColumns: "minmax(0, 1fr)", gap: tokens.spacingVerticalS }}
    >
      <div style={{ display: "flex", gap: tokens.spacingHorizontalS }}>
        <Badge appearance="tint" color={report.counts.errors ? "danger" : "success"}>
          {fill(t.errors, { n: report.counts.errors })}
        </Badge>
        <Badge appearance="tint" color={report.counts.warnings ? "warning" : "success"}>
          {fill(t.warnings, { n: report.counts.warnings })}
        </Badge>
      </div>
      {report.issues.length === 0 ? <Body1>{t.noIssues}</Body1> : null}
      {groups(report.issues, sheet, t).map((g) => (
        <div key={g.key} role="group" aria-label={g.title}>
          <Caption1 block style={{ fontWeight: tokens.fontWeightSemibold }}>
            {g.title}
          </Caption1>
          <ul style={{ listStyle: "none", margin: 0, padding: 0 }}>
            {g.issues.map((i, n) => (
              <li key={n}>
                <Button
                  appearance="transparent"
                  size="small"
                  disabled={!i.cell}
                  title={i.cell ? fill(t.goToCell, { cell: i.cell }) : undefined}
                  onClick={() => i.cell && void a.goTo(i.cell, i.sheet)}
                  style={{
                    justifyContent: "flex-start",
                    textAlign: "left",
                    height: "auto",
                    padding: tokens.spacingVerticalXS,
                    fontWeight: tokens.fontWeightRegular,
                    minWidth: 0,
                  }}
                  icon={
                    <Badge
                      size="small"
                      appearance="filled"
                      color={i.severity === "error" ? "danger" : "warning"}
                    >
                      {i.cell ?? "—"}
                    </Badge>
                  }
                >
                  {i.message}
                </Button>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
