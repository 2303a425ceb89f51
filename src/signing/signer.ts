import { armorSignature } from './armor.js';
import { signaturePacket, SIG_BINARY, SIG_TEXT, type Issuer } from './packet.js';
import type { Signer } from './types.js';

export interface SignerFields {
  keyId: string;
  fingerprint: string;
  primaryFingerprint: string;
  algorithm: 'rsa' | 'eddsa';
  publicKeyArmored: string;
  userId: string | undefined;
  expiresAt: Date | undefined;
  signatureDate: Date | undefined;
}

/**
 * The cleartext signature framework (RFC 9580 §7): what is hashed is the text with CRLF line
 * endings and without trailing spaces/tabs, and the line ending just before the signature
 * armor is not part of it. We print the lines as given (LF endings, dash-escaped), exactly as
 * `gpg --clearsign` does.
 */
export function cleartextParts(text: string): { shown: string; hashed: string } {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return {
    // Dash-escape lines starting with "-" (required) and "From " (optional; gpg does it too).
    shown: lines.map((l) => (l.startsWith('-') || l.startsWith('From ') ? `- ${l}` : l)).join('\n'),
    hashed: lines.map((l) => l.replace(/[ \t]+$/, '')).join('\n'),
  };
}

/** An unlocked key, held in private fields so neither util.inspect nor JSON.stringify can print it. */
export class OpenPgpSigner implements Signer {
  readonly keyId: string;
  readonly fingerprint: string;
  readonly primaryFingerprint: string;
  readonly algorithm: 'rsa' | 'eddsa';
  readonly publicKeyArmored: string;
  readonly userId: string | undefined;
  readonly expiresAt: Date | undefined;
  readonly signatureDate: Date | undefined;
  readonly #issuer: Issuer;

  constructor(issuer: Issuer, fields: SignerFields) {
    this.keyId = fields.keyId;
    this.fingerprint = fields.fingerprint;
    this.primaryFingerprint = fields.primaryFingerprint;
    this.algorithm = fields.algorithm;
    this.publicKeyArmored = fields.publicKeyArmored;
    this.userId = fields.userId;
    this.expiresAt = fields.expiresAt;
    this.signatureDate = fields.signatureDate;
    this.#issuer = issuer;
  }

  #sign(sigType: number, chunks: Iterable<Uint8Array> | AsyncIterable<Uint8Array>): Promise<Uint8Array> {
    return signaturePacket(sigType, this.#issuer, this.signatureDate ?? new Date(), chunks);
  }

  signDetachedBinary(data: Uint8Array): Promise<Uint8Array> {
    return this.#sign(SIG_BINARY, [data]);
  }

  async signDetachedArmored(data: Uint8Array): Promise<string> {
    return armorSignature(await this.#sign(SIG_BINARY, [data]));
  }

  async signDetachedArmoredStream(chunks: AsyncIterable<Uint8Array>): Promise<string> {
    return armorSignature(await this.#sign(SIG_BINARY, chunks));
  }

  async signCleartext(text: string): Promise<string> {
    const { shown, hashed } = cleartextParts(text);
    const packet = await this.#sign(SIG_TEXT, [Buffer.from(hashed.replace(/\n/g, '\r\n'), 'utf8')]);
    return `-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA512\n\n${shown}\n${armorSignature(packet)}`;
  }
}
