// A folder's files that are not spreadsheets are named (the first five), so that a department sees
// the unit that sent only a PDF or a scan and can ask for the Excel file.
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { batchInputs } from "../../src/cli/batch";
import type { Console } from "../../src/cli/io";

function notes(args: string[], lang: "vi" | "en"): { files: string[]; notes: string[] } {
  const said: string[] = [];
  const io = { note: (l: string) => said.push(l), warn: (l: string) => said.push(l) } as unknown as Console;
  return { files: batchInputs(args, lang, io), notes: said };
}

test("two others named; a lock file counted, not named", () => {
  const dir = mkdtempSync(join(tmpdir(), "hoctap-skipped-"));
  copyFileSync(join(__dirname, "..", "fixtures", "examples", "xa-an-hoa.xlsx"), join(dir, "Xã An Hòa.xlsx"));
  writeFileSync(join(dir, "~$Xã An Hòa.xlsx"), "lock");
  mkdirSync(join(dir, "Xã Tân Lập"));
  writeFileSync(join(dir, "Xã Tân Lập", "Báo cáo tự đánh giá.pdf"), "%PDF-1.4");
  writeFileSync(join(dir, "Ghi chú.txt"), "x");
  const run = notes([dir], "vi");
  expect(run.files).toHaveLength(1);
  // In the order the folder is walked (names sorted, a subfolder where its name falls).
  expect(run.notes).toEqual([
    "bỏ qua 1 tệp khoá ~$ của Excel và 2 tệp không phải bảng tính (“Ghi chú.txt”, “Báo cáo tự đánh giá.pdf”)",
  ]);
});

test("a folder of evidence: five named, the rest counted", () => {
  const dir = mkdtempSync(join(tmpdir(), "hoctap-skipped-"));
  copyFileSync(join(__dirname, "..", "fixtures", "examples", "xa-an-hoa.xlsx"), join(dir, "Xã An Hòa.xlsx"));
  for (let i = 1; i <= 8; i++) writeFileSync(join(dir, `Minh chứng ${i}.jpg`), "x");
  const vi = notes([dir], "vi").notes[0] as string;
  expect(vi).toMatch(/^bỏ qua 8 tệp không phải bảng tính \((“Minh chứng \d\.jpg”, ){5}và 3 tệp khác\)$/);
  expect(notes([dir], "en").notes[0]).toMatch(/^skipped 8 file\(s\) not a spreadsheet \(.*, and 3 more\)$/);
});
