import type { InputSpec } from '../core/inputs.js';

/** The inputs every signing action declares (spread into its input spec). Light: action metadata imports it. */
export const SIGNING_INPUTS: Record<string, InputSpec> = {
  'signing-key': {
    description:
      'ASCII-armored OpenPGP private key (`gpg --armor --export-secret-keys KEYID`), from a secret. v4 RSA (2048+ bits) or ed25519; a signing subkey is used when there is one. Empty: nothing is signed.',
    kind: 'secret',
  },
  'signing-passphrase': { description: 'Passphrase of signing-key, from a secret. Empty when the key has none.', kind: 'secret' },
  'signing-key-id': {
    description: '16-hex key ID or 40-hex fingerprint of the (sub)key to sign with. Default: the newest valid signing subkey, else the primary key.',
  },
};
