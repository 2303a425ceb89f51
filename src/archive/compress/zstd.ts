// zstd as one frame, with the content checksum the zstd CLI and dpkg-deb write: what every
// reader handles. dpkg 1.21 needs it: it stops after the first frame of data.tar.zst, so the
// independent frames of zstd-frames.ts (which rpm reads) would lose data there.
//
// Two regimes, chosen by the input's size alone (so the bytes depend on the input and level only,
// never on `threads`):
// - up to ZSTD_WHOLE_LIMIT: the input is gathered and compressed in one call by libzstd's own
//   worker threads (nbWorkers = threads). Its output is the same for any nbWorkers >= 1 (checked
//   for 1, 2, 3 and 8 workers; pinned by test/unit/compress-golden.test.ts on every CI OS). Only the
//   blocking one-shot call works with workers in Node 24: createZstdCompress truncates its
//   output with ZSTD_c_nbWorkers >= 1 and the async one-shot returns nothing (seen on 24.21).
// - above it: streamed single-threaded (libzstd's workers are not reachable from a stream), fed
//   in 1 MiB slices, two writes in flight so the next slice is read while one compresses.
import zlib from 'node:zlib';
import { BlockPool, rechunk } from './rechunk.js';

const MiB = 1024 * 1024;
/** Inputs up to this size are compressed whole, on all cores. Changing it changes output bytes. */
export const ZSTD_WHOLE_LIMIT = 64 * MiB;
/** The streaming regime's input slices: libzstd is fed one fixed split whatever the caller gives. */
const FEED_SIZE = MiB;

function params(level: number, workers: number): Record<number, number> {
  const { ZSTD_c_compressionLevel, ZSTD_c_checksumFlag, ZSTD_c_nbWorkers } = zlib.constants;
  const p: Record<number, number> = { [ZSTD_c_compressionLevel]: level, [ZSTD_c_checksumFlag]: 1 };
  if (workers > 0) p[ZSTD_c_nbWorkers] = workers;
  return p;
}

/**
 * The whole input in one call on `threads` libzstd workers (it blocks this thread meanwhile).
 * For inputs up to ZSTD_WHOLE_LIMIT these are the bytes zstdStream makes; a caller that already
 * holds the input in one buffer skips zstdStream's gathering copy.
 */
export function compressWhole(data: Uint8Array, level: number, threads: number): Buffer {
  const chunkSize = data.byteLength + (data.byteLength >> 7) + 1024;
  return zlib.zstdCompressSync(data, { chunkSize, params: params(level, Math.max(1, threads)) });
}

/** Calls `start` with a node-style callback and settles when it is called or the stream fails. */
function settle(stream: zlib.ZstdCompress, start: (done: (error?: Error | null) => void) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    stream.once('error', onError);
    start((error) => {
      stream.off('error', onError);
      if (error) reject(error);
      else resolve();
    });
  });
}

/** One frame, streamed on one thread; the frame is closed by a ZSTD_e_end flush, never by end(). */
async function* compressStreaming(input: AsyncIterable<Uint8Array>, level: number): AsyncGenerator<Uint8Array> {
  const stream = zlib.createZstdCompress({ chunkSize: MiB, params: params(level, 0) });
  const output: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => output.push(chunk));
  const pool = new BlockPool(FEED_SIZE, 3);
  let previous: Promise<void> | undefined;
  try {
    for await (const slice of rechunk(input, FEED_SIZE, pool)) {
      const written = settle(stream, (done) => stream.write(slice, done)).finally(() => pool.give(slice));
      written.catch(() => undefined); // observed below, when its turn comes
      if (previous) await previous;
      previous = written;
      yield* output.splice(0);
    }
    if (previous) await previous;
    await settle(stream, (done) => stream.flush(zlib.constants.ZSTD_e_end, () => done()));
    yield* output.splice(0);
  } finally {
    stream.destroy();
  }
}

export async function* zstdStream(input: AsyncIterable<Uint8Array>, level: number, threads: number): AsyncGenerator<Uint8Array> {
  // Untouched memory costs nothing: only the pages the input fills are ever faulted in.
  let whole: Uint8Array | undefined = new Uint8Array(ZSTD_WHOLE_LIMIT);
  let filled = 0;
  const iterator = input[Symbol.asyncIterator]();
  let done = false;
  try {
    for (;;) {
      const next = await iterator.next();
      if (next.done) {
        done = true;
        yield compressWhole((whole as Uint8Array).subarray(0, filled), level, threads);
        return;
      }
      const chunk = next.value;
      if (filled + chunk.byteLength <= ZSTD_WHOLE_LIMIT && whole) {
        whole.set(chunk, filled);
        filled += chunk.byteLength;
        continue;
      }
      // Too big to hold: stream what was gathered, this chunk (borrowed: rechunk copies it
      // before pulling again), then the rest of the input.
      let gathered: Uint8Array | undefined = whole?.subarray(0, filled);
      whole = undefined;
      const rest = async function* () {
        // Let the 64 MiB go once it is copied into the stream's slices (a long stream keeps running).
        if (gathered) yield gathered;
        gathered = undefined;
        yield chunk;
        for (;;) {
          const more = await iterator.next();
          if (more.done) return;
          yield more.value;
        }
      };
      yield* compressStreaming(rest(), level);
      done = true;
      return;
    }
  } finally {
    if (!done) await iterator.return?.();
  }
}
