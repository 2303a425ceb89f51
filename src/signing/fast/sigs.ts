import { constants, createHash, verify } from 'node:crypto';
import { ALGO_EDDSA, ALGO_RSA, type KeyPacket } from './keys.js';
import { concat, need, readMpi, readSubpackets, readU32, u32, type Subpacket } from './packets.js';

/** Signature types (RFC 4880 §5.2.1) of a key's self-signatures. */
export const SIG_CERTS = new Set([0x10, 0x11, 0x12, 0x13]);
export const SIG_SUBKEY_BINDING = 0x18;
export const SIG_PRIMARY_BINDING = 0x19;

const HASH_NAMES: Record<number, string> = { 8: 'sha256', 9: 'sha384', 10: 'sha512' };
/** Hashed subpackets we read: creation time, key expiry, primary user ID, key flags, issuers, embedded signature. */
const READ = new Set([2, 9, 16, 25, 27, 32, 33]);
/** Hashed subpackets that change nothing about validity or use (preferences, features, notations, ...). */
const IGNORED = new Set([7, 11, 20, 21, 22, 23, 24, 26, 28, 30, 34, 39]);
/** Subpacket types openpgp.js takes from the unhashed area (issuers and the embedded back-signature). */
const UNHASHED_OK = new Set([16, 32, 33]);
const CRITICAL_OK = new Set([2, 9, 25, 27, 32]);

/** A v4 signature packet, with the fields validity depends on. */
export interface Sig {
  type: number;
  pubAlgo: number;
  hashAlgo: number;
  created: Date;
  /** Seconds after the key's creation; undefined or 0 = never expires. */
  keyExpiration?: number;
  keyFlags?: number;
  primaryUserId: boolean;
  issuerKeyId: string;
  embedded?: Uint8Array;
  /** Version through the hashed subpackets: what the signature hashes after the signed data. */
  hashedPart: Uint8Array;
  hashPrefix: Uint8Array;
  mpis: Uint8Array[];
}

function writeSubpacketLength(n: number): Uint8Array {
  if (n < 192) return new Uint8Array([n]);
  if (n < 8384) return new Uint8Array([((n - 192) >> 8) + 192, (n - 192) & 0xff]);
  return concat([new Uint8Array([255]), u32(n)]);
}

function one(subs: Subpacket[], type: number): Subpacket | undefined {
  const found = subs.filter((s) => s.type === type);
  need(found.length <= 1, 'duplicate subpacket');
  return found[0];
}

export function readSig(body: Uint8Array): Sig {
  need(body.length > 10 && body[0] === 4, 'not a v4 signature');
  const [, type, pubAlgo, hashAlgo] = body;
  need(HASH_NAMES[hashAlgo] !== undefined, 'hash algorithm');
  const hlen = (body[4] << 8) | body[5];
  need(6 + hlen + 2 <= body.length);
  const hashedPart = body.subarray(0, 6 + hlen);
  const hashed = readSubpackets(body.subarray(6, 6 + hlen));
  let o = 6 + hlen;
  const ulen = (body[o] << 8) | body[o + 1];
  need(o + 2 + ulen + 2 <= body.length);
  const unhashedBytes = body.subarray(o + 2, o + 2 + ulen);
  const unhashed = readSubpackets(unhashedBytes);
  // openpgp.js writes the unhashed area again from what it parsed: only minimal lengths survive that.
  const rewritten = concat(unhashed.map((s) => concat([writeSubpacketLength(s.body.length + 1), new Uint8Array([(s.critical ? 0x80 : 0) | s.type]), s.body])));
  need(Buffer.compare(rewritten, unhashedBytes) === 0, 'non-minimal subpacket lengths');
  o += 2 + ulen;
  const hashPrefix = body.subarray(o, o + 2);
  o += 2;
  const mpis: Uint8Array[] = [];
  const count = pubAlgo === ALGO_RSA ? 1 : pubAlgo === ALGO_EDDSA ? 2 : 0;
  need(count > 0, 'signature algorithm');
  for (let i = 0; i < count; i++) {
    const m = readMpi(body, o);
    mpis.push(m.value);
    o = m.next;
  }
  need(o === body.length, 'trailing signature bytes');

  for (const s of hashed) need((READ.has(s.type) || IGNORED.has(s.type)) && (!s.critical || CRITICAL_OK.has(s.type)), `subpacket ${s.type}`);
  for (const s of unhashed) need(UNHASHED_OK.has(s.type) && !s.critical, `unhashed subpacket ${s.type}`);
  const created = one(hashed, 2);
  need(created && created.body.length === 4, 'creation time');
  const exp = one(hashed, 9);
  need(!exp || exp.body.length === 4);
  const flags = one(hashed, 27);
  need(!flags || flags.body.length >= 1, 'empty key flags');
  const primary = one(hashed, 25);
  need(!primary || (primary.body.length === 1 && primary.body[0] <= 1));
  const embeddedAll = [...hashed, ...unhashed].filter((s) => s.type === 32);
  need(embeddedAll.length <= 1);
  // Issuer: key ID and/or v4 fingerprint, in either area; all that are given must agree.
  const ids = [...hashed, ...unhashed].flatMap((s) => {
    if (s.type === 16) return [(need(s.body.length === 8), Buffer.from(s.body).toString('hex').toUpperCase())];
    if (s.type === 33) return [(need(s.body.length === 21 && s.body[0] === 4), Buffer.from(s.body.subarray(13)).toString('hex').toUpperCase())];
    return [];
  });
  need(ids.length > 0 && ids.every((i) => i === ids[0]), 'issuer');
  return {
    type,
    pubAlgo,
    hashAlgo,
    created: new Date(readU32(created.body, 0) * 1000),
    keyExpiration: exp ? readU32(exp.body, 0) : undefined,
    keyFlags: flags?.body[0],
    primaryUserId: primary?.body[0] === 1,
    issuerKeyId: ids[0],
    embedded: embeddedAll[0]?.body,
    hashedPart,
    hashPrefix,
    mpis,
  };
}

function leftPad(b: Uint8Array, n: number): Buffer {
  need(b.length <= n);
  const out = Buffer.alloc(n);
  out.set(b, n - b.length);
  return out;
}

/**
 * Whether `sig`, by `signer`, is a good signature over `prefix` (the key, user ID or subkey
 * framing of RFC 4880 §5.2.4), with the 2-byte quick check openpgp.js checks too.
 */
export function verifySig(sig: Sig, signer: KeyPacket, prefix: Uint8Array): boolean {
  if (sig.pubAlgo !== signer.algo || !signer.verifier || sig.issuerKeyId !== signer.keyId) return false;
  const data = concat([prefix, sig.hashedPart, new Uint8Array([4, 0xff]), u32(sig.hashedPart.length)]);
  const name = HASH_NAMES[sig.hashAlgo];
  const digest = createHash(name).update(data).digest();
  if (digest[0] !== sig.hashPrefix[0] || digest[1] !== sig.hashPrefix[1]) return false;
  if (sig.pubAlgo === ALGO_RSA) {
    const n = signer.publicParams.n!;
    return verify(name, data, { key: signer.verifier, padding: constants.RSA_PKCS1_PADDING }, leftPad(sig.mpis[0], n.length));
  }
  return verify(null, digest, signer.verifier, Buffer.concat([leftPad(sig.mpis[0], 32), leftPad(sig.mpis[1], 32)]));
}
