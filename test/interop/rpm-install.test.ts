import { beforeAll, describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, readFileSync, readlinkSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RpmConfig } from '../../src/config/types.js';
import '../../src/packagers/rpm/index.js';
import { rpmPackager } from '../../src/packagers/rpm/index.js';
import { build } from '../support/build.js';
import { makeFixture, type Fixture } from '../support/rpm-fixture.js';
import { env, privileged, rpmIn, scratchRoot, sh, writeAsRoot } from '../support/rpm-tools.js';
import { requireTool } from '../support/tools.js';

// rpm 4.18 installs, verifies, upgrades and erases our packages in a scratch root, running the
// scriptlets under dash; every payload compression is exercised.

const out = mkdtempSync(join(tmpdir(), 'pa-rpmi-'));
let servin: string;

async function demo(compression: RpmConfig['compression'], version = '1.2.0-rc.1', edit?: (fx: Fixture) => void): Promise<string> {
  const fx = makeFixture({ rpm: { compression, group: 'Applications/System' }, depends: [], recommends: [], suggests: [], conflicts: [], replaces: [] }, version);
  edit?.(fx);
  const path = join(out, `${compression}-${rpmPackager.fileName(fx.info)}`);
  await rpmPackager.write(fx.info, path, { threads: 2 });
  return path;
}

beforeAll(async () => {
  const files = await build({ format: 'rpm', outputDir: out, arch: ['amd64'] });
  servin = join(out, files[0]!.name);
});

function ok(r: { status: number | null; stdout: string; stderr: string }): string {
  if (r.status !== 0) throw new Error(`exit ${r.status}\n${r.stdout}\n${r.stderr}`);
  return r.stdout + r.stderr;
}

describe('rpm installs our packages', () => {
  test('Servin: install, files on disk, rpm -V clean, erase removes everything it owns', () => {
    if (!requireTool('rpm') || !privileged()) return;
    const root = scratchRoot(false);
    // Servin's scriptlets need a full system (getent, systemctl); the demo package runs its own below.
    ok(rpmIn(root, ['--force-debian', '--nodeps', '--noscripts', '-ivh', servin]));
    expect(ok(rpmIn(root, ['-q', 'servin'])).trim()).toBe('servin-0.9.2-1.x86_64');
    expect(statSync(join(root, 'usr/bin/servin')).mode & 0o7777).toBe(0o755);
    expect(readlinkSync(join(root, 'usr/sbin/servind'))).toBe('../bin/servin');
    expect(existsSync(join(root, 'usr/share/servin/webview/locales/日本語.json'))).toBe(true);
    expect(statSync(join(root, 'usr/bin/servin')).mtimeMs).toBe(1700000000 * 1000);
    // -V compares digests, sizes, modes, owners, mtimes and link targets with the header: no output.
    expect(ok(rpmIn(root, ['-V', '--nodeps', 'servin']))).toBe('');
    ok(rpmIn(root, ['--force-debian', '--nodeps', '--noscripts', '-e', 'servin']));
    expect(existsSync(join(root, 'usr/bin/servin'))).toBe(false);
    expect(existsSync(join(root, 'etc/servin'))).toBe(false);
    expect(existsSync(join(root, 'usr/share/servin'))).toBe(false);
    expect(ok(rpmIn(root, ['-qa']))).toBe('');
  });

  test.each(['gzip', 'xz', 'zstd'] as const)('%s payload: digests OK, cpio lists it, installs with scriptlets, verifies, erases', async (compression) => {
    if (!requireTool('rpm') || !requireTool('rpm2cpio') || !requireTool('cpio') || !requireTool('ldd') || !privileged()) return;
    const pkg = await demo(compression);
    expect(sh('rpm', ['-qp', '--qf', '%{PAYLOADCOMPRESSOR}', pkg])).toBe(compression);
    const check = sh('rpm', ['-Kv', pkg]);
    expect(check).toMatch(/Header SHA256 digest: OK/);
    expect(check).toMatch(/Payload SHA256 digest: OK/);
    const names = execFileSync('cpio', ['-it', '--quiet'], { input: execFileSync('rpm2cpio', [pkg]), env }).toString().trim().split('\n');
    expect(names).toEqual(sh('rpm', ['-qlp', pkg]).trim().split('\n').map((p) => `.${p}`));

    const root = scratchRoot(true);
    ok(rpmIn(root, ['--force-debian', '--nodeps', '-ivh', pkg]));
    expect(readFileSync(join(root, 'var/log/demo-scripts'), 'utf8')).toBe('pre 1\npost 1\n');
    expect(readFileSync(join(root, 'etc/demo/demo.conf'), 'utf8')).toBe('level = 1\n');
    expect(lstatSync(join(root, 'usr/sbin/demod')).isSymbolicLink()).toBe(true);
    expect(statSync(join(root, 'var/lib/demo')).mode & 0o7777).toBe(0o750);
    expect(ok(rpmIn(root, ['-V', '--nodeps', 'demo']))).toBe('');
    // A changed config file is reported by -V with its config marker.
    writeAsRoot(join(root, 'etc/demo/plain.conf'), 'x = 99\n');
    expect(rpmIn(root, ['-V', '--nodeps', 'demo']).stdout).toMatch(/^S\.5\.\.\.\.T\. {2}c \/etc\/demo\/plain\.conf$/m);
    ok(rpmIn(root, ['--force-debian', '--nodeps', '-e', 'demo']));
    expect(readFileSync(join(root, 'var/log/demo-scripts'), 'utf8')).toBe('pre 1\npost 1\npreun 0\npostun 0\n');
    // %config files changed by the admin are kept as .rpmsave on erase.
    expect(readFileSync(join(root, 'etc/demo/plain.conf.rpmsave'), 'utf8')).toBe('x = 99\n');
    expect(existsSync(join(root, 'usr/bin/demo'))).toBe(false);
  });

  test('upgrade from the prerelease to the release: tilde ordering, scriptlet arguments, %config(noreplace)', async () => {
    if (!requireTool('rpm') || !requireTool('ldd') || !privileged()) return;
    const rc = await demo('zstd');
    const final = await demo('zstd', '1.2.0', (fx) => {
      // The new version ships a different demo.conf.
      const conf = fx.info.entries.find((e) => e.path === '/etc/demo/demo.conf')!;
      const source = join(fx.dir, 'new-demo.conf');
      writeFileSync(source, 'level = 2\n');
      Object.assign(conf, { source, size: 10 });
    });
    const root = scratchRoot(true);
    ok(rpmIn(root, ['--force-debian', '--nodeps', '-ivh', rc]));
    writeAsRoot(join(root, 'etc/demo/demo.conf'), 'level = 7 # local edit\n');
    // 1.2.0 must be newer than 1.2.0~rc.1 for rpm to upgrade without --oldpackage.
    ok(rpmIn(root, ['--force-debian', '--nodeps', '-Uvh', final]));
    expect(ok(rpmIn(root, ['-q', 'demo'])).trim()).toBe('demo-1.2.0-2.x86_64');
    expect(readFileSync(join(root, 'var/log/demo-scripts'), 'utf8')).toBe('pre 1\npost 1\npre 2\npost 2\npreun 1\npostun 1\n');
    // noreplace: the admin's edit stays, the new default lands next to it.
    expect(readFileSync(join(root, 'etc/demo/demo.conf'), 'utf8')).toBe('level = 7 # local edit\n');
    expect(readFileSync(join(root, 'etc/demo/demo.conf.rpmnew'), 'utf8')).toBe('level = 2\n');
    // Downgrading is refused: the ordering really is rc < release.
    expect(rpmIn(root, ['--force-debian', '--nodeps', '-Uvh', rc]).stderr).toMatch(/already installed|newer/);
  });
});
