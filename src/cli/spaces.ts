// A path or name with spaces typed without quotes reaches the tool in pieces: `D:\Nop bai\Xa A.xlsx`
// arrives as `D:\Nop`, `bai\Xa`, `A.xlsx`, each "not found". Windows officers do this often; one
// line saying to quote it, with the command as it should be typed, beats a "not found" per piece.
import { existsSync } from "node:fs";
import type { Command, Option } from "commander";
import type { Lang } from "../core/model/lang";
import { expandWildcard } from "./inputs";

const WORKBOOK = /\.(xlsx|xlsm|xls|xlsb|ods)$/i;
const OUTPUT = /\.(xlsx|xlsm|json)$/i;
const WILDCARD = /[*?]/;
/** A path of its own rather than the rest of one: a drive letter or a leading slash. */
const ABSOLUTE = /^([A-Za-z]:|[\\/])/;

/** Whether a token names something there: a file, a folder, or a wildcard matching a file. */
function there(token: string): boolean {
  if (existsSync(token)) return true;
  return WILDCARD.test(token) && expandWildcard(token).length > 0;
}

const quote = (s: string) => (/\s/.test(s) ? `"${s}"` : s);

interface Token {
  text: string;
  /** The option this token is the value of (`--out`), or none for an operand. */
  of?: string;
  option?: boolean;
}

/** The command's tokens after its name, each an option, an option's value or an operand. */
function tokens(cmd: Command, argv: string[]): Token[] {
  const at = argv.indexOf(cmd.name());
  const rest = at < 0 ? argv : argv.slice(at + 1);
  const out: Token[] = [];
  for (let i = 0; i < rest.length; i++) {
    const text = rest[i] as string;
    if (!text.startsWith("-") || text === "-") {
      out.push({ text });
      continue;
    }
    out.push({ text, option: true });
    const flag = text.split("=")[0];
    const option: Option | undefined = cmd.options.find((o) => o.long === flag || o.short === flag);
    if (option && (option.required || option.optional) && !text.includes("=") && i + 1 < rest.length)
      out.push({ text: rest[++i] as string, of: option.long ?? flag });
  }
  return out;
}

/** An option's value cut at a space: `--out D:\Ket qua\KQ.xlsx`, `--sheet Tự đánh giá`. */
function splitValue(list: Token[], lang: Lang): string | null {
  for (const [i, t] of list.entries()) {
    if (!t.of || there(t.text)) continue;
    const rest: string[] = [];
    for (const next of list.slice(i + 1)) {
      if (next.option || next.of || there(next.text)) break;
      rest.push(next.text);
    }
    if (rest.length === 0) continue;
    const joined = [t.text, ...rest].join(" ");
    const sheet = t.of === "--sheet";
    // A sheet's name goes on in plain words; a path goes on until its extension (or is there whole).
    const fits = sheet
      ? rest.every((r) => !/[\\/]/.test(r) && !WORKBOOK.test(r))
      : (OUTPUT.test(joined) && !OUTPUT.test(t.text)) || there(joined);
    if (!fits) continue;
    return lang === "vi"
      ? `${t.of} “${t.text}” bị cắt ở dấu cách: ${sheet ? "tên" : "đường dẫn"} có dấu cách phải đặt trong ngoặc kép, ví dụ: ${t.of} "${joined}"`
      : `${t.of} “${t.text}” was cut at a space: a ${sheet ? "name" : "path"} with spaces must be put in quotes, for example: ${t.of} "${joined}"`;
  }
  return null;
}

/** Operands not there, one after another, the earlier ones with no extension: one path cut at its spaces. */
function splitOperands(cmd: Command, list: Token[], lang: Lang): string | null {
  const operands = list.flatMap((t, at) => (t.option || t.of ? [] : [{ text: t.text, at }]));
  const text = (k: number) => operands[k]?.text ?? "";
  for (let i = 0; i < operands.length; i++) {
    let j = i;
    while (
      j + 1 < operands.length &&
      !there(text(j)) &&
      !there(text(j + 1)) &&
      !WORKBOOK.test(text(j)) &&
      !ABSOLUTE.test(text(j + 1))
    )
      j++;
    if (j === i) continue;
    const run = operands.slice(i, j + 1);
    const joined = run.map((o) => o.text).join(" ");
    const cut = new Set(run.slice(1).map((o) => o.at));
    // The command line as it should be typed: the pieces joined in quotes, everything else as it was.
    const typed = list
      .flatMap((t, at) => (cut.has(at) ? [] : [at === run[0]?.at ? joined : t.text]))
      .map(quote)
      .join(" ");
    const example = `hoctap ${cmd.name()} ${typed}`;
    const pieces = run.map((o) => `“${o.text}”`).join(", ");
    if (there(joined))
      return lang === "vi"
        ? `không tìm thấy ${pieces}: đường dẫn có dấu cách phải đặt trong ngoặc kép, ví dụ: ${example}`
        : `${pieces} not found: a path with spaces must be put in quotes, for example: ${example}`;
    return lang === "vi"
      ? `không tìm thấy tệp “${joined}” (nếu đó là một đường dẫn có dấu cách, đặt nó trong ngoặc kép: ${example})`
      : `file “${joined}” not found (if it is one path with spaces, put it in quotes: ${example})`;
  }
  return null;
}

/**
 * A path typed `"D:\Nop bai\"`: in Command Prompt a `\` right before the closing quote keeps the
 * quote, so the tool gets `D:\Nop bai"` (and the words after it, up to the next quote, in the same
 * piece). No Windows path holds a quote: said with the path as it should be typed.
 */
function strayQuote(cmd: Command, list: Token[], lang: Lang): string | null {
  // A sheet's name may hold a quote; a path may not.
  const t = list.find((x) => !x.option && x.of !== "--sheet" && x.text.includes('"') && !there(x.text));
  if (!t) return null;
  const path = t.text.slice(0, t.text.indexOf('"')).replace(/[\\/]+$/, "");
  const example = `${t.of ?? `hoctap ${cmd.name()}`} "${path}"`;
  return lang === "vi"
    ? `“${t.text}” chứa dấu ngoặc kép: trong Command Prompt, dấu \\ ngay trước ngoặc kép đóng giữ lại ngoặc kép đó; bỏ dấu \\ ở cuối đường dẫn, ví dụ: ${example}`
    : `“${t.text}” holds a quote mark: in Command Prompt a \\ right before the closing quote keeps the quote; leave out the \\ at the end of the path, for example: ${example}`;
}

const CURLY = /[\u201c\u201d\u201e\u201f\u00ab\u00bb]/g;

/**
 * A command copied from Word, Zalo or an e-mail: its quotes came curly (“D:\Nop bai”), which Command
 * Prompt does not take for quotes, so the path arrives cut at its spaces with the curly marks on it.
 * Said with the command as it should be typed, straight quotes in their place.
 */
function curlyQuotes(cmd: Command, argv: string[], list: Token[], lang: Lang): string | null {
  const curly = new RegExp(CURLY.source);
  // A sheet's name may hold curly quotes; a path typed with them is not there.
  if (!list.some((t) => !t.option && t.of !== "--sheet" && curly.test(t.text) && !there(t.text))) return null;
  const at = argv.indexOf(cmd.name());
  // The pieces as typed, curly marks made straight; a piece that came whole with a space, quoted.
  const pieces = argv.slice(at + 1).map((a) => (curly.test(a) ? a.replace(CURLY, '"') : quote(a)));
  const typed = `hoctap ${cmd.name()} ${pieces.join(" ")}`;
  return lang === "vi"
    ? `lệnh có ngoặc kép cong “ ” (thường do chép từ Word, Zalo hay thư điện tử), Command Prompt không hiểu là ngoặc kép: gõ ngoặc kép thẳng " từ bàn phím, ví dụ: ${typed}`
    : `the command holds curly quotes “ ” (usually copied from Word, a chat or an e-mail), which Command Prompt does not take for quotes: type straight quotes " instead, for example: ${typed}`;
}

/**
 * One line when the command line holds a path or a name cut at its spaces (or running on past a
 * quote kept by a `\` before it), or null. `argv` is the command line as the tool received it;
 * `cmd`, the command it runs.
 */
export function unquotedSpaces(cmd: Command, argv: string[], lang: Lang): string | null {
  const list = tokens(cmd, argv);
  return (
    curlyQuotes(cmd, argv, list, lang) ??
    strayQuote(cmd, list, lang) ??
    splitValue(list, lang) ??
    splitOperands(cmd, list, lang)
  );
}
