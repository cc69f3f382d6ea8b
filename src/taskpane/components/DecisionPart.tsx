// Danh sách công nhận among the sheets the add-in makes (Tạo trang tính), over the sheets chosen for
// the summary: the same list the department's card offers, for any workbook of units' sheets; where
// there are none, why it cannot be made.
import { useState } from "react";
import { tokens } from "@fluentui/react-components";
import { departmentStrings } from "../department-strings";
import { fill } from "../strings";
import type { Assessment } from "../useAssessment";
import { Button } from "./Button";
import { LeftOffList } from "./LeftOffList";
import { heading, stack } from "./styles";
import { Body, Caption } from "./Type";

export function DecisionPart({
  a,
  lang,
  tables,
  chosen,
  file,
}: {
  a: Assessment;
  lang: "vi" | "en";
  /** The sheets holding a unit's table; null while they are looked for. */
  tables: string[] | null;
  /** Those chosen for the summary. */
  chosen: string[];
  file: string;
}) {
  const d = departmentStrings(lang);
  const [leftOff, setLeftOff] = useState<string[]>([]);
  return (
    <section
      aria-labelledby="make-decision"
      data-testid="make-decision"
      style={stack(tokens.spacingVerticalXS)}
    >
      <h3 id="make-decision" style={heading}>
        {d.decisionTitle}
      </h3>
      <Caption block>{d.decisionHint}</Caption>
      {tables !== null && tables.length === 0 ? (
        <Body>{d.decisionNone}</Body>
      ) : tables !== null && chosen.length === 0 ? (
        <Body>{d.decisionChoose}</Body>
      ) : null}
      <Button
        style={{ justifySelf: "start" }}
        disabled={a.busy !== null || chosen.length === 0}
        onClick={() => void a.makeDecision(chosen, file, setLeftOff)}
      >
        {fill(d.decisionOf, { n: chosen.length })}
      </Button>
      <LeftOffList id="make-decision-left-off" title={d.leftOff} lines={leftOff} level="h4" />
    </section>
  );
}
