import { beforeAll, describe, expect, test } from '@jest/globals';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, zstdDecompressSync } from 'node:zlib';
import * as openpgp from 'openpgp';
import { ConfigurationError } from '../../src/core/errors.js';
import { rpmPackager } from '../../src/packagers/rpm/index.js';
import { parseRpm, readRpmHeaders, type RpmPackage } from '../../src/packagers/rpm/reader.js';
import { SENSE, SIG, TAG } from '../../src/packagers/rpm/tags.js';
import type { PackageOptions } from '../../src/packagers/types.js';
import { makeFixture, MTIME, sha256, testSigner, type Fixture } from '../support/rpm-fixture.js';

const GOLDEN = '4f90d2b6a16759a44bea1df42f83cc8af7ad0c475dd60262787a98ab26f3b8c2';
const out = mkdtempSync(join(tmpdir(), 'pa-rpmw-'));
let n = 0;

async function build(fx: Fixture, options: PackageOptions = {}): Promise<{ bytes: Buffer; pkg: RpmPackage; path: string }> {
  const path = join(out, `${n++}.rpm`);
  await rpmPackager.write(fx.info, path, { threads: 1, ...options });
  const bytes = readFileSync(path);
  return { bytes, pkg: parseRpm(bytes), path };
}

/** The newc entries of an uncompressed payload: name → [mode, body]. */
function cpioEntries(archive: Buffer): Map<string, { mode: number; ino: number; body: Buffer }> {
  const m = new Map<string, { mode: number; ino: number; body: Buffer }>();
  let at = 0;
  for (;;) {
    const f = (i: number) => parseInt(archive.toString('latin1', at + 6 + i * 8, at + 14 + i * 8), 16);
    const namesize = f(11);
    const size = f(6);
    const name = archive.toString('utf8', at + 110, at + 110 + namesize - 1);
    let data = at + 110 + namesize;
    data += (4 - (data % 4)) % 4;
    if (name === 'TRAILER!!!') return m;
    m.set(name, { mode: f(1), ino: f(0), body: archive.subarray(data, data + size) });
    at = data + size + ((4 - (size % 4)) % 4);
  }
}

let fx: Fixture;
let built: { bytes: Buffer; pkg: RpmPackage; path: string };

beforeAll(async () => {
  fx = makeFixture();
  built = await build(fx);
});

describe('rpm writer: container', () => {
  test('file name, lead and the three parts in place', () => {
    expect(rpmPackager.fileName(fx.info)).toBe('demo-1.2.0~rc.1-2.x86_64.rpm');
    const { pkg, bytes } = built;
    expect(pkg.lead).toMatchObject({ major: 3, minor: 0, type: 0, archnum: 1, name: 'demo-1.2.0~rc.1-2', osnum: 1, signatureType: 5 });
    // Signature header padded to 8, main header right after, payload to the end.
    expect(pkg.header.start % 8).toBe(0);
    expect(pkg.payloadOffset).toBeLessThan(bytes.length);
  });

  test('signature header: header digests and sizes', () => {
    const { pkg, bytes } = built;
    const header = bytes.subarray(pkg.header.start, pkg.payloadOffset);
    const payload = bytes.subarray(pkg.payloadOffset);
    expect(pkg.signature.string(SIG.SHA256)).toBe(sha256(header));
    expect(pkg.signature.string(SIG.SHA1)).toBe(createHash('sha1').update(header).digest('hex'));
    expect(pkg.signature.int(SIG.SIZE)).toBe(header.length + payload.length);
    expect(pkg.signature.int(SIG.PAYLOADSIZE)).toBe(zstdDecompressSync(payload).length);
    expect(pkg.signature.has(SIG.RSA) || pkg.signature.has(SIG.DSA)).toBe(false);
    expect(pkg.signature.entries.map((e) => e.tag)).toEqual([62, SIG.SHA1, SIG.SHA256, SIG.SIZE, SIG.PAYLOADSIZE]);
  });

  test('payload: zstd of a cpio whose names and bodies match the header, digests in the header', () => {
    const { pkg, bytes } = built;
    const h = pkg.header;
    const payload = bytes.subarray(pkg.payloadOffset);
    const archive = zstdDecompressSync(payload);
    expect(h.strings(TAG.PAYLOADDIGEST)).toEqual([sha256(payload)]);
    expect(h.strings(TAG.PAYLOADDIGESTALT)).toEqual([sha256(archive)]);
    expect(h.int(TAG.PAYLOADDIGESTALGO)).toBe(8);
    expect([h.string(TAG.PAYLOADFORMAT), h.string(TAG.PAYLOADCOMPRESSOR), h.string(TAG.PAYLOADFLAGS)]).toEqual(['cpio', 'zstd', '9']);
    const dirs = h.strings(TAG.DIRNAMES)!;
    const paths = h.strings(TAG.BASENAMES)!.map((b, i) => dirs[h.ints(TAG.DIRINDEXES)![i]!] + b);
    const entries = cpioEntries(archive);
    expect([...entries.keys()]).toEqual(paths.map((p) => `.${p}`));
    const modes = h.ints(TAG.FILEMODES)!;
    const digests = h.strings(TAG.FILEDIGESTS)!;
    const inodes = h.ints(TAG.FILEINODES)!;
    paths.forEach((p, i) => {
      const e = entries.get(`.${p}`)!;
      expect(e.mode).toBe(modes[i]);
      expect(e.ino).toBe(inodes[i]);
      const body = fx.bodies.get(p);
      if (body) {
        expect(e.body.equals(body)).toBe(true);
        expect(digests[i]).toBe(sha256(body));
      } else expect(digests[i]).toBe('');
    });
  });

  test('readRpmHeaders reads the same headers from the file without the payload', async () => {
    const fromFile = await readRpmHeaders(built.path);
    expect(fromFile.payloadOffset).toBe(built.pkg.payloadOffset);
    expect(fromFile.header.string(TAG.NAME)).toBe('demo');
  });
});

describe('rpm writer: main header', () => {
  test('package metadata', () => {
    const h = built.pkg.header;
    expect(h.strings(TAG.HEADERI18NTABLE)).toEqual(['C']);
    expect([h.string(TAG.NAME), h.string(TAG.VERSION), h.string(TAG.RELEASE), h.int(TAG.EPOCH)]).toEqual(['demo', '1.2.0~rc.1', '2', 3]);
    expect(h.string(TAG.SUMMARY)).toBe('Demo tool for rpm tests');
    expect(h.string(TAG.DESCRIPTION)).toBe('A demo package.\n\nIt has two paragraphs.');
    expect([h.int(TAG.BUILDTIME), h.string(TAG.BUILDHOST)]).toEqual([MTIME, 'package-actions']);
    expect([h.string(TAG.LICENSE), h.string(TAG.VENDOR), h.string(TAG.URL), h.string(TAG.GROUP), h.string(TAG.PACKAGER)]).toEqual(['MIT', 'Demo Project', 'https://demo.example.org', 'Applications/System', 'Demo Packager <pkg@example.org>']);
    expect([h.string(TAG.OS), h.string(TAG.ARCH), h.string(TAG.SOURCERPM), h.string(TAG.ENCODING)]).toEqual(['linux', 'x86_64', 'demo-1.2.0~rc.1-2.src.rpm', 'utf-8']);
    expect(h.int(TAG.SIZE)).toBe([...fx.bodies.values()].reduce((s, b) => s + b.length, 0) + 11);
    expect(h.strings(TAG.CHANGELOGNAME)).toEqual(['Demo Packager <pkg@example.org> - 3:1.2.0~rc.1-2']);
    expect(h.ints(TAG.CHANGELOGTIME)).toEqual([Math.floor(MTIME / 86400) * 86400 + 43200]);
  });

  test('file list: owned paths only, modes with type bits, owners, flags, links', () => {
    const h = built.pkg.header;
    const dirs = h.strings(TAG.DIRNAMES)!;
    const paths = h.strings(TAG.BASENAMES)!.map((b, i) => dirs[h.ints(TAG.DIRINDEXES)![i]!] + b);
    // /etc, /usr, /usr/bin ... are not ours; /etc/demo and /usr/share/demo are (named after the package).
    expect(paths.filter((p) => !fx.bodies.has(p))).toEqual(['/etc/demo', '/usr/sbin/demod', '/usr/share/demo', '/usr/share/doc/demo', '/var/lib/demo']);
    const at = (p: string) => paths.indexOf(p);
    const modes = h.ints(TAG.FILEMODES)!;
    expect(modes[at('/usr/bin/demo')]).toBe(0o100755);
    expect(modes[at('/usr/sbin/demod')]).toBe(0o120777);
    expect(modes[at('/var/lib/demo')]).toBe(0o040750);
    expect(h.strings(TAG.FILELINKTOS)![at('/usr/sbin/demod')]).toBe('../bin/demo');
    expect(h.strings(TAG.FILEUSERNAME)![at('/var/lib/demo')]).toBe('daemon');
    expect(h.strings(TAG.FILEGROUPNAME)![at('/var/lib/demo')]).toBe('daemon');
    const flags = h.ints(TAG.FILEFLAGS)!;
    expect([flags[at('/etc/demo/demo.conf')], flags[at('/etc/demo/plain.conf')], flags[at('/usr/share/doc/demo/README')], flags[at('/usr/bin/demo')]]).toEqual([17, 1, 2, 0]);
    expect(h.ints(TAG.FILESIZES)![at('/usr/sbin/demod')]).toBe(11);
    expect(h.ints(TAG.FILEMTIMES)!.every((t) => t === MTIME)).toBe(true);
    expect(h.ints(TAG.FILEVERIFYFLAGS)!.every((f) => f === -1)).toBe(true);
    expect(h.ints(TAG.FILEINODES)).toEqual(paths.map((_, i) => i + 1));
    expect(h.int(TAG.FILEDIGESTALGO)).toBe(8);
    expect(paths).toEqual([...paths].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))));
  });

  test('dependencies: config relations, self provides, rpmlib features, interpreters', () => {
    const h = built.pkg.header;
    const deps = (name: number, flags: number, version: number) => h.strings(name)!.map((nm, i) => `${nm}|${h.ints(flags)![i]}|${h.strings(version)![i]}`);
    const evr = '3:1.2.0~rc.1-2';
    const rpmlib = SENSE.RPMLIB | SENSE.LESS | SENSE.EQUAL;
    expect(deps(TAG.REQUIRENAME, TAG.REQUIREFLAGS, TAG.REQUIREVERSION)).toEqual([
      `(tzdata or tzdata-legacy)|0|`,
      `/bin/sh|${SENSE.INTERP | SENSE.SCRIPT_PRE}|`,
      `/bin/sh|${SENSE.INTERP | SENSE.SCRIPT_POST}|`,
      `/bin/sh|${SENSE.INTERP | SENSE.SCRIPT_PREUN}|`,
      `/bin/sh|${SENSE.INTERP | SENSE.SCRIPT_POSTUN}|`,
      `bash|${SENSE.GREATER | SENSE.EQUAL}|4.0`,
      `config(demo)|${SENSE.CONFIG | SENSE.EQUAL}|${evr}`,
      'coreutils|0|',
      `rpmlib(CompressedFileNames)|${rpmlib}|3.0.4-1`,
      `rpmlib(FileDigests)|${rpmlib}|4.6.0-1`,
      `rpmlib(PayloadFilesHavePrefix)|${rpmlib}|4.0-1`,
      `rpmlib(PayloadIsZstd)|${rpmlib}|5.4.18-1`,
      `rpmlib(RichDependencies)|${rpmlib}|4.12.0-1`,
      `rpmlib(TildeInVersions)|${rpmlib}|4.10.0-1`,
    ]);
    expect(deps(TAG.PROVIDENAME, TAG.PROVIDEFLAGS, TAG.PROVIDEVERSION)).toEqual([`config(demo)|${SENSE.CONFIG | SENSE.EQUAL}|${evr}`, `demo|8|${evr}`, 'demo(x86-64)|8|' + evr, 'demo-cli|8|1.2.0']);
    expect(deps(TAG.CONFLICTNAME, TAG.CONFLICTFLAGS, TAG.CONFLICTVERSION)).toEqual(['demo-legacy|2|1.0']);
    expect(deps(TAG.OBSOLETENAME, TAG.OBSOLETEFLAGS, TAG.OBSOLETEVERSION)).toEqual(['olddemo|2|1.0']);
    expect(deps(TAG.RECOMMENDNAME, TAG.RECOMMENDFLAGS, TAG.RECOMMENDVERSION)).toEqual(['less|12|500']);
    expect(deps(TAG.SUGGESTNAME, TAG.SUGGESTFLAGS, TAG.SUGGESTVERSION)).toEqual(['man-db|0|']);
  });

  test('scriptlets and their interpreters', () => {
    const h = built.pkg.header;
    expect(h.string(TAG.PREIN)).toBe(fx.info.scripts.preinstall);
    expect(h.string(TAG.POSTUN)).toBe(fx.info.scripts.postremove);
    expect(h.strings(TAG.PREINPROG)).toEqual(['/bin/sh']);
    expect(h.strings(TAG.POSTINPROG)).toEqual(['/bin/sh', '-e']);
    expect(h.has(TAG.PRETRANS)).toBe(false);
  });
});

describe('rpm writer: options and errors', () => {
  test('byte-identical for the same input, whatever the thread count', async () => {
    const again = await build(makeFixture());
    const threaded = await build(makeFixture(), { threads: 4 });
    expect(sha256(again.bytes)).toBe(sha256(built.bytes));
    expect(sha256(threaded.bytes)).toBe(sha256(built.bytes));
  });

  test('the same bytes on every OS (golden digest; update it only for an intended format change)', () => {
    // The fixture has fixed modes, owners and times and no OS-dependent input, so Linux, macOS
    // and Windows CI must all produce exactly this package.
    expect(sha256(built.bytes)).toBe(GOLDEN);
  });

  test('gzip payload, no epoch, stable version, prefixes, pretrans from rpm.scripts', async () => {
    const f = makeFixture({ epoch: undefined, rpm: { compression: 'gzip', prefixes: ['/etc', '/usr', '/var'], scripts: { pretrans: 'pre.sh' } } }, '2.0.0');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(f.dir, 'pre.sh'), '#!/bin/sh\r\necho pretrans\r\n');
    const { pkg, bytes } = await build(f);
    const h = pkg.header;
    expect(gunzipSync(bytes.subarray(pkg.payloadOffset)).length).toBe(pkg.signature.int(SIG.PAYLOADSIZE));
    expect([h.string(TAG.PAYLOADCOMPRESSOR), h.string(TAG.PAYLOADFLAGS)]).toEqual(['gzip', '9']);
    expect(h.has(TAG.EPOCH)).toBe(false);
    expect(h.string(TAG.VERSION)).toBe('2.0.0');
    expect(h.strings(TAG.PREFIXES)).toEqual(['/etc', '/usr', '/var']);
    expect(h.string(TAG.PRETRANS)).toBe('#!/bin/sh\necho pretrans\n');
    expect(h.strings(TAG.REQUIRENAME)!.filter((r) => r.startsWith('rpmlib('))).toEqual(['rpmlib(CompressedFileNames)', 'rpmlib(FileDigests)', 'rpmlib(PayloadFilesHavePrefix)', 'rpmlib(RichDependencies)']);
    expect(h.strings(TAG.PROVIDEVERSION)).toContain('2.0.0-2');
  });

  test('a package without files has no file tags', async () => {
    const f = makeFixture({ depends: [], recommends: [], suggests: [], conflicts: [], replaces: [], provides: [] });
    f.info.entries = [];
    f.info.scripts = {};
    const { pkg } = await build(f);
    expect(pkg.header.has(TAG.BASENAMES)).toBe(false);
    expect(pkg.header.has(TAG.FILEMODES)).toBe(false);
    expect(pkg.header.strings(TAG.REQUIRENAME)).toEqual(['rpmlib(PayloadFilesHavePrefix)', 'rpmlib(PayloadIsZstd)', 'rpmlib(TildeInVersions)']);
  });

  test.each([
    [{ name: 'bad name' }, /not a valid rpm package name/],
    [{ provides: ['a | b'] }, /provides cannot use alternatives/],
    [{ replaces: ['(a or b)'] }, /replaces cannot use alternatives/],
    [{ depends: ['libc6:any'] }, /architecture qualifier/],
    [{ rpm: { prefixes: ['/usr'] } }, /outside every relocatable prefix/],
    [{ rpm: { scripts: { posttrans: 'missing.sh' } } }, /does not exist/],
  ])('config mistakes are ConfigurationErrors: %j', async (overrides, message) => {
    const f = makeFixture(overrides as never);
    const path = join(out, `${n++}.rpm`);
    const err = await rpmPackager.write(f.info, path, {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigurationError);
    expect((err as Error).message).toMatch(message);
  });
});

describe('rpm writer: header signatures', () => {
  test.each(['eddsa', 'rsa'] as const)('%s: an OpenPGP signature of the main header bytes, in the right tag', async (kind) => {
    const signer = await testSigner(kind);
    const signed = await build(fx, { signer });
    const tag = kind === 'rsa' ? SIG.RSA : SIG.DSA;
    const other = kind === 'rsa' ? SIG.DSA : SIG.RSA;
    expect(signed.pkg.signature.has(other)).toBe(false);
    const header = signed.bytes.subarray(signed.pkg.header.start, signed.pkg.payloadOffset);
    // Signing changes only the signature header: main header and payload are the unsigned ones.
    expect(header.equals(built.bytes.subarray(built.pkg.header.start, built.pkg.payloadOffset))).toBe(true);
    const signature = await openpgp.readSignature({ binarySignature: signed.pkg.signature.bin(tag)! });
    const verification = await openpgp.verify({ message: await openpgp.createMessage({ binary: header }), signature, verificationKeys: signer.privateKey.toPublic(), expectSigned: true });
    expect(verification.data).toBeDefined();
    expect(verification.signatures[0]!.keyID.toHex().toUpperCase()).toBe(signer.keyId);
    const tampered = Uint8Array.from(header);
    tampered[tampered.length - 20]! ^= 1;
    await expect(openpgp.verify({ message: await openpgp.createMessage({ binary: tampered }), signature, verificationKeys: signer.privateKey.toPublic(), expectSigned: true })).rejects.toThrow();
    // Same key and date: the same bytes again.
    expect(sha256((await build(fx, { signer })).bytes)).toBe(sha256(signed.bytes));
  });
});
