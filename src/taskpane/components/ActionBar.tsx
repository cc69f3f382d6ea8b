import * as React from "react";
import { Button, Spinner, tokens } from "@fluentui/react-components";
import type { Assessment } from "../useAssessment";
import type { Strings } from "../strings";

export function ActionBar({ a, t }: { a: Assessment; t: Strings }) {
  const disabled = a.busy !== null;
  const hasTable = Boolean(a.checked?.check);
  return (
    <div
      role="toolbar"
      aria-label={t.setupTitle}
      style={{ display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" }}
    >
      <Button appearance="primary" disabled={disabled} onClick={() => void a.check()}>
        {t.check}
      </Button>
      <Button disabled={disabled || !hasTable} onClick={() => void a.write()}>
        {t.write}
      </Button>
      <Button appearance="subtle" disabled={disabled || !a.checked} onClick={() => void a.clean()}>
        {t.clean}
      </Button>
      {disabled ? <Spinner size="tiny" label={t.working} aria-live="polite" /> : null}
    </div>
  );
}
