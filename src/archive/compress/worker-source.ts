// Source text of the xz compression workers (gzip and zstd run on libuv's thread pool instead): plain JavaScript ES modules run from `data:` URLs by
// WorkerPool. They import only Node built-ins, so no path has to resolve inside a worker. Protocol:
// the worker gets one `{ block, dictionary? }` message at a time and answers `{ result }` (an
// exclusively owned buffer, transferred) or `{ error }` (a message: a stack would quote the URL).

/**
 * One complete .xz stream (CRC64 check) per block, by liblzma's lzma_easy_buffer_encode.
 * `workerData` is `{ level, wasm }`. `glue` is the text of node-liblzma's Emscripten glue, an ES
 * module declaring `createLZMA` (and exporting it, harmless here); given the wasm bytes and a
 * locateFile it never resolves a path. Its text, not `createLZMA.toString()`: the bundle's
 * minified copy calls esbuild helpers (keepNames) that do not exist in the worker.
 */
export function xzWorkerSource(glue: string): string {
  return `${glue}
import { parentPort, workerData } from 'node:worker_threads';
const { level, wasm } = workerData;
const ready = createLZMA({ wasmBinary: wasm, locateFile: (name) => name });
const LZMA_CHECK_CRC64 = 4;
function encode(m, block) {
  const size = block.byteLength;
  // LZMA2 stores incompressible data in chunks of at most 64 KiB with a 3-byte header each;
  // 512 bytes cover the stream and block headers, check, index and footer.
  const bound = size + Math.ceil(size / 65536) * 3 + 512;
  const input = m._malloc(Math.max(size, 1));
  const output = m._malloc(bound);
  const position = m._malloc(4);
  try {
    if (!input || !output || !position) throw new Error('liblzma: out of WebAssembly memory');
    m.HEAPU8.set(block, input);
    m.setValue(position, 0, 'i32');
    const ret = m._lzma_easy_buffer_encode(level, LZMA_CHECK_CRC64, 0, input, size, output, position, bound);
    if (ret !== 0) throw new Error('lzma_easy_buffer_encode returned ' + ret + ' (5 = out of memory, 8 = bad preset)');
    const length = m.getValue(position, 'i32');
    // HEAPU8 is read only now: the encoder may have grown (and so replaced) the memory.
    return m.HEAPU8.slice(output, output + length);
  } finally {
    m._free(input);
    m._free(output);
    m._free(position);
  }
}
parentPort.on('message', async ({ block }) => {
  try {
    const result = encode(await ready, block);
    parentPort.postMessage({ result }, [result.buffer]);
  } catch (error) {
    parentPort.postMessage({ error: String(error && error.message || error) });
  }
});
`;
}
