import { describe, expect, test } from '@jest/globals';
import zlib from 'node:zlib';
import { parseFileIndex } from 'node-liblzma/wasm';
import { compress, compressBuffer, drain } from '../../src/archive/compress/index.js';
import { GZIP_BLOCK_SIZE } from '../../src/archive/compress/gzip.js';
import { xzBlockSize } from '../../src/archive/compress/xz.js';
import { encodeVli, splitSingleBlockStream, xzStreamEnd, xzStreamHeader } from '../../src/archive/compress/xz-container.js';
import { zstdFrameSize } from '../../src/archive/compress/zstd-frames.js';

function sample(size: number): Buffer {
  const out = Buffer.alloc(size);
  let x = 99;
  for (let i = 0; i < size; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = i % 5 === 0 ? x >>> 24 : 0x61 + (i % 19);
  }
  return out;
}

describe('gzip', () => {
  test('header: no name, MTIME 0, OS 3 (Unix) on every platform; XFL follows the level', async () => {
    const data = sample(1000);
    expect([...(await compressBuffer('gzip', data)).subarray(0, 10)]).toEqual([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 3]);
    expect((await compressBuffer('gzip', data, { level: 1 }))[8]).toBe(4);
    expect((await compressBuffer('gzip', data, { level: 6 }))[8]).toBe(0);
  });

  test.each([1, 2])('one member: header, one raw deflate stream of the whole input, CRC-32 and size (threads %i)', async (threads) => {
    const data = sample(5 * GZIP_BLOCK_SIZE + 77);
    const out = await compressBuffer('gzip', data, { threads });
    // inflateRaw stops at the final block and would reject a second member's header as data.
    expect(zlib.inflateRawSync(out.subarray(10, -8)).equals(data)).toBe(true);
    expect(out.readUInt32LE(out.length - 8)).toBe(zlib.crc32(data));
    expect(out.readUInt32LE(out.length - 4)).toBe(data.length);
  });

  test('priming each block with the previous 32 KiB keeps cross-block matches', async () => {
    // The same 100 KiB of noise twice in a row, straddling a block boundary: without the preset
    // dictionary the second copy would cost as much as the first.
    const noise = sample(GZIP_BLOCK_SIZE * 2);
    for (let i = 0; i < noise.length; i++) noise[i] = (Math.imul(i, 2654435761) >>> 24) & 0xff;
    const half = noise.subarray(0, 30 * 1024);
    const data = Buffer.concat([Buffer.alloc(GZIP_BLOCK_SIZE - 30 * 1024), half, half]);
    const out = await compressBuffer('gzip', data, { threads: 2 });
    expect(out.length).toBeLessThan(half.length * 1.2);
  });
});

describe('xz', () => {
  test('empty input gives the same 32 bytes as `xz` itself', async () => {
    const xzOfNothing = 'fd377a585a000004e6d6b44600000000' + '1cdf44211fb6f37d010000000004595a';
    expect((await compressBuffer('xz', Buffer.alloc(0))).toString('hex')).toBe(xzOfNothing);
    expect(Buffer.concat([xzStreamHeader(), xzStreamEnd([])]).toString('hex')).toBe(xzOfNothing);
  });

  test.each([1, 3])('one stream, one block per %i-thread block size, CRC64', async (threads) => {
    const block = xzBlockSize(0);
    const data = sample(4 * block + 5);
    const out = await compressBuffer('xz', data, { level: 0, threads });
    const index = parseFileIndex(out);
    expect(index).toMatchObject({ streamCount: 1, blockCount: 5, uncompressedSize: data.length, compressedSize: out.length });
    // Stream flags, in the header and the footer: check type 4 (CRC64).
    expect([...out.subarray(6, 8), ...out.subarray(-4, -2)]).toEqual([0, 4, 0, 4]);
  });

  test('block size follows the preset dictionary, at least 1 MiB', () => {
    expect([0, 1, 5, 6, 7].map(xzBlockSize)).toEqual([1, 1, 8, 8, 16].map((n) => n * 1024 * 1024));
  });

  test('multibyte integers', () => {
    expect(encodeVli(0)).toEqual([0]);
    expect(encodeVli(127)).toEqual([0x7f]);
    expect(encodeVli(128)).toEqual([0x80, 0x01]);
    expect(encodeVli(2 ** 32)).toEqual([0x80, 0x80, 0x80, 0x80, 0x10]);
  });

  test('a malformed encoder output is refused, not copied into the archive', async () => {
    const good = await compressBuffer('xz', Buffer.from('hello'));
    expect(splitSingleBlockStream(good, 5)).toHaveLength(1);
    expect(() => splitSingleBlockStream(good, 6)).toThrow(/index does not match/);
    const truncated = good.subarray(0, good.length - 1);
    expect(() => splitSingleBlockStream(truncated, 5)).toThrow(/CRC64 .xz stream/);
    const twoBlocks = await compressBuffer('xz', sample(2 * xzBlockSize(0)), { level: 0 });
    expect(() => splitSingleBlockStream(twoBlocks, 2 * xzBlockSize(0))).toThrow(/expected 1 block, found 2/);
  });
});

/** Fast varied test data: a 1 MiB sample repeated, each copy marked so no two MiB are alike. */
function varied(size: number): Buffer {
  const unit = sample(1 << 20);
  const data = Buffer.alloc(size);
  for (let at = 0, k = 0; at < data.length; at += unit.length, k++) {
    unit.copy(data, at);
    data[at] = k & 0xff;
    data[at + 1] = k >> 8;
  }
  return data;
}

async function* oddChunks(data: Buffer): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < data.length; i += 1_000_003) yield data.subarray(i, i + 1_000_003);
}

/** Where the zstd frame at `at` ends, from its header and block headers; checks magic and checksum flag. */
function zstdFrameEnd(b: Buffer, at: number): number {
  expect(b.readUInt32LE(at)).toBe(0xfd2fb528);
  const fhd = b[at + 4]!;
  expect(fhd & 0x04).toBe(0x04); // content checksum
  const singleSegment = (fhd >> 5) & 1;
  const fcsBytes = [singleSegment ? 1 : 0, 2, 4, 8][fhd >> 6]!;
  let p = at + 5 + (singleSegment ? 0 : 1) + [0, 1, 2, 4][fhd & 3]! + fcsBytes;
  for (;;) {
    const header = b.readUIntLE(p, 3);
    const type = (header >> 1) & 3;
    p += 3 + (type === 1 ? 1 : header >> 3);
    if (header & 1) return p + 4;
  }
}

describe('zstd', () => {
  test('below one frame size: one frame with a content checksum, however the input arrives', async () => {
    const data = sample(3_000_000);
    async function* tiny() {
      for (let i = 0; i < data.length; i += 4096) yield data.subarray(i, i + 4096);
    }
    for (const out of [await compressBuffer('zstd', data), await drain(compress('zstd', tiny()))]) {
      expect(out.readUInt32LE(0)).toBe(0xfd2fb528);
      expect(out[4]! & 0x04).toBe(0x04);
      // Node's decoder reports the input it consumed for the first frame: all of it means one frame.
      const { buffer, engine } = zlib.zstdDecompressSync(out, { info: true }) as unknown as { buffer: Buffer; engine: { bytesWritten: number } };
      expect(engine.bytesWritten).toBe(out.length);
      expect(buffer.equals(data)).toBe(true);
    }
  });

  test('longer input: still one frame, streamed on one core, the same bytes for any threads and chunking', async () => {
    const data = varied(20_000_000);
    const outputs = [await compressBuffer('zstd', data, { threads: 1 }), await compressBuffer('zstd', data, { threads: 4 }), await drain(compress('zstd', oddChunks(data), { threads: 2 }))];
    for (const out of outputs) expect(out.equals(outputs[0]!)).toBe(true);
    expect(zstdFrameEnd(outputs[0]!, 0)).toBe(outputs[0]!.length);
    expect(zlib.zstdDecompressSync(outputs[0]!).equals(data)).toBe(true);
  });

  test('zstdFrames independent (rpm): frames of zstdFrameSize bytes, the same bytes for any threads and chunking', async () => {
    const frame = zstdFrameSize(3);
    const data = varied(2 * frame + 5_000_000);
    const independent = { zstdFrames: 'independent' } as const;
    const outputs = [await compressBuffer('zstd', data, { ...independent, threads: 1 }), await compressBuffer('zstd', data, { ...independent, threads: 3 }), await drain(compress('zstd', oddChunks(data), { ...independent, threads: 2 }))];
    expect(outputs[1]!.equals(outputs[0]!)).toBe(true);
    expect(outputs[2]!.equals(outputs[0]!)).toBe(true);
    // Walk the frames (RFC 8878 §3.1.1): each decodes on its own to the next slice of the input.
    const out = outputs[0]!;
    const slices: Buffer[] = [];
    for (let at = 0; at < out.length; ) {
      const end = zstdFrameEnd(out, at);
      slices.push(zlib.zstdDecompressSync(out.subarray(at, end)));
      at = end;
    }
    expect(slices.map((b) => b.length)).toEqual([frame, frame, 5_000_000]);
    expect(Buffer.concat(slices).equals(data)).toBe(true);
  });

  test('independent frames at the edges: empty input, exactly one frame of input', async () => {
    const independent = { zstdFrames: 'independent' } as const;
    for (const data of [new Uint8Array(0), varied(zstdFrameSize(3))]) {
      const [one, two] = [await compressBuffer('zstd', data, { ...independent, threads: 1 }), await compressBuffer('zstd', data, { ...independent, threads: 2 })];
      expect(two.equals(one)).toBe(true);
      expect(zstdFrameEnd(one, 0)).toBe(one.length); // one frame, no empty frame after it
      expect(zlib.zstdDecompressSync(one).equals(Buffer.from(data))).toBe(true);
    }
  });

  test('independent frame size: 16 MiB up to level 9, 32 MiB above (longer windows)', () => {
    expect([1, 3, 9, 10, 19].map(zstdFrameSize)).toEqual([16, 16, 16, 32, 32].map((n) => n * 1024 * 1024));
  });

  test('an empty input is one empty frame', async () => {
    const out = await compressBuffer('zstd', new Uint8Array(0));
    expect(out.readUInt32LE(0)).toBe(0xfd2fb528);
    expect(zlib.zstdDecompressSync(out).length).toBe(0);
  });

  test('60 MB round-trips on two threads', async () => {
    const data = Buffer.concat(Array.from({ length: 20 }, () => sample(3_000_000)));
    for (let i = 0; i < data.length; i += 4099) data[i] = i & 0xff;
    const out = await compressBuffer('zstd', data, { threads: 2 });
    expect(zlib.zstdDecompressSync(out).equals(data)).toBe(true);
  });
});
