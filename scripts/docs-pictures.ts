// The guides' pictures, redrawn from what the product shows: the pane at 320 × 620 as the browser
// tests captured it (run `npm run build && npm run test:e2e` first), and real `hoctap` output drawn
// as a Command Prompt window. Usage: `npx tsx scripts/docs-pictures.ts` (after `npm run build:cli`).
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launchChromium } from "../test/e2e/harness";

const ROOT = join(__dirname, "..");
const SHOTS = join(ROOT, "test-results");
const DOCS = join(ROOT, "docs");

/** docs/pane/<name>.png ← test-results/<state>-320x620-light-vi.png */
const PANE: Record<string, string> = {
  loi: "20-commune-issues",
  "ket-qua": "21-commune-result",
  "chon-cot": "4-setup",
  "tao-trang-tinh": "10-new-sheets",
  "danh-sach-dai": "9-crowded-more",
  "tham-dinh-them-cot": "council-add",
  "tham-dinh-ket-qua": "council-verdict",
  "phong-nhieu-don-vi": "department",
  "danh-sach-tao-trang-tinh": "sheets-decision",
};

function copyPane(): void {
  mkdirSync(join(DOCS, "pane"), { recursive: true });
  for (const [name, state] of Object.entries(PANE)) {
    const shot = join(SHOTS, `${state}-320x620-light-vi.png`);
    if (!existsSync(shot)) throw new Error(`${shot} is missing: run npm run build && npm run test:e2e first`);
    copyFileSync(shot, join(DOCS, "pane", `${name}.png`));
  }
}

/** What the officer would type and see: `hoctap` run on a copy of an example, its paths as on Windows. */
function session(args: string[], files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "hoctap-docs-"));
  mkdirSync(join(dir, "Nop bai"));
  for (const [name, example] of Object.entries(files))
    copyFileSync(join(ROOT, "test", "fixtures", "examples", example), join(dir, "Nop bai", name));
  const run = spawnSync(process.execPath, [join(ROOT, "lib", "cli", "main.js"), ...args], {
    cwd: dir,
    encoding: "utf8",
  });
  const windows = (text: string) => text.replace(/bai\//g, "bai\\");
  const typed = args.map((a) => (/\s/.test(a) ? `"${a}"` : a)).join(" ");
  return `D:\\>C:\\hoctap\\hoctap ${windows(typed)}\n${windows(run.stderr + run.stdout)}\nD:\\>`;
}

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

async function drawConsole(text: string, file: string, width = 980): Promise<void> {
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width, height: 200 }, deviceScaleFactor: 1 });
  await page.setContent(`<!doctype html><meta charset="utf-8"><body style="margin:0;background:#fff">
    <div style="border:1px solid #888;font:12px 'Segoe UI',sans-serif">
      <div style="background:#fff;color:#000;padding:6px 10px;border-bottom:1px solid #ddd">Command Prompt</div>
      <pre style="margin:0;padding:8px 10px;background:#0c0c0c;color:#cccccc;font:13px/1.35 'DejaVu Sans Mono','Liberation Mono',monospace;white-space:pre-wrap">${escape(text)}</pre>
    </div></body>`);
  await page.locator("body > div").screenshot({ path: file });
  await browser.close();
}

async function main(): Promise<void> {
  copyPane();
  mkdirSync(join(DOCS, "cli"), { recursive: true });
  await drawConsole(
    session(["check", "Nop bai/Xa An Hoa.xlsx"], { "Xa An Hoa.xlsx": "xa-an-hoa.xlsx" }),
    join(DOCS, "cli", "kiem-tra.png")
  );
  // The path typed without quotes, said in one line with the command to type.
  await drawConsole(
    session(["check", "Nop", "bai/Xa", "An", "Hoa.xlsx"], { "Xa An Hoa.xlsx": "xa-an-hoa.xlsx" }),
    join(DOCS, "cli", "ngoac-kep.png")
  );
  process.stdout.write(`pictures written under ${DOCS}/pane and ${DOCS}/cli\n`);
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
