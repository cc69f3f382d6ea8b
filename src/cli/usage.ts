// Usage errors in the officer's language, listing what would have been valid (commander's own
// messages are English and say only what went wrong).
import type { Command, CommanderError } from "commander";
import type { Lang } from "../core/model/lang";
import { UsageError } from "./io";

/** The language asked for on the command line, before commander has read it. */
export function langOf(argv: string[]): Lang {
  const i = argv.findIndex((a) => a === "--lang" || a.startsWith("--lang="));
  const value = i < 0 ? "" : argv[i]?.includes("=") ? argv[i]?.split("=")[1] : argv[i + 1];
  return value === "en" ? "en" : "vi";
}

const quoted = (e: CommanderError) => /'([^']+)'/.exec(e.message)?.[1] ?? "";

function options(cmd: Command): string {
  return cmd.options
    .map((o) => o.long)
    .filter(Boolean)
    .join(", ");
}

/** The words for one commander error raised while parsing `cmd`. */
export function usageMessage(e: CommanderError, cmd: Command, lang: Lang, sets: string): string {
  const vi = lang === "vi";
  const name = cmd.parent ? `hoctap ${cmd.name()}` : "hoctap";
  const commands = cmd.commands.map((c) => c.name()).join(", ");
  switch (e.code) {
    case "commander.unknownCommand":
      return vi
        ? `không có lệnh “${quoted(e)}”; các lệnh: ${commands} (xem: hoctap --help)`
        : `no command “${quoted(e)}”; commands: ${commands} (see: hoctap --help)`;
    case "commander.unknownOption":
      if (!cmd.parent)
        return vi
          ? `không có tuỳ chọn “${quoted(e)}” trước lệnh; các lệnh: ${commands} (xem: hoctap --help)`
          : `no option “${quoted(e)}” before a command; commands: ${commands} (see: hoctap --help)`;
      return vi
        ? `${name} không có tuỳ chọn “${quoted(e)}”; các tuỳ chọn: ${options(cmd)}`
        : `${name} has no option “${quoted(e)}”; options: ${options(cmd)}`;
    case "commander.missingArgument":
      return vi
        ? `${name} cần ít nhất một tệp .xlsx, thư mục hoặc mẫu (ví dụ “D:\\Nop bai\\*.xlsx”)`
        : `${name} needs at least one .xlsx file, folder or pattern (for example “D:\\Nop bai\\*.xlsx”)`;
    case "commander.optionMissingArgument":
    case "commander.missingMandatoryOptionValue": {
      // The placeholder in the officer's words: `--out <tệp>`, `--header-row <số>`.
      const flags = vi
        ? quoted(e)
            .replace(/<file>/, "<tệp>")
            .replace(/<dir>/, "<thư mục>")
            .replace(/<n>/, "<số>")
            .replace(/<name>/, "<tên>")
            .replace(/<columns>/, "<cột>")
        : quoted(e);
      const choices = /--(set|framework)/.test(flags)
        ? ` (${vi ? "các bộ tiêu chí" : "criteria sets"}: ${sets})`
        : "";
      return vi ? `${name} cần tuỳ chọn ${flags}${choices}` : `${name} needs the option ${flags}${choices}`;
    }
    case "commander.invalidArgument": {
      const allowed = /Allowed choices are (.*)\./.exec(e.message)?.[1] ?? "";
      const option = (/option '([^']+)'/.exec(e.message)?.[1] ?? "").split(" ")[0];
      return vi
        ? `${option} không nhận “${/argument '([^']*)'/.exec(e.message)?.[1] ?? ""}”; chọn một trong: ${allowed}`
        : `${option} does not take “${/argument '([^']*)'/.exec(e.message)?.[1] ?? ""}”; choose one of: ${allowed}`;
    }
    case "commander.excessArguments":
      return vi
        ? `${name} nhận đúng ${cmd.registeredArguments.length} tệp; với nhiều tệp hãy chạy lại từng tệp`
        : `${name} takes exactly ${cmd.registeredArguments.length} file; run it once per file`;
    case "commander.help":
      return vi
        ? `chọn một lệnh: ${commands} (xem: hoctap --help)`
        : `choose a command: ${commands} (see: hoctap --help)`;
    default:
      return e.message.replace(/^error: /, "");
  }
}

/**
 * Makes every command of the program raise its parse errors as Vietnamese (or English) usage
 * errors, and say nothing in commander's own words.
 */
export function speakUsage(program: Command, lang: Lang, sets: string): void {
  const all = [program, ...program.commands];
  for (const cmd of all) {
    cmd.configureOutput({ outputError: () => undefined });
    cmd.exitOverride((e) => {
      if (e.exitCode === 0) throw e;
      throw new UsageError(usageMessage(e, cmd, lang, sets));
    });
  }
}
