import { describe, expect, test } from '@jest/globals';
import { createHash } from 'node:crypto';
import zlib from 'node:zlib';
import { unxzAsync } from 'node-liblzma/wasm';
import { compress, compressBuffer, drain, extensionFor, type CompressionKind } from '../../src/archive/compress/index.js';
import { GZIP_BLOCK_SIZE } from '../../src/archive/compress/gzip.js';
import { xzBlockSize } from '../../src/archive/compress/xz.js';

/** Deterministic data that compresses like a package payload: runs of text and of noise. */
function sample(size: number, seed = 1): Buffer {
  const text = Buffer.from('usr/share/doc/package/copyright Version: 1.2.3 Depends: libc6 (>= 2.34)\n');
  const out = Buffer.alloc(size);
  let x = seed;
  let noisy = false;
  for (let i = 0; i < size; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    if ((x & 0xfff) === 0) noisy = !noisy;
    out[i] = noisy ? x >>> 24 : text[i % text.length]!;
  }
  return out;
}

/** Compact identity of a buffer: Jest's toEqual on megabytes of Buffer takes seconds. */
function digest(bytes: Uint8Array): string {
  return `${bytes.byteLength}:${createHash('sha256').update(bytes).digest('hex')}`;
}

/** Feeds `data` in chunks of the given sizes, cycling. */
async function* chunked(data: Uint8Array, sizes: number[]): AsyncGenerator<Uint8Array> {
  let offset = 0;
  for (let i = 0; offset < data.byteLength; i++) {
    const size = sizes[i % sizes.length]!;
    yield data.subarray(offset, offset + size);
    offset += size;
  }
}

async function decompress(kind: CompressionKind, bytes: Buffer): Promise<Buffer> {
  switch (kind) {
    case 'gzip':
      return zlib.gunzipSync(bytes);
    case 'zstd': {
      // Node's decoder stops after the first frame: all input consumed means exactly one frame.
      const { buffer, engine } = zlib.zstdDecompressSync(bytes, { info: true }) as unknown as { buffer: Buffer; engine: { bytesWritten: number } };
      expect(engine.bytesWritten).toBe(bytes.length);
      return buffer;
    }
    case 'xz':
      return Buffer.from(await unxzAsync(bytes));
    case 'none':
      return bytes;
  }
}

// xz at level 0 (1 MiB blocks) keeps the WebAssembly encoder fast while still giving many blocks.
const LEVEL: Record<CompressionKind, number | undefined> = { gzip: undefined, xz: 0, zstd: undefined, none: undefined };
const BLOCK: Record<CompressionKind, number> = { gzip: GZIP_BLOCK_SIZE, xz: xzBlockSize(0), zstd: 1 << 20, none: 1 };
const KINDS: CompressionKind[] = ['gzip', 'xz', 'zstd'];

describe.each(KINDS)('%s', (kind) => {
  const level = LEVEL[kind];
  const block = BLOCK[kind];
  const cases: [string, Buffer][] = [
    ['empty input', Buffer.alloc(0)],
    ['one byte', Buffer.from('x')],
    ['exactly three blocks', sample(3 * block, 2)],
    ['three blocks and one byte', sample(3 * block + 1, 3)],
    ['5 MB of text and noise', sample(5_000_000, 4)],
  ];

  test.each(cases)('round trip: %s, 1 and 3 threads', async (_name, data) => {
    for (const threads of [1, 3]) {
      const out = await compressBuffer(kind, data, { level, threads });
      expect((await decompress(kind, out)).equals(data)).toBe(true);
    }
  });

  test('the bytes do not depend on threads, runs, or how the input is split', async () => {
    const data = sample(4 * block + 12345, 5);
    const reference = digest(await compressBuffer(kind, data, { level, threads: 1 }));
    expect(digest(await compressBuffer(kind, data, { level, threads: 1 }))).toBe(reference);
    for (const threads of [2, 4]) expect(digest(await compressBuffer(kind, data, { level, threads }))).toBe(reference);
    for (const sizes of [[1000], [1, block, 7777], [block - 1, 3]]) {
      expect(digest(await drain(compress(kind, chunked(data, sizes), { level, threads: 2 })))).toBe(reference);
    }
  });

  test('the level changes the output', async () => {
    const data = sample(300_000, 6);
    const fast = await compressBuffer(kind, data, { level: kind === 'zstd' ? 1 : 1 });
    const slow = await compressBuffer(kind, data, { level: kind === 'zstd' ? 19 : 6 });
    expect(fast).not.toEqual(slow);
    expect((await decompress(kind, slow)).equals(data)).toBe(true);
  });
});

test('xz at the default level (6, one 8 MiB block per worker) round-trips', async () => {
  const data = sample(xzBlockSize(6) + 500_000, 7);
  const single = await compressBuffer('xz', data);
  expect((await decompress('xz', single)).equals(data)).toBe(true);
  expect(digest(await compressBuffer('xz', data, { threads: 2 }))).toBe(digest(single));
});

test('xz -9 (a 64 MiB dictionary: about 700 MiB of WebAssembly memory per worker) round-trips', async () => {
  const data = sample(300_000, 9);
  const out = await compressBuffer('xz', data, { level: 9 });
  expect((await decompress('xz', out)).equals(data)).toBe(true);
  // A different preset: -9's block header records the 64 MiB dictionary (LZMA2 property 38).
  expect(out).not.toEqual(await compressBuffer('xz', data, { level: 6 }));
});

test("'none' passes the input through", async () => {
  const data = sample(1000);
  expect(await compressBuffer('none', data)).toEqual(data);
  expect(await drain(compress('none', chunked(data, [7])))).toEqual(data);
});

test('threads 0 means one per core, and gives the same bytes', async () => {
  const data = sample(3 * GZIP_BLOCK_SIZE);
  expect(digest(await compressBuffer('gzip', data, { threads: 0 }))).toBe(digest(await compressBuffer('gzip', data)));
});

test('extensionFor', () => {
  expect(['gzip', 'xz', 'zstd', 'none'].map((k) => extensionFor(k as CompressionKind))).toEqual(['.gz', '.xz', '.zst', '']);
});

test.each([
  ['gzip', { level: 10 }],
  ['gzip', { level: 1.5 }],
  ['xz', { level: 10 }],
  ['zstd', { level: 0 }],
  ['zstd', { level: 20 }],
  ['gzip', { threads: -1 }],
  ['xz', { threads: 1.5 }],
] as const)('%s rejects %j', (kind, opts) => {
  expect(() => compress(kind, chunked(Buffer.alloc(1), [1]), opts)).toThrow(RangeError);
});
