import { ConfigurationError } from '../core/errors.js';
import { describePart, type PartStatus } from './inspect.js';
import { ADD_SUBKEY_FIX, EXPORT_FIX, GENERATE_V4_FIX } from './policy.js';

const day = (d: Date | undefined): string => (d ? d.toISOString().slice(0, 10) : 'an unknown date');

/** `signing-key-id` as gpg users write it: spaces, a 0x prefix or a trailing "!" allowed. */
export function normalizeKeyId(spec: string): string {
  const id = spec.replace(/\s+/g, '').replace(/^0x/i, '').replace(/!$/, '').toUpperCase();
  if (/^[0-9A-F]{40}$/.test(id) || /^[0-9A-F]{16}$/.test(id)) return id;
  if (/^[0-9A-F]{8}$/.test(id))
    throw new ConfigurationError(`signing-key-id "${spec}" is a short (8-digit) key ID, which is ambiguous`, { fix: 'use the 16-digit long key ID or the 40-digit fingerprint shown by gpg -K --keyid-format long --with-subkey-fingerprints' });
  throw new ConfigurationError(`signing-key-id "${spec}" is not a 16-hex-digit key ID or a 40-hex-digit fingerprint`, { fix: 'copy it from gpg -K --keyid-format long --with-subkey-fingerprints' });
}

export function matchesId(s: PartStatus, id: string): boolean {
  return id.length === 40 ? s.fingerprint === id : s.keyId === id;
}

function listing(parts: PartStatus[]): string {
  return parts.map((s) => `${describePart(s)}${s.canSign ? ', can sign' : ''}`).join('; ');
}

/** Why one part cannot sign for us, as an error; undefined when it can. */
export function unusableReason(s: PartStatus, primary: PartStatus): ConfigurationError | undefined {
  const what = describePart(s);
  const fpr = primary.fingerprint;
  if (s.kind === 'rfc9580')
    return new ConfigurationError(`signing-key contains an RFC 9580 ${what}: RFC 9580 v6 keys and Ed25519/Ed448/X25519/X448 (algorithms 25–28) are not read by gpg 2.2, apt or rpm 4.x`, { fix: `generate a v4 key: ${GENERATE_V4_FIX}` });
  if (primary.validity === 'revoked')
    return new ConfigurationError(`signing-key ${fpr} is revoked`, { fix: `create a new key (${GENERATE_V4_FIX}) and publish its public key to your users` });
  if (primary.validity === 'expired')
    return new ConfigurationError(`signing-key ${fpr} expired on ${day(primary.expiresAt)}`, { fix: `extend it with gpg --quick-set-expire ${fpr} 2y (and gpg --quick-set-expire ${fpr} 2y '*' for its subkeys), then store ${EXPORT_FIX} again and re-publish the public key` });
  if (primary.validity === 'invalid')
    return new ConfigurationError(`signing-key ${fpr} has no valid self-signature (${primary.invalidReason ?? 'unknown reason'}); the stored key may be incomplete`, { fix: `store the complete output of ${EXPORT_FIX} again; if gpg shows the key as unusable too, create a new one` });
  if (!s.canSign)
    return new ConfigurationError(`${what} of signing-key ${fpr} cannot sign (${s.kind === 'encrypt-only' ? 'it is an encryption key' : 'its key flags do not include signing'})`, { fix: `name a signing subkey in signing-key-id, or ${ADD_SUBKEY_FIX}` });
  if (s.validity === 'revoked') return new ConfigurationError(`${what} of signing-key ${fpr} is revoked`, { fix: ADD_SUBKEY_FIX });
  if (s.validity === 'expired')
    return new ConfigurationError(`${what} of signing-key ${fpr} expired on ${day(s.expiresAt)}`, { fix: `extend it with gpg --quick-set-expire ${fpr} 2y ${s.fingerprint}, then store ${EXPORT_FIX} again and re-publish the public key` });
  if (s.validity === 'invalid')
    return new ConfigurationError(`${what} of signing-key ${fpr} is not valid for signing (${s.invalidReason ?? 'no valid binding signature'})`, { fix: ADD_SUBKEY_FIX });
  if (!s.hasSecret)
    return new ConfigurationError(`the secret part of ${what} is not in signing-key (a stub: the key lives on a smartcard, or was left out of the export)`, { fix: `export a key whose signing secret is present: ${EXPORT_FIX}` });
  if (s.kind === 'unsupported')
    return new ConfigurationError(`${what} of signing-key ${fpr} uses an unsupported algorithm: only RSA (2048 bits or more) and ed25519 keys are supported`, { fix: ADD_SUBKEY_FIX.replace('ed25519', 'ed25519 (or rsa4096)') });
  return undefined;
}

/**
 * The key packet to sign with: the one `keyId` names, else the newest usable signing subkey, else
 * the primary key (what gpg picks too). Throws a ConfigurationError that names the reason.
 */
export function selectPart(parts: PartStatus[], keyIdSpec: string | undefined): PartStatus {
  const primary = parts[0];
  const rfc9580 = parts.find((p) => p.kind === 'rfc9580');
  if (rfc9580) throw unusableReason(rfc9580, primary) as ConfigurationError;
  const whole = primary.validity === 'valid' ? undefined : unusableReason(primary, primary);
  if (whole) throw whole;

  if (keyIdSpec !== undefined) {
    const id = normalizeKeyId(keyIdSpec);
    const named = parts.find((p) => matchesId(p, id));
    if (!named)
      throw new ConfigurationError(`signing-key-id ${id} is not in signing-key ${primary.fingerprint}, which holds: ${listing(parts)}`, { fix: 'set signing-key-id to one of those, or remove it to use the newest signing subkey' });
    const why = unusableReason(named, primary);
    if (why) throw why;
    return named;
  }

  const order = [...parts.slice(1), primary];
  const chosen = order.find((p) => p.usable);
  if (chosen) return chosen;
  const signers = order.filter((p) => p.canSign);
  if (signers.length === 0)
    throw new ConfigurationError(`signing-key ${primary.fingerprint} has no key that can sign (it holds: ${listing(parts)})`, { fix: ADD_SUBKEY_FIX });
  // Report the most promising signer: valid with its secret present, else valid, else the newest.
  const best = signers.find((p) => p.validity === 'valid' && p.hasSecret) ?? signers.find((p) => p.validity === 'valid') ?? signers[0];
  const why = unusableReason(best, primary);
  if (why && signers.length > 1) {
    const others = signers.filter((p) => p !== best).map((p) => `${describePart(p)}: ${p.validity}${p.hasSecret ? '' : ', no secret'}`);
    return throwWith(why, `; other signing keys: ${others.join('; ')}`);
  }
  throw why ?? new Error(`no usable signing key in ${primary.fingerprint}, but no reason found`);
}

function throwWith(e: ConfigurationError, extra: string): never {
  throw new ConfigurationError(e.message + extra, { fix: e.fix });
}
