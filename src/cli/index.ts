#!/usr/bin/env node
// The CLI's entry: turns on Node's module compile cache, then loads the CLI (and, through it, the
// chosen command's code), so those modules are not compiled again on every run.
import { enableModuleCache } from '../core/compile-cache.js';

enableModuleCache();
await import('./main.js');
