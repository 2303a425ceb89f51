import { describe, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { mayNeedZip64, writeZip, type ZipItem } from '../../src/archive/zip.js';
import { dosDateTime } from '../../src/archive/zip-records.js';
import { readZip } from '../support/archive.js';

const MTIME = 1700000000; // 2023-11-14T22:13:20Z
const dir = mkdtempSync(join(tmpdir(), 'pa-zip-'));
let n = 0;

/** Compressible but not trivial: a repeating 251-byte pattern with a counter mixed in. */
function sample(size: number): Buffer {
  const b = Buffer.alloc(size);
  for (let i = 0; i < size; i++) b[i] = ((i % 251) * 7 + (i >> 12)) & 0xff;
  return b;
}

const file = (name: string, data: Buffer, mode = 0o644, chunk = data.length || 1): ZipItem => ({
  entry: { name, type: 'file', mode, mtime: MTIME, size: data.length },
  body: async function* () {
    for (let i = 0; i < data.length; i += chunk) yield data.subarray(i, i + chunk);
  },
});
const folder = (name: string, mode = 0o755): ZipItem => ({ entry: { name, type: 'dir', mode, mtime: MTIME, size: 0 } });

async function zip(items: ZipItem[], opts: Parameters<typeof writeZip>[2] = {}): Promise<Buffer> {
  const path = join(dir, `${n++}.zip`);
  await writeZip(items, path, opts);
  return readFileSync(path);
}

describe('DOS timestamps', () => {
  test('UTC fields with 2-second resolution', () => {
    expect(dosDateTime(MTIME)).toEqual({ date: (43 << 9) | (11 << 5) | 14, time: (22 << 11) | (13 << 5) | 10 });
    expect(dosDateTime(MTIME + 1)).toEqual(dosDateTime(MTIME)); // odd seconds round down
  });
  test('clamped to 1980-01-01 and 2107-12-31', () => {
    expect(dosDateTime(0)).toEqual({ date: (1 << 5) | 1, time: 0 });
    expect(dosDateTime(315532800)).toEqual({ date: (1 << 5) | 1, time: 0 });
    expect(dosDateTime(10_000_000_000)).toEqual({ date: (127 << 9) | (12 << 5) | 31, time: (23 << 11) | (59 << 5) | 29 });
  });
});

describe('zip writer: headers', () => {
  test('a deflated file: local and central headers agree, CRC and sizes are right, data inflates back', async () => {
    const data = sample(200_000);
    const buf = await zip([file('servin', data, 0o755)]);
    // Local header, byte by byte.
    expect(buf.readUInt32LE(0)).toBe(0x04034b50);
    expect(buf.readUInt16LE(4)).toBe(20); // deflate needs 2.0
    expect(buf.readUInt16LE(6)).toBe(0x0002); // no data descriptor (bit 3), ASCII name (no bit 11), "maximum" deflate
    expect(buf.readUInt16LE(8)).toBe(8);
    expect(buf.readUInt16LE(10)).toBe(dosDateTime(MTIME).time);
    expect(buf.readUInt16LE(12)).toBe(dosDateTime(MTIME).date);
    expect(buf.readUInt32LE(14)).toBe(crc32(data));
    expect(buf.readUInt32LE(22)).toBe(data.length);
    expect(buf.readUInt16LE(26)).toBe(6);
    expect(buf.subarray(30, 36).toString()).toBe('servin');
    // UT extra: flags 1 (mtime), then the exact time (DOS time lost the odd second... and the zone).
    expect(buf.readUInt16LE(28)).toBe(9);
    expect([...buf.subarray(36, 41)]).toEqual([0x55, 0x54, 5, 0, 1]);
    expect(buf.readUInt32LE(41)).toBe(MTIME);

    const { members, zip64End, end } = readZip(buf);
    expect(zip64End).toBeUndefined();
    expect(end.count).toBe(1);
    const m = members[0]!;
    expect(m.versionMadeBy).toBe((3 << 8) | 20); // Unix: unzip applies the mode in the external attributes
    expect(m.externalAttrs >>> 16).toBe(0o100755);
    expect(m.externalAttrs & 0xffff).toBe(0);
    expect(m.crc).toBe(crc32(data));
    expect(m.compressedSize).toBe(buf.readUInt32LE(18));
    expect(m.compressedSize).toBeLessThan(data.length);
    expect(m.data.equals(data)).toBe(true);
    expect(m.centralExtra.get(0x5455)).toEqual(Buffer.from([1, ...[0, 0, 0, 0].map((_, i) => (MTIME >>> (8 * i)) & 0xff)]));
    expect(end.cdOffset + end.cdSize).toBe(buf.length - 22);
    // Nothing between the deflate stream and the central directory (no gzip trailer, no descriptor).
    expect(30 + 6 + 9 + m.compressedSize).toBe(end.cdOffset);
  });

  test('directories and empty files are stored; modes and DOS attributes; UTF-8 flag only for non-ASCII names', async () => {
    const { members } = readZip(await zip([folder('docs/'), file('docs/ünïcödé.md', Buffer.from('ü\n')), file('empty', Buffer.alloc(0), 0o444)]));
    const [d, u, e] = members;
    expect(d!.name).toBe('docs/');
    expect(d!.method).toBe(0);
    expect(d!.versionNeeded).toBe(20);
    expect(d!.externalAttrs >>> 16).toBe(0o040755);
    expect(d!.externalAttrs & 0xff).toBe(0x10);
    expect(d!.flags & 0x800).toBe(0);
    expect(u!.name).toBe('docs/ünïcödé.md');
    expect(u!.flags & 0x800).toBe(0x800);
    expect(u!.data.toString()).toBe('ü\n');
    expect(e!.method).toBe(0);
    expect(e!.versionNeeded).toBe(10);
    expect([e!.crc, e!.size, e!.compressedSize]).toEqual([0, 0, 0]);
    expect(e!.externalAttrs >>> 16).toBe(0o100444);
    expect(e!.externalAttrs & 0x01).toBe(0x01); // read-only for Windows too
  });

  test('deflate level: stream equals zlib raw deflate of the data, and the flag bits follow Info-ZIP', async () => {
    const data = Buffer.from('hello hello hello hello\n');
    for (const [level, bits] of [[9, 2], [6, 0], [1, 6]] as const) {
      const m = readZip(await zip([file('a', data)], { level })).members[0]!;
      expect(m.flags & 0x6).toBe(bits);
      expect(m.data.equals(data)).toBe(true);
    }
    // A valid raw deflate stream (not gzip-framed): inflating it gave the data back above; and the
    // size is in the same range as zlib's own.
    const ours = readZip(await zip([file('a', sample(100_000))])).members[0]!.compressedSize;
    expect(Math.abs(ours - deflateRawSync(sample(100_000), { level: 9 }).length)).toBeLessThan(200);
  });

  test('no UT field when the time does not fit a signed 32-bit value', async () => {
    const m = readZip(await zip([{ ...file('a', Buffer.from('x')), entry: { ...file('a', Buffer.from('x')).entry, mtime: 2 ** 31 } }])).members[0]!;
    expect(m.centralExtra.has(0x5455)).toBe(false);
    expect(m.localExtra.has(0x5455)).toBe(false);
  });
});

describe('zip writer: ZIP64', () => {
  test('decided per file from its size, with room for deflate growing incompressible data', () => {
    expect(mayNeedZip64(0)).toBe(false);
    expect(mayNeedZip64(100 * 2 ** 20)).toBe(false);
    expect(mayNeedZip64(4_000_000_000)).toBe(false);
    expect(mayNeedZip64(0xffffffff - 4_200_000)).toBe(false);
    expect(mayNeedZip64(0xffffffff - 4_000_000)).toBe(true); // deflate of random data may cross 4 GiB
    expect(mayNeedZip64(5 * 2 ** 30)).toBe(true);
  });

  test('forced: sizes in local and central ZIP64 fields, offsets too, ZIP64 end record and locator', async () => {
    const data = sample(50_000);
    const buf = await zip([folder('d/'), file('d/a', data), file('d/b', Buffer.from('b\n'))], { forceZip64: true });
    const { members, zip64End, end } = readZip(buf);
    expect(members.map((m) => m.name)).toEqual(['d/', 'd/a', 'd/b']);
    for (const m of members) {
      expect(m.versionNeeded).toBe(45);
      const local = m.localExtra.get(1)!;
      expect(local.length).toBe(16);
      expect(Number(local.readBigUInt64LE(0))).toBe(m.size);
      expect(Number(local.readBigUInt64LE(8))).toBe(m.compressedSize);
      expect(m.centralExtra.get(1)!.length).toBe(24);
      expect(buf.readUInt32LE(m.offset + 18)).toBe(0xffffffff);
      expect(buf.readUInt32LE(m.offset + 22)).toBe(0xffffffff);
    }
    expect(members[1]!.data.equals(data)).toBe(true);
    expect(members[1]!.offset).toBeGreaterThan(0);
    expect(zip64End).toBeDefined();
    expect(zip64End!.count).toBe(3n);
    expect(Number(zip64End!.cdOffset) + Number(zip64End!.cdSize)).toBe(zip64End!.at);
    expect(end).toEqual({ count: 0xffff, cdSize: 0xffffffff, cdOffset: 0xffffffff });
  });
});

describe('zip writer: determinism and errors', () => {
  test('the same bytes whatever the thread count and however the bodies are chunked', async () => {
    const big = sample(700_000);
    const items = (chunk: number) => [folder('bin/'), file('bin/app', big, 0o755, chunk), file('README.md', Buffer.from('# app\n'), 0o644, 1)];
    const a = await zip(items(big.length), { threads: 1 });
    const b = await zip(items(4096), { threads: 4 });
    const c = await zip(items(99_999), { threads: 2 });
    expect(a.equals(b)).toBe(true);
    expect(a.equals(c)).toBe(true);
  });

  test('a body shorter or longer than its size is an error, not a corrupt archive', async () => {
    const short: ZipItem = { entry: { name: 'a', type: 'file', mode: 0o644, mtime: MTIME, size: 10 }, body: async function* () { yield Buffer.from('12345'); } };
    await expect(zip([short])).rejects.toThrow(/expected 10 bytes, read 5/);
    const long: ZipItem = { entry: { name: 'a', type: 'file', mode: 0o644, mtime: MTIME, size: 3 }, body: async function* () { yield Buffer.from('12345'); } };
    await expect(zip([long])).rejects.toThrow(/grew/);
    const grewFromEmpty: ZipItem = { entry: { name: 'a', type: 'file', mode: 0o644, mtime: MTIME, size: 0 }, body: async function* () { yield Buffer.from('1'); } };
    await expect(zip([grewFromEmpty])).rejects.toThrow(/grew/);
  });

  test.each(['/abs', 'a\\b', '../up', 'a/../b', 'dir', '', 'a//b'])('refuses the entry name %j', async (name) => {
    const item = name === 'dir' ? folder('dir') : file(name, Buffer.from('x'));
    await expect(zip([item])).rejects.toThrow(/invalid zip entry name/);
  });

  test('refuses deflate levels outside 0-9', async () => {
    await expect(zip([file('a', Buffer.from('x'))], { level: 10 })).rejects.toThrow(RangeError);
  });
});
