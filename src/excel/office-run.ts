// How every batch of the Office connector runs: Office errors turned into kinds the pane explains,
// requirement sets checked before newer APIs, cell-edit mode waited out where Excel can.

export type OfficeFailure =
  | "protected"
  | "workbook-protected"
  | "cell-edit"
  | "missing-sheet"
  | "changed"
  | "officer-cell"
  | "table"
  | "merged"
  | "filtered"
  | "restored"
  | "half-written"
  | "not-kept"
  | "looks-unrecorded"
  | "looks-unrestorable"
  | "too-old"
  | "too-large"
  | "other";

/** Where a failure is: the cell, and the officer's table or merged area it falls in. */
export interface FailurePlace {
  cell?: string;
  table?: string;
  range?: string;
}

/** An Office error in plain words: what happened and what the officer can do. */
export class OfficeActionError extends Error {
  constructor(
    readonly kind: OfficeFailure,
    readonly detail: string,
    readonly place: FailurePlace = {}
  ) {
    super(detail);
  }
}

/**
 * Office's error codes ("Error handling with the application-specific JavaScript APIs", Excel
 * error codes) as the kinds the pane explains in the officer's words.
 */
export function failure(e: unknown): OfficeActionError {
  if (e instanceof OfficeActionError) return e;
  const code = (e as { code?: string } | null)?.code ?? "";
  const message = e instanceof Error ? e.message : String(e);
  if (code === "AccessDenied") return new OfficeActionError("protected", message);
  if (code === "InvalidOperationInCellEditMode") return new OfficeActionError("cell-edit", message);
  if (code === "ItemNotFound") return new OfficeActionError("missing-sheet", message);
  if (code === "ApiNotFound") return new OfficeActionError("too-old", message);
  if (code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded")
    return new OfficeActionError("too-large", message);
  return new OfficeActionError("other", message);
}

export function supported(version: string): boolean {
  return Boolean(Office?.context?.requirements?.isSetSupported("ExcelApi", version));
}

/**
 * The requirement set every feature of the pane needs (the used range and sheet-scoped names of
 * ExcelApi 1.4); what is newer is used only where `supported` says so.
 */
export const BASELINE = "1.4";

/** Runs a batch, waiting for the officer to finish editing a cell where Excel can (ExcelApi 1.11). */
export async function run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  if (!supported(BASELINE)) throw new OfficeActionError("too-old", `ExcelApi ${BASELINE}`);
  try {
    return supported("1.11") ? await Excel.run({ delayForCellEdit: true }, batch) : await Excel.run(batch);
  } catch (e) {
    throw failure(e);
  }
}
