#!/usr/bin/env node
// `hoctap`: checks learning-community, learning-district and learning-city self-assessment workbooks
// from the command line; its words (help, usage errors) in Vietnamese with English beside them.
import { Command, CommanderError, Option } from "commander";
import type { Lang } from "../core/model/lang";
import { BUILTIN_FRAMEWORKS } from "../core/sets/builtin";
import { runCheck } from "./check-command";
import { runFrameworks } from "./frameworks-command";
import { runSummary } from "./summary-command";
import { processConsole, UsageError, type Console } from "./io";
import { langOf, speakUsage } from "./usage";
import { hookSignals, interruption } from "../writer/files";

const langOption = () =>
  new Option("--lang <vi|en>", "ngôn ngữ / language").choices(["vi", "en"]).default("vi");

/** The one line said when Ctrl-C or a kill stops a run. */
function stopLine(abandoned: string | null, written: number, vi: boolean): string {
  const what = abandoned
    ? vi
      ? `không ghi tệp “${abandoned}” (tệp cũ, nếu có, vẫn nguyên vẹn)`
      : `“${abandoned}” was not written (an earlier file there is left whole)`
    : vi
      ? "không ghi thêm tệp nào"
      : "nothing more was written";
  const before =
    written > 0 ? (vi ? `; đã ghi xong ${written} tệp trước đó` : `; ${written} file(s) written before`) : "";
  return vi ? `đã dừng theo yêu cầu: ${what}${before}` : `stopped as asked: ${what}${before}`;
}

export async function main(argv: string[], io: Console = processConsole()): Promise<number> {
  let code = 0;
  interruption.notice = (abandoned, written) => io.error(stopLine(abandoned, written, langOf(argv) === "vi"));
  const sets = BUILTIN_FRAMEWORKS.map((f) => f.id).join(", ");
  const program = new Command()
    .name("hoctap")
    .usage("<lệnh> [tuỳ chọn]")
    .description(
      "Kiểm tra bảng tự đánh giá cộng đồng học tập cấp xã, huyện, tỉnh (Thông tư 25/2023), đơn vị học tập (Thông tư 24/2023), quận/huyện học tập, thành phố học tập (Kế hoạch 02/KH-UBND Hải Phòng), hoặc theo bộ tiêu chí riêng.\n" +
        "Checks learning-community (commune, district, province), learning-unit, learning-district and learning-city self-assessments.\n\n" +
        'Ví dụ / Examples:\n  hoctap check "D:\\Nop bai\\Xa An Hoa.xlsx"\n  hoctap check "D:\\Nop bai" --out-dir "D:\\Ket qua"\n  hoctap help check'
    )
    .configureOutput({
      writeErr: (s) => io.error(s.trim()),
      writeOut: (s) => io.out(s),
    });

  program
    .command("check")
    .description(
      "kiểm tra tệp .xlsx, tính mức và (tuỳ chọn) ghi kết quả / check .xlsx files, score them, write results"
    )
    .usage("<tệp, thư mục hoặc mẫu...> [tuỳ chọn]")
    .argument("<tệp...>", "tệp .xlsx, thư mục, hoặc mẫu như *.xlsx / .xlsx files, folders or patterns")
    .option(
      "--framework <mã|tệp>",
      `bộ tiêu chí: auto, ${sets}, hoặc tệp .json / .xlsx / criteria set: auto, a built-in id, or a .json / .xlsx file`,
      "auto"
    )
    .option("--sheet <tên>", "chỉ kiểm tra trang tính này / only this sheet")
    .option("--json", "in báo cáo dạng JSON / print the report as JSON")
    .option("--out <tệp>", "ghi bản có kết quả ra tệp này / write a copy with the results")
    .option(
      "--out-dir <thư-mục>",
      "ghi bản có kết quả của từng tệp vào thư mục, giữ cấu trúc thư mục / write each copy into a folder, mirroring the inputs' folders"
    )
    .option(
      "--force",
      "thay tệp kết quả đã có dù đó không phải bản công cụ đã ghi / replace an existing output the tool did not write"
    )
    .option(
      "--map <cột>",
      "chỉ định cột, ví dụ level=F,data=D,evidence=E; cột theo mức: level=F:I / override detected columns"
    )
    .option("--header-row <số>", "dòng tiêu đề của bảng / the table's header row")
    .option("--last-row <số>", "dòng cuối của bảng / the table's last row")
    .option(
      "--dieu-kien <mã>",
      "điều kiện của đơn vị chọn ngưỡng, ví dụ vung-kho-khan (xã thuộc vùng khó khăn) / a condition of the unit that chooses thresholds"
    )
    .option("--include-hidden", "kiểm tra cả trang tính ẩn / check hidden sheets too")
    .option(
      "--tham-dinh",
      "với --out: thêm cột “Hội đồng thẩm định” chép sẵn tự đánh giá để Hội đồng sửa, và cột ý kiến / with --out: add the council's columns, pre-filled with the unit's answers"
    )
    .option(
      "--chi-tiet",
      "báo cáo kèm mã lỗi (như trong --json) / the report with each rule's code (as in --json)"
    )
    .addOption(new Option("--verbose", "= --chi-tiet").hideHelp())
    .addOption(langOption())
    .action(async (files: string[], opts) => {
      const chiTiet = Boolean(opts.chiTiet || opts.verbose);
      code = await runCheck(files, { ...opts, chiTiet, lang: opts.lang as Lang }, io);
    });

  program
    .command("clean")
    .description("xoá mọi kết quả add-in đã ghi / remove every result the add-in wrote")
    .usage("<tệp> --out <tệp sạch> [tuỳ chọn]")
    .argument("<tệp>", "tệp .xlsx / .xlsx file")
    .requiredOption("--out <tệp>", "tệp sạch ghi ra / clean copy to write")
    .option(
      "--force",
      "thay tệp đã có dù đó không phải bản công cụ đã ghi / replace an existing file the tool did not write"
    )
    .addOption(langOption())
    .action(async (file: string, opts) => {
      // clean and template write through ExcelJS: loaded only when one of them runs.
      const { runClean } = await import("./clean-command");
      code = await runClean(file, { out: opts.out, lang: opts.lang as Lang, force: Boolean(opts.force) }, io);
    });

  program
    .command("summary")
    .description("bảng tổng hợp nhiều đơn vị / summary across units")
    .usage("<tệp, thư mục hoặc mẫu...> [tuỳ chọn]")
    .argument("<tệp...>", "tệp .xlsx, thư mục, hoặc mẫu như *.xlsx / .xlsx files, folders or patterns")
    .option("--out <tệp>", "ghi trang tính “Tổng hợp” vào tệp này / write the “Tổng hợp” sheet to this file")
    .option("--json", "in các dòng dạng JSON / print the rows as JSON")
    .option("--include-hidden", "gồm cả trang tính ẩn / include hidden sheets")
    .option(
      "--danh-sach",
      "danh sách đơn vị được công nhận theo mức (kèm quyết định); với --out: trang tính “Danh sách công nhận” / the list of units recognised at each level"
    )
    .option(
      "--force",
      "ghi trang tính “Tổng hợp” vào tệp đã có dù đó không phải bản công cụ đã ghi / write into an existing file the tool did not write"
    )
    .addOption(langOption())
    .action(async (files: string[], opts) => {
      code = await runSummary(
        files,
        {
          out: opts.out,
          json: opts.json,
          lang: opts.lang as Lang,
          includeHidden: opts.includeHidden,
          decision: Boolean(opts.danhSach),
          force: Boolean(opts.force),
        },
        io
      );
    });

  program
    .command("template")
    .description("tạo mẫu tự đánh giá trống / write a blank self-assessment template")
    .usage("--framework <mã|tệp> --out <tệp>")
    .option("--framework <mã|tệp>", `bộ tiêu chí: ${sets}, hoặc tệp .json / .xlsx / criteria set`)
    .addOption(new Option("--set <mã|tệp>", "= --framework").hideHelp())
    .requiredOption("--out <tệp>", "tệp ghi ra / file to write")
    .addOption(langOption())
    .action(async (opts) => {
      const { runTemplate } = await import("./template-command");
      const framework = (opts.framework ?? opts.set) as string | undefined;
      code = await runTemplate({ framework, out: opts.out, lang: opts.lang as Lang, sets }, io);
    });

  program
    .command("frameworks")
    .description("các bộ tiêu chí có sẵn; xuất một bộ tiêu chí / built-in criteria sets; export a set")
    .usage("[--export <mã|tệp> --out <tệp>] [tuỳ chọn]")
    .option("--json", "dạng JSON / as JSON")
    .option(
      "--export <mã|tệp>",
      "xuất bộ tiêu chí này (có sẵn, .json, hoặc .xlsx có trang tính Bộ tiêu chí) / export this set"
    )
    .option(
      "--out <tệp>",
      "ghi ra tệp .json hoặc .xlsx (trang tính Bộ tiêu chí) / write a .json or .xlsx file"
    )
    .addOption(langOption())
    .action(async (opts) => {
      code = await runFrameworks(
        { json: opts.json, lang: opts.lang as Lang, export: opts.export, out: opts.out },
        io
      );
    });

  speakUsage(program, langOf(argv), sets, argv);
  try {
    await program.parseAsync(argv, { from: "user" });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof UsageError) {
      io.error(e.message);
      return 2;
    }
    // Never a stack trace for an officer: one line, and the details only when asked for.
    io.error(`lỗi không mong đợi / unexpected error: ${e instanceof Error ? e.message : String(e)}`);
    if (process.env.HOCTAP_DEBUG) console.error(e);
    return 2;
  }
}

if (require.main === module) {
  hookSignals();
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
