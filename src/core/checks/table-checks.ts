// Table-wide checks: the columns the check needs, and the table's counts against the criteria set.
import { columnLetters } from "../model/a1";
import type { Lang } from "../model/lang";
import { counts as countsOf, type Framework } from "../sets/framework";
import { HEADER_WORDS } from "../table/header-words";
import { unassignedColumns } from "../table/header";
import type { TableRead } from "../table/read";
import type { SheetStructure } from "../table/structure";
import type { SheetSnapshot } from "../model/snapshot";
import type { Push } from "./sink";

const REQUIRED = [
  { role: "level", vi: "Tự đánh giá / Mức đạt", en: "Self-assessment / Level" },
  { role: "data", vi: "Số liệu / Kết quả thực hiện", en: "Data / Result figures" },
  { role: "evidence", vi: "Minh chứng", en: "Evidence" },
] as const;

/** Spare header columns, guessed for the missing roles in the order tables usually have them. */
function guesses(sheet: SheetSnapshot, read: TableRead): Map<string, { col: number; text: string }> {
  const spare = unassignedColumns(sheet, read.at, read.layout);
  const out = new Map<string, { col: number; text: string }>();
  for (const role of ["data", "evidence", "level"] as const) {
    if (read.layout.columns[role] !== undefined) continue;
    const next = spare.shift();
    if (next) out.set(role, next);
  }
  return out;
}

/** A missing column names the words looked for and the exact fix (`--map data=C`); true when any is missing. */
export function checkColumns(sheet: SheetSnapshot, read: TableRead, lang: Lang, push: Push): boolean {
  const guessed = guesses(sheet, read);
  let missing = false;
  for (const req of REQUIRED) {
    if (read.layout.columns[req.role] !== undefined) continue;
    missing = true;
    const guess = guessed.get(req.role);
    const letter = guess ? columnLetters(guess.col) : lang === "vi" ? "<cột>" : "<column>";
    push("error", "missing-column", null, null, null, {
      column: req[lang],
      words: HEADER_WORDS[req.role].map((w) => `“${w}”`).join(", "),
      headerRow: read.layout.headerRow,
      fix: `--map ${req.role}=${letter}`,
      ...(guess ? { text: `${letter} (“${guess.text}”)` } : {}),
    });
  }
  return missing;
}

/** Counts, gaps, sections and empty criteria against the set; true when the structure is broken. */
export function checkCounts(
  fw: Framework,
  s: SheetStructure,
  lang: Lang,
  report: (expected: string, found: string) => void
): boolean {
  const want = countsOf(fw);
  const vi = lang === "vi";
  const n = (count: number, viWord: string, enWord: string) => `${count} ${vi ? viWord : enWord}`;
  const before = { broken: false };
  const say = (expected: string, found: string) => {
    before.broken = true;
    report(expected, found);
  };
  if (s.indicators.length !== want.indicators)
    say(n(want.indicators, "chỉ báo", "indicators"), n(s.indicators.length, "chỉ báo", "indicators"));
  if (s.gaps.length > 0)
    say(
      vi ? `chỉ báo 1–${want.indicators}` : `indicators 1–${want.indicators}`,
      vi ? `thiếu chỉ báo ${s.gaps.join(", ")}` : `indicator(s) ${s.gaps.join(", ")} missing`
    );
  if (s.standards.length === 0) return before.broken;
  const crit = s.standards.reduce((k, st) => k + st.criteria.length, 0);
  if (s.standards.length !== want.standards || crit !== want.criteria || s.orphans > 0)
    say(
      `${n(want.standards, "tiêu chuẩn", "standards")}, ${n(want.criteria, "tiêu chí", "criteria")}`,
      `${n(s.standards.length, "tiêu chuẩn", "standards")}, ${n(crit, "tiêu chí", "criteria")}`
    );
  const empty = s.standards.flatMap((st) => st.criteria).filter((c) => c.indicators.length === 0);
  if (empty.length > 0)
    say(
      vi ? "mỗi tiêu chí có ít nhất một chỉ báo" : "at least one indicator under every criterion",
      `${empty.map((c) => c.code).join(", ")} ${vi ? "không có chỉ báo nào" : "without any indicator"}`
    );
  return before.broken;
}
