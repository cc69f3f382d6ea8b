// Usage errors in the officer's language, each saying what to type instead (commander's own messages
// are English and say only what went wrong); and the help in Vietnamese with English beside it.
import type { Command, CommanderError, Help, Option } from "commander";
import type { Lang } from "../core/model/lang";
import { UsageError } from "./io";
import { unquotedSpaces } from "./spaces";

/** The language asked for on the command line, before commander has read it. */
export function langOf(argv: string[]): Lang {
  const i = argv.findIndex((a) => a === "--lang" || a.startsWith("--lang="));
  const value = i < 0 ? "" : argv[i]?.includes("=") ? argv[i]?.split("=")[1] : argv[i + 1];
  return value === "en" ? "en" : "vi";
}

const quoted = (e: CommanderError) => /'([^']+)'/.exec(e.message)?.[1] ?? "";

/** Commander's "(Did you mean --json?)", as the closest valid words. */
function suggestion(e: CommanderError): string[] {
  const m = /\(Did you mean (?:one of )?(.+)\?\)/.exec(e.message);
  return m?.[1] ? m[1].split(", ") : [];
}

function options(cmd: Command): string {
  return cmd.options
    .filter((o) => !o.hidden)
    .map((o) => o.long)
    .filter(Boolean)
    .join(", ");
}

/** `lệnh check`, `the check command`; the program itself is `hoctap` (the line already begins `hoctap:`). */
function commandName(cmd: Command, vi: boolean): string {
  if (!cmd.parent) return "hoctap";
  return vi ? `lệnh ${cmd.name()}` : `the ${cmd.name()} command`;
}

/** What an option's value is, and an example of one, by its placeholder. */
const VALUES: Record<string, { vi: string; en: string; example: string }> = {
  "--out": { vi: "một tên tệp", en: "a file name", example: '--out "KQ.xlsx"' },
  "--out-dir": { vi: "một thư mục", en: "a folder", example: '--out-dir "D:\\Ket qua"' },
  "--framework": { vi: "một bộ tiêu chí", en: "a criteria set", example: "--framework tt25-2023-xa" },
  "--set": { vi: "một bộ tiêu chí", en: "a criteria set", example: "--set tt25-2023-xa" },
  "--export": { vi: "một bộ tiêu chí", en: "a criteria set", example: "--export tt25-2023-xa" },
  "--sheet": { vi: "tên một trang tính", en: "a sheet's name", example: '--sheet "Tự đánh giá"' },
  "--map": { vi: "cách chọn cột", en: "the columns", example: "--map level=F,data=D,evidence=E" },
  "--header-row": { vi: "một số dòng", en: "a row number", example: "--header-row 5" },
  "--last-row": { vi: "một số dòng", en: "a row number", example: "--last-row 40" },
  "--lang": { vi: "vi hoặc en", en: "vi or en", example: "--lang en" },
};

/** The value an option lacks: `--out cần một tên tệp ngay sau nó, ví dụ: --out "KQ.xlsx"`. */
export function valueMissing(flag: string, lang: Lang, sets: string): string {
  const v = VALUES[flag] ?? { vi: "một giá trị", en: "a value", example: `${flag} …` };
  const choices = /--(set|framework|export)/.test(flag)
    ? lang === "vi"
      ? ` (các bộ tiêu chí: ${sets}, hoặc một tệp .json / .xlsx)`
      : ` (criteria sets: ${sets}, or a .json / .xlsx file)`
    : "";
  return lang === "vi"
    ? `${flag} cần ${v.vi} ngay sau nó, ví dụ: ${v.example}${choices}`
    : `${flag} needs ${v.en} right after it, for example: ${v.example}${choices}`;
}

/** A whole command line that works, for the options a command cannot do without. */
const EXAMPLES: Record<string, string> = {
  clean: 'hoctap clean "KQ.xlsx" --out "Gui di.xlsx"',
  template: 'hoctap template --framework tt25-2023-xa --out "Mau.xlsx"',
};

function unknown(e: CommanderError, cmd: Command, vi: boolean): string {
  const commands = cmd.commands.map((c) => c.name()).join(", ");
  const close = suggestion(e);
  // "; có phải “check”? Các lệnh: …" with a close word, else "; các lệnh: …".
  const maybe = (list: string, listEn: string) =>
    close.length
      ? vi
        ? `; có phải ${close.map((c) => `“${c}”`).join(" hay ")}? ${list[0]?.toUpperCase()}${list.slice(1)}`
        : `; did you mean ${close.map((c) => `“${c}”`).join(" or ")}? ${listEn[0]?.toUpperCase()}${listEn.slice(1)}`
      : vi
        ? `; ${list}`
        : `; ${listEn}`;
  if (e.code === "commander.unknownCommand")
    return vi
      ? `không có lệnh “${quoted(e)}”${maybe(`các lệnh: ${commands}`, "")} (xem: hoctap --help)`
      : `no command “${quoted(e)}”${maybe("", `commands: ${commands}`)} (see: hoctap --help)`;
  if (!cmd.parent)
    return vi
      ? `không có tuỳ chọn “${quoted(e)}” trước lệnh; các lệnh: ${commands} (xem: hoctap --help)`
      : `no option “${quoted(e)}” before a command; commands: ${commands} (see: hoctap --help)`;
  const name = commandName(cmd, vi);
  return vi
    ? `${name} không có tuỳ chọn “${quoted(e)}”${maybe(`các tuỳ chọn: ${options(cmd)}`, "")}`
    : `${name} has no option “${quoted(e)}”${maybe("", `options: ${options(cmd)}`)}`;
}

/** The words for one commander error raised while parsing `cmd`. */
export function usageMessage(
  e: CommanderError,
  cmd: Command,
  lang: Lang,
  sets: string,
  argv: string[] = []
): string {
  const vi = lang === "vi";
  const name = commandName(cmd, vi);
  const commands = cmd.commands.map((c) => c.name()).join(", ");
  switch (e.code) {
    case "commander.unknownCommand":
    case "commander.unknownOption":
      return unknown(e, cmd, vi);
    case "commander.missingArgument":
      return (
        unquotedSpaces(cmd, argv, lang) ??
        (vi
          ? `${name} cần ít nhất một tệp .xlsx, thư mục hoặc mẫu, ví dụ: hoctap ${cmd.name()} "D:\\Nop bai"`
          : `${name} needs at least one .xlsx file, folder or pattern, for example: hoctap ${cmd.name()} "D:\\Nop bai"`)
      );
    case "commander.optionMissingArgument":
      // `--out` given last, with nothing after it: the value is missing, not the option.
      return valueMissing(quoted(e).split(" ")[0] ?? "", lang, sets);
    case "commander.missingMandatoryOptionValue": {
      const flag = quoted(e).split(" ")[0] ?? "";
      const example = EXAMPLES[cmd.name()];
      return vi
        ? `${name} cần tuỳ chọn ${flag}${example ? `, ví dụ: ${example}` : ""}`
        : `${name} needs the option ${flag}${example ? `, for example: ${example}` : ""}`;
    }
    case "commander.invalidArgument": {
      const allowed = /Allowed choices are (.*)\./.exec(e.message)?.[1] ?? "";
      const option = (/option '([^']+)'/.exec(e.message)?.[1] ?? "").split(" ")[0];
      const value = /argument '([^']*)'/.exec(e.message)?.[1] ?? "";
      return vi
        ? `${option} không nhận “${value}”; chọn một trong: ${allowed}`
        : `${option} does not take “${value}”; choose one of: ${allowed}`;
    }
    case "commander.excessArguments":
      return (
        unquotedSpaces(cmd, argv, lang) ??
        (vi
          ? `${name} nhận đúng ${cmd.registeredArguments.length} tệp; với nhiều tệp hãy chạy lại từng tệp (đường dẫn có dấu cách thì đặt trong ngoặc kép)`
          : `${name} takes exactly ${cmd.registeredArguments.length} file; run it once per file (put a path with spaces in quotes)`)
      );
    case "commander.help":
      return vi
        ? `chọn một lệnh: ${commands} (xem: hoctap --help)`
        : `choose a command: ${commands} (see: hoctap --help)`;
    default:
      return e.message.replace(/^error: /, "");
  }
}

/**
 * An option given with another option where its value should be (`--out --json`): commander takes
 * `--json` for the file's name; the officer forgot the value.
 */
function optionAsValue(cmd: Command, lang: Lang, sets: string): string | null {
  const flags = new Set(cmd.options.flatMap((o) => [o.long, o.short]).filter(Boolean));
  flags.add("--help");
  for (const o of cmd.options) {
    const value: unknown = cmd.getOptionValue(o.attributeName());
    if ((o.required || o.optional) && typeof value === "string" && flags.has(value.split("=")[0]))
      return valueMissing(o.long ?? "", lang, sets);
  }
  return null;
}

const TITLES: Record<string, string> = {
  "Usage:": "Cách dùng / Usage:",
  "Options:": "Tuỳ chọn / Options:",
  "Commands:": "Lệnh / Commands:",
  "Arguments:": "Tham số / Arguments:",
};

/** Commander's help, its titles and notes in Vietnamese with the English beside them. */
export const HELP: Partial<Help> = {
  styleTitle: (title: string) => TITLES[title] ?? title,
  subcommandTerm: (cmd: Command) =>
    [cmd.name(), ...cmd.registeredArguments.map((a) => `<${a.name()}${a.variadic ? "..." : ""}>`)].join(" "),
  optionDescription(option: Option): string {
    const notes: string[] = [];
    if (option.argChoices) notes.push(`chọn / choices: ${option.argChoices.join(", ")}`);
    if (option.defaultValue !== undefined && option.required)
      notes.push(`mặc định / default: ${String(option.defaultValue)}`);
    return notes.length ? `${option.description} (${notes.join("; ")})` : option.description;
  },
};

/**
 * Makes every command of the program raise its parse errors as Vietnamese (or English) usage
 * errors, say nothing in commander's own words, and speak Vietnamese in its help.
 */
export function speakUsage(program: Command, lang: Lang, sets: string, argv: string[] = []): void {
  const all = [program, ...program.commands];
  for (const cmd of all) {
    cmd.configureOutput({ outputError: () => undefined });
    cmd.configureHelp(HELP);
    cmd.helpOption("-h, --help", "hiện hướng dẫn này / show this help");
    cmd.exitOverride((e) => {
      if (e.exitCode === 0) throw e;
      throw new UsageError(usageMessage(e, cmd, lang, sets, argv));
    });
  }
  program.helpCommand("help [lệnh]", "hướng dẫn cho một lệnh / help for a command");
  program.hook("preAction", (_program, action) => {
    const said = optionAsValue(action, lang, sets) ?? unquotedSpaces(action, argv, lang);
    if (said) throw new UsageError(said);
  });
}
