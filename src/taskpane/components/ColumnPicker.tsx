import * as React from "react";
import { Button, Caption1, tokens } from "@fluentui/react-components";
import { columnLetters } from "../../core/model/a1";
import { bounds } from "../../core/model/snapshot";
import { HEADER_SEARCH_ROWS, type ColumnMap } from "../../core/table/header";
import type { Assessment } from "../useAssessment";
import { fill, type Strings } from "../strings";
import { DisclosureButton } from "./Disclosure";
import { Picker, type PickerOption } from "./Picker";
import { stack } from "./styles";

const ROLES = [
  ["code", "roleCode"],
  ["content", "roleContent"],
  ["data", "roleData"],
  ["evidence", "roleEvidence"],
  ["level", "roleLevel"],
] as const;

/** One choice in *Chọn cột*: a row or a column, with what picking it does. */
interface Field {
  key: string;
  label: string;
  value: string;
  options: PickerOption[];
  onChange: (value: string) => void;
}

/**
 * The fields of *Chọn cột*, as data: the header row, then a column per role. A new choice (the last
 * row of the table, per-level columns) is one more entry here.
 */
function fields(a: Assessment, t: Strings): Field[] {
  const check = a.checked?.check;
  const table = a.checked?.read.snapshot.sheets[0];
  const used = table ? bounds(table) : undefined;
  const firstCol = used?.firstCol || 1;
  const width = Math.max(8, used?.lastCol ? used.lastCol - firstCol + 1 : 0);
  const columnOptions: PickerOption[] = [
    { value: "", label: t.columnNone },
    ...Array.from({ length: width }, (_, i) => firstCol + i).map((c) => ({
      value: String(c),
      label: fill(t.columnName, { col: columnLetters(c) }),
    })),
  ];
  const chosen: ColumnMap = { ...check?.layout.columns, ...a.columns };
  return [
    {
      key: "headerRow",
      label: t.headerRow,
      value: String(a.headerRow ?? check?.layout.headerRow ?? 1),
      options: Array.from({ length: HEADER_SEARCH_ROWS }, (_, i) => ({
        value: String(i + 1),
        label: fill(t.rowName, { row: i + 1 }),
      })),
      onChange: (v) => a.setHeaderRow(Number(v)),
    },
    ...ROLES.map(([role, label]) => ({
      key: role,
      label: t[label],
      value: chosen[role] === undefined ? "" : String(chosen[role]),
      options: columnOptions,
      onChange: (v: string) => a.setColumns({ ...a.columns, [role]: v ? Number(v) : undefined }),
    })),
  ];
}

/** *Chọn cột*: the officer picks the header row and columns by hand when detection is wrong. */
export function ColumnPicker({ a, t }: { a: Assessment; t: Strings }) {
  const [open, setOpen] = React.useState(false);
  const disabled = a.busy !== null;
  const headerRow = a.checked?.check?.layout.headerRow ?? 1;
  return (
    <div style={stack(tokens.spacingVerticalXS)}>
      <DisclosureButton open={open} controls="columns-panel" onToggle={() => setOpen(!open)} size="small">
        {t.columnsTitle}
      </DisclosureButton>
      {open ? (
        <div id="columns-panel" style={stack(tokens.spacingVerticalS)}>
          <Caption1 block>{t.columnsHint}</Caption1>
          <div
            style={{
              display: "grid",
              gridTemplateColumns: "repeat(auto-fill, minmax(7.5rem, 1fr))",
              gap: tokens.spacingHorizontalS,
            }}
          >
            {fields(a, t).map((f) => (
              <Picker
                key={f.key}
                id={`pick-${f.key}`}
                label={f.label}
                value={f.value}
                options={f.options}
                disabled={disabled}
                size="small"
                onChange={f.onChange}
              />
            ))}
          </div>
          <Button
            size="small"
            style={{ justifySelf: "start" }}
            disabled={disabled || (Object.keys(a.columns).length === 0 && a.headerRow === undefined)}
            onClick={() => a.storeMapping(headerRow)}
          >
            {t.saveColumns}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
