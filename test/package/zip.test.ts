import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import zlib from "node:zlib";
import { crc32, deflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import { Zip, zipSync, type ZipInputFile } from "fflate";
import { PackageError, PackageLimitError, PACKAGE_LIMITS } from "../../src/package/limits";
import { readRelationships, relKind, relsPartName, resolveTarget } from "../../src/package/opc";
import { bufferSource, PackageReader } from "../../src/package/zip-read";
import { packageBytes, rewritePlan } from "../../src/package/zip-write";

const FIXTURES = join(__dirname, "..", "fixtures");
const workbooks = ["examples", "bad"].flatMap((d) =>
  readdirSync(join(FIXTURES, d))
    .filter((f) => f.endsWith(".xlsx") && f !== "100000-dong.xlsx")
    .map((f) => join(FIXTURES, d, f))
);
const zips = workbooks.filter(
  (f) => readFileSync(f).subarray(0, 2).toString() === "PK" && !f.includes("cat-cut")
);

const open = (bytes: Uint8Array, limits = PACKAGE_LIMITS) => PackageReader.open(bufferSource(bytes), limits);

async function partsOf(pkg: PackageReader): Promise<Map<string, Buffer>> {
  const parts = new Map<string, Buffer>();
  for (const p of pkg.parts) parts.set(p.name, await pkg.read(p.name));
  return parts;
}

describe.each(zips.map((f) => [f.slice(FIXTURES.length + 1), f]))("%s", (_name, file) => {
  test("read → written back → every part equal, stored bytes too; ExcelJS opens the copy", async () => {
    const bytes = readFileSync(file);
    const pkg = await open(bytes);
    const before = await partsOf(pkg);
    expect(before.size).toBeGreaterThan(5);
    const copy = await packageBytes(pkg.parts.map((p) => ({ name: p.name, from: pkg })));
    const again = await open(copy);
    expect(again.parts.map((p) => p.name)).toEqual(pkg.parts.map((p) => p.name));
    expect(await partsOf(again)).toEqual(before);
    for (const p of pkg.parts) expect((await again.raw(p.name)).equals(await pkg.raw(p.name))).toBe(true);
    // ExcelJS's own reading of the big corpus files takes seconds; their parts are compared above.
    if (bytes.length > 1_000_000) return;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(copy as unknown as ArrayBuffer);
    const original = new ExcelJS.Workbook();
    await original.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(original.worksheets.map((w) => w.name));
    // Generous: ExcelJS reads each file twice, seconds on a busy machine; nothing here is timed.
  }, 120_000);
});

test("a changed part is replaced, the others carried over byte for byte; parts can be removed and added", async () => {
  const pkg = await open(readFileSync(join(FIXTURES, "examples", "huyen-an-duong.xlsx")));
  const sheet = (await pkg.read("xl/worksheets/sheet1.xml"))
    .toString("utf8")
    .replace("</sheetData>", "</sheetData>");
  const changed = sheet.replace(/<v>/, "<v>");
  const plan = rewritePlan(pkg, {
    replace: new Map([["XL/worksheets/sheet1.xml", changed + "<!-- changed -->"]]),
    remove: ["docProps/app.xml"],
    add: [{ name: "customXml/item1.xml", data: "<a/>" }],
  });
  const copy = await open(await packageBytes(plan));
  expect(copy.parts.map((p) => p.name)).toEqual([
    ...pkg.parts.map((p) => p.name).filter((n) => n !== "docProps/app.xml"),
    "customXml/item1.xml",
  ]);
  expect((await copy.read("xl/worksheets/sheet1.xml")).toString()).toBe(changed + "<!-- changed -->");
  expect((await copy.read("customXml/item1.xml")).toString()).toBe("<a/>");
  for (const p of pkg.parts.filter((x) => !/sheet1|app\.xml/.test(x.name)))
    expect((await copy.raw(p.name)).equals(await pkg.raw(p.name))).toBe(true);
  expect(() => rewritePlan(pkg, { replace: new Map([["nope.xml", "x"]]) })).toThrow(/not in the package/);
  await expect(
    packageBytes([
      { name: "a", data: "1" },
      { name: "A", data: "2" },
    ])
  ).rejects.toThrow(/twice/);
});

test("writing the same parts twice gives the same bytes (no clock in the output)", async () => {
  const parts = [
    { name: "[Content_Types].xml", data: "<Types/>" },
    { name: "xl/workbook.xml", data: "<workbook/>" },
  ];
  const a = await packageBytes(parts);
  await new Promise((r) => setTimeout(r, 2100));
  expect((await packageBytes(parts)).equals(a)).toBe(true);
});

/** A zip of one deflated entry of `size` zero bytes, compressed natively (fflate's own deflate is slow at this size). */
async function deflatedZip(name: string, size: number): Promise<Buffer> {
  const raw = deflateRawSync(Buffer.alloc(size), { level: 9 });
  const chunks: Uint8Array[] = [];
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    chunks.push(chunk);
  });
  const file: ZipInputFile = {
    filename: name,
    size,
    crc: crc32(Buffer.alloc(size)),
    compression: 8,
    mtime: new Date(2020, 0, 1),
  };
  zip.add(file);
  file.ondata?.(null, raw as Uint8Array<ArrayBuffer>, true);
  zip.end();
  return Buffer.concat(chunks);
}

/** Sets the uncompressed size a zip's central directory declares for its first entry. */
function declare(zip: Uint8Array, size: number): Buffer {
  const b = Buffer.from(zip);
  const cd = b.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  b.writeUInt32LE(size, cd + 24);
  return b;
}

describe("bounded reading", () => {
  test("a zip bomb stops at its declared size, at once", async () => {
    // 256 MB of zeros in about 250 KB, declared as 1 MB: plausible sizes, a lie found by inflating.
    const bomb = declare(await deflatedZip("xl/worksheets/sheet1.xml", 256 * 1024 * 1024), 1024 * 1024);
    const pkg = await open(bomb);
    // "At once" is shown by the work asked of zlib, not by a clock: it is told to stop at the declared
    // megabyte, so the 256 MB never exist.
    const inflate = jest.spyOn(zlib, "inflateRawSync");
    try {
      await expect(pkg.read("xl/worksheets/sheet1.xml")).rejects.toThrow(/larger than its entry says/);
      expect(inflate).toHaveBeenCalledTimes(1);
      expect(inflate.mock.calls[0]?.[1]).toMatchObject({ maxOutputLength: 1024 * 1024 });
    } finally {
      inflate.mockRestore();
    }
  });

  test("a part declared over the bound is refused before anything is inflated", async () => {
    const pkg = await open(declare(zipSync({ "a.xml": new Uint8Array(10) }), 0xfffffff0));
    const err = await pkg.read("a.xml").catch((e) => e);
    expect(err).toBeInstanceOf(PackageLimitError);
    expect(err).toMatchObject({ bound: "partBytes", limit: PACKAGE_LIMITS.partBytes, part: "a.xml" });
  });

  test("per part, in all, and entries", async () => {
    const zip = zipSync({
      "a.xml": new Uint8Array(600),
      "b.xml": new Uint8Array(600),
      "c.xml": new Uint8Array(600),
    });
    const pkg = await open(zip, { entries: 10, partBytes: 1000, totalBytes: 1500 });
    await pkg.read("a.xml");
    await expect(pkg.read("b.xml", 500)).rejects.toMatchObject({ bound: "partBytes", limit: 500 });
    await pkg.read("b.xml");
    await expect(pkg.read("c.xml")).rejects.toMatchObject({ bound: "totalBytes", limit: 1500 });
    await expect(open(zip, { entries: 2, partBytes: 1000, totalBytes: 1500 })).rejects.toMatchObject({
      bound: "entries",
      actual: 3,
    });
  });

  test("damaged data, truncated files, lying and duplicate entries are PackageErrors", async () => {
    const good = Buffer.from(zipSync({ "a.xml": Buffer.from("<a>hello hello hello</a>") }, { level: 0 }));
    const damaged = Buffer.from(good);
    damaged[damaged.indexOf("hello") + 1] = 0x58;
    await expect((await open(damaged)).read("a.xml")).rejects.toThrow(/checksum/);
    await expect(open(good.subarray(0, good.length - 30))).rejects.toThrow(PackageError);
    await expect(open(Buffer.from("not a zip at all, just text"))).rejects.toThrow(/not a zip/);
    const twice = zipSync({ "a.xml": Buffer.from("1"), "A.XML": Buffer.from("2") });
    await expect(open(twice)).rejects.toThrow(/two entries/);
    const short = declare(zipSync({ "a.xml": Buffer.from("hello world") }, { level: 0 }), 5);
    await expect(open(short)).rejects.toThrow(/size mismatch/); // stored sizes disagree
    await expect((await open(good)).read("b.xml")).rejects.toThrow(/missing/);
  });
});

test("relationships: targets resolved against their source part; strict and transitional kinds alike", async () => {
  expect(relsPartName("xl/workbook.xml")).toBe("xl/_rels/workbook.xml.rels");
  expect(relsPartName("")).toBe("_rels/.rels");
  expect(resolveTarget("xl/workbook.xml", "worksheets/sheet1.xml")).toBe("xl/worksheets/sheet1.xml");
  expect(resolveTarget("xl/workbook.xml", "/xl/worksheets/sheet%201.xml")).toBe("xl/worksheets/sheet 1.xml");
  expect(resolveTarget("xl/worksheets/sheet1.xml", "../drawings/./d1.xml")).toBe("xl/drawings/d1.xml");
  expect(relKind("http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet")).toBe("worksheet");
  const pkg = await open(readFileSync(join(FIXTURES, "examples", "huyen-an-duong.xlsx")));
  const root = await readRelationships(pkg, "");
  expect(root.find((r) => relKind(r.type) === "officeDocument")?.target).toBe("xl/workbook.xml");
  const wb = await readRelationships(pkg, "xl/workbook.xml");
  expect(wb.filter((r) => relKind(r.type) === "worksheet").map((r) => r.target)).toEqual([
    "xl/worksheets/sheet1.xml",
  ]);
  expect(await readRelationships(pkg, "xl/worksheets/sheet1.xml")).toEqual([]);
});

test("a large part comes in pieces, inflated as it is consumed, checked like a whole read", async () => {
  const text = Buffer.from(
    `<a>${Array.from({ length: 200000 }, (_, i) => `<b n="${i}">Mức ${i % 4}</b>`).join("")}</a>`
  );
  const zip = Buffer.from(zipSync({ "x.xml": text }));
  const pkg = await open(zip);
  const pieces: Buffer[] = [];
  // Pieces above a megabyte here (the reader's own threshold is larger: 32 MB).
  for await (const p of pkg.pieces("x.xml", undefined, 1024 * 1024)) pieces.push(p);
  expect(pieces.length).toBeGreaterThan(3);
  expect(Buffer.concat(pieces).equals(text)).toBe(true);
  expect(pkg.bytesRead).toBe(text.length);
  // A wrong checksum in the central directory: found at the end of the pieces.
  const bad = Buffer.from(zip);
  const cd = bad.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  bad.writeUInt32LE((bad.readUInt32LE(cd + 16) + 1) >>> 0, cd + 16);
  const damaged = await open(bad);
  await expect(
    (async () => {
      for await (const p of damaged.pieces("x.xml", undefined, 1024 * 1024)) void p;
    })()
  ).rejects.toThrow(/checksum/);
  // Generous: fflate deflating 6 MB takes seconds when the machine is busy; nothing here is timed.
}, 120_000);
