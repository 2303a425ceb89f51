// install.sh --verify-signature against real gpg signatures of SHA256SUMS: a good signature
// installs; a signature by another key, checksums changed after signing, a key swapped for a
// pinned fingerprint or a missing gpg each refuse. The user's own keyring is never used.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GpgHome } from '../support/gpg.js';
import { requireTool } from '../support/tools.js';
import { BINARIES, HOST_ARCH, InstallFixture, runInstalled, which } from './install-script-fixture.js';

const ASSET = `servin_0.9.2_linux_${HOST_ARCH}.tar.gz`;
const SHELLS: [string, string[]][] = [
  ['dash', ['dash']],
  ['bash', ['bash']],
  ['busybox sh', ['busybox', 'sh']],
];

let f: InstallFixture;
let g: GpgHome;
let fpr = '';
let otherFpr = '';
let ready = false;

const hashOf = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

function sign(dir: string, key: string): void {
  g.ok(['--yes', '--armor', '--detach-sign', '--local-user', `${key}!`, '--output', join(dir, 'SHA256SUMS.asc'), join(dir, 'SHA256SUMS')]);
}

beforeAll(async () => {
  ready = ['tar', 'gzip', 'sha256sum', 'curl', 'gpg', 'gpgconf'].every(requireTool);
  if (!ready) return;
  f = await InstallFixture.create();
  g = new GpgHome();
  fpr = g.genKey('Servin Release <release@example.org>', 'ed25519', 'sign', 'never');
  otherFpr = g.genKey('Someone Else <else@example.org>', 'ed25519', 'sign', 'never');
  f.buildRelease('0.9.2');
  const dir = f.releaseDir('0.9.2');
  writeFileSync(join(dir, 'KEY.asc'), g.ok(['--armor', '--export', fpr]));
  sign(dir, fpr);
  // Signed by a key that is not the release's.
  sign(f.mirror('0.9.2', 'wrongsig'), otherFpr);
  // An evil archive with matching checksums, under the release's old signature.
  const changed = f.mirror('0.9.2', 'changed');
  f.archive(join(changed, ASSET), 'evil');
  const sums = readFileSync(join(dir, 'SHA256SUMS'), 'utf8').split('\n');
  const evil = sums.map((l) => (l.endsWith(ASSET) ? `${hashOf(join(changed, ASSET))}  ${ASSET}` : l));
  writeFileSync(join(changed, 'SHA256SUMS'), evil.join('\n'));
  // Another key, served as the release's key, signing evil checksums.
  const swapped = f.mirror('0.9.2', 'swapped');
  copyFileSync(join(changed, ASSET), join(swapped, ASSET)); // the very archive the evil sums list
  writeFileSync(join(swapped, 'SHA256SUMS'), evil.join('\n'));
  writeFileSync(join(swapped, 'KEY.asc'), g.ok(['--armor', '--export', otherFpr]));
  sign(swapped, otherFpr);
});
afterAll(async () => {
  if (g) g.dispose();
  if (f) await f.dispose();
});


const mirror = (name: string) => ({ SERVIN_INSTALL_BASE_URL: `${f.server.url}/${name}` });

describe.each(SHELLS)('--verify-signature under %s', (_name, shell) => {
  const usable = () => ready && requireTool(shell[0]);

  test('a good signature from the release key installs, in a throwaway keyring', async () => {
    if (!usable()) return;
    const prefix = f.dir('prefix', false);
    const home = f.dir('home');
    const tmp = f.dir('tmp');
    const r = await f.run(shell, f.script({ publicKeyAsset: 'KEY.asc' }), ['--verify-signature', '--prefix', prefix], { home, tmp });
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: expect.stringContaining(`good signature on SHA256SUMS from key ${fpr} (the key came with the release`) });
    expect(runInstalled(join(prefix, 'servin'))).toBe(`servin 0.9.2 ${HOST_ARCH}\n`);
    expect(existsSync(join(home, '.gnupg'))).toBe(false);
    expect(f.ls(tmp)).toEqual([]);
  });

  test('a signature by another key is refused', async () => {
    if (!usable()) return;
    const prefix = f.dir('prefix', false);
    const r = await f.run(shell, f.script({ publicKeyAsset: 'KEY.asc' }), ['--verify-signature', '--prefix', prefix], { env: mirror('wrongsig') });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('servin installer: error: BAD or unusable signature: SHA256SUMS.asc does not verify SHA256SUMS with KEY.asc: refusing to install.');
    expect(r.stderr).toMatch(/No public key/);
    expect(f.ls(prefix)).toBeUndefined();
  });

  test('checksums changed after signing are refused (while the checksum check alone would pass)', async () => {
    if (!usable()) return;
    const prefix = f.dir('prefix', false);
    const r = await f.run(shell, f.script({ publicKeyAsset: 'KEY.asc' }), ['--verify-signature', '--prefix', prefix], { env: mirror('changed') });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('BAD or unusable signature');
    expect(r.stderr).toMatch(/BAD signature/);
    expect(f.ls(prefix)).toBeUndefined();
    // Without the flag the (consistent) evil checksums match: this is what the signature is for.
    const unchecked = await f.run(shell, f.script({ publicKeyAsset: 'KEY.asc' }), ['--prefix', prefix], { env: mirror('changed') });
    expect(unchecked.status).toBe(0);
    expect(unchecked.stderr).toContain('note: run with --verify-signature to also check the OpenPGP signature of SHA256SUMS');
    expect(runInstalled(join(prefix, 'servin'))).toBe('servin evil\n');
  });
});

describe('pinned key and missing pieces', () => {
  test('with publicKeyFingerprint, the release key passes and a swapped key is refused', async () => {
    if (!ready || !requireTool('dash')) return;
    const script = f.script({ publicKeyAsset: 'KEY.asc', publicKeyFingerprint: fpr.replace(/(.{4})/g, '$1 ').toLowerCase() });
    const good = await f.run(['dash'], script, ['--verify-signature', '--prefix', f.dir('prefix', false)]);
    expect(good.status).toBe(0);
    expect(good.stderr).toContain(`good signature on SHA256SUMS from key ${fpr}\n`);
    const prefix = f.dir('prefix', false);
    const swapped = await f.run(['dash'], script, ['--verify-signature', '--prefix', prefix], { env: mirror('swapped') });
    expect(swapped.status).toBe(1);
    expect(swapped.stderr).toContain(`servin installer: error: SHA256SUMS is signed by key ${otherFpr}, not by ${fpr}: refusing to install`);
    expect(f.ls(prefix)).toBeUndefined();
    // Unpinned, a swapped key verifies its own signature (the known limit of a key that comes with
    // the release): the output names the key so that a user can compare it.
    const unpinned = await f.run(['dash'], f.script({ publicKeyAsset: 'KEY.asc' }), ['--verify-signature', '--prefix', f.dir('prefix', false)], { env: mirror('swapped') });
    expect(unpinned.status).toBe(0);
    expect(unpinned.stderr).toContain(`good signature on SHA256SUMS from key ${otherFpr} (the key came with the release; compare its fingerprint with one you trust)`);
  });

  test('--verify-signature without gpg fails before downloading', async () => {
    if (!ready || !requireTool('dash')) return;
    const path = f.bin(['uname', 'mktemp', 'tar', 'gzip', 'mkdir', 'rm', 'cp', 'mv', 'chmod', 'cat', 'curl', 'sha256sum']);
    const before = f.server.requests.length;
    const prefix = f.dir('prefix', false);
    const r = await f.run([which('dash')], f.script({ publicKeyAsset: 'KEY.asc' }), ['--verify-signature', '--prefix', prefix], { path });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('servin installer: error: --verify-signature needs gpg (GnuPG), which is not installed\n');
    expect(f.server.requests.length).toBe(before);
    expect(f.ls(prefix)).toBeUndefined();
  });

  test('a release without a public key or signature says so', async () => {
    if (!ready || !requireTool('dash')) return;
    const before = f.server.requests.length;
    const prefix = f.dir('prefix', false);
    const noKey = await f.run(['dash'], f.script(), ['--verify-signature', '--prefix', prefix]);
    expect(noKey.status).toBe(1);
    expect(noKey.stderr).toContain('this release publishes no public key to verify SHA256SUMS.asc with');
    const assets = f.input().assets.filter((a) => !a.endsWith('.asc'));
    const unsigned = await f.run(['dash'], f.script({ assets }), ['--verify-signature', '--prefix', prefix]);
    expect(unsigned.status).toBe(1);
    expect(unsigned.stderr).toContain('this release has no signature (SHA256SUMS.asc) to verify');
    expect(f.server.requests.length).toBe(before);
    expect(f.ls(prefix)).toBeUndefined();
  });

  test('the dry run lists the signature files', async () => {
    if (!ready || !requireTool('dash')) return;
    const r = await f.run(['dash'], f.script({ publicKeyAsset: 'KEY.asc' }), ['--verify-signature', '--dry-run', '--prefix', '/nonexistent']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`would download: ${f.downloadRoot}/v0.9.2/SHA256SUMS.asc\nwould download: ${f.downloadRoot}/v0.9.2/KEY.asc\n`);
    expect(BINARIES.every((b) => r.stdout.includes(`would install: /nonexistent/${b}\n`))).toBe(true);
  });
});
