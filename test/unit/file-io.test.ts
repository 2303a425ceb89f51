import { afterAll, describe, expect, test } from '@jest/globals';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { digestFile, FileSink, readFileChunks, Spool } from '../../src/archive/file-io.js';
import { BlockPool, rechunk } from '../../src/archive/compress/rechunk.js';

const dir = mkdtempSync(join(tmpdir(), 'pa-fileio-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function bytes(n: number, seed: number): Buffer {
  const out = Buffer.alloc(n);
  let x = seed;
  for (let i = 0; i < n; i++) out[i] = x = (Math.imul(x, 1103515245) + 12345) >>> 0 >>> 24;
  return out;
}

test('readFileChunks stopped early lets its read-ahead land before the buffers serve another file', async () => {
  const a = join(dir, 'early-a.bin');
  const b = join(dir, 'early-b.bin');
  writeFileSync(a, bytes(5 * (1 << 20), 11));
  const dataB = bytes(3 * (1 << 20) + 5, 12);
  writeFileSync(b, dataB);
  for (let round = 0; round < 5; round++) {
    for await (const chunk of readFileChunks(a)) {
      expect(chunk.byteLength).toBe(1 << 20);
      break; // the next read of a is already under way
    }
    const copies: Buffer[] = [];
    for await (const chunk of readFileChunks(b)) copies.push(Buffer.from(chunk));
    expect(Buffer.concat(copies).equals(dataB)).toBe(true);
  }
});

test('readFileChunks reads ahead into two reused buffers: chunks are borrowed, their concatenation is the file', async () => {
  const data = bytes(3 * (1 << 20) + 777, 1);
  const path = join(dir, 'a.bin');
  writeFileSync(path, data);
  const copies: Buffer[] = [];
  const buffers = new Set<ArrayBufferLike>();
  for await (const chunk of readFileChunks(path)) {
    buffers.add(chunk.buffer);
    copies.push(Buffer.from(chunk));
  }
  expect(copies.length).toBe(4);
  expect(buffers.size).toBe(2);
  expect(Buffer.concat(copies).equals(data)).toBe(true);
});

test('readFileChunks of an empty file yields nothing; a missing file rejects', async () => {
  const path = join(dir, 'empty');
  writeFileSync(path, '');
  const seen: Uint8Array[] = [];
  for await (const c of readFileChunks(path)) seen.push(c);
  expect(seen).toEqual([]);
  await expect(digestFile(join(dir, 'nope'))).rejects.toThrow(/ENOENT/);
});

test('digestFile equals crypto over the whole file', async () => {
  const data = bytes(2_500_001, 2);
  const path = join(dir, 'b.bin');
  writeFileSync(path, data);
  expect(await digestFile(path)).toBe(createHash('sha256').update(data).digest('hex'));
  expect(await digestFile(path, 'md5')).toBe(createHash('md5').update(data).digest('hex'));
});

test('FileSink writes borrowed chunks safely and returns the SHA-256 and size of the file', async () => {
  const src = join(dir, 'c.bin');
  const data = bytes(5 * (1 << 20) + 3, 3);
  writeFileSync(src, data);
  const out = join(dir, 'c.out');
  const sink = await FileSink.create(out);
  await sink.write(Buffer.from('head'));
  await sink.writeAll(readFileChunks(src));
  const result = await sink.close();
  const written = readFileSync(out);
  expect(written.equals(Buffer.concat([Buffer.from('head'), data]))).toBe(true);
  expect(result).toEqual({ size: written.length, sha256: createHash('sha256').update(written).digest('hex') });
});

test('rechunk copies borrowed input into pool blocks and recycles given-back blocks', async () => {
  const pool = new BlockPool(10);
  const scratch = new Uint8Array(7);
  async function* borrowed() {
    for (let i = 0; i < 5; i++) {
      scratch.fill(i + 1); // the same memory every time, as readFileChunks does
      yield scratch;
    }
  }
  const blocks: number[][] = [];
  const seen = new Set<ArrayBufferLike>();
  for await (const block of rechunk(borrowed(), 10, pool)) {
    blocks.push([...block]);
    seen.add(block.buffer);
    pool.give(block);
  }
  expect(blocks).toEqual([
    [1, 1, 1, 1, 1, 1, 1, 2, 2, 2],
    [2, 2, 2, 2, 3, 3, 3, 3, 3, 3],
    [3, 4, 4, 4, 4, 4, 4, 4, 5, 5],
    [5, 5, 5, 5, 5],
  ]);
  expect(seen.size).toBe(1);
  expect(() => rechunk(borrowed(), 8, pool).next()).rejects.toThrow(RangeError);
});

describe('Spool', () => {
  test('small: kept in memory (borrowed chunks copied), replayed in order, no file', async () => {
    const path = join(dir, 'spool-small');
    const spool = new Spool(path, 100);
    const scratch = Buffer.from('aaaa');
    await spool.write(scratch, true);
    scratch.fill('b'); // the borrowed buffer is reused: the spool kept a copy
    await spool.write(Buffer.from('cc'), false);
    await spool.finish();
    expect(spool.size).toBe(6);
    expect(existsSync(path)).toBe(false);
    const out: Buffer[] = [];
    for await (const c of spool.replay()) out.push(Buffer.from(c));
    expect(Buffer.concat(out).toString()).toBe('aaaacc');
    await spool.dispose();
  });

  test('past the limit: everything moves to the file, replayed in order, removed by dispose', async () => {
    const path = join(dir, 'spool-big');
    const spool = new Spool(path, 10);
    const parts = [bytes(6, 4), bytes(6, 5), bytes(3 << 20, 6)];
    for (const p of parts) await spool.write(p, true);
    await spool.finish();
    expect(spool.size).toBe(6 + 6 + (3 << 20));
    expect(readFileSync(path).equals(Buffer.concat(parts))).toBe(true);
    const out: Buffer[] = [];
    for await (const c of spool.replay()) out.push(Buffer.from(c));
    expect(Buffer.concat(out).equals(Buffer.concat(parts))).toBe(true);
    await spool.dispose();
    expect(existsSync(path)).toBe(false);
  });
});
