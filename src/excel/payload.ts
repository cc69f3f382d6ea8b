// Requests sized by their payload, not by rows: Excel on the web refuses a request or a response over
// 5 MB ("RichApi.Error: The request payload size has exceeded the limit") and a read of more than
// 5,000,000 cells ("Resource limits and performance optimization for Office Add-ins", Excel add-ins).
// Writes know their size exactly; reads estimate theirs from what they have read so far, and a read
// Excel refuses as too large is asked again in smaller pieces (`isPayloadTooLarge`).

/** What one request may carry: under the 5 MB limit with room for a read's estimate to be short. */
export const REQUEST_BUDGET_BYTES = 4_000_000;
/** Excel's limit on the cells of one read. */
export const READ_CELL_LIMIT = 5_000_000;
/**
 * What one queued operation (a format, a clear, a name, a merge) adds to a request besides its
 * values: its action, object path and arguments, as Office.js serialises them (a few hundred bytes).
 */
export const OPERATION_BYTES = 300;

/** The bytes a 2-D array of values takes in a request (its JSON). */
export function jsonBytes(values: unknown): number {
  return JSON.stringify(values).length;
}

/** Office's refusal of a request or a response over Excel on the web's payload limit. */
export function isPayloadTooLarge(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code;
  return code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded";
}

/**
 * Estimates a read's bytes per cell (values, types and formats together), learning from what it
 * reads: it starts at a figure that fits an officer's table (short codes and levels beside texts),
 * then follows what the requests actually carried, down as well as up — the average so far, or
 * the last request's when that is larger (longer texts further down). A refused request doubles it.
 */
export class ReadMeter {
  private perCell: number;
  private cells = 0;
  private bytes = 0;
  constructor(initialBytesPerCell = 32) {
    this.perCell = initialBytesPerCell;
  }
  get bytesPerCell(): number {
    return this.perCell;
  }
  observe(cells: number, bytes: number): void {
    if (cells <= 0) return;
    this.cells += cells;
    this.bytes += bytes;
    // Never under what an empty cell costs (`""`, `"Empty"`, `"General"` and their commas).
    this.perCell = Math.max(4, this.bytes / this.cells, bytes / cells);
  }
  /** Excel refused the last request as too large: ask for half as much next time. */
  refused(): void {
    this.perCell *= 2;
  }
  /** How many cells fit in one request. */
  cellsPerRequest(): number {
    return Math.max(1, Math.min(READ_CELL_LIMIT, Math.floor(REQUEST_BUDGET_BYTES / this.perCell)));
  }
}
