/** An unlocked OpenPGP signing key, ready to sign. Implemented in-process (openpgp.js): no gpg, no agent. */
export interface Signer {
  /** 16 hex digits, upper case, of the key (or subkey) that signs. */
  readonly keyId: string;
  /** 40 hex digits, upper case, of the signing key (or subkey). */
  readonly fingerprint: string;
  /** Fingerprint of the primary key (what users import and trust). */
  readonly primaryFingerprint: string;
  /** 'rsa' goes into rpm RSAHEADER (268); 'eddsa' into DSAHEADER (267). */
  readonly algorithm: 'rsa' | 'eddsa';
  /** The armored public key (primary + subkeys), for KEY.asc / rpmkeys --import / apt signed-by. */
  readonly publicKeyArmored: string;
  /** Detached binary-mode signature as raw packet bytes (rpm header signatures). */
  signDetachedBinary(data: Uint8Array): Promise<Uint8Array>;
  /** Detached binary-mode signature, ASCII armored (`.asc` files, Release.gpg, repomd.xml.asc). */
  signDetachedArmored(data: Uint8Array): Promise<string>;
  /** Cleartext signature of a text (APT InRelease). */
  signCleartext(text: string): Promise<string>;
}
