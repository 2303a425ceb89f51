// Every shape of generated install.sh is shellcheck -s sh clean and parses under dash, bash and
// busybox sh; values that are special to a shell reach it only as literal text; tags with a
// prefix and suffix are rebuilt for --version.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderInstallSh, type InstallScriptInput } from '../../src/install-script/index.js';
import { requireTool } from '../support/tools.js';
import { HOST_ARCH, InstallFixture, runInstalled } from './install-script-fixture.js';

const BASE: InstallScriptInput = {
  name: 'servin',
  version: '0.9.2',
  tag: 'v0.9.2',
  repo: 'octo/servin',
  serverUrl: 'https://github.com',
  platforms: [
    { os: 'linux', arch: 'amd64' },
    { os: 'darwin', arch: 'arm64' },
  ],
  assets: ['servin_0.9.2_linux_amd64.tar.gz', 'servin_0.9.2_darwin_arm64.tar.gz', 'SHA256SUMS'],
  binaries: ['servin'],
};
const VARIANTS: [string, Partial<InstallScriptInput>][] = [
  ['unsigned, one binary', {}],
  ['signed, key, pinned fingerprint, two binaries', { assets: [...BASE.assets, 'SHA256SUMS.asc', 'KEY.asc'], publicKeyAsset: 'KEY.asc', publicKeyFingerprint: 'A'.repeat(40), binaries: ['servin', 'servin-desktop'] }],
  ['odd but valid names', { name: 'my.tool+x', version: '1.0.0-rc.1+b2', tag: 'my.tool+x/v1.0.0-rc.1+b2-final', assets: ['my.tool+x_1.0.0-rc.1+b2_linux_amd64.tar.gz', 'sums.txt'], checksumsAsset: 'sums.txt', binaries: ['my.tool+x', 'x_y-z.1'] }],
  ['a server URL full of shell syntax', { serverUrl: "https://ghes.example.com/o'x/$(touch PWNED)/;touch PWNED2;/${HOME}/" }],
];

let f: InstallFixture;
let ready = false;
beforeAll(async () => {
  ready = ['tar', 'gzip', 'sha256sum', 'curl', 'dash'].every(requireTool);
  if (!ready) return;
  f = await InstallFixture.create();
  f.buildRelease('0.9.2');
  f.buildRelease('0.9.1');
});
afterAll(async () => {
  if (f) await f.dispose();
});

describe.each(VARIANTS)('%s', (_name, over) => {
  const script = () => renderInstallSh({ ...BASE, ...over });

  test('shellcheck -s sh reports nothing', () => {
    if (!requireTool('shellcheck')) return;
    const r = spawnSync('shellcheck', ['-s', 'sh', '-'], { input: script() });
    expect({ status: r.status, out: r.stdout.toString() }).toEqual({ status: 0, out: '' });
  });

  test.each([['dash'], ['bash', '--posix'], ['busybox', 'sh']])('%s parses it (-n)', (...shell) => {
    if (!requireTool(shell[0])) return;
    const r = spawnSync(shell[0], [...shell.slice(1), '-n'], { input: script() });
    expect({ status: r.status, err: r.stderr.toString() }).toEqual({ status: 0, err: '' });
  });
});

test('shell syntax in the server URL is printed, never run', async () => {
  if (!ready) return;
  const cwd = f.dir('cwd');
  const path = join(f.dir('s'), 'install.sh');
  writeFileSync(path, renderInstallSh({ ...BASE, ...VARIANTS[3][1] }));
  const r = spawnSync('dash', [path, '--dry-run', '--prefix', '/nowhere'], { cwd, env: { PATH: process.env.PATH, HOME: cwd } });
  expect(r.status).toBe(0);
  expect(r.stdout.toString()).toContain("would download: https://ghes.example.com/o'x/$(touch%20PWNED)/;touch%20PWNED2;/$%7BHOME%7D/octo/servin/releases/download/v0.9.2/SHA256SUMS\n");
  expect(readdirSync(cwd)).toEqual([]);
});

test('a tag with a prefix and a suffix: installs, and --version rebuilds both', async () => {
  if (!ready) return;
  // Serve the fixture's releases again under tags like servin/v0.9.2-final.
  for (const v of ['0.9.2', '0.9.1']) {
    const dir = join(f.www, 'tags', 'servin', `v${v}-final`);
    mkdirSync(dir, { recursive: true });
    cpSync(f.releaseDir(v), dir, { recursive: true });
  }
  const script = f.script({ tag: 'servin/v0.9.2-final' });
  const env = { SERVIN_INSTALL_BASE_URL: `${f.server.url}/tags` };
  for (const [args, version] of [[[], '0.9.2'], [['--version', 'v0.9.1'], '0.9.1']] as const) {
    const prefix = f.dir('prefix', false);
    const r = await f.run(['dash'], script, [...args, '--prefix', prefix], { env });
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: expect.stringContaining(`downloading ${f.server.url}/tags/servin/v${version}-final/servin_${version}_linux_${HOST_ARCH}.tar.gz\n`) });
    expect(runInstalled(join(prefix, 'servin'))).toBe(`servin ${version} ${HOST_ARCH}\n`);
  }
});
