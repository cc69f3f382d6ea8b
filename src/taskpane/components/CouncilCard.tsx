// The council's part of the Kết quả view (circular 25/2023 Điều 9.2: the district council verifies the
// unit's dossier). Without the council's columns: the action that adds them, pre-filled with the
// unit's answers. With them: both results side by side, every target where the council differs at
// its cell (the unit's answer, the council's, its note), the council's own errors at their cells, and
// why the unit falls short as verified — what `hoctap check` prints for such a sheet.
import { tokens } from "@fluentui/react-components";
import type { Verdict } from "../../core/checks/council";
import type { Issue } from "../../core/model/issues";
import { layerWord, lower, plural } from "../../core/sets/words";
import type { SheetCheck } from "../../core/checks/check";
import { councilStrings, type CouncilStrings } from "../council-strings";
import { councilIssues, reportOf } from "../council-report";
import { fill } from "../strings";
import type { Assessment } from "../useAssessment";
import { Button } from "./Button";
import { CellChip, LevelBadge } from "./Pill";
import { heading, plainList, row, stack, wrapAnywhere } from "./styles";
import { Body, Caption } from "./Type";

/** The council's verdict on the checked sheet; null without its columns (or with columns it cannot read). */
export function useVerdict(a: Assessment, lang: "vi" | "en"): Verdict | null {
  return reportOf(a.checked, lang)?.council ?? null;
}

/** Why the council's heading's columns cannot be read (a pair naming no level…): said in place of the add button. */
function unreadOf(a: Assessment, lang: "vi" | "en"): Issue[] {
  const report = reportOf(a.checked, lang);
  const check = a.checked?.check;
  return report && check && !report.council ? councilIssues(report, check) : [];
}

/** A cell to go to: its chip, then the lines about it. */
function AtCell({
  cell,
  sheet,
  a,
  severity,
  children,
}: {
  cell: string;
  sheet: string;
  a: Assessment;
  severity: "error" | "warning";
  children: React.ReactNode;
}) {
  return (
    <Button
      appearance="subtle"
      onClick={() => void a.goTo(cell, sheet)}
      style={{
        display: "flex",
        alignItems: "flex-start",
        justifyContent: "flex-start",
        gap: tokens.spacingHorizontalS,
        width: "100%",
        height: "auto",
        minWidth: 0,
        textAlign: "start",
        whiteSpace: "normal",
        fontWeight: tokens.fontWeightRegular,
        padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
      }}
    >
      <CellChip severity={severity}>{cell}</CellChip>
      <span style={{ flex: "1 1 0", ...stack(tokens.spacingVerticalNone), ...wrapAnywhere }}>{children}</span>
    </Button>
  );
}

function Levels({ check, v, c }: { check: SheetCheck; v: Verdict; c: CouncilStrings }) {
  const own = check.report.recognition;
  const line = (label: string, level: number | null, text: string) => (
    <div style={{ ...row(), justifyContent: "space-between" }}>
      <Body>{label}</Body>
      <LevelBadge level={level} label={text} />
    </div>
  );
  return (
    <div style={stack(tokens.spacingVerticalXXS)} data-testid="council-levels">
      {line(c.self, own.level, own.label)}
      {line(c.verified, v.level, v.label)}
    </div>
  );
}

function Verified({ a, v, c, lang }: { a: Assessment; v: Verdict; c: CouncilStrings; lang: "vi" | "en" }) {
  const check = a.checked?.check;
  if (!check) return null;
  const sheet = check.report.sheet;
  const leaves = lower(plural(check.framework, "indicator", lang));
  const leaf = lower(layerWord(check.framework, "indicator", lang));
  const errors = v.issues.filter((i) => i.cell !== null);
  return (
    <>
      <Levels check={check} v={v} c={c} />
      {v.differences.length === 0 ? (
        <Body>{fill(c.agrees, { leaves: leaf })}</Body>
      ) : (
        <section aria-labelledby="council-differences" style={stack(tokens.spacingVerticalXXS)}>
          <h4 id="council-differences" style={heading}>
            {fill(c.differences, { n: v.differences.length, leaves })}
          </h4>
          <ul style={plainList} data-testid="council-differences">
            {v.differences.map((d) => (
              <li key={d.cell}>
                <AtCell cell={d.cell} sheet={sheet} a={a} severity="warning">
                  <Body style={{ fontWeight: tokens.fontWeightSemibold }}>{d.target}</Body>
                  <Caption>{fill(c.communeSays, { answer: d.commune })}</Caption>
                  <Caption>{fill(c.councilSays, { answer: d.council })}</Caption>
                  {d.note ? <Caption>{fill(c.note, { note: d.note })}</Caption> : null}
                </AtCell>
              </li>
            ))}
          </ul>
        </section>
      )}
      {errors.length > 0 ? (
        <section aria-labelledby="council-errors" style={stack(tokens.spacingVerticalXXS)}>
          <h4 id="council-errors" style={heading}>
            {fill(c.errors, { n: errors.length })}
          </h4>
          <ul style={plainList}>
            {errors.map((i) => (
              <li key={`${i.cell}${i.rule}`}>
                <AtCell cell={i.cell as string} sheet={sheet} a={a} severity="error">
                  <Body>{i.message}</Body>
                </AtCell>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {v.reasons.length > 0 ? (
        <ul style={{ margin: 0, paddingInlineStart: tokens.spacingHorizontalL }} aria-label={c.reasons}>
          {v.reasons.map((r) => (
            <li key={r}>
              <Caption>{r}</Caption>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

/**
 * The council's section: its columns' verdict, first in the view (`at="top"`: both results before the
 * unit's own details), or the action that adds them, after the unit's result (`at="bottom"`).
 */
export function CouncilCard({ a, lang, at }: { a: Assessment; lang: "vi" | "en"; at: "top" | "bottom" }) {
  const c = councilStrings(lang);
  const v = useVerdict(a, lang);
  const unread = unreadOf(a, lang);
  if (!a.checked?.check || (v !== null || unread.length > 0) !== (at === "top")) return null;
  const sheet = a.checked.check.report.sheet;
  return (
    <section aria-labelledby="council-title" data-testid="council" style={stack(tokens.spacingVerticalS)}>
      <h3 id="council-title" style={heading}>
        {v ? fill(c.titleWith, { columns: v.columns.join(", ") }) : c.title}
      </h3>
      {v ? (
        <Verified a={a} v={v} c={c} lang={lang} />
      ) : unread.length > 0 ? (
        <ul style={plainList} data-testid="council-unread">
          {unread.map((i) => (
            <li key={`${i.cell}${i.rule}`}>
              <AtCell cell={i.cell ?? ""} sheet={sheet} a={a} severity={i.severity}>
                <Body>{i.message}</Body>
              </AtCell>
            </li>
          ))}
        </ul>
      ) : (
        <>
          <Caption block>{c.addHint}</Caption>
          <Button
            style={{ justifySelf: "start" }}
            disabled={a.busy !== null}
            onClick={() => void a.addCouncil()}
          >
            {c.add}
          </Button>
        </>
      )}
    </section>
  );
}
