// The exact bytes, pinned. This test runs on Linux, macOS and Windows CI: if a platform's Node
// compresses the same input differently, packages built there are not reproducible, and this is
// where we find out. Known risk: Node's zlib (Chromium's) hashes with CRC32C when the CPU has it
// (x64 SSE4.2, arm64 CRC) and falls back to zlib's rolling hash otherwise (Windows on Arm, Node
// linked to a system zlib), which changes gzip output. A Node upgrade that changes zlib or libzstd
// also fails here: then check the release notes and update the digests deliberately.
import { expect, test } from '@jest/globals';
import { createHash } from 'node:crypto';
import { compressBuffer, type CompressionKind } from '../../src/archive/compress/index.js';

function sample(size: number): Buffer {
  const text = Buffer.from('Package: golden\nArchitecture: amd64\nDescription: reproducible bytes\n');
  const out = Buffer.alloc(size);
  let x = 12345;
  for (let i = 0; i < size; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = (i >> 12) % 4 === 0 ? x >>> 24 : text[(i * 3) % text.length]!;
  }
  return out;
}

const data = sample(2_500_000);

const GOLDEN: [CompressionKind, number, string][] = [
  ['gzip', 9, '642504:b2d79411f986dc95'],
  ['gzip', 1, '651296:024c4093fb9e8ca9'],
  ['xz', 0, '638196:630bc0ec19dee30f'],
  ['xz', 6, '636528:35617b677448cc14'],
  // zstd: one frame from libzstd's workers. At level 3 this input makes two 2 MiB jobs; at 9 and
  // 19 (whose windows, which each job starts with, are longer than the input) one.
  ['zstd', 3, '629893:6930ee3b79407441'],
  ['zstd', 9, '628025:028bc02085c98a62'],
  ['zstd', 19, '628958:49fcb8a8e3bbf42a'],
];

test.each(GOLDEN)('%s level %i: the same bytes on every platform and thread count', async (kind, level, digest) => {
  for (const threads of [1, 2, 3]) {
    const out = await compressBuffer(kind, data, { level, threads });
    expect(`${out.length}:${createHash('sha256').update(out).digest('hex').slice(0, 16)}`).toBe(digest);
  }
});
