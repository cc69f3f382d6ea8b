// The central directory read by hand: zip64, names (UTF-8, code page 437, Info-ZIP's UTF-8 field),
// the names and records refused, bounds, dates; on zips built byte by byte here.
import { crc32, deflateRawSync } from "node:zlib";
import { zipSync } from "fflate";
import { PackageError, PackageLimitError, PACKAGE_LIMITS } from "../../src/package/limits";
import { bufferSource, PackageReader } from "../../src/package/zip-read";

interface HandEntry {
  /** The name's bytes as stored (a string is written as UTF-8). */
  name: string | Buffer;
  data: Buffer;
  deflate?: boolean;
  flags?: number;
  /** Extra fields of the central directory entry, as they are. */
  extra?: Buffer;
  dosDate?: number;
  dosTime?: number;
  /** The local header's offset as the central directory states it (a lie when set). */
  localOffset?: number;
}

const u16 = (v: number) => {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(v);
  return b;
};
const u32 = (v: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(v >>> 0);
  return b;
};
const u64 = (v: number) => {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(BigInt(v));
  return b;
};

/** A zip made byte by byte; `zip64` writes every size and offset in zip64 fields and end records. */
function handZip(
  entries: HandEntry[],
  opts: { zip64?: boolean; comment?: string; count?: number } = {}
): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  const ones = 0xffffffff;
  for (const e of entries) {
    const name = typeof e.name === "string" ? Buffer.from(e.name, "utf8") : e.name;
    const stored = e.deflate ? deflateRawSync(e.data) : e.data;
    const flags = e.flags ?? (typeof e.name === "string" ? 0x800 : 0);
    const method = e.deflate ? 8 : 0;
    const crc = crc32(e.data);
    const date = e.dosDate ?? 0x5a21; // 2025-01-01
    const time = e.dosTime ?? 0;
    const local = Buffer.concat([
      u32(0x04034b50),
      u16(20),
      u16(flags),
      u16(method),
      u16(time),
      u16(date),
      u32(crc),
      u32(stored.length),
      u32(e.data.length),
      u16(name.length),
      u16(0),
      name,
      stored,
    ]);
    const z64 = opts.zip64
      ? Buffer.concat([u16(1), u16(24), u64(e.data.length), u64(stored.length), u64(offset)])
      : Buffer.alloc(0);
    const extra = Buffer.concat([z64, e.extra ?? Buffer.alloc(0)]);
    central.push(
      Buffer.concat([
        u32(0x02014b50),
        u16(45),
        u16(45),
        u16(flags),
        u16(method),
        u16(time),
        u16(date),
        u32(crc),
        u32(opts.zip64 ? ones : stored.length),
        u32(opts.zip64 ? ones : e.data.length),
        u16(name.length),
        u16(extra.length),
        u16(0),
        u16(0),
        u16(0),
        u32(0),
        u32(opts.zip64 ? ones : (e.localOffset ?? offset)),
        name,
        extra,
      ])
    );
    locals.push(local);
    offset += local.length;
  }
  const dir = Buffer.concat(central);
  const count = opts.count ?? entries.length;
  const comment = Buffer.from(opts.comment ?? "", "utf8");
  const tail: Buffer[] = [];
  if (opts.zip64) {
    const end64At = offset + dir.length;
    tail.push(
      Buffer.concat([
        u32(0x06064b50),
        u64(44),
        u16(45),
        u16(45),
        u32(0),
        u32(0),
        u64(count),
        u64(count),
        u64(dir.length),
        u64(offset),
      ]),
      Buffer.concat([u32(0x07064b50), u32(0), u64(end64At), u32(1)])
    );
  }
  tail.push(
    Buffer.concat([
      u32(0x06054b50),
      u16(0),
      u16(0),
      u16(opts.zip64 ? 0xffff : count),
      u16(opts.zip64 ? 0xffff : count),
      u32(opts.zip64 ? ones : dir.length),
      u32(opts.zip64 ? ones : offset),
      u16(comment.length),
      comment,
    ])
  );
  return Buffer.concat([...locals, dir, ...tail]);
}

const open = (bytes: Buffer) => PackageReader.open(bufferSource(bytes));
const text = (s: string) => Buffer.from(s, "utf8");

test("a zip64 package: sizes and offsets from its zip64 fields and end records", async () => {
  const big = text("<a>" + "Mức độ ".repeat(500) + "</a>");
  const zip = handZip(
    [
      { name: "[Content_Types].xml", data: text("<Types/>") },
      { name: "xl/worksheets/sheet1.xml", data: big, deflate: true },
    ],
    { zip64: true }
  );
  const pkg = await open(zip);
  expect(pkg.parts.map((p) => [p.name, p.size, p.method])).toEqual([
    ["[Content_Types].xml", 8, 0],
    ["xl/worksheets/sheet1.xml", big.length, 8],
  ]);
  expect((await pkg.read("xl/worksheets/sheet1.xml")).equals(big)).toBe(true);
  expect((await pkg.read("[Content_Types].xml")).toString()).toBe("<Types/>");
  // The zip64 end record's count is the bound's count.
  await expect(
    PackageReader.open(bufferSource(zip), { ...PACKAGE_LIMITS, entries: 1 })
  ).rejects.toBeInstanceOf(PackageLimitError);
  // A zip64 end record promised but not there.
  const noLocator = Buffer.from(zip);
  noLocator.writeUInt32LE(0, noLocator.length - 22 - 20);
  await expect(open(noLocator)).rejects.toThrow(/zip64/);
});

test("names: UTF-8 when flagged, code page 437 when not, Info-ZIP's UTF-8 name when its CRC matches", async () => {
  const cp = Buffer.from([0x82, 0x2e, 0x78, 0x6d, 0x6c]); // "é.xml" in code page 437
  const utf8Name = text("tờ.xml");
  const field = (name: Buffer, crcOf: Buffer) =>
    Buffer.concat([u16(0x7075), u16(5 + name.length), Buffer.from([1]), u32(crc32(crcOf)), name]);
  const pkg = await open(
    handZip([
      { name: "đạt.xml", data: text("1") },
      { name: cp, data: text("2") },
      { name: text("t?.xml"), data: text("3"), flags: 0, extra: field(utf8Name, text("t?.xml")) },
      { name: text("x?.xml"), data: text("4"), flags: 0, extra: field(text("lie.xml"), text("other")) },
    ])
  );
  expect(pkg.parts.map((p) => p.name)).toEqual(["đạt.xml", "é.xml", "tờ.xml", "x?.xml"]);
  expect((await pkg.read("TỜ.XML")).toString()).toBe("3");
});

test("names that climb out, are absolute or have backslashes are refused, as are stored sizes that differ", async () => {
  for (const name of ["../evil.xml", "xl/../../evil.xml", "/xl/workbook.xml", "C:/x.xml", "xl\\workbook.xml"])
    await expect(open(handZip([{ name, data: text("x") }]))).rejects.toThrow(/bad central directory/);
  const stored = handZip([{ name: "a.xml", data: text("hello") }]);
  const cd = stored.indexOf(u32(0x02014b50));
  stored.writeUInt32LE(3, cd + 20); // compressed size of a stored entry ≠ its size
  await expect(open(stored)).rejects.toThrow(/size mismatch/);
});

test("records out of bounds, missing, spanned or encrypted are PackageErrors", async () => {
  const good = handZip([{ name: "a.xml", data: text("hello") }], {
    comment: "a comment after the end record",
  });
  expect((await (await open(good)).read("a.xml")).toString()).toBe("hello");
  // More entries declared than the directory holds.
  await expect(open(handZip([{ name: "a.xml", data: text("x") }], { count: 2 }))).rejects.toThrow(
    /bad central directory/
  );
  // The directory's offset past the end of the file.
  const far = Buffer.from(good);
  const end = far.lastIndexOf(u32(0x06054b50));
  far.writeUInt32LE(far.length, end + 16);
  await expect(open(far)).rejects.toThrow(/out of bounds/);
  // Spanned over disks.
  const spanned = Buffer.from(good);
  spanned.writeUInt16LE(1, end + 4);
  await expect(open(spanned)).rejects.toThrow(/multi-disk/);
  // A local header where there is none, or past the end of the file.
  const lost = await open(handZip([{ name: "a.xml", data: text("hello"), localOffset: 3 }]));
  await expect(lost.read("a.xml")).rejects.toThrow(/bad local header/);
  const past = await open(handZip([{ name: "a.xml", data: text("hello"), localOffset: 1 << 30 }]));
  await expect(past.read("a.xml")).rejects.toThrow(PackageError);
  const locked = await open(handZip([{ name: "a.xml", data: text("hello"), flags: 0x801 }]));
  await expect(locked.read("a.xml")).rejects.toThrow(/encrypted/);
  await expect(open(Buffer.alloc(21))).rejects.toThrow(/not a zip/);
});

test("dates: the DOS date in local time, or Info-ZIP's timestamp when there is one", async () => {
  // 2023-12-25 13:45:30 local: date (43 << 9) | (12 << 5) | 25, time (13 << 11) | (45 << 5) | 15.
  const dos = { dosDate: (43 << 9) | (12 << 5) | 25, dosTime: (13 << 11) | (45 << 5) | 15 };
  const ut = Buffer.concat([u16(0x5455), u16(5), Buffer.from([1]), u32(1700000000)]);
  const pkg = await open(
    handZip([
      { name: "a.xml", data: text("a"), ...dos },
      { name: "b.xml", data: text("b"), ...dos, extra: ut },
    ])
  );
  expect(pkg.entry("a.xml")?.modified).toEqual(new Date(2023, 11, 25, 13, 45, 30));
  expect(pkg.entry("b.xml")?.modified).toEqual(new Date(1700000000 * 1000));
  // fflate's own zips (as the writer makes them) read the same way.
  const made = await open(
    Buffer.from(zipSync({ "c.xml": text("c") }, { mtime: new Date(2024, 1, 2, 3, 4, 6) }))
  );
  expect(made.entry("c.xml")?.modified).toEqual(new Date(2024, 1, 2, 3, 4, 6));
});
