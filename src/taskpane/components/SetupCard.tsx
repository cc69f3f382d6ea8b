import { useState } from "react";
import { tokens } from "@fluentui/react-components";
import { columnLetters } from "../../core/model/a1";
import { BUILTIN_FRAMEWORKS } from "../../core/sets/builtin";
import { assessableSheets } from "../actions";
import type { Assessment } from "../useAssessment";
import { fill, type Strings } from "../strings";
import { ColumnPicker } from "./ColumnPicker";
import { DisclosureButton } from "./Disclosure";
import { Picker } from "./Picker";
import { RadioList } from "./RadioList";
import { setName } from "./StatusHeader";
import { stack, visuallyHidden, wrapAnywhere } from "./styles";
import { Body, Caption } from "./Type";

/**
 * The set's conditions of the unit (`Xã thuộc vùng khó khăn`, which lowers criterion 5's figures):
 * a box each, remembered in the workbook; a cell above the table that answers it decides instead.
 */
function Conditions({ a, t, lang }: { a: Assessment; t: Strings; lang: "vi" | "en" }) {
  const check = a.checked?.check;
  const used = check?.report.conditions ?? [];
  const chosen = used.filter((u) => u.holds && u.from === "chosen").map((u) => u.id);
  return (
    <>
      {(check?.framework.conditions ?? []).map((c) => {
        const u = used.find((x) => x.id === c.id);
        const cell = u?.from === "sheet" ? u.cell : undefined;
        return (
          <label
            key={c.id}
            style={{ display: "flex", gap: tokens.spacingHorizontalS, overflowWrap: "anywhere" }}
          >
            <input
              type="checkbox"
              checked={u?.holds ?? false}
              disabled={a.busy !== null || cell !== undefined}
              onChange={(e) =>
                a.chooseConditions(e.target.checked ? [...chosen, c.id] : chosen.filter((id) => id !== c.id))
              }
              style={{ width: "16px", height: "16px", margin: "2px 0 0", flexShrink: 0 }}
            />
            <Body>{cell ? fill(t.conditionCell, { label: c[lang], cell }) : c[lang]}</Body>
          </label>
        );
      })}
    </>
  );
}

/**
 * What the pane detected (table, unit), in one line once a table is found; the sheet and set
 * pickers and *Chọn cột* open on demand, and stay open when no table is found.
 */
export function SetupCard({ a, t, lang }: { a: Assessment; t: Strings; lang: "vi" | "en" }) {
  const [open, setOpen] = useState(false);
  const read = a.checked?.read;
  const check = a.checked?.check;
  if (!read) return null;
  const failed = !check && a.busy === null;
  const expanded = open || failed;
  const disabled = a.busy !== null;
  const sheets = assessableSheets(read);
  const own = check?.workbookSet;
  const summary = check
    ? [
        fill(t.setupSummary, {
          row: check.layout.headerRow,
          from: columnLetters(check.layout.left),
          to: columnLetters(check.layout.right),
        }),
        check.report.unitName ?? t.unitUnknown,
      ].join(" · ")
    : "";
  return (
    <section aria-labelledby="setup-title" style={stack(tokens.spacingVerticalXS)}>
      <h2 id="setup-title" style={visuallyHidden}>
        {t.setupTitle}
      </h2>
      {check ? (
        <DisclosureButton open={expanded} controls="setup-details" onToggle={() => setOpen(!open)}>
          <Caption style={wrapAnywhere}>{summary}</Caption>
        </DisclosureButton>
      ) : null}
      {expanded ? (
        <div id="setup-details" style={stack(tokens.spacingVerticalS)}>
          <Picker
            id="pick-sheet"
            label={t.sheet}
            value={read.sheet}
            disabled={disabled || sheets.length === 0}
            options={(sheets.includes(read.sheet) ? sheets : [read.sheet, ...sheets]).map((n) => ({
              value: n,
              label: n,
            }))}
            onChange={a.chooseSheet}
          />
          <RadioList
            id="pick-set"
            label={t.framework}
            value={a.frameworkId}
            disabled={disabled}
            options={[
              // The workbook's own set first: what `auto` uses whenever the workbook defines one.
              {
                value: "auto",
                label: own ? fill(t.frameworkWorkbook, { title: own.title[lang] }) : t.frameworkAuto,
              },
              ...BUILTIN_FRAMEWORKS.map((f) => ({ value: f.id, label: setName(f, lang) })),
            ]}
            onChange={a.chooseFramework}
          />
          {check ? <Conditions a={a} t={t} lang={lang} /> : null}
          {check ? (
            <Caption block style={wrapAnywhere}>
              {t.unit}: {check.report.unitName ?? t.unitUnknown} · {t.framework}:{" "}
              {check.framework.title[lang]}
            </Caption>
          ) : null}
          <ColumnPicker a={a} t={t} />
        </div>
      ) : null}
    </section>
  );
}
