import { constants, createPrivateKey, createPublicKey, privateEncrypt, sign as nodeSign, type KeyObject } from 'node:crypto';

/** OpenPGP public-key algorithm IDs we sign with. */
export const PUBKEY_RSA = 1;
export const PUBKEY_EDDSA_LEGACY = 22;

/**
 * The signing (sub)key as Node/OpenSSL holds it. fast/ (common keys) or load.ts (openpgp.js) reads,
 * checks and unlocks the key;
 * the signatures are then made by OpenSSL over a digest we compute while streaming the data, so
 * a large file is hashed once and never copied.
 */
export interface NativeKey {
  pubkeyAlgo: typeof PUBKEY_RSA | typeof PUBKEY_EDDSA_LEGACY;
  /** The signature's algorithm-specific MPIs for a SHA-512 digest (RSA: s; EdDSA: r, s). */
  sign(digest: Uint8Array): Uint8Array[];
}

interface RsaParams {
  n: Uint8Array;
  e: Uint8Array;
  d: Uint8Array;
  p: Uint8Array;
  q: Uint8Array;
  u: Uint8Array;
}

/** base64url of bytes (for JWK fields), without copying them. */
export const b64u = (b: Uint8Array): string => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('base64url');
const big = (b: Uint8Array) => BigInt(`0x${Buffer.from(b).toString('hex') || '0'}`);
const bytes = (n: bigint) => {
  const h = n.toString(16);
  return new Uint8Array(Buffer.from(h.length % 2 ? `0${h}` : h, 'hex'));
};

/** DER DigestInfo prefix for SHA-512 (RFC 8017 §9.2 note 1): what RSASSA-PKCS1-v1_5 signs. */
const SHA512_DIGEST_INFO = Buffer.from('3051300d060960864801650304020305000440', 'hex');

/** Thrown when the secret half of a key does not belong to its public half (a damaged or tampered key). */
export class KeyMismatchError extends Error {}

/**
 * OpenSSL with a p, q or CRT value that does not match n could sign wrongly, and a wrong RSA-CRT
 * signature gives away the key; so the secret half is checked against the public half first. The
 * checks are exact (openpgp.js's packet.validate() does the same with a random factor, ten times
 * slower): n = p·q, u = p⁻¹ mod q, and e·d = 1 modulo both p − 1 and q − 1.
 */
function checkRsa(n: bigint, e: bigint, d: bigint, p: bigint, q: bigint, u: bigint): void {
  const ed = e * d;
  if (p < 2n || q < 2n || p * q !== n) throw new KeyMismatchError('n is not p * q');
  if ((p * u) % q !== 1n) throw new KeyMismatchError('u is not the inverse of p mod q');
  if (ed % (p - 1n) !== 1n || ed % (q - 1n) !== 1n) throw new KeyMismatchError('d is not the inverse of e');
}

function rsaKey(pub: { n: Uint8Array; e: Uint8Array }, priv: RsaParams): KeyObject {
  checkRsa(big(pub.n), big(pub.e), big(priv.d), big(priv.p), big(priv.q), big(priv.u));
  // OpenPGP stores u = p⁻¹ mod q; JWK wants qi = q⁻¹ mod p. Swapping p and q makes u that value.
  const [p, q, d] = [big(priv.q), big(priv.p), big(priv.d)];
  return createPrivateKey({
    format: 'jwk',
    key: { kty: 'RSA', n: b64u(pub.n), e: b64u(pub.e), d: b64u(priv.d), p: b64u(bytes(p)), q: b64u(bytes(q)), dp: b64u(bytes(d % (p - 1n))), dq: b64u(bytes(d % (q - 1n))), qi: b64u(priv.u) },
  });
}

/** PKCS #8 wrapping of a raw Ed25519 seed (RFC 8410 §7): the prefix before the 32 bytes. */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

function ed25519Key(pub: { Q: Uint8Array }, priv: { seed: Uint8Array }): KeyObject {
  // Q is 0x40 followed by the 32-byte point; the seed may have lost leading zero bytes as an MPI.
  if (priv.seed.length > 32) throw new KeyMismatchError('the seed is longer than 32 bytes');
  const seed = new Uint8Array(32);
  seed.set(priv.seed, 32 - priv.seed.length);
  const key = createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  // The public key derived from the seed must be the one the key packet carries.
  const derived = createPublicKey(key).export({ format: 'jwk' }).x;
  if (pub.Q.length !== 33 || pub.Q[0] !== 0x40 || derived !== b64u(pub.Q.subarray(1))) throw new KeyMismatchError('the public point is not the one of the seed');
  return key;
}

/**
 * From an unlocked openpgp.js key packet (RSA or EdDSA-legacy ed25519, checked by the caller).
 * Throws KeyMismatchError when the secret parameters do not belong to the public ones.
 */
export function nativeKey(algorithm: 'rsa' | 'eddsa', publicParams: object, privateParams: object): NativeKey {
  if (algorithm === 'rsa') {
    const key = rsaKey(publicParams as RsaParams, privateParams as RsaParams);
    return {
      pubkeyAlgo: PUBKEY_RSA,
      sign: (digest) => [privateEncrypt({ key, padding: constants.RSA_PKCS1_PADDING }, Buffer.concat([SHA512_DIGEST_INFO, digest]))],
    };
  }
  const key = ed25519Key(publicParams as { Q: Uint8Array }, privateParams as { seed: Uint8Array });
  return {
    pubkeyAlgo: PUBKEY_EDDSA_LEGACY,
    // EdDSA in OpenPGP v4 signs the digest itself; the 64-byte signature is R ‖ S, each an MPI.
    sign: (digest) => {
      const sig = nodeSign(null, digest, key);
      return [sig.subarray(0, 32), sig.subarray(32)];
    },
  };
}
