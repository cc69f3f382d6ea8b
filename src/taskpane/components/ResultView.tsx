import * as React from "react";
import { Body1, Caption1, Subtitle2, tokens } from "@fluentui/react-components";
import { levelLabel } from "../../core/checks/messages";
import { resultHeadline } from "../../core/checks/headline";
import type { Assessment } from "../useAssessment";
import { fill, type Strings } from "../strings";
import { LevelBadge } from "./Pill";
import { heading, plainList, stack, wrapAnywhere } from "./styles";

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

/** The recognition level, in the same words as the block written into the sheet; standards and criteria with the set's titles. */
export function ResultView({ a, t, lang }: { a: Assessment; t: Strings; lang: "vi" | "en" }) {
  const check = a.checked?.check;
  if (!check) return null;
  const { report, framework } = check;
  const level = report.recognition.level;
  const label = (l: number | null) => levelLabel(framework, l, lang);
  const titled = (word: string, title: string | undefined) => (title ? `${word} — ${title}` : word);
  const standardDefs = new Map(framework.standards.map((s) => [s.number, s]));
  const criterionDefs = new Map(framework.standards.flatMap((s) => s.criteria).map((c) => [c.number, c]));
  const differ = report.indicators.filter(
    (i) => i.computedLevel !== null && i.selfLevel !== null && i.computedLevel !== i.selfLevel
  );
  return (
    <div style={stack(tokens.spacingVerticalL)}>
      <section aria-labelledby="result-recognition" style={stack(tokens.spacingVerticalXS)}>
        <h3 id="result-recognition" style={heading}>
          {t.recognition}
        </h3>
        <div>
          <LevelBadge level={level} label={report.recognition.label} size="large" />
        </div>
        <Subtitle2 as="p" block style={{ margin: 0, ...wrapAnywhere }} data-testid="recognition">
          {resultHeadline(report, lang)}
        </Subtitle2>
        {report.recognition.reasons.length > 0 ? (
          <ul style={{ margin: 0, paddingInlineStart: tokens.spacingHorizontalL }} aria-label={t.reasons}>
            {report.recognition.reasons.map((r) => (
              <li key={r}>
                <Body1 style={wrapAnywhere}>{r}</Body1>
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      <section aria-labelledby="result-standards" style={stack(tokens.spacingVerticalS)}>
        <h3 id="result-standards" style={heading}>
          {t.standards}
        </h3>
        <ul style={{ ...plainList, ...stack(tokens.spacingVerticalS) }}>
          {report.standards.map((s) => (
            <li key={s.number} style={stack(tokens.spacingVerticalXXS)}>
              <LevelRow
                strong
                label={titled(fill(t.standardN, { n: s.number }), standardDefs.get(s.number)?.title)}
                level={s.level}
                levelText={label(s.level)}
              />
              <ul
                style={{
                  ...plainList,
                  ...stack(tokens.spacingVerticalXXS),
                  paddingInlineStart: tokens.spacingHorizontalL,
                }}
              >
                {report.criteria
                  .filter((c) => s.criteria.includes(c.number))
                  .map((c) => (
                    <li key={c.number}>
                      <LevelRow
                        label={titled(
                          fill(t.criterionN, { n: c.number }),
                          criterionDefs.get(c.number)?.title
                        )}
                        level={c.level}
                        levelText={label(c.level)}
                      />
                    </li>
                  ))}
              </ul>
            </li>
          ))}
        </ul>
      </section>
      {differ.length > 0 ? (
        <section aria-labelledby="result-differences" style={stack(tokens.spacingVerticalXS)}>
          <h3 id="result-differences" style={heading}>
            {t.differences}
          </h3>
          <ul style={{ margin: 0, paddingInlineStart: tokens.spacingHorizontalL }}>
            {differ.map((i) => (
              <li key={i.number}>
                <Caption1>
                  {fill(t.selfVsComputed, {
                    n: i.number,
                    self: label(i.selfLevel),
                    computed: label(i.computedLevel),
                  })}
                </Caption1>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
