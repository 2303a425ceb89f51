// zstd as one frame, with the content checksum the zstd CLI and dpkg-deb write: what every
// reader handles. dpkg 1.21 needs it: it stops after the first frame of data.tar.zst, so the
// independent frames of zstd-frames.ts (which rpm reads) would lose data there.
//
// One frame means one core here: libzstd's own workers are out of reach from a Node 24 stream
// (createZstdCompress with ZSTD_c_nbWorkers >= 1 ends its output early when libzstd leaves input
// unconsumed, and the async one-shot returns nothing; seen on 24.21). Only the blocking one-shot
// call works with workers, and it needs the whole input in memory: measured on the 60 MB bench
// payload on 2 cores, gathering it and compressing on 2 workers took 0.70 s of wall and 1.1 s of
// CPU (41k page faults) against 0.59 s and 0.8 s (14k) for this stream, whose output was also
// 1% smaller. So the input is streamed on one thread, fed in 1 MiB slices, two writes in flight
// so that the next slice is read and hashed while one compresses. The bytes depend on the input
// and the level only (the slices are fixed), never on `threads`.
import zlib from 'node:zlib';
import { BlockPool, rechunk } from './rechunk.js';

const MiB = 1024 * 1024;
/** libzstd is fed one fixed split whatever chunks the caller gives. */
const FEED_SIZE = MiB;

function params(level: number): Record<number, number> {
  const { ZSTD_c_compressionLevel, ZSTD_c_checksumFlag } = zlib.constants;
  return { [ZSTD_c_compressionLevel]: level, [ZSTD_c_checksumFlag]: 1 };
}

/** Calls `start` with a node-style callback and settles when it is called or the stream fails. */
export function settle(stream: zlib.ZstdCompress, start: (done: (error?: Error | null) => void) => void): Promise<void> {
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

/**
 * One frame, streamed on one thread; the frame is closed by a ZSTD_e_end flush, never by end()
 * (which appends a second, empty frame when a write is still queued: nodejs/node#66078).
 */
export async function* zstdStream(input: AsyncIterable<Uint8Array>, level: number): AsyncGenerator<Uint8Array> {
  const stream = zlib.createZstdCompress({ chunkSize: MiB, params: params(level) });
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
