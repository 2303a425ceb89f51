import { config as defaults, type Config, type PartialConfig } from 'openpgp';

/**
 * openpgp.js reads, checks and unlocks keys; it does not make our signatures (packet.ts does, with
 * OpenSSL). For reading:
 * - keys without key-flag subpackets (very old ones) may sign, as gpg allows;
 * - v6 keys are never preferred; they are refused on input (read-key.ts, inspect.ts).
 */
export const OPENPGP_CONFIG: PartialConfig = {
  allowMissingKeyFlags: true,
  v6Keys: false,
};

/** The same as a full Config, for key methods (they take no partial config and read every field). */
export const FULL_CONFIG: Config = { ...defaults, ...OPENPGP_CONFIG };

/** RSA moduli shorter than this are refused (2047, not 2048: a 2048-bit key can have a 2047-bit modulus). */
export const MIN_RSA_BITS = 2047;

export const EXPORT_FIX = 'gpg --armor --export-secret-keys KEYID';
export const GENERATE_V4_FIX = "gpg --quick-gen-key 'Your Name <you@example.org>' ed25519 sign 2y (or rsa4096 instead of ed25519), then " + EXPORT_FIX;
export const ADD_SUBKEY_FIX = 'add a signing subkey with gpg --quick-add-key FINGERPRINT ed25519 sign 2y, then export again with ' + EXPORT_FIX;
