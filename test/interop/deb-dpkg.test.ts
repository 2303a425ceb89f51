import { beforeAll, describe, expect, test } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, existsSync, lstatSync, readlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build, SERVIN_DIR } from '../support/build.js';
import { dpkgScratchRoot } from '../support/dpkg.js';
import { requireTool } from '../support/tools.js';

const sh = (cmd: string, args: string[], opts: { env?: NodeJS.ProcessEnv } = {}) => execFileSync(cmd, args, { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C.UTF-8', ...opts.env } });

let out: string;
let deb: string;

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'pa-deb-'));
  const files = await build({ format: 'deb', outputDir: out, arch: ['amd64'] });
  deb = resolve(SERVIN_DIR, files[0]!.path);
});

describe('the Servin .deb judged by dpkg', () => {
  test('ar members in order, and dpkg-deb reads control and contents', () => {
    if (!requireTool('dpkg-deb') || !requireTool('ar')) return;
    expect(sh('ar', ['t', deb]).trim().split('\n')).toEqual(['debian-binary', 'control.tar.xz', 'data.tar.xz']);
    const info = sh('dpkg-deb', ['--info', deb]);
    expect(info).toMatch(/Package: servin\n/);
    expect(info).toMatch(/Version: 0\.9\.2-1\n/);
    expect(info).toMatch(/Architecture: amd64\n/);
    expect(info).toMatch(/ postinst\b/);
    expect(sh('dpkg-deb', ['--field', deb, 'Maintainer']).trim()).toBe('Servin Maintainers <maintainers@servin.example>');
    const contents = sh('dpkg-deb', ['--contents', deb]);
    expect(contents).toMatch(/^-rwxr-xr-x root\/root .* \.\/usr\/bin\/servin$/m);
    expect(contents).toMatch(/^lrwxrwxrwx root\/root .* \.\/usr\/sbin\/servind -> \.\.\/bin\/servin$/m);
    expect(contents).toMatch(/^drwxr-xr-x root\/root .* \.\/$/m);
    // Every tar entry is dated SOURCE_DATE_EPOCH (2023-11-14 22:13 UTC).
    for (const line of contents.trim().split('\n')) expect(line).toContain('2023-11-14 22:13');
  });

  test('--fsys-tarfile gives a tar GNU tar lists, with long and UTF-8 names intact', () => {
    if (!requireTool('dpkg-deb')) return;
    const tar = execFileSync('dpkg-deb', ['--fsys-tarfile', deb]);
    const list = execFileSync('tar', ['-tf', '-'], { input: tar, env: { ...process.env, LC_ALL: 'C.UTF-8' } }).toString();
    const names = list.trim().split('\n');
    expect(names[0]).toBe('./');
    expect(names.some((n) => Buffer.byteLength(n) > 100)).toBe(true);
    expect(names.some((n) => Buffer.byteLength(n) !== n.length)).toBe(true); // a UTF-8 name
  });

  test('md5sums and conffiles agree with the payload', () => {
    if (!requireTool('dpkg-deb')) return;
    const dir = mkdtempSync(join(tmpdir(), 'pa-raw-'));
    sh('dpkg-deb', ['--raw-extract', deb, dir]);
    const conffiles = readFileSync(join(dir, 'DEBIAN', 'conffiles'), 'utf8').trim().split('\n');
    expect(conffiles).toContain('/etc/servin/servin.toml');
    for (const c of conffiles) expect(existsSync(join(dir, c))).toBe(true);
    const md5 = readFileSync(join(dir, 'DEBIAN', 'md5sums'), 'utf8');
    expect(md5).toMatch(/^[0-9a-f]{32} {2}usr\/bin\/servin$/m);
    // md5sum -c in the extracted tree checks every line against the real files.
    const check = spawnSync('md5sum', ['-c', '--quiet', join(dir, 'DEBIAN', 'md5sums')], { cwd: dir, encoding: 'utf8' });
    expect(check.stderr + check.stdout).toBe('');
    expect(check.status).toBe(0);
    expect(statSync(join(dir, 'DEBIAN', 'postinst')).mode & 0o777).toBe(0o755);
  });

  test('lintian reports no errors and no warnings', () => {
    if (!requireTool('lintian')) return;
    const r = spawnSync('lintian', ['--no-tag-display-limit', '--display-info', deb], { encoding: 'utf8' });
    const tags = (r.stdout + r.stderr).split('\n').filter((l) => /^[EW]: /.test(l));
    expect(tags).toEqual([]);
  });

  test('dpkg -i into a scratch root installs, runs the binary, removes and purges', () => {
    if (!requireTool('dpkg')) return;
    const { root, dpkg } = dpkgScratchRoot('pa-root-');
    const inst = dpkg('-i', deb);
    expect(inst.stderr).not.toMatch(/error/i);
    expect(inst.status).toBe(0);
    const status = dpkg('-s', 'servin');
    expect(status.stdout).toMatch(/Status: install ok installed/);
    expect(status.stdout).toMatch(/Conffiles:\n \/etc\/servin\/servin\.toml [0-9a-f]{32}/);
    expect(statSync(join(root, 'usr/bin/servin')).mode & 0o7777).toBe(0o755);
    expect(statSync(join(root, 'etc/servin/servin.toml')).mode & 0o7777).toBe(0o644);
    expect(readlinkSync(join(root, 'usr/sbin/servind'))).toBe('../bin/servin');
    expect(lstatSync(join(root, 'var/lib/servin')).isDirectory()).toBe(true);
    if (process.arch === 'x64') expect(sh(join(root, 'usr/bin/servin'), ['--version'])).toMatch(/servin version 0\.9\.2/);
    const listed = dpkg('-L', 'servin').stdout;
    expect(listed).toContain('/usr/share/servin/webview');

    const rm = dpkg('-r', 'servin');
    expect(rm.status).toBe(0);
    expect(existsSync(join(root, 'usr/bin/servin'))).toBe(false);
    expect(existsSync(join(root, 'etc/servin/servin.toml'))).toBe(true); // conffiles stay until purge
    expect(dpkg('-s', 'servin').stdout).toMatch(/Status: deinstall ok config-files/);
    const purge = dpkg('-P', 'servin');
    expect(purge.status).toBe(0);
    expect(existsSync(join(root, 'etc/servin/servin.toml'))).toBe(false);
  });
});
