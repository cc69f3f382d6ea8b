// Requests sized by their payload, not by rows: Excel on the web refuses a request or a response over
// 5 MB and a read of more than 5,000,000 cells ("Resource limits and performance optimization for
// Office Add-ins"). Writes know their size exactly; reads estimate theirs from what they have read so far.

/** What one request may carry: well under the 5 MB limit, since a read's size is estimated. */
export const REQUEST_BUDGET_BYTES = 2_500_000;
/** Excel's limit on the cells of one read. */
export const READ_CELL_LIMIT = 5_000_000;

/** The bytes a 2-D array of values takes in a request (its JSON). */
export function jsonBytes(values: unknown): number {
  return JSON.stringify(values).length;
}

/**
 * Estimates a read's bytes per cell (values, types and formats together), starting from a figure
 * that covers an officer's table (short codes and levels beside long indicator texts), then
 * taking the largest average actually seen.
 */
export class ReadMeter {
  private perCell: number;
  constructor(initialBytesPerCell = 100) {
    this.perCell = initialBytesPerCell;
  }
  observe(cells: number, bytes: number): void {
    if (cells > 0) this.perCell = Math.max(this.perCell, Math.ceil(bytes / cells));
  }
  /** How many cells fit in one request. */
  cellsPerRequest(): number {
    return Math.max(1, Math.min(READ_CELL_LIMIT, Math.floor(REQUEST_BUDGET_BYTES / this.perCell)));
  }
}
