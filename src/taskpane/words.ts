// How the pane words what the shared core says: the officer is in Excel, so a message never sends
// them to a command-line option, and a group without a title in the set is titled as their sheet.
import type { SheetCheck } from "../core/checks/check";
import { cellAt, cellText, type WorkbookSnapshot } from "../core/model/snapshot";
import type { Lang } from "../core/model/lang";
import { withoutOptions } from "../core/model/officer-words";

/**
 * A core message as the pane shows it: the `hoctap` options it offers beside the pane's *Chọn cột*
 * (`… chọn cột trong ngăn add-in (Chọn cột) hoặc dùng --map evidence=F; …`) left out.
 */
export function forPane(message: string, lang: Lang): string {
  const here = lang === "vi" ? "trong phần “Chọn cột”" : "in “Choose columns”";
  return withoutOptions(message)
    .replace(/trong ngăn add-in \(Chọn cột\)/g, here)
    .replace(/in the add-in \(Chọn cột\)/g, here);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** `Tiêu chí 1. Lãnh đạo, chỉ đạo` → `Lãnh đạo, chỉ đạo`; `Tiêu chí 1` → ``; `Lãnh đạo` as it is. */
export function ownWords(text: string, word: string): string {
  const lead = new RegExp(
    `^\\s*(?:${escape(word.normalize("NFC"))}\\s*)?[\\dIVX]+(?:\\.\\d+)*(?=[\\s.:)–-]|$)\\s*[.:)–-]?\\s*`,
    "iu"
  );
  return text.normalize("NFC").replace(lead, "").trim();
}

/**
 * A standard's or criterion's title: the set's own where it has one (the circular's words), else
 * the words the officer's sheet gives that row (its content cell, or its code cell after
 * `Tiêu chí 1.`); none when neither has one.
 */
export function groupTitle(
  check: SheetCheck,
  snapshot: WorkbookSnapshot,
  group: { row: number | null; number: number },
  layer: "standard" | "criterion"
): string | undefined {
  const groups = layer === "criterion" ? check.framework.criteria : check.framework.standards;
  const own = groups[group.number - 1]?.title;
  const sheet = snapshot.sheets.find((s) => s.name === check.report.sheet);
  if (own || !sheet || group.row === null) return own;
  const word = check.report.framework.layers[layer]?.name ?? "";
  for (const col of [check.layout.columns.content, check.layout.columns.code]) {
    if (col === undefined) continue;
    const title = ownWords(cellText(cellAt(sheet, group.row, col).value), word);
    if (title) return title;
  }
  return undefined;
}
