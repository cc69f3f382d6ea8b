// A faithful fake of the Excel JavaScript API subset the Office connector uses, with Office's
// semantics: proxies queue work until `sync()`; reading a property that was not loaded and synced
// throws as Office does; queued operations apply in order at `sync()`, and one that fails stops the
// rest while those before it stay applied; syncs are counted; errors can be injected.
// Also as documented: `Range.values` takes what it is given as typed input (a string beginning
// `=`, `+` or `-` becomes a formula, a numeric string a number, a leading apostrophe marks text:
// Excel.Range.values, ExcelApi 1.1); Excel on the web refuses a request or response over 5 MB and a
// read of more than 5,000,000 cells ("Resource limits and performance optimization for Office
// Add-ins"). Each operation a request carries counts towards that limit too, not only its values.
// Excel Tables ("Overview of Excel tables", "Resize a table by adding or removing rows and columns"):
// Excel cannot merge cells inside a table, and writing in the row just under a table or the column
// just right of it grows the table over what was written (AutoCorrect's "Include new rows and columns
// in table", applied to add-ins' writes as to typing: office-js issue 6745). A protected sheet refuses
// every change ("Protect a worksheet"; Excel.WorksheetProtection, ExcelApi 1.2) and a workbook whose
// structure is protected refuses adding, deleting or renaming sheets ("Protect a workbook";
// Excel.WorkbookProtection, ExcelApi 1.7). Merging a range that touches merged areas merges them
// all into one ("Merge and unmerge cells"; Excel.Range.merge, ExcelApi 1.2). A number format is a
// cell's look, kept when values are written over it (Excel.Range.numberFormat, ExcelApi 1.1). Each
// cell's fill, font, borders and alignment are read and set as a 2-D array of cell properties
// (Excel.Range.getCellProperties / setCellProperties, ExcelApi 1.9), a property left out unchanged.
// A look is what Excel reports of a cell, nothing else: a property set to what a cell without a look
// reports (the Normal style's Calibri 11, no fill, no border, General / Bottom, not bold…) is no look
// of the cell's, however it was set — Excel.RangeFormat (ExcelApi 1.1: alignment, wrapText;
// textOrientation 1.7; indentLevel 1.9), Excel.RangeFill ("clear(): Resets the range background";
// color sets a solid fill; pattern 1.9), Excel.RangeFont (bold, color, italic, name, size, underline;
// strikethrough 1.9), Excel.RangeBorder (style, color, weight; style None: no line),
// Excel.FormatProtection (locked, formulaHidden, 1.2) and Range.setCellProperties /
// getCellProperties (1.9) all set and read the same properties. So the fake keeps a cell canonical:
// two cells that Excel reports alike are equal here, and a look lost is a look missing.
// Self-contained (no imports) so that the browser tests can load it as the stub's `Excel`.

export type FakeValue = string | number | boolean;

export interface FakeCell {
  value: FakeValue;
  format?: string;
  bold?: boolean;
  /** The fill's colour (a solid fill unless `fillPattern` says otherwise). */
  fill?: string;
  /** A fill's pattern other than Solid (ExcelApi 1.9: `Gray25`…). */
  fillPattern?: string;
  font?: {
    name?: string;
    size?: number;
    italic?: boolean;
    color?: string;
    underline?: string;
    strikethrough?: boolean;
  };
  wrap?: boolean;
  horizontal?: string;
  vertical?: string;
  indent?: number;
  orientation?: number;
  /** Unlocked (Format Cells → Protection). */
  locked?: false;
  formulaHidden?: true;
  /** Each edge's line style (`Continuous`, `Double`…); an edge without a line is absent. */
  borders?: Partial<Record<"top" | "bottom" | "left" | "right", string>>;
  /** An edge's colour and weight where not black and thin. */
  borderLines?: Partial<Record<"top" | "bottom" | "left" | "right", { color?: string; weight?: string }>>;
  /** A formula Excel made of what was written (the fake does not evaluate it: its value is `#NAME?`). */
  formula?: string;
  /** Written with a leading apostrophe: stored as text, the apostrophe not part of the value. */
  quotePrefix?: boolean;
}

/** Excel on the web's limit on a request's and a response's payload, and on the cells of one read. */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
export const READ_CELL_LIMIT = 5_000_000;
/** What one operation (a load, a format, a clear, a name) adds to a request besides its values. */
export const OPERATION_BYTES = 200;

/**
 * What Excel stores when `Range.values` is given `v`, as when the value is typed into the cell:
 * documented for `=`, `+`, `-` (a formula); numbers and TRUE/FALSE typed as text become numbers and
 * booleans; a leading apostrophe stores the rest as text.
 */
export function typedInput(v: FakeValue): Pick<FakeCell, "value" | "formula" | "quotePrefix"> {
  if (typeof v !== "string") return { value: v };
  if (v.startsWith("'")) return { value: v.slice(1), quotePrefix: true };
  if (/^[+-]?\d+(\.\d+)?$/.test(v.trim())) return { value: Number(v) };
  if (/^(true|false)$/i.test(v.trim())) return { value: v.trim().toLowerCase() === "true" };
  if (/^[=+-]./s.test(v)) return { value: "#NAME?", formula: v };
  return { value: v };
}

/** The look of a cell, what `clear("Formats")` removes and `copyFrom(…, "Formats")` copies. */
const LOOK = [
  "format",
  "bold",
  "fill",
  "fillPattern",
  "font",
  "wrap",
  "horizontal",
  "vertical",
  "indent",
  "orientation",
  "locked",
  "formulaHidden",
  "borders",
  "borderLines",
] as const;
const hasLook = (c: FakeCell) => LOOK.some((k) => c[k] !== undefined);

/** What a cell without a look of its own reports (the Normal style of a new workbook). */
const DEFAULT_FONT = {
  name: "Calibri",
  size: 11,
  italic: false,
  color: "#000000",
  underline: "None",
  strikethrough: false,
};
const DEFAULT_LINE = { color: "#000000", weight: "Thin" };

/** The cell as Excel would report it, each property equal to a look-less cell's left out. */
export function canonical(c: FakeCell): FakeCell {
  const next: FakeCell = { ...c };
  if (next.font) {
    const font = Object.fromEntries(
      Object.entries(next.font).filter(
        ([k, v]) => v !== undefined && v !== DEFAULT_FONT[k as keyof typeof DEFAULT_FONT]
      )
    );
    next.font = Object.keys(font).length ? font : undefined;
  }
  if (next.bold === false) next.bold = undefined;
  if (next.wrap === false) next.wrap = undefined;
  if (next.horizontal === "General") next.horizontal = undefined;
  if (next.vertical === "Bottom") next.vertical = undefined;
  if (next.indent === 0) next.indent = undefined;
  if (next.orientation === 0) next.orientation = undefined;
  if (next.fill === undefined || next.fillPattern === "Solid") next.fillPattern = undefined;
  if (next.borders) {
    const b = Object.fromEntries(
      Object.entries(next.borders).filter(([, v]) => v !== undefined && v !== "None")
    );
    next.borders = Object.keys(b).length ? b : undefined;
  }
  if (next.borderLines) {
    const lines = Object.fromEntries(
      Object.entries(next.borderLines).flatMap(([e, l]) => {
        if (!next.borders?.[e as Edge] || !l) return [];
        const kept = Object.fromEntries(
          Object.entries(l).filter(
            ([k, v]) => v !== undefined && v !== DEFAULT_LINE[k as keyof typeof DEFAULT_LINE]
          )
        );
        return Object.keys(kept).length ? [[e, kept]] : [];
      })
    );
    next.borderLines = Object.keys(lines).length ? lines : undefined;
  }
  for (const k of LOOK) if (next[k] === undefined) delete next[k];
  return next;
}

export interface FakeChart {
  type: string;
  source: string;
  seriesBy: string;
  title: string;
  legendVisible: boolean;
  /** The cells it is drawn over (`setPosition`); Excel's default place when not set. */
  at?: string;
}

export interface FakeSheet {
  name: string;
  /** Excel.Worksheet.id (ExcelApi 1.1): the same whatever the sheet is renamed to or wherever moved. */
  id: string;
  cells: Map<string, FakeCell>;
  protected: boolean;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  merges: string[];
  /** Points, as Office.js sets them. */
  columnWidths: Map<number, number>;
  /** Points; a row absent here has its automatic height. */
  rowHeights: Map<number, number>;
  frozenRows: number;
  autoFilter: string | null;
  validations: { address: string; source: string }[];
  /** Columns the officer hid (Home → Format → Hide Columns). */
  hiddenColumns: Set<number>;
  /** Rows the officer hid (Home → Format → Hide Rows). */
  hiddenRows?: Set<number>;
  pageLayout: {
    orientation?: string;
    paperSize?: string;
    printTitleRows?: string;
    printTitleColumns?: string;
    /** Like `'Sheet'!A1:F30`; several areas joined by commas. */
    printArea?: string;
    zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
    margins?: { left?: number; right?: number; top?: number; bottom?: number };
    centerHorizontally?: boolean;
  };
  /** Manual page breaks: a new page starts at each of these rows. */
  pageBreaks: number[];
  charts: FakeChart[];
  /** The officer's Excel Tables, with their ranges (`A20:D25`, header row included). */
  tables: { name: string; ref: string }[];
}

export interface FakeName {
  name: string;
  /** Sheet the name is scoped to; undefined for workbook-wide names. */
  scope?: string;
  /** Address like `'Sheet'!$A$1:$B$2`. */
  ref: string;
  /** A name defined by a formula (`="HT1;…"&"…"`) instead of a range. */
  formula?: string;
  /** False when hidden from the Name Manager. */
  visible?: boolean;
}

export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

const key = (row: number, col: number) => `${row}:${col}`;

/**
 * Excel on the web's refusal of a request or a response over 5 MB: "RichApi.Error: The request
 * payload size has exceeded the limit" ("Resource limits and performance optimization for Office
 * Add-ins", Excel add-ins; the codes as in "Error handling with the application-specific JavaScript
 * APIs", Excel error codes).
 */
function payloadTooLarge(which: "Request" | "Response" = "Request"): FakeOfficeError {
  return new FakeOfficeError(
    `${which}PayloadSizeLimitExceeded`,
    `The ${which.toLowerCase()} payload size has exceeded the limit. Please refer to the documentation.`
  );
}

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}
function colLetters(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}
function parseAddress(address: string): Box {
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(local.trim());
  if (!m) throw new FakeOfficeError("InvalidArgument", `The argument is invalid or missing: ${address}`);
  const left = colNumber(m[1] as string);
  const top = Number(m[2]);
  return { top, left, bottom: m[4] ? Number(m[4]) : top, right: m[3] ? colNumber(m[3]) : left };
}
const meets = (a: Box, b: Box) =>
  a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;

/** A table grown over a write in the row just under it or the column just right of it. */
function growTables(sheet: FakeSheet, box: Box): void {
  sheet.tables = sheet.tables.map((t) => {
    const b = parseAddress(t.ref);
    const under = box.top === b.bottom + 1 && box.left <= b.right && box.right >= b.left;
    const right = box.left === b.right + 1 && box.top <= b.bottom && box.bottom >= b.top;
    if (!under && !right) return t;
    const grown = {
      ...b,
      bottom: under ? Math.max(b.bottom, box.bottom) : b.bottom,
      right: right ? Math.max(b.right, box.right) : b.right,
    };
    return { ...t, ref: boxAddress(sheet.name, grown).split("!")[1] as string };
  });
}

function boxAddress(sheet: string, b: Box): string {
  const quoted = /^[A-Za-z_][A-Za-z0-9_]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  const tl = `${colLetters(b.left)}${b.top}`;
  const br = `${colLetters(b.right)}${b.bottom}`;
  return `${quoted}!${tl === br ? tl : `${tl}:${br}`}`;
}

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  names: FakeName[] = [];
  syncCount = 0;
  /** Every request's payload: cells read or written, and bytes (as JSON) either way, against Excel's limits. */
  requests: { cellsRead: number; cellsWritten: number; bytesRead: number; bytesWritten: number }[] = [];
  /** The payload limit enforced (Excel on the web's); desktop Excel has none, so Infinity plays it. */
  payloadLimitBytes = PAYLOAD_LIMIT_BYTES;
  cellEditMode = false;
  active = "";
  selection: { sheet: string; address: string } | null = null;
  /** An injected failure, once: the next name added that matches fails as Excel fails an operation. */
  failNames: RegExp | null = null;
  /** Review → Protect Workbook (structure): sheets cannot be added, deleted or renamed. */
  structureProtected = false;
  /** Requirement sets the fake host supports, as Office versions them (`1.13` is after `1.4`). */
  supported: Record<string, string> = { ExcelApi: "1.4" };

  addSheet(
    name: string,
    rows: (FakeValue | null | { value: FakeValue; format: string })[][] = []
  ): FakeSheet {
    const sheet: FakeSheet = {
      name,
      id: `{00000000-${String(++this.ids).padStart(4, "0")}-0000-0000-000000000000}`,
      cells: new Map(),
      protected: false,
      visibility: "Visible",
      merges: [],
      columnWidths: new Map(),
      rowHeights: new Map(),
      frozenRows: 0,
      autoFilter: null,
      validations: [],
      hiddenColumns: new Set(),
      pageLayout: {},
      pageBreaks: [],
      charts: [],
      tables: [],
    };
    rows.forEach((r, i) =>
      r.forEach((v, j) => {
        if (v === null || v === "") return;
        sheet.cells.set(
          key(i + 1, j + 1),
          typeof v === "object" ? { value: v.value, format: v.format } : { value: v }
        );
      })
    );
    this.sheets.push(sheet);
    if (!this.active) this.active = name;
    return sheet;
  }

  private ids = 0;

  /**
   * The officer renames a sheet (double-click its tab): its scoped names go with it, and every
   * formula and name referring to it follows the new name, as Excel rewrites them.
   */
  renameSheet(from: string, to: string): void {
    const sheet = this.sheet(from);
    const quote = (n: string) => `'${n.replace(/'/g, "''")}'!`;
    const follow = (text: string) => text.split(quote(from)).join(quote(to));
    sheet.name = to;
    for (const n of this.names) {
      if (n.scope === from) n.scope = to;
      n.ref = follow(n.ref);
      if (n.formula !== undefined) n.formula = follow(n.formula);
    }
    for (const s of this.sheets)
      for (const c of s.cells.values()) if (c.formula !== undefined) c.formula = follow(c.formula);
    if (this.active === from) this.active = to;
  }

  /**
   * The officer inserts `count` rows above row `at` (Home → Insert → Insert Sheet Rows): the cells,
   * merges, tables and row heights from there down move down, and every name referring to them
   * follows ("Insert or delete rows and columns": the references adjust; a range the insertion
   * falls inside grows). Not an Office.js call: what the officer does between two runs.
   */
  insertRows(name: string, at: number, count: number): void {
    const sheet = this.sheet(name);
    const down = (b: Box): Box => ({
      ...b,
      top: b.top >= at ? b.top + count : b.top,
      bottom: b.bottom >= at ? b.bottom + count : b.bottom,
    });
    const local = (a: string) => boxAddress(name, down(parseAddress(a))).split("!")[1] as string;
    sheet.cells = new Map(
      [...sheet.cells].map(([k, c]) => {
        const [r, col] = k.split(":").map(Number) as [number, number];
        return [key(r >= at ? r + count : r, col), c];
      })
    );
    sheet.merges = sheet.merges.map(local);
    sheet.tables = sheet.tables.map((t) => ({ ...t, ref: local(t.ref) }));
    sheet.rowHeights = new Map([...sheet.rowHeights].map(([r, h]) => [r >= at ? r + count : r, h]));
    const quoted = boxAddress(name, { top: 1, left: 1, bottom: 1, right: 1 }).split("!")[0] as string;
    for (const n of this.names)
      if (n.ref.startsWith(`${quoted}!`)) n.ref = boxAddress(name, down(parseAddress(n.ref)));
  }

  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s)
      throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist: worksheet ${name}`);
    return s;
  }

  /** Cell values as `A1 → value`, to compare workbooks in tests. */
  dump(name: string): Record<string, FakeValue> {
    const out: Record<string, FakeValue> = {};
    const s = this.sheet(name);
    [...s.cells.entries()]
      .filter(([, c]) => c.value !== "")
      .forEach(([k, c]) => {
        const [r, col] = k.split(":").map(Number) as [number, number];
        out[`${colLetters(col)}${r}`] = c.value;
      });
    return out;
  }

  isSetSupported(name: string, version = "1.1"): boolean {
    const have = this.supported[name];
    if (!have) return false;
    const [hMajor = 0, hMinor = 0] = have.split(".").map(Number);
    const [wMajor = 0, wMinor = 0] = version.split(".").map(Number);
    return hMajor > wMajor || (hMajor === wMajor && hMinor >= wMinor);
  }

  /** `Excel.run` over this workbook. */
  run = async <T>(
    optionsOrBatch: { delayForCellEdit?: boolean } | ((ctx: FakeContext) => Promise<T>),
    maybeBatch?: (ctx: FakeContext) => Promise<T>
  ): Promise<T> => {
    const batch = typeof optionsOrBatch === "function" ? optionsOrBatch : maybeBatch;
    const options = typeof optionsOrBatch === "function" ? {} : optionsOrBatch;
    const ctx = new FakeContext(this, options.delayForCellEdit === true);
    if (!batch) throw new FakeOfficeError("InvalidArgument", "Excel.run needs a batch function");
    return batch(ctx);
  };
}

type Op = () => void;

export class FakeContext {
  private queue: Op[] = [];
  readonly workbook: FakeWorkbookProxy;
  constructor(
    readonly data: FakeWorkbook,
    private readonly delayForCellEdit: boolean
  ) {
    this.workbook = new FakeWorkbookProxy(this);
  }
  enqueue(op: Op): void {
    this.queue.push(op);
    this.outgoing += OPERATION_BYTES;
  }
  async sync(): Promise<void> {
    this.data.syncCount++;
    const ops = this.queue;
    this.queue = [];
    if (this.data.cellEditMode) {
      if (this.delayForCellEdit)
        this.data.cellEditMode = false; // Excel waits until editing ends
      else throw new FakeOfficeError("InvalidOperationInCellEditMode", "Excel is in cell-editing mode.");
    }
    const request = { cellsRead: 0, cellsWritten: 0, bytesRead: 0, bytesWritten: 0 };
    this.data.requests.push(request);
    // The request's size is known before Excel runs it: too large, and nothing of it is applied.
    const outgoing = this.outgoing;
    this.outgoing = 0;
    if (outgoing > this.data.payloadLimitBytes) throw payloadTooLarge();
    const responses: (() => void)[] = [];
    this.responses = responses;
    for (const op of ops) op(); // the first failing op throws: the ones before it stay applied
    if (request.bytesRead > this.data.payloadLimitBytes) throw payloadTooLarge("Response");
    for (const r of responses) r();
  }
  private responses: (() => void)[] = [];
  /** What a load hands the proxies once the request has succeeded. */
  onResponse(apply: () => void): void {
    this.responses.push(apply);
  }
  private outgoing = 0;
  /** Bytes a queued write adds to the next request. */
  addOutgoing(bytes: number): void {
    this.outgoing += bytes;
  }
  trackRead(cells: number, bytes: number): void {
    const r = this.data.requests[this.data.requests.length - 1];
    if (r) {
      r.cellsRead += cells;
      r.bytesRead += bytes;
    }
  }
  trackWrite(cells: number, bytes: number): void {
    const r = this.data.requests[this.data.requests.length - 1];
    if (r) {
      r.cellsWritten += cells;
      r.bytesWritten += bytes;
    }
  }
}

/** Base of every proxy: `load` queues a read; reading a property not loaded throws. */
class Proxy {
  private loaded = new Map<string, unknown>();
  constructor(protected readonly ctx: FakeContext) {}
  protected readers(): Record<string, () => unknown> & { isNullObject?: () => unknown } {
    return {};
  }
  load(props?: string | string[] | { select?: string }): this {
    const list =
      typeof props === "string"
        ? props.split(",")
        : Array.isArray(props)
          ? props
          : props?.select
            ? props.select.split(",")
            : Object.keys(this.readers());
    // `items/name,items/visibility` loads `items` once with both of its properties.
    const wanted = new Map<string, string[]>();
    for (const p of list.map((x) => x.trim()).filter(Boolean)) {
      const [head, rest] = p.split("/", 2) as [string, string | undefined];
      wanted.set(head, [...(wanted.get(head) ?? []), ...(rest ? [rest] : [])]);
    }
    this.ctx.enqueue(() => {
      // What the response carries reaches the proxies only once Excel has sent it: a request refused
      // as too large leaves every property of it unloaded.
      const sets: [Proxy, string, unknown][] = [];
      this.ctx.onResponse(() => {
        for (const [proxy, prop, value] of sets) proxy.loaded.set(prop, value);
      });
      const readers = this.readers();
      // As in Office, any load of a *OrNullObject result tells whether it is null, and a null
      // object has nothing else to read.
      if (readers.isNullObject) {
        const isNull = readers.isNullObject() as boolean;
        sets.push([this, "isNullObject", isNull]);
        if (isNull) return;
      }
      for (const [head, rest] of wanted) {
        const read = readers[head];
        if (!read) throw new FakeOfficeError("PropertyNotLoaded", `Unknown property '${head}'`);
        const value = read();
        const sub = rest.join(",");
        if (sub && value instanceof Proxy) value.loadNow(sub, sets);
        if (sub && Array.isArray(value)) value.forEach((v) => v instanceof Proxy && v.loadNow(sub, sets));
        sets.push([this, head, value]);
      }
    });
    return this;
  }
  /** Reads a nested load (`items/name`) at sync time, for the response. */
  loadNow(props: string, sets: [Proxy, string, unknown][]): void {
    const readers = this.readers();
    for (const p of props.split(",")) {
      const read = readers[p.trim()];
      if (read) sets.push([this, p.trim(), read()]);
    }
  }
  protected get<T>(prop: string): T {
    if (!this.loaded.has(prop)) {
      throw new FakeOfficeError(
        "PropertyNotLoaded",
        `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`
      );
    }
    return this.loaded.get(prop) as T;
  }
  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

class WorkbookProtectionProxy extends Proxy {
  protected override readers() {
    return { protected: () => this.ctx.data.structureProtected };
  }
  get protected(): boolean {
    return this.get("protected");
  }
}

function structureLocked(data: FakeWorkbook): void {
  if (data.structureProtected)
    throw new FakeOfficeError("AccessDenied", "The workbook is protected: its sheets cannot be changed.");
}

class FakeWorkbookProxy {
  readonly worksheets: WorksheetCollection;
  readonly names: NameCollection;
  constructor(private readonly ctx: FakeContext) {
    this.worksheets = new WorksheetCollection(ctx);
    this.names = new NameCollection(ctx, undefined);
  }
  /** Workbook protection (ExcelApi 1.7). */
  get protection(): WorkbookProtectionProxy {
    if (!this.ctx.data.isSetSupported("ExcelApi", "1.7"))
      throw new FakeOfficeError("ApiNotFound", "Workbook protection needs ExcelApi 1.7.");
    return new WorkbookProtectionProxy(this.ctx);
  }
  getSelectedRange(): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const sel = this.ctx.data.selection ?? { sheet: this.ctx.data.active, address: "A1" };
      return { sheet: sel.sheet, box: parseAddress(sel.address) };
    });
  }
}

class WorksheetCollection extends Proxy {
  protected override readers() {
    return { items: () => this.ctx.data.sheets.map((s) => new WorksheetProxy(this.ctx, () => s.name)) };
  }
  get items(): WorksheetProxy[] {
    return this.get("items");
  }
  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.ctx.data.sheet(name).name);
  }
  getItemOrNullObject(name: string): WorksheetProxy {
    return new WorksheetProxy(
      this.ctx,
      () => this.ctx.data.sheets.find((s) => s.name === name)?.name ?? null
    );
  }
  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.ctx.data.active);
  }
  add(name: string): WorksheetProxy {
    this.ctx.enqueue(() => {
      structureLocked(this.ctx.data);
      if (this.ctx.data.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
        throw new FakeOfficeError("ItemAlreadyExists", `A sheet named ${name} already exists.`);
      }
      this.ctx.data.addSheet(name);
    });
    return new WorksheetProxy(this.ctx, () => this.ctx.data.sheet(name).name);
  }
}

class TableProxy extends Proxy {
  constructor(
    ctx: FakeContext,
    private readonly sheet: () => FakeSheet,
    private readonly id: string
  ) {
    super(ctx);
  }
  private table() {
    const t = this.sheet().tables.find((x) => x.name === this.id);
    if (!t) throw new FakeOfficeError("ItemNotFound", `The table ${this.id} does not exist.`);
    return t;
  }
  protected override readers() {
    return { name: () => this.table().name };
  }
  get name(): string {
    return this.get("name");
  }
  /** The table's range, header row included (ExcelApi 1.1). */
  getRange(): RangeProxy {
    return new RangeProxy(this.ctx, () => ({
      sheet: this.sheet().name,
      box: parseAddress(this.table().ref),
    }));
  }
}
class TableCollectionProxy extends Proxy {
  constructor(
    ctx: FakeContext,
    private readonly sheet: () => FakeSheet
  ) {
    super(ctx);
  }
  protected override readers() {
    return { items: () => this.sheet().tables.map((t) => new TableProxy(this.ctx, this.sheet, t.name)) };
  }
  get items(): TableProxy[] {
    return this.get("items");
  }
}

class WorksheetProxy extends Proxy {
  readonly protection: ProtectionProxy;
  readonly names: NameCollection;
  /** The sheet's Excel Tables (ExcelApi 1.1). */
  readonly tables: TableCollectionProxy;
  constructor(
    ctx: FakeContext,
    private readonly resolve: () => string | null
  ) {
    super(ctx);
    this.protection = new ProtectionProxy(ctx, () => this.data());
    this.names = new NameCollection(ctx, () => this.resolve());
    this.tables = new TableCollectionProxy(ctx, () => this.data());
  }
  private data(): FakeSheet {
    const name = this.resolve();
    if (name === null) throw new FakeOfficeError("ItemNotFound", "The worksheet does not exist.");
    return this.ctx.data.sheet(name);
  }
  protected override readers() {
    return {
      name: () => this.data().name,
      visibility: () => this.data().visibility,
      position: () => this.ctx.data.sheets.indexOf(this.data()),
      id: () => this.data().id,
      isNullObject: () => this.resolve() === null,
    };
  }
  get name(): string {
    return this.get("name");
  }
  get visibility(): string {
    return this.get("visibility");
  }
  get id(): string {
    return this.get("id");
  }
  get isNullObject(): boolean {
    return this.get("isNullObject");
  }
  activate(): void {
    this.ctx.enqueue(() => void (this.ctx.data.active = this.data().name));
  }
  delete(): void {
    this.ctx.enqueue(() => {
      structureLocked(this.ctx.data);
      const sheet = this.data();
      this.ctx.data.sheets = this.ctx.data.sheets.filter((x) => x !== sheet);
      // Excel deletes the names scoped to a deleted sheet.
      this.ctx.data.names = this.ctx.data.names.filter((n) => n.scope !== sheet.name);
      if (this.ctx.data.active === sheet.name) this.ctx.data.active = this.ctx.data.sheets[0]?.name ?? "";
    });
  }
  private requires(version: string, api: string): void {
    if (!this.ctx.data.isSetSupported("ExcelApi", version)) {
      throw new FakeOfficeError(
        "ApiNotFound",
        `${api} needs ExcelApi ${version}, which this Excel does not support.`
      );
    }
  }
  get freezePanes(): { freezeRows(n: number): void } {
    this.requires("1.7", "freezePanes");
    return { freezeRows: (n) => this.ctx.enqueue(() => void (this.data().frozenRows = n)) };
  }
  /**
   * The sheet's AutoFilter (ExcelApi 1.9): `apply` filters a range; `getRangeOrNullObject` "Returns the
   * Range object that represents the range to which the AutoFilter applies", a null object when none.
   */
  get autoFilter(): { apply(range: RangeProxy): void; getRangeOrNullObject(): RangeProxy } {
    this.requires("1.9", "autoFilter");
    return {
      apply: (range) => this.ctx.enqueue(() => void (this.data().autoFilter = range.addressNow())),
      getRangeOrNullObject: () =>
        new RangeProxy(this.ctx, () => {
          const s = this.data();
          return s.autoFilter ? { sheet: s.name, box: parseAddress(s.autoFilter) } : null;
        }),
    };
  }
  get pageLayout(): PageLayoutProxy {
    this.requires("1.9", "pageLayout");
    return new PageLayoutProxy(this.ctx, () => this.data());
  }
  /** Manual page breaks above rows (ExcelApi 1.9): Excel.PageBreakCollection. */
  get horizontalPageBreaks(): PageBreakCollectionProxy {
    this.requires("1.9", "horizontalPageBreaks");
    return new PageBreakCollectionProxy(this.ctx, () => this.data());
  }
  get charts(): {
    add(
      type: string,
      source: RangeProxy,
      seriesBy: string
    ): {
      title: { text: string };
      legend: { visible: boolean };
      setPosition(start: string, end?: string): void;
    };
  } {
    return {
      add: (type, source, seriesBy) => {
        const chart: FakeChart = { type, source: "", seriesBy, title: "", legendVisible: true };
        this.ctx.enqueue(() => {
          chart.source = source.addressNow();
          this.data().charts.push(chart);
        });
        const title = {} as { text: string };
        Object.defineProperty(title, "text", {
          set: (v: string) => this.ctx.enqueue(() => void (chart.title = v)),
        });
        const legend = {} as { visible: boolean };
        Object.defineProperty(legend, "visible", {
          set: (v: boolean) => this.ctx.enqueue(() => void (chart.legendVisible = v)),
        });
        const setPosition = (start: string, end?: string) =>
          this.ctx.enqueue(() => void (chart.at = end ? `${start}:${end}` : start));
        return { title, legend, setPosition };
      },
    };
  }
  getRange(address: string): RangeProxy {
    return new RangeProxy(this.ctx, () => ({ sheet: this.data().name, box: parseAddress(address) }));
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): RangeProxy {
    return new RangeProxy(this.ctx, () => ({
      sheet: this.data().name,
      box: { top: row + 1, left: col + 1, bottom: row + rows, right: col + cols },
    }));
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const s = this.data();
      const box = usedBox(s, valuesOnly === true, null);
      return box ? { sheet: s.name, box } : null;
    });
  }
  /** Worksheet.getUsedRange (ExcelApi 1.1): on an empty sheet, a range of A1 only. */
  getUsedRange(valuesOnly?: boolean): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const s = this.data();
      return {
        sheet: s.name,
        box: usedBox(s, valuesOnly === true, null) ?? { top: 1, left: 1, bottom: 1, right: 1 },
      };
    });
  }
}

/** The smallest box holding every used cell of a sheet, within `inside` when given. */
function usedBox(s: FakeSheet, valuesOnly: boolean, inside: Box | null): Box | null {
  let box: Box | null = null;
  for (const [k, c] of s.cells) {
    if (c.value === "" && (valuesOnly || !hasLook(c))) continue;
    const at = k.indexOf(":"); // parsed by hand: a 50,000-row sheet has 250,000 keys
    const r = Number(k.slice(0, at));
    const col = Number(k.slice(at + 1));
    if (inside && (r < inside.top || r > inside.bottom || col < inside.left || col > inside.right)) continue;
    if (!box) box = { top: r, left: col, bottom: r, right: col };
    else {
      box.top = Math.min(box.top, r);
      box.bottom = Math.max(box.bottom, r);
      box.left = Math.min(box.left, col);
      box.right = Math.max(box.right, col);
    }
  }
  return box;
}

/** What a sheet never set up for printing reads as: Excel's new sheet (Normal margins, 0.7" and 0.75"), on A4 as in Vietnam. */
const PAGE_DEFAULTS = {
  orientation: "Portrait",
  paperSize: "A4",
  zoom: { scale: 100 },
  margins: { left: 50.4, right: 50.4, top: 54, bottom: 54 },
};

/**
 * Worksheet.pageLayout (ExcelApi 1.9), as Microsoft's "Excel.PageLayout class" page
 * (learn.microsoft.com/javascript/api/excel/excel.pagelayout) describes it: `orientation`
 * ("Portrait" | "Landscape"), `paperSize` (Excel.PaperType: "A4", "Letter"…), `zoom`
 * ("Excel.PageLayoutZoomOptions": a `scale` of 10–400, or `horizontalFitToPages` /
 * `verticalFitToPages` with the scale null), the four margins in points, `centerHorizontally`;
 * `getPrintAreaOrNullObject()` (a RangeAreas, null where no print area is set) and
 * `getPrintTitleRowsOrNullObject()` (a Range of whole rows, null where none repeat). Each property
 * reads back what was set, Excel's default otherwise.
 */
class PageLayoutProxy extends Proxy {
  constructor(
    ctx: FakeContext,
    private readonly sheet: () => FakeSheet
  ) {
    super(ctx);
  }
  private layout(): FakeSheet["pageLayout"] {
    return this.sheet().pageLayout;
  }
  private margin(edge: "left" | "right" | "top" | "bottom"): number {
    return this.layout().margins?.[edge] ?? PAGE_DEFAULTS.margins[edge];
  }
  protected override readers() {
    return {
      orientation: () => this.layout().orientation ?? PAGE_DEFAULTS.orientation,
      paperSize: () => this.layout().paperSize ?? PAGE_DEFAULTS.paperSize,
      zoom: () => ({ ...(this.layout().zoom ?? PAGE_DEFAULTS.zoom) }),
      leftMargin: () => this.margin("left"),
      rightMargin: () => this.margin("right"),
      topMargin: () => this.margin("top"),
      bottomMargin: () => this.margin("bottom"),
      centerHorizontally: () => this.layout().centerHorizontally ?? false,
    };
  }
  private set(apply: (layout: FakeSheet["pageLayout"]) => void): void {
    this.ctx.enqueue(() => apply(this.layout()));
  }
  get orientation(): string {
    return this.get("orientation");
  }
  set orientation(v: string) {
    this.set((l) => void (l.orientation = v));
  }
  get paperSize(): string {
    return this.get("paperSize");
  }
  set paperSize(v: string) {
    this.set((l) => void (l.paperSize = v));
  }
  get zoom(): { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number } {
    return this.get("zoom");
  }
  set zoom(v: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }) {
    this.set((l) => void (l.zoom = v));
  }
  get centerHorizontally(): boolean {
    return this.get("centerHorizontally");
  }
  set centerHorizontally(v: boolean) {
    this.set((l) => void (l.centerHorizontally = v));
  }
  private setMargin(edge: "left" | "right" | "top" | "bottom", v: number): void {
    this.set((l) => void (l.margins = { ...l.margins, [edge]: v }));
  }
  get leftMargin(): number {
    return this.get("leftMargin");
  }
  set leftMargin(v: number) {
    this.setMargin("left", v);
  }
  get rightMargin(): number {
    return this.get("rightMargin");
  }
  set rightMargin(v: number) {
    this.setMargin("right", v);
  }
  get topMargin(): number {
    return this.get("topMargin");
  }
  set topMargin(v: number) {
    this.setMargin("top", v);
  }
  get bottomMargin(): number {
    return this.get("bottomMargin");
  }
  set bottomMargin(v: number) {
    this.setMargin("bottom", v);
  }
  setPrintTitleRows(rows: string): void {
    this.set((l) => void (l.printTitleRows = rows));
  }
  setPrintTitleColumns(cols: string): void {
    this.set((l) => void (l.printTitleColumns = cols));
  }
  setPrintArea(area: string | RangeProxy): void {
    this.set((l) => {
      const sheet = this.sheet().name;
      l.printArea = typeof area === "string" ? boxAddress(sheet, parseAddress(area)) : area.addressNow();
    });
  }
  getPrintAreaOrNullObject(): RangeAreasProxy {
    return new RangeAreasProxy(this.ctx, () => this.layout().printArea ?? null);
  }
  /** The repeated rows (`$7:$10`) as a range of whole rows. */
  getPrintTitleRowsOrNullObject(): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const m = /\$?(\d+):\$?(\d+)/.exec(this.layout().printTitleRows ?? "");
      if (!m) return null;
      return {
        sheet: this.sheet().name,
        box: { top: Number(m[1]), left: 1, bottom: Number(m[2]), right: 16384 },
      };
    });
  }
}

/**
 * One manual page break ("Excel.PageBreak class", ExcelApi 1.9): `rowIndex` is the zero-based
 * index of the row after the break, the first row of the new page (`getCellAfterBreak()`'s row);
 * a horizontal break reads `columnIndex` 0.
 */
class PageBreakProxy extends Proxy {
  constructor(
    ctx: FakeContext,
    private readonly top: number
  ) {
    super(ctx);
  }
  protected override readers() {
    return { rowIndex: () => this.top - 1, columnIndex: () => 0 };
  }
  get rowIndex(): number {
    return this.get("rowIndex");
  }
  get columnIndex(): number {
    return this.get("columnIndex");
  }
}

/**
 * Worksheet.horizontalPageBreaks ("Excel.PageBreakCollection class", ExcelApi 1.9): `add(range)`
 * puts a break above the range's top-left cell; `items` lists the sheet's manual breaks.
 */
class PageBreakCollectionProxy extends Proxy {
  constructor(
    ctx: FakeContext,
    private readonly sheet: () => FakeSheet
  ) {
    super(ctx);
  }
  protected override readers() {
    return { items: () => this.sheet().pageBreaks.map((top) => new PageBreakProxy(this.ctx, top)) };
  }
  get items(): PageBreakProxy[] {
    return this.get("items");
  }
  add(range: RangeProxy | string): void {
    this.ctx.enqueue(() => {
      const top = typeof range === "string" ? parseAddress(range).top : range.boxNow().top;
      this.sheet().pageBreaks.push(top);
    });
  }
}

class ProtectionProxy extends Proxy {
  constructor(
    ctx: FakeContext,
    private readonly sheet: () => FakeSheet
  ) {
    super(ctx);
  }
  protected override readers() {
    return { protected: () => this.sheet().protected };
  }
  get protected(): boolean {
    return this.get("protected");
  }
}

type Where = { sheet: string; box: Box } | null;

type Edge = "top" | "bottom" | "left" | "right";
const EDGE_ITEMS: Record<string, (b: Box, r: number, c: number) => Edge[]> = {
  EdgeTop: (b, r) => (r === b.top ? ["top"] : []),
  EdgeBottom: (b, r) => (r === b.bottom ? ["bottom"] : []),
  EdgeLeft: (b, _r, c) => (c === b.left ? ["left"] : []),
  EdgeRight: (b, _r, c) => (c === b.right ? ["right"] : []),
  InsideHorizontal: (b, r) => [
    ...(r > b.top ? ["top" as const] : []),
    ...(r < b.bottom ? ["bottom" as const] : []),
  ],
  InsideVertical: (b, _r, c) => [
    ...(c > b.left ? ["left" as const] : []),
    ...(c < b.right ? ["right" as const] : []),
  ],
};

/** `range.format.font`: set properties queue a change of every cell; loaded ones read the top-left cell. */
class FontProxy extends Proxy {
  constructor(
    ctx: FakeContext,
    private readonly range: RangeProxy
  ) {
    super(ctx);
  }
  protected override readers() {
    const font = () =>
      (cellProperties(this.range.topLeftNow()).format as { font: Record<string, unknown> }).font;
    return Object.fromEntries(
      ["name", "size", "bold", "italic", "color", "underline", "strikethrough"].map((k) => [
        k,
        () => font()[k],
      ])
    );
  }
  private set(font: Record<string, unknown>): void {
    this.range.write((c) => withProperties(c, { format: { font } }));
  }
  get size(): number {
    return this.get("size");
  }
  set size(size: number) {
    this.set({ size });
  }
  get name(): string {
    return this.get("name");
  }
  set name(name: string) {
    this.set({ name });
  }
  get bold(): boolean {
    return this.get("bold");
  }
  set bold(bold: boolean) {
    this.set({ bold });
  }
  get italic(): boolean {
    return this.get("italic");
  }
  set italic(italic: boolean) {
    this.set({ italic });
  }
  get color(): string {
    return this.get("color");
  }
  set color(color: string) {
    this.set({ color });
  }
  get underline(): string {
    return this.get("underline");
  }
  set underline(underline: string) {
    this.set({ underline });
  }
  get strikethrough(): boolean {
    return this.get("strikethrough");
  }
  /** RangeFont.strikethrough: ExcelApi 1.9. */
  set strikethrough(strikethrough: boolean) {
    requires(this.ctx, "1.9", "RangeFont.strikethrough");
    this.set({ strikethrough });
  }
}

function requires(ctx: FakeContext, version: string, api: string): void {
  if (!ctx.data.isSetSupported("ExcelApi", version))
    throw new FakeOfficeError("ApiNotFound", `${api} needs ExcelApi ${version}.`);
}

type FakeBorder = { style: string; color: string; weight: string };

/** `range.format`: look and size. Widths and heights are in points, as in Office.js. */
class FormatProxy extends Proxy {
  readonly font: FontProxy;
  readonly fill: { color: string; pattern: string; clear(): void };
  readonly borders: { getItem(index: string): FakeBorder };
  constructor(
    ctx: FakeContext,
    private readonly range: RangeProxy
  ) {
    super(ctx);
    this.font = new FontProxy(ctx, range);
    const fill = { clear: () => range.write(fillNone) } as { color: string; pattern: string; clear(): void };
    Object.defineProperty(fill, "color", {
      set: (color: string) => range.write((c) => fillColor(c, color)),
    });
    Object.defineProperty(fill, "pattern", {
      set: (pattern: string) => {
        requires(ctx, "1.9", "RangeFill.pattern");
        range.write((c) => withProperties(c, { format: { fill: { pattern } } }));
      },
    });
    this.fill = fill;
    this.borders = {
      getItem: (index) => {
        const edges = EDGE_ITEMS[index];
        if (!edges) throw new FakeOfficeError("InvalidArgument", `No border ${index}.`);
        const border = {} as FakeBorder;
        for (const prop of ["style", "color", "weight"] as const)
          Object.defineProperty(border, prop, {
            set: (v: string) =>
              range.write((c, r, col, box) => {
                const mine = edges(box, r, col);
                const borders = Object.fromEntries(mine.map((e) => [e, { [prop]: v }]));
                return mine.length ? withProperties(c, { format: { borders } }) : c;
              }),
          });
        return border;
      },
    };
  }
  /** RangeFormat.protection (ExcelApi 1.2). */
  get protection(): { locked: boolean; formulaHidden: boolean } {
    requires(this.ctx, "1.2", "RangeFormat.protection");
    const set = (protection: Record<string, boolean>) =>
      this.range.write((c) => withProperties(c, { format: { protection } }));
    const out = {} as { locked: boolean; formulaHidden: boolean };
    Object.defineProperty(out, "locked", { set: (locked: boolean) => set({ locked }) });
    Object.defineProperty(out, "formulaHidden", { set: (formulaHidden: boolean) => set({ formulaHidden }) });
    return out;
  }
  protected override readers() {
    return {
      columnWidth: () => {
        const { sheet, box } = this.range.whereNow();
        const widths = new Set<number>();
        for (let c = box.left; c <= box.right; c++) widths.add(sheet.columnWidths.get(c) ?? DEFAULT_WIDTH_PT);
        return widths.size === 1 ? [...widths][0] : null;
      },
      rowHeight: () => {
        const { sheet, box } = this.range.whereNow();
        return sheet.rowHeights.get(box.top) ?? DEFAULT_HEIGHT_PT;
      },
    };
  }
  get columnWidth(): number {
    return this.get("columnWidth");
  }
  set columnWidth(w: number) {
    this.ctx.enqueue(() => {
      const { sheet, box } = this.range.whereNow();
      for (let c = box.left; c <= box.right; c++) sheet.columnWidths.set(c, w);
    });
  }
  get rowHeight(): number {
    return this.get("rowHeight");
  }
  set rowHeight(h: number) {
    this.ctx.enqueue(() => {
      const { sheet, box } = this.range.whereNow();
      for (let r = box.top; r <= box.bottom; r++) sheet.rowHeights.set(r, h);
    });
  }
  /** Gives the rows their automatic height back (the fake does not measure text). */
  autofitRows(): void {
    this.ctx.enqueue(() => {
      const { sheet, box } = this.range.whereNow();
      for (let r = box.top; r <= box.bottom; r++) sheet.rowHeights.delete(r);
    });
  }
  private look(format: Record<string, unknown>): void {
    this.range.write((c) => withProperties(c, { format }));
  }
  set wrapText(wrapText: boolean) {
    this.look({ wrapText });
  }
  set horizontalAlignment(horizontalAlignment: string) {
    this.look({ horizontalAlignment });
  }
  set verticalAlignment(verticalAlignment: string) {
    this.look({ verticalAlignment });
  }
  /** RangeFormat.indentLevel: ExcelApi 1.9. */
  set indentLevel(indentLevel: number) {
    requires(this.ctx, "1.9", "RangeFormat.indentLevel");
    this.look({ indentLevel });
  }
  /** RangeFormat.textOrientation: ExcelApi 1.7. */
  set textOrientation(textOrientation: number) {
    requires(this.ctx, "1.7", "RangeFormat.textOrientation");
    this.look({ textOrientation });
  }
}

const DEFAULT_WIDTH_PT = 48;
const DEFAULT_HEIGHT_PT = 15;

class RangeProxy extends Proxy {
  readonly format: FormatProxy;
  constructor(
    ctx: FakeContext,
    private readonly where: () => Where
  ) {
    super(ctx);
    this.format = new FormatProxy(ctx, this);
  }
  /** Where the range is, at sync time. */
  whereNow(): { sheet: FakeSheet; box: Box } {
    return this.at();
  }
  boxNow(): Box {
    return this.at().box;
  }
  topLeftNow(): FakeCell | undefined {
    const { sheet, box } = this.at();
    return sheet.cells.get(key(box.top, box.left));
  }
  /** Copies the look of `source` (ExcelApi 1.9), repeated over a larger range as Excel does. */
  copyFrom(source: RangeProxy | string, copyType = "All"): void {
    if (!this.ctx.data.isSetSupported("ExcelApi", "1.9"))
      throw new FakeOfficeError("ApiNotFound", "copyFrom needs ExcelApi 1.9.");
    if (copyType !== "Formats") throw new FakeOfficeError("NotImplemented", "The fake copies formats only.");
    const from = () => {
      if (typeof source !== "string") return source.whereNow();
      const { sheet } = this.at();
      return { sheet, box: parseAddress(source) };
    };
    this.ctx.enqueue(() => {
      const { sheet: src, box: s } = from();
      const looks = new Map<string, FakeCell | undefined>();
      for (let r = s.top; r <= s.bottom; r++)
        for (let c = s.left; c <= s.right; c++) looks.set(key(r, c), src.cells.get(key(r, c)));
      const rows = s.bottom - s.top + 1;
      const cols = s.right - s.left + 1;
      this.writeNow((c, r, col, box) => {
        const look = looks.get(key(s.top + ((r - box.top) % rows), s.left + ((col - box.left) % cols)));
        const next: FakeCell = { value: c.value };
        for (const k of LOOK)
          if (look?.[k] !== undefined)
            (next as unknown as Record<string, unknown>)[k] = structuredClone(look[k]);
        return next;
      });
    });
  }
  /** Undoes every merge the range touches (ExcelApi 1.2). */
  unmerge(): void {
    this.ctx.enqueue(() => {
      const { sheet, box } = this.at();
      sheet.merges = sheet.merges.filter((m) => {
        const b = parseAddress(m);
        return b.bottom < box.top || b.top > box.bottom || b.right < box.left || b.left > box.right;
      });
    });
  }
  /** The range's data validation (ExcelApi 1.8): its rule set, its type read. */
  get dataValidation(): DataValidationProxy {
    if (!this.ctx.data.isSetSupported("ExcelApi", "1.8")) {
      throw new FakeOfficeError("ApiNotFound", "dataValidation needs ExcelApi 1.8.");
    }
    return new DataValidationProxy(this.ctx, this);
  }
  /** Merges the range, and any merged area it touches, into one; never inside a table. */
  merge(_across?: boolean): void {
    this.ctx.enqueue(() => {
      const { sheet, box } = this.at();
      if (sheet.protected) throw new FakeOfficeError("AccessDenied", "The sheet is protected.");
      const inTable = sheet.tables.find((t) => meets(parseAddress(t.ref), box));
      if (inTable)
        throw new FakeOfficeError("InvalidOperation", `Cells in table ${inTable.name} cannot be merged.`);
      let merged = { ...box };
      const kept = sheet.merges.filter((m) => {
        const b = parseAddress(m);
        if (!meets(b, merged)) return true;
        merged = {
          top: Math.min(b.top, merged.top),
          left: Math.min(b.left, merged.left),
          bottom: Math.max(b.bottom, merged.bottom),
          right: Math.max(b.right, merged.right),
        };
        return false;
      });
      sheet.merges = [...kept, boxAddress(sheet.name, merged).split("!")[1] as string];
    });
  }
  /** The address at sync time, for operations that take a range argument. */
  addressNow(): string {
    const { sheet, box } = this.at();
    return boxAddress(sheet.name, box);
  }
  private at(): { sheet: FakeSheet; box: Box } {
    const w = this.where();
    if (!w) throw new FakeOfficeError("InvalidObjectPath", "The object is a null object.");
    return { sheet: this.ctx.data.sheet(w.sheet), box: w.box };
  }
  private grid<T>(f: (cell: FakeCell | undefined) => T): T[][] {
    const { sheet, box } = this.at();
    const cells = (box.bottom - box.top + 1) * (box.right - box.left + 1);
    if (cells > READ_CELL_LIMIT) {
      throw new FakeOfficeError("ResponsePayloadSizeLimitExceeded", "The range is too large to read.");
    }
    const grid = Array.from({ length: box.bottom - box.top + 1 }, (_, i) =>
      Array.from({ length: box.right - box.left + 1 }, (_, j) =>
        f(sheet.cells.get(key(box.top + i, box.left + j)))
      )
    );
    this.ctx.trackRead(cells, JSON.stringify(grid).length);
    return grid;
  }
  /** Queues a change of every cell of the range (a value, or its look). */
  write(
    change: (cell: FakeCell, row: number, col: number, box: Box) => FakeCell,
    values?: (FakeValue | null)[][]
  ): void {
    const bytes = values ? JSON.stringify(values).length : 0;
    this.ctx.addOutgoing(bytes);
    this.ctx.enqueue(() => this.writeNow(change, values, bytes));
  }
  writeNow(
    change: (cell: FakeCell, row: number, col: number, box: Box) => FakeCell,
    values?: (FakeValue | null)[][],
    bytes = 0
  ): void {
    const { sheet, box } = this.at();
    if (sheet.protected) {
      throw new FakeOfficeError(
        "AccessDenied",
        "You cannot perform the requested operation: the sheet is protected."
      );
    }
    const rows = box.bottom - box.top + 1;
    const cols = box.right - box.left + 1;
    if (values && (values.length !== rows || values.some((r) => r.length !== cols))) {
      throw new FakeOfficeError(
        "InvalidArgument",
        "The number of rows or columns in the input array doesn't match the size or dimensions of the range."
      );
    }
    // What a request carries is its values; a look or a clear is one small instruction for any size.
    if (values) this.ctx.trackWrite(rows * cols, bytes);
    for (let i = 0; i < rows; i++)
      for (let j = 0; j < cols; j++) {
        const k = key(box.top + i, box.left + j);
        const v = values?.[i]?.[j];
        if (values && (v === null || v === undefined)) continue; // null leaves the cell as it is, as in Office
        let next = change({ ...(sheet.cells.get(k) ?? { value: "" }) }, box.top + i, box.left + j, box);
        if (!values) next = canonical(next);
        if (values) {
          delete next.formula;
          delete next.quotePrefix;
          Object.assign(next, typedInput(v as FakeValue));
        }
        sheet.cells.set(k, next);
      }
    const wroteSomething = values?.some((r) => r.some((v) => v !== null && v !== undefined && v !== ""));
    if (wroteSomething) growTables(sheet, box);
  }
  protected override readers() {
    return {
      address: () => {
        const { sheet, box } = this.at();
        return boxAddress(sheet.name, box);
      },
      rowIndex: () => this.at().box.top - 1,
      columnIndex: () => this.at().box.left - 1,
      rowCount: () => this.at().box.bottom - this.at().box.top + 1,
      columnCount: () => this.at().box.right - this.at().box.left + 1,
      values: () => this.grid((c) => c?.value ?? ""),
      // Excel.Range.formulas (ExcelApi 1.1): a cell's formula, or its value where it has none.
      formulas: () => this.grid((c) => c?.formula ?? c?.value ?? ""),
      // Excel.Range.cellCount (ExcelApi 1.1).
      cellCount: () => {
        const { box } = this.at();
        return (box.bottom - box.top + 1) * (box.right - box.left + 1);
      },
      numberFormat: () => this.grid((c) => c?.format ?? "General"),
      valueTypes: () =>
        this.grid((c) => {
          const v = c?.value ?? "";
          if (v === "") return "Empty";
          if (typeof v === "number") return "Double";
          if (typeof v === "boolean") return "Boolean";
          if (c?.formula) return "Error";
          return /^#(DIV\/0!|N\/A|NAME\?|NULL!|NUM!|REF!|VALUE!|SPILL!|CALC!)$/.test(v) ? "Error" : "String";
        }),
      isNullObject: () => this.where() === null,
      // Excel.Range.columnHidden (ExcelApi 1.2): true when every column of the range is hidden,
      // false when none is, null when some are.
      columnHidden: () => {
        const { sheet, box } = this.at();
        let hidden = 0;
        for (let c = box.left; c <= box.right; c++) if (sheet.hiddenColumns.has(c)) hidden++;
        return hidden === 0 ? false : hidden === box.right - box.left + 1 ? true : null;
      },
    };
  }
  get columnHidden(): boolean | null {
    return this.get("columnHidden");
  }
  get address(): string {
    return this.get("address");
  }
  get rowIndex(): number {
    return this.get("rowIndex");
  }
  get columnIndex(): number {
    return this.get("columnIndex");
  }
  get rowCount(): number {
    return this.get("rowCount");
  }
  get columnCount(): number {
    return this.get("columnCount");
  }
  get values(): FakeValue[][] {
    return this.get("values");
  }
  get formulas(): FakeValue[][] {
    return this.get("formulas");
  }
  get cellCount(): number {
    return this.get("cellCount");
  }
  set values(values: (FakeValue | null)[][]) {
    this.write((c) => c, values);
  }
  get numberFormat(): string[][] {
    return this.get("numberFormat");
  }
  get valueTypes(): string[][] {
    return this.get("valueTypes");
  }
  get isNullObject(): boolean {
    return this.get("isNullObject");
  }
  /** Sets each cell's number format (Excel.Range.numberFormat, ExcelApi 1.1): a look, values kept. */
  set numberFormat(formats: string[][]) {
    this.ctx.addOutgoing(JSON.stringify(formats).length);
    this.ctx.enqueue(() =>
      this.writeNow((c, r, col, box) => {
        const f = formats[r - box.top]?.[col - box.left];
        if (f === undefined)
          throw new FakeOfficeError("InvalidArgument", "The number format array is too small.");
        const next = { ...c };
        if (f === "General") delete next.format;
        else next.format = f;
        return next;
      })
    );
  }
  /**
   * Each cell's properties as asked by the load options, in the response (Excel.Range.getCellProperties,
   * ExcelApi 1.9: "Returns a 2D array, encapsulating the data for each cell's font, fill, borders,
   * alignment, and other properties"); the properties the fake does not model read as Excel's defaults.
   */
  getCellProperties(options: Record<string, unknown>): { value: Record<string, unknown>[][] } {
    this.requires19("getCellProperties");
    const result = {} as { value: Record<string, unknown>[][] };
    this.ctx.enqueue(() => {
      const grid = this.grid((c) => pick(cellProperties(c), options));
      this.ctx.onResponse(() => void (result.value = grid));
    });
    return result;
  }
  /** Sets each cell's properties (Excel.Range.setCellProperties, ExcelApi 1.9); what is left out stays. */
  setCellProperties(grid: Record<string, unknown>[][]): void {
    this.requires19("setCellProperties");
    this.ctx.addOutgoing(JSON.stringify(grid).length);
    this.ctx.enqueue(() =>
      this.writeNow((c, r, col, box) => {
        const p = grid[r - box.top]?.[col - box.left];
        if (p === undefined)
          throw new FakeOfficeError("InvalidArgument", "The cell properties array is too small.");
        return withProperties(c, p);
      })
    );
  }
  /**
   * Each row's properties as the load options ask (Excel.Range.getRowProperties, ExcelApi 1.9;
   * "Excel.RowProperties": `rowIndex`, `rowHidden`, `format.rowHeight` in points, a hidden row's
   * height 0): one entry per row of the range, in the response.
   */
  getRowProperties(options: { rowIndex?: boolean; rowHidden?: boolean; format?: { rowHeight?: boolean } }): {
    value: Record<string, unknown>[];
  } {
    this.requires19("getRowProperties");
    const result = {} as { value: Record<string, unknown>[] };
    this.ctx.enqueue(() => {
      const { sheet, box } = this.at();
      const rows: Record<string, unknown>[] = [];
      for (let r = box.top; r <= box.bottom; r++) {
        const hidden = sheet.hiddenRows?.has(r) ?? false;
        rows.push({
          ...(options.rowIndex ? { rowIndex: r - 1 } : {}),
          ...(options.rowHidden ? { rowHidden: hidden } : {}),
          ...(options.format?.rowHeight
            ? { format: { rowHeight: hidden ? 0 : (sheet.rowHeights.get(r) ?? DEFAULT_HEIGHT_PT) } }
            : {}),
        });
      }
      this.ctx.trackRead(0, JSON.stringify(rows).length);
      this.ctx.onResponse(() => void (result.value = rows));
    });
    return result;
  }
  /**
   * Each column's properties (Excel.Range.getColumnProperties, ExcelApi 1.9; "Excel.ColumnProperties":
   * `columnIndex`, `columnHidden`, `format.columnWidth` in points, a hidden column's width 0).
   */
  getColumnProperties(options: {
    columnIndex?: boolean;
    columnHidden?: boolean;
    format?: { columnWidth?: boolean };
  }): { value: Record<string, unknown>[] } {
    this.requires19("getColumnProperties");
    const result = {} as { value: Record<string, unknown>[] };
    this.ctx.enqueue(() => {
      const { sheet, box } = this.at();
      const cols: Record<string, unknown>[] = [];
      for (let c = box.left; c <= box.right; c++) {
        const hidden = sheet.hiddenColumns.has(c);
        cols.push({
          ...(options.columnIndex ? { columnIndex: c - 1 } : {}),
          ...(options.columnHidden ? { columnHidden: hidden } : {}),
          ...(options.format?.columnWidth
            ? { format: { columnWidth: hidden ? 0 : (sheet.columnWidths.get(c) ?? DEFAULT_WIDTH_PT) } }
            : {}),
        });
      }
      this.ctx.trackRead(0, JSON.stringify(cols).length);
      this.ctx.onResponse(() => void (result.value = cols));
    });
    return result;
  }
  private requires19(api: string): void {
    if (!this.ctx.data.isSetSupported("ExcelApi", "1.9"))
      throw new FakeOfficeError("ApiNotFound", `${api} needs ExcelApi 1.9.`);
  }
  clear(applyTo?: string): void {
    // The apostrophe prefix and a formula belong to the content: clearing contents removes them.
    this.write((c) => {
      if (applyTo === "Formats") {
        const content: FakeCell = { value: c.value };
        if (c.formula !== undefined) content.formula = c.formula;
        if (c.quotePrefix) content.quotePrefix = true;
        return content;
      }
      if (applyTo !== "Contents") return { value: "" };
      const rest = { ...c, value: "" };
      delete rest.formula;
      delete rest.quotePrefix;
      return rest;
    });
  }
  /** `Range.getUsedRangeOrNullObject` (ExcelApi 1.4): the used part of this range, or a null object. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const { sheet, box } = this.at();
      const used = usedBox(sheet, valuesOnly === true, box);
      return used ? { sheet: sheet.name, box: used } : null;
    });
  }
  select(): void {
    this.ctx.enqueue(() => {
      const { sheet, box } = this.at();
      this.ctx.data.selection = {
        sheet: sheet.name,
        address: boxAddress(sheet.name, box).split("!")[1] as string,
      };
    });
  }
  getRow(i: number): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const { sheet, box } = this.at();
      return { sheet: sheet.name, box: { ...box, top: box.top + i, bottom: box.top + i } };
    });
  }
  /**
   * The cells whose formulas refer to this range, on any sheet (Excel.Range.getDirectDependents,
   * ExcelApi 1.13): "Throws an ItemNotFound error if no dependents are found". The fake takes a
   * formula naming the range's sheet (`'KQ X'!C12`) as depending on it.
   */
  getDirectDependents(): { addresses: string[]; load(p: string): unknown } {
    if (!this.ctx.data.isSetSupported("ExcelApi", "1.13"))
      throw new FakeOfficeError("ApiNotFound", "getDirectDependents needs ExcelApi 1.13.");
    const out: { addresses: string[]; load(p: string): unknown } = { addresses: [], load: () => out };
    this.ctx.enqueue(() => {
      const { sheet } = this.at();
      const plain = new RegExp(`(^|[^\\w.'])${sheet.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}!`, "i");
      const quoted = `'${sheet.name.replace(/'/g, "''")}'!`.toLowerCase();
      const hits: string[] = [];
      for (const s of this.ctx.data.sheets)
        for (const [k, c] of s.cells) {
          const f = c.formula?.toLowerCase();
          if (f === undefined || s === sheet || !(f.includes(quoted) || plain.test(c.formula as string)))
            continue;
          const [r, col] = k.split(":").map(Number) as [number, number];
          hits.push(boxAddress(s.name, { top: r, left: col, bottom: r, right: col }));
        }
      if (!hits.length) throw new FakeOfficeError("ItemNotFound", "No dependents were found.");
      this.ctx.onResponse(() => void (out.addresses = hits));
    });
    return out;
  }
  getMergedAreasOrNullObject(): RangeAreasProxy {
    if (!this.ctx.data.isSetSupported("ExcelApi", "1.13")) {
      throw new FakeOfficeError(
        "ApiNotFound",
        "getMergedAreasOrNullObject is not available in this version of Excel."
      );
    }
    return new RangeAreasProxy(this.ctx, () => {
      const { sheet, box } = this.at();
      // The merged areas in the range, those that reach into it from outside included.
      const inside = sheet.merges.filter((m) => meets(parseAddress(m), box));
      return inside.length ? inside.map((m) => boxAddress(sheet.name, parseAddress(m))).join(",") : null;
    });
  }
}

const EDGES = ["top", "bottom", "left", "right"] as const;

/** A cell's properties as Excel reports them (CellProperties, ExcelApi 1.9), defaults where it has no look. */
function cellProperties(c: FakeCell | undefined): Record<string, unknown> {
  const border = (e: Edge) => {
    const style = c?.borders?.[e] ?? "None";
    return { style, ...DEFAULT_LINE, ...(style === "None" ? {} : c?.borderLines?.[e]) };
  };
  return {
    format: {
      fill: {
        color: c?.fill ?? "#FFFFFF",
        pattern: c?.fill ? (c.fillPattern ?? "Solid") : "None",
      },
      font: { ...DEFAULT_FONT, ...c?.font, bold: c?.bold ?? false },
      borders: Object.fromEntries(EDGES.map((e) => [e, border(e)])),
      horizontalAlignment: c?.horizontal ?? "General",
      verticalAlignment: c?.vertical ?? "Bottom",
      wrapText: c?.wrap ?? false,
      indentLevel: c?.indent ?? 0,
      textOrientation: c?.orientation ?? 0,
      protection: { locked: c?.locked ?? true, formulaHidden: c?.formulaHidden ?? false },
    },
    style: "Normal",
  };
}

/** Only what the load options ask for (`true`, or an object of the nested properties). */
function pick(value: Record<string, unknown>, options: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, want] of Object.entries(options)) {
    if (!want || !(k in value)) continue;
    const v = value[k];
    // The borders' load options are each edge's (CellPropertiesBorderLoadOptions).
    const each = k === "borders" && typeof want === "object" && v !== null && typeof v === "object";
    out[k] = each
      ? Object.fromEntries(
          Object.entries(v).map(([e, b]) => [
            e,
            pick(b as Record<string, unknown>, want as Record<string, unknown>),
          ])
        )
      : typeof want === "object" && v !== null && typeof v === "object"
        ? pick(v as Record<string, unknown>, want as Record<string, unknown>)
        : v;
  }
  return out;
}

/** A cell with the properties set (what is left out stays); `canonical` makes defaults no look. */
function withProperties(c: FakeCell, p: Record<string, unknown>): FakeCell {
  const f = (p.format ?? {}) as {
    fill?: { color?: string; pattern?: string };
    font?: Partial<typeof DEFAULT_FONT> & { bold?: boolean };
    borders?: Partial<Record<Edge, { style?: string; color?: string; weight?: string }>>;
    horizontalAlignment?: string;
    verticalAlignment?: string;
    wrapText?: boolean;
    indentLevel?: number;
    textOrientation?: number;
    protection?: { locked?: boolean; formulaHidden?: boolean };
  };
  let next: FakeCell = { ...c };
  if (f.fill) {
    if (f.fill.pattern === "None") next = fillNone(next);
    else {
      if (f.fill.color !== undefined) next = fillColor(next, f.fill.color);
      if (f.fill.pattern !== undefined) next = { ...next, fillPattern: f.fill.pattern };
    }
  }
  if (f.font) {
    const { bold, ...font } = f.font;
    next = { ...next, font: { ...next.font, ...font } };
    if (bold !== undefined) next.bold = bold;
  }
  for (const e of EDGES) {
    const b = f.borders?.[e];
    if (!b) continue;
    if (b.style !== undefined) next = { ...next, borders: { ...next.borders, [e]: b.style } };
    const line = {
      ...(b.color !== undefined ? { color: b.color } : {}),
      ...(b.weight !== undefined ? { weight: b.weight } : {}),
    };
    if (Object.keys(line).length)
      next = { ...next, borderLines: { ...next.borderLines, [e]: { ...next.borderLines?.[e], ...line } } };
  }
  if (f.horizontalAlignment !== undefined) next.horizontal = f.horizontalAlignment;
  if (f.verticalAlignment !== undefined) next.vertical = f.verticalAlignment;
  if (f.wrapText !== undefined) next.wrap = f.wrapText;
  if (f.indentLevel !== undefined) next.indent = f.indentLevel;
  if (f.textOrientation !== undefined) next.orientation = f.textOrientation;
  if (f.protection?.locked !== undefined) next = locked(next, f.protection.locked);
  if (f.protection?.formulaHidden !== undefined) next = formulaHidden(next, f.protection.formulaHidden);
  return canonical(next);
}

/** RangeFill.clear(): "Resets the range background" — no fill, no pattern. */
const fillNone = (c: FakeCell): FakeCell => ({ ...c, fill: undefined, fillPattern: undefined });
/** RangeFill.color: a solid fill of that colour. */
const fillColor = (c: FakeCell, color: string): FakeCell => ({ ...c, fill: color, fillPattern: undefined });
const locked = (c: FakeCell, on: boolean): FakeCell => ({ ...c, locked: on ? undefined : false });
const formulaHidden = (c: FakeCell, on: boolean): FakeCell => ({
  ...c,
  formulaHidden: on ? true : undefined,
});

/**
 * Excel.DataValidation (ExcelApi 1.8): `rule` sets a list; `type` reads `None` when no cell of the
 * range has a rule, the rule's type when every cell has it, `Inconsistent` when only some do.
 */
class DataValidationProxy extends Proxy {
  constructor(
    ctx: FakeContext,
    private readonly range: RangeProxy
  ) {
    super(ctx);
  }
  protected override readers() {
    return {
      type: () => {
        const { sheet, box } = this.range.whereNow();
        const rules = sheet.validations.map((v) => parseAddress(v.address));
        let ruled = 0;
        for (let r = box.top; r <= box.bottom; r++)
          for (let c = box.left; c <= box.right; c++)
            if (rules.some((b) => r >= b.top && r <= b.bottom && c >= b.left && c <= b.right)) ruled++;
        const cells = (box.bottom - box.top + 1) * (box.right - box.left + 1);
        return ruled === 0 ? "None" : ruled === cells ? "List" : "Inconsistent";
      },
    };
  }
  get type(): string {
    return this.get("type");
  }
  set rule(rule: { list: { inCellDropDown: boolean; source: string } }) {
    this.ctx.enqueue(
      () =>
        void this.range
          .whereNow()
          .sheet.validations.push({ address: this.range.addressNow(), source: rule.list.source })
    );
  }
}

class RangeAreasProxy extends Proxy {
  constructor(
    ctx: FakeContext,
    private readonly areas: () => string | null
  ) {
    super(ctx);
  }
  protected override readers() {
    return { address: () => this.areas() ?? "", isNullObject: () => this.areas() === null };
  }
  get address(): string {
    return this.get("address");
  }
  get isNullObject(): boolean {
    return this.get("isNullObject");
  }
}

class NameCollection extends Proxy {
  constructor(
    ctx: FakeContext,
    private readonly scope: (() => string | null) | undefined
  ) {
    super(ctx);
  }
  private mine(): FakeName[] {
    const scope = this.scope?.();
    if (scope === null) return []; // the names of a null worksheet
    return this.ctx.data.names.filter((n) => n.scope === scope);
  }
  protected override readers() {
    return { items: () => this.mine().map((n) => new NamedItemProxy(this.ctx, n)) };
  }
  get items(): NamedItemProxy[] {
    return this.get("items");
  }
  add(name: string, reference: RangeProxy | string): NamedItemProxy {
    const item: FakeName = { name, ref: "" };
    if (typeof reference === "string") {
      // As Excel: a text constant in a formula holds at most 255 characters.
      for (const m of reference.matchAll(/"((?:[^"]|"")*)"/g))
        if ((m[1] as string).replace(/""/g, '"').length > 255)
          throw new FakeOfficeError(
            "InvalidArgument",
            "Text values in formulas are limited to 255 characters."
          );
      item.formula = reference;
    }
    this.ctx.enqueue(() => {
      const scope = this.scope?.() ?? undefined;
      if (this.mine().some((n) => n.name.toLowerCase() === name.toLowerCase())) {
        throw new FakeOfficeError("ItemAlreadyExists", `The name ${name} already exists.`);
      }
      const sheet = scope ? this.ctx.data.sheet(scope) : undefined;
      if (sheet?.protected) throw new FakeOfficeError("AccessDenied", "The sheet is protected.");
      if (this.ctx.data.failNames?.test(name)) {
        this.ctx.data.failNames = null;
        throw new FakeOfficeError("GeneralException", "An internal error has occurred.");
      }
      if (typeof reference !== "string") item.ref = reference.addressNow();
      if (scope !== undefined) item.scope = scope;
      this.ctx.data.names.push(item);
    });
    return new NamedItemProxy(this.ctx, item);
  }
  /** `NamedItemCollection.getItemOrNullObject` (ExcelApi 1.4). */
  getItemOrNullObject(name: string): NamedItemProxy {
    return new NamedItemProxy(this.ctx, null, () => {
      const n = this.mine().find((x) => x.name.toLowerCase() === name.toLowerCase());
      return n ?? null;
    });
  }
  getItem(name: string): NamedItemProxy {
    const found = () => this.mine().find((n) => n.name.toLowerCase() === name.toLowerCase());
    return new NamedItemProxy(this.ctx, null, () => {
      const n = found();
      if (!n) throw new FakeOfficeError("ItemNotFound", `The name ${name} does not exist.`);
      return n;
    });
  }
}

/** What a formula of text constants joined by `&` evaluates to (null: any other formula). */
function textOf(formula: string): string | null {
  const body = formula.trim().replace(/^=/, "");
  if (!/^\s*"(?:[^"]|"")*"\s*(&\s*"(?:[^"]|"")*"\s*)*$/.test(body)) return null;
  return [...body.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => (m[1] as string).replace(/""/g, '"')).join("");
}

class NamedItemProxy extends Proxy {
  constructor(
    ctx: FakeContext,
    private readonly item: FakeName | null,
    private readonly lookup?: () => FakeName | null
  ) {
    super(ctx);
  }
  private data(): FakeName {
    const n = this.item ?? (this.lookup as () => FakeName | null)();
    if (!n) throw new FakeOfficeError("InvalidObjectPath", "The object is a null object.");
    return n;
  }
  get isNullObject(): boolean {
    return this.get("isNullObject");
  }
  protected override readers() {
    return {
      isNullObject: () => (this.item ?? (this.lookup as () => FakeName | null)()) === null,
      name: () => this.data().name,
      type: () => {
        const f = this.data().formula;
        return f === undefined ? "Range" : textOf(f) === null ? "Error" : "String";
      },
      value: () => {
        const f = this.data().formula;
        return f === undefined ? this.data().ref : (textOf(f) ?? "#NAME?");
      },
      visible: () => this.data().visible ?? true,
    };
  }
  set visible(visible: boolean) {
    this.ctx.enqueue(() => void (this.data().visible = visible));
  }
  get name(): string {
    return this.get("name");
  }
  get type(): string {
    return this.get("type");
  }
  get value(): string {
    return this.get("value");
  }
  delete(): void {
    this.ctx.enqueue(() => {
      const n = this.data();
      const sheet = n.scope ? this.ctx.data.sheet(n.scope) : undefined;
      if (sheet?.protected) throw new FakeOfficeError("AccessDenied", "The sheet is protected.");
      this.ctx.data.names = this.ctx.data.names.filter((x) => x !== n);
    });
  }
}
