// dnf reads what build-rpm writes. createrepo_c makes a repository of our signed rpms: gzip (pigz-style
// blocks in one member), xz (several independent blocks in one stream) and zstd (one frame from
// libzstd's workers), each compressed on two threads. dnf installs each into a scratch root with
// gpgcheck on, against our public key. A package whose payload lost a byte is refused. (The
// packages carry no scriptlets here: those would need a package providing /bin/sh in the
// repository; rpm-install.test.ts runs them.)
import { describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rpmPackager } from '../../src/packagers/rpm/index.js';
import { makeFixture, MTIME, testSigner, type Fixture } from '../support/rpm-fixture.js';
import { privileged, run, scratchRoot } from '../support/rpm-tools.js';
import { requireTool } from '../support/tools.js';

const work = mkdtempSync(join(tmpdir(), 'pa-dnf-'));

/** 3 MB of code-like bytes: several xz blocks at level 1 (1 MiB blocks), many zstd jobs. */
function bigBody(): Buffer {
  const out = Buffer.alloc(3_000_000);
  let x = 12345;
  for (let i = 0; i < out.length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = i % 64 < 40 ? (x >>> 24) & 0x0f : (i * 31) & 0xff;
  }
  return out;
}

/** The rpm fixture without scriptlets or dependencies outside the repository, plus one big file. */
function fixture(compression: 'gzip' | 'xz:1' | 'zstd'): Fixture {
  const fx = makeFixture({ rpm: { compression, group: 'Applications/System' }, depends: [], recommends: [], suggests: [], conflicts: [], replaces: [], provides: [] });
  fx.info.scripts = {};
  const body = bigBody();
  const source = join(fx.dir, 'big.bin');
  writeFileSync(source, body);
  fx.bodies.set('/usr/share/demo/big.bin', body);
  fx.info.entries.push({ path: '/usr/share/demo/big.bin', kind: 'file', source, size: body.length, mode: 0o644, owner: 'root', group: 'root', mtime: MTIME, config: false, noreplace: false, doc: false, implicit: false });
  fx.info.entries.sort((a, b) => Buffer.compare(Buffer.from(a.path), Buffer.from(b.path)));
  return fx;
}

/**
 * rpm on the scratch root's database where dnf keeps it: rpm's own default %_dbpath, not the
 * /var/lib/rpm that rpm-tools' rpmIn names for roots rpm itself installed into.
 */
function rpmInDnfRoot(root: string, args: string[]) {
  return run([...(privileged() ?? []), 'rpm', '--root', root, ...args]);
}

/** dnf on a scratch root with only our repository, gpgcheck against `key`. */
function dnf(root: string, repo: string, key: string, args: string[]) {
  return run([
    ...(privileged() ?? []), 'dnf', '-y', '--installroot', root, '--releasever', '12', '--forcearch', 'x86_64',
    '--setopt=reposdir=/dev/null', '--setopt=cachedir=/var/cache/dnf',
    '--setopt=install_weak_deps=False', `--repofrompath=ours,file://${repo}`, '--repo=ours',
    '--setopt=ours.gpgcheck=1', '--setopt=ours.repo_gpgcheck=0', `--setopt=ours.gpgkey=file://${key}`, ...args,
  ]);
}

describe('dnf installs our signed rpms from a createrepo_c repository', () => {
  test.each(['gzip', 'xz:1', 'zstd'] as const)('%s payload (2 threads): installed with gpgcheck, files as built, rpm -V clean', async (compression) => {
    if (!requireTool('dnf') || !requireTool('createrepo_c') || !requireTool('rpm') || !requireTool('xz') || !privileged()) return;
    const signer = await testSigner('rsa');
    const fx = fixture(compression);
    const repo = join(work, `repo-${compression.replace(':', '')}`);
    mkdirSync(repo);
    const pkg = join(repo, rpmPackager.fileName(fx.info));
    await rpmPackager.write(fx.info, pkg, { threads: 2, signer });
    const key = join(work, `key-${compression.replace(':', '')}.asc`);
    writeFileSync(key, signer.publicKeyArmored);
    if (compression === 'xz:1') {
      // Several blocks in one stream: the parallel form is what dnf has to read here.
      const bytes = readFileSync(pkg);
      const xz = join(work, 'payload.xz');
      writeFileSync(xz, bytes.subarray(bytes.indexOf(Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]))));
      const totals = execFileSync('xz', ['--robot', '--list', xz], { encoding: 'utf8' }).split('\n').find((l) => l.startsWith('totals'))!.split('\t');
      expect(Number(totals[1])).toBe(1);
      expect(Number(totals[2])).toBeGreaterThan(2);
    }
    execFileSync('createrepo_c', ['-q', repo]);

    const root = scratchRoot(false);
    const r = dnf(root, repo, key, ['install', 'demo']);
    if (r.status !== 0) throw new Error(`dnf install failed (${r.status}):\n${r.stdout}${r.stderr}`);
    expect(r.stdout + r.stderr).toMatch(/Importing GPG key/);
    expect(rpmInDnfRoot(root, ['-q', 'demo']).stdout.trim()).toBe('demo-1.2.0~rc.1-2.x86_64');
    for (const [path, body] of fx.bodies) expect(readFileSync(join(root, path)).equals(body)).toBe(true);
    expect(rpmInDnfRoot(root, ['-V', '--nodeps', '--nouser', '--nogroup', 'demo']).stdout).toBe('');
  }, 300_000);

  test('a package whose payload lost a byte is refused, and nothing is installed', async () => {
    if (!requireTool('dnf') || !requireTool('createrepo_c') || !requireTool('rpm') || !privileged()) return;
    const signer = await testSigner('rsa');
    const fx = fixture('xz:1');
    const repo = join(work, 'repo-tampered');
    mkdirSync(repo);
    const pkg = join(repo, rpmPackager.fileName(fx.info));
    await rpmPackager.write(fx.info, pkg, { threads: 2, signer });
    const bytes = readFileSync(pkg);
    bytes[bytes.length - 5000]! ^= 0x01;
    writeFileSync(pkg, bytes);
    const key = join(work, 'key-tampered.asc');
    writeFileSync(key, signer.publicKeyArmored);
    execFileSync('createrepo_c', ['-q', repo]);
    const root = scratchRoot(false);
    const r = dnf(root, repo, key, ['install', 'demo']);
    expect(r.status).not.toBe(0);
    // dnf opens the package (rpm checks the signature and the payload digest it covers) before it installs anything.
    expect(r.stdout + r.stderr).toMatch(/Problem opening package|GPG check FAILED/);
    expect(rpmInDnfRoot(root, ['-q', 'demo']).status).not.toBe(0);
  }, 300_000);
});
