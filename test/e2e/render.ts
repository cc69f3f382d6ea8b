// LibreOffice as a printer: workbooks to PDF (every sheet with its page setup, widths, borders and
// print areas), the PDF to PNG pictures a person looks at, and to text the tests read page by page.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { basename, join } from "node:path";

export const soffice = ["/usr/bin/soffice", "/usr/bin/libreoffice"].find(existsSync);
const tools = ["pdftotext", "pdftoppm"];

export function requireTools(): void {
  if (!soffice)
    throw new Error("LibreOffice is missing: apt-get install -y libreoffice-calc-nogui (.ci/run does)");
  for (const t of tools) {
    try {
      execFileSync(t, ["-v"], { stdio: "pipe" });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT")
        throw new Error(`${t} is missing: apt-get install -y poppler-utils (.ci/run does)`);
    }
  }
}

/** Converts workbooks with LibreOffice (`csv:…` or `pdf`) into `outDir`, in one run. */
export function convert(files: string[], to: string, outDir: string, profile: string): void {
  execFileSync(
    soffice as string,
    [
      "--headless",
      `-env:UserInstallation=file://${profile}`,
      "--convert-to",
      to,
      "--outdir",
      outDir,
      ...files,
    ],
    { stdio: "pipe", timeout: 180000 }
  );
}

/** The text of each printed page, whitespace folded to single spaces. */
export function pdfPages(pdf: string): string[] {
  const text = execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const pages = text.split("\f");
  if (pages.at(-1)?.trim() === "") pages.pop();
  return pages.map((p) => p.replace(/\s+/g, " ").trim());
}

/** Pictures of every page, `NAME-1.png`…, kept in `outDir` for people to look at. */
export function pictures(pdf: string, outDir: string, dpi = 70): void {
  mkdirSync(outDir, { recursive: true });
  execFileSync("pdftoppm", ["-png", "-r", String(dpi), pdf, join(outDir, basename(pdf, ".pdf"))]);
}
