#!/usr/bin/env node
// The CLI's entry: turns on Node's module compile cache, then loads the CLI (and, through it, the
// chosen command's code), so those modules come from V8's code cache instead of being compiled
// on every run. NODE_COMPILE_CACHE=dir picks the directory (Node then enables it before this
// runs), NODE_DISABLE_COMPILE_CACHE=1 turns it off.
import { mkdirSync } from 'node:fs';
import { enableCompileCache } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

try {
  if (!process.env.NODE_COMPILE_CACHE && !process.env.NODE_DISABLE_COMPILE_CACHE) {
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
  }
} catch {
  // a cache is an optimisation: never fail a run for it
}
await import('./main.js');
