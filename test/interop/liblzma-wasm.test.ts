// vendor/liblzma/liblzma.wasm is a build of the unmodified XZ Utils release, not a file to trust:
// rebuild it with scripts/build-liblzma.sh and compare. With the toolchain the committed file was
// built with (Debian bookworm's clang 14.0.6 and wasi-libc 0.0~git20220510) the bytes must be
// equal; with another (say Ubuntu's), the module must still write the same .xz bytes.
import { describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WorkerPool } from '../../src/archive/compress/worker-pool.js';
import { XZ_WORKER_SOURCE } from '../../src/archive/compress/worker-source.js';
import { requireTool } from '../support/tools.js';

const ROOT = join(import.meta.dirname, '..', '..');
const COMMITTED = join(ROOT, 'vendor', 'liblzma', 'liblzma.wasm');
const PINNED = { clang: '14.0.6', wasiLibc: '0.0~git20220510.9886d3d-2' };

/**
 * Compresses `data` with a liblzma module the way build-deb and build-rpm do: the xz worker
 * source in a worker, given that module's bytes. Returns the worker's single-block .xz stream.
 */
async function encodeWith(wasm: Uint8Array, data: Uint8Array, level: number): Promise<Buffer> {
  const pool = new WorkerPool(XZ_WORKER_SOURCE, { level, wasm }, 1);
  try {
    const block = new Uint8Array(data);
    return Buffer.from((await pool.run({ block }, [block.buffer])).result);
  } finally {
    await pool.close();
  }
}

function installedVersion(pkg: string): string {
  try {
    return execFileSync('dpkg-query', ['-W', '-f=${Version}', pkg], { encoding: 'utf8' });
  } catch {
    return '';
  }
}

describe('vendor/liblzma/liblzma.wasm', () => {
  test('is what scripts/build-liblzma.sh builds from the XZ Utils 5.8.1 release', async () => {
    if (!requireTool('clang-14') || !requireTool('wasm-ld-14') || !requireTool('curl') || !requireTool('xz')) return;
    const rebuilt = join(mkdtempSync(join(tmpdir(), 'pa-liblzma-')), 'liblzma.wasm');
    execFileSync('bash', [join(ROOT, 'scripts', 'build-liblzma.sh'), '--out', rebuilt], { stdio: 'pipe' });
    const ours = readFileSync(COMMITTED);
    const theirs = readFileSync(rebuilt);
    const clang = execFileSync('clang-14', ['--version'], { encoding: 'utf8' });
    if (clang.includes(`version ${PINNED.clang}`) && installedVersion('wasi-libc') === PINNED.wasiLibc) {
      expect(createHash('sha256').update(theirs).digest('hex')).toBe(createHash('sha256').update(ours).digest('hex'));
    }
    // Either way: the same library, so the same .xz bytes, also across block and preset changes.
    const data = Buffer.concat(Array.from({ length: 400 }, (_, i) => Buffer.from(`line ${i * 7919 % 1000} of a text that repeats with variations\n`)));
    for (const level of [0, 1, 6, 9]) {
      expect((await encodeWith(theirs, data, level)).equals(await encodeWith(ours, data, level))).toBe(true);
    }
    // And a real xz reads it back.
    const xz = await encodeWith(ours, data, 6);
    expect(execFileSync('xz', ['-dc'], { input: xz }).equals(data)).toBe(true);
  }, 300_000);
});
