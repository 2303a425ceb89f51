import { enums, type PrivateKey, type SignaturePacket, type Subkey } from 'openpgp';
import { FULL_CONFIG, MIN_RSA_BITS } from './policy.js';
import { safeLibraryMessage } from './read-key.js';

export type KeyPart = PrivateKey | Subkey;

/** What one key packet (primary or subkey) can do today, found once so errors can name the reason. */
export interface PartStatus {
  part: KeyPart;
  primary: boolean;
  /** 16 upper-case hex digits. */
  keyId: string;
  /** 40 upper-case hex digits. */
  fingerprint: string;
  /** e.g. "rsa4096", "ed25519", "dsa", "ecdh cv25519". */
  algo: string;
  kind: 'rsa' | 'eddsa' | 'rfc9580' | 'encrypt-only' | 'unsupported';
  /** Algorithm can sign and the self/binding signature's key flags allow it. */
  canSign: boolean;
  validity: 'valid' | 'revoked' | 'expired' | 'invalid';
  /** Why `invalid` (a safe library message). */
  invalidReason?: string;
  /** When this part stops being valid; undefined = never. */
  expiresAt?: Date;
  /** The secret key material is in the export (not a gnu-dummy stub, e.g. a smartcard key). */
  hasSecret: boolean;
  /** The self-certification (primary) or binding signature (subkey) in force now. */
  binding?: SignaturePacket;
  /** Usable for our signatures: canSign, valid, hasSecret, a supported algorithm of enough strength. */
  usable: boolean;
}

const SIGN_ALGOS = new Set(['rsaEncryptSign', 'rsaSign', 'dsa', 'ecdsa', 'eddsaLegacy', 'ed25519', 'ed448']);
const RFC9580_ALGOS = new Set(['ed25519', 'ed448', 'x25519', 'x448']);
const CURVE_NAMES: Record<string, string> = { ed25519Legacy: 'ed25519', curve25519Legacy: 'cv25519' };

export function describePart(s: PartStatus): string {
  return `${s.primary ? 'primary key' : 'subkey'} ${s.keyId} (${s.algo})`;
}

function classify(part: KeyPart): { algo: string; kind: PartStatus['kind']; signAlgo: boolean } {
  const info = part.getAlgorithmInfo();
  const name = String(info.algorithm);
  const curve = info.curve ? (CURVE_NAMES[info.curve] ?? String(info.curve)) : undefined;
  const signAlgo = SIGN_ALGOS.has(name);
  if (part.keyPacket.version === 6 || RFC9580_ALGOS.has(name)) return { algo: `${name} v${part.keyPacket.version}`, kind: 'rfc9580', signAlgo };
  if (name === 'rsaEncryptSign' || name === 'rsaSign') return { algo: `rsa${info.bits ?? ''}`, kind: (info.bits ?? 0) >= MIN_RSA_BITS ? 'rsa' : 'unsupported', signAlgo };
  if (name === 'eddsaLegacy') return { algo: curve ?? 'eddsa', kind: curve === 'ed25519' ? 'eddsa' : 'unsupported', signAlgo };
  if (!signAlgo) return { algo: curve ? `${name} ${curve}` : name, kind: 'encrypt-only', signAlgo };
  return { algo: curve ? `${name} ${curve}` : name, kind: 'unsupported', signAlgo };
}

function newest(sigs: SignaturePacket[]): SignaturePacket | undefined {
  return [...sigs].sort((a, b) => (b.created?.getTime() ?? 0) - (a.created?.getTime() ?? 0))[0];
}

function flagsAllowSigning(sig: SignaturePacket | undefined): boolean {
  // Without a key-flags subpacket (very old keys) the algorithm decides, as in gpg.
  if (!sig?.keyFlags || sig.keyFlags.length === 0) return true;
  return (sig.keyFlags[0] & enums.keyFlags.signData) !== 0;
}

function validityFrom(e: unknown): { validity: PartStatus['validity']; invalidReason?: string } {
  const m = e instanceof Error ? e.message : '';
  if (/revoked/i.test(m)) return { validity: 'revoked' };
  if (/expired/i.test(m)) return { validity: 'expired' };
  return { validity: 'invalid', invalidReason: safeLibraryMessage(e) };
}

function toDate(t: Date | number | null): Date | undefined {
  return t instanceof Date ? t : undefined;
}

function hasSecretMaterial(part: KeyPart): boolean {
  const p = part.keyPacket as { isDummy?: () => boolean; isMissingSecretKeyMaterial?: () => boolean };
  if (typeof p.isDummy !== 'function') return false; // a public (sub)key packet
  return !p.isDummy() && !(p.isMissingSecretKeyMaterial?.() ?? false);
}

async function primaryStatus(key: PrivateKey, now: Date): Promise<Omit<PartStatus, 'usable'>> {
  const c = classify(key);
  let v: ReturnType<typeof validityFrom> = { validity: 'valid' };
  let binding: SignaturePacket | undefined;
  try {
    await key.verifyPrimaryKey(now, undefined, FULL_CONFIG);
    binding = (await key.getPrimaryUser(now, undefined, FULL_CONFIG)).selfCertification;
  } catch (e) {
    v = validityFrom(e);
  }
  const flagsSig = binding ?? newest(key.users.flatMap((u) => u.selfCertifications));
  let expiresAt: Date | undefined;
  try {
    expiresAt = toDate(await key.getExpirationTime(undefined, FULL_CONFIG));
  } catch {
    expiresAt = undefined;
  }
  return {
    part: key, primary: true, keyId: key.getKeyID().toHex().toUpperCase(), fingerprint: key.getFingerprint().toUpperCase(),
    algo: c.algo, kind: c.kind, canSign: c.signAlgo && flagsAllowSigning(flagsSig), ...v, expiresAt, hasSecret: hasSecretMaterial(key), binding,
  };
}

async function subkeyStatus(sub: Subkey, now: Date): Promise<Omit<PartStatus, 'usable'>> {
  const c = classify(sub);
  let v: ReturnType<typeof validityFrom> = { validity: 'valid' };
  let binding: SignaturePacket | undefined;
  try {
    binding = await sub.verify(now, FULL_CONFIG);
  } catch (e) {
    v = validityFrom(e);
  }
  let expiresAt: Date | undefined;
  try {
    expiresAt = toDate(await sub.getExpirationTime(now, FULL_CONFIG));
  } catch {
    expiresAt = undefined;
  }
  return {
    part: sub, primary: false, keyId: sub.getKeyID().toHex().toUpperCase(), fingerprint: sub.getFingerprint().toUpperCase(),
    algo: c.algo, kind: c.kind, canSign: c.signAlgo && flagsAllowSigning(binding ?? newest(sub.bindingSignatures)), ...v, expiresAt,
    hasSecret: hasSecretMaterial(sub), binding,
  };
}

/**
 * The status of every key packet at `now`: the primary first, then subkeys newest first (the
 * order gpg and openpgp.js pick a signing key in). A part that looks usable is also run through
 * openpgp.js's own getSigningKey, so anything it would refuse later (a subkey without its
 * back-signature, say) is caught here with a reason.
 */
export async function inspectKey(key: PrivateKey, now: Date): Promise<PartStatus[]> {
  const subkeys = [...key.subkeys].sort((a, b) => b.getCreationTime().getTime() - a.getCreationTime().getTime() || b.keyPacket.algorithm - a.keyPacket.algorithm);
  const parts = [await primaryStatus(key, now), ...(await Promise.all(subkeys.map((s) => subkeyStatus(s, now))))];
  const primaryValid = parts[0].validity === 'valid';
  const out: PartStatus[] = [];
  for (const p of parts) {
    const s: PartStatus = { ...p, usable: primaryValid && p.canSign && p.validity === 'valid' && p.hasSecret && (p.kind === 'rsa' || p.kind === 'eddsa') };
    if (s.usable) {
      try {
        const chosen = await key.getSigningKey(s.part.getKeyID(), now, undefined, FULL_CONFIG);
        if (chosen.getFingerprint() !== s.part.getFingerprint()) throw new Error('openpgp.js chose a different key');
      } catch (e) {
        s.usable = false;
        s.validity = 'invalid';
        s.invalidReason = safeLibraryMessage(e);
      }
    }
    out.push(s);
  }
  return out;
}
