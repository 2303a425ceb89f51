// .xz by liblzma (WebAssembly), in independent blocks of fixed size, compressed in `threads` worker
// threads (fewer where memory is short: xzWorkers) and assembled into one multi-block stream the
// way `xz -T` and dpkg-deb (which uses liblzma's multithreaded encoder) write them. With one thread
// the encoder still runs in a worker, so reading, tar and md5 go on beside it, as dpkg-deb's tar
// process does beside its compressor.
import { totalmem } from 'node:os';
import { BlockPool, rechunk } from './rechunk.js';
import { orderedParallel } from './parallel.js';
import { liblzmaWasm } from './liblzma.js';
import { WorkerPool } from './worker-pool.js';
import { XZ_WORKER_SOURCE } from './worker-source.js';
import { splitSingleBlockStream, xzStreamEnd, xzStreamHeader, type XzBlock } from './xz-container.js';

const MiB = 1024 * 1024;
/** Dictionary size of presets 0–9 (liblzma's table). */
const DICTIONARY = [0.25, 1, 2, 4, 4, 8, 8, 16, 32, 64].map((n) => n * MiB);
/** liblzma's highest preset (about 700 MiB of encoder memory per thread, 64 MiB blocks). */
export const XZ_MAX_LEVEL = 9;

/**
 * Block size for a preset: its dictionary size, at least 1 MiB (8 MiB at -6). A block cannot
 * refer back to the one before it, so smaller blocks cost ratio (about 1% at -6 against one
 * block, vs 0.5% for the 3× dictionary xz -T uses) but let typical 10–50 MB payloads use all
 * cores. The output bytes depend on this: changing it changes every .xz.
 */
export function xzBlockSize(level: number): number {
  return Math.max(DICTIONARY[level] ?? 8 * MiB, MiB);
}

/** liblzma's encoder memory for presets 0–9, in MiB (the CompMem column of xz's manual). */
const ENCODER_MIB = [3, 9, 17, 32, 48, 94, 94, 186, 370, 674];

/**
 * How many workers run: `threads`, but no more than fit in half of the machine's memory (each
 * holds a liblzma heap, its block and the block's output), and at least one. At -9 that is
 * about 820 MiB a worker, so 64 cores on a 16 GiB machine get 10 workers. `xz -T0` limits itself
 * by memory the same way. The bytes do not depend on it.
 */
export function xzWorkers(level: number, threads: number, totalMemory = totalmem()): number {
  const perWorker = (ENCODER_MIB[level] ?? 94) * MiB + 2 * xzBlockSize(level) + 16 * MiB;
  return Math.max(1, Math.min(threads, Math.floor(totalMemory / 2 / perWorker)));
}

/** One .xz stream (CRC64); bytes depend on the input and level only, not on `threads`. */
export async function* xzStream(
  input: AsyncIterable<Uint8Array>,
  level: number,
  threads: number,
): AsyncGenerator<Uint8Array> {
  const size = xzWorkers(level, threads);
  const workers = new WorkerPool(XZ_WORKER_SOURCE, { level, wasm: await liblzmaWasm() }, size);
  // Blocks go to the workers (transferred) and come back with their results. One job more than
  // there are workers waits in the pool's queue, so a worker starts its next block at once.
  const pool = new BlockPool(xzBlockSize(level), size + 2);
  try {
    yield xzStreamHeader();
    const jobs = (async function* () {
      for await (const block of rechunk(input, xzBlockSize(level), pool)) {
        const length = block.byteLength;
        yield async () => {
          const { result, block: back } = await workers.run({ block }, [block.buffer as ArrayBuffer]);
          if (back) pool.give(back);
          return splitSingleBlockStream(result, length);
        };
      }
    })();
    const records: Array<Omit<XzBlock, 'bytes'>> = [];
    for await (const blocks of orderedParallel(jobs, size + 1)) {
      for (const { bytes, unpaddedSize, uncompressedSize } of blocks) {
        records.push({ unpaddedSize, uncompressedSize });
        yield bytes;
      }
    }
    yield xzStreamEnd(records);
  } finally {
    await workers.close();
  }
}
