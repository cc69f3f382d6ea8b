// The blank form of the circulars' sets (24 and 25/2023): the “bản tổng hợp kết quả đánh giá các
// tiêu chí, chỉ tiêu” with a `Đạt | Không đạt` pair per level (“đánh giá bằng hình thức đạt hoặc
// không đạt”), criteria in Roman numerals with their titles, targets lettered a), b)… restarting
// under each criterion with the text's own words (the words at a higher level beneath when they
// differ), the `(1) (2) …` row, a place to sign. The checker reads it back as the per-level form.
import type { Framework } from "../sets/framework";
import type { Lang } from "../model/lang";
import type { SheetPlan } from "./sheet-plan";
import { BODY, HEADER, SheetLayout } from "./layout";
import type { PrintSetup } from "./format";
import { keepTogether, MARGINS } from "./print";

const FONT = { name: "Times New Roman", size: 13 };
const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];

/** A target's words: the text at mức độ 1, and at each higher level whose words differ. */
function targetWords(fw: Framework, n: number, k: number): string {
  const words = fw.indicators[n - 1]?.wording ?? [];
  const first = words[0]?.text ?? fw.indicators[n - 1]?.title ?? "";
  const more = words
    .slice(1)
    .filter((w) => w.text !== first)
    .map((w) => `\n${fw.levels[w.level]?.vi ?? ""}: ${w.text}`);
  return `${fw.layers.indicator.vi} ${k + 1}: ${first}${more.join("")}`;
}

/**
 * Each criterion in Roman numerals with its title, then its targets lettered, with room to write;
 * returns each heading with its first target (never apart at a page's foot).
 */
function criteriaRows(out: SheetLayout, fw: Framework, columns: number): { from: number; to: number }[] {
  const blanks = Array.from({ length: columns - 2 }, () => null);
  const groups: { from: number; to: number }[] = [];
  fw.criteria.forEach((c, ci) => {
    const heading = out.line(
      [
        ROMAN[ci] ?? String(c.number),
        `${fw.layers.criterion.vi} ${c.number}${c.title ? `: ${c.title}` : ""}`,
        ...blanks,
      ],
      { ...BODY, bold: true }
    );
    c.indicators.forEach((n, k) => {
      const letter = fw.indicators[n - 1]?.letter ?? `${c.number}.${k + 1}`;
      const row = out.line([letter, targetWords(fw, n, k), ...blanks], BODY, { minHeight: 30 });
      if (k === 0) groups.push({ from: heading, to: row });
    });
  });
  return groups;
}

/** The blank form's own parts (title rows, the content header's words, the place to sign), from template.ts. */
export interface TemplateParts {
  titles(out: SheetLayout, fw: Framework): number;
  contentHeader(fw: Framework): string;
  signature(out: SheetLayout): void;
}

export function perLevelTemplate(
  fw: Framework,
  parts: TemplateParts,
  opts: { lang?: Lang; name?: string } = {}
): SheetPlan {
  const { titles, contentHeader, signature } = parts;
  const levels = fw.levels.slice(1);
  const widths = [7, 60, ...levels.flatMap(() => [8, 9]), 16, 12];
  const columns = widths.length;
  const out = new SheetLayout(widths, FONT);
  const headerRow = titles(out, fw);
  const pairs = levels.flatMap(() => ["Đạt", "Không đạt"]);
  out.line(
    ["TT", contentHeader(fw), ...levels.map((l) => ({ value: l.vi, span: 2 })), "Minh chứng", "Ghi chú"],
    HEADER
  );
  out.line([null, null, ...pairs, null, null], HEADER);
  for (const c of [1, 2, columns - 1, columns])
    out.merges.push({ top: headerRow, left: c, bottom: headerRow + 1, right: c });
  out.line(
    widths.map((_, i) => `(${i + 1})`),
    { ...BODY, horizontal: "center", italic: true }
  );
  const groups = criteriaRows(out, fw, columns);
  signature(out);
  const print: PrintSetup = {
    orientation: "portrait",
    titleRows: [headerRow, headerRow + 2],
    fitTo: { wide: 1, tall: 0 },
    margins: MARGINS,
    centered: true,
  };
  const pageBreaks = keepTogether(
    { print, widths, heightOf: (r) => out.heightOf(r), last: out.next - 1 },
    groups
  );
  return {
    name: opts.name ?? "Tự đánh giá",
    owned: false,
    ...out.laid,
    widths,
    font: FONT,
    freezeRows: headerRow + 2,
    print,
    ...(pageBreaks.length ? { pageBreaks } : {}),
  };
}
