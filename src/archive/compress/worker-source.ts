// Source text of the xz compression workers (gzip and zstd run on libuv's thread pool instead): a
// plain JavaScript ES module run from a `data:` URL by WorkerPool. It imports only Node built-ins,
// so no path has to resolve inside a worker. Protocol: the worker gets one `{ block }` message at
// a time (its buffer transferred) and answers `{ result, block }` (the result in an exclusively
// owned buffer, and the block given back for reuse, both transferred) or `{ error }` (a message:
// a stack would quote the URL).

/**
 * One complete .xz stream (CRC64 check) per block, by liblzma's lzma_easy_buffer_encode.
 * `workerData` is `{ level, wasm }`: the preset and the bytes of vendor/liblzma/liblzma.wasm, a
 * WASI "reactor" module exporting its memory, malloc, free and the liblzma functions.
 */
export const XZ_WORKER_SOURCE = `
import { parentPort, workerData } from 'node:worker_threads';
const { level, wasm } = workerData;
// The only WASI calls linked in are wasi-libc's stdio, which liblzma never reaches; each would
// fail with ENOSYS (52).
const wasi = new Proxy({}, { get: () => () => 52 });
const ready = WebAssembly.instantiate(wasm, { wasi_snapshot_preview1: wasi }).then(({ instance }) => {
  instance.exports._initialize();
  return instance.exports;
});
const LZMA_CHECK_CRC64 = 4;
function encode(lzma, block) {
  const size = block.byteLength;
  // LZMA2 stores incompressible data in chunks of at most 64 KiB with a 3-byte header each;
  // 512 bytes cover the stream and block headers, check, index and footer.
  const bound = size + Math.ceil(size / 65536) * 3 + 512;
  const input = lzma.malloc(Math.max(size, 1));
  const output = lzma.malloc(bound);
  const position = lzma.malloc(4);
  try {
    if (!input || !output || !position) throw new Error('liblzma: out of WebAssembly memory');
    new Uint8Array(lzma.memory.buffer).set(block, input);
    new DataView(lzma.memory.buffer).setUint32(position, 0, true);
    const ret = lzma.lzma_easy_buffer_encode(level, LZMA_CHECK_CRC64, 0, input, size, output, position, bound);
    if (ret !== 0) throw new Error('lzma_easy_buffer_encode returned ' + ret + ' (5 = out of memory, 8 = bad preset)');
    // The memory is looked at again only now: the encoder may have grown (and so replaced) it.
    const length = new DataView(lzma.memory.buffer).getUint32(position, true);
    return new Uint8Array(lzma.memory.buffer.slice(output, output + length));
  } finally {
    lzma.free(input);
    lzma.free(output);
    lzma.free(position);
  }
}
parentPort.on('message', async ({ block }) => {
  try {
    const result = encode(await ready, block);
    parentPort.postMessage({ result, block }, [result.buffer, block.buffer]);
  } catch (error) {
    parentPort.postMessage({ error: String(error && error.message || error) });
  }
});
`;
