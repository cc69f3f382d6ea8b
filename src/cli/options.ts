// The check's own options, read and refused in Vietnamese: `--map`, `--header-row`, `--last-row`
// (`--framework` in sets.ts).
import { columnNumber } from "../core/model/a1";
import type { Lang } from "../core/model/lang";
import type { ColumnMap, Role } from "../core/table/header";
import { UsageError } from "./io";

// A Map, not an object: `--map __proto__=F` must be a usage error, not a prototype lookup.
const ROLES = new Map<string, Role>(
  (["level", "data", "evidence", "content", "code"] as const).map((r) => [r, r])
);

export interface MapOption {
  columns: ColumnMap;
  /** `level=F:I`: one column per level, F to I. */
  levelColumns?: { left: number; right: number };
}

export function parseMap(text: string | undefined, lang: Lang): MapOption {
  const out: MapOption = { columns: {} };
  if (!text) return out;
  for (const part of text.split(",")) {
    const m = /^\s*(\w+)\s*=\s*([A-Za-z]{1,3})(?:\s*:\s*([A-Za-z]{1,3}))?\s*$/.exec(part);
    const role = m ? ROLES.get((m[1] ?? "").toLowerCase()) : undefined;
    const left = columnNumber(m?.[2] ?? "A");
    const right = m?.[3] ? columnNumber(m[3]) : left;
    if (!m || !role || right < left || (right > left && role !== "level")) {
      throw new UsageError(
        lang === "vi"
          ? `--map không hợp lệ: “${part}”. Ví dụ: --map level=F,data=D,evidence=E (cột theo mức: --map level=F:I); vai trò: ${[...ROLES.keys()].join(", ")}`
          : `invalid --map: “${part}”. Example: --map level=F,data=D,evidence=E (one column per level: --map level=F:I); roles: ${[...ROLES.keys()].join(", ")}`
      );
    }
    out.columns[role] = left;
    if (right > left) out.levelColumns = { left, right };
  }
  return out;
}

/** `--header-row 34`, `--last-row 60`: a row number, 1 or more. */
export function parseRow(text: string | undefined, option: string, lang: Lang): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || n < 1 || n > 1048576) {
    throw new UsageError(
      lang === "vi"
        ? `${option} cần một số dòng từ 1 đến 1048576, không phải “${text}”`
        : `${option} takes a row number from 1 to 1048576, not “${text}”`
    );
  }
  return n;
}
