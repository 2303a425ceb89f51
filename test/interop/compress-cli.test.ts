// Real gzip, xz and zstd judge our output, in the single-threaded and the block-parallel modes.
import { beforeAll, describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compressBuffer, type CompressionKind } from '../../src/archive/compress/index.js';
import { xzBlockSize } from '../../src/archive/compress/xz.js';
import { requireTool } from '../support/tools.js';

let dir: string;
let data: Buffer;

/** 3 MB of text and noise: 24 gzip blocks, 3 xz blocks at level 1. */
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pa-compress-'));
  data = Buffer.alloc(3_000_000);
  let x = 5;
  const text = Buffer.from('Package: tool\nVersion: 1.0\nDescription: compressed by package-actions\n');
  for (let i = 0; i < data.length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    data[i] = (i >> 13) % 3 === 0 ? x >>> 24 : text[i % text.length]!;
  }
});

async function write(kind: CompressionKind, threads: number, input: Buffer, level?: number): Promise<string> {
  const path = join(dir, `out-${kind}-${threads}-${level ?? 'default'}-${input.length}`);
  writeFileSync(path, await compressBuffer(kind, input, { threads, level }));
  return path;
}

function run(tool: string, args: string[]): Buffer {
  return execFileSync(tool, args, { maxBuffer: 1 << 30 });
}

describe.each([1, 2])('%i thread(s)', (threads) => {
  test('gzip -t accepts it and gzip -dc restores the input', async () => {
    if (!requireTool('gzip')) return;
    const path = await write('gzip', threads, data);
    run('gzip', ['-t', path]);
    expect(run('gzip', ['-dc', path]).equals(data)).toBe(true);
  });

  test('gzip -9n writes the same header', async () => {
    if (!requireTool('gzip')) return;
    const path = await write('gzip', threads, data);
    const theirs = execFileSync('gzip', ['-9n'], { input: data, maxBuffer: 1 << 30 });
    expect(run('head', ['-c', '10', path])).toEqual(theirs.subarray(0, 10));
  });

  test('xz -t accepts it, xz -lvv sees one CRC64 stream of several blocks, xz -dc restores it', async () => {
    if (!requireTool('xz')) return;
    const path = await write('xz', threads, data, 1);
    run('xz', ['-t', path]);
    const robot = run('xz', ['--robot', '-lvv', path]).toString();
    const totals = robot.split('\n').find((line) => line.startsWith('totals\t'))!.split('\t');
    // totals: streams, blocks, compressed, uncompressed, ratio, check
    expect(totals.slice(1, 3)).toEqual(['1', String(Math.ceil(data.length / xzBlockSize(1)))]);
    expect(totals[6]).toBe('CRC64');
    expect(run('xz', ['-dc', path]).equals(data)).toBe(true);
  });

  test('xz at the default level: 18 MB in three 8 MiB blocks, read back by xz', async () => {
    if (!requireTool('xz')) return;
    const big = Buffer.concat([data, data, data, data, data, data]);
    const path = await write('xz', threads, big);
    const robot = run('xz', ['--robot', '-lvv', path]).toString();
    const totals = robot.split('\n').find((line) => line.startsWith('totals\t'))!.split('\t');
    expect(totals.slice(1, 3)).toEqual(['1', '3']);
    expect(run('xz', ['-dc', path]).equals(big)).toBe(true);
  });

  test('zstd -t accepts it, zstd -lv sees one frame with a checksum, zstd -dc restores it', async () => {
    if (!requireTool('zstd')) return;
    const path = await write('zstd', threads, data);
    run('zstd', ['-qt', path]);
    const listing = execFileSync('zstd', ['-lv', path], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(listing).toMatch(/Frames: 1\b/);
    expect(listing).toMatch(/Check: XXH64/);
    expect(run('zstd', ['-qdc', path]).equals(data)).toBe(true);
  });

  test('empty input is read back as empty by all three', async () => {
    for (const [kind, tool] of [['gzip', 'gzip'], ['xz', 'xz'], ['zstd', 'zstd']] as const) {
      if (!requireTool(tool)) return;
      const path = await write(kind, threads, Buffer.alloc(0));
      expect(run(tool, ['-dc', path]).length).toBe(0);
    }
  });
});
