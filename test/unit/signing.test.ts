import { beforeAll, describe, expect, test } from '@jest/globals';
import { createMessage, readCleartextMessage, readKey, readSignature, verify } from 'openpgp';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc24Base64 } from '../../src/signing/armor.js';
import { loadSigner, signatureDate, signFileArmored, signStreamArmored, type Signer } from '../../src/signing/index.js';
import { makeKey, withStub, type TestKey } from '../support/keys.js';
import { dearmor, hex, parseSignaturePacket } from '../support/pgp-packets.js';

const DATA = new TextEncoder().encode('payload bytes\x00\xff\n');
const DATE = new Date('2026-01-02T03:04:05Z');
const KEY_DATE = new Date('2025-06-01T00:00:00Z');

async function verifyDetached(signer: Signer, data: Uint8Array, sig: Uint8Array | string): Promise<void> {
  const signature = typeof sig === 'string' ? await readSignature({ armoredSignature: sig }) : await readSignature({ binarySignature: sig });
  const res = await verify({ message: await createMessage({ binary: data }), signature, verificationKeys: await readKey({ armoredKey: signer.publicKeyArmored }), expectSigned: true, format: 'binary' });
  expect(res.signatures[0].keyID.toHex().toUpperCase()).toBe(signer.keyId);
}

async function verifyCleartext(signer: Signer, signed: string): Promise<string> {
  const res = await verify({ message: await readCleartextMessage({ cleartextMessage: signed }), verificationKeys: await readKey({ armoredKey: signer.publicKeyArmored }), expectSigned: true });
  return res.data;
}

function checkPacket(bytes: Uint8Array, signer: Signer, sigType: number, date?: Date) {
  const p = parseSignaturePacket(bytes);
  expect(p.version).toBe(4);
  expect(p.sigType).toBe(sigType);
  expect(p.pubkeyAlgo).toBe(signer.algorithm === 'rsa' ? 1 : 22);
  expect(p.hashAlgo).toBe(10); // SHA-512
  const all = [...p.hashed, ...p.unhashed];
  expect(hex(all.find((s) => s.type === 16)!.body)).toBe(signer.keyId); // Issuer Key ID
  expect(hex(all.find((s) => s.type === 33)!.body)).toBe('04' + signer.fingerprint); // Issuer Fingerprint (v4)
  expect(all.some((s) => s.type === 20)).toBe(false); // no salt notation: reproducible
  const created = p.hashed.find((s) => s.type === 2)!.body;
  const t = ((created[0] << 24) | (created[1] << 16) | (created[2] << 8) | created[3]) >>> 0;
  if (date) expect(t).toBe(date.getTime() / 1000);
}

describe.each(['rsa', 'ed25519'] as const)('%s key made by openpgp.js', (type) => {
  let plain: TestKey;
  let locked: TestKey;
  beforeAll(async () => {
    plain = await makeKey({ type, date: KEY_DATE });
    locked = await makeKey({ type, date: KEY_DATE, passphrase: 'correct horse battery' });
  });

  test('all three signature forms verify, with the right packet fields', async () => {
    for (const k of [plain, locked]) {
      const signer = await loadSigner(k.armored, { passphrase: k.passphrase, date: DATE });
      expect(signer.algorithm).toBe(type === 'rsa' ? 'rsa' : 'eddsa');
      expect(signer.primaryFingerprint).toBe(k.fingerprint);
      // openpgp.js keys' primary can sign and has no signing subkey: the primary signs.
      expect(signer.fingerprint).toBe(k.fingerprint);
      expect(signer.keyId).toBe(k.fingerprint.slice(-16));
      expect(signer.userId).toBe('Test Signer <signer@example.org>');
      expect(signer.signatureDate).toEqual(DATE);
      const bin = await signer.signDetachedBinary(DATA);
      await verifyDetached(signer, DATA, bin);
      checkPacket(bin, signer, 0x00, DATE);
      const asc = await signer.signDetachedArmored(DATA);
      expect(asc).toMatch(/^-----BEGIN PGP SIGNATURE-----\n\n[\s\S]*\n=[A-Za-z0-9+/]{4}\n-----END PGP SIGNATURE-----\n$/);
      await verifyDetached(signer, DATA, asc);
      checkPacket(dearmor(asc), signer, 0x00, DATE);
      const text = 'Origin: Example\nSuite: stable\n-dash line\n';
      const clear = await signer.signCleartext(text);
      expect(clear.startsWith('-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA512\n\nOrigin: Example\nSuite: stable\n- -dash line\n-----BEGIN PGP SIGNATURE-----\n')).toBe(true);
      expect(clear).not.toContain('\r');
      expect(await verifyCleartext(signer, clear)).toBe(text.replace(/\n$/, ''));
      checkPacket(dearmor(clear), signer, 0x01, DATE);
    }
  });

  test('the same date gives identical bytes; another date or data does not', async () => {
    const a = await loadSigner(plain.armored, { date: DATE });
    const b = await loadSigner(plain.armored, { date: DATE });
    expect(Buffer.from(await a.signDetachedBinary(DATA)).equals(Buffer.from(await b.signDetachedBinary(DATA)))).toBe(true);
    expect(await a.signDetachedArmored(DATA)).toBe(await b.signDetachedArmored(DATA));
    expect(await a.signCleartext('x: y\n')).toBe(await b.signCleartext('x: y\n'));
    const c = await loadSigner(plain.armored, { date: new Date(DATE.getTime() + 1000) });
    expect(await c.signDetachedArmored(DATA)).not.toBe(await a.signDetachedArmored(DATA));
    expect(await a.signDetachedArmored(new Uint8Array([1]))).not.toBe(await a.signDetachedArmored(DATA));
  });

  test('a tampered payload does not verify', async () => {
    const signer = await loadSigner(plain.armored, { date: DATE });
    const sig = await signer.signDetachedBinary(DATA);
    const tampered = Uint8Array.from(DATA);
    tampered[0] ^= 1;
    await expect(verifyDetached(signer, tampered, sig)).rejects.toThrow(/did not match/);
  });
});

describe('choosing the signing key', () => {
  test('certify-only primary: the signing subkey signs; the newest of two by default', async () => {
    const older = new Date('2025-07-01T00:00:00Z');
    const newer = new Date('2025-08-01T00:00:00Z');
    const k = await makeKey({ type: 'ed25519', date: KEY_DATE, certifyOnlyPrimary: true, signingSubkeys: [{ date: older }, { type: 'rsa', date: newer }] });
    const signer = await loadSigner(k.armored, { date: DATE });
    expect(signer.fingerprint).toBe(k.subkeyFingerprints[2]);
    expect(signer.algorithm).toBe('rsa');
    expect(signer.primaryFingerprint).toBe(k.fingerprint);
    await verifyDetached(signer, DATA, await signer.signDetachedBinary(DATA));
    checkPacket(await signer.signDetachedBinary(DATA), signer, 0, DATE);

    for (const id of [k.subkeyIds[1], `0x${k.subkeyIds[1].toLowerCase()}`, k.subkeyFingerprints[1].replace(/(.{4})/g, '$1 '), `${k.subkeyIds[1]}!`]) {
      const named = await loadSigner(k.armored, { keyId: id, date: DATE });
      expect(named.fingerprint).toBe(k.subkeyFingerprints[1]);
      expect(named.algorithm).toBe('eddsa');
      const clear = await named.signCleartext('a\n');
      expect(await verifyCleartext(named, clear)).toBe('a');
    }
  });

  test('a primary that can sign gives way to a signing subkey, like gpg', async () => {
    const k = await makeKey({ type: 'rsa', date: KEY_DATE, signingSubkeys: [{ type: 'ed25519' }] });
    const signer = await loadSigner(k.armored);
    expect(signer.fingerprint).toBe(k.subkeyFingerprints[1]);
    const primary = await loadSigner(k.armored, { keyId: k.fingerprint });
    expect(primary.fingerprint).toBe(k.fingerprint);
    expect(primary.signatureDate).toBeUndefined();
    await verifyDetached(primary, DATA, await primary.signDetachedArmored(DATA));
  });

  test('an expired signing subkey is passed over for a primary that can sign', async () => {
    const past = new Date(Date.now() - 10 * 86400000);
    const k = await makeKey({ type: 'ed25519', date: past, signingSubkeys: [{ date: past, expiresIn: 86400 }] });
    expect((await loadSigner(k.armored)).fingerprint).toBe(k.fingerprint);
    await expect(loadSigner(k.armored, { keyId: k.subkeyIds[1] })).rejects.toThrow(/expired on/);
  });

  test('a stubbed primary (gpg --export-secret-subkeys) still signs with its subkey', async () => {
    const k = await withStub(await makeKey({ type: 'ed25519', date: KEY_DATE, signingSubkeys: [{}] }), 'primary');
    const signer = await loadSigner(k.armored, { date: DATE });
    expect(signer.fingerprint).toBe(k.subkeyFingerprints[1]);
    await verifyDetached(signer, DATA, await signer.signDetachedBinary(DATA));
  });

  test('a stubbed newest signing subkey is skipped for an older one with its secret', async () => {
    const k = await withStub(await makeKey({ type: 'ed25519', date: KEY_DATE, certifyOnlyPrimary: true, signingSubkeys: [{ date: new Date('2025-07-01T00:00:00Z') }, { date: new Date('2025-08-01T00:00:00Z') }] }), 2);
    expect((await loadSigner(k.armored)).fingerprint).toBe(k.subkeyFingerprints[1]);
  });
});

describe('signature dates', () => {
  test('a date before the key existed moves up to the key creation time, and says so', async () => {
    const k = await makeKey({ type: 'ed25519', date: KEY_DATE });
    const lines: string[] = [];
    const signer = await loadSigner(k.armored, { date: new Date('2020-01-01T00:00:00Z'), log: { info: (m) => lines.push(m), warning: (m) => lines.push(m) } });
    expect(signer.signatureDate).toEqual(KEY_DATE);
    expect(lines.join('\n')).toMatch(/predates signing key .*2025-06-01T00:00:00Z/);
    const bin = await signer.signDetachedBinary(DATA);
    checkPacket(bin, signer, 0, KEY_DATE);
    await verifyDetached(signer, DATA, bin);
  });

  test('a key expiring within 30 days signs, with a warning and its expiry date', async () => {
    const k = await makeKey({ type: 'ed25519', date: new Date(Date.now() - 86400000), expiresIn: 10 * 86400 });
    const warnings: string[] = [];
    const signer = await loadSigner(k.armored, { log: { info: () => undefined, warning: (m) => warnings.push(m) } });
    expect(signer.expiresAt!.getTime() - Date.now()).toBeGreaterThan(8 * 86400000);
    expect(warnings.join('\n')).toMatch(/signing key [0-9A-F]{16} expires on .*apt, dnf and gpgv reject its signatures/);
    const quiet: string[] = [];
    expect((await loadSigner((await makeKey({ type: 'ed25519' })).armored, { log: { info: () => undefined, warning: (m) => quiet.push(m) } })).expiresAt).toBeUndefined();
    expect(quiet).toEqual([]);
  });

  test('SOURCE_DATE_EPOCH parsing', () => {
    expect(signatureDate({})).toBeUndefined();
    expect(signatureDate({ SOURCE_DATE_EPOCH: ' ' })).toBeUndefined();
    expect(signatureDate({ SOURCE_DATE_EPOCH: '1767323045' })).toEqual(DATE);
    expect(() => signatureDate({ SOURCE_DATE_EPOCH: '2026-01-01' })).toThrow(/whole seconds/);
  });

  test('cleartext: final newline, trailing blanks, CRLF and empty text', async () => {
    const signer = await loadSigner((await makeKey({ type: 'ed25519', date: KEY_DATE })).armored, { date: DATE });
    const cases: [string, string, string][] = [
      // input, shown between the header and the signature, text a verifier recovers
      ['a\nb\n', 'a\nb\n', 'a\nb'],
      ['a\nb', 'a\nb\n', 'a\nb'],
      ['a\n\n', 'a\n\n', 'a\n'],
      ['a  \t\r\nb\r\n', 'a  \t\nb\n', 'a\nb'],
      ['', '\n', ''],
      ['-a\nFrom b\nFrom\n', '- -a\n- From b\nFrom\n', '-a\nFrom b\nFrom'],
    ];
    for (const [input, shown, recovered] of cases) {
      const out = await signer.signCleartext(input);
      expect(out.slice('-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA512\n\n'.length, out.indexOf('-----BEGIN PGP SIGNATURE-----'))).toBe(shown);
      expect(await verifyCleartext(signer, out)).toBe(recovered);
    }
  });
});

describe('signing files and streams', () => {
  test('a file over several read chunks gives the same signature as its bytes in memory', async () => {
    const signer = await loadSigner((await makeKey({ type: 'ed25519', date: KEY_DATE })).armored, { date: DATE });
    const big = Buffer.alloc(2.5 * 1024 * 1024 + 7);
    for (let i = 0; i < big.length; i++) big[i] = (i * 31 + (i >> 12)) & 0xff;
    const path = join(mkdtempSync(join(tmpdir(), 'pa-sign-')), 'big.bin');
    writeFileSync(path, big);
    const fromFile = await signFileArmored(signer, path);
    expect(fromFile).toBe(await signer.signDetachedArmored(big));
    await verifyDetached(signer, big, fromFile);
    // A Signer without the streaming method gets the whole file, chunks copied before reuse.
    const seen: Uint8Array[] = [];
    const fake = { ...signer, signDetachedArmoredStream: undefined, signDetachedArmored: async (d: Uint8Array) => (seen.push(d), 'fake') } as unknown as Signer;
    expect(await signStreamArmored(fake, (async function* () { const b = Buffer.from('ab'); yield b; b.write('cd'); yield b; })())).toBe('fake');
    expect(Buffer.from(seen[0]).toString()).toBe('abcd');
    expect(await signFileArmored(fake, path)).toBe('fake');
    expect(Buffer.from(seen[1]).equals(big)).toBe(true);
  });

  test('the armor checksum is CRC-24 (RFC 4880 §6.1)', () => {
    // The CRC-24/OPENPGP check value of "123456789" is 0x21CF02; of nothing, the initial 0xB704CE.
    expect(crc24Base64(Buffer.from('123456789'))).toBe(Buffer.from([0x21, 0xcf, 0x02]).toString('base64'));
    expect(crc24Base64(new Uint8Array())).toBe(Buffer.from([0xb7, 0x04, 0xce]).toString('base64'));
  });
});
