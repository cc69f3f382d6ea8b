// The floor: the least any reader of these workbooks must do, and nothing more. Read the file,
// find the parts in the zip's central directory, inflate the ones a check reads (the workbook, its
// relationships, shared strings, styles, every worksheet), and pass once over each worksheet's and
// the shared strings' bytes. No XML parsing, no values, no checks: a reader cannot cost less.
// Usage: node bench/floor.cjs files.json  →  prints {"cpuMs":…,"maxRSS":…,"tags":…}
const { readFileSync } = require("node:fs");
const { inflateRawSync } = require("node:zlib");

const WANTED =
  /^xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|sharedStrings\.xml|styles\.xml|worksheets\/[^/]+\.xml)$/;
const SCANNED = /^xl\/(sharedStrings\.xml|worksheets\/[^/]+\.xml)$/;

/** Every part named in the central directory: name, method, sizes, where its local header is. */
function centralDirectory(buf) {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error("not a zip");
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const parts = [];
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error("bad central directory");
    const nameLength = buf.readUInt16LE(at + 28);
    parts.push({
      name: buf.toString("utf8", at + 46, at + 46 + nameLength),
      method: buf.readUInt16LE(at + 10),
      compressed: buf.readUInt32LE(at + 20),
      local: buf.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return parts;
}

function inflatePart(buf, part) {
  const start = part.local + 30 + buf.readUInt16LE(part.local + 26) + buf.readUInt16LE(part.local + 28);
  const raw = buf.subarray(start, start + part.compressed);
  return part.method === 0 ? raw : inflateRawSync(raw);
}

let tags = 0;
for (const file of require(process.argv[2])) {
  const buf = readFileSync(file);
  for (const part of centralDirectory(buf)) {
    if (!WANTED.test(part.name)) continue;
    const xml = inflatePart(buf, part);
    if (!SCANNED.test(part.name)) continue;
    // The one byte pass: every byte looked at once (here, counting the tags).
    for (let i = 0; i < xml.length; i++) if (xml[i] === 60) tags++;
  }
}
const { user, system } = process.cpuUsage();
const hwm = /VmHWM:\s+(\d+)/.exec(readFileSync("/proc/self/status", "utf8"));
process.stdout.write(
  JSON.stringify({
    cpuMs: (user + system) / 1000,
    maxRSS: hwm ? Number(hwm[1]) : process.resourceUsage().maxRSS,
    tags,
  })
);
