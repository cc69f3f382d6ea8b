import { useState } from "react";
import { tokens } from "@fluentui/react-components";
import { resultHeadline, validityLine } from "../../core/checks/headline";
import type { SheetCheck } from "../../core/checks/check";
import { maxLevel } from "../../core/sets/framework";
import { leafNameOf, levelLabel, plural } from "../../core/sets/words";
import type { Assessment } from "../useAssessment";
import { fill, type Strings } from "../strings";
import { groupTitle } from "../words";
import { DisclosureButton } from "./Disclosure";
import { LevelBadge } from "./Pill";
import { heading, plainList, stack, wrapAnywhere } from "./styles";
import { Body, Caption } from "./Type";

function LevelRow({
  label,
  level,
  levelText,
  strong,
}: {
  label: string;
  level: number | null;
  levelText: string;
  strong?: boolean;
}) {
  return (
    <div
      style={{
        display: "flex",
        alignItems: "flex-start",
        justifyContent: "space-between",
        gap: tokens.spacingHorizontalS,
      }}
    >
      <span
        style={{ flex: "1 1 0", ...wrapAnywhere, fontWeight: strong ? tokens.fontWeightSemibold : undefined }}
      >
        {label}
      </span>
      <LevelBadge level={level} label={levelText} />
    </div>
  );
}

/** The criteria (under their standard, when the set has standards) with their titles and levels. */
function CriteriaList({ a, lang, under }: { a: Assessment; lang: "vi" | "en"; under?: number[] }) {
  const check = a.checked?.check;
  if (!check) return null;
  const { report, framework } = check;
  const word = report.framework.layers.criterion.name;
  const snapshot = a.checked?.read.snapshot ?? { sheets: [], definedNames: [] };
  return (
    <ul
      style={{
        ...plainList,
        ...stack(tokens.spacingVerticalXXS),
        paddingInlineStart: under ? tokens.spacingHorizontalL : 0,
      }}
    >
      {report.criteria
        .filter((c) => !under || under.includes(c.number))
        .map((c) => (
          <li key={c.number}>
            <LevelRow
              label={titled(`${word} ${c.number}`, groupTitle(check, snapshot, c, "criterion"))}
              level={c.level}
              levelText={levelLabel(framework, c.level, lang)}
            />
          </li>
        ))}
    </ul>
  );
}

const titled = (word: string, title: string | undefined) => (title ? `${word} — ${title}` : word);

/**
 * The leaves that keep the unit from the next level (below it), or without a valid level: every one
 * named with its own level, behind a disclosure — the reason's sentence names at most twelve.
 */
function Blocking({ check, t, lang }: { check: SheetCheck; t: Strings; lang: "vi" | "en" }) {
  const [open, setOpen] = useState(false);
  const { report, framework } = check;
  const level = report.recognition.level;
  if (level !== null && level >= maxLevel(framework)) return null;
  const next = level === null ? null : level + 1;
  const leaves = report.indicators.filter((i) =>
    next === null ? i.level === null : i.level !== null && i.level < next
  );
  if (leaves.length === 0) return null;
  const words = { leaves: plural(framework, "indicator", lang), n: leaves.length };
  const title =
    next === null
      ? fill(t.undetermined, words)
      : fill(t.belowNext, { ...words, level: levelLabel(framework, next, lang) });
  return (
    <div style={stack(tokens.spacingVerticalXXS)}>
      <DisclosureButton size="small" open={open} controls="result-blocking" onToggle={() => setOpen(!open)}>
        {title}
      </DisclosureButton>
      {open ? (
        <ul id="result-blocking" style={{ ...plainList, ...stack(tokens.spacingVerticalXXS) }}>
          {leaves.map((i) => (
            <li key={i.number}>
              <LevelRow
                label={leafNameOf(framework, i, lang)}
                level={i.level}
                levelText={levelLabel(framework, i.level, lang)}
              />
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/**
 * The result, in the same words as the block written into the sheet: its headline is the heading
 * (`Mức dự kiến: … — còn 2 lỗi`, `Đề nghị công nhận: …`), never a bare "recognition level" over an
 * estimate; the reasons and what blocks the next level; standards and criteria with their titles.
 */
export function ResultView({ a, t, lang }: { a: Assessment; t: Strings; lang: "vi" | "en" }) {
  const check = a.checked?.check;
  if (!check) return null;
  const { report, framework } = check;
  const level = report.recognition.level;
  const label = (l: number | null) => levelLabel(framework, l, lang);
  const { standard, criterion } = report.framework.layers;
  const held = validityLine(report, lang);
  const snapshot = a.checked?.read.snapshot ?? { sheets: [], definedNames: [] };
  const differ = report.indicators.filter(
    (i) => i.computedLevel !== null && i.selfLevel !== null && i.computedLevel !== i.selfLevel
  );
  return (
    <div style={stack(tokens.spacingVerticalL)}>
      <section aria-labelledby="result-recognition" style={stack(tokens.spacingVerticalXS)}>
        <div>
          <LevelBadge level={level} label={report.recognition.label} size="large" />
        </div>
        <h3
          id="result-recognition"
          data-testid="recognition"
          style={{
            ...heading,
            ...wrapAnywhere,
            fontSize: tokens.fontSizeBase400,
            lineHeight: tokens.lineHeightBase400,
          }}
        >
          {resultHeadline(report, lang)}
        </h3>
        {report.recognition.reasons.length > 0 ? (
          <ul style={{ margin: 0, paddingInlineStart: tokens.spacingHorizontalL }} aria-label={t.reasons}>
            {report.recognition.reasons.map((r) => (
              <li key={r}>
                <Body style={wrapAnywhere}>{r}</Body>
              </li>
            ))}
          </ul>
        ) : null}
        <Blocking check={check} t={t} lang={lang} />
        {held ? <Caption data-testid="validity">{held}</Caption> : null}
      </section>
      <section aria-labelledby="result-standards" style={stack(tokens.spacingVerticalS)}>
        <h3 id="result-standards" style={heading}>
          {standard ? `${standard.name}, ${criterion.name.toLocaleLowerCase("vi")}` : criterion.name}
        </h3>
        {standard ? (
          <ul style={{ ...plainList, ...stack(tokens.spacingVerticalS) }}>
            {report.standards.map((s) => (
              <li key={s.number} style={stack(tokens.spacingVerticalXXS)}>
                <LevelRow
                  strong
                  label={titled(`${standard.name} ${s.number}`, groupTitle(check, snapshot, s, "standard"))}
                  level={s.level}
                  levelText={label(s.level)}
                />
                <CriteriaList a={a} lang={lang} under={s.criteria} />
              </li>
            ))}
          </ul>
        ) : (
          <CriteriaList a={a} lang={lang} />
        )}
      </section>
      {differ.length > 0 ? (
        <section aria-labelledby="result-differences" style={stack(tokens.spacingVerticalXS)}>
          <h3 id="result-differences" style={heading}>
            {t.differences}
          </h3>
          <ul style={{ margin: 0, paddingInlineStart: tokens.spacingHorizontalL }}>
            {differ.map((i) => (
              <li key={i.number}>
                <Caption>
                  {fill(t.selfVsComputed, {
                    name: leafNameOf(framework, i, lang),
                    self: label(i.selfLevel),
                    computed: label(i.computedLevel),
                  })}
                </Caption>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
