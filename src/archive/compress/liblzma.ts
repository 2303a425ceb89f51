// liblzma's .xz encoder as WebAssembly: vendor/liblzma/liblzma.wasm, built from the unmodified
// XZ Utils release by scripts/build-liblzma.sh (see vendor/liblzma/README.md). It runs in the xz
// worker threads (worker-source.ts), which get these bytes as workerData.
//
// The bytes come from one of two places:
// - in the esbuild bundle, the dynamic import below carries the import attribute `type: 'bytes'`,
//   which esbuild compiles into a lazily loaded chunk holding them, so dist/ needs no vendor/
//   directory and actions that never write .xz never load it;
// - run from the TypeScript sources (Jest, scripts), Node and Jest do not support that type, the
//   import fails, and we read the file next to the sources.
import { readFile } from 'node:fs/promises';

const FILE = new URL('../../../vendor/liblzma/liblzma.wasm', import.meta.url);

let wasm: Promise<Uint8Array> | undefined;

/** The liblzma .wasm binary (loaded once). */
export function liblzmaWasm(): Promise<Uint8Array> {
  wasm ??= (async () => {
    const bundled: { default?: unknown } | undefined = await import('../../../vendor/liblzma/liblzma.wasm', {
      with: { type: 'bytes' },
    }).catch(() => undefined);
    if (bundled?.default instanceof Uint8Array) return bundled.default;
    return new Uint8Array(await readFile(FILE));
  })();
  return wasm;
}
