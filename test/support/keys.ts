// Throwaway OpenPGP keys made with openpgp.js for tests: never real keys, never written to disk.
import {
  armor,
  encryptKey,
  enums,
  generateKey,
  readPrivateKey,
  revokeKey,
  SignaturePacket,
  type PrivateKey,
} from 'openpgp';

export interface TestKey {
  /** The armored private key, as a user would store it in a secret. */
  armored: string;
  publicArmored: string;
  passphrase?: string;
  /** Upper-case fingerprint of the primary key. */
  fingerprint: string;
  /** Upper-case key ID / fingerprint of every subkey, in generation order. */
  subkeyIds: string[];
  subkeyFingerprints: string[];
  key: PrivateKey;
}

export type KeyType = 'rsa' | 'ed25519';

export interface KeyOptions {
  type?: KeyType;
  passphrase?: string;
  /** Creation time (default: one hour ago). */
  date?: Date;
  /** Seconds until the primary key expires. */
  expiresIn?: number;
  /** Subkeys after the default encryption subkey. */
  signingSubkeys?: { type?: KeyType; date?: Date; expiresIn?: number }[];
  /** Replace the primary's self-signature with one whose key flags say certify only. */
  certifyOnlyPrimary?: boolean;
  /** Leave out the encryption subkey. */
  noEncryptionSubkey?: boolean;
  name?: string;
}

const HOUR = 3600 * 1000;
const algo = (type: KeyType | undefined, rsaBits = 2048) =>
  type === 'ed25519' ? ({ type: 'ecc', curve: 'ed25519Legacy' } as const) : ({ type: 'rsa', rsaBits } as const);

/** A new self-certification of the primary user, with only the certify flag (gpg's `--quick-gen-key ... cert`). */
async function makeCertifyOnly(key: PrivateKey, date: Date): Promise<void> {
  const user = key.users[0];
  const sig = new SignaturePacket();
  sig.signatureType = enums.signature.certPositive;
  sig.publicKeyAlgorithm = key.keyPacket.algorithm;
  sig.hashAlgorithm = enums.hash.sha512;
  sig.keyFlags = new Uint8Array([enums.keyFlags.certifyKeys]);
  sig.preferredHashAlgorithms = [enums.hash.sha512, enums.hash.sha256];
  sig.isPrimaryUserID = true;
  // sign() accepts the user ID + key pair for certifications; the typings only list bytes.
  const signCert = sig.sign as unknown as (k: unknown, data: unknown, d: Date, detached: boolean, config: unknown) => Promise<void>;
  const { config } = await import('openpgp');
  await signCert.call(sig, key.keyPacket, { userID: user.userID, key: key.keyPacket }, date, false, config);
  user.selfCertifications = [sig];
}

export async function finish(key: PrivateKey, passphrase?: string): Promise<TestKey> {
  const locked = passphrase ? await encryptKey({ privateKey: key, passphrase }) : key;
  return {
    armored: locked.armor(),
    publicArmored: key.toPublic().armor(),
    passphrase,
    fingerprint: key.getFingerprint().toUpperCase(),
    subkeyIds: key.subkeys.map((s) => s.getKeyID().toHex().toUpperCase()),
    subkeyFingerprints: key.subkeys.map((s) => s.getFingerprint().toUpperCase()),
    key: locked,
  };
}

/** An openpgp.js v4 key: RSA 2048 (fast) or ed25519 (EdDSA legacy, algorithm 22). */
export async function makeKey(opts: KeyOptions = {}): Promise<TestKey> {
  const date = opts.date ?? new Date(Date.now() - HOUR);
  const subkeys = [
    ...(opts.noEncryptionSubkey ? [] : [{}]),
    ...(opts.signingSubkeys ?? []).map((s) => ({ ...algo(s.type ?? opts.type), sign: true, date: s.date, keyExpirationTime: s.expiresIn })),
  ];
  const { privateKey } = await generateKey({
    ...algo(opts.type),
    userIDs: [{ name: opts.name ?? 'Test Signer', email: 'signer@example.org' }],
    date,
    keyExpirationTime: opts.expiresIn,
    subkeys,
    format: 'object',
  });
  if (opts.certifyOnlyPrimary) await makeCertifyOnly(privateKey, date);
  return finish(privateKey, opts.passphrase);
}

export async function revoked(k: TestKey): Promise<TestKey> {
  const { privateKey } = await revokeKey({ key: k.key, format: 'object' });
  return finish(privateKey as PrivateKey, k.passphrase);
}

/** Revokes one subkey (by index) of an unencrypted key. */
export async function withRevokedSubkey(k: TestKey, index: number): Promise<TestKey> {
  const key = k.key;
  key.subkeys[index] = await key.subkeys[index].revoke(key.keyPacket as never, undefined, new Date());
  return finish(key, k.passphrase);
}

/** Turns the secret part of one key packet into a gnu-dummy stub (`gpg --export-secret-subkeys`, smartcards). */
export async function withStub(k: TestKey, which: 'primary' | number): Promise<TestKey> {
  const key = await readPrivateKey({ armoredKey: k.armored });
  const packet = which === 'primary' ? key.keyPacket : key.subkeys[which].keyPacket;
  (packet as unknown as { makeDummy(): void }).makeDummy();
  return { ...k, armored: key.armor(), key };
}

/** Several keys in one armored block. */
export function concatenated(...keys: TestKey[]): string {
  const parts = keys.map((k) => k.key.write());
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    all.set(p, o);
    o += p.length;
  }
  return armor(enums.armor.privateKey, all);
}

/** Keys we must refuse, made the way a user would make them. */
export const refused = {
  /** RFC 9580 v6 key (openpgp.js with v6Keys). */
  v6: async () => (await generateKey({ type: 'curve25519', userIDs: [{ name: 'v6' }], config: { v6Keys: true }, format: 'object' })).privateKey,
  /** v4 key with RFC 9580 Ed25519 (algorithm 27). */
  ed25519Rfc9580: async () => (await generateKey({ type: 'curve25519', userIDs: [{ name: 'algo27' }], format: 'object' })).privateKey,
  rsa1024: async () =>
    (await generateKey({ type: 'rsa', rsaBits: 1024, userIDs: [{ name: 'weak' }], subkeys: [], config: { minRSABits: 1024 }, format: 'object' })).privateKey,
  ecdsa: async () => (await generateKey({ type: 'ecc', curve: 'nistP256', userIDs: [{ name: 'ecdsa' }], format: 'object' })).privateKey,
};
