import { armorBlock } from './public-armor.js';
import type { LoadSignerOptions } from '../load.js';
import { nativeKey, type NativeKey } from '../native-key.js';
import { OpenPgpSigner } from '../signer.js';
import type { Signer } from '../types.js';
import { readFastKey, type FastPart } from './key-shape.js';
import { dearmorPrivateKey, NotSure, readPackets } from './packets.js';
import { decryptSecret, privateParams } from './secret.js';

// The same constants and messages as load.ts: for a key this path accepts, the log must be identical.
const FUTURE_SLACK_MS = 5 * 60 * 1000;
const EXPIRY_WARNING_MS = 30 * 24 * 3600 * 1000;
const iso = (d: Date): string => d.toISOString().replace('.000Z', 'Z');
const describe = (p: FastPart): string => `${p.primary ? 'primary key' : 'subkey'} ${p.key.keyId} (${p.kind === 'rsa' ? `rsa${p.key.bits}` : 'ed25519'})`;

type Line = ['info' | 'warning', string];

function unlock(part: FastPart, passphrase: string | undefined, lines: Line[]): NativeKey | undefined {
  let material: Uint8Array | undefined;
  if (part.secret.kind === 'plain') {
    if (passphrase) lines.push(['info', `signing-passphrase is set but ${describe(part)} is not passphrase-protected; it is not needed`]);
    material = part.secret.material;
  } else if (part.secret.kind === 'encrypted' && passphrase) {
    const form = part.secret;
    // The same candidates, in the same order, as load.ts (a pasted trailing newline is forgiven).
    // An empty candidate is left to openpgp.js (its rules for empty passphrases are its own).
    for (const p of new Set([passphrase, passphrase.replace(/\r?\n$/, ''), passphrase.trim()])) {
      if (p === '') continue;
      material = decryptSecret(form, p);
      if (material) break;
    }
  }
  if (!material) return undefined; // no or wrong passphrase: openpgp.js says which
  try {
    return nativeKey(part.kind === 'rsa' ? 'rsa' : 'eddsa', part.key.publicParams, privateParams(part.key.algo, material));
  } finally {
    if (part.secret.kind === 'encrypted') material.fill(0);
  }
}

/** load.ts's effectiveDate for this shape, or NotSure where openpgp.js's own check could differ. */
function effectiveDate(primary: FastPart, chosen: FastPart, date: Date | undefined, now: Date, expiresAt: Date | undefined, lines: Line[]): Date | undefined {
  if (date === undefined) return undefined;
  if (Number.isNaN(date.getTime()) || date.getTime() > now.getTime() + FUTURE_SLACK_MS) throw new NotSure('date');
  let use = new Date(Math.floor(date.getTime() / 1000) * 1000);
  const times = [primary.key.created, chosen.key.created, primary.binding.created, chosen.binding.created, chosen.backSig?.created];
  const from = new Date(Math.max(...times.map((t) => t?.getTime() ?? 0)));
  if (use < from) {
    lines.push(['info', `SOURCE_DATE_EPOCH (${iso(use)}) predates signing key ${chosen.key.keyId} (valid from ${iso(from)}); signatures are dated ${iso(from)} instead, which is as reproducible`]);
    use = from;
  }
  // Valid at `use`: every signature that makes it valid is older, and nothing has expired yet.
  if (expiresAt && use.getTime() >= expiresAt.getTime()) throw new NotSure('date after expiry');
  return use;
}

function build(armoredKey: string, opts: LoadSignerOptions): Signer | undefined {
  if (opts.keyId?.trim()) return undefined; // naming a key: load.ts's messages and checks
  const now = opts.now ?? new Date();
  const key = readFastKey(readPackets(dearmorPrivateKey(armoredKey)), now);
  const [primary, ...subkeys] = key.parts;
  // gpg's and openpgp.js's order: newest signing subkey first, the primary last.
  const order = [...subkeys.sort((a, b) => b.key.created.getTime() - a.key.created.getTime() || b.key.algo - a.key.algo), primary];
  const chosen = order.find((p) => p.canSign && p.kind !== 'encrypt-only' && p.secret.kind !== 'stub');
  if (!chosen) return undefined;
  const lines: Line[] = [];
  const native = unlock(chosen, opts.passphrase, lines);
  if (!native) return undefined;
  const expiries = [primary.expiresAt, chosen.expiresAt].filter((d): d is Date => d !== undefined);
  const expiresAt = expiries.length ? new Date(Math.min(...expiries.map((d) => d.getTime()))) : undefined;
  const signatureDate = effectiveDate(primary, chosen, opts.date, now, expiresAt, lines);
  if (expiresAt && expiresAt.getTime() - now.getTime() < EXPIRY_WARNING_MS)
    lines.push(['warning', `signing key ${chosen.key.keyId} expires on ${iso(expiresAt)}: after that apt, dnf and gpgv reject its signatures; extend it with gpg --quick-set-expire`]);
  const userId = key.userId || undefined;
  lines.push(['info', `signing with ${describe(chosen)} of ${primary.key.fingerprint}${userId ? ` (${userId})` : ''}`]);
  for (const [level, message] of lines) opts.log?.[level](message);
  const issuer = {
    native,
    keyId: new Uint8Array(Buffer.from(chosen.key.keyId, 'hex')),
    fingerprint: new Uint8Array(Buffer.from(chosen.key.fingerprint, 'hex')),
  };
  return new OpenPgpSigner(issuer, {
    keyId: chosen.key.keyId,
    fingerprint: chosen.key.fingerprint,
    primaryFingerprint: primary.key.fingerprint,
    algorithm: chosen.kind === 'rsa' ? 'rsa' : 'eddsa',
    publicKeyArmored: armorBlock(key.publicPackets),
    userId,
    expiresAt,
    signatureDate,
  });
}

/**
 * The Signer load.ts would return, made without openpgp.js for the common key shapes (see
 * key-shape.ts), or undefined for anything else, including every key load.ts refuses: the caller
 * then runs load.ts, which gives the proper error. Never throws, never logs before it is sure.
 */
export function loadSignerFast(armoredKey: string, opts: LoadSignerOptions = {}): Signer | undefined {
  try {
    return build(armoredKey, opts);
  } catch {
    // NotSure, KeyMismatchError (a damaged key), or anything else this code cannot read: all
    // openpgp.js's to judge, with its proper error. Nothing here is logged or rethrown.
    return undefined;
  }
}
