import * as React from "react";
import { Button, Caption1, Label, tokens } from "@fluentui/react-components";
import { columnLetters } from "../../core/model/a1";
import { bounds } from "../../core/model/snapshot";
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
] as const;

const field: React.CSSProperties = { display: "grid", gap: tokens.spacingVerticalXXS, minWidth: 0 };

/** Fluent's look for a native number field (the browser keeps its own focus ring and high contrast). */
const numberInput: React.CSSProperties = {
  boxSizing: "border-box",
  width: "100%",
  minWidth: 0,
  height: "24px",
  padding: `0 ${tokens.spacingHorizontalS}`,
  border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  borderBottomColor: tokens.colorNeutralStrokeAccessible,
  borderRadius: tokens.borderRadiusMedium,
  background: tokens.colorNeutralBackground1,
  color: tokens.colorNeutralForeground1,
  font: "inherit",
  fontSize: tokens.fontSizeBase200,
};

/**
 * A sheet row typed as a number, starting from the row the check used; left blank, the pane detects
 * it. A number rather than a list: any row (not only the first 200), by keyboard, in 280 px.
 */
function RowField(p: {
  id: string;
  label: string;
  start: number | undefined;
  disabled: boolean;
  onChange: (row: number | undefined) => void;
}) {
  const [text, setText] = React.useState(p.start === undefined ? "" : String(p.start));
  return (
    <div style={field}>
      <Label htmlFor={p.id} size="small">
        {p.label}
      </Label>
      <input
        id={p.id}
        type="number"
        inputMode="numeric"
        min={1}
        step={1}
        value={text}
        disabled={p.disabled}
        style={numberInput}
        onChange={(e) => {
          const n = Number(e.target.value);
          setText(e.target.value);
          p.onChange(e.target.value !== "" && Number.isInteger(n) && n >= 1 ? n : undefined);
        }}
      />
    </div>
  );
}

/** The level's first column and, for one column per level, its last: what the choice makes of both. */
function levelChoice(a: Assessment) {
  const layout = a.checked?.check?.layout;
  const per = layout?.levelColumns;
  const from = a.levelColumns?.left ?? a.columns.level ?? layout?.columns.level;
  const to =
    a.levelColumns?.right ?? (a.columns.level === undefined ? per?.[per.length - 1]?.col : undefined);
  const choose = (left: number | undefined, right: number | undefined) => {
    a.setColumns({ ...a.columns, level: left });
    a.setLevelColumns(
      left !== undefined && right !== undefined && right > left ? { left, right } : undefined
    );
  };
  return { from, to, choose };
}

/** *Chọn cột*'s fields: the header and last rows, a column per role, the level's first and last column. */
export function ColumnFields({ a, t, disabled }: { a: Assessment; t: Strings; disabled: boolean }) {
  const check = a.checked?.check;
  const table = a.checked?.read.snapshot.sheets[0];
  const used = table ? bounds(table) : undefined;
  const firstCol = used?.firstCol || 1;
  const width = Math.max(8, used?.lastCol ? used.lastCol - firstCol + 1 : 0);
  const cols = Array.from({ length: width }, (_, i) => firstCol + i);
  const option = (c: number) => ({ value: String(c), label: fill(t.columnName, { col: columnLetters(c) }) });
  const columnOptions: PickerOption[] = [{ value: "", label: t.columnNone }, ...cols.map(option)];
  const chosen = { ...check?.layout.columns, ...a.columns };
  const level = levelChoice(a);
  const num = (v: string) => (v ? Number(v) : undefined);
  // Remounted for another sheet or table, so each starts from what that check used.
  const key = `${a.checked?.read.sheet}:${check?.layout.headerRow}:${check?.lastTableRow}`;
  return (
    <>
      <RowField
        key={`h${key}`}
        id="pick-headerRow"
        label={t.headerRow}
        start={a.headerRow ?? check?.layout.headerRow}
        disabled={disabled}
        onChange={a.setHeaderRow}
      />
      <RowField
        key={`l${key}`}
        id="pick-lastRow"
        label={t.lastRow}
        start={a.lastRow ?? check?.lastTableRow}
        disabled={disabled}
        onChange={a.setLastRow}
      />
      {ROLES.map(([role, label]) => (
        <Picker
          key={role}
          id={`pick-${role}`}
          label={t[label]}
          value={chosen[role] === undefined ? "" : String(chosen[role])}
          options={columnOptions}
          disabled={disabled}
          size="small"
          onChange={(v) => a.setColumns({ ...a.columns, [role]: num(v) })}
        />
      ))}
      <Picker
        id="pick-level"
        label={t.roleLevel}
        value={level.from === undefined ? "" : String(level.from)}
        options={columnOptions}
        disabled={disabled}
        size="small"
        onChange={(v) => level.choose(num(v), level.to)}
      />
      <Picker
        id="pick-levelTo"
        label={t.levelTo}
        value={level.to === undefined ? "" : String(level.to)}
        options={[
          { value: "", label: t.levelOneColumn },
          ...cols.filter((c) => c > (level.from ?? Infinity)).map(option),
        ]}
        disabled={disabled || level.from === undefined}
        size="small"
        onChange={(v) => level.choose(level.from, num(v))}
      />
    </>
  );
}

/**
 * *Chọn cột*: the officer picks the header row, the table's last row and the columns by hand when
 * detection is wrong; open by itself when no table was found.
 */
export function ColumnPicker({ a, t }: { a: Assessment; t: Strings }) {
  const [open, setOpen] = React.useState<boolean | null>(null);
  const disabled = a.busy !== null;
  const expanded = open ?? (!a.checked?.check && a.busy === null);
  const chose =
    Object.values(a.columns).some((c) => c !== undefined) ||
    [a.headerRow, a.lastRow, a.levelColumns].some((x) => x !== undefined);
  return (
    <div style={stack(tokens.spacingVerticalXS)}>
      <DisclosureButton
        open={expanded}
        controls="columns-panel"
        onToggle={() => setOpen(!expanded)}
        size="small"
      >
        {t.columnsTitle}
      </DisclosureButton>
      {expanded ? (
        <div id="columns-panel" style={stack(tokens.spacingVerticalS)}>
          <Caption1 block>{t.columnsHint}</Caption1>
          <div
            style={{
              display: "grid",
              gridTemplateColumns: "repeat(auto-fill, minmax(7.5rem, 1fr))",
              alignItems: "end", // a label on two lines keeps its field in line with its neighbour's
              gap: tokens.spacingHorizontalS,
            }}
          >
            <ColumnFields a={a} t={t} disabled={disabled} />
          </div>
          <Button
            size="small"
            style={{ justifySelf: "start" }}
            disabled={disabled || !chose}
            onClick={() => a.storeMapping(a.checked?.check?.layout.headerRow ?? 1)}
          >
            {t.saveColumns}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
