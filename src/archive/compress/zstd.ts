// zstd by node:zlib (Node 24 bundles libzstd). One frame, with the content checksum the zstd CLI
// and dpkg-deb write.
//
// Always in libzstd's multithreaded mode (nbWorkers >= 1), even for threads = 1: its output is the
// same for any number of workers (it cuts jobs at sizes fixed by the level), while single-threaded
// mode (nbWorkers = 0) writes different bytes. So the output does not depend on `threads`. The
// compression runs on libuv's pool and libzstd's own threads, never blocking the event loop.
import zlib from 'node:zlib';
import { Readable, pipeline } from 'node:stream';
import { rechunk } from './rechunk.js';

/**
 * libzstd's output depends on how its input is split into calls, so it is fed slices of one
 * fixed size whatever chunks the caller gives. The output bytes depend on this value.
 */
const FEED_SIZE = 1024 * 1024;

export async function* zstdStream(
  input: AsyncIterable<Uint8Array>,
  level: number,
  threads: number,
): AsyncGenerator<Uint8Array> {
  const { ZSTD_c_compressionLevel, ZSTD_c_checksumFlag, ZSTD_c_nbWorkers } = zlib.constants;
  const compressor = zlib.createZstdCompress({
    params: { [ZSTD_c_compressionLevel]: level, [ZSTD_c_checksumFlag]: 1, [ZSTD_c_nbWorkers]: threads },
  });
  const source = Readable.from(rechunk(input, FEED_SIZE), { objectMode: false });
  // pipeline destroys both sides on an error (iterating `compressor` then throws it) and when
  // the consumer stops early (the for-await below destroys `compressor`).
  pipeline(source, compressor, () => undefined);
  for await (const chunk of compressor) yield chunk as Buffer;
}
