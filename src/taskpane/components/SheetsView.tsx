import { type ReactNode, useEffect, useState } from "react";
import { tokens } from "@fluentui/react-components";
import { Button } from "./Button";
import type { Assessment } from "../useAssessment";
import { Busy } from "./Busy";
import { DecisionPart } from "./DecisionPart";
import type { Strings } from "../strings";
import { heading, row, stack } from "./styles";
import { Body, Caption } from "./Type";

/**
 * A sheet to include: the browser's own checkbox in the theme's brand colour, with Fluent's spacing
 * and type (Fluent's Checkbox would add 3.5 kB for this one list); keyboard and screen readers get
 * the native control.
 */
function SheetChoice({
  name,
  checked,
  disabled,
  onChange,
}: {
  name: string;
  checked: boolean;
  disabled: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <label
      style={{
        ...row(tokens.spacingHorizontalS),
        alignItems: "center",
        minHeight: "32px",
        padding: `0 ${tokens.spacingHorizontalS}`,
        color: disabled ? tokens.colorNeutralForegroundDisabled : tokens.colorNeutralForeground1,
        fontSize: tokens.fontSizeBase300,
        cursor: disabled ? "default" : "pointer",
        overflowWrap: "anywhere",
      }}
    >
      <input
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.target.checked)}
        style={{
          width: "16px",
          height: "16px",
          margin: 0,
          flexShrink: 0,
          accentColor: tokens.colorCompoundBrandBackground,
        }}
      />
      {name}
    </label>
  );
}

function Part({
  id,
  title,
  hint,
  children,
}: {
  id: string;
  title: string;
  hint: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} style={stack(tokens.spacingVerticalXS)}>
      <h3 id={id} style={heading}>
        {title}
      </h3>
      <Caption block>{hint}</Caption>
      {children}
    </section>
  );
}

/**
 * The sheets the add-in makes: the result sheet, the summary over sheets with a table and the decision
 * list over the same sheets, a blank template and the criteria sheet.
 */
export function SheetsView({
  a,
  t,
  file,
  lang,
}: {
  a: Assessment;
  t: Strings;
  file: string;
  lang: "vi" | "en";
}) {
  const [picked, setPicked] = useState<string[] | null>(null);
  const { tables, findTables } = a;
  useEffect(() => {
    if (tables === null) findTables();
  }, [tables, findTables]);
  // Every sheet with a table is ticked until the officer chooses otherwise.
  const chosen = (picked ?? tables ?? []).filter((n) => tables?.includes(n));
  const disabled = a.busy !== null;
  const start = { justifySelf: "start" } as const;
  const result = (
    <Part key="result" id="make-result" title={t.resultSheetTitle} hint={t.resultSheetHint}>
      <Button style={start} disabled={disabled || !a.checked?.check} onClick={() => void a.makeResultSheet()}>
        {t.makeResultSheet}
      </Button>
    </Part>
  );
  const summary = (
    <Part key="summary" id="make-summary" title={t.summaryTitle} hint={t.summaryHint}>
      {tables === null ? (
        <Busy label={t.summaryScanning} />
      ) : tables.length === 0 ? (
        <Body>{t.summaryNone}</Body>
      ) : (
        <div role="group" aria-labelledby="make-summary" style={stack(tokens.spacingVerticalNone)}>
          {tables.map((name) => (
            <SheetChoice
              key={name}
              name={name}
              checked={chosen.includes(name)}
              disabled={disabled}
              onChange={(on) => setPicked(on ? [...chosen, name] : chosen.filter((p) => p !== name))}
            />
          ))}
        </div>
      )}
      <Button
        style={start}
        disabled={disabled || chosen.length === 0}
        onClick={() =>
          void a.makeSummary(
            (tables ?? []).filter((s) => chosen.includes(s)),
            file
          )
        }
      >
        {t.makeSummary}
      </Button>
    </Part>
  );
  const decision = (
    <DecisionPart key="decision" a={a} lang={lang} tables={tables} chosen={chosen} file={file} />
  );
  const templates = (
    <Part key="templates" id="make-template" title={t.templateTitle} hint={t.templateHint}>
      <div style={row()}>
        <Button disabled={disabled} onClick={() => void a.makeBlankTemplate()}>
          {t.makeTemplate}
        </Button>
        <Button disabled={disabled} onClick={() => void a.makeCriteria()}>
          {t.makeCriteria}
        </Button>
      </div>
    </Part>
  );
  // With no table in the sheet, a blank template is what the officer came here for.
  const parts = a.checked?.check
    ? [result, summary, decision, templates]
    : [templates, summary, decision, result];
  return <div style={stack(tokens.spacingVerticalXL)}>{parts}</div>;
}
