import { createHash } from 'node:crypto';
import type { NativeKey } from './native-key.js';

/** RFC 9580 §5.2.1 signature types we make. */
export const SIG_BINARY = 0x00;
export const SIG_TEXT = 0x01;
/** SHA-512 (RFC 9580 §9.5), for every signature: never SHA-1, and the same for RSA and EdDSA. */
export const HASH_SHA512 = 10;

export interface Issuer {
  native: NativeKey;
  /** 8 bytes. */
  keyId: Uint8Array;
  /** 20 bytes (v4). */
  fingerprint: Uint8Array;
}

function subpacket(type: number, body: Uint8Array): Uint8Array {
  // All our subpackets are shorter than 192 bytes: one length octet (length counts the type octet).
  return new Uint8Array([body.length + 1, type, ...body]);
}

function u32(n: number): Uint8Array {
  return new Uint8Array([(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff]);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** A multiprecision integer: bit count, then the big-endian value without leading zero bytes. */
function mpi(value: Uint8Array): Uint8Array {
  let i = 0;
  while (i < value.length - 1 && value[i] === 0) i++;
  const v = value.subarray(i);
  const bits = v[0] === 0 ? 0 : (v.length - 1) * 8 + (32 - Math.clz32(v[0]));
  return concat([new Uint8Array([bits >> 8, bits & 0xff]), v]);
}

/** New-format packet header (RFC 9580 §4.2.1) for tag 2. */
function header(length: number): Uint8Array {
  if (length < 192) return new Uint8Array([0xc2, length]);
  if (length < 8384) return new Uint8Array([0xc2, ((length - 192) >> 8) + 192, (length - 192) & 0xff]);
  return concat([new Uint8Array([0xc2, 0xff]), u32(length)]);
}

/**
 * The hashed part of a v4 signature, laid out as gpg 2.2 does: Issuer Fingerprint (33) and
 * Signature Creation Time (2) hashed; Issuer Key ID (16) goes in the unhashed area.
 */
function hashedPart(sigType: number, issuer: Issuer, created: Date): Uint8Array {
  const sub = concat([subpacket(33, concat([new Uint8Array([4]), issuer.fingerprint])), subpacket(2, u32(Math.floor(created.getTime() / 1000)))]);
  return concat([new Uint8Array([4, sigType, issuer.native.pubkeyAlgo, HASH_SHA512, sub.length >> 8, sub.length & 0xff]), sub]);
}

/**
 * A v4 signature packet over `chunks` (hashed as they come, never concatenated): the digest is
 * SHA-512(data ‖ hashed part ‖ 0x04 0xFF ‖ length of hashed part), RFC 9580 §5.2.4.
 */
export async function signaturePacket(sigType: number, issuer: Issuer, created: Date, chunks: Iterable<Uint8Array> | AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const hashed = hashedPart(sigType, issuer, created);
  const h = createHash('sha512');
  for await (const c of chunks) h.update(c);
  h.update(hashed);
  h.update(concat([new Uint8Array([4, 0xff]), u32(hashed.length)]));
  const digest = new Uint8Array(h.digest());
  const unhashed = subpacket(16, issuer.keyId);
  const body = concat([hashed, new Uint8Array([0, unhashed.length]), unhashed, digest.subarray(0, 2), ...issuer.native.sign(digest).map(mpi)]);
  return concat([header(body.length), body]);
}
