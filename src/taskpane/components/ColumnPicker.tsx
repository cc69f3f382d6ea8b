import { type CSSProperties, useState } from "react";
import { tokens } from "@fluentui/react-components";
import { Button } from "./Button";
import { columnLetters } from "../../core/model/a1";
import { bounds, cellAt, cellText, type SheetSnapshot } from "../../core/model/snapshot";
import type { ColumnMap } from "../../core/table/header";
import type { Assessment } from "../useAssessment";
import { fill, type Strings } from "../strings";
import { DisclosureButton } from "./Disclosure";
import { Picker, type PickerOption } from "./Picker";
import { stack } from "./styles";
import { Caption, FieldLabel } from "./Type";

const ROLES = [
  ["code", "roleCode"],
  ["content", "roleContent"],
  ["data", "roleData"],
  ["evidence", "roleEvidence"],
] as const;

/** Fluent's look for a native number field (the browser keeps its own focus ring and high contrast). */
const numberInput: CSSProperties = {
  boxSizing: "border-box",
  width: "100%",
  height: "24px",
  padding: `0 ${tokens.spacingHorizontalS}`,
  border: `1px solid ${tokens.colorNeutralStrokeAccessible}`,
  borderRadius: tokens.borderRadiusMedium,
  background: tokens.colorNeutralBackground1,
  color: tokens.colorNeutralForeground1,
  font: "inherit",
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
  const [text, setText] = useState(p.start === undefined ? "" : String(p.start));
  return (
    <div style={stack(tokens.spacingVerticalXXS)}>
      <FieldLabel htmlFor={p.id} size="small">
        {p.label}
      </FieldLabel>
      <input
        id={p.id}
        type="number"
        min={1}
        value={text}
        disabled={p.disabled}
        style={numberInput}
        onChange={(e) => {
          const v = e.target.value;
          setText(v);
          p.onChange(/^\d+$/.test(v) && +v > 0 ? +v : undefined);
        }}
      />
    </div>
  );
}

/**
 * A column's header words in the table's header row (a merged heading read from its first cell,
 * with the words under it: `Mức độ 1 / Đạt`), cut to fit a picker; empty when it has none.
 */
export function headerWords(sheet: SheetSnapshot | undefined, row: number | undefined, col: number): string {
  if (!sheet || row === undefined) return "";
  const merge = sheet.merges.find((m) => m.top <= row && m.bottom >= row && m.left <= col && m.right >= col);
  const top = cellText(cellAt(sheet, merge?.top ?? row, merge?.left ?? col).value).trim();
  const under =
    merge && merge.right > merge.left ? cellText(cellAt(sheet, merge.bottom + 1, col).value).trim() : "";
  const words = [top, under].filter(Boolean).join(" / ").replace(/\s+/g, " ");
  return words.length > 32 ? `${words.slice(0, 31)}…` : words;
}

const str = (n: number | undefined) => (n === undefined ? "" : String(n));
const num = (v: string) => (v ? Number(v) : undefined);

/**
 * *Chọn cột*'s fields: the header and last rows, a column per role, and the level's first column
 * and, for one column per level, its last.
 */
export function ColumnFields({ a, t, disabled }: { a: Assessment; t: Strings; disabled: boolean }) {
  const check = a.checked?.check;
  const layout = check?.layout;
  const table = a.checked?.read.snapshot.sheets[0];
  const used = table ? bounds(table) : undefined;
  const firstCol = used?.firstCol || 1;
  const cols = Array.from(
    { length: Math.max(8, used?.lastCol ? used.lastCol - firstCol + 1 : 0) },
    (_, i) => firstCol + i
  );
  // `E — Tự đánh giá`: the letter with the header's words, so the officer need not look back at the sheet.
  const option = (c: number) => {
    const header = headerWords(table, a.headerRow ?? layout?.headerRow, c);
    const col = columnLetters(c);
    return { value: String(c), label: header ? `${col} — ${header}` : fill(t.columnName, { col }) };
  };
  const columnOptions: PickerOption[] = [{ value: "", label: t.columnNone }, ...cols.map(option)];
  const chosen: ColumnMap = { ...layout?.columns, ...a.columns };
  const per = layout?.levelColumns;
  // The circulars' form: each level's `Đạt | Không đạt` pair, as it was found (a range over them keeps them).
  const labels = check?.report.framework.levels ?? [];
  const pairs = (per ?? []).flatMap((l) => {
    const no = l.notAchieved ? undefined : per?.find((o) => o.level === l.level && o.notAchieved);
    return no
      ? [{ level: labels[l.level] ?? String(l.level), yes: columnLetters(l.col), no: columnLetters(no.col) }]
      : [];
  });
  const from = a.levelColumns?.left ?? chosen.level;
  const to =
    a.levelColumns?.right ?? (a.columns.level === undefined ? per?.[per.length - 1]?.col : undefined);
  const level = (l: number | undefined, r: number | undefined) => {
    a.choose({
      columns: { ...a.columns, level: l },
      levelColumns: l && r && r > l ? { left: l, right: r } : undefined,
    });
  };
  const pick = (
    id: string,
    label: string,
    value: number | undefined,
    options: PickerOption[],
    onChange: (col: number | undefined) => void
  ) => (
    <Picker
      key={id}
      id={`pick-${id}`}
      label={label}
      value={str(value)}
      options={options}
      disabled={disabled}
      size="small"
      onChange={(v) => onChange(num(v))}
    />
  );
  // Remounted for another sheet or table, so each starts from what that check used.
  const key = `${a.checked?.read.sheet}:${layout?.headerRow}:${check?.lastTableRow}`;
  return (
    <>
      <RowField
        key={`h${key}`}
        id="pick-headerRow"
        label={t.headerRow}
        start={a.headerRow ?? layout?.headerRow}
        disabled={disabled}
        onChange={(headerRow) => a.choose({ headerRow })}
      />
      <RowField
        key={`l${key}`}
        id="pick-lastRow"
        label={t.lastRow}
        start={a.lastRow ?? check?.lastTableRow}
        disabled={disabled}
        onChange={(lastRow) => a.choose({ lastRow })}
      />
      {ROLES.map(([role, label]) =>
        pick(role, t[label], chosen[role], columnOptions, (c) =>
          a.choose({ columns: { ...a.columns, [role]: c } })
        )
      )}
      {pick("level", t.roleLevel, from, columnOptions, (c) => level(c, to))}
      {pick(
        "levelTo",
        t.levelTo,
        to,
        [{ value: "", label: t.levelOneColumn }, ...cols.filter((c) => c > (from ?? Infinity)).map(option)],
        (c) => level(from, c)
      )}
      {pairs.length > 0 ? (
        <Caption block>{pairs.map((p) => fill(t.levelPair, p)).join(" · ")}</Caption>
      ) : null}
    </>
  );
}

/**
 * *Chọn cột*: the officer picks the header row, the table's last row and the columns by hand when
 * detection is wrong; open by itself when no table was found.
 */
export function ColumnPicker({ a, t }: { a: Assessment; t: Strings }) {
  const [open, setOpen] = useState<boolean | null>(null);
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
          <Caption block>{t.columnsHint}</Caption>
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
            // Without a table found, the header row must be said: its names sit on it.
            disabled={disabled || !chose || (!a.checked?.check && a.headerRow === undefined)}
            onClick={() => a.storeMapping(a.checked?.check?.layout.headerRow ?? 1)}
          >
            {t.saveColumns}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
