// Loads liblzma (node-liblzma's WebAssembly build: no native code, one file in the bundle).
//
// The .wasm bytes come from one of two places:
// - in the esbuild bundle, the dynamic import below is compiled (loader `.wasm=binary`) into a
//   lazily loaded chunk holding the bytes, so dist/ needs no node_modules and actions that never
//   write .xz never decode them;
// - from the TypeScript sources (Jest, scripts), that import fails (Node and Jest cannot import a
//   .wasm file as bytes), and we read the file node-liblzma ships, found by Node's resolver.
// node-liblzma's own loader cannot be used: it reads the file next to its glue via import.meta.url,
// which in the bundle points into dist/chunks/.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import createLZMA from 'node-liblzma/wasm/liblzma.js';

const WASM_SPECIFIER = 'node-liblzma/wasm/liblzma.wasm';

let bytes: Promise<Uint8Array> | undefined;

/** The liblzma .wasm binary (cached). */
export function liblzmaWasm(): Promise<Uint8Array> {
  bytes ??= loadWasm();
  return bytes;
}

async function loadWasm(): Promise<Uint8Array> {
  try {
    const bundled: { default?: unknown } = await import('node-liblzma/wasm/liblzma.wasm');
    if (bundled.default instanceof Uint8Array) return bundled.default;
  } catch {
    // Not bundled: fall through to the file.
  }
  const path = createRequire(import.meta.url).resolve(WASM_SPECIFIER);
  return new Uint8Array(await readFile(path));
}

/** The parts of the Emscripten module we use (C functions are prefixed with `_`). */
export interface Liblzma {
  readonly HEAPU8: Uint8Array;
  _malloc(size: number): number;
  _free(pointer: number): void;
  setValue(pointer: number, value: number, type: 'i32'): void;
  getValue(pointer: number, type: 'i32'): number;
  _lzma_easy_buffer_encode(
    preset: number, check: number, allocator: number,
    input: number, inputSize: number, output: number, outputPosition: number, outputSize: number,
  ): number;
}

let instance: Promise<Liblzma> | undefined;

/** This thread's liblzma instance (created once). */
export function liblzma(): Promise<Liblzma> {
  instance ??= (async () => {
    // locateFile keeps the glue from resolving a path against its import.meta.url.
    const options = { wasmBinary: await liblzmaWasm(), locateFile: (name: string) => name };
    return (await createLZMA(options)) as Liblzma;
  })();
  return instance;
}

/**
 * Source text of the Emscripten factory, for the xz workers. The factory is a closed function
 * (its only outside reference, the script URL, is used in browsers only), so it can be rebuilt
 * from its text in another thread, minified by esbuild or not.
 */
export function liblzmaGlueSource(): string {
  return createLZMA.toString();
}
