import { describe, expect, test } from '@jest/globals';
import { HeaderBuilder, REGION_IMMUTABLE, REGION_SIGNATURES, RPM_TYPE } from '../../src/packagers/rpm/header.js';
import { lead } from '../../src/packagers/rpm/lead.js';
import { parseHeader } from '../../src/packagers/rpm/reader.js';

/** Index entries read straight from the bytes, independent of the reader under test. */
function index(bytes: Uint8Array) {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const il = v.getUint32(8);
  const dl = v.getUint32(12);
  const entries = [...Array(il).keys()].map((i) => ({ tag: v.getUint32(16 + i * 16), type: v.getUint32(20 + i * 16), offset: v.getInt32(24 + i * 16), count: v.getUint32(28 + i * 16) }));
  return { il, dl, entries, store: bytes.subarray(16 + il * 16), v };
}

describe('rpm header structure', () => {
  test('magic, counts, sorted index, aligned data and the region trailer', () => {
    const h = new HeaderBuilder(REGION_IMMUTABLE);
    // Added out of order on purpose; odd-length strings force alignment padding before numbers.
    h.int64(5009, [2 ** 33]);
    h.string(1000, 'abc');
    h.int16(1030, [0o100755, 0o40755, 0o120777]);
    h.int32(1006, [1700000000]);
    h.strings(1117, ['a', 'bc']);
    h.bin(1146, Uint8Array.of(1, 2, 3));
    h.i18n(1004, 'sum');
    const bytes = h.build();
    expect([...bytes.subarray(0, 8)]).toEqual([0x8e, 0xad, 0xe8, 0x01, 0, 0, 0, 0]);
    const { il, dl, entries, store, v } = index(bytes);
    expect(il).toBe(8);
    expect(bytes.length).toBe(16 + il * 16 + dl);
    expect(entries.map((e) => e.tag)).toEqual([63, 1000, 1004, 1006, 1030, 1117, 1146, 5009]);
    const at = (tag: number) => entries.find((e) => e.tag === tag)!;
    // 'abc\0' 0..4, 'sum\0' 4..8, INT32 at 8 (aligned), INT16 at 12, 'a\0bc\0' at 18, BIN at 23, INT64 at 32 (26 → 32).
    expect(at(1000)).toMatchObject({ type: RPM_TYPE.STRING, offset: 0, count: 1 });
    expect(at(1004)).toMatchObject({ type: RPM_TYPE.I18NSTRING, offset: 4, count: 1 });
    expect(at(1006)).toMatchObject({ type: RPM_TYPE.INT32, offset: 8, count: 1 });
    expect(at(1030)).toMatchObject({ type: RPM_TYPE.INT16, offset: 12, count: 3 });
    expect(at(1117)).toMatchObject({ type: RPM_TYPE.STRING_ARRAY, offset: 18, count: 2 });
    expect(at(1146)).toMatchObject({ type: RPM_TYPE.BIN, offset: 23, count: 3 });
    expect(at(5009)).toMatchObject({ type: RPM_TYPE.INT64, offset: 32, count: 1 });
    expect([...store.subarray(26, 32)]).toEqual([0, 0, 0, 0, 0, 0]);
    expect(new DataView(store.buffer, store.byteOffset).getBigUint64(32)).toBe(2n ** 33n);
    expect(new DataView(store.buffer, store.byteOffset).getUint16(12)).toBe(0o100755);
    // Region: first entry, BIN of 16 bytes at the trailer, which holds -(il * 16).
    expect(entries[0]).toEqual({ tag: 63, type: RPM_TYPE.BIN, offset: dl - 16, count: 16 });
    expect(dl).toBe(40 + 16);
    const t = new DataView(store.buffer, store.byteOffset + dl - 16, 16);
    expect([t.getUint32(0), t.getUint32(4), t.getInt32(8), t.getUint32(12)]).toEqual([63, 7, -il * 16, 16]);
    expect(v.getUint32(8)).toBe(il);
    // And rpm's own rules hold for it (reader mirrors hdrblobVerifyInfo / hdrblobImport).
    const parsed = parseHeader(bytes, 0, REGION_IMMUTABLE);
    expect(parsed.ints(1030)).toEqual([0o100755, 0o40755, 0o120777]);
    expect(parsed.strings(1117)).toEqual(['a', 'bc']);
    expect(parsed.ints(5009)).toEqual([2 ** 33]);
    expect(parsed.string(1004)).toBe('sum');
  });

  test('INT16 data is 2-aligned and INT32 4-aligned after odd offsets', () => {
    const h = new HeaderBuilder(REGION_IMMUTABLE).string(1000, 'x').int16(1030, [1]).int32(1037, [-1]);
    const { entries, store } = index(h.build());
    expect(entries.find((e) => e.tag === 1030)!.offset).toBe(2);
    expect(entries.find((e) => e.tag === 1037)!.offset).toBe(4);
    expect([...store.subarray(4, 8)]).toEqual([0xff, 0xff, 0xff, 0xff]);
  });

  test('the signature region uses tag 62', () => {
    const bytes = new HeaderBuilder(REGION_SIGNATURES).string(273, 'ab').int32(1000, [5]).build();
    const { entries } = index(bytes);
    expect(entries[0]!.tag).toBe(62);
    expect(parseHeader(bytes, 0, REGION_SIGNATURES).int(1000)).toBe(5);
  });

  test('empty values, duplicate and reserved tags, NULs and overflow are refused', () => {
    expect(() => new HeaderBuilder(REGION_IMMUTABLE).strings(1117, [])).toThrow(/empty/);
    expect(() => new HeaderBuilder(REGION_IMMUTABLE).int32(1028, [])).toThrow(/empty/);
    expect(() => new HeaderBuilder(REGION_IMMUTABLE).string(1000, 'a').string(1000, 'b')).toThrow(/twice/);
    expect(() => new HeaderBuilder(REGION_IMMUTABLE).string(63, 'a')).toThrow(/reserved/);
    expect(() => new HeaderBuilder(REGION_IMMUTABLE).string(1000, 'a\0b')).toThrow(/NUL/);
    expect(() => new HeaderBuilder(REGION_IMMUTABLE).int16(1030, [0x10000])).toThrow(/INT16/);
  });

  test('the reader rejects what rpm rejects', () => {
    const good = new HeaderBuilder(REGION_IMMUTABLE).string(1000, 'abc').int32(1006, [1]).build();
    expect(() => parseHeader(good, 0, REGION_SIGNATURES)).toThrow(/region 62/);
    const swapped = Uint8Array.from(good);
    // Swap the two non-region index entries: tags out of order.
    swapped.set(good.subarray(48, 64), 32);
    swapped.set(good.subarray(32, 48), 48);
    expect(() => parseHeader(swapped, 0, REGION_IMMUTABLE)).toThrow(/out of order|overlaps|no gaps/);
    const misaligned = Uint8Array.from(good);
    new DataView(misaligned.buffer).setInt32(48 + 8, 5);
    expect(() => parseHeader(misaligned, 0, REGION_IMMUTABLE)).toThrow(/aligned/);
    const badTrailer = Uint8Array.from(good);
    new DataView(badTrailer.buffer).setInt32(badTrailer.length - 8, -32);
    expect(() => parseHeader(badTrailer, 0, REGION_IMMUTABLE)).toThrow(/trailer/);
  });
});

describe('rpm lead', () => {
  test('magic, v3.0 binary, arch and os numbers, signature type 5, truncated name', () => {
    const b = lead('servin-0.9.2-1', 'aarch64');
    expect(b.length).toBe(96);
    const v = new DataView(b.buffer);
    expect([...b.subarray(0, 6)]).toEqual([0xed, 0xab, 0xee, 0xdb, 3, 0]);
    expect(v.getUint16(6)).toBe(0);
    expect(v.getUint16(8)).toBe(19);
    expect(Buffer.from(b.subarray(10, 24)).toString()).toBe('servin-0.9.2-1');
    expect(b[24]).toBe(0);
    expect(v.getUint16(76)).toBe(1);
    expect(v.getUint16(78)).toBe(5);
    const long = lead('x'.repeat(100), 'x86_64');
    expect(long.subarray(10, 76).indexOf(0)).toBe(65);
  });
});
