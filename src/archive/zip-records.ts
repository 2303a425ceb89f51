/**
 * ZIP records (APPNOTE 6.3.x): local and central file headers, the ZIP64 and classic end of
 * central directory, DOS timestamps. Pure encoders; zip.ts streams the data between them.
 */
const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_END64 = 0x06064b50;
const SIG_LOCATOR64 = 0x07064b50;
export const MAX16 = 0xffff;
export const MAX32 = 0xffffffff;
const MADE_BY_UNIX = 3;
export const FLAG_UTF8 = 1 << 11;
const EXTRA_ZIP64 = 0x0001;
const EXTRA_TIME = 0x5455; // "UT": the exact modification time, which DOS time cannot hold
export const S_IFREG = 0o100000;
export const S_IFDIR = 0o040000;
export const DOS_DIRECTORY = 0x10;
export const DOS_READ_ONLY = 0x01;
/** 1980-01-01T00:00:00Z and 2107-12-31T23:59:58Z: the range of a DOS timestamp. */
const DOS_MIN = 315532800;
const DOS_MAX = 4354819198;

/** DOS date and time fields (2-second resolution) of a UTC time, clamped to what DOS can hold. */
export function dosDateTime(seconds: number): { date: number; time: number } {
  const d = new Date(Math.min(Math.max(seconds, DOS_MIN), DOS_MAX) * 1000);
  return {
    date: ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1),
  };
}

/** One entry as both headers describe it; offsets and sizes are plain numbers (safe up to 2^53). */
export interface ZipRecord {
  name: Buffer;
  flags: number;
  method: number;
  date: number;
  time: number;
  crc: number;
  csize: number;
  usize: number;
  offset: number;
  external: number;
  zip64Sizes: boolean;
  zip64Offset: boolean;
  needed: number;
  utime?: number;
}

/** Little-endian field writer over a fixed-size buffer. */
export class Fields {
  readonly buf: Buffer;
  private at = 0;
  constructor(size: number) {
    this.buf = Buffer.alloc(size);
  }
  u16(v: number): this {
    this.at = this.buf.writeUInt16LE(v, this.at);
    return this;
  }
  u32(v: number): this {
    this.at = this.buf.writeUInt32LE(v >>> 0, this.at);
    return this;
  }
  u64(v: number): this {
    this.at = this.buf.writeBigUInt64LE(BigInt(v), this.at);
    return this;
  }
  bytes(b: Uint8Array): this {
    this.buf.set(b, this.at);
    this.at += b.length;
    return this;
  }
}

/** The "UT" extra field: flags (bit 0 = mtime follows) and the mtime, in local and central headers. */
function timeExtra(utime: number | undefined): Buffer {
  return utime === undefined ? Buffer.alloc(0) : new Fields(9).u16(EXTRA_TIME).u16(5).bytes(Uint8Array.of(1)).u32(utime).buf;
}

/** ZIP64 extra: only the fields whose 32-bit slot holds 0xFFFFFFFF, in APPNOTE's order. */
function zip64Extra(values: number[]): Buffer {
  if (values.length === 0) return Buffer.alloc(0);
  const f = new Fields(4 + 8 * values.length).u16(EXTRA_ZIP64).u16(8 * values.length);
  for (const v of values) f.u64(v);
  return f.buf;
}

export function localHeader(r: ZipRecord): { header: Buffer; zip64At: number } {
  const z64 = r.zip64Sizes ? zip64Extra([r.usize, r.csize]) : Buffer.alloc(0);
  const extra = Buffer.concat([z64, timeExtra(r.utime)]);
  const f = new Fields(30 + r.name.length + extra.length)
    .u32(SIG_LOCAL)
    .u16(r.needed)
    .u16(r.flags)
    .u16(r.method)
    .u16(r.time)
    .u16(r.date)
    .u32(r.crc)
    .u32(r.zip64Sizes ? MAX32 : r.csize)
    .u32(r.zip64Sizes ? MAX32 : r.usize)
    .u16(r.name.length)
    .u16(extra.length)
    .bytes(r.name)
    .bytes(extra);
  return { header: f.buf, zip64At: 30 + r.name.length + 4 };
}

export function centralHeader(r: ZipRecord): Buffer {
  const values = r.zip64Sizes ? [r.usize, r.csize] : [];
  if (r.zip64Offset) values.push(r.offset);
  const extra = Buffer.concat([zip64Extra(values), timeExtra(r.utime)]);
  return new Fields(46 + r.name.length + extra.length)
    .u32(SIG_CENTRAL)
    .u16((MADE_BY_UNIX << 8) | Math.max(r.needed, 20))
    .u16(r.needed)
    .u16(r.flags)
    .u16(r.method)
    .u16(r.time)
    .u16(r.date)
    .u32(r.crc)
    .u32(r.zip64Sizes ? MAX32 : r.csize)
    .u32(r.zip64Sizes ? MAX32 : r.usize)
    .u16(r.name.length)
    .u16(extra.length)
    .u16(0) // comment length
    .u16(0) // disk number start
    .u16(0) // internal attributes
    .u32(r.external)
    .u32(r.zip64Offset ? MAX32 : r.offset)
    .bytes(r.name)
    .bytes(extra).buf;
}

export function endRecords(count: number, cdOffset: number, cdSize: number, force: boolean): Buffer {
  const zip64 = force || count > MAX16 - 1 || cdOffset >= MAX32 || cdSize >= MAX32;
  const parts: Buffer[] = [];
  if (zip64) {
    const end64At = cdOffset + cdSize;
    parts.push(new Fields(56).u32(SIG_END64).u64(44).u16((MADE_BY_UNIX << 8) | 45).u16(45).u32(0).u32(0).u64(count).u64(count).u64(cdSize).u64(cdOffset).buf);
    parts.push(new Fields(20).u32(SIG_LOCATOR64).u32(0).u64(end64At).u32(1).buf);
  }
  const n = zip64 && (force || count >= MAX16) ? MAX16 : count;
  parts.push(
    new Fields(22)
      .u32(SIG_END)
      .u16(0)
      .u16(0)
      .u16(n)
      .u16(n)
      .u32(zip64 && (force || cdSize >= MAX32) ? MAX32 : cdSize)
      .u32(zip64 && (force || cdOffset >= MAX32) ? MAX32 : cdOffset)
      .u16(0).buf,
  );
  return Buffer.concat(parts);
}
