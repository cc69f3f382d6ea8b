import * as React from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Body1,
  Button,
  Caption1,
  Field,
  Select,
  tokens,
} from "@fluentui/react-components";
import { columnLetters } from "../../core/model/a1";
import { BUILTIN_FRAMEWORKS } from "../../core/sets/builtin";
import { bounds } from "../../core/model/snapshot";
import type { ColumnMap } from "../../core/table/header";
import { assessableSheets } from "../actions";
import type { Assessment } from "../useAssessment";
import { fill, type Strings } from "../strings";

const ROLES = [
  ["code", "roleCode"],
  ["content", "roleContent"],
  ["data", "roleData"],
  ["evidence", "roleEvidence"],
  ["level", "roleLevel"],
] as const;

/** What the pane detected (sheet, set, table, unit), each changeable. */
export function SetupCard({ a, t, lang }: { a: Assessment; t: Strings; lang: "vi" | "en" }) {
  const read = a.checked?.read;
  const check = a.checked?.check;
  const sheets = assessableSheets(read);
  const disabled = a.busy !== null;
  const chosen: ColumnMap = { ...check?.layout.columns, ...a.columns };
  const table = read?.snapshot.sheets[0];
  const used = table ? bounds(table) : undefined;
  const firstCol = used?.firstCol || 1;
  const width = Math.max(8, used?.lastCol ? used.lastCol - firstCol + 1 : 0);
  const headerRow = check?.layout.headerRow ?? 1;
  return (
    <section
      aria-labelledby="setup-title"
      style={{ display: "grid", gridTemplateColumns: "minmax(0, 1fr)", gap: tokens.spacingVerticalS }}
    >
      <Body1 as="h2" id="setup-title" block style={{ fontWeight: tokens.fontWeightSemibold, margin: 0 }}>
        {t.setupTitle}
      </Body1>
      <Field label={t.sheet}>
        <Select
          value={read?.sheet ?? ""}
          disabled={disabled || sheets.length === 0}
          onChange={(_, d) => a.chooseSheet(d.value)}
        >
          {sheets.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t.framework}>
        <Select value={a.frameworkId} disabled={disabled} onChange={(_, d) => a.chooseFramework(d.value)}>
          <option value="auto">{t.frameworkAuto}</option>
          {BUILTIN_FRAMEWORKS.map((f) => (
            <option key={f.id} value={f.id}>
              {fill(t.frameworkOption, {
                kind: f.kind === "district" ? t.kindDistrict : f.kind === "city" ? t.kindCity : f.id,
                n: f.indicators.length,
              })}
            </option>
          ))}
        </Select>
      </Field>
      {check ? (
        <dl
          style={{
            margin: 0,
            display: "grid",
            gridTemplateColumns: "auto minmax(0, 1fr)",
            columnGap: tokens.spacingHorizontalM,
          }}
        >
          <dt>
            <Caption1>{t.table}</Caption1>
          </dt>
          <dd style={{ margin: 0 }}>
            <Caption1>
              {fill(t.tableAt, {
                row: check.layout.headerRow,
                from: columnLetters(check.layout.left),
                to: columnLetters(check.layout.right),
              })}
            </Caption1>
          </dd>
          <dt>
            <Caption1>{t.unit}</Caption1>
          </dt>
          <dd style={{ margin: 0 }}>
            <Caption1>{check.report.unitName ?? t.unitUnknown}</Caption1>
          </dd>
          <dt>
            <Caption1>{t.framework}</Caption1>
          </dt>
          <dd style={{ margin: 0 }}>
            <Caption1>{check.framework.title[lang]}</Caption1>
          </dd>
        </dl>
      ) : null}
      {read ? (
        <Accordion collapsible>
          <AccordionItem value="columns">
            <AccordionHeader size="small">{t.columnsTitle}</AccordionHeader>
            <AccordionPanel>
              <Caption1 block>{t.columnsHint}</Caption1>
              <div
                style={{
                  display: "grid",
                  gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)",
                  gap: tokens.spacingHorizontalS,
                }}
              >
                <Field label={t.headerRow} size="small">
                  <Select
                    size="small"
                    disabled={disabled}
                    value={String(a.headerRow ?? headerRow)}
                    onChange={(_, d) => a.setHeaderRow(Number(d.value))}
                  >
                    {Array.from({ length: 30 }, (_, i) => i + 1).map((r) => (
                      <option key={r} value={r}>
                        {r}
                      </option>
                    ))}
                  </Select>
                </Field>
                {ROLES.map(([role, label]) => (
                  <Field key={role} label={t[label]} size="small">
                    <Select
                      size="small"
                      disabled={disabled}
                      value={chosen[role] === undefined ? "" : String(chosen[role])}
                      onChange={(_, d) =>
                        a.setColumns({ ...a.columns, [role]: d.value ? Number(d.value) : undefined })
                      }
                    >
                      <option value="">{t.columnNone}</option>
                      {Array.from({ length: width }, (_, i) => firstCol + i).map((c) => (
                        <option key={c} value={c}>
                          {fill(t.columnName, { col: columnLetters(c) })}
                        </option>
                      ))}
                    </Select>
                  </Field>
                ))}
              </div>
              <Button
                size="small"
                disabled={disabled || (Object.keys(a.columns).length === 0 && a.headerRow === undefined)}
                onClick={() => a.storeMapping(headerRow)}
                style={{ marginTop: tokens.spacingVerticalS }}
              >
                {t.saveColumns}
              </Button>
            </AccordionPanel>
          </AccordionItem>
        </Accordion>
      ) : null}
    </section>
  );
}
