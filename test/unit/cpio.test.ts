import { describe, expect, test } from '@jest/globals';
import { cpioHeader, cpioStream, type CpioItem } from '../../src/archive/cpio.js';

async function archive(items: CpioItem[]): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const c of cpioStream(items)) parts.push(c);
  return Buffer.concat(parts);
}

interface Parsed {
  name: string;
  fields: Record<string, number>;
  data: Buffer;
  headerAt: number;
  dataAt: number;
}

const FIELDS = ['ino', 'mode', 'uid', 'gid', 'nlink', 'mtime', 'filesize', 'devmajor', 'devminor', 'rdevmajor', 'rdevminor', 'namesize', 'check'];

/** An independent newc reader: fixed-width hex fields, NUL-terminated names, 4-byte padding. */
function parse(buf: Buffer): Parsed[] {
  const out: Parsed[] = [];
  let at = 0;
  for (;;) {
    expect(at % 4).toBe(0);
    expect(buf.toString('latin1', at, at + 6)).toBe('070701');
    const fields: Record<string, number> = {};
    FIELDS.forEach((f, i) => (fields[f] = parseInt(buf.toString('latin1', at + 6 + i * 8, at + 14 + i * 8), 16)));
    const nameAt = at + 110;
    const name = buf.toString('utf8', nameAt, nameAt + fields.namesize! - 1);
    expect(buf[nameAt + fields.namesize! - 1]).toBe(0);
    let dataAt = nameAt + fields.namesize!;
    dataAt += (4 - (dataAt % 4)) % 4;
    const data = buf.subarray(dataAt, dataAt + fields.filesize!);
    out.push({ name, fields, data, headerAt: at, dataAt });
    at = dataAt + fields.filesize!;
    at += (4 - (at % 4)) % 4;
    if (name === 'TRAILER!!!') break;
  }
  expect(at).toBe(buf.length);
  return out;
}

const base = { uid: 0, gid: 0, mtime: 1700000000 };
const body = (text: string | Buffer) => () => (async function* () { yield Buffer.from(text); })();

describe('cpio newc writer', () => {
  test('files, directories and symlinks with type bits, padding and the trailer', async () => {
    const buf = await archive([
      { entry: { ...base, name: './etc/tool', type: 'dir', mode: 0o755, ino: 1, size: 0 } },
      { entry: { ...base, name: './etc/tool/a.conf', type: 'file', mode: 0o644, ino: 2, size: 5 }, body: body('hello') },
      { entry: { ...base, name: './usr/bin/t', type: 'symlink', mode: 0o777, ino: 3, size: 0, linkTarget: '../lib/tool/t' } },
      { entry: { ...base, name: './empty', type: 'file', mode: 0o600, ino: 4, size: 0 } },
    ]);
    const entries = parse(buf);
    expect(entries.map((e) => e.name)).toEqual(['./etc/tool', './etc/tool/a.conf', './usr/bin/t', './empty', 'TRAILER!!!']);
    const [dir, file, link, empty, trailer] = entries as [Parsed, Parsed, Parsed, Parsed, Parsed];
    expect(dir.fields.mode).toBe(0o040755);
    expect(dir.fields.filesize).toBe(0);
    expect(dir.fields.nlink).toBe(2);
    expect(file.fields.mode).toBe(0o100644);
    expect(file.data.toString()).toBe('hello');
    expect(file.fields.mtime).toBe(1700000000);
    expect(file.fields.ino).toBe(2);
    expect(file.fields.nlink).toBe(1);
    expect(link.fields.mode).toBe(0o120777);
    expect(link.data.toString()).toBe('../lib/tool/t');
    expect(link.fields.filesize).toBe('../lib/tool/t'.length);
    expect(empty.fields.filesize).toBe(0);
    expect(trailer.fields).toMatchObject({ ino: 0, mode: 0, nlink: 1, filesize: 0, namesize: 11, check: 0 });
    // No hard links: every entry its own inode.
    expect(new Set(entries.slice(0, -1).map((e) => e.fields.ino)).size).toBe(4);
  });

  test('header + name is padded to 4 bytes for every name length', () => {
    for (let len = 1; len <= 9; len++) {
      const h = cpioHeader({ ...base, name: 'x'.repeat(len), type: 'file', mode: 0o644, ino: 1, size: 0 }, 1, 0);
      expect(h.length % 4).toBe(0);
      expect(h.length).toBe(110 + len + 1 + ((4 - ((110 + len + 1) % 4)) % 4));
    }
  });

  test('long and UTF-8 names need no extension (namesize counts bytes)', async () => {
    const long = `./usr/share/tool/${'d'.repeat(150)}/${'f'.repeat(120)}.json`;
    const utf8 = './usr/share/tool/日本語.json';
    const entries = parse(
      await archive([
        { entry: { ...base, name: long, type: 'file', mode: 0o644, ino: 1, size: 3 }, body: body('abc') },
        { entry: { ...base, name: utf8, type: 'file', mode: 0o644, ino: 2, size: 1 }, body: body('z') },
      ]),
    );
    expect(entries[0]!.name).toBe(long);
    expect(entries[1]!.name).toBe(utf8);
    expect(entries[1]!.fields.namesize).toBe(Buffer.byteLength(utf8) + 1);
  });

  test('file bodies are streamed in chunks and padded after odd sizes', async () => {
    const chunks = [Buffer.from('ab'), Buffer.from('cde'), Buffer.from('f')];
    const entries = parse(
      await archive([
        { entry: { ...base, name: 'f', type: 'file', mode: 0o644, ino: 1, size: 6 }, body: () => (async function* () { yield* chunks; })() },
        { entry: { ...base, name: 'g', type: 'file', mode: 0o644, ino: 2, size: 1 }, body: body('!') },
      ]),
    );
    expect(entries[0]!.data.toString()).toBe('abcdef');
    expect(entries[1]!.headerAt % 4).toBe(0);
    expect(entries[1]!.data.toString()).toBe('!');
  });

  test('a body that does not match its size is an error', async () => {
    await expect(archive([{ entry: { ...base, name: 'f', type: 'file', mode: 0o644, ino: 1, size: 4 }, body: body('abc') }])).rejects.toThrow(/expected 4 bytes, read 3/);
    await expect(archive([{ entry: { ...base, name: 'f', type: 'file', mode: 0o644, ino: 1, size: 2 }, body: body('abc') }])).rejects.toThrow(/grew/);
  });

  test('out-of-range fields and reserved names are refused', async () => {
    expect(() => cpioHeader({ ...base, name: 'big', type: 'file', mode: 0o644, ino: 1, size: 0 }, 1, 2 ** 32)).toThrow(/4 GiB/);
    await expect(archive([{ entry: { ...base, name: 'TRAILER!!!', type: 'file', mode: 0o644, ino: 1, size: 0 } }])).rejects.toThrow(/TRAILER/);
    await expect(archive([{ entry: { ...base, name: 'l', type: 'symlink', mode: 0o777, ino: 1, size: 0, linkTarget: '' } }])).rejects.toThrow(/no target/);
  });

  test('an empty archive is just the trailer, and the bytes are stable', async () => {
    const buf = await archive([]);
    expect(buf.length).toBe(124);
    expect(buf.toString('latin1')).toBe('07070100000000000000000000000000000000000000010000000000000000000000000000000000000000000000000000000b00000000TRAILER!!!\0\0\0\0');
  });
});
