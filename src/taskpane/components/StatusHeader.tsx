import { tokens } from "@fluentui/react-components";
import { Button } from "./Button";
import { ArrowSyncRegular } from "@fluentui/react-icons";
import { resultHeadline, unitPhrase, type HeadlineSource } from "../../core/checks/headline";
import { countOf, levelLabel } from "../../core/sets/words";
import type { Framework } from "../../core/sets/framework";
import type { Assessment } from "../useAssessment";
import { reportOf } from "../council-report";
import { Busy } from "./Busy";
import { fill, type Strings } from "../strings";
import { LevelBadge } from "./Pill";
import { row, visuallyHidden, wrapAnywhere } from "./styles";
import { Body, Caption } from "./Type";

/** The set as an officer names it: `Cộng đồng học tập cấp huyện (13 chỉ tiêu)`, or its title. */
export function setName(fw: Framework, lang: "vi" | "en"): string {
  const unit = unitPhrase(null, fw, lang);
  return unit ? `${unit} (${countOf(fw, "indicator", fw.indicators.length, lang)})` : fw.title[lang];
}

/**
 * The words before the level: the result's headline up to its colon (`Mức dự kiến` while errors are
 * left, `Đề nghị công nhận`, `Chưa đủ điều kiện công nhận`), so the status line says what the sheet,
 * `KQ` and the result view say.
 */
export function headlineWords(report: HeadlineSource, lang: "vi" | "en"): string {
  return `${resultHeadline(report, lang).split(":")[0]}:`;
}

/**
 * The answer first: the sheet and the set, the error count and the expected level, visible without
 * scrolling; a polite live region, so a screen reader hears each new result.
 */
export function StatusHeader({ a, t, lang }: { a: Assessment; t: Strings; lang: "vi" | "en" }) {
  const read = a.checked?.read;
  const check = a.checked?.check;
  const where = [read?.sheet, check ? setName(check.framework, lang) : null].filter(Boolean).join(" · ");
  const report = reportOf(a.checked, lang);
  const counts = report?.counts;
  const level = check?.report.recognition.level ?? null;
  return (
    <section
      aria-labelledby="status-title"
      style={{ display: "flex", alignItems: "flex-start", gap: tokens.spacingHorizontalS }}
    >
      <div style={{ flex: "1 1 auto", ...wrapAnywhere }}>
        <h2 id="status-title" style={visuallyHidden}>
          {t.statusLabel}
        </h2>
        {where ? (
          <Caption block data-testid="status-where" style={wrapAnywhere}>
            {where}
          </Caption>
        ) : null}
        <div
          role="status"
          data-testid="status"
          style={{ ...row(tokens.spacingHorizontalXS), marginTop: tokens.spacingVerticalXXS }}
        >
          {check && report && counts ? (
            <>
              <Body
                strong
                style={{
                  color: counts.errors
                    ? tokens.colorPaletteRedForeground1
                    : tokens.colorPaletteGreenForeground1,
                }}
              >
                {fill(t.errors, { n: counts.errors })}
              </Body>
              {counts.warnings ? (
                <>
                  <span aria-hidden="true">·</span>
                  <Body>{fill(t.warnings, { n: counts.warnings })}</Body>
                </>
              ) : null}
              <span aria-hidden="true">·</span>
              <Body>{headlineWords(report, lang)}</Body>
              <LevelBadge level={level} label={levelLabel(check.framework, level, lang)} />
            </>
          ) : a.busy === "check" ? (
            <Busy label={t.checking} />
          ) : a.checked ? (
            <Body strong>{t.noTableStatus}</Body>
          ) : null}
        </div>
      </div>
      <Button
        appearance="subtle"
        icon={<ArrowSyncRegular />}
        aria-label={t.recheck}
        title={t.recheck}
        disabled={a.busy !== null}
        onClick={() => void a.check()}
      />
    </section>
  );
}
