// `npm run package`: the ready-to-copy `hoctap` folder for Windows, so an office's IT never builds
// from source — the two built files of lib/cli, a `hoctap.cmd` launcher that finds Node.js, and a
// one-page Vietnamese guide — in release/hoctap/, and the same folder zipped as release/hoctap.zip.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { zipSync } from "fflate";

const ROOT = join(__dirname, "..");
const BUILT = ["main.js", "check-worker.js"] as const;

/** Windows text: CRLF line ends (cmd mislays labels in a batch file with bare LF). */
const crlf = (text: string) => text.replace(/\r?\n/g, "\r\n");
/** Notepad and older editors take a UTF-8 file with a byte order mark for UTF-8, whatever the locale. */
const BOM = "\ufeff";

/** The folder's files by name: the built CLI as built, the launcher and the guide made for Windows. */
export function packageFiles(root = ROOT): Record<string, Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  for (const name of BUILT) {
    const path = join(root, "lib", "cli", name);
    if (!existsSync(path)) throw new Error(`${path} is missing: run npm run build:cli first`);
    files[name] = readFileSync(path);
  }
  const windows = join(root, "scripts", "windows");
  // No byte order mark in the launcher: cmd would read it as part of `@echo off`.
  files["hoctap.cmd"] = Buffer.from(crlf(readFileSync(join(windows, "hoctap.cmd"), "utf8")), "utf8");
  files["HUONG-DAN.txt"] = Buffer.from(
    BOM + crlf(readFileSync(join(windows, "HUONG-DAN.txt"), "utf8")),
    "utf8"
  );
  return files;
}

/** Writes release/hoctap/ (replacing an earlier one) and release/hoctap.zip; returns the folder. */
export function writePackage(root = ROOT, out = join(root, "release")): string {
  const files = packageFiles(root);
  const folder = join(out, "hoctap");
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(folder, name), bytes);
  // A fixed date inside the zip: the same build gives the same bytes.
  const mtime = new Date("2025-01-01T00:00:00Z");
  const zipped = zipSync(
    Object.fromEntries(Object.entries(files).map(([n, b]) => [`hoctap/${n}`, [b, { mtime }]])),
    { level: 9 }
  );
  writeFileSync(join(out, "hoctap.zip"), zipped);
  return folder;
}

if (require.main === module) {
  const folder = writePackage();
  process.stdout.write(
    `hoctap for Windows: ${folder} (${Object.keys(packageFiles()).join(", ")}) and ${join(ROOT, "release", "hoctap.zip")}\n`
  );
}
