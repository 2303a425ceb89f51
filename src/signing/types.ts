/** An unlocked OpenPGP signing key, ready to sign. Implemented in-process (signer.ts, OpenSSL): no gpg, no agent. */
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
  /** The primary user ID, e.g. "Example Releases <releases@example.org>" (for logs and summaries). */
  readonly userId?: string;
  /** When the signing key (or its primary) expires; undefined = never. apt/dnf reject its signatures after that. */
  readonly expiresAt?: Date;
  /** The creation time every signature carries (from SOURCE_DATE_EPOCH); undefined = the time of signing. */
  readonly signatureDate?: Date;
  /** Detached binary-mode signature as raw packet bytes (rpm header signatures). */
  signDetachedBinary(data: Uint8Array): Promise<Uint8Array>;
  /** Detached binary-mode signature, ASCII armored (`.asc` files, Release.gpg, repomd.xml.asc). */
  signDetachedArmored(data: Uint8Array): Promise<string>;
  /**
   * Like signDetachedArmored, over a stream (large release files in constant memory). Optional so
   * test fakes need not have it: call signStreamArmored() from signing/index.ts, which falls back.
   */
  signDetachedArmoredStream?(chunks: AsyncIterable<Uint8Array>): Promise<string>;
  /** Cleartext signature of a text (APT InRelease). */
  signCleartext(text: string): Promise<string>;
}
