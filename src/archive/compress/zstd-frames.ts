// zstd as a sequence of independent frames of fixed size (RFC 8878 §3.1: a zstd stream is one or
// more frames), compressed `threads` at a time on libuv's thread pool (where node:zlib runs) while
// the calling thread reads and hashes the next block. rpm reads them (its zstdio decoder goes on
// to the next frame: test/interop/zstd-frames.test.ts), as do the zstd CLI and apt, but
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
import { settle } from './zstd.js';

const MiB = 1024 * 1024;

/**
 * Frame size for a level: 16 MiB, or 32 MiB above level 9 (whose windows reach 4–8 MiB). The
 * output bytes depend on it: changing it changes every .zst.
 */
export function zstdFrameSize(level: number): number {
  return level <= 9 ? 16 * MiB : 32 * MiB;
}

/** Every frame is fed to libzstd in slices of this size, however it arrives: the bytes depend on it. */
const FEED_SIZE = MiB;

/**
 * One long-lived compressor that makes frames: a frame's input is written in FEED_SIZE slices,
 * then a ZSTD_e_end flush closes it (the stream itself is never ended, so Node's empty-frame bug
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

  /** Writes one slice (at most FEED_SIZE) of the current frame; settles when zlib has taken it. */
  write(slice: Uint8Array): Promise<void> {
    return this.step((done) => this.stream.write(slice, done));
  }

  /** Closes the current frame: its bytes, in the compressor's output chunks (no copy). */
  async end(): Promise<Buffer[]> {
    await this.step((done) => this.stream.flush(zlib.constants.ZSTD_e_end, () => done()));
    const out = this.output;
    this.output = [];
    return out;
  }

  /** A whole frame from a block held in memory, written in FEED_SIZE slices. */
  async frame(block: Uint8Array): Promise<Buffer[]> {
    for (let at = 0; at < block.byteLength; at += FEED_SIZE) await this.write(block.subarray(at, at + FEED_SIZE));
    return this.end();
  }

  close(): void {
    this.stream.destroy();
  }

  private step(start: (done: (error?: Error | null) => void) => void): Promise<void> {
    return this.failure ? Promise.reject(this.failure) : settle(this.stream, start);
  }
}

/**
 * One thread: the frames are streamed through one lane in FEED_SIZE slices (two writes in flight,
 * so the next slice is read while one compresses), with no frame-sized buffer.
 */
async function* oneLane(input: AsyncIterable<Uint8Array>, level: number, size: number): AsyncGenerator<Uint8Array> {
  const lane = new FrameLane(level);
  const pool = new BlockPool(FEED_SIZE, 3);
  let inFrame = 0;
  let frames = 0;
  let previous: Promise<void> | undefined;
  try {
    for await (const slice of rechunk(input, FEED_SIZE, pool)) {
      const written = lane.write(slice).finally(() => pool.give(slice));
      written.catch(() => undefined); // observed below, when its turn comes
      if (previous) await previous;
      previous = written;
      inFrame += slice.byteLength;
      if (inFrame === size) {
        await previous;
        previous = undefined;
        yield* await lane.end();
        frames++;
        inFrame = 0;
      }
    }
    if (previous) await previous;
    // The last, shorter frame; or, for an empty input, one empty frame as the zstd CLI writes it.
    if (inFrame > 0 || frames === 0) yield* await lane.end();
  } finally {
    lane.close();
  }
}

/**
 * `threads` lanes compress frames at once (on libuv's thread pool) while the calling thread fills
 * the next block. Frame k goes to lane k mod threads, which is free by then: orderedParallel
 * starts job k only after job k - threads has finished. Both ways give the same bytes: every
 * frame is fed in FEED_SIZE slices and closed at the same place.
 */
export async function* zstdFramesStream(input: AsyncIterable<Uint8Array>, level: number, threads: number): AsyncGenerator<Uint8Array> {
  const size = zstdFrameSize(level);
  if (threads <= 1) {
    yield* oneLane(input, level, size);
    return;
  }
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
    if (blocks === 0) yield* await (lanes[0] = new FrameLane(level)).frame(new Uint8Array(0));
  } finally {
    for (const lane of lanes) lane.close();
  }
}
