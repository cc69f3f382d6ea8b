import * as React from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import type { Assessment } from "../useAssessment";
import { fill, type Strings } from "../strings";

const PROBLEM_TEXT = {
  protected: "errProtected",
  "cell-edit": "errCellEdit",
  "missing-sheet": "errMissingSheet",
  other: "errOther",
  changed: "errChanged",
  "no-table": "errNoTable",
  "criteria-exists": "errCriteriaExists",
} as const;

export function Messages({ a, t }: { a: Assessment; t: Strings }) {
  if (a.problem) {
    const text = fill(t[PROBLEM_TEXT[a.problem.kind]], { sheet: a.problem.sheet, detail: a.problem.detail });
    return (
      <MessageBar
        intent={a.problem.kind === "no-table" || a.problem.kind === "criteria-exists" ? "warning" : "error"}
        role="alert"
      >
        <MessageBarBody>{text}</MessageBarBody>
        <MessageBarActions>
          {a.problem.retry ? <Button onClick={a.problem.retry}>{t.retry}</Button> : null}
          <Button appearance="transparent" onClick={a.dismiss}>
            {t.dismiss}
          </Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
  if (a.notice) {
    return (
      <MessageBar intent="success" role="status">
        <MessageBarBody>{fill(t[a.notice.kind], { sheet: a.notice.sheet })}</MessageBarBody>
        <MessageBarActions>
          <Button appearance="transparent" onClick={a.dismiss}>
            {t.dismiss}
          </Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
  return null;
}
