import { crc24Base64 } from '../armor.js';

/**
 * Reading OpenPGP bytes without openpgp.js, for the fast path (see fast/load-fast.ts). Every
 * function here returns undefined (or throws NotSure) on anything it does not fully understand;
 * the caller then leaves the key to openpgp.js.
 */
export class NotSure extends Error {}

export function need(cond: unknown, why = 'unexpected key shape'): asserts cond {
  if (!cond) throw new NotSure(why);
}

const BEGIN = '-----BEGIN PGP PRIVATE KEY BLOCK-----';
const END = '-----END PGP PRIVATE KEY BLOCK-----';

/**
 * The bytes of an armored private key block, normalised the way read-key.ts does (CRLF, indented
 * lines). Only a single block with the checksum right (or absent) and strict base64 is accepted.
 */
export function dearmorPrivateKey(armored: string): Uint8Array {
  const lines = armored.replace(/\r\n?/g, '\n').split('\n').map((l) => l.trim());
  while (lines.length && lines[0] === '') lines.shift();
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  need(lines[0] === BEGIN && lines[lines.length - 1] === END);
  let i = 1;
  while (i < lines.length - 1 && /^(Version|Comment): \S/.test(lines[i])) i++; // the armor headers gpg writes
  need(lines[i] === '');
  const body = lines.slice(i + 1, -1);
  let checksum: string | undefined;
  if (body.length && body[body.length - 1].startsWith('=')) checksum = body.pop()!.slice(1);
  const b64 = body.join('');
  need(/^[A-Za-z0-9+/]*={0,2}$/.test(b64) && b64.length % 4 === 0 && body.every((l) => l.length > 0));
  const data = new Uint8Array(Buffer.from(b64, 'base64'));
  need(Buffer.from(data).toString('base64') === b64, 'non-canonical base64');
  if (checksum !== undefined) need(/^[A-Za-z0-9+/]{4}$/.test(checksum) && checksum === crc24Base64(data), 'armor checksum');
  return data;
}

export interface Packet {
  tag: number;
  body: Uint8Array;
}

/** Packet framing (RFC 4880 §4.2): old and new format, definite lengths only (keys never use partial ones). */
export function readPackets(bytes: Uint8Array): Packet[] {
  const out: Packet[] = [];
  let o = 0;
  while (o < bytes.length) {
    const h = bytes[o++];
    need(h & 0x80);
    let tag: number;
    let len: number;
    if (h & 0x40) {
      tag = h & 0x3f;
      ({ len, next: o } = readLength(bytes, o, false));
    } else {
      tag = (h >> 2) & 0x0f;
      const lt = h & 3;
      need(lt !== 3, 'indeterminate length');
      const n = 1 << lt;
      need(o + n <= bytes.length);
      len = 0;
      for (let k = 0; k < n; k++) len = len * 256 + bytes[o++];
    }
    need(o + len <= bytes.length, 'truncated packet');
    out.push({ tag, body: bytes.subarray(o, o + len) });
    o += len;
  }
  return out;
}

/**
 * A new-format length (RFC 4880 §4.2.2): one octet below 192, two octets, or 255 and four. In a
 * packet header 224–254 are partial lengths, which keys never use; in a signature subpacket
 * (§5.2.3.1) all of 192–254 are two-octet lengths.
 */
function readLength(b: Uint8Array, o: number, subpacket: boolean): { len: number; next: number } {
  need(o < b.length);
  const l0 = b[o];
  if (l0 < 192) return { len: l0, next: o + 1 };
  if (l0 < (subpacket ? 255 : 224)) {
    need(o + 1 < b.length);
    return { len: ((l0 - 192) << 8) + b[o + 1] + 192, next: o + 2 };
  }
  need(l0 === 255 && o + 5 <= b.length, 'partial length');
  return { len: readU32(b, o + 1), next: o + 5 };
}

export function readU32(b: Uint8Array, o: number): number {
  return ((b[o] << 24) | (b[o + 1] << 16) | (b[o + 2] << 8) | b[o + 3]) >>> 0;
}

export function u32(n: number): Uint8Array {
  return new Uint8Array([(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff]);
}

export function concat(parts: Uint8Array[]): Uint8Array {
  return new Uint8Array(Buffer.concat(parts));
}

/** New-format header (what openpgp.js writes for every packet). */
export function newHeader(tag: number, length: number): Uint8Array {
  if (length < 192) return new Uint8Array([0xc0 | tag, length]);
  if (length < 8384) return new Uint8Array([0xc0 | tag, ((length - 192) >> 8) + 192, (length - 192) & 0xff]);
  return concat([new Uint8Array([0xc0 | tag, 0xff]), u32(length)]);
}

/**
 * A canonical MPI at `o` (bit count exactly the value's, no leading zero byte): openpgp.js
 * re-encodes MPIs when it writes keys, so only canonical ones keep fingerprints and bytes equal.
 */
export function readMpi(b: Uint8Array, o: number): { value: Uint8Array; next: number } {
  need(o + 2 <= b.length);
  const bits = (b[o] << 8) | b[o + 1];
  const n = (bits + 7) >> 3;
  need(n > 0 && o + 2 + n <= b.length);
  const value = b.subarray(o + 2, o + 2 + n);
  need(32 - Math.clz32(value[0]) === bits - (n - 1) * 8, 'non-canonical MPI');
  return { value, next: o + 2 + n };
}

export interface Subpacket {
  type: number;
  critical: boolean;
  body: Uint8Array;
}

/** A signature subpacket area (RFC 4880 §5.2.3.1). */
export function readSubpackets(b: Uint8Array): Subpacket[] {
  const out: Subpacket[] = [];
  let o = 0;
  while (o < b.length) {
    let len: number;
    ({ len, next: o } = readLength(b, o, true));
    need(len >= 1 && o + len <= b.length, 'bad subpacket');
    out.push({ type: b[o] & 0x7f, critical: (b[o] & 0x80) !== 0, body: b.subarray(o + 1, o + len) });
    o += len;
  }
  return out;
}
