import { ALGO_ECDH, ALGO_EDDSA, ALGO_RSA, keyHashPrefix, readKeyPacket, type KeyPacket } from './keys.js';
import { concat, need, u32, type Packet } from './packets.js';
import { readSecretForm, type SecretForm } from './secret.js';
import { readSig, SIG_CERTS, SIG_PRIMARY_BINDING, SIG_SUBKEY_BINDING, verifySig, type Sig } from './sigs.js';

/** One key packet of the transferable key, with the self-signature openpgp.js would use for it. */
export interface FastPart {
  key: KeyPacket;
  primary: boolean;
  secret: SecretForm;
  /** The newest (verified) self-certification of the user ID, or binding signature of the subkey. */
  binding: Sig;
  /** Verified primary-key binding back-signature, for signing subkeys. */
  backSig?: Sig;
  kind: 'rsa' | 'eddsa' | 'encrypt-only';
  canSign: boolean;
  expiresAt?: Date;
}

export interface FastKey {
  parts: FastPart[];
  userId: string;
  /** Every packet of the key in order, public (secret halves dropped), for publicKeyArmored. */
  publicPackets: Packet[];
}

const MAX_USER_ID = 5120; // openpgp.js config.maxUserIDLength

function kindOf(k: KeyPacket): FastPart['kind'] {
  if (k.algo === ALGO_RSA) {
    need(k.bits! >= 2048 && k.bits! <= 4096, 'RSA size');
    return 'rsa';
  }
  if (k.algo === ALGO_EDDSA) return 'eddsa';
  need(k.algo === ALGO_ECDH);
  return 'encrypt-only';
}

/** The newest of verified signatures; a tie, a future one or one older than the key is left to openpgp.js. */
function newest(sigs: Sig[], key: KeyPacket, now: Date): Sig {
  need(sigs.length > 0, 'no self-signature');
  for (const s of sigs) need(s.created.getTime() >= key.created.getTime() && s.created.getTime() <= now.getTime(), 'signature date');
  const sorted = [...sigs].sort((a, b) => b.created.getTime() - a.created.getTime());
  need(sorted.length === 1 || sorted[0].created.getTime() !== sorted[1].created.getTime(), 'two self-signatures of the same second');
  return sorted[0];
}

function expiry(key: KeyPacket, sig: Sig, now: Date): Date | undefined {
  const at = sig.keyExpiration ? new Date(key.created.getTime() + sig.keyExpiration * 1000) : undefined;
  need(!at || at.getTime() > now.getTime(), 'expired');
  need(key.created.getTime() <= now.getTime(), 'key from the future');
  return at;
}

/**
 * Reads exactly one v4 private key made of: the primary key, one user ID with its
 * self-certifications, and subkeys with their binding signatures. Every self-signature must verify;
 * revocations, direct-key signatures, third-party certifications, user attributes, several user
 * IDs or keys, and anything expired are not this path's business (NotSure).
 */
export function readFastKey(packets: Packet[], now: Date): FastKey {
  need(packets.length >= 3 && packets[0].tag === 5, 'not a secret key first');
  const primaryKey = readKeyPacket(packets[0].body, true);
  const pprefix = keyHashPrefix(primaryKey);
  const publicPackets: Packet[] = [{ tag: 6, body: primaryKey.publicBody }];
  need(packets[1].tag === 13, 'a user ID must follow the primary key');
  const uidBytes = packets[1].body;
  // Valid UTF-8 without a byte-order mark: then every decoder gives the same string.
  need(!(uidBytes[0] === 0xef && uidBytes[1] === 0xbb && uidBytes[2] === 0xbf), 'BOM');
  let userId = '';
  try {
    userId = new TextDecoder('utf-8', { fatal: true }).decode(uidBytes);
  } catch {
    need(false, 'user ID is not UTF-8');
  }
  need(userId.length <= MAX_USER_ID);
  publicPackets.push(packets[1]);
  let i = 2;
  const uidSigs: Sig[] = [];
  const uidPrefix = concat([pprefix, new Uint8Array([0xb4]), u32(uidBytes.length), uidBytes]);
  for (; i < packets.length && packets[i].tag === 2; i++) {
    const s = readSig(packets[i].body);
    need(SIG_CERTS.has(s.type) && verifySig(s, primaryKey, uidPrefix), 'user ID self-signature');
    uidSigs.push(s);
    publicPackets.push(packets[i]);
  }
  const pBinding = newest(uidSigs, primaryKey, now);
  const pKind = kindOf(primaryKey);
  need(pKind !== 'encrypt-only');
  const parts: FastPart[] = [{
    key: primaryKey, primary: true, secret: readSecretForm(primaryKey), binding: pBinding, kind: pKind,
    canSign: pBinding.keyFlags === undefined || (pBinding.keyFlags & 2) !== 0, expiresAt: expiry(primaryKey, pBinding, now),
  }];

  while (i < packets.length) {
    need(packets[i].tag === 7, `packet tag ${packets[i].tag}`);
    const sub = readKeyPacket(packets[i].body, true);
    publicPackets.push({ tag: 14, body: sub.publicBody });
    const prefix = concat([pprefix, keyHashPrefix(sub)]);
    const sigs: Sig[] = [];
    for (i++; i < packets.length && packets[i].tag === 2; i++) {
      const s = readSig(packets[i].body);
      need(s.type === SIG_SUBKEY_BINDING && verifySig(s, primaryKey, prefix), 'subkey binding signature');
      sigs.push(s);
      publicPackets.push(packets[i]);
    }
    const binding = newest(sigs, sub, now);
    const kind = kindOf(sub);
    const canSign = kind !== 'encrypt-only' && (binding.keyFlags === undefined || (binding.keyFlags & 2) !== 0);
    let backSig: Sig | undefined;
    if (canSign) {
      need(binding.embedded !== undefined, 'signing subkey without back-signature');
      backSig = readSig(binding.embedded);
      need(backSig.type === SIG_PRIMARY_BINDING && verifySig(backSig, sub, prefix), 'back-signature');
      need(backSig.created.getTime() <= now.getTime());
    }
    parts.push({ key: sub, primary: false, secret: readSecretForm(sub), binding, backSig, kind, canSign, expiresAt: expiry(sub, binding, now) });
  }
  return { parts, userId, publicPackets };
}
