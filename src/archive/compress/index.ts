// Compression for package payloads: gzip, xz and zstd, streamed, deterministic, and optionally
// spread over cores (libuv's thread pool for gzip, libzstd's own workers for zstd, worker
// threads for xz).
//
// Determinism: the bytes depend only on the input and the level (and on the block sizes fixed in
// gzip.ts and xz.ts, and the library versions: Node's zlib and libzstd, and liblzma 5.8.1 in vendor/liblzma).
// They do NOT depend on `threads`, on how the input is split into chunks, on timing, or on the
// OS: threads = 1 compresses the same blocks (zstd: the same jobs) one at a time that threads = 8
// compresses eight at a time. test/unit/compress-golden.test.ts pins the bytes on every CI
// platform.
//
// Readers: gzip is one member (pigz-style blocks inside one deflate stream); xz is one stream of
// several blocks (as `xz -T` and dpkg-deb write); zstd is one frame (dpkg reads no more), made
// as `zstd -T` makes it. dpkg and apt read all the .deb forms, lintian gzip and xz (it cannot
// read zstd at all), rpm all of its forms (test/interop/deb-compression.test.ts,
// test/interop/zstd-frames.test.ts).
//
// Chunks are borrowed both ways (see ../file-io.ts): input chunks are valid only until the next
// is pulled (each compressor copies or consumes them before asking for more), and so are output
// chunks (zstd hands out one reused buffer): a consumer that keeps one must copy it.
import { availableParallelism } from 'node:os';
import { gzipStream } from './gzip.js';
import { XZ_MAX_LEVEL, xzStream } from './xz.js';
import { zstdStream } from './zstd.js';

export type CompressionKind = 'gzip' | 'xz' | 'zstd' | 'none';

export interface CompressOptions {
  /** gzip 0–9 (default 9), xz 0–9 (default 6), zstd 1–19 (default 3). */
  level?: number;
  /**
   * How many blocks are compressed at once: 1 = one at a time, > 1 = that many, 0 = one per CPU
   * core. Default 1. Does not change the output bytes. gzip runs on libuv's thread pool
   * (UV_THREADPOOL_SIZE, 4 by default, bounds it); zstd on that many libzstd worker threads
   * while the calling thread feeds them; xz in that many worker threads.
   */
  threads?: number;
}

const LEVELS: Record<Exclude<CompressionKind, 'none'>, { min: number; max: number; default: number }> = {
  gzip: { min: 0, max: 9, default: 9 },
  xz: { min: 0, max: XZ_MAX_LEVEL, default: 6 },
  zstd: { min: 1, max: 19, default: 3 },
};

/** The file name extension for a kind: `data.tar${extensionFor('xz')}`. */
export function extensionFor(kind: CompressionKind): '' | '.gz' | '.xz' | '.zst' {
  switch (kind) {
    case 'gzip':
      return '.gz';
    case 'xz':
      return '.xz';
    case 'zstd':
      return '.zst';
    case 'none':
      return '';
  }
}

function resolveOptions(kind: Exclude<CompressionKind, 'none'>, opts: CompressOptions): { level: number; threads: number } {
  const range = LEVELS[kind];
  const level = opts.level ?? range.default;
  if (!Number.isInteger(level) || level < range.min || level > range.max) {
    throw new RangeError(`${kind} level must be an integer from ${range.min} to ${range.max}, got ${level}`);
  }
  const requested = opts.threads ?? 1;
  if (!Number.isInteger(requested) || requested < 0) {
    throw new RangeError(`threads must be a non-negative integer, got ${requested}`);
  }
  return { level, threads: requested === 0 ? availableParallelism() : requested };
}

/**
 * Streams `input` through the compressor, yielding compressed chunks in order, each valid only
 * until the next is requested (copy to keep). Memory stays
 * bounded whatever the input size: a few blocks per thread (gzip threads + 2 of 128 KiB, xz
 * threads + 2 of 8 MiB at -6, one of them queued for the next free worker) plus, for xz, one
 * liblzma heap per thread (about 100 MiB at -6, 190 MiB at -7, 700 MiB at -9);
 * the input is read only as fast as the output is consumed. Stopping early ends the workers.
 * Throws a RangeError at once (not when iterated) for a level or thread count out of range.
 */
export function compress(
  kind: CompressionKind,
  input: AsyncIterable<Uint8Array>,
  opts: CompressOptions = {},
): AsyncIterable<Uint8Array> {
  if (kind === 'none') return input;
  const { level, threads } = resolveOptions(kind, opts);
  switch (kind) {
    case 'gzip':
      return gzipStream(input, level, threads);
    case 'xz':
      return xzStream(input, level, threads);
    case 'zstd':
      return zstdStream(input, level, threads);
  }
}

/** Compresses a whole buffer; the same bytes as compress() on any split of `data`. */
export async function compressBuffer(kind: CompressionKind, data: Uint8Array, opts: CompressOptions = {}): Promise<Buffer> {
  return drain(compress(kind, once(data), opts));
}

async function* once(data: Uint8Array): AsyncGenerator<Uint8Array> {
  yield data;
}

/** Collects a stream of chunks into one Buffer (for tests, benchmarks and small payloads). */
export async function drain(chunks: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  // Chunks may be borrowed: each is copied as it comes.
  for await (const chunk of chunks) parts.push(new Uint8Array(chunk));
  return Buffer.concat(parts);
}
