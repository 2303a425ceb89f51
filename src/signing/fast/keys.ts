import { createHash, createPublicKey, type KeyObject } from 'node:crypto';
import { b64u } from '../native-key.js';
import { concat, need, readMpi, readU32 } from './packets.js';

export const ALGO_RSA = 1;
export const ALGO_ECDH = 18;
export const ALGO_EDDSA = 22;

const OID_ED25519 = Buffer.from('2b06010401da470f01', 'hex');
const OID_CV25519 = Buffer.from('2b060104019755010501', 'hex');
/** The KDF parameters ECDH cv25519 keys carry (version 1, hash, cipher), each a known value. */
const KDF_HASHES = new Set([8, 9, 10]);
const KDF_CIPHERS = new Set([7, 8, 9]);

/** A v4 key packet (primary or subkey), its public half and where its secret half starts. */
export interface KeyPacket {
  algo: number;
  created: Date;
  /** Version ‖ created ‖ algorithm ‖ public parameters: the public key packet's body. */
  publicBody: Uint8Array;
  /** The rest of a secret key packet (S2K usage onwards); undefined for a public one. */
  secret?: Uint8Array;
  fingerprint: string;
  keyId: string;
  /** RSA: n, e; EdDSA/ECDH: Q (0x40 ‖ point). */
  publicParams: { n?: Uint8Array; e?: Uint8Array; Q?: Uint8Array };
  /** RSA modulus bits. */
  bits?: number;
  /** For verifying signatures this key made (RSA, Ed25519 only). */
  verifier?: KeyObject;
}


function readOid(b: Uint8Array, o: number, oid: Uint8Array): number {
  need(b[o] === oid.length && Buffer.compare(b.subarray(o + 1, o + 1 + oid.length), oid) === 0, 'unsupported curve');
  return o + 1 + oid.length;
}

/** Parses a v4 key packet body (tags 5, 6, 7, 14) with an algorithm we know. */
export function readKeyPacket(body: Uint8Array, secret: boolean): KeyPacket {
  need(body.length > 6 && body[0] === 4, 'not a v4 key');
  const created = new Date(readU32(body, 1) * 1000);
  const algo = body[5];
  let o = 6;
  const pub: KeyPacket['publicParams'] = {};
  let bits: number | undefined;
  let verifier: KeyObject | undefined;
  if (algo === ALGO_RSA) {
    const n = readMpi(body, o);
    const e = readMpi(body, n.next);
    o = e.next;
    pub.n = n.value;
    pub.e = e.value;
    bits = (n.value.length - 1) * 8 + (32 - Math.clz32(n.value[0]));
    verifier = createPublicKey({ format: 'jwk', key: { kty: 'RSA', n: b64u(n.value), e: b64u(e.value) } });
  } else if (algo === ALGO_EDDSA) {
    o = readOid(body, o, OID_ED25519);
    const q = readMpi(body, o);
    need(q.value.length === 33 && q.value[0] === 0x40, 'bad ed25519 point');
    o = q.next;
    pub.Q = q.value;
    verifier = createPublicKey({ format: 'jwk', key: { kty: 'OKP', crv: 'Ed25519', x: b64u(q.value.subarray(1)) } });
  } else if (algo === ALGO_ECDH) {
    o = readOid(body, o, OID_CV25519);
    const q = readMpi(body, o);
    need(q.value.length === 33 && q.value[0] === 0x40, 'bad cv25519 point');
    o = q.next;
    pub.Q = q.value;
    need(body[o] === 3 && body[o + 1] === 1 && KDF_HASHES.has(body[o + 2]) && KDF_CIPHERS.has(body[o + 3]), 'unknown KDF parameters');
    o += 4;
  } else {
    need(false, 'unsupported algorithm');
  }
  const publicBody = body.subarray(0, o);
  need(secret ? o < body.length : o === body.length);
  const fpr = createHash('sha1').update(concat([new Uint8Array([0x99, publicBody.length >> 8, publicBody.length & 0xff]), publicBody])).digest('hex').toUpperCase();
  return { algo, created, publicBody, secret: secret ? body.subarray(o) : undefined, fingerprint: fpr, keyId: fpr.slice(24), publicParams: pub, bits, verifier };
}

/** The bytes a v4 signature over this key hashes for it (RFC 4880 §5.2.4): 0x99, 2-byte length, body. */
export function keyHashPrefix(k: KeyPacket): Uint8Array {
  need(k.publicBody.length < 0x10000);
  return concat([new Uint8Array([0x99, k.publicBody.length >> 8, k.publicBody.length & 0xff]), k.publicBody]);
}
