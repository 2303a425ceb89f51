// install.sh run for real under dash, bash and busybox sh against release assets made with the
// system's tar and sha256sum and served over loopback HTTP: it installs what matches the
// release's SHA256SUMS and refuses, leaving the prefix untouched, whatever does not.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { requireTool } from '../support/tools.js';
import { BINARIES, HOST_ARCH, InstallFixture, OTHER_ARCH, runInstalled } from './install-script-fixture.js';

const SHELLS: [string, string[]][] = [
  ['dash', ['dash']],
  ['bash', ['bash']],
  ['busybox sh', ['busybox', 'sh']],
];
const ASSET = `servin_0.9.2_linux_${HOST_ARCH}.tar.gz`;

let f: InstallFixture;
let ready = false;
beforeAll(async () => {
  ready = ['tar', 'gzip', 'sha256sum', 'curl'].every(requireTool);
  if (!ready) return;
  f = await InstallFixture.create();
  f.buildRelease('0.9.2');
  f.buildRelease('0.9.1');
});
afterAll(async () => {
  if (f) await f.dispose();
});

/** Asserts the prefix holds exactly these files (undefined: the prefix was never created). */
function expectPrefix(prefix: string, files: string[] | undefined): void {
  expect(f.ls(prefix)).toEqual(files);
}

describe.each(SHELLS)('install.sh under %s', (shellName, shell) => {
  const usable = () => ready && requireTool(shell[0]);

  test('installs every binary with mode 0755, runnable, and leaves no temporary files', async () => {
    if (!usable()) return;
    const prefix = f.dir('prefix', false);
    const tmp = f.dir('tmp');
    const r = await f.run(shell, f.script(), ['--prefix', prefix], { tmp });
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: expect.stringContaining(`checksum OK: ${ASSET} (sha256sum)`) });
    expect(r.stderr).toContain(`installed ${prefix}/servin\n`);
    expect(r.stderr).toContain(`servin 0.9.2 is installed in ${prefix}`);
    expect(r.stderr).toMatch(/is not on your PATH/);
    expectPrefix(prefix, BINARIES);
    for (const b of BINARIES) {
      expect(statSync(join(prefix, b)).mode & 0o777).toBe(0o755);
      expect(runInstalled(join(prefix, b))).toBe(`${b} 0.9.2 ${HOST_ARCH}\n`);
    }
    expect(f.ls(tmp)).toEqual([]);
    // Downloads came from the default URL: <server>/<repo>/releases/download/<tag>/<file>.
    expect(f.server.requests.slice(-2).map((q) => q.path)).toEqual([`/octo/servin/releases/download/v0.9.2/${ASSET}`, '/octo/servin/releases/download/v0.9.2/SHA256SUMS']);
  });

  test('replaces an installed version in place', async () => {
    if (!usable()) return;
    const prefix = f.dir('prefix');
    writeFileSync(join(prefix, 'servin'), '#!/bin/sh\necho old\n', { mode: 0o755 });
    const r = await f.run(shell, f.script(), [`--prefix=${prefix}`], { env: { PATH: `${prefix}:${process.env.PATH}` } });
    expect(r.status).toBe(0);
    expect(r.stderr).not.toMatch(/not on your PATH/);
    expect(runInstalled(join(prefix, 'servin'))).toBe(`servin 0.9.2 ${HOST_ARCH}\n`);
    expectPrefix(prefix, BINARIES);
  });

  test('a tampered archive is refused: exit 1, nothing installed, the old binary kept', async () => {
    if (!usable()) return;
    // A mirror serving a well-formed archive of other programs under the release's name.
    const dir = f.mirror('0.9.2', `tampered-${shellName.replace(' ', '-')}`);
    f.archive(join(dir, ASSET), 'evil');
    const prefix = f.dir('prefix');
    writeFileSync(join(prefix, 'servin'), 'old\n');
    const tmp = f.dir('tmp');
    const r = await f.run(shell, f.script(), ['--prefix', prefix], { tmp, env: { SERVIN_INSTALL_BASE_URL: `${f.server.url}/tampered-${shellName.replace(' ', '-')}` } });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`servin installer: error: checksum mismatch for ${ASSET.replaceAll('.', '\\.')}: expected [0-9a-f]{64}, got [0-9a-f]{64}: refusing to install`));
    expectPrefix(prefix, ['servin']);
    expect(readFileSync(join(prefix, 'servin'), 'utf8')).toBe('old\n');
    expect(f.ls(tmp)).toEqual([]);
  });

  test('a SHA256SUMS without a line for the archive is refused', async () => {
    if (!usable()) return;
    const name = `noline-${shellName.replace(' ', '-')}`;
    const dir = f.mirror('0.9.2', name);
    const sums = readFileSync(join(dir, 'SHA256SUMS'), 'utf8');
    // Only the other arch's line is left; a look-alike name must not count either.
    const other = sums.split('\n').find((l) => l.includes(OTHER_ARCH)) ?? '';
    writeFileSync(join(dir, 'SHA256SUMS'), `${other}\n${other.slice(0, 64)}  x${ASSET}\n${other.slice(0, 64)}  ${ASSET}.sig\n`);
    const prefix = f.dir('prefix', false);
    const r = await f.run(shell, f.script(), ['--prefix', prefix], { env: { SERVIN_INSTALL_BASE_URL: `${f.server.url}/${name}` } });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`servin installer: error: SHA256SUMS has no checksum for ${ASSET}: refusing to install an unverified file`);
    expectPrefix(prefix, undefined);
  });

  test('a missing SHA256SUMS is refused', async () => {
    if (!usable()) return;
    const name = `nosums-${shellName.replace(' ', '-')}`;
    rmSync(join(f.mirror('0.9.2', name), 'SHA256SUMS'));
    const prefix = f.dir('prefix', false);
    const r = await f.run(shell, f.script(), ['--prefix', prefix], { env: { SERVIN_INSTALL_BASE_URL: `${f.server.url}/${name}/` } });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`could not download ${f.server.url}/${name}/v0.9.2/SHA256SUMS: refusing to install without checksums`);
    expectPrefix(prefix, undefined);
  });

  test('--dry-run prints the plan and changes nothing', async () => {
    if (!usable()) return;
    const prefix = f.dir('prefix', false);
    const before = f.server.requests.length;
    const tmp = f.dir('tmp');
    const r = await f.run(shell, f.script(), ['--dry-run', '--prefix', prefix], { tmp });
    expect(r.status).toBe(0);
    const url = `${f.downloadRoot}/v0.9.2`;
    expect(r.stdout).toBe(
      [`dry run: servin 0.9.2 for linux/${HOST_ARCH}`, `would download: ${url}/${ASSET}`, `would download: ${url}/SHA256SUMS`, 'would check SHA-256 with: sha256sum', ...BINARIES.map((b) => `would install: ${prefix}/${b}`), ''].join('\n'),
    );
    expect(f.server.requests.length).toBe(before);
    expectPrefix(prefix, undefined);
    expect(f.ls(tmp)).toEqual([]);
  });

  test('--version installs another release, with the names rebuilt for it', async () => {
    if (!usable()) return;
    for (const v of ['0.9.1', 'v0.9.1']) {
      const prefix = f.dir('prefix', false);
      const r = await f.run(shell, f.script(), ['--version', v, '--prefix', prefix]);
      expect({ v, status: r.status, stderr: r.stderr }).toEqual({ v, status: 0, stderr: expect.stringContaining('servin 0.9.1 is installed') });
      expect(runInstalled(join(prefix, 'servin'))).toBe(`servin 0.9.1 ${HOST_ARCH}\n`);
      expect(f.server.requests.slice(-2).map((q) => q.path)).toEqual([`/octo/servin/releases/download/v0.9.1/servin_0.9.1_linux_${HOST_ARCH}.tar.gz`, '/octo/servin/releases/download/v0.9.1/SHA256SUMS']);
    }
    const prefix = f.dir('prefix', false);
    const r = await f.run(shell, f.script(), ['--version', '0.8.0', '--prefix', prefix]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`could not download ${f.downloadRoot}/v0.8.0/servin_0.8.0_linux_${HOST_ARCH}.tar.gz (is there a release v0.8.0 with a linux/${HOST_ARCH} build?)`);
    expectPrefix(prefix, undefined);
  });

  test('a machine without a build gets the list of platforms', async () => {
    if (!usable()) return;
    const prefix = f.dir('prefix', false);
    const script = f.script({ platforms: [{ os: 'linux', arch: OTHER_ARCH }, { os: 'darwin', arch: 'arm64' }] });
    const r = await f.run(shell, script, ['--prefix', prefix]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`servin installer: error: no servin build for linux/${HOST_ARCH} (uname: Linux `);
    expect(r.stderr).toContain(`available: linux/${OTHER_ARCH} darwin/arm64\n`);
    expectPrefix(prefix, undefined);
  });

  test('--help and bad options', async () => {
    if (!usable()) return;
    const help = await f.run(shell, f.script(), ['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: sh install.sh [options]');
    expect(help.stdout).toContain('SERVIN_INSTALL_BASE_URL');
    expect(help.stdout).toContain(`Platforms: linux/amd64 linux/arm64 darwin/arm64\n`);
    for (const args of [['--bogus'], ['--prefix'], ['--version', '1.0/../x'], ['--prefix=']]) {
      const r = await f.run(shell, f.script(), args);
      expect({ args, status: r.status }).toEqual({ args, status: 2 });
      expect(r.stderr).toMatch(/^servin installer: error: .*\nRun with --help for the options\.\n$/);
    }
  });
});
