// Table-wide checks: the columns the check needs, and the table's counts against the criteria set.
import { columnLetters } from "../model/a1";
import type { Lang } from "../model/lang";
import { counts as countsOf, needsData, type Framework } from "../sets/framework";
import { countOf, layerWord, lower } from "../sets/words";
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

type Required = (typeof REQUIRED)[number]["role"];

/** Spare header columns, guessed for the missing roles in the order tables usually have them. */
function guesses(
  sheet: SheetSnapshot,
  read: TableRead,
  roles: Required[]
): Map<string, { col: number; text: string }> {
  const spare = unassignedColumns(sheet, read.at, read.layout);
  const out = new Map<string, { col: number; text: string }>();
  for (const role of (["data", "evidence", "level"] as const).filter((r) => roles.includes(r))) {
    if (read.layout.columns[role] !== undefined) continue;
    const next = spare.shift();
    if (next) out.set(role, next);
  }
  return out;
}

/**
 * A missing column names the words looked for and the exact fix (`--map data=C`); true when any is
 * missing. The data column is needed only when some leaf of the set is measured by a figure.
 */
export function checkColumns(
  sheet: SheetSnapshot,
  read: TableRead,
  fw: Framework,
  lang: Lang,
  push: Push
): boolean {
  const required = REQUIRED.filter((r) => r.role !== "data" || needsData(fw));
  const guessed = guesses(
    sheet,
    read,
    required.map((r) => r.role)
  );
  let missing = false;
  for (const req of required) {
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

/** `3 tiêu chuẩn, 6 tiêu chí`, `5 tiêu chí`: the group counts, in the set's words. */
function groupCounts(fw: Framework, standards: number, criteria: number, lang: Lang): string {
  const parts = [countOf(fw, "criterion", criteria, lang)];
  if (standards > 0 || fw.layers.standard) parts.unshift(countOf(fw, "standard", standards, lang));
  return parts.join(", ");
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
  const leaf = lower(layerWord(fw, "indicator", lang));
  let broken = false;
  const say = (expected: string, found: string) => {
    broken = true;
    report(expected, found);
  };
  if (s.indicators.length !== want.indicators)
    say(countOf(fw, "indicator", want.indicators, lang), countOf(fw, "indicator", s.indicators.length, lang));
  if (s.gaps.length > 0)
    say(
      `${leaf} 1–${want.indicators}`,
      vi ? `thiếu ${leaf} ${s.gaps.join(", ")}` : `${leaf} ${s.gaps.join(", ")} missing`
    );
  // A set with standards checks the sheet's tree only when the sheet writes standards too.
  if (s.criteria.length === 0 || (want.standards > 0 && s.standards.length === 0)) return broken;
  if (s.standards.length !== want.standards || s.criteria.length !== want.criteria || s.orphans > 0)
    say(
      groupCounts(fw, want.standards, want.criteria, lang),
      groupCounts(fw, s.standards.length, s.criteria.length, lang)
    );
  const empty = s.criteria.filter((c) => c.indicators.length === 0);
  if (empty.length > 0)
    say(
      vi
        ? `mỗi ${lower(layerWord(fw, "criterion", lang))} có ít nhất một ${leaf}`
        : `at least one ${leaf} under every ${lower(layerWord(fw, "criterion", lang))}`,
      `${empty.map((c) => c.code).join(", ")} ${vi ? `không có ${leaf} nào` : `without any ${leaf}`}`
    );
  return broken;
}

/**
 * The sheet's tree against a set quoted from a text (`numbering: "per-criterion"`): where a criterion
 * holds another number of leaves than the text gives it (4 and 2 where Điều 6 has 3 and 3), the
 * differences with their articles; null when the tree is the text's or the counts already differ.
 */
export function treeDifferences(
  fw: Framework,
  s: SheetStructure,
  lang: Lang
): { row: number; text: string } | null {
  if (fw.numbering !== "per-criterion" || s.criteria.length !== fw.criteria.length) return null;
  if (s.indicators.length !== fw.indicators.length) return null;
  const vi = lang === "vi";
  const crit = lower(layerWord(fw, "criterion", lang));
  const differ = s.criteria.flatMap((c, i) => {
    const want = fw.criteria[i];
    if (!want || want.indicators.length === c.indicators.length) return [];
    const where = want.source?.split(";")[0]?.trim();
    const found = countOf(fw, "indicator", c.indicators.length, lang);
    const text = where
      ? vi
        ? `${crit} ${i + 1} có ${found}, ${where} có ${want.indicators.length}`
        : `${crit} ${i + 1} has ${found}, ${where} has ${want.indicators.length}`
      : `${crit} ${i + 1}: ${found} / ${want.indicators.length}`;
    return [{ row: c.row, text }];
  });
  const first = differ[0];
  return first ? { row: first.row, text: differ.map((d) => d.text).join("; ") } : null;
}
