import * as React from "react";
import { Body1, Button, Caption1, Checkbox, Subtitle2, tokens } from "@fluentui/react-components";
import { assessableSheets } from "../actions";
import type { Assessment } from "../useAssessment";
import type { Strings } from "../strings";

function Section({ title, hint, children }: { title: string; hint: string; children: React.ReactNode }) {
  return (
    <section
      aria-label={title}
      style={{ display: "grid", gridTemplateColumns: "minmax(0, 1fr)", gap: tokens.spacingVerticalXS }}
    >
      <Subtitle2 as="h3" style={{ margin: 0 }}>
        {title}
      </Subtitle2>
      <Caption1 block>{hint}</Caption1>
      {children}
    </section>
  );
}

/** Summary sheets, the blank template and the criteria sheet. */
export function SummaryView({ a, t, file }: { a: Assessment; t: Strings; file: string }) {
  const sheets = assessableSheets(a.checked?.read);
  const [picked, setPicked] = React.useState<string[]>([]);
  const disabled = a.busy !== null;
  const start = { justifySelf: "start" } as const;
  return (
    <div style={{ display: "grid", gridTemplateColumns: "minmax(0, 1fr)", gap: tokens.spacingVerticalL }}>
      <Section title={t.resultSheetTitle} hint={t.resultSheetHint}>
        <Button
          style={start}
          disabled={disabled || !a.checked?.check}
          onClick={() => void a.makeResultSheet()}
        >
          {t.makeResultSheet}
        </Button>
      </Section>
      <Section title={t.summaryTitle} hint={t.summaryHint}>
        <div role="group" aria-label={t.summaryTitle}>
          {sheets.map((name) => (
            <Checkbox
              key={name}
              label={name}
              checked={picked.includes(name)}
              disabled={disabled}
              onChange={(_, d) => setPicked(d.checked ? [...picked, name] : picked.filter((p) => p !== name))}
            />
          ))}
        </div>
        <Button
          style={start}
          disabled={disabled || picked.length === 0}
          onClick={() =>
            void a.makeSummary(
              sheets.filter((s) => picked.includes(s)),
              file
            )
          }
        >
          {t.makeSummary}
        </Button>
      </Section>
      <Section title={t.templateTitle} hint={t.templateHint}>
        <div style={{ display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS }}>
          <Button disabled={disabled} onClick={() => void a.makeBlankTemplate()}>
            {t.makeTemplate}
          </Button>
          <Button disabled={disabled} onClick={() => void a.makeCriteria()}>
            {t.makeCriteria}
          </Button>
        </div>
      </Section>
      {sheets.length === 0 ? <Body1>{t.noTableYet}</Body1> : null}
    </div>
  );
}
