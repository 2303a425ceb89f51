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
import { promisify } from 'node:util';
import { rechunk } from './rechunk.js';
import { orderedParallel } from './parallel.js';
import { inProcessRunner, type BlockMessage, type BlockRunner } from './runner.js';
import { WorkerPool } from './worker-pool.js';
import { GZIP_WORKER_SOURCE } from './worker-source.js';

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

const deflateRaw = promisify(zlib.deflateRaw);

/**
 * Deflates blocks on the calling thread's side: zlib runs them on libuv's pool, one at a time,
 * with the options the worker source uses (keep the two in step; tests compare their bytes).
 */
function inProcessDeflate(level: number): BlockRunner {
  return inProcessRunner(async ({ block, dictionary }: BlockMessage) => {
    const options: zlib.ZlibOptions = { level, finishFlush: zlib.constants.Z_SYNC_FLUSH };
    if (dictionary) options.dictionary = dictionary;
    return new Uint8Array(await deflateRaw(block, options));
  });
}

/** One gzip member; bytes depend on the input and level only, not on `threads`. */
export async function* gzipStream(
  input: AsyncIterable<Uint8Array>,
  level: number,
  threads: number,
): AsyncGenerator<Uint8Array> {
  const runner = threads > 1 ? new WorkerPool(GZIP_WORKER_SOURCE, { level }, threads) : inProcessDeflate(level);
  let crc = 0;
  let size = 0;
  try {
    yield gzipHeader(level);
    const jobs = (async function* () {
      let previous: Uint8Array | undefined;
      for await (const block of rechunk(input, GZIP_BLOCK_SIZE, threads > 1)) {
        crc = zlib.crc32(block, crc);
        size += block.byteLength;
        const dictionary = previous;
        // Copy the tail now: a worker may take the block's memory.
        previous = block.slice(Math.max(0, block.byteLength - WINDOW));
        yield () => runner.run({ block, dictionary }, [block.buffer as ArrayBuffer]);
      }
    })();
    yield* orderedParallel(jobs, threads);
    yield FINAL_EMPTY_BLOCK;
    yield gzipTrailer(crc, size);
  } finally {
    await runner.close();
  }
}
