import { beforeAll, describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import '../../src/packagers/rpm/index.js';
import { rpmPackager } from '../../src/packagers/rpm/index.js';
import { parseRpm } from '../../src/packagers/rpm/reader.js';
import type { PackageInfo } from '../../src/packagers/types.js';
import { build } from '../support/build.js';
import { makeFixture, testSigner } from '../support/rpm-fixture.js';
import { privileged, rpmIn, run, scratchRoot } from '../support/rpm-tools.js';
import { requireTool } from '../support/tools.js';

// Header signatures checked by rpmkeys (rpm 4.18's own OpenPGP parser), rpmlint on a signed
// realistic package, and rpm's signature policy at install time.

const out = mkdtempSync(join(tmpdir(), 'pa-rpms-'));
const signed: Record<'rsa' | 'eddsa', { pkg: string; key: string; keyId: string; fullKeyId: string }> = {} as never;
let unsigned: string;
let servinSigned: string;
let servinKey: string;

beforeAll(async () => {
  const info: PackageInfo = makeFixture().info;
  unsigned = join(out, 'unsigned.rpm');
  await rpmPackager.write(info, unsigned, {});
  for (const kind of ['rsa', 'eddsa'] as const) {
    const signer = await testSigner(kind);
    const pkg = join(out, `${kind}.rpm`);
    await rpmPackager.write(info, pkg, { signer });
    const key = join(out, `${kind}.asc`);
    writeFileSync(key, signer.publicKeyArmored);
    signed[kind] = { pkg, key, keyId: signer.keyId.slice(-8).toLowerCase(), fullKeyId: signer.keyId.toLowerCase() };
  }
  // The realistic package through the build core, with a signer handed to the packager (the
  // core's own signer plumbing is tested with the build-rpm action).
  const signer = await testSigner('rsa');
  servinKey = join(out, 'servin.asc');
  writeFileSync(servinKey, signer.publicKeyArmored);
  const write = rpmPackager.write;
  rpmPackager.write = (i, o, options) => write.call(rpmPackager, i, o, { ...options, signer });
  try {
    const files = await build({ format: 'rpm', outputDir: join(out, 'servin'), arch: ['amd64'] });
    servinSigned = join(out, 'servin', files[0]!.name);
  } finally {
    rpmPackager.write = write;
  }
}, 60000);

function keyring(key: string, db = mkdtempSync(join(tmpdir(), 'pa-rpmdb-'))): string {
  const r = run(['rpmkeys', '--dbpath', db, '--import', key]);
  if (r.status !== 0) throw new Error(r.stderr);
  return db;
}

describe('rpm header signatures', () => {
  test.each([
    ['rsa', 'RSA'],
    ['eddsa', 'EdDSA'],
  ] as const)('%s: rpmkeys -Kv reports the V4 signature and both digests OK', (kind, label) => {
    if (!requireTool('rpmkeys')) return;
    const { pkg, key, keyId } = signed[kind];
    const db = keyring(key);
    const r = run(['rpmkeys', '--dbpath', db, '-Kv', pkg]);
    expect(r.stdout).toContain(`Header V4 ${label}/SHA512 Signature, key ID ${keyId}: OK`);
    expect(r.stdout).toContain('Header SHA256 digest: OK');
    expect(r.stdout).toContain('Payload SHA256 digest: OK');
    expect(r.status).toBe(0);
    // The signature is dated SOURCE_DATE_EPOCH (reproducible) and names the full key ID.
    const tag = kind === 'rsa' ? 'RSAHEADER' : 'DSAHEADER';
    expect(run(['rpm', '-qp', '--qf', `%{${tag}:pgpsig}`, pkg]).stdout).toBe(`${label}/SHA512, Tue Nov 14 22:13:20 2023, Key ID ${signed[kind].fullKeyId}`);
    // Without the key imported the signature cannot be checked.
    const empty = mkdtempSync(join(tmpdir(), 'pa-rpmdb-'));
    expect(run(['rpmkeys', '--dbpath', empty, '-Kv', pkg]).stdout).toContain(`key ID ${keyId}: NOKEY`);
  });

  test('a one-byte change to the payload or the header is caught', () => {
    if (!requireTool('rpmkeys')) return;
    const { pkg, key } = signed.rsa;
    const db = keyring(key);
    const bytes = readFileSync(pkg);
    const parsed = parseRpm(bytes);

    const payload = Buffer.from(bytes);
    payload[bytes.length - 10]! ^= 0x01;
    const badPayload = join(out, 'bad-payload.rpm');
    writeFileSync(badPayload, payload);
    const r1 = run(['rpmkeys', '--dbpath', db, '-Kv', badPayload]);
    expect(r1.stdout).toMatch(/Payload SHA256 digest: BAD/);
    expect(r1.status).not.toBe(0);

    const header = Buffer.from(bytes);
    // A byte inside the summary string: still parses, but no longer matches digest or signature.
    const at = header.indexOf('Demo tool', parsed.header.start);
    header[at]! ^= 0x20;
    const badHeader = join(out, 'bad-header.rpm');
    writeFileSync(badHeader, header);
    const r2 = run(['rpmkeys', '--dbpath', db, '-Kv', badHeader]);
    expect(r2.stdout).toMatch(/Signature, key ID [0-9a-f]+: BAD/);
    expect(r2.stdout).toMatch(/Header SHA256 digest: BAD/);
    expect(r2.status).not.toBe(0);
  });

  test('with %_pkgverify_level signature, rpm installs the signed package and refuses the unsigned one', () => {
    if (!requireTool('rpm') || !privileged()) return;
    const root = scratchRoot(false);
    // --import reads the key from the host, not from inside the root.
    expect(rpmIn(root, ['--import', signed.eddsa.key]).status).toBe(0);
    const strict = ['--define', '_pkgverify_level signature', '--force-debian', '--nodeps', '--noscripts'];
    const refused = rpmIn(root, [...strict, '-i', unsigned]);
    expect(refused.status).not.toBe(0);
    expect(refused.stdout + refused.stderr).toMatch(/signature/i);
    const accepted = rpmIn(root, [...strict, '-i', signed.eddsa.pkg]);
    expect(accepted.stderr).not.toMatch(/signature|NOKEY|digest/i);
    expect(accepted.status).toBe(0);
  });
});

describe('rpmlint', () => {
  test('a signed realistic package has no errors except the Go-binary one', () => {
    if (!requireTool('rpmlint')) return;
    // rpmlint checks the signature against ~/.rpmdb (Debian's default rpm database): give it one
    // that trusts the key, as a distribution's build system would.
    const home = mkdtempSync(join(tmpdir(), 'pa-home-'));
    keyring(servinKey, join(home, '.rpmdb'));
    const r = spawnSync('rpmlint', [servinSigned], { encoding: 'utf8', env: { ...process.env, HOME: home, LC_ALL: 'C.UTF-8' } });
    const errors = (r.stdout + r.stderr).split('\n').filter((l) => /: E: /.test(l));
    // The example's binaries are static, as Go binaries are; Fedora's policy frowns on that.
    expect(errors.filter((l) => !/E: statically-linked-binary /.test(l))).toEqual([]);
  });
});
