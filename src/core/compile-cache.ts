// Node's module compile cache (node:module enableCompileCache, Node 22.1+): modules loaded after
// this call come from V8's code cache in the temp directory instead of being compiled on every
// run. The CLI and every action entry call it first and load the rest with import(), so the
// cache covers the bundle's chunks; steps of one job share it through the runner's temp dir.
// NODE_COMPILE_CACHE=dir picks the directory (Node then enables it itself), and
// NODE_DISABLE_COMPILE_CACHE=1 turns it off.
import { mkdirSync } from 'node:fs';
import { enableCompileCache } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function enableModuleCache(): void {
  try {
    if (process.env.NODE_COMPILE_CACHE || process.env.NODE_DISABLE_COMPILE_CACHE) return;
    // Node's default directory, made here first and without `recursive`: enableCompileCache
    // reports a directory it cannot make instead of throwing, but Node's mkdir -p spins forever
    // where mkdir fails with ENOENT under an existing parent (TMPDIR=/proc). Plain mkdir throws.
    const dir = join(tmpdir(), 'node-compile-cache');
    try {
      mkdirSync(dir);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    enableCompileCache(dir);
  } catch {
    // a cache is an optimisation: never fail a run for it
  }
}
