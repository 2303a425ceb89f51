// zstd as a sequence of independent frames of fixed size (RFC 8878 §3.1: a zstd stream is one or
// more frames), compressed `threads` at a time on libuv's thread pool (where node:zlib runs) while
// the calling thread reads and hashes the next block. rpm reads them (its zstdio decoder goes on
// to the next frame: test/interop/rpm-zstd-frames.test.ts), as do the zstd CLI and apt, but
// **dpkg 1.21 does not**: it stops after the first frame ("tar: Unexpected EOF"), so .deb uses
// the single frame of zstd.ts. Each frame carries the content checksum the zstd CLI writes.
//
// The cost in ratio is small: at level 3 the window is 2 MiB, so a 16 MiB frame loses the
// history of at most one window at its start (bench payload: 32,833,244 bytes as 16 MiB frames,
// 32,834,046 as one frame). The bytes depend on the input, the level and zstdFrameSize only,
// not on `threads` or timing.
import zlib from 'node:zlib';
import { orderedParallel } from './parallel.js';
import { BlockPool, rechunk } from './rechunk.js';

const MiB = 1024 * 1024;

/**
 * Frame size for a level: 16 MiB, or 32 MiB above level 9 (whose windows reach 4–8 MiB). The
 * output bytes depend on it: changing it changes every .zst.
 */
export function zstdFrameSize(level: number): number {
  return level <= 9 ? 16 * MiB : 32 * MiB;
}

/**
 * One long-lived compressor that makes one whole frame per call: the block is written, then a
 * ZSTD_e_end flush closes the frame (the stream itself is never ended, so Node's empty-frame bug
 * on end() cannot strike). Reusing the stream keeps libzstd's context and Node's buffers warm
 * instead of allocating them for every frame (fresh memory is slow to touch on a VM).
 */
class FrameLane {
  private readonly stream: zlib.ZstdCompress;
  private output: Buffer[] = [];
  private failure: Error | undefined;

  constructor(level: number) {
    const { ZSTD_c_compressionLevel, ZSTD_c_checksumFlag } = zlib.constants;
    this.stream = zlib.createZstdCompress({ chunkSize: MiB, params: { [ZSTD_c_compressionLevel]: level, [ZSTD_c_checksumFlag]: 1 } });
    this.stream.on('data', (chunk: Buffer) => this.output.push(chunk));
    this.stream.on('error', (error) => (this.failure ??= error));
  }

  /** The frame's bytes, in the compressor's output chunks (not concatenated: no copy). */
  async frame(block: Uint8Array): Promise<Buffer[]> {
    await this.step((done) => this.stream.write(block, done));
    await this.step((done) => this.stream.flush(zlib.constants.ZSTD_e_end, () => done()));
    const out = this.output;
    this.output = [];
    return out;
  }

  close(): void {
    this.stream.destroy();
  }

  private step(start: (done: (error?: Error | null) => void) => void): Promise<void> {
    return new Promise((resolve, reject) => {
      const onError = (error: Error) => reject(error);
      if (this.failure) return reject(this.failure);
      this.stream.once('error', onError);
      start((error) => {
        this.stream.off('error', onError);
        if (error ?? this.failure) reject(error ?? this.failure);
        else resolve();
      });
    });
  }
}

/**
 * `threads` lanes compress frames at once (on libuv's thread pool) while the calling thread fills
 * the next block. Frame k goes to lane k mod threads, which is free by then: orderedParallel
 * starts job k only after job k - threads has finished.
 */
export async function* zstdFramesStream(input: AsyncIterable<Uint8Array>, level: number, threads: number): AsyncGenerator<Uint8Array> {
  const size = zstdFrameSize(level);
  const pool = new BlockPool(size, threads + 1);
  const lanes: FrameLane[] = [];
  let blocks = 0;
  try {
    const jobs = (async function* () {
      for await (const block of rechunk(input, size, pool)) {
        const lane = (lanes[blocks % threads] ??= new FrameLane(level));
        blocks++;
        yield async () => {
          try {
            return await lane.frame(block);
          } finally {
            pool.give(block);
          }
        };
      }
    })();
    for await (const out of orderedParallel(jobs, threads)) yield* out;
    // An empty input is still one (empty) frame, as the zstd CLI writes it.
    if (blocks === 0) yield* await (lanes[0] = new FrameLane(level)).frame(new Uint8Array(0));
  } finally {
    for (const lane of lanes) lane.close();
  }
}
