// How every batch of the Office connector runs: Office errors turned into kinds the pane explains,
// requirement sets checked before newer APIs, cell-edit mode waited out where Excel can.

export type OfficeFailure = "protected" | "cell-edit" | "missing-sheet" | "changed" | "other";

/** An Office error in plain words: what happened and what the officer can do. */
export class OfficeActionError extends Error {
  constructor(
    readonly kind: OfficeFailure,
    readonly detail: string
  ) {
    super(detail);
  }
}

function failure(e: unknown): OfficeActionError {
  if (e instanceof OfficeActionError) return e;
  const code = (e as { code?: string })?.code ?? "";
  const message = e instanceof Error ? e.message : String(e);
  if (code === "AccessDenied") return new OfficeActionError("protected", message);
  if (code === "InvalidOperationInCellEditMode") return new OfficeActionError("cell-edit", message);
  if (code === "ItemNotFound") return new OfficeActionError("missing-sheet", message);
  return new OfficeActionError("other", message);
}

export function supported(version: string): boolean {
  return Boolean(Office?.context?.requirements?.isSetSupported("ExcelApi", version));
}

/** Runs a batch, waiting for the officer to finish editing a cell where Excel can (ExcelApi 1.11). */
export async function run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  try {
    return supported("1.11") ? await Excel.run({ delayForCellEdit: true }, batch) : await Excel.run(batch);
  } catch (e) {
    throw failure(e);
  }
}
