// What a copy made through ExcelJS loses, told from the file's bytes alone (no ExcelJS loaded to say so).

/** Parts ExcelJS cannot carry through a copy: found by name in the file's zip directory. */
export function partsLostByCopy(bytes: Buffer): string[] {
  const parts: [string, string][] = [
    ["xl/charts/", "biểu đồ (charts)"],
    ["xl/pivotTables/", "bảng tổng hợp (pivot tables)"],
    ["xl/vbaProject.bin", "macro (VBA)"],
    ["xl/slicers/", "slicer"],
  ];
  return parts.filter(([p]) => bytes.includes(Buffer.from(p))).map(([, label]) => label);
}
