import { config as defaults, enums, type Config, type PartialConfig } from 'openpgp';

/**
 * Every openpgp.js call goes through this config, so the bytes we produce depend only on the key,
 * the data and the date:
 * - SHA-512 is asked for. EdDSA (ed25519) always gets it; RSA gets it whenever the key's own hash
 *   preferences list it (every gpg ≥ 2.1 and openpgp.js key does) and SHA-256 otherwise. Never SHA-1.
 * - No random salt notation: gpg does not add one, and with it a given date would not give the same
 *   bytes twice (RSA PKCS#1 v1.5 and EdDSA are deterministic on their own).
 * - Keys without key-flag subpackets (very old ones) may sign, as gpg allows.
 * - v6 keys are never generated or preferred; they are refused on input (see read-key.ts).
 */
export const OPENPGP_CONFIG: PartialConfig = {
  preferredHashAlgorithm: enums.hash.sha512,
  nonDeterministicSignaturesViaNotation: false,
  allowMissingKeyFlags: true,
  v6Keys: false,
  showVersion: false,
  showComment: false,
};

/** The same as a full Config, for key methods (they take no partial config and read every field). */
export const FULL_CONFIG: Config = { ...defaults, ...OPENPGP_CONFIG };

/** Hashes a signature we make may carry; anything else is a bug, never shipped. */
export const ALLOWED_HASHES: ReadonlySet<number> = new Set([enums.hash.sha256, enums.hash.sha384, enums.hash.sha512]);

/** RSA moduli shorter than this are refused (2047, not 2048: a 2048-bit key can have a 2047-bit modulus). */
export const MIN_RSA_BITS = 2047;

export const EXPORT_FIX = 'gpg --armor --export-secret-keys KEYID';
export const GENERATE_V4_FIX = "gpg --quick-gen-key 'Your Name <you@example.org>' ed25519 sign 2y (or rsa4096 instead of ed25519), then " + EXPORT_FIX;
export const ADD_SUBKEY_FIX = 'add a signing subkey with gpg --quick-add-key FINGERPRINT ed25519 sign 2y, then export again with ' + EXPORT_FIX;
