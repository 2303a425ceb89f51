// npm run bench helper: the compressor alone, in-process, on a file already in memory, so the
// engine (libzstd in Node, liblzma in WebAssembly, zlib) can be compared with its CLI without
// start-up or I/O. Usage (after esbuild bundling): node engine.mjs KIND LEVEL THREADS FILE
// Prints the milliseconds the compression took and the output size.
import { readFileSync } from 'node:fs';
import { compressBuffer, type CompressionKind } from '../src/archive/compress/index.js';

const [kind, level, threads, file] = process.argv.slice(2);
const data = readFileSync(file as string);
const start = performance.now();
const out = await compressBuffer(kind as CompressionKind, data, { level: Number(level), threads: Number(threads) });
process.stdout.write(`${(performance.now() - start).toFixed(0)} ${out.length}\n`);
