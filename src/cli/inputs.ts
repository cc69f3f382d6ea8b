// What the officer names on the command line, expanded by the tool itself (Windows passes `*`
// through): files, folders (recursively) and wildcards. What a folder or wildcard brings that is not
// a spreadsheet (Excel's `~$…` lock files, other extensions) is skipped and counted; a spreadsheet
// in another format (`.xls`, `.xlsb`, `.ods`) is tried like a file named explicitly, so the
// department sees which unit must save it again as `.xlsx`.
import { readdirSync, statSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";

export interface Inputs {
  files: string[];
  /** Skipped from folders and wildcards: Excel lock files counted, files of other kinds by path. */
  skipped: { lock: number; other: string[] };
  /** Wildcards that matched nothing. */
  unmatched: string[];
}

const WORKBOOK = /\.(xlsx|xlsm|xls|xlsb|ods)$/i;
const WILDCARD = /[*?]/;

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function entries(dir: string): { name: string; dir: boolean }[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .map((e) => ({ name: e.name, dir: e.isDirectory() }))
      .sort((a, b) => a.name.localeCompare(b.name));
  } catch {
    return [];
  }
}

function walk(dir: string, out: string[]): void {
  for (const e of entries(dir)) {
    const path = join(dir, e.name);
    if (e.dir) walk(path, out);
    else out.push(path);
  }
}

/** `*.xlsx` → a regular expression for one path segment (case-insensitive, as on Windows). */
function segmentPattern(glob: string): RegExp {
  const body = glob
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, "[^/\\\\]*")
    .replace(/\?/g, "[^/\\\\]");
  return new RegExp(`^${body}$`, "i");
}

/** The paths a wildcard pattern matches: `*` and `?` within a segment, `**` across folders. */
export function expandWildcard(pattern: string): string[] {
  const parts = pattern.split(process.platform === "win32" ? /[\\/]/ : /\//);
  const firstWild = parts.findIndex((p) => WILDCARD.test(p));
  let root = parts.slice(0, firstWild).join(sep) || (isAbsolute(pattern) ? sep : ".");
  if (/^[A-Za-z]:$/.test(root)) root += sep; // `D:\*.xlsx`: the drive's root, not its current folder
  let paths = [root];
  for (const part of parts.slice(firstWild)) {
    if (part === "**") {
      paths = paths.flatMap((p) => {
        const all = [p];
        const dirs = (d: string): void =>
          entries(d)
            .filter((e) => e.dir)
            .forEach((e) => {
              all.push(join(d, e.name));
              dirs(join(d, e.name));
            });
        dirs(p);
        return all;
      });
    } else if (WILDCARD.test(part)) {
      const re = segmentPattern(part);
      paths = paths.flatMap((p) =>
        entries(p)
          .filter((e) => re.test(e.name))
          .map((e) => join(p, e.name))
      );
    } else paths = paths.map((p) => join(p, part));
  }
  return paths.filter((p) => statOk(p) && !isDirectory(p));
}

export function expandInputs(args: string[]): Inputs {
  const out: Inputs = { files: [], skipped: { lock: 0, other: [] }, unmatched: [] };
  const seen = new Set<string>();
  const add = (path: string) => {
    const key = resolve(path);
    if (!seen.has(key)) {
      seen.add(key);
      out.files.push(path);
    }
  };
  const found = (path: string) => {
    const name = basename(path);
    if (name.startsWith("~$")) out.skipped.lock++;
    else if (!WORKBOOK.test(name)) out.skipped.other.push(path);
    else add(path);
  };
  for (const arg of args) {
    if (isDirectory(arg)) {
      const files: string[] = [];
      walk(arg, files);
      files.forEach(found);
    } else if (WILDCARD.test(arg) && !statOk(arg)) {
      const matched = expandWildcard(arg);
      if (matched.length === 0) out.unmatched.push(arg);
      matched.forEach(found);
    } else add(arg);
  }
  return out;
}

function statOk(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

/** The folder every input sits in (its deepest common folder). */
export function commonFolder(files: string[]): string {
  if (files.length === 0) return resolve(".");
  const split = files.map((f) => dirname(resolve(f)).split(sep));
  const first = split[0] as string[];
  let n = first.length;
  for (const s of split) {
    let i = 0;
    while (i < n && s[i] === first[i]) i++;
    n = i;
  }
  return first.slice(0, n).join(sep) || sep;
}

/** A file's path from the common folder (`anlao/Bang tu danh gia.xlsx`), for the summary and `--out-dir`. */
export function fromCommon(file: string, common: string): string {
  return relative(common, resolve(file));
}
