// zstd as one frame, with the content checksum the zstd CLI and dpkg-deb write: what every
// reader handles. dpkg 1.21 needs one frame: it stops after the first frame of data.tar.zst
// (test/interop/zstd-frames.test.ts proves it with a two-frame file).
//
// The frame is made by libzstd's own multi-threaded mode (ZSTD_c_nbWorkers = threads, always at
// least 1), as `zstd -T` and dpkg-deb on all cores do: libzstd cuts the input into jobs, its
// worker threads compress them, and the output is still one frame. Its bytes do not depend on the
// number of workers (libzstd's promise, pinned by test/unit/compress-golden.test.ts), nor on how
// the input is split into chunks, so `threads` is a speed setting only. With one worker, the
// compression runs on libzstd's thread while this thread reads, archives and hashes the input.
//
// Node's ZstdCompress stream cannot drive that mode: it reads "input left, output space left"
// as the end of the stream and stops early. So the compressor's native handle is driven here the
// way node:zlib's own *Sync functions drive it (handle.writeSync and the shared _writeState), in
// a loop that keeps calling until libzstd has taken every byte. Output goes into one reused 1 MiB
// buffer, handed on as a borrowed chunk (valid until the next is asked for: fresh memory for every
// chunk costs a page fault per 4 KiB on a VM), with no round trip through libuv's pool. The
// end of the frame is found by following its block headers (ZSTD_e_end reports no "done" flag
// through Node), so no second, empty frame is ever started.
import zlib from 'node:zlib';

const MiB = 1024 * 1024;
const OUTPUT_SIZE = MiB;

/** The parts of node:zlib's compressor that its synchronous functions use. */
interface NativeZstd {
  writeSync(flush: number, input: Uint8Array, inOff: number, inLen: number, output: Uint8Array, outOff: number, outLen: number): void;
  close(): void;
}

interface ZstdInternals {
  _handle?: NativeZstd | null;
  _writeState?: Uint32Array;
}

/** Follows a zstd frame through its header and block headers and says when it has ended. */
export class FrameEnd {
  private header: number[] = [];
  private need = 5; // magic number + frame header descriptor, then the rest of the header
  private stage: 'header' | 'block' | 'checksum' | 'done' = 'header';
  private skip = 0;
  private checksum = 0;

  get ended(): boolean {
    return this.stage === 'done';
  }

  /** Takes the next bytes of the frame. */
  see(bytes: Uint8Array): void {
    let at = 0;
    while (at < bytes.byteLength && this.stage !== 'done') {
      if (this.skip > 0) {
        const n = Math.min(this.skip, bytes.byteLength - at);
        this.skip -= n;
        at += n;
        if (this.skip === 0 && this.stage === 'checksum') this.stage = 'done';
        continue;
      }
      this.header.push(bytes[at++] as number);
      if (this.header.length < this.need) continue;
      if (this.stage === 'header') this.headerDone();
      else this.blockHeader();
    }
  }

  private headerDone(): void {
    const fhd = this.header[4] as number;
    const single = (fhd >> 5) & 1;
    const fcsFlag = fhd >> 6;
    const length = 5 + (single ? 0 : 1) + [0, 1, 2, 4][fhd & 3]! + (fcsFlag === 0 ? single : [0, 2, 4, 8][fcsFlag]!);
    if (this.header.length < length) {
      this.need = length;
      return;
    }
    this.checksum = (fhd >> 2) & 1 ? 4 : 0;
    this.stage = 'block';
    this.header = [];
    this.need = 3;
  }

  private blockHeader(): void {
    const [b0, b1, b2] = this.header as [number, number, number];
    const value = b0 | (b1 << 8) | (b2 << 16);
    const type = (value >> 1) & 3;
    this.skip = type === 1 ? 1 : value >>> 3;
    this.header = [];
    if (value & 1) {
      this.skip += this.checksum;
      this.stage = 'checksum';
      if (this.skip === 0) this.stage = 'done';
    }
  }
}

/**
 * libzstd's parameters. Up to level 9 (windows of at most 8 MiB... 2 MiB at level 3) the jobs are
 * 2 MiB and each starts with the whole window before it (overlapLog 9) instead of libzstd's
 * default of 8 MiB jobs with an eighth of a window: on the bench payload at level 3 that output is
 * 2.9% smaller (32,265,090 bytes against 33,211,505), a little faster, and its buffers touch half
 * as much fresh memory. Higher levels keep libzstd's own job sizes, which bound their memory.
 * Changing any of this changes every .zst (test/unit/compress-golden.test.ts).
 */
export function zstdParams(level: number, workers: number): Record<number, number> {
  const c = zlib.constants;
  const params: Record<number, number> = { [c.ZSTD_c_compressionLevel]: level, [c.ZSTD_c_checksumFlag]: 1, [c.ZSTD_c_nbWorkers]: Math.max(1, workers) };
  if (level <= 9) Object.assign(params, { [c.ZSTD_c_jobSize]: 2 * MiB, [c.ZSTD_c_overlapLog]: 9 });
  return params;
}

/** One zstd frame made by libzstd's workers, fed and drained synchronously. */
export class ZstdFrameWriter {
  private readonly stream: zlib.ZstdCompress;
  private readonly handle: NativeZstd;
  private readonly state: Uint32Array;
  private end = new FrameEnd();
  private readonly out = Buffer.allocUnsafe(OUTPUT_SIZE);
  private used = 0;
  /** Input bytes libzstd left untaken in the last call. */
  private left = 0;

  constructor(level: number, workers: number) {
    this.stream = zlib.createZstdCompress({ params: zstdParams(level, workers) });
    // On a libzstd error Node's handler destroys the stream at once (stream.errored, checked after
    // every call) and emits 'error' later: listened to here only so that it is not unhandled.
    this.stream.on('error', () => undefined);
    const internals = this.stream as unknown as ZstdInternals;
    if (!internals._handle || typeof internals._handle.writeSync !== 'function' || !ArrayBuffer.isView(internals._writeState)) {
      this.stream.destroy();
      throw new Error(`node:zlib in Node ${process.version} has no synchronous zstd handle; package-actions needs Node 24`);
    }
    this.handle = internals._handle;
    this.state = internals._writeState;
  }

  /**
   * Compresses `input` (which may be borrowed: it is consumed before this returns). Yields the
   * output buffer whenever it is full, borrowed: the caller is done with it before resuming.
   */
  *write(input: Uint8Array): Generator<Buffer> {
    let at = 0;
    while (at < input.byteLength) {
      yield* this.step(zlib.constants.ZSTD_e_continue, input, at);
      at = input.byteLength - this.left;
    }
  }

  /** Ends the frame; yields the rest of the output (borrowed). The next write starts a new frame. */
  *finish(): Generator<Buffer> {
    const none = new Uint8Array(0);
    while (!this.end.ended) yield* this.step(zlib.constants.ZSTD_e_end, none, 0);
    this.end = new FrameEnd();
    if (this.used > 0) {
      const rest = this.used;
      this.used = 0;
      yield this.out.subarray(0, rest);
    }
  }

  close(): void {
    this.stream.close();
  }

  private *step(flush: number, input: Uint8Array, at: number): Generator<Buffer> {
    const room = this.out.byteLength - this.used;
    this.handle.writeSync(flush, input, at, input.byteLength - at, this.out, this.used, room);
    if (this.stream.errored) throw this.stream.errored;
    this.left = this.state[1] as number;
    const made = room - (this.state[0] as number);
    if (made > 0) this.end.see(this.out.subarray(this.used, this.used + made));
    this.used += made;
    if (this.used === this.out.byteLength) {
      this.used = 0;
      yield this.out;
    }
  }
}

/**
 * One compressor kept after a frame it finished, for the next frame with the same settings (a
 * .deb's control.tar after its data.tar, the next package): its worker threads and tables are
 * made and touched once. A finished frame leaves libzstd's context as a new one (the same bytes:
 * test/unit/compress-formats.test.ts); a frame that failed or was abandoned closes its compressor.
 */
let idle: { key: string; writer: ZstdFrameWriter } | undefined;

/** One frame of `input`, compressed by `threads` libzstd workers (at least one). */
export async function* zstdStream(input: AsyncIterable<Uint8Array>, level: number, threads: number): AsyncGenerator<Uint8Array> {
  const workers = Math.max(1, threads);
  const key = `${level}/${workers}`;
  let writer: ZstdFrameWriter;
  if (idle?.key === key) {
    writer = idle.writer;
    idle = undefined;
  } else writer = new ZstdFrameWriter(level, workers);
  let finished = false;
  try {
    for await (const chunk of input) yield* writer.write(chunk);
    yield* writer.finish();
    finished = true;
  } finally {
    if (finished && !idle) idle = { key, writer };
    else writer.close();
  }
}

