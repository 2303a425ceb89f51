import { describe, expect, test } from '@jest/globals';
import { entryHeader, tarStream, type TarEntry, type TarItem } from '../../src/archive/tar.js';

const base: TarEntry = { name: './a', type: 'file', mode: 0o644, uid: 0, gid: 0, uname: 'root', gname: 'root', mtime: 1700000000, size: 0 };
const ascii = (b: Uint8Array, from: number, to: number) => Buffer.from(b.subarray(from, to)).toString('latin1');

function checksumOk(h: Uint8Array): boolean {
  let sum = 0;
  for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 0x20 : (h[i] ?? 0);
  return parseInt(ascii(h, 148, 154), 8) === sum && h[154] === 0 && h[155] === 0x20;
}

async function collect(items: TarItem[]): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const c of tarStream(items)) chunks.push(c);
  return Buffer.concat(chunks);
}

describe('GNU tar headers', () => {
  test('fields sit at their ustar offsets, octal and NUL terminated, with GNU magic', () => {
    const [h] = entryHeader({ ...base, name: './usr/bin/servin', mode: 0o755, size: 1234 });
    expect(h).toHaveLength(512);
    expect(ascii(h!, 0, 16)).toBe('./usr/bin/servin');
    expect(ascii(h!, 100, 108)).toBe('0000755\0');
    expect(ascii(h!, 108, 116)).toBe('0000000\0');
    expect(ascii(h!, 124, 136)).toBe('00000002322\0');
    expect(ascii(h!, 136, 148)).toBe('14524770400\0');
    expect(String.fromCharCode(h![156]!)).toBe('0');
    expect(ascii(h!, 257, 265)).toBe('ustar  \0');
    expect(ascii(h!, 265, 270)).toBe('root\0');
    expect(ascii(h!, 297, 302)).toBe('root\0');
    expect(checksumOk(h!)).toBe(true);
  });

  test('directories and symlinks have size 0 and their type flags', () => {
    const [d] = entryHeader({ ...base, name: './etc/', type: 'dir', mode: 0o755, size: 99 });
    expect(String.fromCharCode(d![156]!)).toBe('5');
    expect(ascii(d!, 124, 136)).toBe('00000000000\0');
    const [l] = entryHeader({ ...base, name: './usr/sbin/servind', type: 'symlink', mode: 0o777, size: 0, linkTarget: '../bin/servin' });
    expect(String.fromCharCode(l![156]!)).toBe('2');
    expect(ascii(l!, 157, 170)).toBe('../bin/servin');
    expect(checksumOk(l!)).toBe(true);
  });

  test('a name over 100 bytes is preceded by a ././@LongLink L entry holding the whole name', () => {
    const name = './usr/share/' + 'x'.repeat(120);
    const blocks = entryHeader({ ...base, name });
    expect(blocks).toHaveLength(4); // L header, data, padding, real header
    expect(ascii(blocks[0]!, 0, 13)).toBe('././@LongLink');
    expect(String.fromCharCode(blocks[0]![156]!)).toBe('L');
    expect(parseInt(ascii(blocks[0]!, 124, 135), 8)).toBe(name.length + 1);
    expect(Buffer.from(blocks[1]!).toString()).toBe(name + '\0');
    expect(blocks[1]!.length + blocks[2]!.length).toBe(512);
    expect(ascii(blocks[3]!, 0, 100)).toBe(name.slice(0, 100));
  });

  test('UTF-8 names count bytes, not characters, against the 100-byte limit', () => {
    const name = './' + 'ü'.repeat(50); // 102 bytes, 52 characters
    const blocks = entryHeader({ ...base, name });
    expect(String.fromCharCode(blocks[0]![156]!)).toBe('L');
    expect(Buffer.from(blocks[1]!).toString('utf8')).toBe(name + '\0');
    const short = entryHeader({ ...base, name: './ünïcödé.txt' });
    expect(short).toHaveLength(1);
    const n = Buffer.from('./ünïcödé.txt');
    expect(Buffer.from(short[0]!.subarray(0, n.length + 1))).toEqual(Buffer.concat([n, Buffer.from([0])]));
  });

  test('a link target over 100 bytes gets a K entry', () => {
    const target = '/opt/' + 'y'.repeat(110);
    const blocks = entryHeader({ ...base, type: 'symlink', name: './l', linkTarget: target });
    expect(String.fromCharCode(blocks[0]![156]!)).toBe('K');
    expect(Buffer.from(blocks[1]!).toString()).toBe(target + '\0');
  });

  test('sizes beyond 8 GiB use GNU base-256', () => {
    const [h] = entryHeader({ ...base, size: 2 ** 33 + 5 });
    expect(h![124]).toBe(0x80);
    const v = Buffer.from(h!.subarray(125, 136)).readBigUInt64BE(3);
    expect(v).toBe(BigInt(2 ** 33 + 5));
  });
});

describe('tar stream', () => {
  test('bodies are padded to 512 bytes and the archive to a 10 KiB record with two zero blocks', async () => {
    const body = Buffer.from('hello\n');
    const tar = await collect([{ entry: { ...base, name: './a', size: body.length }, body: async function* () { yield body; } }, { entry: { ...base, name: './empty', size: 0 } }]);
    expect(tar.length).toBe(10240);
    expect(tar.subarray(512, 518).toString()).toBe('hello\n');
    expect(tar.subarray(518, 1024).every((b) => b === 0)).toBe(true);
    expect(ascii(tar, 1024, 1031)).toBe('./empty');
    expect(tar.subarray(1536).every((b) => b === 0)).toBe(true);
  });

  test('a body shorter or longer than the declared size is an error, not a corrupt archive', async () => {
    const body = Buffer.from('abc');
    await expect(collect([{ entry: { ...base, size: 5 }, body: async function* () { yield body; } }])).rejects.toThrow(/expected 5 bytes, read 3/);
    await expect(collect([{ entry: { ...base, size: 2 }, body: async function* () { yield body; } }])).rejects.toThrow(/grew/);
  });

  test('an empty name is refused', () => {
    expect(() => entryHeader({ ...base, name: '' })).toThrow(/empty name/);
  });
});
