import { beforeAll, describe, expect, test } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import '../../src/packagers/deb/index.js';
import { buildPackages } from '../../src/build/build-packages.js';
import { CliIO } from '../../src/core/io-cli.js';
import { dpkgScratchRoot } from '../support/dpkg.js';
import { requireTool } from '../support/tools.js';

let dir: string;
let payload: Buffer;

/** A payload several compression blocks long, so the block-parallel forms have many blocks. */
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pa-debz-'));
  payload = Buffer.alloc(6 * 1024 * 1024);
  let x = 7;
  for (let i = 0; i < payload.length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    payload[i] = i % 3 === 0 ? x >>> 24 : 0x41 + (i % 23);
  }
  mkdirSync(join(dir, 'bin'));
  writeFileSync(join(dir, 'bin', 'tool'), Buffer.concat([Buffer.from('#!/bin/sh\necho tool\nexit 0\n'), payload]));
  for (const compression of ['gzip', 'xz', 'zstd', 'none']) {
    writeFileSync(join(dir, `${compression}.yml`), [
      'name: ztool', 'version: 2.0.0', 'summary: compression interop fixture',
      'description: A payload that spans many compression blocks.', 'maintainer: Test <test@example.org>',
      'platforms: [{os: linux, arch: amd64}]', 'contents:', '  - {src: bin/tool, dst: /usr/bin/ztool}',
      `deb: {compression: ${compression}}`, '',
    ].join('\n'));
  }
});

async function buildDeb(compression: string, threads: number): Promise<string> {
  const out = join(dir, `out-${compression}-${threads}`);
  const io = new CliIO(new Map(), { quiet: true });
  const files = await buildPackages({ format: 'deb', configPath: join(dir, `${compression}.yml`), arch: [], outputDir: out, dryRun: false, threads, allowExternalSrc: false }, { io, env: { SOURCE_DATE_EPOCH: '1700000000' }, cwd: dir });
  return resolve(dir, files[0]!.path);
}

const MATRIX: [string, number][] = [
  ['gzip', 1], ['gzip', 2], ['xz', 1], ['xz', 2], ['zstd', 1], ['zstd', 2], ['none', 1],
];

describe.each(MATRIX)('deb with %s compression, %i thread(s)', (compression, threads) => {
  let deb: string;
  beforeAll(async () => {
    deb = await buildDeb(compression, threads);
  });

  test('dpkg-deb extracts the exact payload', () => {
    if (!requireTool('dpkg-deb')) return;
    const out = join(dir, `x-${compression}-${threads}`);
    execFileSync('dpkg-deb', ['-x', deb, out]);
    expect(readFileSync(join(out, 'usr/bin/ztool')).subarray(27).equals(payload)).toBe(true);
  });

  test('dpkg -i installs it into a scratch root', () => {
    if (!requireTool('dpkg')) return;
    const { root, dpkg } = dpkgScratchRoot('pa-zroot-');
    const r = dpkg('-i', deb);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(execFileSync(join(root, 'usr/bin/ztool')).toString()).toBe('tool\n');
  });

  test('apt reads control and data (apt-ftparchive packages and contents)', () => {
    if (!requireTool('apt-ftparchive')) return;
    const pool = join(dir, `pool-${compression}-${threads}`);
    mkdirSync(pool);
    execFileSync('cp', [deb, pool]);
    const packages = execFileSync('apt-ftparchive', ['packages', pool], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(packages).toMatch(/^Package: ztool$/m);
    expect(packages).toMatch(/^Version: 2\.0\.0-1$/m);
    const contents = execFileSync('apt-ftparchive', ['contents', pool], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(contents).toMatch(/^usr\/bin\/ztool\s+\S*ztool$/m);
  });

  // lintian 2.116 (Debian 12) cannot read data.tar.zst at all and reports malformed-deb-archive;
  // that is lintian's limit, documented in the build-deb README, so zstd is not judged by it.
  (compression === 'zstd' ? test.skip : test)('lintian reads it (no malformed-deb-archive)', () => {
    if (!requireTool('lintian')) return;
    const r = spawnSync('lintian', ['--no-tag-display-limit', deb], { encoding: 'utf8' });
    const out = r.stdout + r.stderr;
    expect(out).not.toMatch(/malformed-deb-archive|tar: |unexpected end|corrupt/i);
    expect(out).toMatch(/ztool/); // lintian did look at the package
  });
});
