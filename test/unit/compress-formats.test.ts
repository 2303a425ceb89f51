import { describe, expect, test } from '@jest/globals';
import zlib from 'node:zlib';
import { parseFileIndex } from 'node-liblzma/wasm';
import { compress, compressBuffer, drain } from '../../src/archive/compress/index.js';
import { GZIP_BLOCK_SIZE } from '../../src/archive/compress/gzip.js';
import { xzBlockSize, xzWorkers } from '../../src/archive/compress/xz.js';
import { encodeVli, splitSingleBlockStream, xzStreamEnd, xzStreamHeader } from '../../src/archive/compress/xz-container.js';
import { FrameEnd, ZstdFrameWriter, zstdParams } from '../../src/archive/compress/zstd.js';

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
    expect([0, 1, 5, 6, 7, 8, 9].map(xzBlockSize)).toEqual([1, 1, 8, 8, 16, 32, 64].map((n) => n * 1024 * 1024));
  });

  test('xz workers: as many as asked, but only as many as fit in half the memory, and at least one', () => {
    const GiB = 1024 ** 3;
    expect(xzWorkers(6, 4, 16 * GiB)).toBe(4);
    // -9: 674 MiB of encoder + two 64 MiB blocks + 16 MiB a worker; 8 GiB of 16 hold ten.
    expect(xzWorkers(9, 64, 16 * GiB)).toBe(10);
    expect(xzWorkers(9, 8, 1 * GiB)).toBe(1);
    expect(xzWorkers(6, 1, 64 * GiB)).toBe(1);
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

/** Node's decoder reports how much input its first frame took: all of it means exactly one frame. */
function oneFrame(out: Buffer): Buffer {
  expect(out.readUInt32LE(0)).toBe(0xfd2fb528);
  expect(out[4]! & 0x04).toBe(0x04); // content checksum
  const { buffer, engine } = zlib.zstdDecompressSync(out, { info: true }) as unknown as { buffer: Buffer; engine: { bytesWritten: number } };
  expect(engine.bytesWritten).toBe(out.length);
  return buffer;
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

  test('longer input: one frame from libzstd\'s workers, the same bytes for any threads and chunking', async () => {
    const data = varied(20_000_000);
    const outputs = [await compressBuffer('zstd', data, { threads: 1 }), await compressBuffer('zstd', data, { threads: 4 }), await drain(compress('zstd', oddChunks(data), { threads: 2 }))];
    for (const out of outputs) expect(out.equals(outputs[0]!)).toBe(true);
    expect(oneFrame(outputs[0]!).equals(data)).toBe(true);
  });

  test('small and uneven input chunks give the same frame as one big chunk', async () => {
    const data = varied(3_000_000);
    async function* uneven() {
      for (let i = 0, n = 1; i < data.length; i += n, n = (n * 7 + 3) % 70_001) yield data.subarray(i, i + n);
    }
    for (const level of [5, 9]) {
      const whole = await compressBuffer('zstd', data, { level });
      expect((await drain(compress('zstd', uneven(), { level, threads: 3 }))).equals(whole)).toBe(true);
      expect(oneFrame(whole).equals(data)).toBe(true);
    }
  });

  test('incompressible input (output larger than the input, many full output buffers per write) round-trips', async () => {
    const data = Buffer.alloc(5_000_000);
    let x = 88172645463325252n;
    for (let i = 0; i < data.length; i += 8) {
      x ^= x << 13n; x ^= x >> 7n; x ^= x << 17n; x &= 0xffffffffffffffffn;
      data.writeBigUInt64LE(x, i);
    }
    async function* big() {
      yield data.subarray(0, 4_000_000); // one write that makes several full 1 MiB output buffers
      yield data.subarray(4_000_000);
    }
    const out = await drain(compress('zstd', big(), { level: 3, threads: 2 }));
    expect(out.length).toBeGreaterThan(data.length);
    expect(oneFrame(out).equals(data)).toBe(true);
    expect(out.equals(await compressBuffer('zstd', data, { level: 3, threads: 1 }))).toBe(true);
  });

  test('output chunks are borrowed: one buffer, refilled, so a consumer that keeps chunks must copy them', async () => {
    const seen = new Set<ArrayBufferLike>();
    let chunks = 0;
    for await (const chunk of compress('zstd', oddChunks(varied(6_000_000)), { level: 1 })) {
      seen.add(chunk.buffer);
      chunks++;
    }
    expect(chunks).toBeGreaterThan(2);
    expect(seen.size).toBe(1);
  });

  test('a compressor kept from a finished frame makes the same bytes as a new one; an abandoned one is not kept', async () => {
    const x = varied(3_000_000);
    const y = sample(500_000);
    const first = await compressBuffer('zstd', x, { level: 4, threads: 2 }); // a new compressor, kept after
    const reusedY = await compressBuffer('zstd', y, { level: 4, threads: 2 }); // the kept one
    expect(reusedY.equals(await compressBuffer('zstd', y, { level: 4, threads: 3 }))).toBe(true); // a new one (other key)
    for await (const chunk of compress('zstd', oddChunks(x), { level: 4, threads: 2 })) {
      expect(chunk.byteLength).toBeGreaterThan(0);
      break; // abandoned mid-frame: closed, not kept
    }
    expect((await compressBuffer('zstd', x, { level: 4, threads: 2 })).equals(first)).toBe(true);
    expect(oneFrame(first).equals(x)).toBe(true);
  });

  test('an error libzstd reports fails the write at once, not at some later event', () => {
    const writer = new ZstdFrameWriter(3, 1);
    // The native handle reports errors through onerror (Node's own handler destroys the stream).
    const handle = (writer as unknown as { handle: { writeSync: () => void; onerror: (message: string, errno: number, code: string) => void } }).handle;
    handle.writeSync = () => handle.onerror('Allocation error : not enough memory', -64, 'ZSTD_error_memory_allocation');
    expect(() => [...writer.write(Buffer.alloc(10))]).toThrow(/not enough memory/);
    writer.close();
  });

  test('libzstd parameters: 2 MiB jobs that start with the whole window up to level 9, libzstd\'s own above', () => {
    const c = zlib.constants;
    expect(zstdParams(3, 1)).toEqual({ [c.ZSTD_c_compressionLevel]: 3, [c.ZSTD_c_checksumFlag]: 1, [c.ZSTD_c_nbWorkers]: 1, [c.ZSTD_c_jobSize]: 2 << 20, [c.ZSTD_c_overlapLog]: 9 });
    expect(zstdParams(19, 0)).toEqual({ [c.ZSTD_c_compressionLevel]: 19, [c.ZSTD_c_checksumFlag]: 1, [c.ZSTD_c_nbWorkers]: 1 });
  });

  describe('FrameEnd finds where a frame ends from its headers alone', () => {
    const c = zlib.constants;
    const random = Buffer.from(Array.from({ length: 300_000 }, (_, i) => (Math.imul(i, 2654435761) >>> 13) & 0xff));
    const cases: [string, Buffer, Record<number, number>, number | null][] = [
      ['compressed blocks with a checksum', varied(400_000), { [c.ZSTD_c_checksumFlag]: 1 }, null],
      ['no checksum', varied(400_000), { [c.ZSTD_c_checksumFlag]: 0 }, null],
      ['an RLE block (one byte repeated)', Buffer.alloc(100_000, 7), { [c.ZSTD_c_checksumFlag]: 1 }, null],
      ['raw blocks (incompressible)', random, { [c.ZSTD_c_checksumFlag]: 1 }, null],
      ['a content size field, single segment', Buffer.from('a small frame'), { [c.ZSTD_c_checksumFlag]: 1 }, 13],
      ['a 2-byte content size', varied(70_000), { [c.ZSTD_c_checksumFlag]: 0 }, 70_000],
      ['an empty frame', Buffer.alloc(0), { [c.ZSTD_c_checksumFlag]: 1 }, 0],
    ];
    test.each(cases)('%s', (_name, data, params, pledged) => {
      const frame = zlib.zstdCompressSync(data, { params, ...(pledged === null ? {} : { pledgedSrcSize: pledged }) });
      expect(zlib.zstdDecompressSync(frame).equals(data)).toBe(true);
      const whole = new FrameEnd();
      whole.see(frame.subarray(0, frame.length - 1));
      expect(whole.ended).toBe(false);
      whole.see(frame.subarray(frame.length - 1));
      expect(whole.ended).toBe(true);
      const bytewise = new FrameEnd();
      for (let i = 0; i < frame.length; i++) {
        expect(bytewise.ended).toBe(false);
        bytewise.see(frame.subarray(i, i + 1));
      }
      expect(bytewise.ended).toBe(true);
    });
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
