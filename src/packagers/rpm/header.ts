/**
 * The rpm header structure (FORMATS.md §2.3), used for both the signature and the main header:
 * 8-byte magic, entry count, data length, 16-byte index entries sorted by tag, then the data
 * store. The first entry is the region tag (62 or 63); its data is a 16-byte trailer at the end
 * of the store whose negative offset covers the whole index, which is how rpm (hdrblobImport)
 * recognises an immutable region. rpm recomputes the store size from the entries in index order
 * with type alignment, so data is laid out exactly that way: no gaps beyond alignment.
 */

export const HEADER_MAGIC = Uint8Array.of(0x8e, 0xad, 0xe8, 0x01, 0, 0, 0, 0);

export const RPM_TYPE = {
  NULL: 0,
  CHAR: 1,
  INT8: 2,
  INT16: 3,
  INT32: 4,
  INT64: 5,
  STRING: 6,
  BIN: 7,
  STRING_ARRAY: 8,
  I18NSTRING: 9,
} as const;
export type RpmType = (typeof RPM_TYPE)[keyof typeof RPM_TYPE];

/** Alignment of each type's data in the store (rpm's typeAlign). */
export const TYPE_ALIGN: Record<number, number> = { 3: 2, 4: 4, 5: 8 };

/** Region tags: the signature header's and the main header's. */
export const REGION_SIGNATURES = 62;
export const REGION_IMMUTABLE = 63;

interface Entry {
  tag: number;
  type: RpmType;
  count: number;
  data: Uint8Array;
}

const encoder = new TextEncoder();

function cString(value: string, tag: number): Uint8Array {
  const bytes = encoder.encode(value);
  if (bytes.includes(0)) throw new Error(`rpm tag ${tag}: strings may not contain NUL`);
  const out = new Uint8Array(bytes.length + 1);
  out.set(bytes);
  return out;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Collects tags and writes a header with its immutable region. Tags may be added in any order. */
export class HeaderBuilder {
  private readonly entries = new Map<number, Entry>();

  constructor(private readonly region: typeof REGION_SIGNATURES | typeof REGION_IMMUTABLE) {}

  private put(tag: number, type: RpmType, count: number, data: Uint8Array): this {
    if (tag <= REGION_IMMUTABLE + 1) throw new Error(`rpm tag ${tag} is reserved for regions`);
    if (this.entries.has(tag)) throw new Error(`rpm tag ${tag} set twice`);
    // rpm rejects entries with count 0 (hdrblobVerifyInfo): an empty list means "omit the tag".
    if (count < 1) throw new Error(`rpm tag ${tag}: empty value (omit the tag instead)`);
    this.entries.set(tag, { tag, type, count, data });
    return this;
  }

  has(tag: number): boolean {
    return this.entries.has(tag);
  }

  int16(tag: number, values: number[]): this {
    const b = new Uint8Array(values.length * 2);
    const v = new DataView(b.buffer);
    values.forEach((x, i) => {
      if (!Number.isInteger(x) || x < 0 || x > 0xffff) throw new Error(`rpm tag ${tag}: ${x} does not fit INT16`);
      v.setUint16(i * 2, x);
    });
    return this.put(tag, RPM_TYPE.INT16, values.length, b);
  }

  /** INT32 values; negative numbers are written two's complement (e.g. FILEVERIFYFLAGS -1). */
  int32(tag: number, values: number[]): this {
    const b = new Uint8Array(values.length * 4);
    const v = new DataView(b.buffer);
    values.forEach((x, i) => {
      if (!Number.isInteger(x) || x < -0x80000000 || x > 0xffffffff) throw new Error(`rpm tag ${tag}: ${x} does not fit INT32`);
      v.setUint32(i * 4, x >>> 0);
    });
    return this.put(tag, RPM_TYPE.INT32, values.length, b);
  }

  int64(tag: number, values: number[]): this {
    const b = new Uint8Array(values.length * 8);
    const v = new DataView(b.buffer);
    values.forEach((x, i) => {
      if (!Number.isSafeInteger(x) || x < 0) throw new Error(`rpm tag ${tag}: ${x} does not fit INT64`);
      v.setBigUint64(i * 8, BigInt(x));
    });
    return this.put(tag, RPM_TYPE.INT64, values.length, b);
  }

  string(tag: number, value: string): this {
    return this.put(tag, RPM_TYPE.STRING, 1, cString(value, tag));
  }

  strings(tag: number, values: string[]): this {
    return this.put(tag, RPM_TYPE.STRING_ARRAY, values.length, concat(values.map((s) => cString(s, tag))));
  }

  /** An I18N string with one value, for the single locale "C" of HEADERI18NTABLE. */
  i18n(tag: number, value: string): this {
    return this.put(tag, RPM_TYPE.I18NSTRING, 1, cString(value, tag));
  }

  bin(tag: number, value: Uint8Array): this {
    return this.put(tag, RPM_TYPE.BIN, value.length, value);
  }

  /** The complete header: magic, counts, index, data store (region trailer last). */
  build(): Uint8Array {
    const sorted = [...this.entries.values()].sort((a, b) => a.tag - b.tag);
    const nindex = sorted.length + 1;
    const index: Uint8Array[] = [];
    const data: Uint8Array[] = [];
    let size = 0;
    const entry = (tag: number, type: number, offset: number, count: number) => {
      const b = new Uint8Array(16);
      const v = new DataView(b.buffer);
      v.setUint32(0, tag);
      v.setUint32(4, type);
      v.setInt32(8, offset);
      v.setUint32(12, count);
      return b;
    };
    for (const e of sorted) {
      const align = TYPE_ALIGN[e.type] ?? 1;
      const pad = (align - (size % align)) % align;
      if (pad) {
        data.push(new Uint8Array(pad));
        size += pad;
      }
      index.push(entry(e.tag, e.type, size, e.count));
      data.push(e.data);
      size += e.data.length;
    }
    // The region: index entry first, pointing at a trailer at the end of the store; the trailer's
    // negative offset says how many index entries (bytes / 16) the region covers: all of them.
    const regionEntry = entry(this.region, RPM_TYPE.BIN, size, 16);
    data.push(entry(this.region, RPM_TYPE.BIN, -(nindex * 16), 16));
    size += 16;
    const intro = new Uint8Array(16);
    intro.set(HEADER_MAGIC);
    const iv = new DataView(intro.buffer);
    iv.setUint32(8, nindex);
    iv.setUint32(12, size);
    return concat([intro, regionEntry, ...index, ...data]);
  }
}
