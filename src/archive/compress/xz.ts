// .xz by liblzma (WebAssembly), in independent blocks of fixed size, compressed in worker threads
// (threads > 1) or on the calling thread, and assembled into one multi-block stream the way
// `xz -T` and dpkg-deb (which uses liblzma's multithreaded encoder) write them.
import { BlockPool, rechunk } from './rechunk.js';
import { orderedParallel } from './parallel.js';
import { liblzma, liblzmaGlue, liblzmaWasm, type Liblzma } from './liblzma.js';
import { inProcessRunner, type BlockRunner } from './runner.js';
import { WorkerPool } from './worker-pool.js';
import { xzWorkerSource } from './worker-source.js';
import { splitSingleBlockStream, xzStreamEnd, xzStreamHeader, type XzBlock } from './xz-container.js';

const MiB = 1024 * 1024;
/** Dictionary size of presets 0–9 (liblzma's table). */
const DICTIONARY = [0.25, 1, 2, 4, 4, 8, 8, 16, 32, 64].map((n) => n * MiB);
const LZMA_CHECK_CRC64 = 4;
/** Above this, the encoder needs more than the 256 MiB a liblzma WebAssembly instance may have. */
export const XZ_MAX_LEVEL = 7;

/**
 * Block size for a preset: its dictionary size, at least 1 MiB (8 MiB at -6). A block cannot
 * refer back to the one before it, so smaller blocks cost ratio (about 1% at -6 against one
 * block, vs 0.5% for the 3× dictionary xz -T uses) but let typical 10–50 MB payloads use all
 * cores. The output bytes depend on this: changing it changes every .xz.
 */
export function xzBlockSize(level: number): number {
  return Math.max(DICTIONARY[level] ?? 8 * MiB, MiB);
}

/**
 * One complete single-block stream for `block` (the same steps as the worker source; keep them
 * in step, tests compare the bytes of both).
 */
export function encodeXzBlock(m: Liblzma, block: Uint8Array, level: number): Uint8Array {
  const size = block.byteLength;
  // LZMA2 stores incompressible data in chunks of at most 64 KiB with a 3-byte header each;
  // 512 bytes cover the stream and block headers, check, index and footer.
  const bound = size + Math.ceil(size / 65536) * 3 + 512;
  const input = m._malloc(Math.max(size, 1));
  const output = m._malloc(bound);
  const position = m._malloc(4);
  try {
    if (!input || !output || !position) throw new Error('liblzma: out of WebAssembly memory');
    m.HEAPU8.set(block, input);
    m.setValue(position, 0, 'i32');
    const ret = m._lzma_easy_buffer_encode(level, LZMA_CHECK_CRC64, 0, input, size, output, position, bound);
    if (ret !== 0) throw new Error(`lzma_easy_buffer_encode returned ${ret} (5 = out of memory, 8 = bad preset)`);
    const length = m.getValue(position, 'i32');
    // HEAPU8 is read only now: the encoder may have grown (and so replaced) the memory.
    return m.HEAPU8.slice(output, output + length);
  } finally {
    m._free(input);
    m._free(output);
    m._free(position);
  }
}

async function makeRunner(level: number, threads: number): Promise<BlockRunner> {
  if (threads > 1) {
    return new WorkerPool(xzWorkerSource(await liblzmaGlue()), { level, wasm: await liblzmaWasm() }, threads);
  }
  const m = await liblzma();
  return inProcessRunner(async ({ block }) => encodeXzBlock(m, block, level));
}

/** One .xz stream (CRC64); bytes depend on the input and level only, not on `threads`. */
export async function* xzStream(
  input: AsyncIterable<Uint8Array>,
  level: number,
  threads: number,
): AsyncGenerator<Uint8Array> {
  const runner = await makeRunner(level, threads);
  // Blocks given to a worker are transferred (so not recycled); on this thread they are reused.
  const pool = new BlockPool(xzBlockSize(level), threads + 1);
  try {
    yield xzStreamHeader();
    const jobs = (async function* () {
      for await (const block of rechunk(input, xzBlockSize(level), pool)) {
        const size = block.byteLength;
        yield async () => {
          try {
            return splitSingleBlockStream(await runner.run({ block }, threads > 1 ? [block.buffer as ArrayBuffer] : []), size);
          } finally {
            pool.give(block);
          }
        };
      }
    })();
    const records: Array<Omit<XzBlock, 'bytes'>> = [];
    for await (const blocks of orderedParallel(jobs, threads)) {
      for (const { bytes, unpaddedSize, uncompressedSize } of blocks) {
        records.push({ unpaddedSize, uncompressedSize });
        yield bytes;
      }
    }
    yield xzStreamEnd(records);
  } finally {
    await runner.close();
  }
}
