// The fast key reader (src/signing/fast) against load.ts (openpgp.js) on every key shape the
// signing tests use: for each key the fast path takes, everything observable must be identical.
import { beforeAll, describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { armor, config, enums, SignaturePacket, unarmor, type PrivateKey } from 'openpgp';
import { loadSignerFast } from '../../src/signing/fast/load-fast.js';
import { loadSigner } from '../../src/signing/index.js';
import { same, type Case } from '../support/signing-paths.js';
import { concatenated, finish, makeKey, refused, revoked, withRevokedSubkey, withStub, type TestKey } from '../support/keys.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'signing');
const DAY = 86400;

/** gpg 2.2.40 exports (throwaway keys, made for these tests; see test/fixtures/signing). */
const GPG: [string, string | undefined][] = [
  ['gpg-ed25519-plain.asc', undefined], // ed25519 sign+certify primary, cv25519 subkey, no passphrase
  ['gpg-rsa-subkeys-locked.asc', 'correct horse'], // rsa3072 certify-only, rsa2048 sign + encrypt subkeys
  ['gpg-ed25519-subkeys-only.asc', 'pw'], // --export-secret-subkeys: stub primary, ed25519 signing subkey
  ['gpg-rsa4096-extended.asc', 'pw4'], // rsa4096 signing primary, expiry changed with --quick-set-expire
];
const GPG_NOW = new Date('2027-03-01T00:00:00Z');


/** A newer self-certification of the user ID (as after gpg --quick-set-expire), added after the first. */
async function withNewerSelfCert(k: TestKey, date: Date, opts: { flags: number; expiresIn?: number }): Promise<TestKey> {
  const key: PrivateKey = k.key;
  const sig = new SignaturePacket();
  sig.signatureType = enums.signature.certPositive;
  sig.publicKeyAlgorithm = key.keyPacket.algorithm;
  sig.hashAlgorithm = enums.hash.sha256;
  sig.keyFlags = new Uint8Array([opts.flags]);
  if (opts.expiresIn !== undefined) {
    sig.keyExpirationTime = opts.expiresIn;
    sig.keyNeverExpires = false;
  }
  const sign = sig.sign as unknown as (k: unknown, data: unknown, d: Date, detached: boolean, c: unknown) => Promise<void>;
  await sign.call(sig, key.keyPacket, { userID: key.users[0].userID, key: key.keyPacket }, date, false, config);
  key.users[0].selfCertifications.push(sig);
  return finish(key);
}

/** A newer binding signature for subkey `index` with only the encryption flags (it stops signing). */
async function withNewerEncryptOnlyBinding(k: TestKey, index: number, date: Date): Promise<TestKey> {
  const key: PrivateKey = k.key;
  const sub = key.subkeys[index];
  const sig = new SignaturePacket();
  sig.signatureType = enums.signature.subkeyBinding;
  sig.publicKeyAlgorithm = key.keyPacket.algorithm;
  sig.hashAlgorithm = enums.hash.sha512;
  sig.keyFlags = new Uint8Array([enums.keyFlags.encryptCommunication | enums.keyFlags.encryptStorage]);
  const sign = sig.sign as unknown as (k: unknown, data: unknown, d: Date, detached: boolean, c: unknown) => Promise<void>;
  await sign.call(sig, key.keyPacket, { key: key.keyPacket, bind: sub.keyPacket }, date, false, config);
  sub.bindingSignatures.push(sig);
  return finish(key);
}

describe('the fast path gives what openpgp.js gives', () => {
  const cases: Case[] = [];
  beforeAll(async () => {
    const hourAgo = new Date(Date.now() - 3600_000);
    const add = (name: string, k: TestKey) => cases.push({ name, armored: k.armored, passphrase: k.passphrase });
    for (const type of ['rsa', 'ed25519'] as const) {
      add(`${type}`, await makeKey({ type }));
      add(`${type} locked`, await makeKey({ type, passphrase: 'Tr0ub4dor&3' }));
      add(`${type} certify-only + 2 signing subkeys`, await makeKey({ type, certifyOnlyPrimary: true, signingSubkeys: [{ date: hourAgo }, { date: new Date(hourAgo.getTime() + 1000) }] }));
      add(`${type} expiring in 10 days`, await makeKey({ type, expiresIn: 10 * DAY }));
      add(`${type} stub primary`, await withStub(await makeKey({ type, signingSubkeys: [{}] }), 'primary'));
      add(`${type} stub newest subkey`, await withStub(await makeKey({ type, signingSubkeys: [{ date: hourAgo }, {}] }), 2));
    }
    add('ed25519 primary, rsa signing subkey, no encryption subkey', await makeKey({ type: 'ed25519', noEncryptionSubkey: true, signingSubkeys: [{ type: 'rsa', expiresIn: 40 * DAY }] }));
    add('subkey expiring sooner than its primary', await makeKey({ type: 'ed25519', expiresIn: 400 * DAY, signingSubkeys: [{ expiresIn: 20 * DAY }] }));
    for (const [file, passphrase] of GPG) cases.push({ name: file, armored: readFileSync(join(FIXTURES, file), 'utf8'), passphrase, now: GPG_NOW });
  });

  test('every key shape: fields, log lines, signature bytes (a date before the key, one after it, none)', async () => {
    expect(cases.length).toBe(18);
    for (const c of cases) {
      const dates = c.now ? [new Date('2020-01-01T00:00:00Z'), new Date('2027-01-02T03:04:05Z'), undefined] : [new Date('2020-01-01T00:00:00Z'), new Date(Date.now() - 60_000), undefined];
      for (const date of dates) {
        try {
          await same(c, date);
        } catch (e) {
          throw new Error(`${c.name}, date ${date?.toISOString()}: ${(e as Error).message}`);
        }
      }
    }
  });

  test('several self-certifications: the newest decides flags and expiry', async () => {
    const created = new Date(Date.now() - 3 * 3600_000);
    const later = new Date(created.getTime() + 3600_000);
    // Newest says certify only: the signing subkey signs, not the primary.
    const certOnly = await withNewerSelfCert(await makeKey({ type: 'ed25519', date: created, signingSubkeys: [{ date: created }] }), later, { flags: enums.keyFlags.certifyKeys });
    expect((await same({ name: 'cert only', armored: certOnly.armored }, new Date(Date.now() - 60_000))).keyId).toBe(certOnly.subkeyIds[1]);
    // Newest sets an expiry 20 days out: the warning and expiresAt come from it.
    const expiring = await withNewerSelfCert(await makeKey({ type: 'rsa', date: created }), later, { flags: enums.keyFlags.certifyKeys | enums.keyFlags.signData, expiresIn: 20 * DAY });
    const s = await same({ name: 'expiring', armored: expiring.armored }, new Date('2020-01-01T00:00:00Z'));
    expect(s.expiresAt?.getTime()).toBe(Math.floor(created.getTime() / 1000) * 1000 + 20 * DAY * 1000);
  });

  test('several binding signatures: the newest decides whether a subkey signs', async () => {
    const created = new Date(Date.now() - 3 * 3600_000);
    const k = await makeKey({ type: 'ed25519', date: created, signingSubkeys: [{ date: created }] });
    expect((await same({ name: 'before', armored: k.armored }, new Date(Date.now() - 60_000))).keyId).toBe(k.subkeyIds[1]);
    const rebound = await withNewerEncryptOnlyBinding(k, 1, new Date(created.getTime() + 3600_000));
    expect((await same({ name: 'rebound', armored: rebound.armored }, new Date(Date.now() - 60_000))).keyId).toBe(rebound.fingerprint.slice(24));
  });

  test('a passphrase where none is needed, and one pasted with a trailing newline', async () => {
    const plain = await makeKey({ type: 'ed25519' });
    await same({ name: 'plain', armored: plain.armored, passphrase: 'unneeded' }, new Date(Date.now() - 60_000));
    const locked = await makeKey({ type: 'rsa', passphrase: 'pass word' });
    await same({ name: 'locked', armored: locked.armored, passphrase: 'pass word\n' }, new Date(Date.now() - 60_000));
  });
});

/** Flips one byte of packet `index` (0-based, in packet order) at `offset` in its body. */
function tamper(armored: string, index: number, offset: number): Promise<string> {
  return unarmor(armored).then(({ data }) => {
    const bytes = new Uint8Array(data as Uint8Array);
    let o = 0;
    for (let i = 0; ; i++) {
      const h = bytes[o];
      const newFormat = (h & 0x40) !== 0;
      const l0 = bytes[o + 1];
      const [hl, len] = newFormat ? (l0 < 192 ? [2, l0] : l0 < 224 ? [3, ((l0 - 192) << 8) + bytes[o + 2] + 192] : [6, new DataView(bytes.buffer).getUint32(o + 2)]) : [3, (bytes[o + 1] << 8) | bytes[o + 2]];
      if (i === index) {
        bytes[o + hl + offset] ^= 0x01;
        return armor(enums.armor.privateKey, bytes);
      }
      o += hl + len;
    }
  });
}

describe('what the fast path leaves to openpgp.js', () => {
  let ed: TestKey;
  beforeAll(async () => {
    ed = await makeKey({ type: 'ed25519' });
  });

  test('a wrong passphrase, or none for a protected key', async () => {
    const locked = await makeKey({ type: 'ed25519', passphrase: 'right' });
    expect(loadSignerFast(locked.armored, { passphrase: 'wrong' })).toBeUndefined();
    expect(loadSignerFast(locked.armored, {})).toBeUndefined();
    await expect(loadSigner(locked.armored, { passphrase: 'wrong' })).rejects.toThrow('signing-passphrase is wrong');
  });

  test('expired, revoked, revoked subkey', async () => {
    const expired = await makeKey({ type: 'ed25519', date: new Date(Date.now() - 2 * DAY * 1000), expiresIn: DAY });
    expect(loadSignerFast(expired.armored)).toBeUndefined();
    await expect(loadSigner(expired.armored)).rejects.toThrow('expired');
    const rev = await revoked(ed);
    expect(loadSignerFast(rev.armored)).toBeUndefined();
    await expect(loadSigner(rev.armored)).rejects.toThrow('revoked');
    const subRevoked = await withRevokedSubkey(await makeKey({ type: 'ed25519', signingSubkeys: [{}] }), 1);
    expect(loadSignerFast(subRevoked.armored)).toBeUndefined();
  });

  test('a tampered self-signature (one bit of a hashed subpacket, of the key, of a binding)', async () => {
    // Packets: 0 secret key, 1 user ID, 2 its self-signature, 3 subkey, 4 binding signature.
    for (const [index, offset] of [[2, 8], [2, 20], [0, 8], [4, 8], [3, 8]]) {
      const bad = await tamper(ed.armored, index, offset);
      expect(loadSignerFast(bad)).toBeUndefined();
    }
    // The openpgp.js path rejects the tampered user ID self-signature too (the key has no other).
    await expect(loadSigner(await tamper(ed.armored, 2, 20))).rejects.toThrow();
  });

  test('v6 and RFC 9580 keys, weak RSA, ECDSA, several keys, signing-key-id, a date in the future', async () => {
    for (const make of [refused.v6, refused.ed25519Rfc9580, refused.rsa1024, refused.ecdsa]) expect(loadSignerFast((await make()).armor())).toBeUndefined();
    const other = await makeKey({ type: 'ed25519' });
    expect(loadSignerFast(concatenated(ed, other))).toBeUndefined();
    expect(loadSignerFast(ed.armored, { keyId: ed.fingerprint })).toBeUndefined();
    expect(loadSignerFast(ed.armored, { date: new Date(Date.now() + DAY * 1000) })).toBeUndefined();
    expect(loadSignerFast(ed.armored)).toBeDefined();
  });
});

describe('the fast path never loads openpgp.js', () => {
  test('no module it imports (transitively, at run time) imports openpgp or load.ts', () => {
    const root = join(import.meta.dirname, '..', '..', 'src', 'signing');
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = readFileSync(file, 'utf8');
      // Value imports only: `import type` is erased.
      for (const m of source.matchAll(/^import (?!type )[^;]*? from '([^']+)';/gm)) {
        expect(`${file}: ${m[1]}`).not.toMatch(/: openpgp$/);
        if (m[1].startsWith('.')) visit(join(file, '..', m[1].replace(/\.js$/, '.ts')));
      }
      expect(source).not.toMatch(/import\(/);
    };
    visit(join(root, 'fast', 'load-fast.ts'));
    expect([...seen].map((f) => f.slice(root.length + 1)).sort()).toEqual(
      ['armor.ts', 'fast/key-shape.ts', 'fast/keys.ts', 'fast/load-fast.ts', 'fast/packets.ts', 'fast/public-armor.ts', 'fast/secret.ts', 'fast/sigs.ts', 'native-key.ts', 'packet.ts', 'signer.ts'].map((f) => f.split('/').join(sep)),
    );
  });
});
