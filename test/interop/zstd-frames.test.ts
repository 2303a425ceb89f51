import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import '../../src/packagers/deb/index.js';
import '../../src/packagers/rpm/index.js';
import { buildPackages } from '../../src/build/build-packages.js';
import { CliIO } from '../../src/core/io-cli.js';
import { parseRpm } from '../../src/packagers/rpm/reader.js';
import { privileged, rpmIn, scratchRoot } from '../support/rpm-tools.js';
import { dpkgScratchRoot } from '../support/dpkg.js';
import { requireTool } from '../support/tools.js';

// zstd as both formats carry it: one frame, made by libzstd's workers in jobs (as `zstd -T` and
// dpkg-deb on all cores make it), judged by its readers. One frame because dpkg 1.21 stops after
// the first frame, which the last test proves with a two-frame file the zstd CLI made. The
// payloads span several jobs: 2 MiB at level 3 (.deb's default), a window's worth at level 9
// (.rpm's).

const dir = mkdtempSync(join(tmpdir(), 'pa-zframes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Compressible but varied bytes: a 1 MiB pattern, each copy marked. */
function payload(size: number): Buffer {
  const unit = Buffer.alloc(1 << 20);
  let x = 99;
  for (let i = 0; i < unit.length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    unit[i] = i % 4 === 0 ? x >>> 24 : 0x61 + (i % 19);
  }
  const out = Buffer.alloc(size);
  for (let at = 0, k = 0; at < size; at += unit.length, k++) {
    unit.copy(out, at);
    out[at] = k & 0xff;
  }
  return out;
}

const sizes = { deb: 14_000_000, rpm: 14_000_000 };
const bodies: Record<string, Buffer> = {};
const SCRIPT = Buffer.from('#!/bin/sh\necho zf\nexit 0\n');

beforeAll(() => {
  for (const [name, size] of Object.entries(sizes)) {
    bodies[name] = payload(size);
    writeFileSync(join(dir, name), Buffer.concat([SCRIPT, bodies[name]!]));
    writeFileSync(join(dir, `${name}.yml`), [
      `name: zf-${name.toLowerCase()}`, 'version: 1.0.0', 'summary: zstd frame fixture', 'description: zstd frames against their readers.',
      'license: MIT', 'maintainer: Test <test@example.org>', 'platforms: [{os: linux, arch: amd64}]',
      'contents:', `  - {src: ${name}, dst: /usr/bin/zf-${name.toLowerCase()}, file_info: {mode: "0755"}}`,
      'deb: {compression: zstd}', 'rpm: {compression: zstd}', '',
    ].join('\n'));
  }
});

async function build(format: 'deb' | 'rpm', name: string, threads: number): Promise<string> {
  const io = new CliIO(new Map(), { quiet: true });
  const files = await buildPackages({ format, configPath: join(dir, `${name}.yml`), arch: [], outputDir: join(dir, `out-${name}-${threads}`), dryRun: false, threads, allowExternalSrc: false }, { io, env: { SOURCE_DATE_EPOCH: '1700000000' }, cwd: dir });
  return resolve(dir, files[0]!.path);
}

/** `zstd -lv`'s frame count for a file. */
function frames(path: string): number {
  const out = execFileSync('zstd', ['-lv', path], { encoding: 'utf8' });
  return Number(/# Zstandard Frames: (\d+)/.exec(out)?.[1]);
}

describe('.deb with zstd data', () => {
  const name = 'deb';
  let deb: string;
  beforeAll(async () => {
    deb = await build('deb', name, 2);
  }, 120_000);

  test('data.tar.zst is one frame, and thread count does not change the bytes', async () => {
    if (!requireTool('ar') || !requireTool('zstd')) return;
    const data = join(dir, `${name}.data.tar.zst`);
    writeFileSync(data, execFileSync('ar', ['p', deb, 'data.tar.zst'], { maxBuffer: 256 << 20 }));
    expect(frames(data)).toBe(1);
    expect(readFileSync(await build('deb', name, 1)).equals(readFileSync(deb))).toBe(true);
  }, 120_000);

  test('dpkg-deb extracts the exact payload and dpkg -i installs it', () => {
    if (!requireTool('dpkg-deb') || !requireTool('dpkg')) return;
    const x = join(dir, `x-${name}`);
    execFileSync('dpkg-deb', ['-x', deb, x]);
    expect(readFileSync(join(x, `usr/bin/zf-${name.toLowerCase()}`)).subarray(SCRIPT.length).equals(bodies[name]!)).toBe(true);
    const { root, dpkg } = dpkgScratchRoot('pa-zfroot-');
    const r = dpkg('-i', deb);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(execFileSync(join(root, `usr/bin/zf-${name.toLowerCase()}`)).toString()).toBe('zf\n');
    rmSync(root, { recursive: true, force: true });
  });

  test('apt-ftparchive reads its contents', () => {
    if (!requireTool('apt-ftparchive')) return;
    const pool = join(dir, `pool-${name}`);
    mkdirSync(pool);
    execFileSync('cp', [deb, pool]);
    expect(execFileSync('apt-ftparchive', ['contents', pool], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })).toMatch(new RegExp(`^usr/bin/zf-${name.toLowerCase()}\\s`, 'm'));
  });
});

describe('.rpm with a zstd payload', () => {
  let rpm: string;
  beforeAll(async () => {
    rpm = await build('rpm', 'rpm', 2);
  }, 120_000);

  test('the payload is one frame, and thread count does not change the bytes', async () => {
    if (!requireTool('zstd')) return;
    const bytes = readFileSync(rpm);
    const zst = join(dir, 'rpm.payload.zst');
    writeFileSync(zst, bytes.subarray(parseRpm(bytes).payloadOffset));
    expect(frames(zst)).toBe(1);
    expect(readFileSync(await build('rpm', 'rpm', 1)).equals(bytes)).toBe(true);
  }, 120_000);

  test('rpm -K checks its digests; rpm2cpio unpacks it', () => {
    if (!requireTool('rpm') || !requireTool('rpm2cpio') || !requireTool('cpio')) return;
    expect(execFileSync('rpm', ['-K', rpm], { encoding: 'utf8' })).toMatch(/digests OK/);
    const x = join(dir, 'x-rpm');
    mkdirSync(x);
    execFileSync('sh', ['-c', `rpm2cpio "${rpm}" | cpio -idm --quiet`], { cwd: x });
    expect(readFileSync(join(x, 'usr/bin/zf-rpm')).subarray(SCRIPT.length).equals(bodies.rpm!)).toBe(true);
  });

  test('rpm -i installs it into a scratch root and rpm -V finds it intact', () => {
    if (!requireTool('rpm') || !privileged()) return;
    const root = scratchRoot(false);
    const r = rpmIn(root, ['--force-debian', '--nodeps', '--noscripts', '-i', rpm]);
    expect(r.status).toBe(0);
    expect(readFileSync(join(root, 'usr/bin/zf-rpm')).subarray(SCRIPT.length).equals(bodies.rpm!)).toBe(true);
    expect(rpmIn(root, ['-V', '--nodeps', 'zf-rpm']).stdout).toBe('');
  });
});

test('why .deb gets one frame: dpkg-deb stops after the first frame of a two-frame data.tar.zst made by the zstd CLI', () => {
  if (!requireTool('dpkg-deb') || !requireTool('zstd') || !requireTool('ar') || !requireTool('tar')) return;
  const w = join(dir, 'two-frames');
  mkdirSync(join(w, 'root/usr/share/zf'), { recursive: true });
  writeFileSync(join(w, 'root/usr/share/zf/big'), payload(3_000_000));
  writeFileSync(join(w, 'control'), 'Package: zf-two\nVersion: 1\nArchitecture: all\nMaintainer: T <t@example.org>\nDescription: two frames\n x\n');
  execFileSync('tar', ['--format=gnu', '--owner=0', '--group=0', '-cf', join(w, 'control.tar'), '-C', w, './control']);
  execFileSync('tar', ['--format=gnu', '--owner=0', '--group=0', '-cf', join(w, 'data.tar'), '-C', join(w, 'root'), '.']);
  const tar = readFileSync(join(w, 'data.tar'));
  const half = 1_500_160; // a 512-byte boundary inside the file body
  const z = (b: Buffer) => execFileSync('zstd', ['-q', '-3', '-c'], { input: b, maxBuffer: 64 << 20 });
  writeFileSync(join(w, 'data.tar.zst'), Buffer.concat([z(tar.subarray(0, half)), z(tar.subarray(half))]));
  writeFileSync(join(w, 'control.tar.zst'), z(readFileSync(join(w, 'control.tar'))));
  writeFileSync(join(w, 'debian-binary'), '2.0\n');
  expect(frames(join(w, 'data.tar.zst'))).toBe(2);
  execFileSync('zstd', ['-t', '-q', join(w, 'data.tar.zst')]); // a valid zstd file ...
  execFileSync('ar', ['rc', join(w, 'two.deb'), 'debian-binary', 'control.tar.zst', 'data.tar.zst'], { cwd: w });
  const r = spawnSync('dpkg-deb', ['-x', join(w, 'two.deb'), join(w, 'x')], { encoding: 'utf8' });
  // ... that dpkg cannot read.
  expect(r.status).not.toBe(0);
  expect(r.stderr).toMatch(/Unexpected EOF|tar subprocess/);
});

test('a level after a colon (nfpm style) reaches the compressor: rpm says so in PAYLOADFLAGS, dpkg reads the .deb', async () => {
  if (!requireTool('rpm') || !requireTool('dpkg-deb')) return;
  writeFileSync(join(dir, 'lv'), Buffer.concat([SCRIPT, payload(3_000_000)]));
  const config = (compression: string) => [
    'name: zf-level', 'version: 1.0.0', 'summary: zstd level fixture', 'description: levels.', 'license: MIT',
    'maintainer: Test <test@example.org>', 'platforms: [{os: linux, arch: amd64}]',
    'contents:', '  - {src: lv, dst: /usr/bin/zf-level, file_info: {mode: "0755"}}', `deb: {compression: "${compression}"}`, `rpm: {compression: "${compression}"}`, '',
  ].join('\n');
  const sizes: number[] = [];
  for (const compression of ['zstd:1', 'zstd:19']) {
    writeFileSync(join(dir, 'lv.yml'), config(compression));
    const rpm = await build('rpm', 'lv', 2);
    expect(execFileSync('rpm', ['-qp', '--qf', '%{PAYLOADCOMPRESSOR}:%{PAYLOADFLAGS}', rpm], { encoding: 'utf8' })).toBe(compression);
    expect(execFileSync('rpm', ['-K', rpm], { encoding: 'utf8' })).toMatch(/digests OK/);
    const deb = await build('deb', 'lv', 2);
    const x = join(dir, `x-lv-${compression}`);
    execFileSync('dpkg-deb', ['-x', deb, x]);
    expect(readFileSync(join(x, 'usr/bin/zf-level')).equals(readFileSync(join(dir, 'lv')))).toBe(true);
    sizes.push(readFileSync(deb).length);
    rmSync(join(dir, 'out-lv-2'), { recursive: true, force: true });
  }
  expect(sizes[1]!).toBeLessThan(sizes[0]!);
}, 120_000);
