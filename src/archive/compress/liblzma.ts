// Loads liblzma: node-liblzma's WebAssembly build (no native code). Two files of that package are
// needed as data, not as modules: the .wasm binary (both here and in the xz workers) and the
// Emscripten glue's source text (which the workers evaluate; see worker-source.ts).
//
// Each comes from one of two places:
// - in the esbuild bundle, the dynamic imports below carry import attributes (`type: 'bytes'`,
//   `type: 'text'`) that esbuild compiles into lazily loaded chunks holding the data, so dist/
//   needs no node_modules and actions that never write .xz never load them;
// - run from the TypeScript sources (Jest, scripts), Node and Jest do not support those types,
//   the import fails or yields a module instead of data, and we read the package's file, found by
//   Node's resolver.
// node-liblzma's own loader cannot be used: it reads the .wasm next to its glue via
// import.meta.url, which in the bundle points into dist/chunks/.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import createLZMA from 'node-liblzma/wasm/liblzma.js';

function packageFile(specifier: string): string {
  return createRequire(import.meta.url).resolve(specifier);
}

let wasm: Promise<Uint8Array> | undefined;
let glue: Promise<string> | undefined;

/** The liblzma .wasm binary (loaded once). */
export function liblzmaWasm(): Promise<Uint8Array> {
  wasm ??= (async () => {
    const bundled: { default?: unknown } | undefined = await import('node-liblzma/wasm/liblzma.wasm', {
      with: { type: 'bytes' },
    }).catch(() => undefined);
    if (bundled?.default instanceof Uint8Array) return bundled.default;
    return new Uint8Array(await readFile(packageFile('node-liblzma/wasm/liblzma.wasm')));
  })();
  return wasm;
}

/** Source text of the Emscripten glue, an ES module whose default export is the factory. */
export function liblzmaGlue(): Promise<string> {
  glue ??= (async () => {
    const bundled: { default?: unknown } | undefined = await import('node-liblzma/wasm/liblzma.js', {
      with: { type: 'text' },
    }).catch(() => undefined);
    if (typeof bundled?.default === 'string') return bundled.default;
    return readFile(packageFile('node-liblzma/wasm/liblzma.js'), 'utf8');
  })();
  return glue;
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
