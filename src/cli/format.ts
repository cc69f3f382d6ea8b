// The readable report the CLI prints for one checked sheet.
import type { SheetReport } from "../core/checks/check";
import type { Lang } from "../core/model/lang";

export interface Paint {
  red(s: string): string;
  yellow(s: string): string;
  green(s: string): string;
  bold(s: string): string;
}

export const plain: Paint = { red: (s) => s, yellow: (s) => s, green: (s) => s, bold: (s) => s };
export const ansi: Paint = {
  red: (s) => `\x1b[31m${s}\x1b[39m`,
  yellow: (s) => `\x1b[33m${s}\x1b[39m`,
  green: (s) => `\x1b[32m${s}\x1b[39m`,
  bold: (s) => `\x1b[1m${s}\x1b[22m`,
};

const lv = (l: number | null) => (l === null ? "—" : String(l));

export function formatReport(file: string, r: SheetReport, lang: Lang, paint: Paint = plain): string {
  const vi = lang === "vi";
  const out: string[] = [];
  out.push(paint.bold(`${file} — ${vi ? "sheet" : "sheet"} “${r.sheet}”`));
  out.push(
    `${vi ? "Đơn vị" : "Unit"}: ${r.unitName ?? (vi ? "(không rõ)" : "(unknown)")}    ${vi ? "Bộ tiêu chí" : "Criteria set"}: ${r.framework.id}`
  );
  out.push("");
  out.push(
    vi ? "  Chỉ báo  Mã              Tự ĐG  Tính  Mức" : "  Ind.     Code            Self   Comp  Level"
  );
  for (const i of r.indicators) {
    out.push(
      `  ${String(i.number).padEnd(8)} ${i.code.slice(0, 15).padEnd(15)} ${lv(i.selfLevel).padEnd(6)} ${lv(i.computedLevel).padEnd(5)} ${lv(i.level)}`
    );
  }
  out.push("");
  if (r.issues.length === 0)
    out.push(paint.green(vi ? "Không có lỗi hay cảnh báo." : "No errors or warnings."));
  for (const i of r.issues) {
    const tag =
      i.severity === "error" ? paint.red(vi ? "LỖI" : "ERROR") : paint.yellow(vi ? "CẢNH BÁO" : "WARNING");
    out.push(`  ${tag} ${i.cell ?? "—"} [${i.rule}] ${i.message}`);
  }
  out.push("");
  const level = r.recognition.level;
  const headline = `${vi ? "Mức công nhận" : "Recognition"}: ${r.recognition.label}`;
  out.push(
    paint.bold(
      level === null ? paint.yellow(headline) : level > 0 ? paint.green(headline) : paint.red(headline)
    )
  );
  for (const reason of r.recognition.reasons) out.push(`  – ${reason}`);
  out.push(
    `${vi ? "Lỗi" : "Errors"}: ${r.counts.errors}; ${vi ? "cảnh báo" : "warnings"}: ${r.counts.warnings}`
  );
  return out.join("\n");
}
