// Which cells of the product's named ranges are still the product's. With a fingerprint, its record
// says (model/owned.ts). Without one (results written before fingerprints existed, or saved since by
// a program that drops hidden names) nothing says what the product wrote, so only cells holding its
// own words (or nothing) are taken as its: a note the officer typed into a result cell stays, through
// a second run and through `clean`.
import { RULES } from "../model/issues";
import { isOwned, ownership, type Ownership } from "../model/owned";
import { a1 } from "../model/a1";
import { cellAt, cellText, isBlank, type RangeRef, type WorkbookSnapshot } from "../model/snapshot";
import { fold } from "../model/text";
import { issueNote } from "../checks/issue-messages";

const HEADERS = ["Mức tính toán", "Ghi chú kiểm tra", "Computed level", "Check notes"];
/** A level as the product writes it: `Mức 2`, `Mức độ 2 (Tốt)`, `Level 1`, `Không đạt`, `Chưa xác định`. */
const LEVEL = /^((muc( do)?|level) \d{1,2}( \([^)]*\))?|khong dat|not achieved|chua xac dinh|undetermined)$/;
/** The result block's lines, as resultLines writes them. */
const BLOCK =
  /^(ket qua kiem tra tu danh gia|self-assessment check result|de nghi cong nhan|proposed recognition|muc du kien|expected level|chua du dieu kien|not yet eligible|– |thoi han|validity|bo tieu chi|criteria set|ngay kiem tra|checked on|so loi|errors)/;

let notes: Set<string> | undefined;

/** Every few words the result column may hold, folded (a leaf's word aside: `Trùng chỉ tiêu`). */
function notePhrases(): Set<string> {
  if (notes) return notes;
  notes = new Set();
  for (const lang of ["vi", "en"] as const)
    for (const rule of RULES)
      for (const self of [0, 1])
        notes.add(fold(issueNote(rule, lang, { self, computed: 0, leaf: "" }).trim()));
  return notes;
}

/** Words the product writes into the officer's sheet: a header, a level, notes, a line of the block. */
export function productWords(text: string): boolean {
  const f = fold(text);
  if (HEADERS.some((h) => fold(h) === f) || LEVEL.test(f) || BLOCK.test(f)) return true;
  const phrases = notePhrases();
  return f.split("; ").every((p) => phrases.has(p) || /^(trung|duplicate)\b/.test(p));
}

/**
 * Each named range as runs of cells that are blank or hold the product's words, row by row; alike
 * runs on rows below one another are joined (the block's lines, a column of levels).
 */
function productRuns(wb: WorkbookSnapshot, sheet: string, named: RangeRef[]): RangeRef[] {
  const snap = wb.sheets.find((s) => s.name === sheet);
  if (!snap) return named;
  const runs: RangeRef[] = [];
  for (const r of named) {
    const open = new Map<string, RangeRef>();
    for (let row = r.top; row <= r.bottom; row++) {
      let start: number | null = null;
      for (let col = r.left; col <= r.right + 1; col++) {
        const text = col > r.right ? null : cellText(cellAt(snap, row, col).value);
        const ours = text !== null && (text === "" || productWords(text));
        if (ours && start === null) start = col;
        if (!ours && start !== null) {
          // A run under one just like it (the block's lines, a column of levels) grows it downwards.
          const above = open.get(`${start}:${col - 1}`);
          if (above && above.bottom === row - 1) above.bottom = row;
          else {
            const run = { top: row, bottom: row, left: start, right: col - 1 };
            runs.push(run);
            open.set(`${start}:${col - 1}`, run);
          }
          start = null;
        }
      }
    }
  }
  return runs;
}

/** The product's cells on a sheet, a fingerprint's record or, without one, the product's own words. */
export function ownedByProduct(wb: WorkbookSnapshot, sheet: string): Ownership {
  const own = ownership(wb, sheet);
  if (own.state !== "legacy") return own;
  return { ...own, ours: productRuns(wb, sheet, own.ours) };
}

/** The officer's cells inside the product's named ranges (what they typed there, kept): `I12`, …. */
export function keptCells(wb: WorkbookSnapshot, sheet: string, own = ownedByProduct(wb, sheet)): string[] {
  const snap = wb.sheets.find((s) => s.name === sheet);
  if (!snap || own.state === "none" || own.state === "intact" || own.state === "moved") return [];
  const out: string[] = [];
  for (const { range: r } of own.named)
    for (let row = r.top; row <= r.bottom; row++)
      for (let col = r.left; col <= r.right; col++)
        if (!isOwned(own.ours, row, col) && !isBlank(cellAt(snap, row, col).value)) out.push(a1(row, col));
  return out;
}
