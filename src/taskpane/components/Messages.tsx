import { type ReactNode, useEffect, useRef } from "react";
import { Button } from "./Button";
import { resultHeadline } from "../../core/checks/headline";
import type { Assessment } from "../useAssessment";
import { fill, type Strings } from "../strings";
import { Bar } from "./Bar";
import { councilStrings } from "../council-strings";

/** The product's sheet replaced, removed or kept with the action, in a sentence after the notice's own. */
function noteText(n: NonNullable<Assessment["notice"]>, t: Strings): string {
  const out: string[] = [];
  const kq = n.summary;
  // A write that made `KQ` too: why, and the sheet; a former `KQ` replaced by it.
  if (kq !== undefined) {
    const why = n.blocklessWhy
      ? { apart: t.noteSummaryApart, "pages-unknown": t.noteSummaryPages, narrow: t.noteSummaryNarrow }[
          n.blocklessWhy
        ]
      : t.noteSummary;
    out.push(fill(n.blockless ? why : t.noteSummaryKept, { kq }));
  }
  if (n.summaryRefused) out.push(t.noteSummaryRefused);
  if (n.was && kq !== undefined) out.push(fill(t.noteReplacedBy, { was: n.was, kq }));
  else if (n.was) out.push(fill(n.kind === "cleaned" ? t.noteRemoved : t.noteReplaced, { was: n.was }));
  const kept = n.kept;
  if (kept) {
    const u = kept.usedBy;
    const text = "cell" in u ? t.keptCell : "name" in u ? t.keptName : t.keptUnknown;
    out.push(fill(text, { was: kept.sheet, ...("unknown" in u ? {} : u) }));
  }
  return out.map((x) => ` ${x}`).join("");
}

const PROBLEM_TEXT = {
  protected: "errProtected",
  "workbook-protected": "errWorkbookProtected",
  "officer-cell": "errOfficerCell",
  table: "errTable",
  merged: "errMerged",
  filtered: "errFiltered",
  restored: "errRestored",
  "half-written": "errHalfWritten",
  "not-kept": "errNotKept",
  "looks-unrecorded": "errLooksUnrecorded",
  "looks-unrestorable": "errLooksUnrestorable",
  "too-old": "errTooOld",
  "too-large": "errTooLarge",
  "cell-edit": "errCellEdit",
  "missing-sheet": "errMissingSheet",
  other: "errOther",
  changed: "errChanged",
  "no-table": "errNoTable",
  "criteria-exists": "errCriteriaExists",
} as const;

/**
 * What an action did or why it failed. Brought into view when it appears: the officer may have
 * acted far down the pane (the new sheets), while the message sits under the status line.
 */
export function Messages({ a, t, lang }: { a: Assessment; t: Strings; lang: "vi" | "en" }) {
  const ref = useRef<HTMLDivElement>(null);
  const { problem, notice } = a;
  useEffect(() => {
    if (problem || notice) ref.current?.scrollIntoView?.({ block: "nearest" });
  }, [problem, notice]);
  let bar: ReactNode = null;
  if (problem) {
    const anyway = problem.proceedAs === "clean" ? t.cleanAnyway : t.writeAnyway;
    const restoring = problem.kind === "looks-unrestorable";
    const old = problem.detail === "old";
    const text = fill(t[PROBLEM_TEXT[problem.kind]], {
      sheet: problem.sheet,
      detail: problem.detail,
      cell: problem.place?.cell ?? "",
      table: problem.place?.table ?? "",
      range: problem.place?.range ?? "",
      // Why the officer's looks cannot be recorded (or given back), and what goes on anyway (here, or
      // from Ghi kết quả).
      why: restoring
        ? old
          ? t.unrestorableWhyOld
          : t.unrestorableWhyMany
        : old
          ? t.looksWhyOld
          : t.looksWhyMany,
      then: restoring
        ? fill(t.unrestorableAnyway, { anyway })
        : problem.proceed
          ? t.looksAnyway
          : t.looksAgain,
    });
    const warning = ["no-table", "criteria-exists", "looks-unrecorded", "looks-unrestorable"].includes(
      problem.kind
    );
    bar = (
      <Bar
        intent={warning ? "warning" : "error"}
        role="alert"
        actions={
          <>
            {problem.retry ? <Button onClick={problem.retry}>{t.retry}</Button> : null}
            {problem.proceed ? <Button onClick={problem.proceed}>{anyway}</Button> : null}
            <Button appearance="transparent" onClick={a.dismiss}>
              {t.dismiss}
            </Button>
          </>
        }
      >
        {text}
      </Bar>
    );
  } else if (notice) {
    bar = (
      <Bar
        intent="success"
        role="status"
        actions={
          <Button appearance="transparent" onClick={a.dismiss}>
            {t.dismiss}
          </Button>
        }
      >
        {fill(notice.kind === "councilAdded" ? councilStrings(lang).added : t[notice.kind], {
          sheet: notice.sheet,
          // What was written: the block's headline, in the words of the status and the result view.
          result: a.checked?.check ? resultHeadline(a.checked.check.report, lang) : "",
        })}
        {noteText(notice, t)}
      </Bar>
    );
  }
  return bar ? <div ref={ref}>{bar}</div> : null;
}
