// install.sh with the tools a real machine may lack or have instead: each SHA-256 tool alone,
// none at all (must refuse), wget instead of curl, a busybox-only userland, and a user who
// cannot write the prefix.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { chmodSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { requireTool } from '../support/tools.js';
import { BINARIES, HOST_ARCH, InstallFixture, runInstalled, which } from './install-script-fixture.js';

/** What install.sh needs besides a downloader and a SHA-256 tool. */
const BASE_TOOLS = ['uname', 'mktemp', 'tar', 'gzip', 'mkdir', 'rm', 'cp', 'mv', 'chmod', 'cat', 'tr'];
const ASSET = `servin_0.9.2_linux_${HOST_ARCH}.tar.gz`;

let f: InstallFixture;
let ready = false;
beforeAll(async () => {
  ready = ['tar', 'gzip', 'sha256sum', 'curl', 'dash'].every(requireTool);
  if (!ready) return;
  f = await InstallFixture.create();
  f.buildRelease('0.9.2');
  f.archive(join(f.mirror('0.9.2', 'tampered'), ASSET), 'evil');
});
afterAll(async () => {
  if (f) await f.dispose();
});

describe('SHA-256 tools', () => {
  test.each(['sha256sum', 'shasum', 'openssl'])('%s alone verifies the download and installs', async (hasher) => {
    if (!ready || !requireTool(hasher)) return;
    const path = f.bin([...BASE_TOOLS, 'curl', hasher]);
    const prefix = f.dir('prefix', false);
    const r = await f.run([which('dash')], f.script(), ['--prefix', prefix], { path });
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: expect.stringContaining(`checksum OK: ${ASSET} (${hasher})`) });
    expect(runInstalled(join(prefix, 'servin'))).toBe(`servin 0.9.2 ${HOST_ARCH}\n`);
  });

  test.each(['shasum', 'openssl'])('%s alone catches a tampered archive', async (hasher) => {
    if (!ready || !requireTool(hasher)) return;
    const path = f.bin([...BASE_TOOLS, 'curl', hasher]);
    const prefix = f.dir('prefix', false);
    const r = await f.run([which('dash')], f.script(), ['--prefix', prefix], { path, env: { SERVIN_INSTALL_BASE_URL: `${f.server.url}/tampered` } });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`checksum mismatch for ${ASSET}`);
    expect(f.ls(prefix)).toBeUndefined();
  });

  test.each([
    ['dash', () => [which('dash')]],
    ['bash', () => [which('bash')]],
    ['busybox sh', () => [which('busybox'), 'sh']],
  ])('no SHA-256 tool at all: %s refuses before downloading anything', async (_name, shell) => {
    if (!ready || !requireTool(_name.split(' ')[0])) return;
    const path = f.bin([...BASE_TOOLS, 'curl']);
    const prefix = f.dir('prefix', false);
    const before = f.server.requests.length;
    const r = await f.run(shell(), f.script(), ['--prefix', prefix], { path });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      'servin installer: error: no SHA-256 tool found (looked for sha256sum, shasum, openssl): refusing to install without checking the download; install coreutils, perl or openssl\n',
    );
    expect(f.server.requests.length).toBe(before);
    expect(f.ls(prefix)).toBeUndefined();
  });
});

describe('downloaders and userlands', () => {
  test('wget when there is no curl', async () => {
    if (!ready || !requireTool('wget')) return;
    const path = f.bin([...BASE_TOOLS, 'wget', 'sha256sum']);
    const prefix = f.dir('prefix', false);
    const before = f.server.requests.length;
    const r = await f.run([which('dash')], f.script(), ['--prefix', prefix], { path });
    expect(r.status).toBe(0);
    expect(f.ls(prefix)).toEqual(BINARIES);
    const mine = f.server.requests.slice(before);
    expect(mine.map((q) => [q.path.split('/').pop(), q.userAgent.split('/')[0]])).toEqual([
      [ASSET, 'Wget'],
      ['SHA256SUMS', 'Wget'],
    ]);
    // ... and wget's failures are refusals too.
    const bad = await f.run([which('dash')], f.script(), ['--prefix', prefix, '--version', '0.0.1'], { path });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('could not download');
  });

  test('neither curl nor wget', async () => {
    if (!ready) return;
    const prefix = f.dir('prefix', false);
    const r = await f.run([which('dash')], f.script(), ['--prefix', prefix], { path: f.bin([...BASE_TOOLS, 'sha256sum']) });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('servin installer: error: neither curl nor wget is installed; install one of them\n');
    expect(f.ls(prefix)).toBeUndefined();
  });

  test('a busybox-only userland (ash, wget, sha256sum, tar, gzip ...)', async () => {
    if (!ready || !requireTool('busybox')) return;
    const busybox = which('busybox');
    const path = f.bin([...BASE_TOOLS, 'wget', 'sha256sum'].map((t): [string, string] => [t, busybox]));
    const prefix = f.dir('prefix', false);
    const r = await f.run([busybox, 'sh'], f.script(), ['--prefix', prefix], { path });
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: expect.stringContaining(`checksum OK: ${ASSET} (sha256sum)`) });
    expect(runInstalled(join(prefix, 'servin-desktop'))).toBe(`servin-desktop 0.9.2 ${HOST_ARCH}\n`);
    const tampered = await f.run([busybox, 'sh'], f.script(), ['--prefix', f.dir('prefix', false)], { path, env: { SERVIN_INSTALL_BASE_URL: `${f.server.url}/tampered` } });
    expect(tampered.status).toBe(1);
    expect(tampered.stderr).toContain('checksum mismatch');
  });
});

describe('prefixes and permissions', () => {
  const isRoot = process.getuid?.() === 0;
  /** Runs as an unprivileged user: nobody via setpriv when we are root, else ourselves. */
  const asUser = () => (isRoot ? [which('setpriv'), '--reuid=65534', '--regid=65534', '--clear-groups', '--', which('dash')] : [which('dash')]);
  const canTest = () => ready && (!isRoot || requireTool('setpriv'));

  test('without --prefix, a user who cannot write /usr/local/bin gets ~/.local/bin (created) and a PATH hint', async () => {
    if (!canTest()) return;
    if (!isRoot && existsSync('/usr/local/bin') && (statSync('/usr/local/bin').mode & 0o002) !== 0) return;
    const home = f.dir('home');
    const r = await f.run(asUser(), f.script(), [], { home, env: { PATH: '/usr/bin:/bin' } });
    expect(r.status).toBe(0);
    expect(f.ls(join(home, '.local/bin'))).toEqual(BINARIES);
    expect(r.stderr).toContain(`servin installer: warning: ${home}/.local/bin is not on your PATH; add it, e.g.: export PATH="${home}/.local/bin:$PATH"`);
  });

  test('a prefix the user cannot write: exit 1, told to use sudo or ~/.local/bin, nothing written', async () => {
    if (!canTest() || !isRoot) return;
    const prefix = f.dir('root-owned');
    chmodSync(prefix, 0o755);
    for (const target of [prefix, join(prefix, 'sub')]) {
      const r = await f.run(asUser(), f.script(), ['--prefix', target]);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(new RegExp(`servin installer: error: cannot (write to|create) ${target}; re-run with sudo or --prefix ~/.local/bin\\n$`));
      expect(f.ls(prefix)).toEqual([]);
    }
  });

  test('root (or a writable /usr/local/bin) defaults to /usr/local/bin (dry run only)', async () => {
    if (!ready || !isRoot) return;
    const r = await f.run([which('dash')], f.script(), ['--dry-run']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('would install: /usr/local/bin/servin\n');
  });
});
