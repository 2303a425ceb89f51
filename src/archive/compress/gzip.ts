// gzip (RFC 1952) around raw deflate from node:zlib. We write the 10-byte header and the 8-byte
// trailer ourselves rather than use zlib's gzip wrapper, whose OS byte is the build platform's
// (3 on Unix, 10 on Windows): fixing every header byte keeps the output the same on every OS.
//
// The deflate stream is made pigz-style, in fixed-size blocks that can be compressed in parallel:
// each block is deflated on its own, primed with the 32 KiB of input before it as a preset
// dictionary (so matches still reach back across the boundary), and ended with a sync flush
// (byte-aligned, not final). Their concatenation is one valid deflate stream, which a final empty
// fixed-Huffman block (bits 1 and 01, then end-of-block: bytes 03 00) closes. The result is a
// single gzip member, which every reader (gzip, dpkg, apt, rpm, Python, Go) handles.
import zlib from 'node:zlib';
import { BlockPool, rechunk } from './rechunk.js';
import { orderedParallel } from './parallel.js';

/** Block size (pigz's default). The output bytes depend on it: changing it changes every .gz. */
export const GZIP_BLOCK_SIZE = 128 * 1024;
/** Deflate's window: how much preceding input primes each block. */
const WINDOW = 32 * 1024;
const FINAL_EMPTY_BLOCK = Uint8Array.of(0x03, 0x00);

/**
 * MTIME=0, no name/comment/extra, XFL as zlib sets it (2 = slowest, 4 = fastest), OS=3 (Unix):
 * what gzip -n and dpkg-deb write on Linux.
 */
export function gzipHeader(level: number): Uint8Array {
  const xfl = level === 9 ? 2 : level < 2 ? 4 : 0;
  return Uint8Array.of(0x1f, 0x8b, 8, 0, 0, 0, 0, 0, xfl, 3);
}

function gzipTrailer(crc: number, size: number): Uint8Array {
  const out = new Uint8Array(8);
  const view = new DataView(out.buffer);
  view.setUint32(0, crc >>> 0, true);
  view.setUint32(4, size % 2 ** 32, true);
  return out;
}

// A hand-made promise (not util.promisify: node:util is not loaded at start-up for this).
const deflateRaw = (data: Uint8Array, options: zlib.ZlibOptions): Promise<Buffer> =>
  new Promise((resolve, reject) => zlib.deflateRaw(data, options, (error, out) => (error ? reject(error) : resolve(out))));

/** Deflates one block on libuv's thread pool, primed with `dictionary`, ended by a sync flush. */
async function deflateBlock(block: Uint8Array, dictionary: Uint8Array | undefined, level: number): Promise<Buffer> {
  // One output buffer big enough for the block (deflate's bound): no concatenation of 16 KiB pieces.
  const options: zlib.ZlibOptions = { level, finishFlush: zlib.constants.Z_SYNC_FLUSH, chunkSize: block.byteLength + (block.byteLength >> 10) + 1024 };
  if (dictionary) options.dictionary = dictionary;
  return deflateRaw(block, options);
}

/**
 * One gzip member; bytes depend on the input and level only, not on `threads`: that many blocks
 * are deflated at once on libuv's thread pool while the calling thread reads the next.
 */
export async function* gzipStream(
  input: AsyncIterable<Uint8Array>,
  level: number,
  threads: number,
): AsyncGenerator<Uint8Array> {
  const blocks = new BlockPool(GZIP_BLOCK_SIZE, threads + 2);
  const tails = new BlockPool(WINDOW, threads + 2);
  let crc = 0;
  let size = 0;
  yield gzipHeader(level);
  const jobs = (async function* () {
    let previous: Uint8Array | undefined;
    for await (const block of rechunk(input, GZIP_BLOCK_SIZE, blocks)) {
      crc = zlib.crc32(block, crc);
      size += block.byteLength;
      const dictionary = previous;
      // The next block's dictionary: this block's last 32 KiB (fewer for a short first block).
      const keep = Math.min(WINDOW, block.byteLength);
      const tail = tails.take().subarray(0, keep);
      tail.set(block.subarray(block.byteLength - keep));
      previous = tail;
      yield async () => {
        try {
          return await deflateBlock(block, dictionary, level);
        } finally {
          blocks.give(block);
          if (dictionary) tails.give(dictionary);
        }
      };
    }
  })();
  yield* orderedParallel(jobs, threads);
  yield FINAL_EMPTY_BLOCK;
  yield gzipTrailer(crc, size);
}
