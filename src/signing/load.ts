import type { PrivateKey, SecretKeyPacket } from 'openpgp';
import { ConfigurationError } from '../core/errors.js';
import { inspectKey, describePart, type PartStatus } from './inspect.js';
import { EXPORT_FIX, FULL_CONFIG } from './policy.js';
import { readArmoredPrivateKeys, safeLibraryMessage } from './read-key.js';
import { matchesId, normalizeKeyId, selectPart } from './select.js';
import { nativeKey, type NativeKey } from './native-key.js';
import { OpenPgpSigner } from './signer.js';
import type { Signer } from './types.js';

/** Where loadSigner reports what it decided (ActionIO fits). Never given secrets. */
export interface SigningLog {
  info(message: string): void;
  warning(message: string): void;
}

export interface LoadSignerOptions {
  passphrase?: string;
  /** 16-hex key ID or 40-hex fingerprint of the (sub)key to sign with. */
  keyId?: string;
  /** Fixed signature creation time (SOURCE_DATE_EPOCH): same key + data + date = same bytes. */
  date?: Date;
  log?: SigningLog;
  /** The current time, for tests; defaults to now. */
  now?: Date;
}

/** A signature dated later than this past "now" is refused: gpg rejects signatures from the future. */
const FUTURE_SLACK_MS = 5 * 60 * 1000;
const EXPIRY_WARNING_MS = 30 * 24 * 3600 * 1000;
const iso = (d: Date): string => d.toISOString().replace('.000Z', 'Z');

function pickKey(keys: PrivateKey[], keyId: string | undefined): PrivateKey {
  if (keys.length === 1) return keys[0];
  const fprs = keys.map((k) => k.getFingerprint().toUpperCase()).join(', ');
  if (keyId !== undefined) {
    const id = normalizeKeyId(keyId);
    const hits = keys.filter((k) => k.getKeys().some((p) => (id.length === 40 ? p.getFingerprint() : p.getKeyID().toHex()).toUpperCase() === id));
    if (hits.length === 1) return hits[0];
  }
  throw new ConfigurationError(`signing-key holds ${keys.length} keys (${fprs}); it must hold one`, { fix: `export just one: ${EXPORT_FIX}, or set signing-key-id to the one to use` });
}

/**
 * Decrypts the chosen key packet and returns it as an OpenSSL key, after checking that its secret
 * half belongs to its public half (nativeKey does, exactly and in well under a millisecond).
 */
async function unlock(status: PartStatus, passphrase: string | undefined, log: SigningLog | undefined): Promise<NativeKey> {
  const packet = status.part.keyPacket as SecretKeyPacket;
  const what = describePart(status);
  if (packet.isDecrypted()) {
    if (passphrase) log?.info(`signing-passphrase is set but ${what} is not passphrase-protected; it is not needed`);
  } else {
    if (!passphrase)
      throw new ConfigurationError(`${what} is passphrase-protected but signing-passphrase is empty`, { fix: 'store the passphrase as a secret and pass it as signing-passphrase (or export the key without a passphrase)' });
    // A secret pasted with a trailing newline is the usual reason a right passphrase fails.
    const candidates = [...new Set([passphrase, passphrase.replace(/\r?\n$/, ''), passphrase.trim()])];
    let unlocked = false;
    let other: unknown;
    for (const p of candidates) {
      try {
        await packet.decrypt(p);
        unlocked = true;
        break;
      } catch (e) {
        if (!/passphrase/i.test(e instanceof Error ? e.message : '')) other = e;
      }
    }
    if (!unlocked && other !== undefined)
      throw new ConfigurationError(`${what} could not be unlocked (${safeLibraryMessage(other)})`, { fix: `export it again with ${EXPORT_FIX}` });
    if (!unlocked) throw new ConfigurationError(`signing-passphrase is wrong for ${what}`, { fix: 'set signing-passphrase to the passphrase gpg asks for when using this key' });
  }
  try {
    return nativeKey(status.kind === 'rsa' ? 'rsa' : 'eddsa', packet.publicParams, packet.privateParams ?? {});
  } catch (e) {
    throw new ConfigurationError(`${what} is damaged: its secret and public parts do not match (${safeLibraryMessage(e)})`, { fix: `export it again with ${EXPORT_FIX}` });
  }
}

/** The earliest time the chosen key can carry a signature: nothing about it may postdate the signature. */
function validFrom(primary: PartStatus, chosen: PartStatus): Date {
  const times = [primary.part.getCreationTime(), chosen.part.getCreationTime(), primary.binding?.created, chosen.binding?.created, chosen.binding?.embeddedSignature?.created];
  return new Date(Math.max(...times.map((t) => t?.getTime() ?? 0)));
}

/**
 * SOURCE_DATE_EPOCH before the key existed (an old tag rebuilt with a new key) moves the signature
 * date up to the moment the key became valid: still the same bytes on every rebuild, and a
 * signature gpg accepts. A date in the future is refused.
 */
async function effectiveDate(key: PrivateKey, primary: PartStatus, chosen: PartStatus, date: Date | undefined, now: Date, log: SigningLog | undefined): Promise<Date | undefined> {
  if (date === undefined) return undefined;
  if (Number.isNaN(date.getTime())) throw new ConfigurationError('the signature date is not a valid date');
  if (date.getTime() > now.getTime() + FUTURE_SLACK_MS)
    throw new ConfigurationError(`the signature date ${iso(date)} (SOURCE_DATE_EPOCH) is in the future; gpg and apt reject signatures made in the future`, { fix: 'set SOURCE_DATE_EPOCH to a past time, e.g. $(git log -1 --format=%ct)' });
  let use = new Date(Math.floor(date.getTime() / 1000) * 1000);
  const from = validFrom(primary, chosen);
  if (use < from) {
    log?.info(`SOURCE_DATE_EPOCH (${iso(use)}) predates signing key ${chosen.keyId} (valid from ${iso(from)}); signatures are dated ${iso(from)} instead, which is as reproducible`);
    use = from;
  }
  try {
    const k = await key.getSigningKey(chosen.part.getKeyID(), use, undefined, FULL_CONFIG);
    if (k.getFingerprint() !== chosen.part.getFingerprint()) throw new Error('a different key would sign');
  } catch (e) {
    throw new ConfigurationError(`${describePart(chosen)} was not valid for signing at the signature date ${iso(use)} (SOURCE_DATE_EPOCH): ${safeLibraryMessage(e)}`, { fix: 'sign with a SOURCE_DATE_EPOCH at which the key was valid, or extend its expiry and export it again' });
  }
  return use;
}

async function primaryUserId(key: PrivateKey, now: Date): Promise<string | undefined> {
  try {
    return (await key.getPrimaryUser(now, undefined, FULL_CONFIG)).user.userID?.userID || undefined;
  } catch {
    return key.getUserIDs()[0];
  }
}

/**
 * Reads an armored private key, picks the signing (sub)key, unlocks it and returns a Signer.
 * Every user mistake is a ConfigurationError naming what is wrong; no message ever contains key
 * material or the passphrase.
 */
export async function loadSigner(armoredKey: string, opts: LoadSignerOptions = {}): Promise<Signer> {
  const now = opts.now ?? new Date();
  const keyId = opts.keyId?.trim() ? opts.keyId.trim() : undefined;
  const key = pickKey(await readArmoredPrivateKeys(armoredKey), keyId);
  const parts = await inspectKey(key, now);
  const chosen = selectPart(parts, keyId);
  const primary = parts[0];
  const native = await unlock(chosen, opts.passphrase, opts.log);
  const signatureDate = await effectiveDate(key, primary, chosen, opts.date, now, opts.log);

  const expiries = [primary.expiresAt, chosen.expiresAt].filter((d): d is Date => d !== undefined);
  const expiresAt = expiries.length ? new Date(Math.min(...expiries.map((d) => d.getTime()))) : undefined;
  if (expiresAt && expiresAt.getTime() - now.getTime() < EXPIRY_WARNING_MS)
    opts.log?.warning(`signing key ${chosen.keyId} expires on ${iso(expiresAt)}: after that apt, dnf and gpgv reject its signatures; extend it with gpg --quick-set-expire`);
  const userId = await primaryUserId(key, now);
  opts.log?.info(`signing with ${describePart(chosen)} of ${primary.fingerprint}${userId ? ` (${userId})` : ''}`);
  if (keyId !== undefined && !matchesId(chosen, normalizeKeyId(keyId))) throw new Error('selected key does not match signing-key-id');

  const algorithm = chosen.kind === 'rsa' ? 'rsa' : 'eddsa';
  const issuer = {
    native,
    keyId: new Uint8Array(Buffer.from(chosen.keyId, 'hex')),
    fingerprint: new Uint8Array(Buffer.from(chosen.fingerprint, 'hex')),
  };
  return new OpenPgpSigner(issuer, {
    keyId: chosen.keyId,
    fingerprint: chosen.fingerprint,
    primaryFingerprint: primary.fingerprint,
    algorithm,
    publicKeyArmored: key.toPublic().armor(FULL_CONFIG),
    userId,
    expiresAt,
    signatureDate,
  });
}
