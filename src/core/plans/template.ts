// A blank self-assessment sheet for a criteria set, ready to print and fill by hand, in the dossier's
// form (the same paper `KQ` is, empty): the office (a line to write the unit's name) beside the
// national motto, the title with a place for the year and the period, the bordered table (header
// repeated on every page, standard and criterion rows with the set's titles, one row per indicator
// with room to write, a level dropdown), place and date and the signature block, A4 landscape one
// page wide. The checker reads it back.
import type { Framework } from "../sets/framework";
import { levelLabels, lower } from "../sets/words";
import { headerRole } from "../table/header-words";
import type { Lang } from "../model/lang";
import type { SheetPlan } from "./sheet-plan";
import { BODY, HEADER, SheetLayout } from "./layout";
import type { PrintSetup } from "./format";
import { keepTogether, MARGINS } from "./print";
import { layersWords, mottoBlock, signatureBlock, titleBlock } from "./dossier";
import { perLevelTemplate } from "./template-per-level";

const FONT = { name: "Times New Roman", size: 13 };
const WIDTHS = [15, 58, 26, 18, 14, 16];
const COLUMNS = WIDTHS.length;

/** `Tiêu chuẩn, tiêu chí, chỉ báo` / `Tiêu chí, chỉ tiêu`: the content column's header in the set's words. */
export function contentHeader(fw: Framework): string {
  const words = [fw.layers.standard, fw.layers.criterion, fw.layers.indicator].flatMap((w) =>
    w ? [w.vi] : []
  );
  const text = words.map((w, i) => (i === 0 ? w : lower(w))).join(", ");
  // Words the table reader does not know as a content header go under `Nội dung`.
  return headerRole(text) === "content" ? text : `Nội dung (${lower(text)})`;
}

/**
 * The paper's head, as on `KQ` with nothing filled in: the office with a dotted line for the unit's
 * name beside the motto, `BẢN TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ CÁC …` (the set's own layer words), what it
 * is for with a place for the year, the period, the set. Returns the row the table's header goes to.
 */
export function titles(out: SheetLayout, fw: Framework): number {
  mottoBlock(out, null, 2);
  titleBlock(out, fw, {
    first: `BẢN TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ CÁC ${layersWords(fw)}`,
    unitName: null,
    year: null,
  });
  return out.next;
}

/**
 * The set's rows: standards and criteria in bold with their titles, one row per leaf; returns the
 * leaves' rows, and each heading with the first leaf under it (kept on one page).
 */
function setRows(
  out: SheetLayout,
  fw: Framework
): { rows: number[]; groups: { from: number; to: number }[] } {
  const blanks = Array.from({ length: COLUMNS - 2 }, () => null);
  const { standard, criterion, indicator } = fw.layers;
  const rows: number[] = [];
  const standards = standard
    ? fw.standards
    : [{ number: 0, title: undefined, criteria: fw.criteria.map((c) => c.number) }];
  const groups: { from: number; to: number }[] = [];
  for (const s of standards) {
    let from = standard
      ? out.line([`${standard.vi} ${s.number}`, s.title ?? null, ...blanks], {
          ...BODY,
          bold: true,
          fill: "F2F2F2",
        })
      : undefined;
    for (const c of s.criteria.map((n) => fw.criteria[n - 1] as Framework["criteria"][number])) {
      const heading = out.line([`${criterion.vi} ${c.number}`, c.title ?? null, ...blanks], {
        ...BODY,
        bold: true,
      });
      c.indicators.forEach((n, k) => {
        // Targets are written `2.3` (criterion 2, its third) as officers number them; indicators by their number.
        const code = standard ? `${indicator.vi} ${n}` : `${c.number}.${k + 1}`;
        // Room to write the figures and the evidence by hand.
        rows.push(out.line([code, fw.indicators[n - 1]?.title ?? null, ...blanks], BODY, { minHeight: 30 }));
        if (k === 0) groups.push({ from: from ?? heading, to: rows[rows.length - 1] as number });
      });
      from = undefined;
    }
  }
  return { rows, groups };
}

export function templateSheet(fw: Framework, opts: { lang?: Lang; name?: string } = {}): SheetPlan {
  // The circulars' sets: the per-level Đạt / Không đạt form, with the text's words.
  // (Its parts passed in, so that the two files import one way.)
  if (fw.numbering === "per-criterion")
    return perLevelTemplate(fw, { titles, contentHeader, signature }, opts);
  const out = new SheetLayout(WIDTHS, FONT);
  const headerRow = titles(out, fw);
  out.line(
    ["TT", contentHeader(fw), "Kết quả thực hiện (số liệu)", "Mã minh chứng", "Tự đánh giá", "Ghi chú"],
    HEADER
  );
  const { rows: indicatorRows, groups } = setRows(out, fw);
  signature(out);
  const print: PrintSetup = {
    orientation: "landscape",
    titleRows: [headerRow, headerRow],
    fitTo: { wide: 1, tall: 0 },
    margins: MARGINS,
    centered: true,
  };
  const pageBreaks = keepTogether(
    { print, widths: WIDTHS, heightOf: (r) => out.heightOf(r), last: out.next - 1 },
    groups
  );
  return {
    name: opts.name ?? "Tự đánh giá",
    owned: false,
    ...out.laid,
    widths: WIDTHS,
    font: FONT,
    freezeRows: headerRow,
    // The set's own labels: what the checker reads back.
    validations: indicatorRows.map((r) => ({
      range: { top: r, left: 5, bottom: r, right: 5 },
      list: levelLabels(fw, "vi"),
    })),
    print,
    ...(pageBreaks.length ? { pageBreaks } : {}),
  };
}

/** Place and date, who signs for the committee, room to sign: on the right, at least 40 characters wide. */
export function signature(out: SheetLayout): void {
  let from = out.width;
  for (let room = out.widths[from - 1] ?? 0; room < 40 && from > 1; room += out.widths[from - 1] ?? 0) from--;
  signatureBlock(out, from);
}
