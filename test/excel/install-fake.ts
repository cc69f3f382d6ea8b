// Puts a fake workbook behind the globals the Office connector uses (Excel.run, Office.context).
import { FakeWorkbook, type FakeValue } from "./fake-excel";
import type { In } from "../helpers/grid";

export function installFake(fake: FakeWorkbook = new FakeWorkbook()): FakeWorkbook {
  const g = globalThis as Record<string, unknown>;
  g.Excel = { run: fake.run };
  g.Office = {
    context: { requirements: { isSetSupported: (n: string, v?: string) => fake.isSetSupported(n, v) } },
  };
  return fake;
}

export function uninstallFake(): void {
  const g = globalThis as Record<string, unknown>;
  delete g.Excel;
  delete g.Office;
}

/** The grid helper's rows as fake-workbook rows (errors become Excel's error strings). */
export function fakeRows(rows: In[][]): (FakeValue | null | { value: FakeValue; format: string })[][] {
  return rows.map((r) =>
    r.map((v) => {
      if (v === undefined || v === null) return null;
      if (v instanceof Date) return v.getTime();
      if (typeof v === "object" && "f" in v) return { value: v.v as FakeValue, format: v.f };
      if (typeof v === "object" && "error" in v) return v.error;
      return v;
    })
  );
}
