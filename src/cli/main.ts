#!/usr/bin/env node
// `hoctap`: checks learning-district / learning-city self-assessment workbooks from the command line.
import { Command, CommanderError, Option } from "commander";
import type { Lang } from "../core/model/lang";
import { BUILTIN_FRAMEWORKS } from "../core/sets/builtin";
import { runCheck } from "./check-command";
import { runFrameworks } from "./frameworks-command";
import { runSummary } from "./summary-command";
import { processConsole, UsageError, type Console } from "./io";
import { langOf, speakUsage } from "./usage";

const langOption = () =>
  new Option("--lang <lang>", "ngôn ngữ / language").choices(["vi", "en"]).default("vi");

export async function main(argv: string[], io: Console = processConsole()): Promise<number> {
  let code = 0;
  const sets = BUILTIN_FRAMEWORKS.map((f) => f.id).join(", ");
  const program = new Command()
    .name("hoctap")
    .description(
      "Kiểm tra bảng tự đánh giá cộng đồng học tập cấp xã (Thông tư 25/2023), quận/huyện học tập, thành phố học tập (Kế hoạch 02/KH-UBND Hải Phòng), hoặc theo bộ tiêu chí riêng"
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
    .argument("<files...>", "tệp .xlsx, thư mục, hoặc mẫu như *.xlsx / .xlsx files, folders or patterns")
    .option(
      "--framework <id|file>",
      `bộ tiêu chí: auto, ${sets}, hoặc tệp .json / .xlsx / criteria set: auto, a built-in id, or a .json / .xlsx file`,
      "auto"
    )
    .option("--sheet <name>", "chỉ kiểm tra sheet này / only this sheet")
    .option("--json", "in báo cáo dạng JSON / print the report as JSON")
    .option("--out <file>", "ghi bản có kết quả ra tệp này / write a copy with the results")
    .option(
      "--out-dir <dir>",
      "ghi bản có kết quả của từng tệp vào thư mục, giữ cấu trúc thư mục / write each copy into a folder, mirroring the inputs' folders"
    )
    .option(
      "--map <columns>",
      "chỉ định cột, ví dụ level=F,data=D,evidence=E; cột theo mức: level=F:I / override detected columns"
    )
    .option("--header-row <n>", "dòng tiêu đề của bảng / the table's header row")
    .option("--last-row <n>", "dòng cuối của bảng / the table's last row")
    .option("--include-hidden", "kiểm tra cả sheet ẩn / check hidden sheets too")
    .addOption(langOption())
    .action(async (files: string[], opts) => {
      code = await runCheck(files, { ...opts, lang: opts.lang as Lang }, io);
    });

  program
    .command("clean")
    .description("xoá mọi kết quả add-in đã ghi / remove every result the add-in wrote")
    .argument("<file>", "tệp .xlsx / .xlsx file")
    .requiredOption("--out <file>", "tệp sạch ghi ra / clean copy to write")
    .addOption(langOption())
    .action(async (file: string, opts) => {
      // clean and template write through ExcelJS: loaded only when one of them runs.
      const { runClean } = await import("./clean-command");
      code = await runClean(file, { out: opts.out, lang: opts.lang as Lang }, io);
    });

  program
    .command("summary")
    .description("bảng tổng hợp nhiều đơn vị / summary across units")
    .argument("<files...>", "tệp .xlsx, thư mục, hoặc mẫu như *.xlsx / .xlsx files, folders or patterns")
    .option("--out <file>", "ghi sheet “Tổng hợp” vào tệp này / write the “Tổng hợp” sheet to this file")
    .option("--json", "in các dòng dạng JSON / print the rows as JSON")
    .option("--include-hidden", "gồm cả sheet ẩn / include hidden sheets")
    .addOption(langOption())
    .action(async (files: string[], opts) => {
      code = await runSummary(
        files,
        { out: opts.out, json: opts.json, lang: opts.lang as Lang, includeHidden: opts.includeHidden },
        io
      );
    });

  program
    .command("template")
    .description("tạo mẫu tự đánh giá trống / write a blank self-assessment template")
    .option("--framework <id|file>", `bộ tiêu chí: ${sets}, hoặc tệp .json / .xlsx / criteria set`)
    .addOption(new Option("--set <id|file>", "= --framework").hideHelp())
    .requiredOption("--out <file>", "tệp ghi ra / file to write")
    .addOption(langOption())
    .action(async (opts) => {
      const { runTemplate } = await import("./template-command");
      const framework = (opts.framework ?? opts.set) as string | undefined;
      code = await runTemplate({ framework, out: opts.out, lang: opts.lang as Lang, sets }, io);
    });

  program
    .command("frameworks")
    .description("các bộ tiêu chí có sẵn; xuất một bộ tiêu chí / built-in criteria sets; export a set")
    .option("--json", "dạng JSON / as JSON")
    .option(
      "--export <id|file>",
      "xuất bộ tiêu chí này (có sẵn, .json, hoặc .xlsx có sheet Bộ tiêu chí) / export this set"
    )
    .option("--out <file>", "ghi ra tệp .json hoặc .xlsx (sheet Bộ tiêu chí) / write a .json or .xlsx file")
    .addOption(langOption())
    .action(async (opts) => {
      code = await runFrameworks(
        { json: opts.json, lang: opts.lang as Lang, export: opts.export, out: opts.out },
        io
      );
    });

  speakUsage(program, langOf(argv), sets);
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
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
