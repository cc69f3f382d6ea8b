// The pane on the 50,000-row case: a district's form with a 50,000-household list under its
// signature (test/fixtures/forms, `ho-gia-dinh-1`), in the fake Excel. What the pane reads for a check
// (syncs, cells), how long reading, checking and drawing the answer take, against reading every used
// row as the pane did before (and as a write still does). The fake's own work inside a sync (Excel's,
// in real life) is timed apart, so the pane's share stands on its own.
import { performance } from "node:perf_hooks";
import * as React from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { checkSheet } from "../src/core/checks/check";
import { readSheet } from "../src/excel/connector";
import { checkWorkbookSheet, type Checked } from "../src/taskpane/actions";
import { IssueList } from "../src/taskpane/components/IssueList";
import { ResultView } from "../src/taskpane/components/ResultView";
import { SetupCard } from "../src/taskpane/components/SetupCard";
import { StatusHeader } from "../src/taskpane/components/StatusHeader";
import { strings } from "../src/taskpane/strings";
import type { Assessment } from "../src/taskpane/useAssessment";
import { FakeContext } from "../test/excel/fake-excel";
import { addSeeds, formSeeds, type FakeSeed } from "../test/excel/fake-forms";
import { installFake } from "../test/excel/install-fake";
import { layouts } from "../test/fixtures/forms/layouts";

export interface PaneFigures {
  syncs: number;
  /** Sheet cells read (each with its value, type and number format). */
  cells: number;
  /** From the read's start to the answer drawn, the fake's work included. */
  totalMs: number;
  /** The pane's own share: reading's handling, the check and the drawing, the fake's work left out. */
  paneMs: number;
  checkMs: number;
  renderMs: number;
}

/** Time spent inside the fake's syncs (Excel's work, in real life). */
let inFake = 0;
const sync = FakeContext.prototype.sync;
FakeContext.prototype.sync = async function (this: FakeContext) {
  const t = performance.now();
  try {
    await sync.call(this);
  } finally {
    inFake += performance.now() - t;
  }
};

/** The answer as the pane draws it: the status line, the setup line, the issues and the result. */
function draw(checked: Checked): void {
  const a = {
    checked,
    busy: null,
    columns: {},
    frameworkId: "auto",
    goTo: () => Promise.resolve(),
  } as unknown as Assessment;
  const t = strings.vi;
  renderToStaticMarkup(
    <FluentProvider theme={webLightTheme}>
      <StatusHeader a={a} t={t} lang="vi" />
      <SetupCard a={a} t={t} lang="vi" />
      <IssueList a={a} t={t} lang="vi" />
      <ResultView a={a} t={t} lang="vi" />
    </FluentProvider>
  );
}

async function once(seeds: FakeSeed[], whole: boolean): Promise<PaneFigures> {
  const fake = installFake();
  addSeeds(fake, seeds);
  fake.supported.ExcelApi = "1.13";
  inFake = 0;
  const t0 = performance.now();
  let checked: Checked;
  let checkMs: number;
  if (whole) {
    // As the pane read before: every used row over the table's columns, then the check.
    const read = await readSheet();
    const c0 = performance.now();
    checked = { read, check: checkSheet(read.snapshot, read.snapshot.sheets[0]!, { lang: "vi" }) };
    checkMs = performance.now() - c0;
  } else {
    checked = await checkWorkbookSheet({ frameworkId: "auto", columns: {}, lang: "vi" });
    checkMs = NaN; // the check runs inside; timed below on the same snapshot
  }
  const r0 = performance.now();
  draw(checked);
  const renderMs = performance.now() - r0;
  const totalMs = performance.now() - t0;
  if (!whole) {
    const c0 = performance.now();
    checkSheet(checked.read.snapshot, checked.read.snapshot.sheets[0]!, { lang: "vi" });
    checkMs = performance.now() - c0;
  }
  const cells = fake.requests.reduce((n, r) => n + r.cellsRead, 0) / 3;
  const round = (x: number) => Math.round(x);
  return {
    syncs: fake.syncCount,
    cells: round(cells),
    totalMs: round(totalMs),
    paneMs: round(totalMs - inFake),
    checkMs: round(checkMs),
    renderMs: round(renderMs),
  };
}

/** The median of five runs of each, alternating (the machine is shared and drifts). */
export async function householdsCase(): Promise<{ before: PaneFigures; after: PaneFigures }> {
  const seeds = formSeeds(
    layouts()
      .find((l) => l.name === "ho-gia-dinh-1")!
      .build("test").wb
  );
  const runs = { before: [] as PaneFigures[], after: [] as PaneFigures[] };
  await once(seeds, false); // warm up
  for (let i = 0; i < 5; i++) {
    runs.before.push(await once(seeds, true));
    runs.after.push(await once(seeds, false));
  }
  const median = (xs: PaneFigures[]) => [...xs].sort((a, b) => a.totalMs - b.totalMs)[2] as PaneFigures;
  return { before: median(runs.before), after: median(runs.after) };
}
