import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as openpgp from 'openpgp';
import type { PackageConfig } from '../../src/config/types.js';
import type { ResolvedEntry } from '../../src/contents/types.js';
import type { PackageInfo } from '../../src/packagers/types.js';
import type { Signer } from '../../src/signing/types.js';
import { parseVersion } from '../../src/version/index.js';

// A small package built straight through the rpm packager (no config file): every tag the
// writer emits has something to show. Shared by the rpm unit and interop tests.

export const MTIME = 1700000000;

export interface Fixture {
  dir: string;
  info: PackageInfo;
  /** Source bytes of each regular file by install path. */
  bodies: Map<string, Buffer>;
}

function entry(path: string, kind: ResolvedEntry['kind'], extra: Partial<ResolvedEntry> = {}): ResolvedEntry {
  return { path, kind, size: 0, mode: kind === 'dir' ? 0o755 : 0o644, owner: 'root', group: 'root', mtime: MTIME, config: false, noreplace: false, doc: false, implicit: false, ...extra };
}

export function makeFixture(overrides: Partial<PackageConfig> = {}, version = '1.2.0-rc.1'): Fixture {
  const dir = mkdtempSync(join(tmpdir(), 'pa-rpmfix-'));
  const bodies = new Map<string, Buffer>();
  const entries: ResolvedEntry[] = [];
  const file = (path: string, body: string | Buffer, extra: Partial<ResolvedEntry> = {}) => {
    const source = join(dir, 'src', path.replace(/\//g, '_'));
    mkdirSync(join(dir, 'src'), { recursive: true });
    const bytes = Buffer.from(body);
    writeFileSync(source, bytes);
    bodies.set(path, bytes);
    entries.push(entry(path, 'file', { source, size: bytes.length, ...extra }));
  };
  entries.push(entry('/etc', 'dir', { implicit: true }), entry('/etc/demo', 'dir', { implicit: true }));
  file('/etc/demo/demo.conf', 'level = 1\n', { config: true, noreplace: true });
  file('/etc/demo/plain.conf', 'x = 2\n', { config: true });
  entries.push(entry('/usr', 'dir', { implicit: true }), entry('/usr/bin', 'dir', { implicit: true }));
  file('/usr/bin/demo', '#!/bin/sh\necho demo "$@"\n', { mode: 0o755 });
  entries.push(entry('/usr/sbin', 'dir', { implicit: true }), entry('/usr/sbin/demod', 'symlink', { linkTarget: '../bin/demo', size: 11, mode: 0o777 }));
  entries.push(entry('/usr/share', 'dir', { implicit: true }), entry('/usr/share/demo', 'dir', { implicit: true }));
  file('/usr/share/demo/data.bin', Buffer.from([...Array(3000).keys()].map((i) => (i * 7) % 251)));
  file('/usr/share/demo/日本語.txt', 'こんにちは\n');
  file(`/usr/share/demo/${'long-name-'.repeat(12)}.txt`, 'long\n');
  entries.push(entry('/usr/share/doc', 'dir', { implicit: true }), entry('/usr/share/doc/demo', 'dir', { implicit: true }));
  file('/usr/share/doc/demo/README', 'read me\n', { doc: true });
  entries.push(entry('/var', 'dir', { implicit: true }), entry('/var/lib', 'dir', { implicit: true }), entry('/var/lib/demo', 'dir', { mode: 0o750, owner: 'daemon', group: 'daemon' }));
  entries.sort((a, b) => Buffer.compare(Buffer.from(a.path), Buffer.from(b.path)));

  const config: PackageConfig = {
    name: 'demo',
    release: 2,
    epoch: 3,
    summary: 'Demo tool for rpm tests',
    description: 'A demo package.\n\nIt has two paragraphs.',
    maintainer: 'Demo Maintainers <demo@example.org>',
    vendor: 'Demo Project',
    license: 'MIT',
    homepage: 'https://demo.example.org',
    platforms: [{ os: 'linux', arch: 'amd64' }],
    contents: [],
    depends: ['bash (>= 4.0)', 'coreutils', 'tzdata | tzdata-legacy'],
    recommends: ['less >= 500'],
    suggests: ['man-db'],
    conflicts: ['demo-legacy (<< 1.0)'],
    replaces: ['olddemo (<< 1.0)'],
    provides: ['demo-cli (= 1.2.0)'],
    rpm: { compression: 'zstd', group: 'Applications/System', packager: 'Demo Packager <pkg@example.org>' },
    ...overrides,
  };
  const scripts = {
    preinstall: '#!/bin/sh\necho "pre $1" >> /var/log/demo-scripts\n',
    postinstall: '#!/bin/sh -e\necho "post $1" >> /var/log/demo-scripts\n',
    preremove: '#!/bin/sh\necho "preun $1" >> /var/log/demo-scripts\n',
    postremove: '#!/bin/sh\necho "postun $1" >> /var/log/demo-scripts\n',
  };
  const info: PackageInfo = { config, version: parseVersion(version), platform: { os: 'linux', arch: 'amd64' }, entries, scripts, mtime: MTIME, file: 'demo.yml', baseDir: dir };
  return { dir, info, bodies };
}

export const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/**
 * A Signer made directly with openpgp.js (v4 key, fixed dates): the rpm writer only needs
 * signDetachedBinary, and this keeps the tests independent of how keys are loaded from inputs.
 */
export async function testSigner(kind: 'rsa' | 'eddsa'): Promise<Signer & { privateKey: openpgp.PrivateKey }> {
  const common = { userIDs: [{ name: 'Demo Signing', email: 'sign@example.org' }], format: 'object' as const, date: new Date(1600000000000) };
  const { privateKey, publicKey } = kind === 'rsa' ? await openpgp.generateKey({ ...common, type: 'rsa', rsaBits: 2048 }) : await openpgp.generateKey({ ...common, type: 'ecc', curve: 'curve25519Legacy' });
  const date = new Date(MTIME * 1000);
  const config = { nonDeterministicSignaturesViaNotation: false };
  return {
    privateKey,
    keyId: privateKey.getKeyID().toHex().toUpperCase(),
    fingerprint: privateKey.getFingerprint().toUpperCase(),
    primaryFingerprint: privateKey.getFingerprint().toUpperCase(),
    algorithm: kind,
    publicKeyArmored: publicKey.armor(),
    signatureDate: date,
    signDetachedBinary: async (data) => (await openpgp.sign({ message: await openpgp.createMessage({ binary: data }), signingKeys: privateKey, detached: true, format: 'binary', date, config })) as Uint8Array,
    signDetachedArmored: async (data) => (await openpgp.sign({ message: await openpgp.createMessage({ binary: data }), signingKeys: privateKey, detached: true, date, config })) as string,
    signCleartext: async (text) => openpgp.sign({ message: await openpgp.createCleartextMessage({ text }), signingKeys: privateKey, date, config }),
  };
}
