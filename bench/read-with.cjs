// A peer reading every file of a list the way its own README shows, nothing more: the bench's
// measure of what well-kept Node readers cost on the same files. Only the bench uses these
// libraries (development dependencies); src/ never imports them.
// Usage: node bench/read-with.cjs sheetjs|read-excel-file|exceljs files.json
//   →  prints {"cpuMs":…,"maxRSS":…,"cells":…} (CPU: user + system of the whole process)
const { readFileSync } = require("node:fs");

const readers = {
  // SheetJS 0.18.5 (the last on npm): every sheet, cell values and their number formats.
  sheetjs() {
    const XLSX = require("xlsx");
    return (file) => {
      const wb = XLSX.readFile(file);
      let n = 0;
      for (const name of wb.SheetNames) n += Object.keys(wb.Sheets[name]).length;
      return n;
    };
  },
  // read-excel-file: every sheet as rows of values (its default export).
  "read-excel-file"() {
    const readXlsxFile = require("read-excel-file/node").default;
    return async (file) => {
      let n = 0;
      for (const sheet of await readXlsxFile(file)) for (const row of sheet.data) n += row.length;
      return n;
    };
  },
  // ExcelJS: the whole workbook model.
  exceljs() {
    const ExcelJS = require("exceljs");
    return async (file) => {
      const wb = await new ExcelJS.Workbook().xlsx.readFile(file);
      let n = 0;
      wb.eachSheet((ws) => (n += ws.actualRowCount));
      return n;
    };
  },
};

(async () => {
  const read = readers[process.argv[2]]();
  let cells = 0;
  for (const file of require(process.argv[3])) cells += await read(file);
  const { user, system } = process.cpuUsage();
  const hwm = /VmHWM:\s+(\d+)/.exec(readFileSync("/proc/self/status", "utf8"));
  process.stdout.write(
    JSON.stringify({
      cpuMs: (user + system) / 1000,
      maxRSS: hwm ? Number(hwm[1]) : process.resourceUsage().maxRSS,
      cells,
    })
  );
})();
