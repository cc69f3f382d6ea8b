// A department's workbook (one sheet per commune, and its own `Tổng hợp`): when the active sheet
// holds no table but other sheets do, the pane says so and offers the summary across them first,
// instead of the column chooser meant for one unit's sheet.
import { useEffect, useState } from "react";
import { tokens } from "@fluentui/react-components";
import { fill } from "../strings";
import { departmentStrings } from "../department-strings";
import type { Assessment } from "../useAssessment";
import { Button } from "./Button";
import { LeftOffList } from "./LeftOffList";
import { heading, row, stack, wrapAnywhere } from "./styles";
import { Body, Caption } from "./Type";

/** Fewer unit sheets than this: the officer checks them one by one. */
const MIN_UNITS = 2;

/** The other sheets holding a unit's table when the active one holds none; null otherwise (or not known yet). */
export function departmentUnits(a: Assessment): string[] | null {
  const read = a.checked?.read;
  if (!read || a.checked?.check || a.tables === null) return null;
  const units = a.tables.filter((n) => n !== read.sheet);
  return units.length >= MIN_UNITS ? units : null;
}

/** Looks for the unit sheets as soon as the active sheet turns out to hold no table. */
export function useDepartmentScan(a: Assessment): void {
  const noTable = Boolean(a.checked && !a.checked.check && a.busy === null);
  const { tables, findTables } = a;
  useEffect(() => {
    if (noTable && tables === null) findTables();
  }, [noTable, tables, findTables]);
}

export function DepartmentCard({
  a,
  lang,
  units,
  file,
}: {
  a: Assessment;
  lang: "vi" | "en";
  units: string[];
  file: string;
}) {
  const d = departmentStrings(lang);
  const n = units.length;
  const [leftOff, setLeftOff] = useState<string[]>([]);
  return (
    <section
      aria-labelledby="department-title"
      data-testid="department"
      style={{
        ...stack(tokens.spacingVerticalS),
        padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
        border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
        borderRadius: tokens.borderRadiusMedium,
        backgroundColor: tokens.colorNeutralBackground2,
      }}
    >
      <h2 id="department-title" style={heading}>
        {d.title}
      </h2>
      <Body style={wrapAnywhere}>{fill(d.body, { sheet: a.checked?.read.sheet ?? "", n })}</Body>
      <div style={row()}>
        <Button
          appearance="primary"
          disabled={a.busy !== null}
          onClick={() => void a.makeSummary(units, file)}
        >
          {fill(d.makeSummary, { n })}
        </Button>
        <Button disabled={a.busy !== null} onClick={() => void a.makeDecision(units, file, setLeftOff)}>
          {d.makeDecision}
        </Button>
      </div>
      <Caption block>{d.hint}</Caption>
      <Caption block>{d.decisionHint}</Caption>
      <LeftOffList id="department-left-off" title={d.leftOff} lines={leftOff} level="h3" />
    </section>
  );
}
