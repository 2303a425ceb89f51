import { expect, test } from '@jest/globals';
import { compress, drain, type CompressionKind } from '../../src/archive/compress/index.js';
import { GZIP_BLOCK_SIZE } from '../../src/archive/compress/gzip.js';
import { xzBlockSize } from '../../src/archive/compress/xz.js';
import { WorkerPool } from '../../src/archive/compress/worker-pool.js';

const CHUNK = 64 * 1024;

/** An endless-looking input that records how much was pulled and whether it was closed. */
function source(total: number, failAfter = Infinity) {
  const state = { pulled: 0, closed: false };
  async function* generate(): AsyncGenerator<Uint8Array> {
    try {
      while (state.pulled < total) {
        if (state.pulled >= failAfter) throw new Error('disk on fire');
        const chunk = new Uint8Array(CHUNK);
        chunk.fill(state.pulled / CHUNK);
        state.pulled += CHUNK;
        yield chunk;
      }
    } finally {
      state.closed = true;
    }
  }
  return { state, input: generate() };
}

test.each([
  ['gzip', 1, GZIP_BLOCK_SIZE],
  ['gzip', 2, GZIP_BLOCK_SIZE],
  ['xz', 1, xzBlockSize(0)],
  ['xz', 3, xzBlockSize(0)],
] as const)('%s with %i thread(s) reads at most threads + 1 blocks ahead, and stopping closes the input', async (kind, threads, block) => {
  const { state, input } = source(1024 * 1024 * 1024);
  let outputs = 0;
  for await (const chunk of compress(kind, input, { level: kind === 'xz' ? 0 : 1, threads })) {
    expect(chunk.byteLength).toBeGreaterThan(0);
    if (++outputs === 4) break;
  }
  expect(state.pulled).toBeLessThanOrEqual((threads + 1) * block + 3 * block + CHUNK);
  expect(state.closed).toBe(true);
});

test('zstd streams: it does not read the whole input before producing output', async () => {
  // Output comes in 1 MiB buffers, so the input must not compress to nothing: noise.
  const state = { pulled: 0, closed: false };
  async function* noise(): AsyncGenerator<Uint8Array> {
    let x = 2463534242;
    try {
      for (;;) {
        const chunk = new Uint8Array(CHUNK);
        for (let i = 0; i < CHUNK; i++) chunk[i] = (x ^= (x ^= (x ^= x << 13) >>> 17) << 5) & 0xff;
        state.pulled += CHUNK;
        yield chunk;
      }
    } finally {
      state.closed = true;
    }
  }
  const input = noise();
  for await (const chunk of compress('zstd', input, { level: 1, threads: 2 })) {
    expect(chunk.byteLength).toBeGreaterThan(0);
    break;
  }
  expect(state.pulled).toBeLessThan(32 * 1024 * 1024);
  expect(state.closed).toBe(true);
});

test.each([
  ['gzip', 1], ['gzip', 2], ['xz', 1], ['xz', 2], ['zstd', 1], ['zstd', 2],
] as [CompressionKind, number][])('%s with %i thread(s) passes on an input error', async (kind, threads) => {
  const { input } = source(64 * 1024 * 1024, 3 * 1024 * 1024);
  await expect(drain(compress(kind, input, { level: 1, threads }))).rejects.toThrow('disk on fire');
});

test('worker pool: results by job, failures reported, close ends the workers', async () => {
  const echo = `import { parentPort } from 'node:worker_threads';
parentPort.on('message', ({ block }) => block[0] === 0
  ? parentPort.postMessage({ error: 'zero is not allowed' })
  : parentPort.postMessage({ result: block.map((b) => b * 2) }));`;
  const pool = new WorkerPool(echo, {}, 2);
  const results = await Promise.all([1, 2, 3, 4].map((n) => pool.run({ block: Uint8Array.of(n) })));
  expect(results.map((r) => r.result[0])).toEqual([2, 4, 6, 8]);
  await expect(pool.run({ block: Uint8Array.of(0) })).rejects.toThrow('zero is not allowed');
  await pool.close();
  await expect(pool.run({ block: Uint8Array.of(1) })).rejects.toThrow(/closed/);
});

test('worker pool: a worker that crashes fails its job instead of hanging', async () => {
  const pool = new WorkerPool(`throw new Error('cannot start');`, {}, 1);
  await expect(pool.run({ block: Uint8Array.of(1) })).rejects.toThrow('compression worker failed: cannot start');
  await pool.close();
});
