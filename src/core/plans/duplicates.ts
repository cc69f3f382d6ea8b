// Units sent twice: a department's folder often holds a commune's first submission and its corrected
// one (`Xa A.xlsx`, `Xa A - ban cuoi.xlsx`). Assessments of the same unit (its name as the sheet
// gives it, under the same set) are counted once: the later one by the workbook's own saved date, by
// the file's time when the workbook does not say, by the order of the inputs when neither tells them apart.
import { say, type Lang } from "../model/lang";
import { fold } from "../model/text";

/** What a copy is known by: its file and sheet, its unit and set as the check found them, when it was saved. */
export interface Sent {
  file: string;
  sheet: string;
  report?: { unitName: string | null; framework: { id: string }; council?: unknown };
  saved?: SavedAt;
}

/** When a copy was last saved: as the workbook says (its core properties), or as the file's time says. */
export interface SavedAt {
  /** An ISO instant. */
  at: string;
  by: "workbook" | "file";
}

export interface Copy {
  file: string;
  sheet: string;
  saved?: SavedAt;
}

export interface Duplicate {
  unit: string;
  /** The copy counted. */
  kept: Copy;
  /** The others, earliest first. */
  dropped: Copy[];
  /**
   * How the copy counted was told: by the dates, by the order (no dates, or the same), or as the one
   * the council verified (its columns beside the unit's), whatever the dates.
   */
  by: "saved" | "order" | "council";
}

const keyOf = (e: Sent) =>
  e.report?.unitName
    ? `${fold(e.report.unitName).replace(/\s+/g, " ").trim()}\u0000${e.report.framework.id}`
    : null;

const copyOf = (e: Sent): Copy => ({
  file: e.file,
  sheet: e.sheet,
  ...(e.saved ? { saved: e.saved } : {}),
});

/** To the minute, as the line shows it: copies saved within one minute are not told apart by their dates. */
const time = (e: Sent) => (e.saved ? Math.floor(Date.parse(e.saved.at) / 60_000) : NaN);

/**
 * The entries to count (each unit once, in the inputs' order) and the units sent more than once.
 * Entries without a unit name or a report are always counted: nothing says they are the same unit.
 */
export function sentTwice<E extends Sent>(entries: E[]): { counted: E[]; duplicates: Duplicate[] } {
  const groups = new Map<string, number[]>();
  entries.forEach((e, i) => {
    const key = keyOf(e);
    if (key !== null) groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  const dropped = new Set<number>();
  const duplicates: Duplicate[] = [];
  for (const idx of groups.values()) {
    if (idx.length < 2) continue;
    const dated = idx.every((i) => Number.isFinite(time(entries[i] as Sent)));
    // Latest last; equal dates (or none) keep the inputs' order, the later input being the later copy.
    const byDate = dated
      ? [...idx].sort((a, b) => time(entries[a] as Sent) - time(entries[b] as Sent) || a - b)
      : idx;
    // The council's verified copy (its `check --tham-dinh` output beside the unit's file) is the one counted.
    const verified = (i: number) => (entries[i] as Sent).report?.council !== undefined;
    const order = [...byDate.filter((i) => !verified(i)), ...byDate.filter(verified)];
    const last = order.at(-1) as number;
    const before = order.at(-2) as number;
    const by =
      verified(last) && !verified(before)
        ? "council"
        : dated && time(entries[last] as Sent) !== time(entries[before] as Sent)
          ? "saved"
          : "order";
    for (const i of order.slice(0, -1)) dropped.add(i);
    const kept = entries[last] as Sent;
    duplicates.push({
      unit: kept.report?.unitName ?? "",
      kept: copyOf(kept),
      dropped: order.slice(0, -1).map((i) => copyOf(entries[i] as Sent)),
      by,
    });
  }
  return { counted: entries.filter((_, i) => !dropped.has(i)), duplicates };
}

const two = (n: number) => String(n).padStart(2, "0");

/** `27/02/2026 09:15` in the local time of the machine (the office's). */
export function savedTime(iso: string): string {
  const d = new Date(iso);
  return `${two(d.getDate())}/${two(d.getMonth() + 1)}/${d.getFullYear()} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** A copy by its file, and its sheet when the copies share a file (sheets of one workbook). */
function copyName(c: Copy, sameFile: boolean, lang: Lang): string {
  return sameFile ? say(lang, `trang tính “${c.sheet}”`, `sheet “${c.sheet}”`) : `“${c.file}”`;
}

function when(c: Copy, lang: Lang): string {
  if (!c.saved) return "";
  const t = savedTime(c.saved.at);
  return c.saved.by === "workbook"
    ? say(lang, ` (bảng tính ghi lưu lúc ${t})`, ` (saved ${t}, as the workbook says)`)
    : say(
        lang,
        ` (tệp sửa lúc ${t}; bảng tính không ghi ngày lưu)`,
        ` (file changed ${t}; the workbook gives no saved date)`
      );
}

/** One line for people: `Xã An Hòa gửi 2 lần, chỉ tính một lần: tính “B.xlsx” (…), không tính “A.xlsx” (…)`. */
export function duplicateLine(d: Duplicate, lang: Lang): string {
  const all = [d.kept, ...d.dropped];
  const sameFile = all.every((c) => c.file === d.kept.file);
  const name = (c: Copy) =>
    copyName(c, sameFile, lang) + (d.by !== "order" || !sameFile ? when(c, lang) : "");
  const why =
    d.by === "saved"
      ? ""
      : sameFile
        ? say(lang, " — tính trang tính đứng sau", " — the later sheet counted")
        : say(
            lang,
            " — không phân biệt được theo ngày: tính tệp đứng sau",
            " — the dates do not tell them apart: the later file counted"
          );
  if (d.by === "council")
    return say(
      lang,
      `${d.unit} có ${all.length} bản, chỉ tính một lần: tính bản có cột Hội đồng thẩm định ${name(d.kept)}, không tính ${d.dropped.map(name).join(", ")}`,
      `${d.unit} has ${all.length} copies, counted once: the copy with the council's columns ${name(d.kept)} counted, not ${d.dropped.map(name).join(", ")}`
    );
  return say(
    lang,
    `${d.unit} gửi ${all.length} lần, chỉ tính một lần: tính ${name(d.kept)}, không tính ${d.dropped.map(name).join(", ")}${why}`,
    `${d.unit} sent ${all.length} times, counted once: ${name(d.kept)} counted, not ${d.dropped.map(name).join(", ")}${why}`
  );
}
