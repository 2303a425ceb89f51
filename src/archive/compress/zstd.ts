// zstd by node:zlib (Node 24 bundles libzstd): one frame, with the content checksum that the zstd
// CLI and dpkg-deb write, single-threaded whatever `threads` says. Two Node 24 stream bugs shape
// this code (both seen here on 24.21; a test guards each):
// - with ZSTD_c_nbWorkers >= 1, createZstdCompress truncates its output (the one-shot functions
//   do not), so libzstd's own threads are not used; level 3 runs at ~100 MB/s on one core anyway;
// - calling end() while a write is still queued appends a second, empty frame
//   (nodejs/node#66078), so the output would depend on timing. We write one slice at a time and
//   wait for zlib to take it before the next, and end only when nothing is queued.
import zlib from 'node:zlib';
import { finished } from 'node:stream/promises';
import { rechunk } from './rechunk.js';

/**
 * libzstd's output depends on how its input is split into calls, so it is fed slices of one
 * fixed size whatever chunks the caller gives. The output bytes depend on this value.
 */
const FEED_SIZE = 1024 * 1024;

/** Writes one slice and waits until zlib has taken it (its callback), or fails with its error. */
function write(compressor: zlib.ZstdCompress, slice: Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    compressor.once('error', onError);
    compressor.write(slice, (error) => {
      compressor.off('error', onError);
      if (error) reject(error);
      else resolve();
    });
  });
}

export async function* zstdStream(input: AsyncIterable<Uint8Array>, level: number): AsyncGenerator<Uint8Array> {
  const { ZSTD_c_compressionLevel, ZSTD_c_checksumFlag } = zlib.constants;
  const compressor = zlib.createZstdCompress({ chunkSize: 1 << 20, params: { [ZSTD_c_compressionLevel]: level, [ZSTD_c_checksumFlag]: 1 } });
  const output: Buffer[] = [];
  compressor.on('data', (chunk: Buffer) => output.push(chunk));
  try {
    for await (const slice of rechunk(input, FEED_SIZE)) {
      await write(compressor, slice);
      yield* output.splice(0);
    }
    compressor.end();
    await finished(compressor);
    yield* output.splice(0);
  } finally {
    compressor.destroy();
  }
}
