import { afterAll, expect, test } from '@jest/globals';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { digestFile, FileSink, readFileChunks } from '../../src/archive/file-io.js';
import { BlockPool, rechunk } from '../../src/archive/compress/rechunk.js';

const dir = mkdtempSync(join(tmpdir(), 'pa-fileio-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function bytes(n: number, seed: number): Buffer {
  const out = Buffer.alloc(n);
  let x = seed;
  for (let i = 0; i < n; i++) out[i] = x = (Math.imul(x, 1103515245) + 12345) >>> 0 >>> 24;
  return out;
}

test('readFileChunks reuses one buffer: chunks are borrowed, their concatenation is the file', async () => {
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
  expect(buffers.size).toBe(1);
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
