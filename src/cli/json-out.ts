// `--json` written in pieces: the same text as `JSON.stringify(value, null, 2)`, byte for byte, but
// the outer arrays and objects are walked here and only their small members are stringified, each
// piece written as soon as some 64 KB have gathered. A 100,000-row sheet's report is some 18
// million characters: held whole (twice over, with its UTF-8 copy for stdout), it was a sixth of
// the process's peak memory.

/** Containers this deep or deeper are stringified whole. */
const WALK_DEPTH = 6;
/** Arrays this long are stringified a run of members at a time (a report's issues); shorter ones walked. */
const RUN = 256;
const PIECE_CHARS = 1 << 16;

type Write = (text: string) => void;

/** Writes `JSON.stringify(value, null, 2)` through `write`, in pieces; returns false when there is nothing (undefined). */
export function writeJson(value: unknown, write: Write): boolean {
  let held = "";
  const put = (s: string) => {
    held += s;
    if (held.length >= PIECE_CHARS) {
      write(held);
      held = "";
    }
  };
  const wrote = walk(prepared(value, ""), 0, put);
  if (held) write(held);
  return wrote;
}

/** What JSON.stringify would do with a member before writing it. */
function prepared(value: unknown, key: string): unknown {
  if (value !== null && typeof value === "object") {
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === "function") return (toJSON as (k: string) => unknown).call(value, key);
  }
  return value;
}

const pads: string[] = [];
const padOf = (depth: number) => (pads[depth] ??= " ".repeat(2 * depth));

/** The lines JSON.stringify(…, null, 2) puts before and after members `depth` arrays deep. */
function frame(depth: number): { head: number; tail: number } {
  let head = 0;
  for (let d = 0; d <= depth; d++) head += 2 * d + 2;
  return { head, tail: head };
}

/**
 * Members of an array at `depth`, as JSON.stringify lays them out inside it (each line indented for
 * its depth, `,\n` between): the run is stringified wrapped in as many arrays as it is deep, so the
 * native stringify indents it, and the wrapping lines are cut off.
 */
function run(members: unknown[], depth: number): string {
  let wrapped: unknown = members;
  for (let d = 0; d < depth; d++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, 2);
  const { head, tail } = frame(depth);
  return text.slice(head, text.length - tail);
}

/** `value` (prepared) at `depth`; false when JSON leaves it out (undefined, a function). */
function walk(value: unknown, depth: number, put: (s: string) => void): boolean {
  const plain =
    value !== null &&
    typeof value === "object" &&
    (Array.isArray(value) ||
      Object.getPrototypeOf(value) === Object.prototype ||
      Object.getPrototypeOf(value) === null);
  if (!plain || depth >= WALK_DEPTH) {
    const text = JSON.stringify(value, null, 2) as string | undefined;
    if (text === undefined) return false;
    // JSON text has no raw line breaks inside strings: every one is the layout's, to be indented.
    put(depth > 0 && text.includes("\n") ? text.replace(/\n/g, "\n" + padOf(depth)) : text);
    return true;
  }
  const inner = padOf(depth + 1);
  if (Array.isArray(value)) {
    if (value.length === 0) put("[]");
    else if (value.length >= RUN) {
      put("[\n");
      for (let i = 0; i < value.length; i += RUN) {
        if (i > 0) put(",\n");
        put(run(value.slice(i, i + RUN), depth));
      }
      put("\n" + padOf(depth) + "]");
    } else {
      put("[\n" + inner);
      for (let i = 0; i < value.length; i++) {
        if (i > 0) put(",\n" + inner);
        if (!walk(prepared(value[i], String(i)), depth + 1, put)) put("null");
      }
      put("\n" + padOf(depth) + "]");
    }
    return true;
  }
  let first = true;
  for (const k of Object.keys(value)) {
    const member = prepared((value as Record<string, unknown>)[k], k);
    if (member === undefined || typeof member === "function" || typeof member === "symbol") continue;
    put((first ? "{\n" : ",\n") + inner + JSON.stringify(k) + ": ");
    first = false;
    walk(member, depth + 1, put);
  }
  put(first ? "{}" : "\n" + padOf(depth) + "}");
  return true;
}
