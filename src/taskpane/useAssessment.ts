// The pane's state: what was read and checked, what is running, and what went wrong.
import { useCallback, useEffect, useRef, useState } from "react";
import { OfficeActionError, selectCell } from "../excel/connector";
import type { FailurePlace, Lang } from "../excel/connector";
import {
  assessableSheets as assessableSheetNames,
  checkWorkbookSheet,
  CriteriaSheetExists,
  makeAssessmentSheet,
  makeCriteriaSheet,
  makeTemplate,
  makeUnitsSummary,
  removeResults,
  saveConditions,
  saveMapping,
  sheetsWithTable,
  writeResults,
  type Checked,
  type CheckOptions,
  type SheetNote,
  type Written,
} from "./actions";
import { addCouncilColumns, makeDecisionList } from "./council-actions";

export type Busy = "check" | "write" | "clean" | "mapping" | "make" | null;
export type Problem = {
  kind: OfficeActionError["kind"] | "no-table" | "criteria-exists";
  detail: string;
  sheet: string;
  /** The cell, table or merged area concerned, for the message to name. */
  place?: FailurePlace;
  retry?: () => void;
  /**
   * Told what going on costs (the officer's looks not recorded, or not given back by this Excel), the
   * officer goes on anyway: writes, or removes (`proceedAs`).
   */
  proceed?: () => void;
  proceedAs?: "write" | "clean";
};
export type Notice = {
  kind: "written" | "cleaned" | "mappingSaved" | "sheetMade" | "councilAdded";
  sheet: string;
} & SheetNote;

type Choice = Pick<CheckOptions, "columns" | "headerRow" | "lastRow" | "levelColumns">;
const NO_CHOICE: Choice = { columns: {}, headerRow: undefined, lastRow: undefined, levelColumns: undefined };

export function useAssessment(lang: Lang) {
  const [checked, setChecked] = useState<Checked | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [frameworkId, setFrameworkId] = useState("auto");
  /** What the officer chose in *Chọn cột* (header and last rows, columns), for the sheet checked. */
  const [choice, setChoice] = useState<Choice>(NO_CHOICE);
  const [sheet, setSheet] = useState<string | undefined>(undefined);
  /** The sheets holding a table, for the summary: null until looked for after the latest check. */
  const [tables, setTables] = useState<string[] | null>(null);
  const running = useRef(false);

  const options = useCallback(
    (over: Partial<CheckOptions> = {}): CheckOptions => ({
      sheet,
      frameworkId,
      ...choice,
      lang,
      ...over,
    }),
    [sheet, frameworkId, choice, lang]
  );

  /** Runs one operation at a time; `action` returns the new check and, for new sheets, the sheet made. */
  const perform = useCallback(
    async (
      kind: Exclude<Busy, null>,
      action: () => Promise<{ checked?: Checked; made?: string; changed?: true; note?: SheetNote }>,
      done?: Notice["kind"],
      anyway?: () => void
    ) => {
      if (running.current) return;
      running.current = true;
      setBusy(kind);
      setProblem(null);
      setNotice(null);
      try {
        const { checked: result, made, changed, note } = await action();
        if (result) {
          setChecked(result);
          setSheet(result.read.sheet);
          setTables(null);
        }
        if (result && changed) setProblem({ kind: "changed", detail: "", sheet: result.read.sheet });
        else if (made && done) setNotice({ kind: done, sheet: made, ...note });
        else if (result && !result.check)
          setProblem({ kind: "no-table", detail: "", sheet: result.read.sheet });
        else if (done) setNotice({ kind: done, sheet: result?.read.sheet ?? "", ...note });
      } catch (e) {
        if (e instanceof CriteriaSheetExists) {
          setProblem({ kind: "criteria-exists", detail: "", sheet: e.sheet });
          return;
        }
        const err = e instanceof OfficeActionError ? e : new OfficeActionError("other", String(e));
        setProblem({
          kind: err.kind,
          detail: err.detail,
          sheet: checked?.read.sheet ?? sheet ?? "",
          place: err.place,
          retry:
            err.kind === "other" || err.kind === "cell-edit" || err.kind === "restored"
              ? () => void perform(kind, action, done, anyway)
              : undefined,
          proceed: err.kind === "looks-unrecorded" || err.kind === "looks-unrestorable" ? anyway : undefined,
          proceedAs: kind === "clean" ? "clean" : "write",
        });
      } finally {
        running.current = false;
        setBusy(null);
      }
    },
    [checked, sheet]
  );

  const withCheck = (f: () => Promise<Checked>) => async () => ({ checked: await f() });
  const check = useCallback(
    (over: Partial<CheckOptions> = {}) =>
      perform(
        "check",
        // The sheet checked is gone (renamed, most often): check the active sheet, as on opening.
        withCheck(() =>
          checkWorkbookSheet(options(over)).catch((e: unknown) => {
            if (!(e instanceof OfficeActionError) || e.kind !== "missing-sheet" || over.sheet) throw e;
            return checkWorkbookSheet(options({ sheet: undefined, ...NO_CHOICE }));
          })
        )
      ),
    [perform, options]
  );
  /**
   * An action that may stop to say the looks under the results cannot be recorded or given back;
   * told so, the officer may go on anyway (“Vẫn ghi”, “Vẫn xoá”).
   */
  const withLooksChoice = useCallback(
    (kind: "write" | "clean", act: (o: CheckOptions) => Promise<Written>, done: Notice["kind"]) => {
      const go = (looksLost: boolean): Promise<void> =>
        perform(
          kind,
          () => act(options({ looksLost })),
          done,
          () => void go(true)
        );
      return go(false);
    },
    [perform, options]
  );
  const write = useCallback(() => withLooksChoice("write", writeResults, "written"), [withLooksChoice]);
  // The same choice where this Excel cannot give the officer's looks back, and for the council's
  // columns (which take the results out and write them again).
  const clean = useCallback(() => withLooksChoice("clean", removeResults, "cleaned"), [withLooksChoice]);
  const addCouncil = useCallback(
    () => withLooksChoice("write", addCouncilColumns, "councilAdded"),
    [withLooksChoice]
  );
  const storeMapping = useCallback(
    (headerRow: number) =>
      perform(
        "mapping",
        withCheck(() => saveMapping(options(), headerRow)),
        "mappingSaved"
      ),
    [perform, options]
  );
  /** The conditions of the unit that hold, as the officer chooses them: stored in the workbook. */
  const chooseConditions = useCallback(
    (ids: string[]) =>
      perform(
        "mapping",
        withCheck(() => saveConditions(options(), ids))
      ),
    [perform, options]
  );
  const makeResultSheet = useCallback(
    () => perform("make", () => makeAssessmentSheet(options()), "sheetMade"),
    [perform, options]
  );
  // After a new sheet, the pane checks its sheet again: the workbook's sheets have changed.
  const thenCheck = useCallback(
    (make: () => Promise<string>) => async () => {
      const made = await make();
      return { made, checked: await checkWorkbookSheet(options()) };
    },
    [options]
  );
  const makeSummary = useCallback(
    (sheets: string[], file: string) =>
      perform("make", () => makeUnitsSummary(options(), sheets, file), "sheetMade"),
    [perform, options]
  );
  /** Danh sách công nhận over the units' sheets; `leftOff` gets the units left off it (errors open). */
  const makeDecision = useCallback(
    (sheets: string[], file: string, leftOff: (lines: string[]) => void) =>
      perform(
        "make",
        async () => {
          const done = await makeDecisionList(options(), sheets, file);
          leftOff(done.leftOff);
          return done;
        },
        "sheetMade"
      ),
    [perform, options]
  );
  const makeBlankTemplate = useCallback(
    () =>
      perform(
        "make",
        thenCheck(() => makeTemplate(checked, frameworkId, lang)),
        "sheetMade"
      ),
    [perform, thenCheck, checked, frameworkId, lang]
  );
  const makeCriteria = useCallback(
    () =>
      perform(
        "make",
        thenCheck(() => makeCriteriaSheet(checked, frameworkId)),
        "sheetMade"
      ),
    [perform, thenCheck, checked, frameworkId]
  );
  const read = checked?.read;
  const findTables = useCallback(() => {
    if (!read) return;
    // Only reads: a failure leaves every assessable sheet offered, as before.
    sheetsWithTable(read, lang)
      .then(setTables)
      .catch(() => setTables(assessableSheetNames(read)));
  }, [read, lang]);
  const goTo = useCallback(
    (cell: string, onSheet: string) =>
      selectCell(onSheet, cell).catch((e: unknown) =>
        setProblem({
          kind: e instanceof OfficeActionError ? e.kind : "other",
          detail: String(e),
          sheet: onSheet,
        })
      ),
    []
  );

  const chooseSheet = useCallback(
    (name: string) => {
      setSheet(name);
      setChoice(NO_CHOICE);
      void check({ sheet: name, ...NO_CHOICE });
    },
    [check]
  );
  const chooseFramework = useCallback(
    (id: string) => {
      setFrameworkId(id);
      void check({ frameworkId: id });
    },
    [check]
  );

  // The pane checks the active sheet as soon as it opens.
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void check();
  }, [check]);

  return {
    checked,
    busy,
    problem,
    notice,
    frameworkId,
    ...choice,
    choose: (c: Partial<Choice>) => setChoice((old) => ({ ...old, ...c })),
    check,
    write,
    clean,
    addCouncil,
    storeMapping,
    chooseConditions,
    makeResultSheet,
    makeSummary,
    makeDecision,
    makeBlankTemplate,
    makeCriteria,
    tables,
    findTables,
    goTo,
    chooseSheet,
    chooseFramework,
    dismiss: () => {
      setProblem(null);
      setNotice(null);
    },
  };
}

export type Assessment = ReturnType<typeof useAssessment>;
