import { createDecipheriv, createHash } from 'node:crypto';
import { ALGO_ECDH, ALGO_EDDSA, ALGO_RSA, type KeyPacket } from './keys.js';
import { need } from './packets.js';

/** How the secret half of a key packet is stored, as far as the fast path reads it. */
export type SecretForm =
  | { kind: 'plain'; material: Uint8Array }
  | { kind: 'encrypted'; cipher: number; hash: number; salt: Uint8Array; count: number; iv: Uint8Array; data: Uint8Array }
  | { kind: 'stub' };

/** AES-128/192/256 (RFC 4880 §9.2) → key bytes. */
const AES_KEY_BYTES: Record<number, number> = { 7: 16, 8: 24, 9: 32 };
const HASHES: Record<number, string> = { 2: 'sha1', 8: 'sha256', 10: 'sha512' };

/**
 * The secret part of a key packet: unprotected (S2K usage 0, 2-byte checksum), protected the way
 * gpg 2.2 and openpgp.js export (usage 254, iterated+salted S2K, AES, SHA-1 check), or a GnuPG
 * stub without the secret (`--export-secret-subkeys`). Anything else is left to openpgp.js.
 */
export function readSecretForm(k: KeyPacket): SecretForm {
  const s = k.secret;
  need(s !== undefined && s.length > 0);
  if (s[0] === 0) {
    const material = s.subarray(1, -2);
    let sum = 0;
    for (const b of material) sum = (sum + b) & 0xffff;
    need(s.length >= 3 && sum === ((s[s.length - 2] << 8) | s[s.length - 1]), 'secret checksum');
    privateParams(k.algo, material); // must parse exactly, as openpgp.js insists on reading it
    return { kind: 'plain', material };
  }
  need((s[0] === 254 || s[0] === 255) && s.length > 3, 'unsupported S2K usage');
  const cipher = s[1];
  if (s[2] === 101) {
    // GnuPG extension: hash octet, "GNU", mode 1 = no secret at all (a stub).
    need(s.length === 8 && Buffer.from(s.subarray(4, 7)).toString('latin1') === 'GNU' && s[7] === 1, 'unknown GnuPG S2K');
    return { kind: 'stub' };
  }
  need(s[0] === 254, 'S2K usage 255');
  need(AES_KEY_BYTES[cipher] !== undefined && s[2] === 3 && HASHES[s[3]] !== undefined, 'unsupported S2K');
  need(s.length > 4 + 8 + 1 + 16 + 20);
  const c = s[12];
  return { kind: 'encrypted', cipher, hash: s[3], salt: s.subarray(4, 12), count: (16 + (c & 15)) << ((c >> 4) + 6), iv: s.subarray(13, 29), data: s.subarray(29) };
}

/** Iterated and salted S2K (RFC 4880 §3.7.1.3), hashed in blocks rather than one count-sized buffer. */
function s2kKey(f: Extract<SecretForm, { kind: 'encrypted' }>, passphrase: Uint8Array): Buffer {
  const unit = Buffer.concat([f.salt, passphrase]);
  const count = Math.max(f.count, unit.length);
  const block = Buffer.alloc(unit.length * Math.max(1, Math.floor(65536 / unit.length)));
  for (let o = 0; o < block.length; o += unit.length) unit.copy(block, o);
  const keyBytes = AES_KEY_BYTES[f.cipher];
  const parts: Buffer[] = [];
  for (let round = 0, have = 0; have < keyBytes; round++) {
    const h = createHash(HASHES[f.hash]);
    h.update(Buffer.alloc(round));
    let left = count;
    for (; left >= block.length; left -= block.length) h.update(block);
    h.update(block.subarray(0, left));
    const d = h.digest();
    parts.push(d);
    have += d.length;
  }
  return Buffer.concat(parts).subarray(0, keyBytes);
}

/** The cleartext secret parameters, or undefined when this passphrase does not pass the SHA-1 check. */
export function decryptSecret(f: Extract<SecretForm, { kind: 'encrypted' }>, passphrase: string): Uint8Array | undefined {
  const key = s2kKey(f, Buffer.from(passphrase, 'utf8'));
  const d = createDecipheriv(`aes-${AES_KEY_BYTES[f.cipher] * 8}-cfb`, key, f.iv);
  const clear = Buffer.concat([d.update(f.data), d.final()]);
  key.fill(0);
  const material = clear.subarray(0, -20);
  if (!createHash('sha1').update(material).digest().equals(clear.subarray(-20))) {
    clear.fill(0);
    return undefined;
  }
  const copy = new Uint8Array(material);
  clear.fill(0);
  return copy;
}

/** An MPI as openpgp.js reads a secret one: its byte length from its bit count. */
function looseMpi(b: Uint8Array, o: number): { value: Uint8Array; next: number } {
  need(o + 2 <= b.length);
  const n = (((b[o] << 8) | b[o + 1]) + 7) >> 3;
  need(o + 2 + n <= b.length);
  return { value: b.subarray(o + 2, o + 2 + n), next: o + 2 + n };
}

/** The secret parameters of an algorithm, which must fill `material` exactly. */
export function privateParams(algo: number, material: Uint8Array): Record<string, Uint8Array> {
  const names = algo === ALGO_RSA ? ['d', 'p', 'q', 'u'] : algo === ALGO_EDDSA ? ['seed'] : algo === ALGO_ECDH ? ['d'] : [];
  need(names.length > 0);
  const out: Record<string, Uint8Array> = {};
  let o = 0;
  for (const name of names) {
    const m = looseMpi(material, o);
    out[name] = m.value;
    o = m.next;
  }
  need(o === material.length, 'trailing secret bytes');
  return out;
}
