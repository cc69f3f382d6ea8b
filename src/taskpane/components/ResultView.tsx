import * as React from "react";
import { Body1, Caption1, Subtitle1, Subtitle2, tokens } from "@fluentui/react-components";
import { levelLabel } from "../../core/checks/messages";
import { unitPhrase } from "../../core/plans/write-plan";
import type { Assessment } from "../useAssessment";
import { fill, type Strings } from "../strings";
import { LevelBadge } from "./LevelBadge";

/** The recognition level, prominently; standards and criteria; the reasons; self versus computed. */
export function ResultView({ a, t, lang }: { a: Assessment; t: Strings; lang: "vi" | "en" }) {
  const check = a.checked?.check;
  if (!check) return null;
  const { report, framework } = check;
  const level = report.recognition.level;
  const differ = report.indicators.filter(
    (i) => i.computedLevel !== null && i.selfLevel !== null && i.computedLevel !== i.selfLevel
  );
  const label = (l: number | null) => levelLabel(framework, l, lang);
  return (
    <section
      aria-label={t.tabResult}
      style={{ display: "grid", gridTemplateColumns: "minmax(0, 1fr)", gap: tokens.spacingVerticalM }}
    >
      <div>
        <Caption1 block>{t.recognition}</Caption1>
        <LevelBadge level={level} label={report.recognition.label} size="extra-large" />
        <Subtitle1
          as="p"
          block
          style={{ margin: `${tokens.spacingVerticalXS} 0 0` }}
          data-testid="recognition"
        >
          {level !== null && level > 0
            ? fill(t.recognitionOf, { unit: unitPhrase(report.unitName, framework.kind, lang), level })
            : t.notRecognised}
        </Subtitle1>
      </div>
      <div>
        <Subtitle2 as="h3" block style={{ margin: 0 }}>
          {t.reasons}
        </Subtitle2>
        <ul style={{ margin: 0, paddingInlineStart: tokens.spacingHorizontalL }}>
          {report.recognition.reasons.map((r) => (
            <li key={r}>
              <Body1>{r}</Body1>
            </li>
          ))}
        </ul>
      </div>
      <div>
        <Subtitle2 as="h3" block style={{ margin: 0 }}>
          {t.standards}
        </Subtitle2>
        <ul
          style={{
            listStyle: "none",
            margin: 0,
            padding: 0,
            display: "grid",
            gridTemplateColumns: "minmax(0, 1fr)",
            gap: tokens.spacingVerticalXS,
          }}
        >
          {report.standards.map((s) => (
            <li key={s.number}>
              <div
                style={{ display: "flex", justifyContent: "space-between", gap: tokens.spacingHorizontalS }}
              >
                <Body1 style={{ fontWeight: tokens.fontWeightSemibold }}>{s.code}</Body1>
                <LevelBadge level={s.level} label={label(s.level)} />
              </div>
              <ul style={{ listStyle: "none", margin: 0, paddingInlineStart: tokens.spacingHorizontalL }}>
                {report.criteria
                  .filter((c) => s.criteria.includes(c.number))
                  .map((c) => (
                    <li key={c.number} style={{ display: "flex", justifyContent: "space-between" }}>
                      <Caption1>{c.code}</Caption1>
                      <LevelBadge level={c.level} label={label(c.level)} />
                    </li>
                  ))}
              </ul>
            </li>
          ))}
        </ul>
      </div>
      {differ.length > 0 ? (
        <div>
          <Subtitle2 as="h3" block style={{ margin: 0 }}>
            {t.differences}
          </Subtitle2>
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
        </div>
      ) : null}
    </section>
  );
}
